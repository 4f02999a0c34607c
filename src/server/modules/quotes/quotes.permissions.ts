import type { RoleCode } from '../../../shared/contracts/org.contract.js';

const sales = ['sales_rep', 'sales_supervisor', 'sales_manager'] as const satisfies readonly RoleCode[];

/**
 * Quote permissions → roles (domain §0, §1.1, §8). Reps, supervisors and managers draft, edit, submit,
 * send and record the customer's answer on the quotes of their data scope; reviews and exception
 * approvals go through the approvals engine (supervisor, manager, VP by size). The GM and the sales VP
 * read every quote but run no deals (§1.1). Finance, service, warehouse, the front desk and the
 * administrator have no access to quotes.
 */
export const quoteGrants = {
  'quote:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep'],
  'quote:create': sales,
  'quote:update': sales,
  'quote:submit': sales,
  'quote:send': sales,
  /** records the customer's acceptance (drafts the contract) or refusal */
  'quote:accept': sales,
} as const satisfies Record<string, readonly RoleCode[]>;

export type QuotePermission = keyof typeof quoteGrants;
