import { CloudUploadOutlined } from '@ant-design/icons';
import { Navigate } from 'react-router-dom';
import { lazy } from 'react';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** Permission codes from the server's imports.permissions.ts (each entity also needs its own create right, checked by the server). */
export const importRoutes: AppRoute[] = [
  {
    path: '/imports', access: 'import:use', menuKey: 'imports',
    menu: { label: () => i18n.t('menu.imports', { ns: 'imports' }), icon: <CloudUploadOutlined />, order: 80 },
    page: lazy(async () => ({ default: () => <Navigate to="/imports/customers" replace /> })),
  },
  {
    path: '/imports/:entity', access: 'import:use', menuKey: 'imports',
    page: lazyPage(() => import('./pages/import-page'), 'ImportPage'),
  },
];
