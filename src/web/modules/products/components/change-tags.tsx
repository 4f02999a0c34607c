import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PriceChange, Product } from '../api';

const statusColor = { pending: 'processing', approved: 'success', rejected: 'error', returned: 'warning' } as const;

export function ChangeStatusTag({ status }: { status: PriceChange['status'] }) {
  const { t } = useTranslation('products');
  return <Tag color={statusColor[status]}>{t(`change.status.${status}`)}</Tag>;
}

/** 在售 / 停用 / 价格待审批, plus 调价审批中 when a change waits. */
export function ProductStatusTags({ product }: { product: Product }) {
  const { t } = useTranslation('products');
  return (
    <>
      {!product.isActive ? <Tag>{t('status.inactive')}</Tag> : product.listPrice === null ? <Tag color="orange">{t('status.unpriced')}</Tag> : <Tag color="green">{t('status.active')}</Tag>}
      {product.hasPendingChange && product.listPrice !== null ? <Tag color="processing">{t('status.pending')}</Tag> : null}
    </>
  );
}
