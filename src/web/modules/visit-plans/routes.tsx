import { CarOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** Permission codes from the server's visit-plans.permissions.ts; `/visit-plans/map` comes before `/visit-plans/:id`. */
export const visitPlanRoutes: AppRoute[] = [
  {
    path: '/visit-plans', access: 'visit_plan:read', menuKey: 'visit-plans',
    menu: { label: () => i18n.t('menu.visitPlans', { ns: 'visitPlans' }), icon: <CarOutlined />, order: 46 },
    page: lazyPage(() => import('./pages/visit-plans-page'), 'VisitPlansPage'),
  },
  {
    path: '/visit-plans/map', access: 'visit_plan:read', menuKey: 'visit-plans',
    page: lazyPage(() => import('./pages/visit-map-page'), 'VisitMapPage'),
  },
  {
    path: '/visit-plans/planner', access: 'visit_plan:read', menuKey: 'visit-plans',
    page: lazyPage(() => import('./pages/week-planner-redirect'), 'WeekPlannerRedirect'),
  },
  {
    path: '/visit-plans/:id', access: 'visit_plan:read', menuKey: 'visit-plans',
    page: lazyPage(() => import('./pages/visit-plan-detail-page'), 'VisitPlanDetailPage'),
  },
  {
    path: '/check-in', access: 'check_in:create', menuKey: 'visit-plans',
    page: lazyPage(() => import('./pages/check-in-page'), 'CheckInPage'),
  },
];
