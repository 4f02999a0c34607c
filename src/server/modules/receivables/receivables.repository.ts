import { and, asc, eq, gt, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import { visibleTo } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { users } from '../../platform/org/org.schema.js';
import { contracts } from '../contracts/contracts.schema.js';
import { customers } from '../customers/customers.schema.js';
import { receivables } from './receivables.schema.js';

export type ReceivableRow = typeof receivables.$inferSelect;

export async function insertReceivables(tx: Executor, rows: (typeof receivables.$inferInsert)[]): Promise<ReceivableRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(receivables).values(rows).returning();
}

export interface ReceivableFilter {
  workspaceId: string; owners: VisibleOwners; customerId?: string; contractId?: string; ownerId?: string; status?: string;
  dueFrom?: IsoDate; dueTo?: IsoDate; overdueAsOf?: IsoDate;
  after?: { dueDate: IsoDate; id: string }; limit: number;
}

/** Receivables in scope ordered by due date then id (keyset), one extra row for the next page. */
export async function listReceivableRows(db: Executor, f: ReceivableFilter) {
  const where: SQL[] = [eq(receivables.workspaceId, f.workspaceId), visibleTo(f.owners, receivables.ownerId)];
  if (f.customerId) where.push(eq(receivables.customerId, f.customerId));
  if (f.contractId) where.push(eq(receivables.contractId, f.contractId));
  if (f.ownerId) where.push(eq(receivables.ownerId, f.ownerId));
  if (f.status) where.push(eq(receivables.status, f.status));
  if (f.dueFrom) where.push(gte(receivables.dueDate, f.dueFrom));
  if (f.dueTo) where.push(lte(receivables.dueDate, f.dueTo));
  // overdue: something still owed and the due date passed (the due date itself is not overdue)
  if (f.overdueAsOf) where.push(inArray(receivables.status, ['open', 'partial']), lt(receivables.dueDate, f.overdueAsOf));
  if (f.after) where.push(or(gt(receivables.dueDate, f.after.dueDate), and(eq(receivables.dueDate, f.after.dueDate), gt(receivables.id, f.after.id)))!);
  return db.select().from(receivables).where(and(...where)).orderBy(asc(receivables.dueDate), asc(receivables.id)).limit(f.limit + 1);
}

/** The schedule of one contract, in plan order. */
export async function receivablesOfContract(db: Executor, workspaceId: string, contractId: string) {
  return db.select().from(receivables).where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.contractId, contractId))).orderBy(asc(receivables.planIndex));
}

/** The schedule of one contract, locked for an adjustment (amendment). */
export async function lockReceivablesOfContract(tx: Executor, workspaceId: string, contractId: string) {
  return tx.select().from(receivables).where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.contractId, contractId))).orderBy(asc(receivables.planIndex)).for('update');
}

/** One receivable line takes a new plan line's kind, due date and amount (received stays). */
export async function rewriteReceivable(tx: Executor, workspaceId: string, id: string, set: { kind: string; dueDate: IsoDate; amount: string; status: string }) {
  await tx.update(receivables).set({ ...set, version: sql`${receivables.version} + 1`, updatedAt: new Date() })
    .where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.id, id)));
}

export async function deleteReceivables(tx: Executor, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await tx.delete(receivables).where(and(eq(receivables.workspaceId, workspaceId), inArray(receivables.id, [...ids])));
}

/** Names for the DTOs. */
export async function receivableNames(db: Executor, workspaceId: string, rows: readonly ReceivableRow[]) {
  const contractIds = [...new Set(rows.map((r) => r.contractId))];
  const customerIds = [...new Set(rows.map((r) => r.customerId))];
  const userIds = [...new Set(rows.map((r) => r.ownerId))];
  const [cs, cus, us] = await Promise.all([
    contractIds.length ? db.select({ id: contracts.id, number: contracts.number, title: contracts.title }).from(contracts).where(and(eq(contracts.workspaceId, workspaceId), inArray(contracts.id, contractIds))) : [],
    customerIds.length ? db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, customerIds))) : [],
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, userIds))) : [],
  ]);
  return { contracts: new Map(cs.map((c) => [c.id, c])), customers: new Map(cus.map((c) => [c.id, c.name])), users: new Map(us.map((u) => [u.id, u.name])) };
}

/** Receivables of a merged-away customer belong to the survivor. */
export async function moveReceivablesToCustomer(tx: Executor, workspaceId: string, survivorId: string, duplicateId: string): Promise<number> {
  const rows = await tx.update(receivables).set({ customerId: survivorId, version: sql`${receivables.version} + 1`, updatedAt: new Date() })
    .where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.customerId, duplicateId))).returning({ id: receivables.id });
  return rows.length;
}

/**
 * What a customer still owes on its receivable lines (amount − received of open and partial lines), as
 * SQL over a customer id: the receivables part of the credit exposure (credit module, domain §9).
 */
export function outstandingReceivablesSql(workspaceId: string, customerId: SQL): SQL<string> {
  return sql<string>`(select coalesce(sum(r.amount - r.received), 0) from ${receivables} r
    where r.workspace_id = ${workspaceId} and r.customer_id = ${customerId} and r.status in ('open', 'partial'))`;
}
