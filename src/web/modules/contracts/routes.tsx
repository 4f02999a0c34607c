import { FileProtectOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** Permission codes from the server's contracts.permissions.ts; the list opens the 合同与订单 menu group. */
export const contractRoutes: AppRoute[] = [
  {
    path: '/contracts', access: 'contract:read', menuKey: 'contracts',
    menu: { label: () => i18n.t('menu.contracts', { ns: 'contracts' }), icon: <FileProtectOutlined />, group: 'contracts', order: 47 },
    page: lazyPage(() => import('./pages/contract-list-page'), 'ContractListPage'),
  },
  { path: '/contracts/new', access: 'contract:create', menuKey: 'contracts', page: lazyPage(() => import('./pages/contract-form-page'), 'ContractFormPage') },
  { path: '/contracts/:id', access: 'contract:read', menuKey: 'contracts', page: lazyPage(() => import('./pages/contract-detail-page'), 'ContractDetailPage') },
  { path: '/contracts/:id/amend', access: 'contract:amend', menuKey: 'contracts', page: lazyPage(() => import('./pages/contract-form-page'), 'ContractFormPage') },
  { path: '/contracts/:id/edit', access: 'contract:update', menuKey: 'contracts', page: lazyPage(() => import('./pages/contract-form-page'), 'ContractFormPage') },
];
