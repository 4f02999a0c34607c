import { CheckSquareOutlined } from '@ant-design/icons';
import { i18n } from '../../platform/i18n/i18n';
import { lazyPage } from '../../platform/routing/lazy-page';
import type { AppRoute } from '../../platform/routing/route-types';

export const approvalRoutes: AppRoute[] = [
  {
    path: '/inbox', access: 'approval:read', menuKey: 'inbox',
    menu: { label: () => i18n.t('menu.inbox', { ns: 'approvals' }), icon: <CheckSquareOutlined />, order: 20 },
    page: lazyPage(() => import('./pages/inbox-page'), 'InboxPage'),
  },
  { path: '/inbox/:id', access: 'approval:read', menuKey: 'inbox', page: lazyPage(() => import('./pages/approval-detail-page'), 'ApprovalDetailPage') },
];
