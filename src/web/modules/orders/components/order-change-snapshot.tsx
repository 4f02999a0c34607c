import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { orderChangeKinds, type OrderChangeKind } from '../../../../shared/contracts/orders.contract';
import { formatMoney } from '../../../../shared/money-format';
import type { OrderChange } from '../api';
import { ChangeDiff } from './change-diff';

export interface OrderChangeSnapshot {
  orderId: string; number: string; seq: number; kind: OrderChangeKind; reason: string; customerName: string;
  before: OrderChange['before']; after: OrderChange['after']; changeValue: string; vpChangeAmount: string; needsVp: boolean;
}

export function isOrderChangeSnapshot(value: Record<string, unknown>): value is Record<string, unknown> & OrderChangeSnapshot {
  return typeof value.orderId === 'string' && typeof value.number === 'string' && orderChangeKinds.includes(value.kind as OrderChangeKind)
    && typeof value.before === 'object' && value.before !== null && typeof value.after === 'object' && value.after !== null;
}

/** The order change the approver decides: which order, what kind, why, and before → after as frozen at the request. */
export function OrderChangeSnapshotView({ snapshot }: { snapshot: OrderChangeSnapshot }) {
  const { t } = useTranslation('orders');
  return (
    <Descriptions bordered size="small" column={1} items={[
      { key: 'order', label: t('field.number'), children: <Link to={`/orders/${snapshot.orderId}`}>{snapshot.number}</Link> },
      { key: 'customer', label: t('field.customer'), children: snapshot.customerName },
      { key: 'kind', label: t('change.kind'), children: <Flex gap={6} wrap><Tag>{t(`kind.${snapshot.kind}`)}</Tag>{t('change.seq', { seq: snapshot.seq })}</Flex> },
      { key: 'reason', label: t('change.reason'), children: snapshot.reason },
      { key: 'diff', label: `${t('change.before')} → ${t('change.after')}`, children: <ChangeDiff before={snapshot.before} after={snapshot.after} /> },
      ...(snapshot.needsVp ? [{ key: 'vp', label: t('diff.amount'), children: <Typography.Text type="warning">{formatMoney(snapshot.changeValue)} ≥ {formatMoney(snapshot.vpChangeAmount)}</Typography.Text> }] : []),
    ]} />
  );
}
