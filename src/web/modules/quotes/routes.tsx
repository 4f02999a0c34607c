import { FileTextOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** Permission codes from the server's quotes.permissions.ts; the list sits in the 合同与订单 menu group before contracts. */
export const quoteRoutes: AppRoute[] = [
  {
    path: '/quotes', access: 'quote:read', menuKey: 'quotes',
    menu: { label: () => i18n.t('menu.quotes', { ns: 'quotes' }), icon: <FileTextOutlined />, group: 'contracts', order: 46 },
    page: lazyPage(() => import('./pages/quote-list-page'), 'QuoteListPage'),
  },
  { path: '/quotes/new', access: 'quote:create', menuKey: 'quotes', page: lazyPage(() => import('./pages/quote-builder-page'), 'QuoteBuilderPage') },
  { path: '/quotes/:id', access: 'quote:read', menuKey: 'quotes', page: lazyPage(() => import('./pages/quote-detail-page'), 'QuoteDetailPage') },
  { path: '/quotes/:id/edit', access: 'quote:update', menuKey: 'quotes', page: lazyPage(() => import('./pages/quote-builder-page'), 'QuoteBuilderPage') },
];
