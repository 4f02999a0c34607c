import { and, desc, eq, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import type { Executor } from '../../platform/db/client.js';
import { departments, users } from '../../platform/org/org.schema.js';
import { customers } from '../customers/customers.schema.js';
import { exposureSql } from './credit.exposure.js';
import { creditChangeRequests, creditProfileHistory, creditProfiles } from './credit.schema.js';

export type CreditProfileRow = typeof creditProfiles.$inferSelect;
export type CreditChangeRequestRow = typeof creditChangeRequests.$inferSelect;
export type CreditHistoryRow = typeof creditProfileHistory.$inferSelect;

export async function findProfile(db: Executor, workspaceId: string, customerId: string, opts: { forUpdate?: boolean } = {}): Promise<CreditProfileRow | null> {
  const q = db.select().from(creditProfiles).where(and(eq(creditProfiles.workspaceId, workspaceId), eq(creditProfiles.customerId, customerId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPendingRequest(db: Executor, workspaceId: string, customerId: string): Promise<CreditChangeRequestRow | null> {
  const [row] = await db.select().from(creditChangeRequests)
    .where(and(eq(creditChangeRequests.workspaceId, workspaceId), eq(creditChangeRequests.customerId, customerId), eq(creditChangeRequests.status, 'pending')));
  return row ?? null;
}

export async function findRequest(db: Executor, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<CreditChangeRequestRow | null> {
  const q = db.select().from(creditChangeRequests).where(and(eq(creditChangeRequests.workspaceId, workspaceId), eq(creditChangeRequests.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertRequest(db: Executor, values: typeof creditChangeRequests.$inferInsert): Promise<CreditChangeRequestRow> {
  const [row] = await db.insert(creditChangeRequests).values(values).returning();
  return row!;
}

export async function setRequestApproval(db: Executor, workspaceId: string, id: string, approvalId: string) {
  await db.update(creditChangeRequests).set({ approvalId, updatedAt: new Date() })
    .where(and(eq(creditChangeRequests.workspaceId, workspaceId), eq(creditChangeRequests.id, id)));
}

/** Closes a pending request with the approval's outcome; null when it was no longer pending. */
export async function closeRequest(db: Executor, p: { workspaceId: string; id: string; status: 'approved' | 'rejected' | 'returned' | 'void'; comment: string | null }) {
  const now = new Date();
  const [row] = await db.update(creditChangeRequests)
    .set({ status: p.status, decidedAt: now, decisionComment: p.comment, version: sql`${creditChangeRequests.version} + 1`, updatedAt: now })
    .where(and(eq(creditChangeRequests.workspaceId, p.workspaceId), eq(creditChangeRequests.id, p.id), eq(creditChangeRequests.status, 'pending')))
    .returning();
  return row ?? null;
}

/** Creates the profile (expected version 0) or updates it at the expected version; null when the version is stale. */
export async function writeProfile(db: Executor, p: {
  workspaceId: string; customerId: string; expectedVersion: number;
  values: { creditLimit: string; termsDays: number; grade: string; effectiveFrom: IsoDate; reason: string; requestId: string | null };
}): Promise<CreditProfileRow | null> {
  if (p.expectedVersion === 0) {
    const [row] = await db.insert(creditProfiles).values({ workspaceId: p.workspaceId, customerId: p.customerId, ...p.values })
      .onConflictDoNothing().returning();
    return row ?? null;
  }
  const [row] = await db.update(creditProfiles).set({ ...p.values, version: sql`${creditProfiles.version} + 1`, updatedAt: new Date() })
    .where(and(eq(creditProfiles.workspaceId, p.workspaceId), eq(creditProfiles.customerId, p.customerId), eq(creditProfiles.version, p.expectedVersion)))
    .returning();
  return row ?? null;
}

export async function insertHistory(db: Executor, values: typeof creditProfileHistory.$inferInsert) {
  const [row] = await db.insert(creditProfileHistory).values(values).returning();
  return row!;
}

/** A customer's applied changes, newest first, before the cursor's id. */
export async function listHistory(db: Executor, p: { workspaceId: string; customerId: string; beforeId?: string; limit: number }) {
  const where: SQL[] = [eq(creditProfileHistory.workspaceId, p.workspaceId), eq(creditProfileHistory.customerId, p.customerId)];
  if (p.beforeId) where.push(lt(creditProfileHistory.id, p.beforeId));
  return db.select().from(creditProfileHistory).where(and(...where)).orderBy(desc(creditProfileHistory.id)).limit(p.limit + 1);
}

/** A customer's change requests that were not applied (pending, rejected, returned, void), newest first. */
export async function listUnappliedRequests(db: Executor, workspaceId: string, customerId: string, limit: number) {
  return db.select().from(creditChangeRequests)
    .where(and(eq(creditChangeRequests.workspaceId, workspaceId), eq(creditChangeRequests.customerId, customerId), ne(creditChangeRequests.status, 'approved')))
    .orderBy(desc(creditChangeRequests.id)).limit(limit);
}

export async function userNames(db: Executor, workspaceId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The customer a credit view is about, with its owner (the caller's scope is checked by the service). */
export async function findCustomerBrief(db: Executor, workspaceId: string, customerId: string) {
  const [row] = await db.select({ id: customers.id, name: customers.name, ownerId: customers.ownerId, ownerName: users.name })
    .from(customers)
    .leftJoin(users, and(eq(users.workspaceId, customers.workspaceId), eq(users.id, customers.ownerId)))
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)));
  return row ?? null;
}

export interface CreditListFilters {
  grade?: string;
  overLimit?: boolean;
  hasProfile?: boolean;
  pending?: boolean;
  ownerId?: string;
  orgNodeId?: string;
  q?: string;
}

export interface CreditListRow {
  customerId: string; customerName: string; ownerId: string | null; ownerName: string | null; departmentName: string | null;
  profileVersion: number | null; creditLimit: string | null; termsDays: number | null; grade: string | null; effectiveFrom: string | null;
  exposure: string; hasPendingRequest: boolean;
}

const pendingExists = sql`exists (select 1 from ${creditChangeRequests} r
  where r.workspace_id = ${customers.workspaceId} and r.customer_id = ${customers.id} and r.status = 'pending')`;

const profileOf = sql`(select 1 from ${creditProfiles} x where x.workspace_id = ${customers.workspaceId} and x.customer_id = ${customers.id})`;

/**
 * Customers in the caller's scope (owner within it) with their credit profile, keyset-paged by
 * (customer name, id). Exposure comes from exposureSql, so the over-limit filter and the columns
 * stay right when the receivables, orders and shipments modules add their parts.
 */
export async function listCreditRows(db: Executor, p: {
  workspaceId: string; scope: (ownerColumn: SQL) => SQL; filters: CreditListFilters; asOf: IsoDate; after?: [string, string]; limit: number;
}): Promise<CreditListRow[]> {
  const exposure = exposureSql({ workspaceId: p.workspaceId, customerId: sql`${customers.id}`, asOf: p.asOf });
  const f = p.filters;
  const where: SQL[] = [eq(customers.workspaceId, p.workspaceId), sql`${customers.ownerId} is not null`, p.scope(sql`${customers.ownerId}`)];
  if (f.grade) where.push(eq(creditProfiles.grade, f.grade));
  // (not) exists rather than "profile.id is (not) null" on the left join: the planner then walks the
  // name index with an anti-join probe (3 ms instead of 470 ms at 300k customers on PostgreSQL 15)
  if (f.hasProfile === true) where.push(sql`exists ${profileOf}`);
  if (f.hasProfile === false) where.push(sql`not exists ${profileOf}`);
  if (f.overLimit === true) where.push(sql`${exposure} > coalesce(${creditProfiles.creditLimit}, 0)`);
  if (f.overLimit === false) where.push(sql`${exposure} <= coalesce(${creditProfiles.creditLimit}, 0)`);
  if (f.pending === true) where.push(pendingExists);
  if (f.pending === false) where.push(sql`not ${pendingExists}`);
  if (f.ownerId) where.push(eq(customers.ownerId, f.ownerId));
  if (f.orgNodeId) {
    where.push(sql`${customers.ownerId} in (
      select u.id from ${users} u join ${departments} d on d.workspace_id = u.workspace_id and d.id = u.department_id
      where u.workspace_id = ${p.workspaceId}
        and d.path like (select n.path from ${departments} n where n.workspace_id = ${p.workspaceId} and n.id = ${f.orgNodeId}::uuid) || '%')`);
  }
  if (f.q?.trim()) where.push(sql`${customers.name} ilike ${`%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (p.after) where.push(or(sql`${customers.name} > ${p.after[0]}`, and(eq(customers.name, p.after[0]), sql`${customers.id} > ${p.after[1]}::uuid`))!);

  const rows = await db.select({
    customerId: customers.id, customerName: customers.name, ownerId: customers.ownerId, ownerName: users.name, departmentName: departments.name,
    profileVersion: creditProfiles.version, creditLimit: creditProfiles.creditLimit, termsDays: creditProfiles.termsDays, grade: creditProfiles.grade,
    effectiveFrom: creditProfiles.effectiveFrom, exposure: sql<string>`${exposure}::text`, hasPendingRequest: sql<boolean>`${pendingExists}`,
  }).from(customers)
    .leftJoin(creditProfiles, and(eq(creditProfiles.workspaceId, customers.workspaceId), eq(creditProfiles.customerId, customers.id)))
    .leftJoin(users, and(eq(users.workspaceId, customers.workspaceId), eq(users.id, customers.ownerId)))
    .leftJoin(departments, and(eq(departments.workspaceId, users.workspaceId), eq(departments.id, users.departmentId)))
    .where(and(...where))
    .orderBy(customers.name, customers.id)
    .limit(p.limit + 1);
  return rows;
}

/** Moves a merged duplicate's credit records to the survivor; the survivor's own profile wins, the duplicate's is removed. */
export async function moveCreditRecords(db: Executor, workspaceId: string, survivorId: string, duplicateId: string) {
  const survivorProfile = await findProfile(db, workspaceId, survivorId, { forUpdate: true });
  const duplicateProfile = await findProfile(db, workspaceId, duplicateId, { forUpdate: true });
  if (duplicateProfile && survivorProfile) {
    await db.delete(creditProfiles).where(and(eq(creditProfiles.workspaceId, workspaceId), eq(creditProfiles.id, duplicateProfile.id)));
  } else if (duplicateProfile) {
    await db.update(creditProfiles).set({ customerId: survivorId, updatedAt: new Date() })
      .where(and(eq(creditProfiles.workspaceId, workspaceId), eq(creditProfiles.id, duplicateProfile.id)));
  }
  const requests = await db.update(creditChangeRequests).set({ customerId: survivorId })
    .where(and(eq(creditChangeRequests.workspaceId, workspaceId), eq(creditChangeRequests.customerId, duplicateId))).returning({ id: creditChangeRequests.id });
  const history = await db.update(creditProfileHistory).set({ customerId: survivorId })
    .where(and(eq(creditProfileHistory.workspaceId, workspaceId), eq(creditProfileHistory.customerId, duplicateId))).returning({ id: creditProfileHistory.id });
  return { removedProfile: duplicateProfile && survivorProfile ? duplicateProfile : null, moved: requests.length + history.length + (duplicateProfile && !survivorProfile ? 1 : 0) };
}
