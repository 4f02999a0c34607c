import { searchTermOf } from '../../platform/search/search-keys.rules.js';
import { and, asc, desc, eq, getTableColumns, ilike, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import { toUuidArray, visibleTo } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { departments, territories, users } from '../../platform/org/org.schema.js';
import {
  contacts, customerBorrowRecords, customerCollaborators, customerPoolEvents, customerProfiles, customers,
} from './customers.schema.js';
import { escapeLike, searchTextContains } from '../../platform/search/search-text.sql.js';

export type CustomerRow = typeof customers.$inferSelect;
export type CustomerWithOwner = CustomerRow & { ownerName: string | null };
export type ProfileRow = typeof customerProfiles.$inferSelect;
export type CollaboratorRow = typeof customerCollaborators.$inferSelect;

const withOwner = { ...getTableColumns(customers), ownerName: users.name };
const ownerJoin = and(eq(users.workspaceId, customers.workspaceId), eq(users.id, customers.ownerId));

/** Serialises commands that check the same identity (name, credit code, phone) before writing it. */
export async function lockKeys(tx: Executor, keys: readonly string[]) {
  for (const key of [...new Set(keys)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  }
}

export async function findCustomer(db: Executor, workspaceId: string, id: string): Promise<CustomerWithOwner | null> {
  const [row] = await db.select(withOwner).from(customers).leftJoin(users, ownerJoin)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
  return row ?? null;
}

/** Locks the customer row for the rest of the transaction (claim, release, transfer, merge). */
export async function lockCustomer(tx: Executor, workspaceId: string, id: string): Promise<CustomerRow | null> {
  const [row] = await tx.select().from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id))).for('update');
  return row ?? null;
}

/** Collaborations of a user that are still running on `today` (expiry is inclusive). */
export async function activeCollaborations(db: Executor, workspaceId: string, userId: string, today: IsoDate) {
  return db.select({ customerId: customerCollaborators.customerId, access: customerCollaborators.access }).from(customerCollaborators)
    .where(and(eq(customerCollaborators.workspaceId, workspaceId), eq(customerCollaborators.userId, userId),
      or(isNull(customerCollaborators.expiresOn), sql`${customerCollaborators.expiresOn} >= ${today}`)));
}

export async function findCollaboration(db: Executor, workspaceId: string, customerId: string, userId: string, today: IsoDate) {
  const [row] = await db.select({ access: customerCollaborators.access }).from(customerCollaborators)
    .where(and(eq(customerCollaborators.workspaceId, workspaceId), eq(customerCollaborators.customerId, customerId),
      eq(customerCollaborators.userId, userId), or(isNull(customerCollaborators.expiresOn), sql`${customerCollaborators.expiresOn} >= ${today}`)));
  return (row?.access as 'read' | 'write' | undefined) ?? null;
}

/**
 * The customers an actor sees (domain §17): owners within the data scope, plus the customers they
 * collaborate on. Pool customers are listed by the pool endpoint, not here (unless the scope is "all").
 */
export function visibleCustomers(owners: VisibleOwners, collaboratingOn: readonly string[]): SQL {
  if (owners.kind === 'all') return sql`true`;
  // one owner (a rep): plain equality, so the (workspace_id, owner_id, updated_at) index also gives the order
  const byOwner = owners.ids.length === 1 ? eq(customers.ownerId, owners.ids[0]!) : visibleTo(owners, customers.ownerId);
  return collaboratingOn.length === 0 ? byOwner : or(byOwner, sql`${customers.id} = ANY(${toUuidArray(collaboratingOn)})`)!;
}

export interface CustomerFilters {
  ownerId?: string;
  departmentId?: string;
  valueClass?: string;
  status?: string;
  territoryId?: string;
  industry?: string;
  tag?: string;
  createdFrom?: IsoDate;
  createdTo?: IsoDate;
  updatedFrom?: IsoDate;
  updatedTo?: IsoDate;
  /** last follow-up (or, never followed up, since owned/created) on or before this date */
  followedUpBefore?: IsoDate;
  inPool?: boolean;
  /** with `fileStale`: the file's last review (or creation) is on/before (stale) or after (fresh) this date */
  reviewCutoff?: IsoDate;
  fileStale?: boolean;
  q?: string;
  qNormalised?: string;
}

/** WHERE fragments of the list filters; every one has an index leading with workspace_id. */
export function filterConditions(workspaceId: string, timeZone: string, f: CustomerFilters): SQL[] {
  const conditions: SQL[] = [];
  const localDate = (column: SQL | typeof customers.createdAt) => sql`(${column} at time zone ${timeZone})::date`;
  if (f.ownerId) conditions.push(eq(customers.ownerId, f.ownerId));
  if (f.departmentId) {
    conditions.push(sql`${customers.departmentId} IN (select ${departments.id} from ${departments} where ${departments.workspaceId} = ${workspaceId}
      and ${departments.path} LIKE (select d.path from ${departments} d where d.workspace_id = ${workspaceId} and d.id = ${f.departmentId}) || '%')`);
  }
  if (f.territoryId) {
    conditions.push(sql`${customers.territoryId} IN (select ${territories.id} from ${territories} where ${territories.workspaceId} = ${workspaceId}
      and ${territories.path} LIKE (select t.path from ${territories} t where t.workspace_id = ${workspaceId} and t.id = ${f.territoryId}) || '%')`);
  }
  if (f.valueClass) conditions.push(eq(customers.valueClass, f.valueClass));
  if (f.status) conditions.push(eq(customers.status, f.status));
  if (f.industry) conditions.push(eq(customers.industry, f.industry));
  if (f.tag) conditions.push(sql`${customers.tags} @> ARRAY[${f.tag}]::text[]`);
  const dayStart = (date: IsoDate) => sql`(${date}::date)::timestamp at time zone ${timeZone}`;
  const dayEnd = (date: IsoDate) => sql`((${date}::date) + 1)::timestamp at time zone ${timeZone}`;
  if (f.createdFrom) conditions.push(sql`${customers.createdAt} >= ${dayStart(f.createdFrom)}`);
  if (f.createdTo) conditions.push(sql`${customers.createdAt} < ${dayEnd(f.createdTo)}`);
  if (f.updatedFrom) conditions.push(sql`${customers.updatedAt} >= ${dayStart(f.updatedFrom)}`);
  if (f.updatedTo) conditions.push(sql`${customers.updatedAt} < ${dayEnd(f.updatedTo)}`);
  if (f.followedUpBefore) {
    // never followed up nor owned (a pool customer that nobody ever had): counted from its creation
    conditions.push(sql`(${customers.lastTouchOn} <= ${f.followedUpBefore}::date
      or (${customers.lastTouchOn} is null and ${localDate(customers.createdAt)} <= ${f.followedUpBefore}::date))`);
  }
  if (f.reviewCutoff && f.fileStale !== undefined) {
    const reviewed = sql`coalesce(${customers.reviewedOn}, ${localDate(customers.createdAt)})`;
    conditions.push(f.fileStale ? sql`${reviewed} <= ${f.reviewCutoff}::date` : sql`${reviewed} > ${f.reviewCutoff}::date`);
  }
  if (f.inPool !== undefined) conditions.push(f.inPool ? isNull(customers.ownerId) : isNotNull(customers.ownerId));
  if (f.q) {
    // search_text holds the name (lower case, letters and digits) with its pinyin initials and full
    // pinyin ("bjkj" finds 北京…科技): a name containing q also contains q's term there, so the plain
    // `name ILIKE` is only needed when q has no letter or digit. The query's normalised name (without
    // legal suffix and bracketed place) is looked up in the same keys, so 示例科技有限公司 finds
    // 示例科技（上海）有限公司 through the one trigram index.
    const term = searchTermOf(f.q);
    const byName = term ? searchTextContains(customers.searchText, term) : ilike(customers.name, `%${escapeLike(f.q)}%`);
    const normalisedTerm = f.qNormalised ? searchTermOf(f.qNormalised) : '';
    const byNormalised = normalisedTerm && normalisedTerm !== term ? [searchTextContains(customers.searchText, normalisedTerm)] : [];
    conditions.push(or(byName, ...byNormalised)!);
  }
  return conditions;
}

export type SortKey = 'updatedAt' | 'name';

/** One page of customers (limit + 1 rows), keyset-paged on (sort column, id). */
export async function listCustomers(db: Executor, p: {
  workspaceId: string; where: SQL[]; sort: SortKey; order: 'asc' | 'desc'; after?: [string, string]; limit: number;
  /**
   * The filters keep few of the rows in scope and run against the sort order (e.g. "not followed up for N days"
   * sorted by last update: a customer nobody followed up is one nobody updated lately). Select the matching
   * ids first, behind a fence, then sort those: otherwise the planner walks the sort index hoping to meet the
   * matches early and reads tens of thousands of rows (bench `customers-manager-stale` at L: 251 → 26 ms).
   */
  matchFirst?: boolean;
}) {
  const column = p.sort === 'name' ? customers.name : customers.updatedAt;
  const conditions = [eq(customers.workspaceId, p.workspaceId), ...p.where];
  if (p.after) {
    const [value, id] = p.after;
    const key = p.sort === 'name' ? sql`${value}::text` : sql`${value}::timestamptz`;
    conditions.push(p.order === 'desc' ? sql`(${column}, ${customers.id}) < (${key}, ${id}::uuid)` : sql`(${column}, ${customers.id}) > (${key}, ${id}::uuid)`);
  }
  const direction = p.order === 'desc' ? desc : asc;
  const page = db.select({ ...withOwner, sortValue: p.sort === 'name' ? customers.name : sql<string>`${customers.updatedAt}::text` })
    .from(customers).leftJoin(users, ownerJoin);
  if (!p.matchFirst) return page.where(and(...conditions)).orderBy(direction(column), direction(customers.id)).limit(p.limit + 1);
  // `offset 0` keeps the sub-select from being merged into the outer query (PostgreSQL never pulls up a
  // sub-select with OFFSET), so the matches are found by the best index for the filters, not by the sort
  const matching = db.select({ id: customers.id, sortKey: sql`${column}`.as('sort_key') }).from(customers).where(and(...conditions));
  const dir = sql.raw(p.order === 'desc' ? 'desc' : 'asc');
  const firstIds = sql`select m.id from (${matching} offset 0) m order by m.sort_key ${dir}, m.id ${dir} limit ${p.limit + 1}`;
  return page.where(and(eq(customers.workspaceId, p.workspaceId), sql`${customers.id} in (${firstIds})`))
    .orderBy(direction(column), direction(customers.id)).limit(p.limit + 1);
}

export async function countCustomers(db: Executor, workspaceId: string, where: SQL[]) {
  return db.select({ valueClass: customers.valueClass, status: customers.status, n: sql<number>`count(*)::int` })
    .from(customers).where(and(eq(customers.workspaceId, workspaceId), ...where))
    .groupBy(customers.valueClass, customers.status);
}

export type DuplicateField = 'creditCode' | 'name' | 'phone';
export interface DuplicateMatch { field: DuplicateField; customerId: string; ownerId: string | null; ownerName: string | null }

/**
 * The duplicate check (查重, domain §5.3): same credit code, same normalised name, or the same phone
 * on another customer or one of its contacts. Returns the first match, most certain first.
 */
export async function findDuplicate(db: Executor, workspaceId: string, key: {
  creditCode?: string | null; nameNormalised?: string | null; phoneNormalised?: string | null; excludeId?: string;
}): Promise<DuplicateMatch | null> {
  const other = key.excludeId ? ne(customers.id, key.excludeId) : sql`true`;
  const probe = async (field: DuplicateField, condition: SQL) => {
    const [row] = await db.select({ customerId: customers.id, ownerId: customers.ownerId, ownerName: users.name })
      .from(customers).leftJoin(users, ownerJoin)
      .where(and(eq(customers.workspaceId, workspaceId), other, condition)).limit(1);
    return row ? { field, ...row } : null;
  };
  if (key.creditCode) {
    const match = await probe('creditCode', eq(customers.creditCode, key.creditCode));
    if (match) return match;
  }
  if (key.nameNormalised) {
    const match = await probe('name', eq(customers.nameNormalised, key.nameNormalised));
    if (match) return match;
  }
  if (key.phoneNormalised) {
    const match = await probe('phone', eq(customers.phoneNormalised, key.phoneNormalised));
    if (match) return match;
    const viaContact = sql`${customers.id} IN (select ${contacts.customerId} from ${contacts} where ${contacts.workspaceId} = ${workspaceId}
      and (${contacts.mobileNormalised} = ${key.phoneNormalised} or ${contacts.phoneNormalised} = ${key.phoneNormalised}))`;
    return probe('phone', viaContact);
  }
  return null;
}

export async function findProfile(db: Executor, workspaceId: string, customerId: string): Promise<ProfileRow | null> {
  const [row] = await db.select().from(customerProfiles)
    .where(and(eq(customerProfiles.workspaceId, workspaceId), eq(customerProfiles.customerId, customerId)));
  return row ?? null;
}

export async function countContacts(db: Executor, workspaceId: string, customerId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.customerId, customerId)));
  return row?.n ?? 0;
}

/** A user as the customer rules need them: active, roles, department. */
export async function findUserBrief(db: Executor, workspaceId: string, id: string) {
  const [row] = await db.select({ id: users.id, name: users.name, roles: users.roles, isActive: users.isActive, departmentId: users.departmentId })
    .from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
  return row ?? null;
}

export async function userNames(db: Executor, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The org tree as the approval rules read it (for "the owner's managers"). */
export async function orgDepartments(db: Executor, workspaceId: string) {
  return db.select({ id: departments.id, parentId: departments.parentId, managerId: departments.managerId })
    .from(departments).where(eq(departments.workspaceId, workspaceId));
}

export async function territoryExists(db: Executor, workspaceId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: territories.id }).from(territories).where(and(eq(territories.workspaceId, workspaceId), eq(territories.id, id)));
  return row !== undefined;
}

// ── borrow records ────────────────────────────────────────────────────────────────────────────

export async function listBorrowRecords(db: Executor, p: { workspaceId: string; where: SQL[]; beforeId?: string; limit: number }) {
  const conditions = [eq(customerBorrowRecords.workspaceId, p.workspaceId), ...p.where];
  if (p.beforeId) conditions.push(lt(customerBorrowRecords.id, p.beforeId));
  return db.select({
    id: customerBorrowRecords.id, customerId: customerBorrowRecords.customerId, customerName: customers.name,
    userId: customerBorrowRecords.userId, userName: users.name, purpose: customerBorrowRecords.purpose, at: customerBorrowRecords.createdAt,
  }).from(customerBorrowRecords)
    .innerJoin(customers, and(eq(customers.workspaceId, customerBorrowRecords.workspaceId), eq(customers.id, customerBorrowRecords.customerId)))
    .leftJoin(users, and(eq(users.workspaceId, customerBorrowRecords.workspaceId), eq(users.id, customerBorrowRecords.userId)))
    .where(and(...conditions)).orderBy(desc(customerBorrowRecords.id)).limit(p.limit + 1);
}

/** Ownership history of one customer, newest first. */
export async function listPoolEvents(db: Executor, p: { workspaceId: string; customerId: string; beforeId?: string; limit: number }) {
  const conditions = [eq(customerPoolEvents.workspaceId, p.workspaceId), eq(customerPoolEvents.customerId, p.customerId)];
  if (p.beforeId) conditions.push(lt(customerPoolEvents.id, p.beforeId));
  return db.select({
    id: customerPoolEvents.id, kind: customerPoolEvents.kind, userId: customerPoolEvents.userId, actorId: customerPoolEvents.actorId,
    onDate: customerPoolEvents.onDate, reason: customerPoolEvents.reason,
  }).from(customerPoolEvents).where(and(...conditions)).orderBy(desc(customerPoolEvents.id)).limit(p.limit + 1);
}

// ── collaborators ─────────────────────────────────────────────────────────────────────────────

export async function listCollaborators(db: Executor, workspaceId: string, customerId: string) {
  return db.select({ c: customerCollaborators, userName: users.name }).from(customerCollaborators)
    .leftJoin(users, and(eq(users.workspaceId, customerCollaborators.workspaceId), eq(users.id, customerCollaborators.userId)))
    .where(and(eq(customerCollaborators.workspaceId, workspaceId), eq(customerCollaborators.customerId, customerId)))
    .orderBy(asc(customerCollaborators.id));
}

export async function findCollaborator(db: Executor, workspaceId: string, customerId: string, userId: string) {
  const [row] = await db.select().from(customerCollaborators)
    .where(and(eq(customerCollaborators.workspaceId, workspaceId), eq(customerCollaborators.customerId, customerId), eq(customerCollaborators.userId, userId)));
  return row ?? null;
}

// ── pool history ──────────────────────────────────────────────────────────────────────────────

export async function countOwned(db: Executor, workspaceId: string, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.ownerId, ownerId)));
  return row?.n ?? 0;
}

export async function countLocked(db: Executor, workspaceId: string, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.ownerId, ownerId), eq(customers.isLocked, true)));
  return row?.n ?? 0;
}

export async function countClaimsOn(db: Executor, workspaceId: string, userId: string, on: IsoDate): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(customerPoolEvents)
    .where(and(eq(customerPoolEvents.workspaceId, workspaceId), eq(customerPoolEvents.userId, userId),
      eq(customerPoolEvents.kind, 'claim'), eq(customerPoolEvents.onDate, on)));
  return row?.n ?? 0;
}

export async function lastPoolEvent(db: Executor, workspaceId: string, customerId: string) {
  const [row] = await db.select().from(customerPoolEvents)
    .where(and(eq(customerPoolEvents.workspaceId, workspaceId), eq(customerPoolEvents.customerId, customerId)))
    .orderBy(desc(customerPoolEvents.id)).limit(1);
  return row ?? null;
}
