import { AlertOutlined, AuditOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** Permission codes from the server's dunning.permissions.ts; both pages sit in the 财务与信用 menu group. */
export const dunningRoutes: AppRoute[] = [
  {
    path: '/dunning', access: 'dunning:read', menuKey: 'dunning',
    menu: { label: () => i18n.t('menu.queue', { ns: 'dunning' }), icon: <AlertOutlined />, group: 'finance', order: 51 },
    page: lazyPage(() => import('./pages/dunning-queue-page'), 'DunningQueuePage'),
  },
  {
    path: '/reports/credit-control', access: 'report:credit_control', menuKey: 'credit-control',
    menu: { label: () => i18n.t('menu.reports', { ns: 'dunning' }), icon: <AuditOutlined />, group: 'finance', order: 52 },
    page: lazyPage(() => import('./pages/credit-control-reports-page'), 'CreditControlReportsPage'),
  },
];
