import { Button, Card, Checkbox, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { money } from '../../../../shared/money';
import { formatMoney } from '../../../../shared/money-format';
import { receivableStatuses } from '../../../../shared/contracts/receivables.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { CustomerSelect } from '../../customers/components/customer-select';
import { UserSelect } from '../../customers/components/user-select';
import { useAccess } from '../../../platform/access/access';
import { useReceivables, type Receivable, type ReceivableFilter } from '../api';
import { PaymentSlipModal } from '../components/payment-slip-modal';

export const statusColor: Record<Receivable['status'], string> = { open: 'gold', partial: 'blue', paid: 'green', written_off: 'default' };
const day = (v: string | undefined) => (v ? dayjs(v) : null);

/** 应收款: every receivable line the user may see, filtered by customer, owner, status, overdue and due range. */
export function ReceivablesPage() {
  const { t } = useTranslation('payments');
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<ReceivableFilter>(() => ({ customerId: params.get('customerId') ?? undefined }));
  const list = useReceivables(filter);
  const set = (patch: Partial<ReceivableFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const outstanding = money.add(...list.items.map((r) => r.outstanding));
  return (
    <PageContainer title={t('receivables.title')}>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="receivable-filters">
          <div style={{ width: 260 }}><CustomerSelect value={filter.customerId} onChange={(customerId) => set({ customerId })} /></div>
          <UserSelect salesOnly allowClear placeholder={t('receivables.anyOwner')} style={{ width: 140 }} value={filter.ownerId} onChange={(ownerId) => set({ ownerId })} />
          <Select allowClear placeholder={t('receivables.anyStatus')} style={{ width: 130 }} value={filter.status}
            options={receivableStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} onChange={(status?: Receivable['status']) => set({ status })} />
          <DatePicker.RangePicker placeholder={[t('receivables.due'), t('receivables.due')]} value={[day(filter.dueFrom), day(filter.dueTo)]}
            onChange={(r) => set({ dueFrom: r?.[0]?.format('YYYY-MM-DD'), dueTo: r?.[1]?.format('YYYY-MM-DD') })} />
          <DatePicker placeholder={t('receivables.asOf')} value={day(filter.asOf)} onChange={(d) => set({ asOf: d ? d.format('YYYY-MM-DD') : undefined })} />
          <Checkbox checked={filter.overdue ?? false} onChange={(e) => set({ overdue: e.target.checked || undefined })} data-testid="overdue-only">{t('receivables.overdueOnly')}</Checkbox>
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Typography.Paragraph type="secondary">{t('receivables.total', { count: list.items.length, amount: formatMoney(outstanding) })}</Typography.Paragraph>
        <ReceivableTable items={list.items} loading={list.isPending} />
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      </Card>
    </PageContainer>
  );
}

/** The lines table (also on the customer's credit tab). */
export function ReceivableTable({ items, loading, showCustomer = true }: { items: Receivable[]; loading: boolean; showCustomer?: boolean }) {
  const { t } = useTranslation('payments');
  const { can } = useAccess();
  const [slipFor, setSlipFor] = useState<Receivable | null>(null);
  const canFile = can('payment-slip:file');
  return (
    <>
    <Table<Receivable> rowKey="id" size="small" pagination={false} loading={loading} dataSource={items} scroll={{ x: 1100 }} locale={{ emptyText: t('receivables.empty') }} data-testid="receivable-table"
      columns={[
        ...(showCustomer ? [{ title: t('field.customer'), key: 'customer', render: (_: unknown, r: Receivable) => <Link to={`/customers/${r.customer.id}`}>{r.customer.name}</Link> }] : []),
        { title: t('field.contract'), key: 'contract', width: 130, render: (_, r) => <Link to={`/contracts/${r.contract.id}`}>{r.contract.number}</Link> },
        { title: t('field.kind'), key: 'kind', width: 90, render: (_, r) => t(`kind.${r.kind}`) },
        { title: t('field.owner'), key: 'owner', width: 90, render: (_, r) => r.owner.name },
        { title: t('field.dueDate'), dataIndex: 'dueDate', key: 'due', width: 110 },
        { title: t('field.lineAmount'), key: 'amount', width: 130, align: 'right', render: (_, r) => formatMoney(r.amount) },
        { title: t('field.received'), key: 'received', width: 130, align: 'right', render: (_, r) => formatMoney(r.received) },
        { title: t('field.outstanding'), key: 'outstanding', width: 130, align: 'right', render: (_, r) => formatMoney(r.outstanding) },
        { title: t('field.daysOverdue'), key: 'days', width: 90, align: 'right', render: (_, r) => (r.daysOverdue > 0 ? <Typography.Text type="danger">{t('days', { count: r.daysOverdue })}</Typography.Text> : '—') },
        { title: t('field.status'), key: 'status', width: 100, render: (_, r) => <Tag color={statusColor[r.status]}>{t(`status.${r.status}`)}</Tag> },
        { title: t('field.paidOn'), key: 'paidOn', width: 110, render: (_, r) => r.paidOn ?? '—' },
        ...(canFile ? [{
          title: '', key: 'slip', width: 110,
          render: (_: unknown, r: Receivable) => (r.kind === 'prepayment' && (r.status === 'open' || r.status === 'partial')
            ? <Button size="small" onClick={() => setSlipFor(r)} data-testid="file-slip">{t('slip.button')}</Button> : null),
        }] : []),
      ]} />
    {slipFor ? <PaymentSlipModal line={slipFor} onClose={() => setSlipFor(null)} /> : null}
    </>
  );
}
