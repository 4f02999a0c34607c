import { and, asc, eq } from 'drizzle-orm';
import { addDays, todayIn } from '../../shared/dates.js';
import { money } from '../../shared/money.js';
import { contextFor } from '../platform/auth/context-for.js';
import type { DbHandle } from '../platform/db/client.js';
import { creditProfiles } from '../modules/credit/credit.schema.js';
import { customerExposure } from '../modules/credit/index.js';
import { orders } from '../modules/orders/orders.schema.js';
import { recordPayment } from '../modules/payments/index.js';
import { unpaidPrepaymentsOf } from '../modules/receivables/index.js';
import { createShipment, requestOverride, warehouseStep } from '../modules/shipments/index.js';

/**
 * Demo shipments (issue 5): on the first demo order the customer's limit was cut after a downgrade
 * (grade C), so its shipment is refused by the credit check, saved on credit hold, and the rep has
 * asked for the over-credit override — waiting for the GM. The other orders each get a shipment in
 * the warehouse queue (the rush one first), one already reviewed and one picked. Everything goes
 * through the same commands as the API.
 */
export async function seedDemoShipments(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }) {
  const ws = demo.workspaceId;
  const today = todayIn('Asia/Shanghai');
  const placed = await handle.db.select().from(orders).where(and(eq(orders.workspaceId, ws), eq(orders.status, 'open'))).orderBy(asc(orders.createdAt), asc(orders.id)).limit(4);
  if (placed.length === 0) return { shipments: 0 };
  const warehouse = await contextFor(handle, ws, demo.userIds.warehouse1!);

  // 0. finance records the prepayments still open on these contracts (预付款到账后才发货, domain §11.2)
  const finance = await contextFor(handle, ws, demo.userIds.finance1!);
  for (const o of placed) {
    const owed = await unpaidPrepaymentsOf(handle.db, ws, o.contractId);
    if (owed.length === 0) continue;
    await recordPayment(finance, {
      customerId: o.customerId, amount: money.add(...owed.map((l) => l.outstanding)), receivedOn: addDays(today, -1), method: 'bank_transfer',
      reference: `HD${o.number.replace(/\D/g, '').slice(-8)}`, note: '预付款到账', allocations: owed.map((l) => ({ receivableId: l.receivableId, amount: l.outstanding })),
    });
  }

  // 1. over its limit: the customer was downgraded; the limit now leaves it 120,000.00 short
  const [held, ...queued] = placed;
  const exposure = (await customerExposure(handle.db, ws, [held!.customerId], today)).get(held!.customerId) ?? '0.00';
  const cut = money.compare(exposure, '120000.00') > 0 ? money.sub(exposure, '120000.00') : '0.00';
  await handle.db.insert(creditProfiles).values({
    workspaceId: ws, customerId: held!.customerId, creditLimit: cut, termsDays: 30, grade: 'C', effectiveFrom: addDays(today, -20), reason: '经营状况恶化，下调信用等级与额度',
  }).onConflictDoUpdate({ target: [creditProfiles.workspaceId, creditProfiles.customerId], set: { creditLimit: cut, grade: 'C', termsDays: 30, reason: '经营状况恶化，下调信用等级与额度' } });
  const owner = await contextFor(handle, ws, held!.ownerId);
  const first = await createShipment(owner, { orderId: held!.id, lines: [{ orderLineIndex: 0, quantity: '1' }], plannedDate: addDays(today, 3), creditHold: true, note: '客户催货，请尽快安排' });
  if (first.status === 'credit_hold') await requestOverride(owner, first.id, { reason: '十年老客户，已书面承诺本月底前结清前期货款，请特批本次发货' });

  // 2. the warehouse queue: customers whose limit covers their exposure (annual review raised it)
  let made = 1;
  for (const [i, o] of queued.entries()) {
    if (o.customerId !== held!.customerId) {
      const owed = (await customerExposure(handle.db, ws, [o.customerId], today)).get(o.customerId) ?? '0.00';
      const limit = money.format(money.parse(owed).plus(o.amount).dividedBy(100000).ceil().times(100000).plus(200000));
      await handle.db.insert(creditProfiles).values({
        workspaceId: ws, customerId: o.customerId, creditLimit: limit, termsDays: 60, grade: 'B', effectiveFrom: addDays(today, -40), reason: '年度授信评审',
      }).onConflictDoUpdate({ target: [creditProfiles.workspaceId, creditProfiles.customerId], set: { creditLimit: limit, reason: '年度授信评审' } });
    }
    const ctx = await contextFor(handle, ws, o.ownerId);
    const s = await createShipment(ctx, { orderId: o.id, lines: [{ orderLineIndex: 0, quantity: '1' }], plannedDate: addDays(today, 1 + i * 2), creditHold: true });
    made++;
    if (s.status !== 'pending_review' || i === 0) continue;
    const reviewed = await warehouseStep(warehouse, s.id, { action: 'review', version: s.version });
    if (i === 2) await warehouseStep(warehouse, s.id, { action: 'pick', version: reviewed.version });
  }
  return { shipments: made };
}
