import { and, asc, eq, gt, gte, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import { money } from '../../../shared/money.js';
import { visibleTo } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { users, workspaces } from '../../platform/org/org.schema.js';
import { contracts } from '../contracts/contracts.schema.js';
import { creditProfiles } from '../credit/credit.schema.js';
import { customers } from '../customers/customers.schema.js';
import { orders } from '../orders/orders.schema.js';
import { holdingStatuses, shippedStatuses, type HeldLine } from './shipments.rules.js';
import { shipments } from './shipments.schema.js';

export type ShipmentRow = typeof shipments.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;

export async function insertShipment(tx: Executor, row: typeof shipments.$inferInsert): Promise<ShipmentRow> {
  const [inserted] = await tx.insert(shipments).values(row).returning();
  return inserted!;
}

/** Optimistic update at the version read, in one statement; null when stale. */
export async function updateShipment(tx: Executor, p: { workspaceId: string; id: string; expectedVersion: number; set: Partial<typeof shipments.$inferInsert> }): Promise<ShipmentRow | null> {
  const [row] = await tx.update(shipments)
    .set({ ...p.set, version: sql`${shipments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(shipments.workspaceId, p.workspaceId), eq(shipments.id, p.id), eq(shipments.version, p.expectedVersion)))
    .returning();
  return row ?? null;
}

/** A shipment whose order owner is within the caller's data scope. */
export async function findShipmentInScope(db: Executor, workspaceId: string, owners: VisibleOwners, id: string, opts: { forUpdate?: boolean } = {}): Promise<ShipmentRow | null> {
  const q = db.select().from(shipments).where(and(eq(shipments.workspaceId, workspaceId), eq(shipments.id, id), visibleTo(owners, shipments.ownerId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** An order's shipments in the given statuses, locked, oldest first. */
export async function shipmentsOfOrder(tx: Executor, workspaceId: string, orderId: string, statuses: readonly string[]): Promise<ShipmentRow[]> {
  return tx.select().from(shipments)
    .where(and(eq(shipments.workspaceId, workspaceId), eq(shipments.orderId, orderId), inArray(shipments.status, [...statuses])))
    .orderBy(asc(shipments.id)).for('update');
}

/** A shipment by id without scope (approval callbacks run as the approver). */
export async function findShipment(db: Executor, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ShipmentRow | null> {
  const q = db.select().from(shipments).where(and(eq(shipments.workspaceId, workspaceId), eq(shipments.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export interface ShipmentListFilter {
  workspaceId: string; owners: VisibleOwners; statuses?: readonly string[]; customerId?: string; orderId?: string;
  plannedFrom?: IsoDate; plannedTo?: IsoDate; q?: string;
  after?: { rank: number; plannedDate: IsoDate; id: string }; limit: number;
}

/** Shipments in scope, rush first, then by planned date and id (keyset), one extra row for the next page. */
export async function listShipmentRows(db: Executor, f: ShipmentListFilter): Promise<ShipmentRow[]> {
  const where: SQL[] = [eq(shipments.workspaceId, f.workspaceId), visibleTo(f.owners, shipments.ownerId)];
  if (f.statuses) where.push(inArray(shipments.status, [...f.statuses]));
  if (f.customerId) where.push(eq(shipments.customerId, f.customerId));
  if (f.orderId) where.push(eq(shipments.orderId, f.orderId));
  if (f.plannedFrom) where.push(gte(shipments.plannedDate, f.plannedFrom));
  if (f.plannedTo) where.push(lte(shipments.plannedDate, f.plannedTo));
  if (f.q) where.push(sql`${shipments.number} ilike ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  if (f.after) {
    const a = f.after;
    where.push(or(
      gt(shipments.priorityRank, a.rank),
      and(eq(shipments.priorityRank, a.rank), gt(shipments.plannedDate, a.plannedDate)),
      and(eq(shipments.priorityRank, a.rank), eq(shipments.plannedDate, a.plannedDate), gt(shipments.id, a.id)),
    )!);
  }
  return db.select().from(shipments).where(and(...where))
    .orderBy(asc(shipments.priorityRank), asc(shipments.plannedDate), asc(shipments.id)).limit(f.limit + 1);
}

/** An order in the caller's scope, locked for the shipment being written (quantities are checked under the lock). */
export async function findOrderInScope(db: Executor, workspaceId: string, owners: VisibleOwners, id: string, opts: { forUpdate?: boolean } = {}): Promise<OrderRow | null> {
  const q = db.select().from(orders).where(and(eq(orders.workspaceId, workspaceId), eq(orders.id, id), visibleTo(owners, orders.ownerId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findOrder(db: Executor, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<OrderRow | null> {
  const q = db.select().from(orders).where(and(eq(orders.workspaceId, workspaceId), eq(orders.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

const asText = (statuses: readonly string[]) => sql.join(statuses.map((s) => sql`${s}`), sql`, `);

/** Per order line: quantity and amount held by the order's shipments in the given statuses (all but one shipment, optionally). */
export async function quantitiesByLine(db: Executor, workspaceId: string, orderIds: readonly string[], statuses: readonly string[], exceptShipmentId?: string) {
  const result = new Map<string, Map<number, HeldLine>>();
  if (orderIds.length === 0) return result;
  const rows = await db.execute(sql`
    select s.order_id::text as "orderId", (l->>'orderLineIndex')::int as idx,
      sum((l->>'quantity')::numeric)::text as quantity, sum((l->>'amount')::numeric)::text as amount
    from ${shipments} s, jsonb_array_elements(s.lines) l
    where s.workspace_id = ${workspaceId} and s.order_id = any(${`{${[...new Set(orderIds)].join(',')}}`}::uuid[])
      and s.status in (${asText(statuses)}) ${exceptShipmentId ? sql`and s.id <> ${exceptShipmentId}` : sql``}
    group by s.order_id, (l->>'orderLineIndex')::int`);
  const list = (rows as { rows?: { orderId: string; idx: number; quantity: string; amount: string }[] }).rows ?? (rows as unknown as { orderId: string; idx: number; quantity: string; amount: string }[]);
  for (const r of list) {
    const byLine = result.get(r.orderId) ?? new Map<number, HeldLine>();
    byLine.set(Number(r.idx), { quantity: money.parse(r.quantity).toString(), amount: money.format(r.amount) });
    result.set(r.orderId, byLine);
  }
  return result;
}

/** Quantities held (shipped or on open shipments) per line of one order. */
export async function heldByLine(db: Executor, workspaceId: string, orderId: string): Promise<Map<number, HeldLine>> {
  return (await quantitiesByLine(db, workspaceId, [orderId], holdingStatuses)).get(orderId) ?? new Map();
}

/** Quantities shipped (status shipped or delivered) per order and order line. */
export async function shippedByOrderLine(db: Executor, workspaceId: string, orderIds: readonly string[]): Promise<Map<string, Map<number, string>>> {
  const held = await quantitiesByLine(db, workspaceId, orderIds, shippedStatuses);
  return new Map([...held].map(([orderId, lines]) => [orderId, new Map([...lines].map(([i, h]) => [i, h.quantity]))]));
}

/** The order's status follows its shipments (partially_shipped / shipped). */
export async function setOrderStatus(tx: Executor, workspaceId: string, orderId: string, status: string) {
  await tx.update(orders).set({ status, version: sql`${orders.version} + 1`, updatedAt: new Date() })
    .where(and(eq(orders.workspaceId, workspaceId), eq(orders.id, orderId), ne(orders.status, status)));
}

/** A signed contract goes to executing with its first shipment (domain §9); other statuses are left alone. */
export async function markContractExecuting(tx: Executor, workspaceId: string, contractId: string): Promise<boolean> {
  const rows = await tx.update(contracts).set({ status: 'executing', version: sql`${contracts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.id, contractId), eq(contracts.status, 'signed'))).returning({ id: contracts.id });
  return rows.length > 0;
}

/** The customer's credit limit; null when it has no credit profile. */
export async function creditLimitOf(db: Executor, workspaceId: string, customerId: string): Promise<string | null> {
  const [row] = await db.select({ limit: creditProfiles.creditLimit }).from(creditProfiles)
    .where(and(eq(creditProfiles.workspaceId, workspaceId), eq(creditProfiles.customerId, customerId)));
  return row?.limit ?? null;
}

/** Names and numbers for the DTOs, one query per table. */
export async function namesFor(db: Executor, workspaceId: string, rows: readonly ShipmentRow[]) {
  const ids = (pick: (r: ShipmentRow) => (string | null)[]) => [...new Set(rows.flatMap(pick).filter((x): x is string => x !== null))];
  const orderIds = ids((r) => [r.orderId]);
  const contractIds = ids((r) => [r.contractId]);
  const customerIds = ids((r) => [r.customerId]);
  const userIds = ids((r) => [r.ownerId, r.createdBy, r.reviewedBy, r.pickedBy, r.packedBy, r.shippedBy, r.deliveredBy, r.cancelledBy]);
  const [os, cs, cus, us] = await Promise.all([
    orderIds.length ? db.select({ id: orders.id, number: orders.number }).from(orders).where(and(eq(orders.workspaceId, workspaceId), inArray(orders.id, orderIds))) : [],
    contractIds.length ? db.select({ id: contracts.id, number: contracts.number }).from(contracts).where(and(eq(contracts.workspaceId, workspaceId), inArray(contracts.id, contractIds))) : [],
    customerIds.length ? db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, customerIds))) : [],
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, userIds))) : [],
  ]);
  return {
    orders: new Map(os.map((o) => [o.id, o.number])), contracts: new Map(cs.map((c) => [c.id, c.number])),
    customers: new Map(cus.map((c) => [c.id, c.name])), users: new Map(us.map((u) => [u.id, u.name])),
  };
}

/** What the delivery note prints beyond the shipment: customer address, contact, owner phone, our company. */
export async function printContext(db: Executor, workspaceId: string, row: ShipmentRow) {
  const [[customer], [owner], [ws], [contract]] = await Promise.all([
    db.select({ name: customers.name, address: customers.address, phone: customers.phone }).from(customers).where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, row.customerId))),
    db.select({ name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, row.ownerId))),
    db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId)),
    db.select({ number: contracts.number, sellerParty: contracts.sellerParty }).from(contracts).where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.id, row.contractId))),
  ]);
  return { customer, owner, workspaceName: ws?.name ?? '', contract };
}

/** Links the override approval without a version bump (an approval granted at once has already moved the shipment on). */
export async function linkOverrideApproval(tx: Executor, workspaceId: string, id: string, approvalId: string) {
  await tx.update(shipments).set({ overrideApprovalId: approvalId }).where(and(eq(shipments.workspaceId, workspaceId), eq(shipments.id, id)));
}

export async function customerNameOf(db: Executor, workspaceId: string, customerId: string): Promise<string> {
  const [row] = await db.select({ name: customers.name }).from(customers).where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)));
  return row?.name ?? '—';
}

export async function userNameOf(db: Executor, workspaceId: string, userId: string): Promise<string> {
  const [row] = await db.select({ name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
  return row?.name ?? '—';
}
