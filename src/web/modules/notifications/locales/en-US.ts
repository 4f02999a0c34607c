import type { zhCN } from './zh-CN';

export const enUS = {
  'bell.label': 'Notifications',
  'bell.unread': '{{count}} unread notifications',
  'bell.title': 'Notifications',
  'bell.readAll': 'Mark all read',
  'bell.viewAll': 'See all notifications',
  'bell.empty': 'No notifications',
  'page.title': 'Notifications',
  'kind.approval_requested': 'Waiting for your approval: {{title}}',
  'kind.approval_requested.by': '{{requester}} asks for your approval: {{title}}',
  'kind.approval_approved': 'Your request was approved: {{title}}',
  'kind.approval_rejected': 'Your request was rejected: {{title}}',
  'kind.approval_returned': 'Your request was returned for change: {{title}}',
  'kind.reception_assigned': 'The front desk routed a visitor or caller to you: {{title}}',
  'kind.reception_reassigned': 'Reception visit reassigned: {{title}}',
  'kind.reception_no_roster': 'Nobody on duty on {{title}}: front-desk visitors rotate over all sales reps; please set up the roster',
  'kind.unknown': 'New notification ({{kind}})',
  'detail.by': 'By {{by}}',
  'detail.comment': 'Comment: {{comment}}',
} satisfies Record<keyof typeof zhCN, string>;
