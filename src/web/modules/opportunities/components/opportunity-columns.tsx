import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Opportunity } from '../api';
import { formatMoney } from './money-format';
import { DecisionDateFlag, FunnelCategoryTag, OpportunityStatusTag } from './opportunity-tags';

/** The opportunity columns shared by the list page and the customer's opportunities tab. */
export function useOpportunityColumns(options: { withCustomer: boolean }) {
  const { t } = useTranslation('opportunities');
  const money = (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatMoney(v)}</span>;
  return [
    { title: t('field.name'), key: 'name', fixed: 'left' as const, render: (_: unknown, o: Opportunity) => (
      <Flex vertical style={{ maxWidth: 280, minWidth: 140 }}>
        <Link to={`/opportunities/${o.id}`} data-testid="opportunity-link" style={{ whiteSpace: 'normal' }}>{o.name}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.number}</Typography.Text>
      </Flex>
    ) },
    ...(options.withCustomer ? [{ title: t('field.customer'), dataIndex: 'customerName', responsive: ['sm' as const], render: (name: string, o: Opportunity) => <Link to={`/customers/${o.customerId}`}>{name}</Link> }] : []),
    { title: t('field.stage'), key: 'stage', render: (_: unknown, o: Opportunity) => (
      <Flex vertical gap={2} align="start">
        <span style={{ whiteSpace: 'nowrap' }}>{o.stageName}</span>
        <Flex gap={4} wrap>{o.status === 'open' ? <FunnelCategoryTag value={o.funnelCategory} /> : <OpportunityStatusTag value={o.status} />}{o.isDecisionDateMissing ? <DecisionDateFlag /> : null}</Flex>
      </Flex>
    ) },
    { title: t('field.amount'), dataIndex: 'amount', align: 'right' as const, render: money },
    { title: t('field.probability'), dataIndex: 'probability', align: 'right' as const, responsive: ['md' as const], render: (p: string) => `${p}%` },
    { title: t('field.weightedAmount'), dataIndex: 'weightedAmount', align: 'right' as const, responsive: ['lg' as const], render: money },
    { title: t('field.expectedCloseDate'), dataIndex: 'expectedCloseDate', responsive: ['md' as const], render: (d: string | null) => d ?? '—' },
    { title: t('field.owner'), dataIndex: 'ownerName', responsive: ['sm' as const] },
    { title: t('field.daysInStage'), dataIndex: 'daysInStage', align: 'right' as const, responsive: ['xl' as const], render: (d: number, o: Opportunity) => (o.status === 'open' ? d : '—') },
  ];
}

