import { Descriptions, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../platform/access/access';
import { shareText, showMoney, showPercent } from './price-format';

interface Prices { listPrice: string; floorPrice: string; floatRange: string; cost: string }
interface Line { productId: string; productCode: string; productName: string; oldPrice: string | null; newPrice: string }
/** The values frozen on a price change approval (the server's PriceChangeSnapshot). */
export interface PriceChangeSnapshot {
  kind: 'initial' | 'product' | 'price_list'; productCode: string | null; productName: string | null; priceListName: string | null;
  from: Prices | null; to: Prices | null; lines: Line[]; effectiveFrom: string; reason: string;
}

export function isPriceChangeSnapshot(value: unknown): value is PriceChangeSnapshot {
  const v = value as Partial<PriceChangeSnapshot> | null;
  return typeof v === 'object' && v !== null && typeof v.kind === 'string' && Array.isArray(v.lines) && typeof v.effectiveFrom === 'string';
}

/** What the approver approves: old and new prices side by side (or the price-list lines), frozen at submission. */
export function PriceChangeSnapshotView({ snapshot }: { snapshot: PriceChangeSnapshot }) {
  const { t } = useTranslation('products');
  const { can } = useAccess();
  const s = snapshot;
  // the approval itself may be open to roles that do not see costs: only finance and managers see the cost row
  const fields = can('product:read_cost') ? (['listPrice', 'floorPrice', 'floatRange', 'cost'] as const) : (['listPrice', 'floorPrice', 'floatRange'] as const);
  const show = (field: keyof Prices, v: Prices | null) => (v ? (field === 'floatRange' ? showPercent(v[field]) : showMoney(v[field])) : '—');
  return (
    <>
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 12 }} items={[
        { key: 'kind', label: t('change.title'), children: t(`change.kind.${s.kind}`) },
        { key: 'target', label: t('change.target'), children: s.productName ? `${s.productName}（${s.productCode ?? ''}）` : s.priceListName ?? '—' },
        { key: 'from', label: t('field.effectiveFrom'), children: s.effectiveFrom },
        { key: 'reason', label: t('field.reason'), children: s.reason },
      ]} />
      {s.kind === 'price_list' ? (
        <Table<Line> rowKey="productId" size="small" pagination={false} dataSource={s.lines} scroll={{ x: 'max-content' }} columns={[
          { title: t('field.code'), dataIndex: 'productCode' },
          { title: t('field.name'), dataIndex: 'productName' },
          { title: t('change.from'), dataIndex: 'oldPrice', align: 'right', render: showMoney },
          { title: t('change.to'), dataIndex: 'newPrice', align: 'right', render: showMoney },
          { title: '', key: 'delta', align: 'right', render: (_, l) => (l.oldPrice ? shareText(l.newPrice, l.oldPrice) : '') },
        ]} />
      ) : (
        <Table rowKey="field" size="small" pagination={false} scroll={{ x: 'max-content' }}
          dataSource={fields.map((field) => ({ field, label: t(`field.${field}`), from: show(field, s.from), to: show(field, s.to) }))}
          columns={[
            { title: '', dataIndex: 'label' },
            { title: t('change.from'), dataIndex: 'from', align: 'right' },
            { title: t('change.to'), dataIndex: 'to', align: 'right', render: (v: string, r) => (v !== r.from ? <strong>{v}</strong> : v) },
          ]} />
      )}
    </>
  );
}
