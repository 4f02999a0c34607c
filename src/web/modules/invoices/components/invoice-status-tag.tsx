import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvoiceRequestStatus } from '../api';

const colors: Record<InvoiceRequestStatus, string> = {
  draft: 'default', in_review: 'processing', approved: 'gold', issued: 'success', rejected: 'error', cancelled: 'default',
};

export function InvoiceStatusTag({ status }: { status: InvoiceRequestStatus }) {
  const { t } = useTranslation('invoices');
  return <Tag color={colors[status]} style={{ marginInlineEnd: 0 }}>{t(`status.${status}`)}</Tag>;
}
