import { AuditOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** Permission codes from the server's invoices.permissions.ts; the queue sits in the 财务与信用 menu group, requests on the contract page's 开票 tab. */
export const invoiceRoutes: AppRoute[] = [
  {
    path: '/invoice-requests', access: 'invoice:read', menuKey: 'invoice-requests',
    menu: { label: () => i18n.t('menu.requests', { ns: 'invoices' }), icon: <AuditOutlined />, group: 'finance', order: 49 },
    page: lazyPage(() => import('./pages/invoice-requests-page'), 'InvoiceRequestsPage'),
  },
];
