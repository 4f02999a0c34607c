import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import { visibleTo } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { users, workspaces } from '../../platform/org/org.schema.js';
import { contracts } from '../contracts/contracts.schema.js';
import { creditProfiles } from '../credit/credit.schema.js';
import { customers } from '../customers/customers.schema.js';
import { receivables } from '../receivables/receivables.schema.js';
import { shipments } from '../shipments/shipments.schema.js';
import { deferralRequests, dunningSteps, dunningTodos } from './dunning.schema.js';

export type ReceivableRow = typeof receivables.$inferSelect;
export type DeferralRow = typeof deferralRequests.$inferSelect;
export type DunningStepRow = typeof dunningSteps.$inferSelect;

const OPEN = ['open', 'partial'];

export async function findReceivable(db: Executor, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ReceivableRow | undefined> {
  const q = db.select().from(receivables).where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Moves a line's due date (an approved deferral), keeping the first due date in deferred_from. */
export async function deferReceivable(tx: Executor, workspaceId: string, id: string, newDueDate: IsoDate, originalDueDate: IsoDate) {
  await tx.update(receivables).set({ dueDate: newDueDate, deferredFrom: originalDueDate, version: sql`${receivables.version} + 1`, updatedAt: new Date() })
    .where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.id, id)));
}

/** Writes a line off as bad debt (呆账核销) on a day. */
export async function writeOffReceivable(tx: Executor, workspaceId: string, id: string, on: IsoDate) {
  await tx.update(receivables).set({ status: 'written_off', writtenOffOn: on, version: sql`${receivables.version} + 1`, updatedAt: new Date() })
    .where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.id, id)));
}

/** Every line of a customer (its payment history). */
export async function linesOfCustomer(db: Executor, workspaceId: string, customerId: string) {
  return db.select().from(receivables).where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.customerId, customerId)));
}

export async function gradesOf(db: Executor, workspaceId: string, customerIds: readonly string[]): Promise<Map<string, string>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db.select({ customerId: creditProfiles.customerId, grade: creditProfiles.grade }).from(creditProfiles)
    .where(and(eq(creditProfiles.workspaceId, workspaceId), inArray(creditProfiles.customerId, [...new Set(customerIds)])));
  return new Map(rows.map((r) => [r.customerId, r.grade]));
}

/**
 * Open or partial lines, literally as the partial index receivables_open_due_idx is defined (a bound
 * parameter list would not let the planner prove the index's predicate).
 */
const isOpen = sql`${receivables.status} in ('open', 'partial')`;
/** After a (due date, id) keyset position. */
const afterKey = (k: { dueDate: IsoDate; id: string } | undefined) => (k ? sql`(${receivables.dueDate}, ${receivables.id}) > (${k.dueDate}::date, ${k.id}::uuid)` : undefined);

/**
 * Open or partial lines due before the day (overdue as of it), in the caller's scope, earliest due
 * first (due date, id), from after a keyset position.
 */
export async function overdueLines(db: Executor, f: { workspaceId: string; owners: VisibleOwners; asOf: IsoDate; ownerId?: string; limit: number; after?: { dueDate: IsoDate; id: string } }) {
  const where: (SQL | undefined)[] = [eq(receivables.workspaceId, f.workspaceId), isOpen, lt(receivables.dueDate, f.asOf), visibleTo(f.owners, receivables.ownerId), afterKey(f.after)];
  if (f.ownerId) where.push(eq(receivables.ownerId, f.ownerId));
  return db.select().from(receivables).where(and(...where)).orderBy(asc(receivables.dueDate), asc(receivables.id)).limit(f.limit);
}

// ── the daily dunning sweep ───────────────────────────────────────────────────────────────────

export async function workspaceZones(db: Executor, id?: string) {
  return db.select({ id: workspaces.id, timeZone: workspaces.timeZone }).from(workspaces).where(id ? eq(workspaces.id, id) : undefined).orderBy(asc(workspaces.id));
}

export interface OverdueBatchRow { id: string; ownerId: string; customerId: string; contractId: string; dueDate: IsoDate; amount: string; received: string }

/** One keyset batch of the workspace's open lines overdue as of the day, whoever owns them, by (due date, id). */
export async function overdueBatch(db: Executor, workspaceId: string, asOf: IsoDate, after: { dueDate: IsoDate; id: string } | undefined, limit: number): Promise<OverdueBatchRow[]> {
  return db.select({
    id: receivables.id, ownerId: receivables.ownerId, customerId: receivables.customerId, contractId: receivables.contractId,
    dueDate: receivables.dueDate, amount: receivables.amount, received: receivables.received,
  }).from(receivables)
    .where(and(eq(receivables.workspaceId, workspaceId), isOpen, lt(receivables.dueDate, asOf), afterKey(after)))
    .orderBy(asc(receivables.dueDate), asc(receivables.id)).limit(limit);
}

/** The steps that count on the ladder of lines up to a day: done ones and pending write-offs. */
export async function ladderStepsOf(db: Executor, workspaceId: string, receivableIds: readonly string[], upTo: IsoDate) {
  if (receivableIds.length === 0) return [];
  return db.select({ receivableId: dunningSteps.receivableId, step: dunningSteps.step, status: dunningSteps.status }).from(dunningSteps)
    .where(and(eq(dunningSteps.workspaceId, workspaceId), inArray(dunningSteps.receivableId, [...receivableIds]), sql`${dunningSteps.actedOn} <= ${upTo}::date`,
      sql`${dunningSteps.status} in ('done', 'pending')`));
}

/** The sweep's to-dos of lines, open or closed (a closed one is never made again). */
export async function todosOf(db: Executor, workspaceId: string, receivableIds: readonly string[]) {
  if (receivableIds.length === 0) return [];
  return db.select({ receivableId: dunningTodos.receivableId, step: dunningTodos.step, taskId: dunningTodos.taskId, closedOn: dunningTodos.closedOn }).from(dunningTodos)
    .where(and(eq(dunningTodos.workspaceId, workspaceId), inArray(dunningTodos.receivableId, [...receivableIds])));
}

/** Keeps the (line, step) rows that were not there yet; returns those. */
export async function insertTodos(tx: Executor, rows: (typeof dunningTodos.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return tx.insert(dunningTodos).values(rows).onConflictDoNothing().returning({ receivableId: dunningTodos.receivableId, step: dunningTodos.step, taskId: dunningTodos.taskId });
}

/** Closes the open to-do rows of some lines that carry these tasks. */
export async function closeTodosByTask(tx: Executor, workspaceId: string, receivableIds: readonly string[], taskIds: readonly string[], on: IsoDate) {
  if (taskIds.length === 0) return;
  await tx.update(dunningTodos).set({ closedOn: on })
    .where(and(eq(dunningTodos.workspaceId, workspaceId), inArray(dunningTodos.receivableId, [...receivableIds]), inArray(dunningTodos.taskId, [...taskIds]), sql`${dunningTodos.closedOn} is null`));
}

/** Closes the open to-do rows of lines (all steps, or those up to a rung), returning their task ids. */
export async function closeOpenTodosOf(tx: Executor, workspaceId: string, receivableIds: readonly string[], on: IsoDate, steps?: readonly string[]): Promise<string[]> {
  if (receivableIds.length === 0) return [];
  const rows = await tx.update(dunningTodos).set({ closedOn: on })
    .where(and(eq(dunningTodos.workspaceId, workspaceId), inArray(dunningTodos.receivableId, [...receivableIds]), sql`${dunningTodos.closedOn} is null`,
      steps ? inArray(dunningTodos.step, [...steps]) : undefined))
    .returning({ taskId: dunningTodos.taskId });
  return rows.map((r) => r.taskId);
}

/** Lines with an open to-do that are no longer open and overdue as of the day (paid, written off, deferred), by id. */
export async function staleTodoLines(db: Executor, workspaceId: string, asOf: IsoDate, after: string | undefined, limit: number): Promise<string[]> {
  const rows = await db.selectDistinct({ id: dunningTodos.receivableId }).from(dunningTodos)
    .innerJoin(receivables, and(eq(receivables.workspaceId, dunningTodos.workspaceId), eq(receivables.id, dunningTodos.receivableId)))
    .where(and(eq(dunningTodos.workspaceId, workspaceId), sql`${dunningTodos.closedOn} is null`, after ? sql`${dunningTodos.receivableId} > ${after}::uuid` : undefined,
      sql`not (${isOpen} and ${receivables.dueDate} < ${asOf}::date)`))
    .orderBy(asc(dunningTodos.receivableId)).limit(limit);
  return rows.map((r) => r.id);
}

/** The earliest due date of each customer's overdue lines, whoever owns them (good standing looks at the whole customer). */
export async function earliestOverdueByCustomer(db: Executor, workspaceId: string, customerIds: readonly string[], asOf: IsoDate): Promise<Map<string, IsoDate>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db.select({ customerId: receivables.customerId, earliest: sql<string>`min(${receivables.dueDate})` }).from(receivables)
    .where(and(eq(receivables.workspaceId, workspaceId), inArray(receivables.customerId, [...new Set(customerIds)]), inArray(receivables.status, OPEN), lt(receivables.dueDate, asOf)))
    .groupBy(receivables.customerId);
  return new Map(rows.map((r) => [r.customerId, r.earliest]));
}

/** The dunning log of lines up to a day (what happened after it is not known as of it), in order. */
export async function stepsOf(db: Executor, workspaceId: string, receivableIds: readonly string[], upTo?: IsoDate): Promise<DunningStepRow[]> {
  if (receivableIds.length === 0) return [];
  const where: SQL[] = [eq(dunningSteps.workspaceId, workspaceId), inArray(dunningSteps.receivableId, [...new Set(receivableIds)])];
  if (upTo) where.push(sql`${dunningSteps.actedOn} <= ${upTo}::date`);
  return db.select().from(dunningSteps).where(and(...where)).orderBy(asc(dunningSteps.actedOn), asc(dunningSteps.id));
}

export async function findStep(db: Executor, workspaceId: string, id: string): Promise<DunningStepRow | undefined> {
  const [row] = await db.select().from(dunningSteps).where(and(eq(dunningSteps.workspaceId, workspaceId), eq(dunningSteps.id, id)));
  return row;
}

export async function insertStep(tx: Executor, row: typeof dunningSteps.$inferInsert): Promise<DunningStepRow> {
  const [created] = await tx.insert(dunningSteps).values(row).returning();
  return created!;
}

export async function setStepStatus(tx: Executor, workspaceId: string, id: string, set: { status: string; approvalId?: string }) {
  await tx.update(dunningSteps).set({ ...set, version: sql`${dunningSteps.version} + 1`, updatedAt: new Date() })
    .where(and(eq(dunningSteps.workspaceId, workspaceId), eq(dunningSteps.id, id)));
}

export async function findPendingWriteOff(db: Executor, workspaceId: string, receivableId: string): Promise<DunningStepRow | undefined> {
  const [row] = await db.select().from(dunningSteps)
    .where(and(eq(dunningSteps.workspaceId, workspaceId), eq(dunningSteps.receivableId, receivableId), eq(dunningSteps.step, 'write_off'), eq(dunningSteps.status, 'pending')));
  return row;
}

// ── deferrals ─────────────────────────────────────────────────────────────────────────────────

export async function insertDeferral(tx: Executor, row: typeof deferralRequests.$inferInsert): Promise<DeferralRow> {
  const [created] = await tx.insert(deferralRequests).values(row).returning();
  return created!;
}

export async function findDeferral(db: Executor, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<DeferralRow | undefined> {
  const q = db.select().from(deferralRequests).where(and(eq(deferralRequests.workspaceId, workspaceId), eq(deferralRequests.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findPendingDeferral(db: Executor, workspaceId: string, receivableId: string): Promise<DeferralRow | undefined> {
  const [row] = await db.select().from(deferralRequests)
    .where(and(eq(deferralRequests.workspaceId, workspaceId), eq(deferralRequests.receivableId, receivableId), eq(deferralRequests.status, 'pending')));
  return row;
}

export async function closeDeferral(tx: Executor, workspaceId: string, id: string, set: { status: string; decidedAt: Date; decidedOn: IsoDate }) {
  await tx.update(deferralRequests).set({ ...set, version: sql`${deferralRequests.version} + 1`, updatedAt: new Date() })
    .where(and(eq(deferralRequests.workspaceId, workspaceId), eq(deferralRequests.id, id)));
}

export async function setDeferralApproval(tx: Executor, workspaceId: string, id: string, approvalId: string) {
  await tx.update(deferralRequests).set({ approvalId }).where(and(eq(deferralRequests.workspaceId, workspaceId), eq(deferralRequests.id, id)));
}

/** Deferral requests of lines in the caller's scope, newest first. */
export async function listDeferralRows(db: Executor, f: { workspaceId: string; owners: VisibleOwners; receivableId?: string; status?: string }) {
  const where: SQL[] = [eq(deferralRequests.workspaceId, f.workspaceId), visibleTo(f.owners, receivables.ownerId)];
  if (f.receivableId) where.push(eq(deferralRequests.receivableId, f.receivableId));
  if (f.status) where.push(eq(deferralRequests.status, f.status));
  return db.select({ d: deferralRequests }).from(deferralRequests)
    .innerJoin(receivables, and(eq(receivables.workspaceId, deferralRequests.workspaceId), eq(receivables.id, deferralRequests.receivableId)))
    .where(and(...where)).orderBy(desc(deferralRequests.id)).limit(200);
}

// ── names ─────────────────────────────────────────────────────────────────────────────────────

export async function namesFor(db: Executor, workspaceId: string, p: { contractIds?: readonly string[]; customerIds?: readonly string[]; userIds?: readonly string[] }) {
  const uniq = (xs: readonly string[] | undefined) => [...new Set((xs ?? []).filter(Boolean))];
  const [cs, cus, us] = [uniq(p.contractIds), uniq(p.customerIds), uniq(p.userIds)];
  // one after the other: inside a transaction the queries share one connection
  const contractRows = cs.length ? await db.select({ id: contracts.id, number: contracts.number, title: contracts.title }).from(contracts).where(and(eq(contracts.workspaceId, workspaceId), inArray(contracts.id, cs))) : [];
  const customerRows = cus.length ? await db.select({ id: customers.id, name: customers.name, address: customers.address }).from(customers).where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, cus))) : [];
  const userRows = us.length ? await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, us))) : [];
  return {
    contracts: new Map(contractRows.map((c) => [c.id, c])),
    customers: new Map(customerRows.map((c) => [c.id, c])),
    users: new Map(userRows.map((u) => [u.id, u])),
  };
}

// ── control reports ───────────────────────────────────────────────────────────────────────────

/** Shipments shipped between two days (workspace time zone) that went out on an approved over-credit override, in the caller's scope. */
export async function overrideShipments(db: Executor, f: { workspaceId: string; owners: VisibleOwners; from: IsoDate; to: IsoDate; timeZone: string }) {
  return db.select({ id: shipments.id, number: shipments.number, customerId: shipments.customerId, ownerId: shipments.ownerId, amount: shipments.amount, shippedOn: sql<string>`to_char(${shipments.shippedAt} at time zone ${f.timeZone}, 'YYYY-MM-DD')`, approvalId: shipments.overrideApprovalId })
    .from(shipments)
    .where(and(eq(shipments.workspaceId, f.workspaceId), eq(shipments.overrideStatus, 'approved'), visibleTo(f.owners, shipments.ownerId),
      sql`(${shipments.shippedAt} at time zone ${f.timeZone})::date between ${f.from}::date and ${f.to}::date`))
    .orderBy(asc(shipments.shippedAt));
}

/** Customers with a credit profile whose owner is in scope (the over-limit check at month end). */
export async function profiledCustomers(db: Executor, f: { workspaceId: string; owners: VisibleOwners }) {
  return db.select({ customerId: creditProfiles.customerId, limit: creditProfiles.creditLimit, grade: creditProfiles.grade, name: customers.name, ownerId: customers.ownerId })
    .from(creditProfiles)
    .innerJoin(customers, and(eq(customers.workspaceId, creditProfiles.workspaceId), eq(customers.id, creditProfiles.customerId)))
    .where(and(eq(creditProfiles.workspaceId, f.workspaceId), visibleTo(f.owners, customers.ownerId)));
}

/** Deferred lines (approved deferral decided by the day) not paid and not written off by the day, in scope. */
export async function deferredLinesOpenAt(db: Executor, f: { workspaceId: string; owners: VisibleOwners; asOf: IsoDate }) {
  return db.select().from(receivables)
    .where(and(eq(receivables.workspaceId, f.workspaceId), sql`${receivables.deferredFrom} is not null`, visibleTo(f.owners, receivables.ownerId),
      sql`(${receivables.status} in ('open', 'partial') or (${receivables.status} = 'paid' and (${receivables.paidOn} is null or ${receivables.paidOn} > ${f.asOf}::date))
        or (${receivables.status} = 'written_off' and ${receivables.writtenOffOn} > ${f.asOf}::date))`))
    .orderBy(asc(receivables.dueDate), asc(receivables.id));
}

/** The day each line's last approved deferral was decided. */
export async function deferralApprovedOn(db: Executor, workspaceId: string, receivableIds: readonly string[]): Promise<Map<string, IsoDate>> {
  if (receivableIds.length === 0) return new Map();
  const rows = await db.select({ receivableId: deferralRequests.receivableId, on: sql<string>`max(${deferralRequests.decidedOn})` }).from(deferralRequests)
    .where(and(eq(deferralRequests.workspaceId, workspaceId), inArray(deferralRequests.receivableId, [...receivableIds]), eq(deferralRequests.status, 'approved')))
    .groupBy(deferralRequests.receivableId);
  return new Map(rows.map((r) => [r.receivableId, r.on]));
}
