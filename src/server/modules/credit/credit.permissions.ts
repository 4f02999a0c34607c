import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/**
 * Credit permissions → roles (domain §0, §1.1, §10). A customer's credit is read by its owner and
 * their managers (data scope), finance, the GM and VP, and the customer-service manager. Changes are
 * proposed by the sales manager or finance only — never customer service (who investigates, §1.1)
 * nor a rep (who sells) — and decided through the approval flow. The finance list (and its export)
 * is for finance and the managers. Warehouse, the front desk and the administrator see no credit.
 */
export const creditGrants = {
  'credit:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'finance'],
  'credit:propose': ['sales_manager', 'finance'],
  'credit:list': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'cs_manager', 'finance'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type CreditPermission = keyof typeof creditGrants;
