import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/**
 * Receivable permissions → roles (domain §0, §11). Finance keeps the receivables; the sales side reads
 * the lines of its own contracts (reps remind customers, §11.2) within their data scope; the GM and the
 * sales VP read them all. Warehouse, front desk, customer service and the administrator do not.
 */
export const receivableGrants = {
  'receivable:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
  /**
   * collection targets (回款目标, §11.2): read in one's data scope (a rep: their own; finance: all, it
   * follows the collections); set by the sales manager, the sales VP and the GM for the reps of their scope
   */
  'collection-target:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
  'collection-target:set': ['gm', 'sales_vp', 'sales_manager'],
} as const satisfies Record<string, readonly RoleCode[]>;
