import { MoneyCollectOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** Permission codes from the server's penalties.permissions.ts; the page sits in the 财务与信用 menu group. */
export const penaltyRoutes: AppRoute[] = [
  {
    path: '/penalties', access: 'penalty:read', menuKey: 'penalties',
    menu: { label: () => i18n.t('menu.penalties', { ns: 'penalties' }), icon: <MoneyCollectOutlined />, group: 'finance', order: 53 },
    page: lazyPage(() => import('./pages/penalties-page'), 'PenaltiesPage'),
  },
];
