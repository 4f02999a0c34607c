import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

export const authRoutes: AppRoute[] = [
  { path: '/login', isPublic: true, page: lazyPage(() => import('./pages/login-page'), 'LoginPage') },
  { path: '/account/password', page: lazyPage(() => import('./pages/change-password-page'), 'ChangePasswordPage') },
  { path: '/account/tokens', access: 'token:manage', page: lazyPage(() => import('./pages/api-tokens-page'), 'ApiTokensPage') },
];
