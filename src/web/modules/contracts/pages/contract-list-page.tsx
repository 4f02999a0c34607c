import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Grid, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { contractStatuses } from '../../../../shared/contracts/contracts.contract';
import { formatMoney } from '../../../../shared/money-format';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { CustomerSelect } from '../../customers/components/customer-select';
import { UserSelect } from '../../customers/components/user-select';
import { useContracts, type ContractFilter, type ContractStatus, type ContractSummary } from '../api';
import { ContractStatusTag } from '../components/contract-status-tag';

/** 销售合同: contracts in my scope, by status, customer, owner and signing date. */
export function ContractListPage() {
  const { t } = useTranslation('contracts');
  const { can } = useAccess();
  const isPhone = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<ContractFilter>({});
  const list = useContracts(filter);
  const w = (width: number) => ({ width, maxWidth: '100%', flexGrow: isPhone ? 1 : 0 });
  const amount = (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;

  return (
    <PageContainer title={t('list.title')} extra={can('contract:create') ? <Link to="/contracts/new"><Button type="primary" icon={<PlusOutlined />}>{t('list.new')}</Button></Link> : null}>
      <Typography.Paragraph type="secondary">{t('list.intro')}</Typography.Paragraph>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="contract-filters">
          <Input.Search allowClear placeholder={t('list.search')} style={w(200)} onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))} />
          <Select allowClear placeholder={t('list.anyStatus')} aria-label={t('field.status')} style={w(130)} value={filter.status}
            options={contractStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} onChange={(status?: ContractStatus) => setFilter((f) => ({ ...f, status }))} />
          <div style={w(220)}><CustomerSelect value={filter.customerId} onChange={(customerId) => setFilter((f) => ({ ...f, customerId }))} /></div>
          <UserSelect salesOnly allowClear placeholder={t('list.anyOwner')} style={w(140)} value={filter.ownerId} onChange={(ownerId) => setFilter((f) => ({ ...f, ownerId }))} />
          <DatePicker.RangePicker style={w(250)} placeholder={[t('list.signedRange'), t('list.signedRange')]} aria-label={t('list.signedRange')}
            onChange={(range) => setFilter((f) => ({ ...f, signedFrom: range?.[0]?.format('YYYY-MM-DD'), signedTo: range?.[1]?.format('YYYY-MM-DD') }))} />
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<ContractSummary>
          rowKey="id" size="middle" pagination={false} loading={list.isPending} dataSource={list.items} data-testid="contracts-table"
          locale={{ emptyText: t('list.empty') }} scroll={isPhone ? undefined : { x: 1000 }}
          columns={isPhone ? [{
            title: t('field.title'), key: 'contract',
            render: (_, c) => (
              <Flex vertical gap={2}>
                <Flex gap={6} wrap align="center"><Link to={`/contracts/${c.id}`}>{c.title}</Link><ContractStatusTag status={c.status} /></Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.number} · {c.customer.name} · {formatMoney(c.amount)} · {c.owner.name}</Typography.Text>
              </Flex>
            ),
          }] : [
            { title: t('field.number'), dataIndex: 'number', width: 130, fixed: 'left', render: (n: string, c) => <Link to={`/contracts/${c.id}`}>{n}</Link> },
            { title: t('field.title'), dataIndex: 'title', width: 220, ellipsis: true },
            { title: t('field.customer'), key: 'customer', width: 200, ellipsis: true, render: (_, c) => <Link to={`/customers/${c.customer.id}`}>{c.customer.name}</Link> },
            { title: t('field.amount'), key: 'amount', width: 140, align: 'right', render: (_, c) => amount(c.amount) },
            { title: t('field.status'), key: 'status', width: 90, render: (_, c) => <ContractStatusTag status={c.status} /> },
            { title: t('field.contractDate'), dataIndex: 'contractDate', width: 110 },
            { title: t('field.signedOn'), dataIndex: 'signedOn', width: 110, render: (d: string | null) => d ?? '—' },
            { title: t('field.owner'), key: 'owner', width: 90, render: (_, c) => c.owner.name },
          ]}
        />
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      </Card>
    </PageContainer>
  );
}
