import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { usePriceList, usePriceLists, type PriceList, type PriceListDetail } from '../api';
import { LinesModal } from '../components/lines-modal';
import { shareText, showMoney } from '../components/price-format';

type Line = PriceListDetail['lines'][number];

/** 价格表: the lists per customer class and channel (left) and the lines in force today of the one picked (right). */
export function PriceListsPage() {
  const { t } = useTranslation('products');
  const { can } = useAccess();
  const [params, setParams] = useSearchParams();
  const lists = usePriceLists();
  const selectedId = params.get('id') ?? lists.items[0]?.id ?? null;
  const detail = usePriceList(selectedId);
  const [dialog, setDialog] = useState<'create' | 'change' | null>(null);
  const targetOf = (l: PriceList) => [l.customerClass ? t('lists.class', { class: l.customerClass }) : null, l.channel ? t(`lists.channel.${l.channel}`) : null].filter(Boolean).join(' · ');

  return (
    <PageContainer title={t('lists.title')} extra={can('price:request') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>{t('lists.create')}</Button> : null}>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card>
            {lists.isError ? <ErrorAlert error={lists.error} /> : null}
            <Table<PriceList> rowKey="id" size="small" loading={lists.isPending} dataSource={lists.items} pagination={false} scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('lists.empty') }} data-testid="price-lists"
              rowClassName={(l) => (l.id === selectedId ? 'ant-table-row-selected' : '')}
              onRow={(l) => ({ onClick: () => setParams({ id: l.id }, { replace: true }), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('lists.name'), dataIndex: 'name', render: (name: string, l) => <>{name} {l.hasPendingChange ? <Tag color="processing">{t('change.status.pending')}</Tag> : null}</> },
                { title: t('lists.target'), key: 'target', render: (_, l) => targetOf(l) },
                { title: t('lists.validity'), key: 'validity', render: (_, l) => `${l.effectiveFrom} ~ ${l.effectiveTo ?? ''}` },
                { title: t('lists.lineCount'), dataIndex: 'lineCount', align: 'right' },
              ]} />
            <LoadMore hasMore={lists.hasNextPage} loading={lists.isFetchingNextPage} onLoad={() => void lists.fetchNextPage()} count={lists.items.length} />
          </Card>
        </Col>
        <Col span={24}>
          <Card loading={detail.isPending && selectedId !== null}
            title={detail.data ? <>{detail.data.name} <Typography.Text type="secondary" style={{ fontSize: 13 }}>{targetOf(detail.data)}</Typography.Text></> : t('lists.title')}
            extra={detail.data && can('price:request') ? (
              <Button icon={<EditOutlined />} disabled={detail.data.pendingChange !== null} onClick={() => setDialog('change')}>{t('lists.requestChange')}</Button>
            ) : null}>
            {!selectedId ? <Empty description={t('lists.select')} /> : null}
            {detail.data?.pendingChange ? (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('lists.pending')}
                action={<Link to={`/price-changes/${detail.data.pendingChange.id}`}>{t('change.lines', { count: detail.data.pendingChange.lines.length })}</Link>} />
            ) : null}
            {detail.data ? (
              <>
                <Typography.Text type="secondary">{t('lists.lines', { date: detail.data.asOf })}</Typography.Text>
                <Table<Line> rowKey="productId" size="small" dataSource={detail.data.lines} pagination={false} scroll={{ x: 'max-content' }} style={{ marginTop: 8 }}
                  locale={{ emptyText: t('lists.noLines') }} data-testid="price-list-lines"
                  columns={[
                    {
                      title: `${t('field.code')} / ${t('field.name')}`, dataIndex: 'productCode',
                      render: (code: string, l) => (
                        <div style={{ minWidth: 140 }}>
                          <Link to={`/products/${l.productId}`}>{code}</Link>
                          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.productName}</Typography.Text></div>
                        </div>
                      ),
                    },
                    { title: t('lists.price'), dataIndex: 'price', align: 'right', render: (v: string) => <Typography.Text strong>{showMoney(v)}</Typography.Text> },
                    { title: t('lists.discount'), key: 'share', align: 'right', render: (_, l) => shareText(l.price, l.listPrice) },
                    { title: t('field.listPrice'), dataIndex: 'listPrice', align: 'right', render: showMoney },
                    { title: t('field.unit'), dataIndex: 'unit' },
                    { title: t('field.floorPrice'), dataIndex: 'floorPrice', align: 'right', render: showMoney },
                    { title: t('field.effectiveFrom'), dataIndex: 'effectiveFrom' },
                  ]} />
              </>
            ) : null}
          </Card>
        </Col>
      </Row>
      {dialog === 'create' ? <LinesModal onClose={(id) => { setDialog(null); if (id) setParams({ id }, { replace: true }); }} /> : null}
      {dialog === 'change' && detail.data ? <LinesModal list={detail.data} onClose={() => setDialog(null)} /> : null}
    </PageContainer>
  );
}
