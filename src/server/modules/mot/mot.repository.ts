import { and, asc, desc, eq, getTableColumns, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import type { Executor } from '../../platform/db/client.js';
import { departments, users } from '../../platform/org/org.schema.js';
import { searchTermOf } from '../../platform/search/search-keys.rules.js';
import { contacts, customers } from '../customers/customers.schema.js';
import { opportunities } from '../opportunities/opportunities.schema.js';
import { needs, touchpoints } from './mot.schema.js';
import { escapeLike } from '../../platform/search/search-text.sql.js';

export type TouchpointRow = typeof touchpoints.$inferSelect;
export type NeedRow = typeof needs.$inferSelect;
export type TouchpointView = TouchpointRow & { customerName: string; contactName: string | null; userName: string; departmentName: string | null };
export type NeedView = NeedRow & { customerName: string; ownerName: string };

const dayStart = (date: IsoDate, timeZone: string) => sql`(${date}::date)::timestamp at time zone ${timeZone}`;
const dayEnd = (date: IsoDate, timeZone: string) => sql`((${date}::date) + 1)::timestamp at time zone ${timeZone}`;

// ── references ─────────────────────────────────────────────────────────────────────────────────

export async function findCustomerName(db: Executor, workspaceId: string, id: string): Promise<string | null> {
  const [row] = await db.select({ name: customers.name }).from(customers).where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
  return row?.name ?? null;
}

/** The customer a contact or an opportunity belongs to (null: no such record in the workspace). */
export async function contactCustomerId(db: Executor, workspaceId: string, id: string): Promise<string | null> {
  const [row] = await db.select({ customerId: contacts.customerId }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
  return row?.customerId ?? null;
}

export async function opportunityCustomerId(db: Executor, workspaceId: string, id: string): Promise<string | null> {
  const [row] = await db.select({ customerId: opportunities.customerId }).from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, id)));
  return row?.customerId ?? null;
}

export async function findUser(db: Executor, workspaceId: string, id: string) {
  const [row] = await db.select({ id: users.id, name: users.name, roles: users.roles, isActive: users.isActive, departmentId: users.departmentId })
    .from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
  return row ?? null;
}

/** Customers for the picker: by name, pinyin keys or (any) within `visible`. */
export async function customerOptions(db: Executor, p: { workspaceId: string; visible: SQL; q?: string; limit: number }) {
  const conditions: SQL[] = [eq(customers.workspaceId, p.workspaceId), p.visible];
  if (p.q) {
    const term = searchTermOf(p.q);
    conditions.push(or(ilike(customers.name, `%${escapeLike(p.q)}%`), ...(term ? [sql`${customers.searchText} LIKE ${`%${escapeLike(term)}%`}`] : []))!);
  }
  return db.select({ id: customers.id, name: customers.name }).from(customers).where(and(...conditions)).orderBy(asc(customers.name), asc(customers.id)).limit(p.limit);
}

// ── touchpoints ────────────────────────────────────────────────────────────────────────────────

const touchpointView = {
  ...getTableColumns(touchpoints), customerName: customers.name, contactName: contacts.name, userName: users.name, departmentName: departments.name,
};

function touchpointQuery(db: Executor) {
  return db.select(touchpointView).from(touchpoints)
    .innerJoin(customers, and(eq(customers.workspaceId, touchpoints.workspaceId), eq(customers.id, touchpoints.customerId)))
    .innerJoin(users, and(eq(users.workspaceId, touchpoints.workspaceId), eq(users.id, touchpoints.userId)))
    .leftJoin(contacts, and(eq(contacts.workspaceId, touchpoints.workspaceId), eq(contacts.id, touchpoints.contactId)))
    .leftJoin(departments, and(eq(departments.workspaceId, touchpoints.workspaceId), eq(departments.id, touchpoints.departmentId)));
}

export async function findTouchpointView(db: Executor, workspaceId: string, id: string): Promise<TouchpointView | null> {
  const [row] = await touchpointQuery(db).where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.id, id)));
  return row ?? null;
}

export interface TouchpointFilters { customerId?: string; channel?: string; sentiment?: string; userId?: string; from?: IsoDate; to?: IsoDate }

export function touchpointFilterConditions(timeZone: string, f: TouchpointFilters): SQL[] {
  const conditions: SQL[] = [];
  if (f.customerId) conditions.push(eq(touchpoints.customerId, f.customerId));
  if (f.channel) conditions.push(eq(touchpoints.channel, f.channel));
  if (f.sentiment) conditions.push(eq(touchpoints.sentiment, f.sentiment));
  if (f.userId) conditions.push(eq(touchpoints.userId, f.userId));
  if (f.from) conditions.push(sql`${touchpoints.occurredAt} >= ${dayStart(f.from, timeZone)}`);
  if (f.to) conditions.push(sql`${touchpoints.occurredAt} < ${dayEnd(f.to, timeZone)}`);
  return conditions;
}

/** One page (limit + 1 rows), latest first, keyset on (occurred_at, id). */
export async function listTouchpointRows(db: Executor, p: { workspaceId: string; where: SQL[]; after?: [string, string]; limit: number }) {
  const conditions = [eq(touchpoints.workspaceId, p.workspaceId), ...p.where];
  if (p.after) conditions.push(sql`(${touchpoints.occurredAt}, ${touchpoints.id}) < (${p.after[0]}::timestamptz, ${p.after[1]}::uuid)`);
  return touchpointQuery(db).where(and(...conditions)).orderBy(desc(touchpoints.occurredAt), desc(touchpoints.id)).limit(p.limit + 1);
}

// ── needs ──────────────────────────────────────────────────────────────────────────────────────

const needView = { ...getTableColumns(needs), customerName: customers.name, ownerName: users.name };

function needQuery(db: Executor) {
  return db.select(needView).from(needs)
    .innerJoin(customers, and(eq(customers.workspaceId, needs.workspaceId), eq(customers.id, needs.customerId)))
    .innerJoin(users, and(eq(users.workspaceId, needs.workspaceId), eq(users.id, needs.ownerId)));
}

/** One need with names, only when `visible` (the caller's customer scope) lets the caller see it. */
export async function findNeedView(db: Executor, workspaceId: string, id: string, visible: SQL): Promise<NeedView | null> {
  const [row] = await needQuery(db).where(and(eq(needs.workspaceId, workspaceId), eq(needs.id, id), visible));
  return row ?? null;
}

export interface NeedFilters { customerId?: string; opportunityId?: string; step?: string; ownerId?: string; q?: string }

export function needFilterConditions(f: NeedFilters): SQL[] {
  const conditions: SQL[] = [];
  if (f.customerId) conditions.push(eq(needs.customerId, f.customerId));
  if (f.opportunityId) conditions.push(eq(needs.opportunityId, f.opportunityId));
  if (f.step) conditions.push(eq(needs.step, f.step));
  if (f.ownerId) conditions.push(eq(needs.ownerId, f.ownerId));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    conditions.push(or(ilike(needs.title, like), ilike(customers.name, like))!);
  }
  return conditions;
}

/** One page of needs (limit + 1 rows), newest first, keyset on id (UUIDv7 follows creation). */
export async function listNeedRows(db: Executor, p: { workspaceId: string; where: SQL[]; beforeId?: string; limit: number }) {
  const conditions = [eq(needs.workspaceId, p.workspaceId), ...p.where];
  if (p.beforeId) conditions.push(sql`${needs.id} < ${p.beforeId}::uuid`);
  return needQuery(db).where(and(...conditions)).orderBy(desc(needs.id)).limit(p.limit + 1);
}

/**
 * Average satisfaction of confirmed needs, grouped by customer or by owner, computed in SQL
 * (numeric average rounded to two decimals, as a string). `where` carries scope and filters.
 */
export async function satisfactionRows(db: Executor, p: { workspaceId: string; groupBy: 'customer' | 'owner'; where: SQL[]; limit: number }) {
  const conditions = [eq(needs.workspaceId, p.workspaceId), sql`${needs.satisfactionScore} IS NOT NULL`, ...p.where];
  const key = p.groupBy === 'customer' ? needs.customerId : needs.ownerId;
  const name = p.groupBy === 'customer' ? customers.name : users.name;
  const average = sql<string>`round(avg(${needs.satisfactionScore})::numeric, 2)::text`;
  const rows = await db.select({ id: key, name, confirmedNeeds: sql<number>`count(*)::int`, averageScore: average })
    .from(needs)
    .innerJoin(customers, and(eq(customers.workspaceId, needs.workspaceId), eq(customers.id, needs.customerId)))
    .innerJoin(users, and(eq(users.workspaceId, needs.workspaceId), eq(users.id, needs.ownerId)))
    .where(and(...conditions)).groupBy(key, name).orderBy(asc(name), asc(key)).limit(p.limit);
  const [overall] = await db.select({ confirmedNeeds: sql<number>`count(*)::int`, averageScore: sql<string | null>`round(avg(${needs.satisfactionScore})::numeric, 2)::text` })
    .from(needs)
    .innerJoin(customers, and(eq(customers.workspaceId, needs.workspaceId), eq(customers.id, needs.customerId)))
    .where(and(...conditions));
  return { rows, overall: overall ?? { confirmedNeeds: 0, averageScore: null } };
}

export function confirmedBetween(timeZone: string, from?: IsoDate, to?: IsoDate): SQL[] {
  const conditions: SQL[] = [];
  if (from) conditions.push(sql`${needs.confirmedAt} >= ${dayStart(from, timeZone)}`);
  if (to) conditions.push(sql`${needs.confirmedAt} < ${dayEnd(to, timeZone)}`);
  return conditions;
}
