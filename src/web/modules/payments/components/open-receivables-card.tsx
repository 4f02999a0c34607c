import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { money } from '../../../../shared/money';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useOpenLines } from '../api';
import { ReceivableTable } from '../pages/receivables-page';

/** A customer's open and partly paid receivable lines with the outstanding sum (the customer's credit tab). */
export function OpenReceivablesCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation('payments');
  const lines = useOpenLines(customerId);
  const items = lines.data ?? [];
  return (
    <Card size="small" title={t('open.title')} data-testid="customer-open-receivables"
      extra={<Link to={`/receivables?customerId=${customerId}`}>{t('open.all')}</Link>}>
      <ErrorAlert error={lines.error} />
      {items.length > 0 ? <Typography.Paragraph type="secondary" data-testid="open-receivables-sum">{t('open.sum', { amount: formatMoney(money.add(...items.map((l) => l.outstanding))) })}</Typography.Paragraph> : null}
      <ReceivableTable items={items} loading={lines.isPending} showCustomer={false} />
    </Card>
  );
}
