import type { Executor } from '../../platform/db/client.js';
import { shippedQuantities as shippedFromShipments } from '../shipments/index.js';

/**
 * Quantities shipped per order and order line (orderId → orderLineIndex → quantity): what the
 * shipments module counts as gone out (shipped or delivered). The one place the orders module
 * learns what shipped — the order detail, the change checks and the contract remainder use it.
 */
export function shippedQuantities(db: Executor, workspaceId: string, orderIds: readonly string[]): Promise<Map<string, Map<number, string>>> {
  return shippedFromShipments(db, workspaceId, orderIds);
}
