import { AimOutlined, AuditOutlined, BarChartOutlined, FileSearchOutlined, PayCircleOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

const label = (key: 'menu.collections' | 'menu.receivables' | 'menu.aging' | 'menu.mySlips' | 'menu.collectionTargets') => () => i18n.t(key, { ns: 'payments' });

/** Permission codes from the server's payments.permissions.ts / receivables; the pages sit in the 财务与信用 menu group. */
export const paymentRoutes: AppRoute[] = [
  {
    path: '/collections', access: 'payment:record', menuKey: 'collections',
    menu: { label: label('menu.collections'), icon: <PayCircleOutlined />, group: 'finance', order: 46 },
    page: lazyPage(() => import('./pages/collections-page'), 'CollectionsPage'),
  },
  {
    path: '/receivables', access: 'receivable:read', menuKey: 'receivables',
    menu: { label: label('menu.receivables'), icon: <FileSearchOutlined />, group: 'finance', order: 47 },
    page: lazyPage(() => import('./pages/receivables-page'), 'ReceivablesPage'),
  },
  {
    // the sales side's slips (reps, supervisors, the sales manager: payment-slip:file)
    path: '/payment-slips', access: 'payment-slip:file', menuKey: 'my-payment-slips',
    menu: { label: label('menu.mySlips'), icon: <AuditOutlined />, group: 'finance', order: 47.2 },
    page: lazyPage(() => import('./pages/my-payment-slips-page'), 'MyPaymentSlipsPage'),
  },
  {
    path: '/reports/aging', access: 'receivable:read', menuKey: 'reports-aging',
    menu: { label: label('menu.aging'), icon: <BarChartOutlined />, group: 'finance', order: 47.5 },
    page: lazyPage(() => import('./pages/aging-page'), 'AgingPage'),
  },
  {
    path: '/collection-targets', access: 'collection-target:read', menuKey: 'collection-targets',
    menu: { label: label('menu.collectionTargets'), icon: <AimOutlined />, group: 'finance', order: 47.7 },
    page: lazyPage(() => import('./pages/collection-targets-page'), 'CollectionTargetsPage'),
  },
];
