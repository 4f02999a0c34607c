import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { visibleTo } from '../../platform/authz/scope.js';
import { users } from '../../platform/org/org.schema.js';
import { escapeLike } from '../../platform/search/search-text.sql.js';
import { contracts } from '../contracts/contracts.schema.js';
import { customers } from '../customers/customers.schema.js';
import { orderChanges, orders } from './orders.schema.js';

export type OrderRow = typeof orders.$inferSelect;
export type OrderChangeRow = typeof orderChanges.$inferSelect;
export type ContractForOrder = Pick<typeof contracts.$inferSelect, 'id' | 'number' | 'title' | 'status' | 'customerId' | 'ownerId' | 'lines'>;

const contractColumns = {
  id: contracts.id, number: contracts.number, title: contracts.title, status: contracts.status,
  customerId: contracts.customerId, ownerId: contracts.ownerId, lines: contracts.lines,
};

/**
 * The contract an order is placed on, within the actor's data scope, locked FOR UPDATE: orders of one
 * contract are placed one after another, so two at once cannot both take its last quantity.
 */
export async function lockContractInScope(tx: Executor, workspaceId: string, owners: VisibleOwners, id: string): Promise<ContractForOrder | null> {
  const [row] = await tx.select(contractColumns).from(contracts)
    .where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.id, id), visibleTo(owners, contracts.ownerId))).for('update');
  return row ?? null;
}

/** A contract within the actor's data scope (not locked); null otherwise (→ 404). */
export async function findContractInScope(db: Executor, workspaceId: string, owners: VisibleOwners, id: string): Promise<ContractForOrder | null> {
  const [row] = await db.select(contractColumns).from(contracts)
    .where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.id, id), visibleTo(owners, contracts.ownerId)));
  return row ?? null;
}

/** The order's contract (no scope: the order is already in scope), optionally locked. */
export async function contractOfOrder(tx: Executor, workspaceId: string, contractId: string, opts: { forUpdate?: boolean } = {}): Promise<ContractForOrder> {
  const q = tx.select(contractColumns).from(contracts).where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.id, contractId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row!;
}

/** Every order of a contract (to know what its lines already hold). */
export async function ordersOfContract(db: Executor, workspaceId: string, contractId: string) {
  return db.select({ id: orders.id, status: orders.status, lines: orders.lines }).from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), eq(orders.contractId, contractId)));
}

/** One order within the actor's data scope (owner visible), optionally locked; null otherwise (→ 404). */
export async function findOrderInScope(db: Executor, workspaceId: string, owners: VisibleOwners, id: string, opts: { forUpdate?: boolean } = {}): Promise<OrderRow | null> {
  const q = db.select().from(orders).where(and(eq(orders.workspaceId, workspaceId), eq(orders.id, id), visibleTo(owners, orders.ownerId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** An order by id without scope (approval callbacks act for the approver), locked. */
export async function lockOrder(tx: Executor, workspaceId: string, id: string): Promise<OrderRow | null> {
  const [row] = await tx.select().from(orders).where(and(eq(orders.workspaceId, workspaceId), eq(orders.id, id))).for('update');
  return row ?? null;
}

export async function insertOrder(tx: Executor, values: typeof orders.$inferInsert): Promise<OrderRow> {
  const [row] = await tx.insert(orders).values(values).returning();
  return row!;
}

/** Writes new values at the version read and bumps it; null when someone else changed it first (→ 409). */
export async function updateOrder(tx: Executor, p: { workspaceId: string; id: string; expectedVersion: number; set: Partial<typeof orders.$inferInsert> }): Promise<OrderRow | null> {
  const [row] = await tx.update(orders).set({ ...p.set, version: sql`${orders.version} + 1`, updatedAt: new Date() })
    .where(and(eq(orders.workspaceId, p.workspaceId), eq(orders.id, p.id), eq(orders.version, p.expectedVersion))).returning();
  return row ?? null;
}

export interface OrderFilter {
  workspaceId: string; owners: VisibleOwners; status?: string; customerId?: string; contractId?: string; ownerId?: string;
  priority?: string; dueFrom?: IsoDate; dueTo?: IsoDate; q?: string; beforeId?: string; limit: number;
}

/** Orders in scope, newest first (id is UUIDv7), one extra row for the next page. */
export async function listOrderRows(db: Executor, f: OrderFilter) {
  const where: SQL[] = [eq(orders.workspaceId, f.workspaceId), visibleTo(f.owners, orders.ownerId)];
  if (f.status) where.push(eq(orders.status, f.status));
  if (f.customerId) where.push(eq(orders.customerId, f.customerId));
  if (f.contractId) where.push(eq(orders.contractId, f.contractId));
  if (f.ownerId) where.push(eq(orders.ownerId, f.ownerId));
  if (f.priority) where.push(eq(orders.priority, f.priority));
  if (f.dueFrom) where.push(gte(orders.dueDate, f.dueFrom));
  if (f.dueTo) where.push(lte(orders.dueDate, f.dueTo));
  if (f.q) where.push(sql`${orders.number} ilike ${`%${escapeLike(f.q)}%`}`);
  if (f.beforeId) where.push(lt(orders.id, f.beforeId));
  return db.select().from(orders).where(and(...where)).orderBy(desc(orders.id)).limit(f.limit + 1);
}

/** Names for the DTOs: customers, users and contracts by id, one query each. */
export async function namesFor(db: Executor, workspaceId: string, rows: readonly { customerId: string; ownerId: string; contractId: string }[], extraUserIds: readonly string[] = []) {
  const customerIds = [...new Set(rows.map((r) => r.customerId))];
  const userIds = [...new Set([...rows.map((r) => r.ownerId), ...extraUserIds])];
  const contractIds = [...new Set(rows.map((r) => r.contractId))];
  const [cs, us, ks] = await Promise.all([
    customerIds.length ? db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, customerIds))) : [],
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, userIds))) : [],
    contractIds.length ? db.select({ id: contracts.id, number: contracts.number, title: contracts.title }).from(contracts).where(and(eq(contracts.workspaceId, workspaceId), inArray(contracts.id, contractIds))) : [],
  ]);
  return {
    customers: new Map(cs.map((c) => [c.id, c.name])),
    users: new Map(us.map((u) => [u.id, u.name])),
    contracts: new Map(ks.map((k) => [k.id, k])),
  };
}

// ── order changes ──

export async function insertOrderChange(tx: Executor, values: typeof orderChanges.$inferInsert): Promise<OrderChangeRow> {
  const [row] = await tx.insert(orderChanges).values(values).returning();
  return row!;
}

/** The next sequence number of an order's changes (the order row is locked by the caller). */
export async function nextChangeSeq(tx: Executor, workspaceId: string, orderId: string): Promise<number> {
  const [row] = await tx.select({ max: sql<number | null>`max(${orderChanges.seq})` }).from(orderChanges)
    .where(and(eq(orderChanges.workspaceId, workspaceId), eq(orderChanges.orderId, orderId)));
  return Number(row?.max ?? 0) + 1;
}

/** Links the approval just started to the change. */
export async function setChangeApproval(tx: Executor, workspaceId: string, id: string, approvalId: string) {
  await tx.update(orderChanges).set({ approvalId }).where(and(eq(orderChanges.workspaceId, workspaceId), eq(orderChanges.id, id)));
}

/** Records the outcome on a change still pending; null when it no longer is. */
export async function decideOrderChange(tx: Executor, workspaceId: string, id: string, status: 'approved' | 'rejected' | 'returned') {
  const now = new Date();
  const [row] = await tx.update(orderChanges).set({ status, decidedAt: now, version: sql`${orderChanges.version} + 1`, updatedAt: now })
    .where(and(eq(orderChanges.workspaceId, workspaceId), eq(orderChanges.id, id), eq(orderChanges.status, 'pending'))).returning();
  return row ?? null;
}

export async function findOrderChange(db: Executor, workspaceId: string, id: string): Promise<OrderChangeRow | null> {
  const [row] = await db.select().from(orderChanges).where(and(eq(orderChanges.workspaceId, workspaceId), eq(orderChanges.id, id)));
  return row ?? null;
}

/** An order's changes, newest first (seq is unique per order). */
export async function changesOfOrder(db: Executor, workspaceId: string, orderId: string): Promise<OrderChangeRow[]> {
  return db.select().from(orderChanges).where(and(eq(orderChanges.workspaceId, workspaceId), eq(orderChanges.orderId, orderId))).orderBy(desc(orderChanges.seq));
}

/** Active warehouse users, to be told of rush orders and cancellations. */
export async function warehouseUserIds(db: Executor, workspaceId: string): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.isActive, true), sql`${users.roles} @> ARRAY['warehouse']::text[]`)).orderBy(asc(users.id));
  return rows.map((r) => r.id);
}

/** Orders of a merged-away customer belong to the survivor. */
export async function moveOrdersToCustomer(tx: Executor, workspaceId: string, survivorId: string, duplicateId: string): Promise<number> {
  const rows = await tx.update(orders).set({ customerId: survivorId, version: sql`${orders.version} + 1`, updatedAt: new Date() })
    .where(and(eq(orders.workspaceId, workspaceId), eq(orders.customerId, duplicateId))).returning({ id: orders.id });
  return rows.length;
}
