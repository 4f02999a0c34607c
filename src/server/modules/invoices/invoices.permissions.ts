import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/**
 * Invoice request permissions → roles (domain §0, §1.1, §17). Sales (rep, supervisor, manager) request
 * invoices against the signed contracts of their data scope; the sales manager approves through the
 * approvals engine (never their own request); finance alone issues the invoice and records its number
 * and courier — and requests none (who issues does not ask). The GM and sales VP read them.
 */
export const invoiceGrants = {
  'invoice:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
  'invoice:request': ['sales_rep', 'sales_supervisor', 'sales_manager'],
  'invoice:issue': ['finance'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type InvoicePermission = keyof typeof invoiceGrants;
