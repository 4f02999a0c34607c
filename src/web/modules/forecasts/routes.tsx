import { LineChartOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** Permission codes from the server's forecasts.permissions.ts; the page sits in the 报表 menu group after the funnel and activity reports. */
export const forecastRoutes: AppRoute[] = [
  {
    path: '/forecasts', access: 'forecast:read', menuKey: 'forecasts',
    menu: { label: () => i18n.t('menu.forecasts', { ns: 'forecasts' }), icon: <LineChartOutlined />, group: 'reports', order: 52 },
    page: lazyPage(() => import('./pages/forecast-page'), 'ForecastPage'),
  },
];
