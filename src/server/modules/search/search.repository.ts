import { and, asc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { users } from '../../platform/org/org.schema.js';
import { contacts, customers } from '../customers/customers.schema.js';
import { leads } from '../leads/leads.schema.js';
import { containsPattern, escapeLike, searchTextContains } from '../../platform/search/search-text.sql.js';
import type { SearchPlan } from './search.rules.js';

export interface HitRow {
  id: string; name: string; detail: string | null; customerId: string | null; phone: string | null; ownerName: string | null;
  matchedBy: 'name' | 'phone' | 'creditCode';
}

/**
 * At most this many matching rows are ranked per kind. A two-character term (润泽, 科技) can match a
 * large share of a big workspace — 40,000 of 1M customers in the scale-L benchmark, 233 ms to fetch and
 * sort them all — while the box shows the best few; past this many the user types one more character.
 */
export const SEARCH_CANDIDATES = 1000;

/** Order: exact identifiers first, then names that start with the term, then shorter names. */
function ranking(searchText: AnyColumn, name: AnyColumn, id: AnyColumn, plan: SearchPlan, codeHit?: SQL.Aliased<boolean>): SQL[] {
  const order: SQL[] = [];
  if (codeHit && plan.creditCode) order.push(sql`${codeHit} desc`);
  if (plan.term) order.push(sql`(${searchText} LIKE ${`${escapeLike(plan.term)}%`}) desc`);
  return [...order, sql`length(${name})`, asc(id)];
}

/** Customers matching the plan within `visible` (the caller's scope). */
export async function searchCustomers(db: Executor, workspaceId: string, visible: SQL, plan: SearchPlan, limit: number): Promise<HitRow[]> {
  const byCode = plan.creditCode ? sql`${customers.creditCode} = ${plan.creditCode}` : sql`false`;
  const byPhone = plan.phoneDigits ? sql`${customers.phoneNormalised} LIKE ${containsPattern(plan.phoneDigits)}` : sql`false`;
  const byName = plan.term ? searchTextContains(customers.searchText, plan.term) : sql`false`;
  const hits = db.select({
    id: customers.id, name: customers.name, detail: customers.industry, phone: customers.phone, ownerId: customers.ownerId, searchText: customers.searchText,
    codeHit: sql<boolean>`${byCode}`.as('code_hit'),
    matchedBy: sql<HitRow['matchedBy']>`case when ${byCode} then 'creditCode' when ${byName} then 'name' else 'phone' end`.as('matched_by'),
  }).from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), visible, sql`(${byCode} or ${byName} or ${byPhone})`))
    .limit(SEARCH_CANDIDATES).as('hits');
  return db.select({ id: hits.id, name: hits.name, detail: hits.detail, customerId: hits.id, phone: hits.phone, ownerName: users.name, matchedBy: hits.matchedBy })
    .from(hits)
    .leftJoin(users, and(eq(users.workspaceId, workspaceId), eq(users.id, hits.ownerId)))
    .orderBy(...ranking(hits.searchText, hits.name, hits.id, plan, hits.codeHit))
    .limit(limit);
}

/** Contacts matching the plan whose customer is within `visible`. */
export async function searchContacts(db: Executor, workspaceId: string, visible: SQL, plan: SearchPlan, limit: number): Promise<HitRow[]> {
  const pattern = plan.phoneDigits ? containsPattern(plan.phoneDigits) : null;
  const byPhone = pattern ? sql`(${contacts.mobileNormalised} LIKE ${pattern} or ${contacts.phoneNormalised} LIKE ${pattern})` : sql`false`;
  const byName = plan.term ? searchTextContains(contacts.searchText, plan.term) : sql`false`;
  if (!plan.term && !pattern) return [];
  const hits = db.select({
    id: contacts.id, name: contacts.name, detail: sql<string | null>`${customers.name}`.as('detail'), customerId: contacts.customerId,
    phone: sql<string | null>`coalesce(${contacts.mobile}, ${contacts.phone})`.as('phone'), ownerId: customers.ownerId, searchText: contacts.searchText,
    matchedBy: sql<HitRow['matchedBy']>`case when ${byName} then 'name' else 'phone' end`.as('matched_by'),
  }).from(contacts)
    .innerJoin(customers, and(eq(customers.workspaceId, contacts.workspaceId), eq(customers.id, contacts.customerId)))
    .where(and(eq(contacts.workspaceId, workspaceId), visible, sql`(${byName} or ${byPhone})`))
    .limit(SEARCH_CANDIDATES).as('hits');
  return db.select({ id: hits.id, name: hits.name, detail: hits.detail, customerId: hits.customerId, phone: hits.phone, ownerName: users.name, matchedBy: hits.matchedBy })
    .from(hits)
    .leftJoin(users, and(eq(users.workspaceId, workspaceId), eq(users.id, hits.ownerId)))
    .orderBy(...ranking(hits.searchText, hits.name, hits.id, plan))
    .limit(limit);
}

/** Leads matching the plan within `visible` (owner in scope): company or contact name, their pinyin, phone fragment. */
export async function searchLeads(db: Executor, workspaceId: string, visible: SQL, plan: SearchPlan, limit: number): Promise<HitRow[]> {
  const byName = plan.term ? searchTextContains(leads.searchText, plan.term) : sql`false`;
  const byPhone = plan.phoneDigits ? sql`${leads.phoneNormalised} LIKE ${containsPattern(plan.phoneDigits)}` : sql`false`;
  const hits = db.select({
    id: leads.id, name: leads.company, detail: leads.contactName, customerId: leads.customerId, phone: leads.phone, ownerId: leads.ownerId, searchText: leads.searchText,
    matchedBy: sql<HitRow['matchedBy']>`case when ${byName} then 'name' else 'phone' end`.as('matched_by'),
  }).from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), visible, sql`(${byName} or ${byPhone})`))
    .limit(SEARCH_CANDIDATES).as('hits');
  return db.select({ id: hits.id, name: hits.name, detail: hits.detail, customerId: hits.customerId, phone: hits.phone, ownerName: users.name, matchedBy: hits.matchedBy })
    .from(hits)
    .leftJoin(users, and(eq(users.workspaceId, workspaceId), eq(users.id, hits.ownerId)))
    .orderBy(...ranking(hits.searchText, hits.name, hits.id, plan))
    .limit(limit);
}
