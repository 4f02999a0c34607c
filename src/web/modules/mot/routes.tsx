import { HeartOutlined, InteractionOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

const label = (key: 'menu.touchpoints' | 'menu.needs') => () => i18n.t(key, { ns: 'mot' });

/** Moments of truth (关键时刻); permission codes from the server's mot.permissions.ts. */
export const motRoutes: AppRoute[] = [
  {
    path: '/touchpoints', access: 'touchpoint:read', menuKey: 'touchpoints',
    menu: { label: label('menu.touchpoints'), icon: <InteractionOutlined />, order: 38 },
    page: lazyPage(() => import('./pages/touchpoints-page'), 'TouchpointsPage'),
  },
  {
    path: '/needs', access: 'need:read', menuKey: 'needs',
    menu: { label: label('menu.needs'), icon: <HeartOutlined />, order: 39 },
    page: lazyPage(() => import('./pages/needs-page'), 'NeedsPage'),
  },
];
