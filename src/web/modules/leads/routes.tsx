import { FunnelPlotOutlined, InboxOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

const label = (key: 'menu.leads' | 'menu.pool') => () => i18n.t(key, { ns: 'leads' });

/** Permission codes from the server's leads.permissions.ts; `/leads/pool` comes before `/leads/:id`. */
export const leadRoutes: AppRoute[] = [
  {
    path: '/leads', access: 'lead:read', menuKey: 'leads',
    menu: { label: label('menu.leads'), icon: <FunnelPlotOutlined />, order: 25 },
    page: lazyPage(() => import('./pages/lead-list-page'), 'LeadListPage'),
  },
  {
    path: '/leads/pool', access: 'lead:claim', menuKey: 'lead-pool',
    menu: { label: label('menu.pool'), icon: <InboxOutlined />, order: 26 },
    page: lazyPage(() => import('./pages/lead-pool-page'), 'LeadPoolPage'),
  },
  {
    path: '/leads/:id', access: 'lead:read', menuKey: 'leads',
    page: lazyPage(() => import('./pages/lead-detail-page'), 'LeadDetailPage'),
  },
];
