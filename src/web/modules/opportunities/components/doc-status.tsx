import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { approvalDocStatuses } from '../../../../shared/contracts/opportunities.contract';

type DocStatus = (typeof approvalDocStatuses)[number];
const badge: Record<DocStatus, 'default' | 'processing' | 'success' | 'error' | 'warning'> = {
  draft: 'default', pending: 'processing', approved: 'success', rejected: 'error', returned: 'warning',
};

/** Status of an approval document (initiation report, bid): draft → pending → approved / rejected / returned. */
export function DocStatusBadge({ status }: { status: DocStatus | null }) {
  const { t } = useTranslation('opportunities');
  if (!status) return <Badge status="default" text={t('doc.none')} data-testid="doc-status" />;
  return <Badge status={badge[status]} text={t(`doc.status.${status}`)} data-testid="doc-status" data-status={status} />;
}
