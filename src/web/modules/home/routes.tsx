import { HomeOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

export const homeRoutes: AppRoute[] = [
  {
    path: '/', menuKey: 'home',
    menu: { label: () => i18n.t('menu.home', { ns: 'home' }), icon: <HomeOutlined />, order: 10 },
    page: lazyPage(() => import('./pages/home-page'), 'HomePage'),
  },
];
