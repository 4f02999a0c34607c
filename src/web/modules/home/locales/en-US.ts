import type { zhCN } from './zh-CN';

export const enUS = {
  'menu.home': 'Home',
  'home.title': 'Home',
  'home.greeting': 'Hello, {{name}}',
  'home.roles': 'Your roles: {{roles}}',
  'home.todo': 'Waiting on me',
  'home.todoMore': 'More than {{count}}',
  'home.openInbox': 'Open to-dos',
  'home.unread': 'Unread notifications',
  'home.openNotifications': 'See notifications',
  'home.comingTitle': 'Business modules are coming',
  'home.comingDescription': 'Customers, leads, the opportunity funnel, quotes and contracts, orders and shipments, credit and receivables, targets and performance are being built. The platform (organisation and permissions, approvals, audit, policies, notifications) is ready to use.',
  'home.comingModules': 'Customers and pool · Leads and reception · Opportunities and visits · Quotes and contracts · Orders and shipments · Credit, receivables and dunning · Expenses · Targets and performance · Customer service · Reports',
} satisfies Record<keyof typeof zhCN, string>;
