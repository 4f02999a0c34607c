import { LineChartOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** Permission codes from the server's forecasts.permissions.ts; the page sits right after 销售机会. */
export const forecastRoutes: AppRoute[] = [
  {
    path: '/forecasts', access: 'forecast:read', menuKey: 'forecasts',
    menu: { label: () => i18n.t('menu.forecasts', { ns: 'forecasts' }), icon: <LineChartOutlined />, order: 36 },
    page: lazyPage(() => import('./pages/forecast-page'), 'ForecastPage'),
  },
];
