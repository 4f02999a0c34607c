import { Alert, App, Button, Card, Col, Flex, Row, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/money-format';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useErrorToast } from '../../../platform/errors/use-error-toast';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { LoadMore } from '../../../platform/list/load-more';
import { useCancelInvoiceRequest, useInvoicePrefill, useInvoiceRequests, useSubmitInvoiceRequest, type InvoiceRequestSummary } from '../api';
import { InvoiceRequestModal } from './invoice-request-modal';
import { InvoiceStatusTag } from './invoice-status-tag';
import { IssueInvoiceModal } from './issue-invoice-modal';

/** The contract page's 开票 tab: invoiceable and issued amounts, the request form (prefilled) and the contract's requests. */
export function ContractInvoicesTab({ contract }: { contract: { id: string; number: string; status: string } }) {
  const { t } = useTranslation('invoices');
  const { can } = useAccess();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const fmt = useFormatInstant();
  const prefill = useInvoicePrefill(contract.id);
  const list = useInvoiceRequests({ contractId: contract.id });
  const submit = useSubmitInvoiceRequest();
  const cancel = useCancelInvoiceRequest();
  const [open, setOpen] = useState(false);
  const [issuing, setIssuing] = useState<InvoiceRequestSummary | null>(null);
  const p = prefill.data;
  const mayRequest = can('invoice:request') && ['signed', 'executing'].includes(contract.status) && p !== undefined && p.invoiceable !== '0.00';

  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Row gutter={16} align="middle">
          <Col xs={8} md={6}><Statistic title={t('summary.contractAmount')} value={p ? formatMoney(p.contractAmount) : '—'} /></Col>
          <Col xs={8} md={6}><Statistic title={t('summary.invoiceable')} value={p ? formatMoney(p.invoiceable) : '—'} /></Col>
          <Col xs={8} md={6}><Statistic title={t('summary.issued')} value={p ? formatMoney(p.issued) : '—'} /></Col>
          <Col xs={24} md={6} style={{ textAlign: 'right', marginTop: 8 }}>
            {mayRequest ? <Button type="primary" onClick={() => setOpen(true)} data-testid="invoice-request">{t('action.request')}</Button> : null}
          </Col>
        </Row>
      </Card>
      {prefill.isError ? <ErrorAlert error={prefill.error} /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <Table<InvoiceRequestSummary> rowKey="id" size="small" pagination={false} loading={list.isPending} dataSource={list.items} scroll={{ x: 860 }}
        locale={{ emptyText: t('tab.empty') }} data-testid="contract-invoices"
        columns={[
          { title: t('field.number'), dataIndex: 'number', width: 130 },
          { title: t('field.invoiceType'), key: 'type', width: 130, render: (_, r) => t(`type.${r.invoiceType}`) },
          { title: t('field.title'), dataIndex: 'title', width: 200, ellipsis: true },
          { title: t('field.amount'), key: 'amount', width: 130, align: 'right', render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(r.amount)}</span> },
          { title: t('field.status'), key: 'status', width: 90, render: (_, r) => <InvoiceStatusTag status={r.status} /> },
          { title: t('field.invoiceNumber'), key: 'invoiceNumber', width: 190, render: (_, r) => (r.invoiceNumber ? `${r.invoiceNumber}（${r.issuedOn}）` : '—') },
          { title: t('field.requestedBy'), key: 'by', width: 150, render: (_, r) => <Typography.Text type="secondary">{r.requestedBy.name} · {fmt(r.createdAt)}</Typography.Text> },
          {
            title: '', key: 'actions', width: 200, render: (_, r) => (
              <Space size={4} wrap>
                {r.status === 'draft' && can('invoice:request') ? <>
                  <Button size="small" type="link" loading={submit.isPending} onClick={() => submit.mutate({ id: r.id, version: r.version }, { onSuccess: () => void message.success(t('submitted')), onError: showError })}>{t('action.submit')}</Button>
                  <Button size="small" type="link" danger onClick={() => cancel.mutate({ id: r.id, version: r.version }, { onSuccess: () => void message.success(t('cancelled')), onError: showError })}>{t('action.cancel')}</Button>
                </> : null}
                {r.status === 'approved' && can('invoice:issue') ? <Button size="small" type="link" onClick={() => setIssuing(r)}>{t('action.issue')}</Button> : null}
              </Space>
            ),
          },
        ]} />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      {!['signed', 'executing'].includes(contract.status) && list.items.length === 0 ? <Alert type="info" showIcon title={t('tab.notSigned')} /> : null}
      {open ? <InvoiceRequestModal contract={contract} onClose={() => setOpen(false)} /> : null}
      {issuing ? <IssueInvoiceModal request={issuing} onClose={() => setIssuing(null)} /> : null}
    </Flex>
  );
}
