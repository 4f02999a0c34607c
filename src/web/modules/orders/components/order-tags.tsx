import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Order, OrderChange, OrderStatus } from '../api';

const colors: Record<OrderStatus, string> = { open: 'processing', partially_shipped: 'gold', shipped: 'success', cancelled: 'default' };
const changeColors: Record<OrderChange['status'], string> = { pending: 'processing', approved: 'success', rejected: 'error', returned: 'warning' };

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation('orders');
  return <Tag color={colors[status]} style={{ marginInlineEnd: 0 }}>{t(`status.${status}`)}</Tag>;
}

/** Rush orders stand out; normal ones show nothing unless asked. */
export function PriorityTag({ priority, showNormal = false }: { priority: Order['priority']; showNormal?: boolean }) {
  const { t } = useTranslation('orders');
  if (priority === 'normal' && !showNormal) return null;
  return <Tag color={priority === 'rush' ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>{t(`priority.${priority}`)}</Tag>;
}

export function ChangeStatusTag({ status }: { status: OrderChange['status'] }) {
  const { t } = useTranslation('orders');
  return <Tag color={changeColors[status]} style={{ marginInlineEnd: 0 }}>{t(`changeStatus.${status}`)}</Tag>;
}
