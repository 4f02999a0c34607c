/**
 * The shipments module's only door: shipments from orders with the credit check before shipment and
 * the over-credit override, the warehouse steps, the delivery note (domain §9).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import type { Executor } from '../../platform/db/client.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { shipmentMessages } from './shipments.messages.js';
import { shipmentGrants } from './shipments.permissions.js';
import { shippedByOrderLine } from './shipments.repository.js';

registerGrants(shipmentGrants);
registerMessages(shipmentMessages);

export { shipmentRoutes } from './shipments.routes.js';
export { shipmentGrants } from './shipments.permissions.js';
export { SHIPMENT_OVERRIDE_DOCUMENT, cancelShipmentsOfOrder, createShipment, requestOverride, warehouseStep } from './shipments.service.js';

/**
 * Quantities shipped (shipments in status shipped or delivered) per order and order line:
 * Map<orderId, Map<orderLineIndex, quantity as a decimal string>>. Lines with nothing shipped are absent.
 */
export function shippedQuantities(tx: Executor, workspaceId: string, orderIds: readonly string[]): Promise<Map<string, Map<number, string>>> {
  return shippedByOrderLine(tx, workspaceId, orderIds);
}
