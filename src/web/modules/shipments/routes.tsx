import { InboxOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

/** Permission codes from the server's shipments.permissions.ts; the work queue sits in 合同与订单. */
export const shipmentRoutes: AppRoute[] = [
  {
    path: '/shipments', access: 'shipment:read', menuKey: 'shipments',
    menu: { label: () => i18n.t('menu.queue', { ns: 'shipments' }), icon: <InboxOutlined />, group: 'contracts', order: 48.5 },
    page: lazyPage(() => import('./pages/shipment-queue-page'), 'ShipmentQueuePage'),
  },
  { path: '/shipments/new', access: 'shipment:create', menuKey: 'shipments', page: lazyPage(() => import('./pages/shipment-new-page'), 'ShipmentNewPage') },
  { path: '/shipments/:id', access: 'shipment:read', menuKey: 'shipments', page: lazyPage(() => import('./pages/shipment-detail-page'), 'ShipmentDetailPage') },
];
