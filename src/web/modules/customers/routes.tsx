import { AuditOutlined, ContactsOutlined, FileSearchOutlined, GlobalOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

const label = (key: 'menu.customers' | 'menu.pool' | 'menu.staleFiles' | 'menu.borrowRecords') => () => i18n.t(key, { ns: 'customers' });

/**
 * Permission codes from the server's customers.permissions.ts. The fixed paths come before
 * `/customers/:id` so the menu highlight (first match) finds them.
 */
export const customerRoutes: AppRoute[] = [
  {
    path: '/customers', access: 'customer:read', menuKey: 'customers',
    menu: { label: label('menu.customers'), icon: <ContactsOutlined />, order: 30 },
    page: lazyPage(() => import('./pages/customer-list-page'), 'CustomerListPage'),
  },
  {
    path: '/customers/pool', access: 'customer:claim', menuKey: 'customer-pool',
    menu: { label: label('menu.pool'), icon: <GlobalOutlined />, order: 31 },
    page: lazyPage(() => import('./pages/pool-page'), 'PoolPage'),
  },
  {
    path: '/customers/stale-files', access: 'customer:stale_files', menuKey: 'customer-stale-files',
    menu: { label: label('menu.staleFiles'), icon: <FileSearchOutlined />, order: 32 },
    page: lazyPage(() => import('./pages/stale-files-page'), 'StaleFilesPage'),
  },
  {
    path: '/customers/borrow-records', access: 'customer:borrow_log', menuKey: 'customer-borrow-records',
    menu: { label: label('menu.borrowRecords'), icon: <AuditOutlined />, order: 33 },
    page: lazyPage(() => import('./pages/borrow-records-page'), 'BorrowRecordsPage'),
  },
  {
    path: '/customers/:id', access: 'customer:read', menuKey: 'customers',
    page: lazyPage(() => import('./pages/customer-detail-page'), 'CustomerDetailPage'),
  },
];
