import { AccountBookOutlined, CarOutlined, ProfileOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** Permission codes from the server's orders.permissions.ts: orders under 合同与订单, the ledger and statements under 财务与信用. */
export const orderRoutes: AppRoute[] = [
  {
    path: '/orders', access: 'order:read', menuKey: 'orders',
    menu: { label: () => i18n.t('menu.orders', { ns: 'orders' }), icon: <ProfileOutlined />, group: 'contracts', order: 48 },
    page: lazyPage(() => import('./pages/order-list-page'), 'OrderListPage'),
  },
  { path: '/orders/new', access: 'order:create', menuKey: 'orders', page: lazyPage(() => import('./pages/order-form-page'), 'OrderFormPage') },
  { path: '/orders/:id', access: 'order:read', menuKey: 'orders', page: lazyPage(() => import('./pages/order-detail-page'), 'OrderDetailPage') },
  {
    path: '/reports/shipping-ledger', access: 'shipping_ledger:read', menuKey: 'shipping-ledger',
    menu: { label: () => i18n.t('menu.ledger', { ns: 'orders' }), icon: <CarOutlined />, group: 'contracts', order: 49 },
    page: lazyPage(() => import('./pages/shipping-ledger-page'), 'ShippingLedgerPage'),
  },
  {
    path: '/statements', access: 'customer_statement:read', menuKey: 'statements',
    menu: { label: () => i18n.t('menu.statement', { ns: 'orders' }), icon: <AccountBookOutlined />, group: 'finance', order: 49 },
    page: lazyPage(() => import('./pages/customer-statement-page'), 'CustomerStatementPage'),
  },
];
