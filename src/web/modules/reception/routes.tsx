import { BarChartOutlined, CalendarOutlined, CustomerServiceOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

const label = (key: 'menu.desk' | 'menu.mine' | 'menu.roster' | 'menu.daily' | 'menu.overrides') => () => i18n.t(key, { ns: 'reception' });

/** Permission codes from the server's reception.permissions.ts. */
export const receptionRoutes: AppRoute[] = [
  {
    path: '/reception/desk', access: 'reception:register', menuKey: 'reception-desk',
    menu: { label: label('menu.desk'), icon: <CustomerServiceOutlined />, order: 20 },
    page: lazyPage(() => import('./pages/desk-page'), 'DeskPage'),
  },
  {
    path: '/reception/mine', access: 'reception:market_survey', menuKey: 'reception-mine',
    menu: { label: label('menu.mine'), icon: <TeamOutlined />, order: 40 },
    page: lazyPage(() => import('./pages/my-visits-page'), 'MyVisitsPage'),
  },
  {
    path: '/reception/roster', access: 'reception:roster_read', menuKey: 'reception-roster',
    menu: { label: label('menu.roster'), icon: <CalendarOutlined />, order: 41 },
    page: lazyPage(() => import('./pages/roster-page'), 'RosterPage'),
  },
  {
    path: '/reception/daily', access: 'reception:report', menuKey: 'reception-daily',
    menu: { label: label('menu.daily'), icon: <BarChartOutlined />, order: 42 },
    page: lazyPage(() => import('./pages/daily-report-page'), 'DailyReportPage'),
  },
  {
    path: '/reception/overrides', access: 'reception:overrides', menuKey: 'reception-overrides',
    menu: { label: label('menu.overrides'), icon: <SwapOutlined />, order: 43 },
    page: lazyPage(() => import('./pages/overrides-page'), 'OverridesPage'),
  },
];
