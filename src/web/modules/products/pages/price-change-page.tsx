import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorResult } from '../../../platform/errors/error-result';
import { http } from '../../../platform/http/http-client';
import { PageContainer } from '../../../platform/layout/page-container';
import { productKeys, type PriceChange } from '../api';
import { ChangeStatusTag } from '../components/change-tags';
import { shareText, showMoney, showPercent } from '../components/price-format';

type Line = PriceChange['lines'][number];

/** One price change request: what was in force and what is asked (frozen), with its approval. */
export function PriceChangePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('products');
  const navigate = useNavigate();
  const change = useQuery({ queryKey: [...productKeys.all, 'change', id], queryFn: ({ signal }) => http.get<PriceChange>(`/price-changes/${id}`, undefined, signal) });
  if (change.isError) return <ErrorResult error={change.error} onRetry={() => void change.refetch()} />;
  const c = change.data;
  const side = (v: PriceChange['from']) => (v ? `${showMoney(v.listPrice)} / ${showMoney(v.floorPrice)} / ${showPercent(v.floatRange)}${v.cost !== null ? ` / ${t('field.cost')} ${showMoney(v.cost)}` : ''}` : '—');
  return (
    <PageContainer title={c ? t(`change.kind.${c.kind}`) : '…'} extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/price-changes')}>{t('changes.title')}</Button>}>
      <Card loading={change.isPending}>
        {c ? (
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
            { key: 'target', label: t('change.target'), children: c.product ? <Link to={`/products/${c.product.id}`}>{c.product.name}（{c.product.code}）</Link> : c.priceList ? <Link to={`/price-lists?id=${c.priceList.id}`}>{c.priceList.name}</Link> : '—' },
            { key: 'status', label: t('list.status'), children: <ChangeStatusTag status={c.status} /> },
            ...(c.kind !== 'price_list' ? [
              { key: 'from', label: `${t('change.from')}（${t('field.listPrice')} / ${t('field.floorPrice')} / ${t('field.floatRange')}）`, children: side(c.from) },
              { key: 'to', label: t('change.to'), children: side(c.to) },
            ] : []),
            { key: 'eff', label: t('field.effectiveFrom'), children: c.effectiveFrom },
            { key: 'applied', label: t('change.appliedFrom'), children: c.appliedFrom ?? '—' },
            { key: 'by', label: t('change.requestedBy'), children: c.requestedBy.name },
            { key: 'approval', label: t('change.openApproval'), children: c.approvalId ? <Link to={`/inbox/${c.approvalId}`}>{t('change.openApproval')}</Link> : '—' },
            { key: 'reason', label: t('field.reason'), span: 2, children: c.reason },
            ...(c.decisionComment ? [{ key: 'comment', label: t('change.status.' + c.status as 'change.status.approved'), span: 2, children: c.decisionComment }] : []),
          ]} />
        ) : null}
        {c && c.kind === 'price_list' ? (
          <Table<Line> rowKey="productId" size="small" dataSource={c.lines} pagination={false} scroll={{ x: 'max-content' }} style={{ marginTop: 16 }}
            columns={[
              { title: t('field.code'), dataIndex: 'productCode' },
              { title: t('field.name'), dataIndex: 'productName' },
              { title: t('change.from'), dataIndex: 'oldPrice', align: 'right', render: showMoney },
              { title: t('change.to'), dataIndex: 'newPrice', align: 'right', render: showMoney },
              { title: '', key: 'delta', align: 'right', render: (_, l) => (l.oldPrice ? shareText(l.newPrice, l.oldPrice) : '') },
            ]} />
        ) : null}
      </Card>
    </PageContainer>
  );
}
