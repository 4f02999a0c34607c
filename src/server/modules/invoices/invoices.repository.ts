import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { visibleTo } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { users } from '../../platform/org/org.schema.js';
import { escapeLike } from '../../platform/search/search-text.sql.js';
import { contracts } from '../contracts/contracts.schema.js';
import { customers } from '../customers/customers.schema.js';
import { reservingStatuses } from './invoices.rules.js';
import { invoiceRequests } from './invoices.schema.js';

export type InvoiceRequestRow = typeof invoiceRequests.$inferSelect;

export async function insertInvoiceRequest(tx: Executor, values: typeof invoiceRequests.$inferInsert): Promise<InvoiceRequestRow> {
  const [row] = await tx.insert(invoiceRequests).values(values).returning();
  return row!;
}

/** One request within the actor's data scope (owner of the contract visible), optionally locked; null otherwise (→ 404). */
export async function findInvoiceRequestInScope(db: Executor, workspaceId: string, owners: VisibleOwners, id: string, opts: { forUpdate?: boolean } = {}): Promise<InvoiceRequestRow | null> {
  const q = db.select().from(invoiceRequests).where(and(eq(invoiceRequests.workspaceId, workspaceId), eq(invoiceRequests.id, id), visibleTo(owners, invoiceRequests.ownerId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** The request behind an approval (the approver acts whatever their own scope). */
export async function findInvoiceRequest(db: Executor, workspaceId: string, id: string): Promise<InvoiceRequestRow | null> {
  const [row] = await db.select().from(invoiceRequests).where(and(eq(invoiceRequests.workspaceId, workspaceId), eq(invoiceRequests.id, id))).for('update');
  return row ?? null;
}

/** Writes new values at the version read; null when someone else changed it first (→ 409). */
export async function updateInvoiceRequest(tx: Executor, p: { workspaceId: string; id: string; expectedVersion: number; set: Partial<typeof invoiceRequests.$inferInsert> }): Promise<InvoiceRequestRow | null> {
  const [row] = await tx.update(invoiceRequests).set({ ...p.set, version: sql`${invoiceRequests.version} + 1`, updatedAt: new Date() })
    .where(and(eq(invoiceRequests.workspaceId, p.workspaceId), eq(invoiceRequests.id, p.id), eq(invoiceRequests.version, p.expectedVersion))).returning();
  return row ?? null;
}

/** Records an approval outcome on a request still in review; null when it no longer is. */
export async function decideInvoiceRequest(tx: Executor, workspaceId: string, id: string, status: 'approved' | 'rejected' | 'draft') {
  const [row] = await tx.update(invoiceRequests).set({ status, ...(status === 'draft' ? { approvalId: null } : {}), version: sql`${invoiceRequests.version} + 1`, updatedAt: new Date() })
    .where(and(eq(invoiceRequests.workspaceId, workspaceId), eq(invoiceRequests.id, id), eq(invoiceRequests.status, 'in_review'))).returning();
  return row ?? null;
}

export async function setInvoiceApproval(tx: Executor, workspaceId: string, id: string, approvalId: string) {
  await tx.update(invoiceRequests).set({ approvalId }).where(and(eq(invoiceRequests.workspaceId, workspaceId), eq(invoiceRequests.id, id)));
}

const reserving = sql.raw(`(${reservingStatuses.map((s) => `'${s}'`).join(', ')})`);

/** Σ amount of a contract's requests that hold part of its amount (all but rejected and cancelled). */
export async function requestedAmountOf(db: Executor, workspaceId: string, contractId: string): Promise<string> {
  const [row] = await db.select({ total: sql<string>`coalesce(sum(${invoiceRequests.amount}), 0)::numeric(18,2)::text` }).from(invoiceRequests)
    .where(and(eq(invoiceRequests.workspaceId, workspaceId), eq(invoiceRequests.contractId, contractId), sql`${invoiceRequests.status} in ${reserving}`));
  return row?.total ?? '0.00';
}

/** The customer's most recent request (its invoicing details prefill the next one). */
export async function lastRequestOfCustomer(db: Executor, workspaceId: string, customerId: string): Promise<InvoiceRequestRow | null> {
  const [row] = await db.select().from(invoiceRequests).where(and(eq(invoiceRequests.workspaceId, workspaceId), eq(invoiceRequests.customerId, customerId)))
    .orderBy(desc(invoiceRequests.id)).limit(1);
  return row ?? null;
}

export interface InvoiceRequestFilter {
  workspaceId: string; owners: VisibleOwners; status?: string; contractId?: string; customerId?: string; q?: string; beforeId?: string; limit: number;
}

/** Requests in scope, newest first (id is UUIDv7), one extra row for the next page. */
export async function listInvoiceRequestRows(db: Executor, f: InvoiceRequestFilter) {
  const where: SQL[] = [eq(invoiceRequests.workspaceId, f.workspaceId), visibleTo(f.owners, invoiceRequests.ownerId)];
  if (f.status) where.push(eq(invoiceRequests.status, f.status));
  if (f.contractId) where.push(eq(invoiceRequests.contractId, f.contractId));
  if (f.customerId) where.push(eq(invoiceRequests.customerId, f.customerId));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(sql`(${invoiceRequests.number} ilike ${like} or ${invoiceRequests.title} ilike ${like} or ${invoiceRequests.invoiceNumber} ilike ${like})`);
  }
  if (f.beforeId) where.push(lt(invoiceRequests.id, f.beforeId));
  return db.select().from(invoiceRequests).where(and(...where)).orderBy(desc(invoiceRequests.id)).limit(f.limit + 1);
}

/** Names for the DTOs: contracts, customers and users by id. */
export async function invoiceNames(db: Executor, workspaceId: string, rows: readonly InvoiceRequestRow[]) {
  const contractIds = [...new Set(rows.map((r) => r.contractId))];
  const customerIds = [...new Set(rows.map((r) => r.customerId))];
  const userIds = [...new Set(rows.flatMap((r) => [r.ownerId, r.requestedBy, ...(r.issuedBy ? [r.issuedBy] : [])]))];
  const [cs, cus, us] = await Promise.all([
    contractIds.length ? db.select({ id: contracts.id, number: contracts.number, title: contracts.title }).from(contracts).where(and(eq(contracts.workspaceId, workspaceId), inArray(contracts.id, contractIds))) : [],
    customerIds.length ? db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, customerIds))) : [],
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, userIds))) : [],
  ]);
  return { contracts: new Map(cs.map((c) => [c.id, c])), customers: new Map(cus.map((c) => [c.id, c.name])), users: new Map(us.map((u) => [u.id, u.name])) };
}

/** Σ amount of a contract's issued requests. */
export async function issuedAmountOf(db: Executor, workspaceId: string, contractId: string): Promise<string> {
  const [row] = await db.select({ total: sql<string>`coalesce(sum(${invoiceRequests.amount}), 0)::numeric(18,2)::text` }).from(invoiceRequests)
    .where(and(eq(invoiceRequests.workspaceId, workspaceId), eq(invoiceRequests.contractId, contractId), eq(invoiceRequests.status, 'issued')));
  return row?.total ?? '0.00';
}
