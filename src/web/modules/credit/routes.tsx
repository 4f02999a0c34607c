import { SafetyCertificateOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** Permission codes from the server's credit.permissions.ts; the list sits in the 财务与信用 menu group. The per-customer view is a tab of the customer page. */
export const creditRoutes: AppRoute[] = [
  {
    path: '/credit-profiles', access: 'credit:list', menuKey: 'credit-profiles',
    menu: { label: () => i18n.t('menu.profiles', { ns: 'credit' }), icon: <SafetyCertificateOutlined />, group: 'finance', order: 48 },
    page: lazyPage(() => import('./pages/credit-profiles-page'), 'CreditProfilesPage'),
  },
];
