import type { zhCN } from './zh-CN';

export const enUS = {
  'label': 'Search',
  'placeholder': 'Search customers, contacts, leads',
  'empty': 'Nothing found',
  'group.customers': 'Customers',
  'group.contacts': 'Contacts',
  'group.leads': 'Leads',
} satisfies Record<keyof typeof zhCN, string>;
