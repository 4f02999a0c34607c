import type { RoleCode } from '../../../shared/contracts/org.contract.js';

const sales = ['sales_rep', 'sales_supervisor', 'sales_manager'] as const satisfies readonly RoleCode[];

/**
 * Shipment permissions → roles (domain §0, §1.1, §9). Sales (the order's owner and their managers,
 * within their data scope) create shipments from orders, ask for the over-credit override and cancel
 * shipments not yet picked. The warehouse reviews the delivery notice and records pick, pack, ship and
 * hand-over, but never creates a shipment or an order (it takes no sales orders, §1.1). Finance, the
 * GM and the sales VP read every shipment; the over-credit override is approved by finance or the GM
 * through the approvals engine. The credit check result of a shipment is shown to whoever works on
 * it, the warehouse included (it must know before pressing ship that the step will be refused).
 */
export const shipmentGrants = {
  'shipment:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance', 'warehouse'],
  'shipment:create': sales,
  'shipment:cancel': sales,
  'shipment:override_request': sales,
  'shipment:warehouse': ['warehouse'],
  'shipment:credit_check': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance', 'warehouse'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type ShipmentPermission = keyof typeof shipmentGrants;
