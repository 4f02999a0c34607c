import { and, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import { visibleTo } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { users } from '../../platform/org/org.schema.js';
import { contracts } from '../contracts/contracts.schema.js';
import { customers } from '../customers/customers.schema.js';
import { receivables } from '../receivables/receivables.schema.js';
import { paymentAllocations, payments } from './payments.schema.js';

export type PaymentRow = typeof payments.$inferSelect;

export async function insertPayment(tx: Executor, row: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [created] = await tx.insert(payments).values(row).returning();
  return created!;
}

export async function insertAllocations(tx: Executor, rows: (typeof paymentAllocations.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return tx.insert(paymentAllocations).values(rows).returning();
}

/** One payment in the caller's scope (by the customer's owner when it was recorded). */
export async function findPaymentInScope(db: Executor, workspaceId: string, owners: VisibleOwners, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(payments).where(and(eq(payments.workspaceId, workspaceId), eq(payments.id, id), visibleTo(owners, payments.ownerId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** Optimistic update of a payment: no row at that version → null (409 upstream). */
export async function updatePayment(tx: Executor, workspaceId: string, id: string, expectedVersion: number, set: Partial<typeof payments.$inferInsert>) {
  const [row] = await tx.update(payments).set({ ...set, version: sql`${payments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(payments.workspaceId, workspaceId), eq(payments.id, id), eq(payments.version, expectedVersion))).returning();
  return row ?? null;
}

export async function allocationsOf(db: Executor, workspaceId: string, paymentId: string) {
  return db.select({
    id: paymentAllocations.id, receivableId: paymentAllocations.receivableId, amount: paymentAllocations.amount, receivedOn: paymentAllocations.receivedOn,
    reversedAt: paymentAllocations.reversedAt, contractId: receivables.contractId, contractNumber: contracts.number, kind: receivables.kind, dueDate: receivables.dueDate,
  }).from(paymentAllocations)
    .innerJoin(receivables, and(eq(receivables.workspaceId, paymentAllocations.workspaceId), eq(receivables.id, paymentAllocations.receivableId)))
    .innerJoin(contracts, and(eq(contracts.workspaceId, receivables.workspaceId), eq(contracts.id, receivables.contractId)))
    .where(and(eq(paymentAllocations.workspaceId, workspaceId), eq(paymentAllocations.paymentId, paymentId)))
    .orderBy(paymentAllocations.createdAt, receivables.dueDate);
}

export async function markAllocationsReversed(tx: Executor, workspaceId: string, paymentId: string) {
  return tx.update(paymentAllocations).set({ reversedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(paymentAllocations.workspaceId, workspaceId), eq(paymentAllocations.paymentId, paymentId), isNull(paymentAllocations.reversedAt))).returning();
}

export interface PaymentFilter {
  workspaceId: string; owners: VisibleOwners; customerId?: string; from?: IsoDate; to?: IsoDate; hasCredit?: boolean;
  after?: { receivedOn: IsoDate; id: string }; limit: number;
}

/** Payments in scope, newest received first (keyset on received_on, id), one extra row for the next page. */
export async function listPaymentRows(db: Executor, f: PaymentFilter) {
  const where: SQL[] = [eq(payments.workspaceId, f.workspaceId), visibleTo(f.owners, payments.ownerId)];
  if (f.customerId) where.push(eq(payments.customerId, f.customerId));
  if (f.from) where.push(gte(payments.receivedOn, f.from));
  if (f.to) where.push(lte(payments.receivedOn, f.to));
  if (f.hasCredit) where.push(eq(payments.status, 'recorded'), sql`${payments.unallocated} > 0`);
  if (f.after) where.push(or(lt(payments.receivedOn, f.after.receivedOn), and(eq(payments.receivedOn, f.after.receivedOn), lt(payments.id, f.after.id)))!);
  return db.select().from(payments).where(and(...where)).orderBy(desc(payments.receivedOn), desc(payments.id)).limit(f.limit + 1);
}

/** A customer's credit balance: the unallocated rest of its recorded payments. */
export async function creditBalanceOf(db: Executor, workspaceId: string, customerId: string): Promise<string> {
  const [row] = await db.select({ balance: sql<string>`coalesce(sum(${payments.unallocated}), 0)::numeric(18,2)::text` }).from(payments)
    .where(and(eq(payments.workspaceId, workspaceId), eq(payments.customerId, customerId), eq(payments.status, 'recorded')));
  return row?.balance ?? '0.00';
}

export async function paymentNames(db: Executor, workspaceId: string, rows: readonly PaymentRow[]) {
  const customerIds = [...new Set(rows.map((r) => r.customerId))];
  const userIds = [...new Set(rows.flatMap((r) => [r.ownerId, r.createdBy]))];
  const [cus, us] = await Promise.all([
    customerIds.length ? db.select({ id: customers.id, name: customers.name, ownerId: customers.ownerId }).from(customers).where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, customerIds))) : [],
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, userIds))) : [],
  ]);
  return { customers: new Map(cus.map((c) => [c.id, c.name])), users: new Map(us.map((u) => [u.id, u.name])) };
}

/** The customer a payment is recorded for (any owner: finance sees every customer). */
export async function findCustomer(db: Executor, workspaceId: string, id: string) {
  const [row] = await db.select({ id: customers.id, name: customers.name, ownerId: customers.ownerId }).from(customers).where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
  return row ?? null;
}
