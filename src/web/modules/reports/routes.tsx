import { BarChartOutlined, FunnelPlotOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

const label = (key: 'menu.funnel' | 'menu.activities') => () => i18n.t(key, { ns: 'reports' });

/** Permission codes from the server's reports.permissions.ts; the pages sit in the 报表 menu group. */
export const reportRoutes: AppRoute[] = [
  {
    path: '/reports/funnel', access: 'report:read', menuKey: 'reports-funnel',
    menu: { label: label('menu.funnel'), icon: <FunnelPlotOutlined />, group: 'reports', order: 50 },
    page: lazyPage(() => import('./pages/funnel-report-page'), 'FunnelReportPage'),
  },
  {
    path: '/reports/activities', access: 'report:read', menuKey: 'reports-activities',
    menu: { label: label('menu.activities'), icon: <BarChartOutlined />, group: 'reports', order: 51 },
    page: lazyPage(() => import('./pages/activity-report-page'), 'ActivityReportPage'),
  },
];
