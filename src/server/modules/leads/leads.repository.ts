import { searchTermOf } from '../../platform/search/search-keys.rules.js';
import { and, desc, eq, getTableColumns, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import type { Executor } from '../../platform/db/client.js';
import { territories, users } from '../../platform/org/org.schema.js';
import { leadPoolEvents, leads } from './leads.schema.js';
import { escapeLike, searchTextContains } from '../../platform/search/search-text.sql.js';

export type LeadRow = typeof leads.$inferSelect;
export type LeadWithOwner = LeadRow & { ownerName: string | null };

const withOwner = { ...getTableColumns(leads), ownerName: users.name };
const ownerJoin = and(eq(users.workspaceId, leads.workspaceId), eq(users.id, leads.ownerId));

/** Serialises commands on the same key (one rep's claims) for the rest of the transaction. */
export async function lockKey(tx: Executor, key: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

export async function findLead(db: Executor, workspaceId: string, id: string): Promise<LeadWithOwner | null> {
  const [row] = await db.select(withOwner).from(leads).leftJoin(users, ownerJoin)
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.id, id)));
  return row ?? null;
}

export interface LeadFilters {
  status?: string; source?: string; ownerId?: string; createdFrom?: IsoDate; createdTo?: IsoDate; q?: string; inPool?: boolean;
}


/** WHERE fragments of the list filters; each has an index leading with workspace_id. */
export function leadFilterConditions(timeZone: string, f: LeadFilters): SQL[] {
  const conditions: SQL[] = [];
  if (f.status) conditions.push(eq(leads.status, f.status));
  if (f.source) conditions.push(eq(leads.source, f.source));
  if (f.ownerId) conditions.push(eq(leads.ownerId, f.ownerId));
  if (f.inPool) conditions.push(isNull(leads.ownerId));
  if (f.createdFrom) conditions.push(sql`${leads.createdAt} >= (${f.createdFrom}::date)::timestamp at time zone ${timeZone}`);
  if (f.createdTo) conditions.push(sql`${leads.createdAt} < ((${f.createdTo}::date) + 1)::timestamp at time zone ${timeZone}`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    // search_text holds the names with their pinyin initials and full pinyin ("bjkj" finds 北京…科技)
    const term = searchTermOf(f.q);
    const byKeys = term ? [searchTextContains(leads.searchText, term)] : [];
    conditions.push(or(ilike(leads.company, like), ilike(leads.contactName, like), ilike(leads.number, like), ilike(leads.phone, like), ...byKeys)!);
  }
  return conditions;
}

/** One page of leads (limit + 1 rows), newest first, keyset-paged on id (UUIDv7 follows creation). */
export async function listLeadRows(db: Executor, p: { workspaceId: string; where: SQL[]; beforeId?: string; limit: number }) {
  const conditions = [eq(leads.workspaceId, p.workspaceId), ...p.where];
  if (p.beforeId) conditions.push(lt(leads.id, p.beforeId));
  return db.select(withOwner).from(leads).leftJoin(users, ownerJoin)
    .where(and(...conditions)).orderBy(desc(leads.id)).limit(p.limit + 1);
}

/** A user as the lead rules need them: active, roles, department. */
export async function findUserBrief(db: Executor, workspaceId: string, id: string) {
  const [row] = await db.select({ id: users.id, name: users.name, roles: users.roles, isActive: users.isActive, departmentId: users.departmentId })
    .from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
  return row ?? null;
}

export async function territoryExists(db: Executor, workspaceId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: territories.id }).from(territories).where(and(eq(territories.workspaceId, workspaceId), eq(territories.id, id)));
  return row !== undefined;
}

/** Open leads a rep owns, for the claim cap. */
export async function countOpenOwned(db: Executor, workspaceId: string, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.ownerId, ownerId), inArray(leads.status, ['new', 'contacted', 'qualified'])));
  return row?.n ?? 0;
}

export async function countClaimsOn(db: Executor, workspaceId: string, userId: string, on: IsoDate): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(leadPoolEvents)
    .where(and(eq(leadPoolEvents.workspaceId, workspaceId), eq(leadPoolEvents.userId, userId), eq(leadPoolEvents.kind, 'claim'), eq(leadPoolEvents.onDate, on)));
  return row?.n ?? 0;
}

export async function lastPoolEvent(db: Executor, workspaceId: string, leadId: string) {
  const [row] = await db.select().from(leadPoolEvents)
    .where(and(eq(leadPoolEvents.workspaceId, workspaceId), eq(leadPoolEvents.leadId, leadId)))
    .orderBy(desc(leadPoolEvents.id)).limit(1);
  return row ?? null;
}

export async function countLeadsByStatus(db: Executor, workspaceId: string, where: SQL[]) {
  return db.select({ status: leads.status, n: sql<number>`count(*)::int` }).from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), ...where)).groupBy(leads.status);
}
