import { and, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { visibleTo } from '../../platform/authz/scope.js';
import { users } from '../../platform/org/org.schema.js';
import { escapeLike } from '../../platform/search/search-text.sql.js';
import { customers } from '../customers/customers.schema.js';
import { opportunities } from '../opportunities/opportunities.schema.js';
import { contractAmendments, contracts } from './contracts.schema.js';

export type ContractRow = typeof contracts.$inferSelect;

/** One contract within the actor's data scope (owner visible), optionally locked; null otherwise (→ 404). */
export async function findContractInScope(db: Executor, workspaceId: string, owners: VisibleOwners, id: string, opts: { forUpdate?: boolean } = {}): Promise<ContractRow | null> {
  const q = db.select().from(contracts).where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.id, id), visibleTo(owners, contracts.ownerId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertContract(tx: Executor, values: typeof contracts.$inferInsert): Promise<ContractRow> {
  const [row] = await tx.insert(contracts).values(values).returning();
  return row!;
}

/** Writes new values at the version read; null when someone else changed it first (→ 409). */
export async function updateContract(tx: Executor, p: { workspaceId: string; id: string; expectedVersion: number; set: Partial<typeof contracts.$inferInsert> }): Promise<ContractRow | null> {
  const [row] = await tx.update(contracts).set({ ...p.set, version: sql`${contracts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contracts.workspaceId, p.workspaceId), eq(contracts.id, p.id), eq(contracts.version, p.expectedVersion))).returning();
  return row ?? null;
}

/** Links the approval just started to the contract. */
export async function setContractApproval(tx: Executor, workspaceId: string, id: string, approvalId: string) {
  await tx.update(contracts).set({ approvalId }).where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.id, id)));
}

/** Records an approval outcome on a contract still in review; null when it no longer is. */
export async function decideContract(tx: Executor, workspaceId: string, id: string, status: 'approved' | 'draft') {
  const [row] = await tx.update(contracts).set({ status, ...(status === 'draft' ? { approvalId: null } : {}), version: sql`${contracts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.id, id), eq(contracts.status, 'in_review'))).returning();
  return row ?? null;
}

export interface ContractFilter {
  workspaceId: string; owners: VisibleOwners; status?: string; customerId?: string; ownerId?: string;
  signedFrom?: IsoDate; signedTo?: IsoDate; q?: string; beforeId?: string; limit: number;
}

/** Contracts in scope, newest first (id is UUIDv7), one extra row for the next page. */
export async function listContractRows(db: Executor, f: ContractFilter) {
  const where: SQL[] = [eq(contracts.workspaceId, f.workspaceId), visibleTo(f.owners, contracts.ownerId)];
  if (f.status) where.push(eq(contracts.status, f.status));
  if (f.customerId) where.push(eq(contracts.customerId, f.customerId));
  if (f.ownerId) where.push(eq(contracts.ownerId, f.ownerId));
  if (f.signedFrom) where.push(gte(contracts.signedOn, f.signedFrom));
  if (f.signedTo) where.push(lte(contracts.signedOn, f.signedTo));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(sql`(${contracts.number} ilike ${like} or ${contracts.title} ilike ${like})`);
  }
  if (f.beforeId) where.push(lt(contracts.id, f.beforeId));
  return db.select().from(contracts).where(and(...where)).orderBy(desc(contracts.id)).limit(f.limit + 1);
}

/** Names for the DTOs: customers, users and opportunities by id. */
export async function namesFor(db: Executor, workspaceId: string, rows: readonly ContractRow[]) {
  const customerIds = [...new Set(rows.map((r) => r.customerId))];
  const userIds = [...new Set(rows.map((r) => r.ownerId))];
  const opportunityIds = [...new Set(rows.flatMap((r) => (r.opportunityId ? [r.opportunityId] : [])))];
  const [cs, us, os] = await Promise.all([
    customerIds.length ? db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, customerIds))) : [],
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, userIds))) : [],
    opportunityIds.length ? db.select({ id: opportunities.id, name: opportunities.name, number: opportunities.number }).from(opportunities).where(and(eq(opportunities.workspaceId, workspaceId), inArray(opportunities.id, opportunityIds))) : [],
  ]);
  return {
    customers: new Map(cs.map((c) => [c.id, c.name])),
    users: new Map(us.map((u) => [u.id, u.name])),
    opportunities: new Map(os.map((o) => [o.id, o])),
  };
}

/** The opportunity's customer (to check a contract links a deal of its own customer); null when unknown. */
export async function opportunityCustomer(db: Executor, workspaceId: string, opportunityId: string): Promise<string | null> {
  const [row] = await db.select({ customerId: opportunities.customerId }).from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, opportunityId)));
  return row?.customerId ?? null;
}

/** Contracts of a merged-away customer belong to the survivor. */
export async function moveContractsToCustomer(tx: Executor, workspaceId: string, survivorId: string, duplicateId: string): Promise<number> {
  const rows = await tx.update(contracts).set({ customerId: survivorId, version: sql`${contracts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.customerId, duplicateId))).returning({ id: contracts.id });
  return rows.length;
}

export type AmendmentRow = typeof contractAmendments.$inferSelect;

/** A contract's amendments, oldest first (the history). */
export async function amendmentsOf(db: Executor, workspaceId: string, contractId: string): Promise<AmendmentRow[]> {
  return db.select().from(contractAmendments).where(and(eq(contractAmendments.workspaceId, workspaceId), eq(contractAmendments.contractId, contractId))).orderBy(contractAmendments.seq);
}

export async function pendingAmendmentOf(db: Executor, workspaceId: string, contractId: string): Promise<AmendmentRow | null> {
  const [row] = await db.select().from(contractAmendments)
    .where(and(eq(contractAmendments.workspaceId, workspaceId), eq(contractAmendments.contractId, contractId), eq(contractAmendments.status, 'pending')));
  return row ?? null;
}

export async function findAmendment(db: Executor, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<AmendmentRow | null> {
  const q = db.select().from(contractAmendments).where(and(eq(contractAmendments.workspaceId, workspaceId), eq(contractAmendments.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** The next sequence number of a contract's amendments (the contract row is locked by the caller). */
export async function nextAmendmentSeq(db: Executor, workspaceId: string, contractId: string): Promise<number> {
  const [row] = await db.select({ seq: sql<number>`coalesce(max(${contractAmendments.seq}), 0)::int` }).from(contractAmendments)
    .where(and(eq(contractAmendments.workspaceId, workspaceId), eq(contractAmendments.contractId, contractId)));
  return (row?.seq ?? 0) + 1;
}

export async function insertAmendment(tx: Executor, values: typeof contractAmendments.$inferInsert): Promise<AmendmentRow> {
  const [row] = await tx.insert(contractAmendments).values(values).returning();
  return row!;
}

export async function setAmendmentApproval(tx: Executor, workspaceId: string, id: string, approvalId: string) {
  await tx.update(contractAmendments).set({ approvalId }).where(and(eq(contractAmendments.workspaceId, workspaceId), eq(contractAmendments.id, id)));
}

/** Closes a pending amendment with its outcome; null when it is no longer pending. */
export async function closeAmendment(tx: Executor, p: { workspaceId: string; id: string; status: string; comment: string | null }): Promise<AmendmentRow | null> {
  const now = new Date();
  const [row] = await tx.update(contractAmendments)
    .set({ status: p.status, decidedAt: now, decisionComment: p.comment, version: sql`${contractAmendments.version} + 1`, updatedAt: now })
    .where(and(eq(contractAmendments.workspaceId, p.workspaceId), eq(contractAmendments.id, p.id), eq(contractAmendments.status, 'pending'))).returning();
  return row ?? null;
}

/** User names by id (amendment requesters). */
export async function userNamesOf(db: Executor, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, unique)));
  return new Map(rows.map((u) => [u.id, u.name]));
}
