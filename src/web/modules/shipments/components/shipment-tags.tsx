import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Shipment, ShipmentStatus } from '../api';

const colors: Record<ShipmentStatus, string> = {
  credit_hold: 'red', pending_review: 'processing', reviewed: 'cyan', picked: 'geekblue', packed: 'purple', shipped: 'blue', delivered: 'success', cancelled: 'default',
};

export function ShipmentStatusTag({ status }: { status: ShipmentStatus }) {
  const { t } = useTranslation('shipments');
  return <Tag color={colors[status]} style={{ marginInlineEnd: 0 }}>{t(`status.${status}`)}</Tag>;
}

export function RushTag() {
  const { t } = useTranslation('shipments');
  return <Tag color="volcano" style={{ marginInlineEnd: 0 }} data-testid="rush-tag">{t('field.rush')}</Tag>;
}

export function OverrideTag({ status }: { status: Shipment['overrideStatus'] }) {
  const { t } = useTranslation('shipments');
  if (!status) return null;
  const color = status === 'approved' ? 'green' : status === 'pending' ? 'orange' : 'default';
  return <Tag color={color} style={{ marginInlineEnd: 0 }}>{t(`override.${status}`)}</Tag>;
}
