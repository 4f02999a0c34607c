import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PriceChange } from '../api';
import { ChangeStatusTag } from './change-tags';
import { showMoney, showPercent } from './price-format';

/** Price change requests with their frozen old and new values (list / floor / float range), newest first. */
export function RequestsTable({ requests, loading, withTarget }: { requests: PriceChange[]; loading: boolean; withTarget?: boolean }) {
  const { t } = useTranslation('products');
  const values = (r: PriceChange, side: 'from' | 'to') => {
    if (r.kind === 'price_list') return side === 'to' ? t('change.lines', { count: r.lines.length }) : '—';
    const v = r[side];
    return v ? `${showMoney(v.listPrice)} / ${showMoney(v.floorPrice)} / ${showPercent(v.floatRange)}` : '—';
  };
  return (
    <Table<PriceChange> rowKey="id" size="small" loading={loading} dataSource={requests} pagination={false} scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('change.empty') }} data-testid="price-requests"
      columns={[
        { title: t('change.title'), key: 'kind', render: (_, r) => <Link to={`/price-changes/${r.id}`}>{t(`change.kind.${r.kind}`)}</Link> },
        ...(withTarget ? [{ title: t('change.target'), key: 'target', render: (_: unknown, r: PriceChange) => (r.product ? `${r.product.name}（${r.product.code}）` : r.priceList?.name ?? '—') }] : []),
        { title: `${t('change.from')}（${t('field.listPrice')} / ${t('field.floorPrice')} / ${t('field.floatRange')}）`, key: 'from', render: (_, r) => values(r, 'from') },
        { title: t('change.to'), key: 'to', render: (_, r) => values(r, 'to') },
        { title: t('field.effectiveFrom'), dataIndex: 'effectiveFrom' },
        { title: t('change.requestedBy'), key: 'by', render: (_, r) => r.requestedBy.name },
        { title: t('field.reason'), dataIndex: 'reason', ellipsis: true, width: 200 },
        { title: t('list.status'), key: 'status', render: (_, r) => <ChangeStatusTag status={r.status} /> },
      ]} />
  );
}

