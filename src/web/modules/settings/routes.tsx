import { ApiOutlined, NumberOutlined, SlidersOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

export const settingsRoutes: AppRoute[] = [
  {
    // everyone may read the rules they work under; editing needs policy:update (checked on the page)
    path: '/settings/policies', access: 'policy:read', menuKey: 'policies',
    menu: { label: () => i18n.t('menu.policies', { ns: 'settings' }), icon: <SlidersOutlined />, group: 'settings', order: 60 },
    page: lazyPage(() => import('./pages/policies-page'), 'PoliciesPage'),
  },
  {
    path: '/settings/numbering', access: 'numbering:manage', menuKey: 'numbering',
    menu: { label: () => i18n.t('menu.numbering', { ns: 'settings' }), icon: <NumberOutlined />, group: 'settings', order: 61 },
    page: lazyPage(() => import('./pages/numbering-page'), 'NumberingPage'),
  },
  {
    path: '/settings/webhooks', access: 'webhook:manage', menuKey: 'webhooks',
    menu: { label: () => i18n.t('menu.webhooks', { ns: 'settings' }), icon: <ApiOutlined />, group: 'settings', order: 62 },
    page: lazyPage(() => import('./pages/webhooks-page'), 'WebhooksPage'),
  },
];
