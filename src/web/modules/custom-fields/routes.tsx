import { FormOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

export const customFieldRoutes: AppRoute[] = [
  {
    path: '/settings/custom-fields', access: 'custom_field:manage', menuKey: 'custom-fields',
    menu: { label: () => i18n.t('menu.customFields', { ns: 'customFields' }), icon: <FormOutlined />, group: 'settings', order: 63 },
    page: lazyPage(() => import('./pages/custom-fields-page'), 'CustomFieldsPage'),
  },
];
