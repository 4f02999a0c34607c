import { Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { JsonValue } from '../../../platform/format/json-value';
import { PolicyChangeTable, isPolicyChangeSnapshot } from '../../settings/components/policy-change-table';
import { AmendmentSnapshotView, isAmendmentSnapshot } from '../../contracts';
import { CreditChangeSnapshotView, isCreditChangeSnapshot } from '../../credit';
import { isPriceChangeSnapshot, PriceChangeSnapshotView } from '../../products';
import { isQuoteSnapshot, QuoteSnapshotView } from '../../quotes';
import { isOverrideSnapshot, OverrideSnapshotView } from '../../shipments';
import { isOrderChangeSnapshot, OrderChangeSnapshotView } from '../../orders';
import type { Approval } from '../api';

/** The values frozen at submission; document types with a known shape get a tailored view. */
export function SnapshotView({ approval }: { approval: Approval }) {
  const { t } = useTranslation('approvals');
  const { snapshot } = approval;
  if (approval.documentType === 'policy_change' && isPolicyChangeSnapshot(snapshot)) {
    return <PolicyChangeTable changes={snapshot.changes} previous={snapshot.previous} />;
  }
  if (approval.documentType === 'credit_change' && isCreditChangeSnapshot(snapshot)) return <CreditChangeSnapshotView snapshot={snapshot} />;
  if (approval.documentType === 'price_change' && isPriceChangeSnapshot(snapshot)) return <PriceChangeSnapshotView snapshot={snapshot} />;
  if (approval.documentType === 'quote' && isQuoteSnapshot(snapshot)) return <QuoteSnapshotView snapshot={snapshot} />;
  if (approval.documentType === 'contract_amendment' && isAmendmentSnapshot(snapshot)) return <AmendmentSnapshotView snapshot={snapshot} />;
  if (approval.documentType === 'shipment_credit_override' && isOverrideSnapshot(snapshot)) return <OverrideSnapshotView snapshot={snapshot} />;
  if (approval.documentType === 'order_change' && isOrderChangeSnapshot(snapshot)) return <OrderChangeSnapshotView snapshot={snapshot} />;
  const entries = Object.entries(snapshot);
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('snapshot.empty')} />;
  return (
    <Descriptions bordered size="small" column={1}
      items={entries.map(([key, value]) => ({ key, label: key, children: <JsonValue value={value} /> }))} />
  );
}
