import { ApartmentOutlined, EnvironmentOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/**
 * Everyone may read users and the org tree (pickers need them), so the administration pages are
 * gated by the manage permissions; the roles matrix by role:read.
 */
export const orgRoutes: AppRoute[] = [
  {
    path: '/admin/users', access: 'user:manage', menuKey: 'users',
    menu: { label: () => i18n.t('menu.users', { ns: 'org' }), icon: <TeamOutlined />, group: 'admin', order: 80 },
    page: lazyPage(() => import('./pages/users-page'), 'UsersPage'),
  },
  {
    path: '/admin/departments', access: 'org:manage', menuKey: 'departments',
    menu: { label: () => i18n.t('menu.departments', { ns: 'org' }), icon: <ApartmentOutlined />, group: 'admin', order: 81 },
    page: lazyPage(() => import('./pages/departments-page'), 'DepartmentsPage'),
  },
  {
    path: '/admin/territories', access: 'org:manage', menuKey: 'territories',
    menu: { label: () => i18n.t('menu.territories', { ns: 'org' }), icon: <EnvironmentOutlined />, group: 'admin', order: 82 },
    page: lazyPage(() => import('./pages/territories-page'), 'TerritoriesPage'),
  },
  {
    path: '/admin/roles', access: 'role:read', menuKey: 'roles',
    menu: { label: () => i18n.t('menu.roles', { ns: 'org' }), icon: <SafetyCertificateOutlined />, group: 'admin', order: 83 },
    page: lazyPage(() => import('./pages/roles-page'), 'RolesPage'),
  },
];
