import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/**
 * Product and price permissions → roles (domain §0, §1.1, §8).
 * - Everyone who sells, serves, ships or keeps the books reads the catalogue; the front desk and the
 *   administrator do not.
 * - Costs are seen by finance (who reviews them) and sales managers and above; elsewhere they are
 *   masked in lists, details, price history and exports.
 * - Prices are proposed by the sales VP (who sets prices) and the sales manager; never by finance
 *   (§1.1: finance does not set prices) nor by reps and supervisors (sales policy). Every proposal is
 *   decided through the approval flow (VP review → finance cost review → GM).
 * - Price lists are read by the sales side and finance (quotes use them).
 */
export const productGrants = {
  'product:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist', 'finance', 'warehouse'],
  'product:read_cost': ['gm', 'sales_vp', 'sales_manager', 'finance'],
  'product:write': ['sales_vp', 'sales_manager'],
  'price:request': ['sales_vp', 'sales_manager'],
  'price_list:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type ProductPermission = keyof typeof productGrants;
