import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Client, TestContext } from '../../../../../test/harness.js';
import type { OrderDto } from '../../../../shared/contracts/orders.contract.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { money } from '../../../../shared/money.js';
import { newId } from '../../../platform/db/columns.js';
import { receivables } from '../../receivables/receivables.schema.js';
import { shipments } from '../../shipments/shipments.schema.js';

export type Order = OrderDto;
export const today = () => todayIn('Asia/Shanghai');
export const inDays = (n: number) => addDays(today(), n);

/**
 * Contract lines an order is placed from: 10 控制柜 at 1,000.00; 5 伺服电机 at 2,000.00 less 10 %
 * (1,800.00 net); 10 成套设备 at 50,000.00 — 519,000.00 in all, under the major-contract threshold.
 */
export function orderableContract(productIds: [string, string, string]) {
  return {
    lines: [
      { productId: productIds[0], description: '控制柜', unit: '台', quantity: '10', unitPrice: '1000.00', discountPct: '0', taxRate: '13' },
      { productId: productIds[1], description: '伺服电机', unit: '台', quantity: '5', unitPrice: '2000.00', discountPct: '10', taxRate: '13' },
      { productId: productIds[2], description: '成套设备', unit: '套', quantity: '10', unitPrice: '50000.00', discountPct: '0', taxRate: '13' },
    ],
    paymentPlan: [
      { kind: 'prepayment', dueDate: today(), amount: '119000.00' },
      { kind: 'balance', dueDate: '2099-12-31', amount: '400000.00' },
    ],
  };
}

export const orderBody = (contractId: string, lines: { contractLineIndex: number; quantity: string; packaging?: string }[], extra: Record<string, unknown> = {}) => ({
  contractId, lines, dueDate: inDays(20), priority: 'normal', ...extra,
});

/** Places an order through the API (201 expected). */
export async function placeOrder(client: Client, contractId: string, lines: { contractLineIndex: number; quantity: string; packaging?: string }[], extra: Record<string, unknown> = {}): Promise<Order> {
  const res = await client.post('/api/v1/orders', orderBody(contractId, lines, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Order;
}

/**
 * Records a shipment that left the warehouse straight into the shipments table (the shipments module
 * owns the real flow; the orders module only reads what shipped).
 */
export async function putShipment(t: TestContext, order: Order, lines: { orderLineIndex: number; quantity: string; amount: string }[], p: { shippedAt?: Date; status?: string } = {}) {
  const amount = money.add(...lines.map((l) => l.amount));
  const id = newId();
  const number = `FH-T-${id.slice(-8)}`;
  await t.handle.db.insert(shipments).values({
    workspaceId: t.demo.workspaceId, id, number, orderId: order.id, contractId: order.contract.id, customerId: order.customer.id, ownerId: order.owner.id,
    lines, amount, plannedDate: today(), status: p.status ?? 'shipped', shippedAt: p.shippedAt ?? new Date(), carrier: '顺丰速运', trackingNo: `SF${id.slice(-10)}`,
    createdBy: order.owner.id,
  });
  return { id, number };
}

/** Marks an amount received on a contract's plan line, dated `at` (the statement dates a receipt by the receivable's last update). */
export async function receive(t: TestContext, contractId: string, planIndex: number, received: string, at: Date) {
  await t.handle.db.update(receivables).set({ received, status: 'partial', updatedAt: at })
    .where(and(eq(receivables.workspaceId, t.demo.workspaceId), eq(receivables.contractId, contractId), eq(receivables.planIndex, planIndex)));
}
