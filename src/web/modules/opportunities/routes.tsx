import { ApartmentOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

const label = (key: 'menu.opportunities' | 'menu.pipelines') => () => i18n.t(key, { ns: 'opportunities' });

/** Permission codes from the server's opportunities.permissions.ts; fixed paths come before `/opportunities/:id`. */
export const opportunityRoutes: AppRoute[] = [
  {
    path: '/opportunities', access: 'opportunity:read', menuKey: 'opportunities',
    menu: { label: label('menu.opportunities'), icon: <FundProjectionScreenOutlined />, order: 35 },
    page: lazyPage(() => import('./pages/kanban-page'), 'KanbanPage'),
  },
  {
    path: '/opportunities/list', access: 'opportunity:read', menuKey: 'opportunities',
    page: lazyPage(() => import('./pages/opportunity-list-page'), 'OpportunityListPage'),
  },
  {
    path: '/opportunities/new', access: 'opportunity:create', menuKey: 'opportunities',
    page: lazyPage(() => import('./pages/opportunity-create-page'), 'OpportunityCreatePage'),
  },
  {
    path: '/opportunities/:id', access: 'opportunity:read', menuKey: 'opportunities',
    page: lazyPage(() => import('./pages/opportunity-detail-page'), 'OpportunityDetailPage'),
  },
  {
    path: '/settings/pipelines', access: 'pipeline:manage', menuKey: 'pipelines',
    menu: { label: label('menu.pipelines'), icon: <ApartmentOutlined />, group: 'settings', order: 63 },
    page: lazyPage(() => import('./pages/pipelines-page'), 'PipelinesPage'),
  },
];
