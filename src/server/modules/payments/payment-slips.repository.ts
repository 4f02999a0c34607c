import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { visibleTo } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { users } from '../../platform/org/org.schema.js';
import { approvalSteps } from '../../platform/approvals/approvals.schema.js';
import { contracts } from '../contracts/contracts.schema.js';
import { customers } from '../customers/customers.schema.js';
import { receivables } from '../receivables/receivables.schema.js';
import { paymentSlips, type PaymentSlipRow } from './payments.schema.js';

/** The receivable line a slip is filed for, in the filer's scope (by the line's owner), with its contract number. */
export async function findLineInScope(db: Executor, workspaceId: string, owners: VisibleOwners, id: string) {
  const [row] = await db.select({
    id: receivables.id, contractId: receivables.contractId, contractNumber: contracts.number, customerId: receivables.customerId, ownerId: receivables.ownerId,
    kind: receivables.kind, status: receivables.status, amount: receivables.amount, received: receivables.received,
  }).from(receivables)
    .innerJoin(contracts, and(eq(contracts.workspaceId, receivables.workspaceId), eq(contracts.id, receivables.contractId)))
    .where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.id, id), visibleTo(owners, receivables.ownerId)));
  return row ?? null;
}

export async function insertSlip(tx: Executor, row: typeof paymentSlips.$inferInsert): Promise<PaymentSlipRow> {
  const [created] = await tx.insert(paymentSlips).values(row).returning();
  return created!;
}

export async function findSlipInScope(db: Executor, workspaceId: string, owners: VisibleOwners, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(paymentSlips).where(and(eq(paymentSlips.workspaceId, workspaceId), eq(paymentSlips.id, id), visibleTo(owners, paymentSlips.ownerId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** Optimistic update: no row at that version (or status) → null. */
export async function updateSlip(tx: Executor, workspaceId: string, id: string, where: { version?: number; status?: string }, set: Partial<typeof paymentSlips.$inferInsert>) {
  const [row] = await tx.update(paymentSlips).set({ ...set, version: sql`${paymentSlips.version} + 1`, updatedAt: new Date() })
    .where(and(eq(paymentSlips.workspaceId, workspaceId), eq(paymentSlips.id, id),
      where.version !== undefined ? eq(paymentSlips.version, where.version) : undefined, where.status !== undefined ? eq(paymentSlips.status, where.status) : undefined))
    .returning();
  return row ?? null;
}

export async function listSlipRows(db: Executor, workspaceId: string, owners: VisibleOwners, f: { status?: string; customerId?: string; after?: { createdAt: Date; id: string }; limit: number }) {
  const conds: (SQL | undefined)[] = [eq(paymentSlips.workspaceId, workspaceId), visibleTo(owners, paymentSlips.ownerId)];
  if (f.status) conds.push(eq(paymentSlips.status, f.status));
  if (f.customerId) conds.push(eq(paymentSlips.customerId, f.customerId));
  if (f.after) conds.push(or(lt(paymentSlips.createdAt, f.after.createdAt), and(eq(paymentSlips.createdAt, f.after.createdAt), lt(paymentSlips.id, f.after.id))));
  return db.select().from(paymentSlips).where(and(...conds)).orderBy(desc(paymentSlips.createdAt), desc(paymentSlips.id)).limit(f.limit + 1);
}

export async function slipNames(db: Executor, workspaceId: string, rows: readonly PaymentSlipRow[]) {
  const customerIds = [...new Set(rows.map((r) => r.customerId))];
  const userIds = [...new Set(rows.flatMap((r) => [r.ownerId, r.filedBy]))];
  const contractIds = [...new Set(rows.map((r) => r.contractId))];
  const [cus, us, cons] = await Promise.all([
    customerIds.length ? db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, customerIds))) : [],
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, userIds))) : [],
    contractIds.length ? db.select({ id: contracts.id, number: contracts.number }).from(contracts).where(and(eq(contracts.workspaceId, workspaceId), inArray(contracts.id, contractIds))) : [],
  ]);
  return { customers: new Map(cus.map((c) => [c.id, c.name])), users: new Map(us.map((u) => [u.id, u.name])), contracts: new Map(cons.map((c) => [c.id, c.number])) };
}

/** The comment of the step that returned or rejected each approval round (one query for a page). */
export async function decisionComments(db: Executor, workspaceId: string, approvalIds: readonly string[]) {
  if (approvalIds.length === 0) return new Map<string, string>();
  const rows = await db.select({ approvalId: approvalSteps.approvalId, comment: approvalSteps.comment }).from(approvalSteps)
    .where(and(eq(approvalSteps.workspaceId, workspaceId), inArray(approvalSteps.approvalId, [...approvalIds]), inArray(approvalSteps.status, ['returned', 'rejected'])));
  return new Map(rows.filter((r) => r.comment !== null).map((r) => [r.approvalId, r.comment!]));
}
