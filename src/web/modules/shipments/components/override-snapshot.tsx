import { Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../../../shared/money-format';
import type { CreditPosition } from '../api';
import { CreditPositionPanel } from './credit-position-panel';

export interface OverrideSnapshot { shipmentId: string; number: string; customerName: string; ownerName: string; amount: string; reason: string; position: CreditPosition }

export function isOverrideSnapshot(s: Record<string, unknown>): s is Record<string, unknown> & OverrideSnapshot {
  return typeof s.shipmentId === 'string' && typeof s.number === 'string' && typeof s.position === 'object' && s.position !== null;
}

/** What the finance director or the GM decides on: the shipment, the reason, and the credit position frozen at the request. */
export function OverrideSnapshotView({ snapshot }: { snapshot: OverrideSnapshot }) {
  const { t } = useTranslation('shipments');
  return (
    <Flex vertical gap={12} data-testid="override-snapshot">
      <Descriptions bordered size="small" column={1} items={[
        { key: 'number', label: t('field.number'), children: <Link to={`/shipments/${snapshot.shipmentId}`}>{snapshot.number}</Link> },
        { key: 'customer', label: t('field.customer'), children: snapshot.customerName },
        { key: 'owner', label: t('field.owner'), children: snapshot.ownerName },
        { key: 'amount', label: t('field.amount'), children: formatMoney(snapshot.amount) },
        { key: 'reason', label: t('field.overrideReason'), children: snapshot.reason },
      ]} />
      <CreditPositionPanel title={t('detail.creditFrozen')} position={snapshot.position} />
    </Flex>
  );
}
