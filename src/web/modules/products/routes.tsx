import { AppstoreOutlined, AuditOutlined, TableOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

const label = (key: 'menu.products' | 'menu.priceLists' | 'menu.priceChanges') => () => i18n.t(key, { ns: 'products' });

/** Permission codes from the server's products.permissions.ts; the pages form the 产品与价格 menu group. */
export const productRoutes: AppRoute[] = [
  {
    path: '/products', access: 'product:read', menuKey: 'products',
    menu: { label: label('menu.products'), icon: <AppstoreOutlined />, group: 'pricing', order: 44 },
    page: lazyPage(() => import('./pages/product-list-page'), 'ProductListPage'),
  },
  {
    path: '/products/:id', access: 'product:read', menuKey: 'products',
    page: lazyPage(() => import('./pages/product-detail-page'), 'ProductDetailPage'),
  },
  {
    path: '/price-lists', access: 'price_list:read', menuKey: 'price-lists',
    menu: { label: label('menu.priceLists'), icon: <TableOutlined />, group: 'pricing', order: 45 },
    page: lazyPage(() => import('./pages/price-lists-page'), 'PriceListsPage'),
  },
  {
    path: '/price-changes', access: 'product:read', menuKey: 'price-changes',
    menu: { label: label('menu.priceChanges'), icon: <AuditOutlined />, group: 'pricing', order: 46 },
    page: lazyPage(() => import('./pages/price-changes-page'), 'PriceChangesPage'),
  },
  {
    path: '/price-changes/:id', access: 'product:read', menuKey: 'price-changes',
    page: lazyPage(() => import('./pages/price-change-page'), 'PriceChangePage'),
  },
];
