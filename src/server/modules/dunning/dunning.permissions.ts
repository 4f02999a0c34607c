import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/**
 * Dunning and deferral permissions → roles (domain §0, §1.1, §10, §11.2).
 * - The dunning queue is read by the sales side in its data scope (reps remind and chase their
 *   customers), finance (whose aging finds the overdue items) and the GM / sales VP.
 * - Letters, lawsuits are logged by the rep's side (rep, supervisor, manager) and by finance.
 * - A bad-debt write-off is requested by finance only and approved by the sales manager (engine).
 * - A deferral is requested through sales: the owner of the line or their managers (data scope);
 *   the sales VP and the GM approve it, so they do not request it.
 * - The monthly credit-execution audit and the year-end open-deferral list are finance's reports,
 *   also read by the GM and the sales VP (terms exceeded are reported to them, §10).
 * - The daily dunning computation runs by itself each morning; finance (whose aging finds the overdue
 *   items) and the administrator (who runs the other sweeps) may run it by hand for a day.
 * Warehouse, front desk and customer service have none of these; the administrator only dunning:run.
 */
export const dunningGrants = {
  'dunning:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
  'dunning:act': ['sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
  'dunning:write_off': ['finance'],
  'dunning:run': ['finance', 'admin'],
  'deferral:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
  'deferral:request': ['sales_manager', 'sales_supervisor', 'sales_rep'],
  'report:credit_control': ['gm', 'sales_vp', 'finance'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type DunningPermission = keyof typeof dunningGrants;
