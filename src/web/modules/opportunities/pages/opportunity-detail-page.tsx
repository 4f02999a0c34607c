import { ArrowLeftOutlined, ArrowRightOutlined, CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Grid, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { ErrorResult } from '../../../platform/errors/error-result';
import { PageContainer } from '../../../platform/layout/page-container';
import { ActivityTimeline } from '../../activities';
import { useOpportunity, usePipelines, type OpportunityDetail, type PipelineStage } from '../api';
import { ApprovalsTab } from '../components/approvals-tab';
import { BidTab } from '../components/bid-tab';
import { CloseModal } from '../components/close-modal';
import { ContactsTab } from '../components/contacts-tab';
import { HistoryTab } from '../components/history-tab';
import { InitiationReportTab } from '../components/initiation-report-tab';
import { formatMoney, formatPercent } from '../components/money-format';
import { MoveModal } from '../components/move-modal';
import { DecisionDateFlag, FunnelCategoryTag, OpportunityStatusTag } from '../components/opportunity-tags';
import { OverviewTab } from '../components/overview-tab';
import { QuotesTab } from '../../quotes';
import { KeyNodeChecklist, StagePath } from '../components/stage-path';

type Dialog = { kind: 'move'; to: PipelineStage; direction: 'forward' | 'back' } | { kind: 'close'; outcome: 'won' | 'lost' } | null;

function Header({ o }: { o: OpportunityDetail }) {
  const { t } = useTranslation('opportunities');
  const money = (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(v)}</span>;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} data-testid="opportunity-header"
      items={[
        { key: 'customer', label: t('field.customer'), children: <Link to={`/customers/${o.customerId}`} data-testid="customer-link">{o.customerName}</Link> },
        { key: 'amount', label: t('field.amount'), children: money(o.amount) },
        { key: 'probability', label: t('field.probability'), children: formatPercent(o.probability) },
        { key: 'weighted', label: t('field.weightedAmount'), children: money(o.weightedAmount) },
        { key: 'owner', label: t('field.owner'), children: o.ownerName },
        { key: 'stage', label: t('field.stage'), children: <Flex gap={6} wrap>{o.stageName}<FunnelCategoryTag value={o.funnelCategory} /></Flex> },
        { key: 'close', label: t('field.expectedCloseDate'), children: <Flex gap={6} wrap>{o.expectedCloseDate ?? '—'}{o.isDecisionDateMissing ? <DecisionDateFlag /> : null}</Flex> },
        { key: 'status', label: t('field.status'), children: <OpportunityStatusTag value={o.status} /> },
      ]} />
  );
}

/** 商机详情: header figures, the stage path with key nodes, move and close, and the deal's tabs. */
export function OpportunityDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('opportunities');
  const { t: tq } = useTranslation('quotes');
  const { can } = useAccess();
  const opportunity = useOpportunity(id);
  const pipelines = usePipelines({ includeInactive: can('pipeline:manage') });
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>(null);
  const isPhone = !Grid.useBreakpoint().md;
  const tab = params.get('tab') ?? 'overview';

  if (opportunity.isPending) return <Flex justify="center" style={{ padding: 48 }}><Spin /></Flex>;
  if (opportunity.isError) return <ErrorResult error={opportunity.error} onRetry={() => void opportunity.refetch()} />;
  const o = opportunity.data;
  const stages = pipelines.data?.items.find((p) => p.id === o.pipelineId)?.stages ?? [];
  const index = stages.findIndex((s) => s.id === o.stageId);
  const current = stages[index];
  const next = stages[index + 1];
  const previous = index > 0 ? stages[index - 1] : undefined;
  const open = o.status === 'open';
  const canMove = open && o.canEdit && can('opportunity:move');
  const canClose = open && o.canEdit && can('opportunity:close');
  const withReport = stages.some((s) => s.requiredApprovals.includes('initiation_report'));
  const withBid = stages.some((s) => s.requiredApprovals.includes('bid_price'));
  const reload = () => void opportunity.refetch();

  const items = [
    { key: 'overview', label: t('tab.overview'), children: <OverviewTab opportunity={o} stage={current} onReload={reload} /> },
    { key: 'contacts', label: `${t('tab.contacts')} ${o.contacts.length}`, children: <ContactsTab opportunity={o} onReload={reload} /> },
    ...(withReport && can('initiation_report:read') ? [{ key: 'initiation-report', label: t('tab.initiationReport'), children: <InitiationReportTab opportunity={o} /> }] : []),
    ...(withBid && can('bid:read') ? [{ key: 'bid', label: t('tab.bid'), children: <BidTab opportunity={o} /> }] : []),
    ...(can('quote:read') ? [{ key: 'quotes', label: tq('tab.quotes'), children: <QuotesTab customerId={o.customerId} opportunityId={o.id} /> }] : []),
    { key: 'history', label: t('tab.history'), children: <HistoryTab opportunityId={o.id} /> },
    { key: 'activities', label: t('tab.activities'), children: <ActivityTimeline opportunityId={o.id} /> },
    ...((withReport || withBid) ? [{ key: 'approvals', label: t('tab.approvals'), children: <ApprovalsTab opportunityId={o.id} withReport={withReport && can('initiation_report:read')} withBid={withBid && can('bid:read')} /> }] : []),
  ];

  return (
    <PageContainer title={o.name}
      extra={(
        <>
          {canMove && previous ? <Button icon={<RollbackOutlined />} onClick={() => setDialog({ kind: 'move', to: previous, direction: 'back' })} data-testid="move-back">{t('move.back')}</Button> : null}
          {canMove && next && next.funnelCategory !== 'order' ? (
            <Button type="primary" icon={<ArrowRightOutlined />} onClick={() => setDialog({ kind: 'move', to: next, direction: 'forward' })} data-testid="move-forward">
              {t('move.forwardTo', { stage: next.name })}
            </Button>
          ) : null}
          {canClose ? <Button icon={<CheckOutlined />} onClick={() => setDialog({ kind: 'close', outcome: 'won' })} data-testid="close-won">{t('close.won')}</Button> : null}
          {canClose ? <Button danger icon={<CloseOutlined />} onClick={() => setDialog({ kind: 'close', outcome: 'lost' })} data-testid="close-lost">{t('close.lost')}</Button> : null}
        </>
      )}>
      <Flex wrap gap={8} align="center" style={{ marginTop: -8, marginBottom: 12 }}>
        <Link to={`/opportunities?pipelineId=${o.pipelineId}`}><Button type="link" size="small" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>{t('detail.back')}</Button></Link>
        <Typography.Text type="secondary" copyable={{ text: o.number }} data-testid="opportunity-number">{o.number}</Typography.Text>
        <OpportunityStatusTag value={o.status} />
      </Flex>
      <Card size={isPhone ? 'small' : 'default'} style={{ marginBottom: 16 }}>
        <Header o={o} />
        {stages.length > 0 ? (
          <div style={{ marginTop: 16, overflowX: 'auto' }}>
            <StagePath opportunity={o} stages={stages} />
          </div>
        ) : null}
        {stages.length > 0 ? <div style={{ marginTop: 12 }}><KeyNodeChecklist opportunity={o} stages={stages} canEdit={o.canEdit && open} /></div> : null}
      </Card>
      <Card size={isPhone ? 'small' : 'default'}>
        <Tabs activeKey={items.some((i) => i.key === tab) ? tab : 'overview'} items={items} destroyOnHidden
          onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })} />
      </Card>
      {dialog?.kind === 'move' ? <MoveModal opportunity={o} from={current} to={dialog.to} direction={dialog.direction} onClose={() => setDialog(null)} onReload={reload} /> : null}
      {dialog?.kind === 'close' ? <CloseModal opportunity={o} outcome={dialog.outcome} onClose={() => setDialog(null)} /> : null}
    </PageContainer>
  );
}
