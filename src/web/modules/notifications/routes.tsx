import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

export const notificationRoutes: AppRoute[] = [
  { path: '/notifications', access: 'notification:read', page: lazyPage(() => import('./pages/notifications-page'), 'NotificationsPage') },
];
