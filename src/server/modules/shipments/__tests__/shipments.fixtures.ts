import { expect } from 'vitest';
import type { Client, TestContext } from '../../../../../test/harness.js';
import type { ShipmentDto } from '../../../../shared/contracts/shipments.contract.js';
import { newId } from '../../../platform/db/columns.js';
import { creditProfiles } from '../../credit/credit.schema.js';
import { orders } from '../../orders/orders.schema.js';
import { signContractThroughApi, today, type Contract } from '../../contracts/__tests__/contracts.fixtures.js';

export type Shipment = ShipmentDto;
export { today };

/**
 * A signed contract (two lines: 2 × 30,000.00 control cabinets and a 40,000.00 service, 100,000.00
 * in all, plan 30 % progress payment due today and 70 % in 2099) and an order for all of it, written straight into the
 * orders table (the orders module has its own tests): line 0 = 2 台 at 30,000.00, line 1 = 1 项 at 40,000.00.
 */
export async function signedOrder(t: TestContext, owner: Client, manager: Client, customerId: string, opts: { priority?: 'normal' | 'rush'; contract?: Record<string, unknown> } = {}) {
  // the first 30 % is a progress payment, not a prepayment: an unpaid prepayment blocks every shipment (payments module)
  const contract: Contract = await signContractThroughApi(owner, manager, customerId, opts.contract ?? { paymentPlan: noPrepaymentPlan() });
  const orderId = newId();
  await t.handle.db.insert(orders).values({
    workspaceId: t.demo.workspaceId, id: orderId, number: `DD-T-${orderId.slice(-8)}`, contractId: contract.id, customerId, ownerId: contract.owner.id,
    lines: [
      { contractLineIndex: 0, productId: null, description: contract.lines[0]!.description, unit: '台', quantity: '2', unitPrice: '30000.00', amount: '60000.00', packaging: '木箱' },
      { contractLineIndex: 1, productId: null, description: contract.lines[1]!.description, unit: '项', quantity: '1', unitPrice: '40000.00', amount: '40000.00', packaging: null },
    ],
    amount: '100000.00', dueDate: today(), priority: opts.priority ?? 'normal', deliveryAddress: '上海市浦东新区张江路 88 号', status: 'open', createdBy: contract.owner.id,
  });
  return { contract, orderId };
}

/** The default plan with its first line a progress payment due today (so no prepayment holds the goods). */
export const noPrepaymentPlan = () => [
  { kind: 'progress', dueDate: today(), amount: '30000.00', percent: '30' },
  { kind: 'balance', dueDate: '2099-12-31', amount: '70000.00', percent: '70' },
];

/** Gives the customer a credit profile with this limit (as an approved credit change would). */
export async function setCreditLimit(t: TestContext, customerId: string, limit: string) {
  await t.handle.db.insert(creditProfiles).values({
    workspaceId: t.demo.workspaceId, customerId, creditLimit: limit, termsDays: 60, grade: 'B', effectiveFrom: today(), reason: '测试额度',
  }).onConflictDoUpdate({ target: [creditProfiles.workspaceId, creditProfiles.customerId], set: { creditLimit: limit } });
}

export const shipmentBody = (orderId: string, lines: { orderLineIndex: number; quantity: string }[], extra: Record<string, unknown> = {}) =>
  ({ orderId, lines, plannedDate: today(), ...extra });

export async function createShipment(client: Client, orderId: string, lines: { orderLineIndex: number; quantity: string }[], extra: Record<string, unknown> = {}): Promise<Shipment> {
  const res = await client.post('/api/v1/shipments', shipmentBody(orderId, lines, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Shipment;
}

/** Drives a shipment through review, pick and pack by the warehouse; returns it packed. */
export async function toPacked(warehouse: Client, s: Shipment): Promise<Shipment> {
  let current = s;
  for (const [step, body] of [['review', { decision: 'approve' }], ['pick', {}], ['pack', {}]] as const) {
    const res = await warehouse.post(`/api/v1/shipments/${current.id}/${step}`, { version: current.version, ...body });
    expect(res.statusCode, res.body).toBe(200);
    current = res.json() as Shipment;
  }
  return current;
}
