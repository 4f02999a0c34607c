import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { productExportUrl, useProductCategories, useProducts, type Product, type ProductFilter } from '../api';
import { ProductStatusTags } from '../components/change-tags';
import { CreateProductModal } from '../components/create-product-modal';
import { showMoney, showPercent } from '../components/price-format';

const filterOf = (p: URLSearchParams): ProductFilter => ({
  q: p.get('q') ?? undefined, category: p.get('category') ?? undefined,
  kind: (p.get('kind') as ProductFilter['kind']) ?? undefined, isActive: (p.get('isActive') as ProductFilter['isActive']) ?? undefined,
});
const paramsOf = (f: ProductFilter) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;

/** 产品与服务: the catalogue by code with the prices in force today (cost only for those who may see it). */
export function ProductListPage() {
  const { t } = useTranslation('products');
  const { can } = useAccess();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const setFilter = (next: ProductFilter) => setParams(paramsOf(next), { replace: true });
  const list = useProducts(filter);
  const categories = useProductCategories();
  const [creating, setCreating] = useState(false);
  const seeCost = can('product:read_cost');

  const columns: TableColumnsType<Product> = [
    {
      title: `${t('field.code')} / ${t('field.name')}`, dataIndex: 'code',
      render: (code: string, p) => (
        <div style={{ minWidth: 150 }}>
          <Link to={`/products/${p.id}`} data-testid="product-link">{code}</Link>
          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.name}</Typography.Text></div>
        </div>
      ),
    },
    { title: t('field.listPrice'), dataIndex: 'listPrice', align: 'right', render: showMoney },
    { title: t('field.unit'), dataIndex: 'unit' },
    { title: t('field.floorPrice'), dataIndex: 'floorPrice', align: 'right', render: showMoney },
    { title: t('field.floatRange'), dataIndex: 'floatRange', align: 'right', render: showPercent },
    ...(seeCost ? [{ title: t('field.cost'), dataIndex: 'cost', align: 'right' as const, render: showMoney }] : []),
    { title: t('list.status'), key: 'status', render: (_: unknown, p: Product) => <ProductStatusTags product={p} /> },
    { title: t('field.kind'), dataIndex: 'kind', render: (k: Product['kind']) => t(`kind.${k}`) },
    { title: t('field.category'), dataIndex: 'category' },
  ];

  return (
    <PageContainer title={t('list.title')} extra={(
      <>
        <Button icon={<DownloadOutlined />} href={productExportUrl(filter)}>{t('list.export')}</Button>
        {can('product:write') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-product">{t('list.create')}</Button> : null}
      </>
    )}>
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('list.search')} defaultValue={filter.q} style={{ width: 260, maxWidth: '100%' }}
            onSearch={(q) => setFilter({ ...filter, q: q || undefined })} data-testid="product-search" />
          <Select allowClear placeholder={t('list.category')} value={filter.category} style={{ width: 150 }}
            options={(categories.data?.items ?? []).map((c) => ({ value: c, label: c }))} onChange={(category?: string) => setFilter({ ...filter, category })} />
          <Select allowClear placeholder={t('list.kind')} value={filter.kind} style={{ width: 110 }}
            options={[{ value: 'product', label: t('kind.product') }, { value: 'service', label: t('kind.service') }]} onChange={(kind?: ProductFilter['kind']) => setFilter({ ...filter, kind })} />
          <Select allowClear placeholder={t('list.status')} value={filter.isActive} style={{ width: 110 }}
            options={[{ value: 'true', label: t('status.active') }, { value: 'false', label: t('status.inactive') }]} onChange={(isActive?: ProductFilter['isActive']) => setFilter({ ...filter, isActive })} />
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<Product> rowKey="id" loading={list.isPending} dataSource={list.items} pagination={false} size="middle" scroll={{ x: 'max-content' }}
          columns={columns} data-testid="products-table"
          locale={{ emptyText: Object.keys(paramsOf(filter)).length > 0 ? t('list.emptyFiltered') : t('list.empty') }} />
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      </Card>
      <CreateProductModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
