import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuoteStatus } from '../api';

const colors: Record<QuoteStatus, string> = {
  draft: 'default', in_review: 'processing', approved: 'cyan', sent: 'blue', accepted: 'success', rejected_by_customer: 'error', expired: 'warning',
};

export function QuoteStatusTag({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation('quotes');
  return <Tag color={colors[status]} style={{ marginInlineEnd: 0 }}>{t(`status.${status}`)}</Tag>;
}
