import { AuditOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

export const auditRoutes: AppRoute[] = [
  {
    path: '/admin/audit', access: 'audit:read', menuKey: 'audit',
    menu: { label: () => i18n.t('menu.audit', { ns: 'audit' }), icon: <AuditOutlined />, group: 'admin', order: 90 },
    page: lazyPage(() => import('./pages/audit-page'), 'AuditPage'),
  },
];
