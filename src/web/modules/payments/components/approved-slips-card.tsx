import { App, Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { usePaymentSlips, useRecordPaymentSlip, type PaymentSlip } from '../api';

/** Finance's queue of payment slips the sales manager approved: one click records each as a payment on its prepayment line. */
export function ApprovedSlipsCard() {
  const { t } = useTranslation('payments');
  const { message } = App.useApp();
  const slips = usePaymentSlips('approved');
  const record = useRecordPaymentSlip();
  const items = slips.data?.items ?? [];
  if (!slips.isPending && items.length === 0) return null;
  return (
    <Card title={t('slip.queue')} style={{ marginBottom: 16 }} data-testid="approved-slips">
      {record.isError ? <ErrorAlert error={record.error} /> : null}
      <Table<PaymentSlip> rowKey="id" size="small" pagination={false} loading={slips.isPending} dataSource={items} scroll={{ x: 900 }}
        columns={[
          { title: t('field.customer'), key: 'customer', render: (_, s) => s.customer.name },
          { title: t('field.contract'), key: 'contract', width: 130, render: (_, s) => s.contract.number },
          { title: t('field.amount'), key: 'amount', align: 'right', width: 130, render: (_, s) => formatMoney(s.amount) },
          { title: t('field.receivedOn'), dataIndex: 'receivedOn', key: 'on', width: 110 },
          { title: t('field.reference'), key: 'ref', width: 130, render: (_, s) => s.reference ?? '—' },
          { title: t('slip.filedBy'), key: 'by', width: 90, render: (_, s) => s.filedBy.name },
          { title: t('field.status'), key: 'status', width: 150, render: () => <Tag color="green">{t('slip.status.approved')}</Tag> },
          {
            title: '', key: 'record', width: 110, fixed: 'right',
            render: (_, s) => (
              <Button size="small" type="primary" loading={record.isPending && record.variables?.id === s.id} data-testid="slip-record"
                onClick={() => record.mutate({ id: s.id, version: s.version }, { onSuccess: () => void message.success(t('slip.recorded', { amount: formatMoney(s.amount) })) })}>
                {t('slip.record')}
              </Button>
            ),
          },
        ]} />
    </Card>
  );
}
