import { PrinterOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** 打印模板 (administrator and sales VP: print_template:read; which kinds they may change is on each template). */
export const printTemplateRoutes: AppRoute[] = [
  {
    path: '/settings/print-templates', access: 'print_template:read', menuKey: 'printTemplates',
    menu: { label: () => i18n.t('menu.printTemplates', { ns: 'printTemplates' }), icon: <PrinterOutlined />, group: 'settings', order: 63 },
    page: lazyPage(() => import('./pages/print-templates-page'), 'PrintTemplatesPage'),
  },
];
