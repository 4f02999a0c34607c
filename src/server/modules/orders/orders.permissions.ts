import type { RoleCode } from '../../../shared/contracts/org.contract.js';

const sales = ['sales_rep', 'sales_supervisor', 'sales_manager'] as const satisfies readonly RoleCode[];

/**
 * Order permissions → roles (domain §0, §1.1, §9). Sales reps, supervisors and managers place sales
 * orders (发货通知) on the signed contracts of their scope and request order changes; the warehouse
 * reads the orders it ships but never takes a sales order (不相容职责: warehouse ✗ take_sales_orders);
 * finance, the GM and the sales VP read them. The shipping ledger (发货流水账) is read by everyone who
 * reads orders, each within their scope; the customer statement (对账单) by sales and finance, not the
 * warehouse. Customer service, the front desk and the administrator see no orders.
 */
export const orderGrants = {
  'order:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance', 'warehouse'],
  'order:create': sales,
  'order:change': sales,
  'shipping_ledger:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance', 'warehouse'],
  'customer_statement:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type OrderPermission = keyof typeof orderGrants;
