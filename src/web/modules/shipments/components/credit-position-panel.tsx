import { Alert, Card, Col, Flex, List, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import type { CreditPosition } from '../api';

/**
 * The credit position of a shipment with a clear verdict (domain §9): limit, exposure now, this
 * shipment, exposure with it, what is left (negative: the shortfall) and the overdue lines. `overridden`:
 * an over-credit override was approved for this shipment after the position was frozen.
 */
export function CreditPositionPanel({ position, loading, error, title, extra, overridden }: { position?: CreditPosition; loading?: boolean; error?: unknown; title?: string; extra?: React.ReactNode; overridden?: boolean }) {
  const { t } = useTranslation('shipments');
  if (error) return <Card size="small" title={title ?? t('credit.title')}><ErrorAlert error={error} /></Card>;
  if (!position) return <Card size="small" title={title ?? t('credit.title')} loading={loading}>{loading ? null : <Typography.Text type="secondary">—</Typography.Text>}</Card>;
  const p = position;
  const passes = p.passes;
  const byOverride = p.verdict !== 'pass' && (p.hasOverride || Boolean(overridden));
  const message = byOverride ? t('credit.overridden') : t(`credit.verdict.${p.verdict}`);
  const red = { color: '#cf1322' };
  return (
    <Card size="small" title={title ?? t('credit.title')} data-testid="credit-position" extra={extra}>
      <Flex vertical gap={12}>
        <Alert type={passes ? 'success' : byOverride ? 'warning' : 'error'} showIcon message={<span data-testid="credit-verdict">{message}</span>}
          description={!p.hasProfile ? t('credit.noProfile') : undefined} />
        {p.prepaymentOwed ? <Alert type="error" showIcon message={t('credit.prepaymentOwed', { amount: formatMoney(p.prepaymentOwed) })} data-testid="prepayment-owed" /> : null}
        <Row gutter={[12, 12]}>
          <Col xs={12} md={8}><Statistic title={t('credit.limit')} value={formatMoney(p.limit)} /></Col>
          <Col xs={12} md={8}><Statistic title={t('credit.exposureNow')} value={formatMoney(p.exposureNow)} /></Col>
          <Col xs={12} md={8}><Statistic title={t('credit.shipment')} value={formatMoney(p.shipmentAmount)} /></Col>
          <Col xs={12} md={8}><Statistic title={t('credit.exposureWith')} value={formatMoney(p.exposureWithShipment)} styles={{ content: p.shortfall !== '0.00' ? red : {} }} /></Col>
          <Col xs={12} md={8}><Statistic title={t('credit.available')} value={formatMoney(p.available)} styles={{ content: p.available.startsWith('-') ? red : {} }} /></Col>
          <Col xs={12} md={8}><Statistic title={t('credit.shortfall')} value={formatMoney(p.shortfall)} styles={{ content: p.shortfall !== '0.00' ? red : {} }} /></Col>
        </Row>
        {p.overdueLines.length > 0 ? (
          <List size="small" header={<Typography.Text strong type="danger">{t('credit.overdue')}</Typography.Text>} dataSource={p.overdueLines}
            renderItem={(o) => <List.Item>{t('credit.overdueLine', { contract: o.contractNumber, amount: formatMoney(o.outstanding), due: o.dueDate, days: o.daysOverdue })}</List.Item>} />
        ) : null}
      </Flex>
    </Card>
  );
}
