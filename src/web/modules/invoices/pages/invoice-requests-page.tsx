import { Button, Card, Flex, Grid, Input, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { invoiceRequestStatuses } from '../../../../shared/contracts/invoices.contract';
import { formatMoney } from '../../../../shared/money-format';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { useInvoiceRequests, type InvoiceFilter, type InvoiceRequestStatus, type InvoiceRequestSummary } from '../api';
import { InvoiceStatusTag } from '../components/invoice-status-tag';
import { IssueInvoiceModal } from '../components/issue-invoice-modal';

/** 开票申请: finance's queue of approved requests to issue (and every request in scope, by status). */
export function InvoiceRequestsPage() {
  const { t } = useTranslation('invoices');
  const { can } = useAccess();
  const isFinance = can('invoice:issue');
  const isPhone = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<InvoiceFilter>(isFinance ? { status: 'approved' } : {});
  const [issuing, setIssuing] = useState<InvoiceRequestSummary | null>(null);
  const list = useInvoiceRequests(filter);
  const amount = (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;
  const issueButton = (r: InvoiceRequestSummary) => (r.status === 'approved' && isFinance
    ? <Button size="small" type="primary" onClick={() => setIssuing(r)} data-testid="invoice-issue" style={{ alignSelf: 'flex-start' }}>{t('action.issue')}</Button> : null);

  return (
    <PageContainer title={t('list.title')}>
      <Typography.Paragraph type="secondary">{t('list.intro')}</Typography.Paragraph>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Segmented<InvoiceRequestStatus | 'all'> value={filter.status ?? 'all'} onChange={(v) => setFilter((f) => ({ ...f, status: v === 'all' ? undefined : v }))}
            options={[{ value: 'all', label: t('list.anyStatus') }, ...invoiceRequestStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
            style={{ maxWidth: '100%', overflowX: 'auto' }} />
          <Input.Search allowClear placeholder={t('list.search')} style={{ width: isPhone ? '100%' : 260 }} onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))} />
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<InvoiceRequestSummary> rowKey="id" size="middle" pagination={false} loading={list.isPending} dataSource={list.items} data-testid="invoice-requests-table"
          locale={{ emptyText: filter.status === 'approved' ? t('list.emptyQueue') : t('list.empty') }} scroll={isPhone ? undefined : { x: 1100 }}
          columns={isPhone ? [{
            title: t('field.title'), key: 'request', render: (_, r) => (
              <Flex vertical gap={4}>
                <Flex gap={6} wrap align="center"><Typography.Text strong>{r.title}</Typography.Text><InvoiceStatusTag status={r.status} /></Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.number} · {t(`type.${r.invoiceType}`)} · {formatMoney(r.amount)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}><Link to={`/contracts/${r.contract.id}?tab=invoices`}>{r.contract.number}</Link> · {r.customer.name} · {r.requestedBy.name}</Typography.Text>
                {issueButton(r)}
              </Flex>
            ),
          }] : [
            { title: t('field.number'), dataIndex: 'number', width: 130, fixed: 'left' },
            { title: t('field.contract'), key: 'contract', width: 140, render: (_, r) => <Link to={`/contracts/${r.contract.id}?tab=invoices`}>{r.contract.number}</Link> },
            { title: t('field.customer'), key: 'customer', width: 200, ellipsis: true, render: (_, r) => r.customer.name },
            { title: t('field.invoiceType'), key: 'type', width: 130, render: (_, r) => t(`type.${r.invoiceType}`) },
            { title: t('field.title'), dataIndex: 'title', width: 200, ellipsis: true },
            { title: t('field.amount'), key: 'amount', width: 130, align: 'right', render: (_, r) => amount(r.amount) },
            { title: t('field.status'), key: 'status', width: 90, render: (_, r) => <InvoiceStatusTag status={r.status} /> },
            { title: t('field.requestedBy'), key: 'by', width: 90, render: (_, r) => r.requestedBy.name },
            { title: t('field.invoiceNumber'), key: 'invoiceNumber', width: 180, render: (_, r) => r.invoiceNumber ?? '—' },
            { title: '', key: 'actions', width: 110, fixed: 'right', render: (_, r) => issueButton(r) },
          ]} />
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      </Card>
      {issuing ? <IssueInvoiceModal request={issuing} onClose={() => setIssuing(null)} /> : null}
    </PageContainer>
  );
}
