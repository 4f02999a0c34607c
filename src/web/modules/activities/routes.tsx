import { ScheduleOutlined, FileTextOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

const label = (key: 'menu.tasks' | 'menu.callReports') => () => i18n.t(key, { ns: 'activities' });

/** Permission codes from the server's activities.permissions.ts; `/call-reports/new` comes before `/call-reports/:id`. */
export const activityRoutes: AppRoute[] = [
  {
    path: '/tasks', access: 'task:read', menuKey: 'tasks',
    menu: { label: label('menu.tasks'), icon: <ScheduleOutlined />, order: 12 },
    page: lazyPage(() => import('./pages/my-tasks-page'), 'MyTasksPage'),
  },
  {
    path: '/call-reports', access: 'call_report:read', menuKey: 'call-reports',
    menu: { label: label('menu.callReports'), icon: <FileTextOutlined />, order: 45 },
    page: lazyPage(() => import('./pages/call-report-list-page'), 'CallReportListPage'),
  },
  {
    path: '/call-reports/new', access: 'call_report:write', menuKey: 'call-reports',
    page: lazyPage(() => import('./pages/call-report-new-page'), 'CallReportNewPage'),
  },
  {
    path: '/call-reports/:id', access: 'call_report:read', menuKey: 'call-reports',
    page: lazyPage(() => import('./pages/call-report-detail-page'), 'CallReportDetailPage'),
  },
];
