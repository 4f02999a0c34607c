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

/** Order: exact identifiers first, then names that start with the term, then shorter names. */
function ranking(searchText: AnyColumn, name: AnyColumn, id: AnyColumn, plan: SearchPlan, byCode?: SQL): SQL[] {
  const order: SQL[] = [];
  if (byCode && plan.creditCode) order.push(sql`${byCode} desc`);
  if (plan.term) order.push(sql`(${searchText} LIKE ${`${escapeLike(plan.term)}%`}) desc`);
  return [...order, sql`length(${name})`, asc(id)];
}

/** Customers matching the plan within `visible` (the caller's scope). */
export async function searchCustomers(db: Executor, workspaceId: string, visible: SQL, plan: SearchPlan, limit: number): Promise<HitRow[]> {
  const byCode = plan.creditCode ? sql`${customers.creditCode} = ${plan.creditCode}` : sql`false`;
  const byPhone = plan.phoneDigits ? sql`${customers.phoneNormalised} LIKE ${containsPattern(plan.phoneDigits)}` : sql`false`;
  const byName = plan.term ? searchTextContains(customers.searchText, plan.term) : sql`false`;
  return db.select({
    id: customers.id, name: customers.name, detail: customers.industry, customerId: customers.id, phone: customers.phone, ownerName: users.name,
    matchedBy: sql<HitRow['matchedBy']>`case when ${byCode} then 'creditCode' when ${byName} then 'name' else 'phone' end`,
  }).from(customers)
    .leftJoin(users, and(eq(users.workspaceId, customers.workspaceId), eq(users.id, customers.ownerId)))
    .where(and(eq(customers.workspaceId, workspaceId), visible, sql`(${byCode} or ${byName} or ${byPhone})`))
    .orderBy(...ranking(customers.searchText, customers.name, customers.id, plan, byCode))
    .limit(limit);
}

/** Contacts matching the plan whose customer is within `visible`. */
export async function searchContacts(db: Executor, workspaceId: string, visible: SQL, plan: SearchPlan, limit: number): Promise<HitRow[]> {
  const pattern = plan.phoneDigits ? containsPattern(plan.phoneDigits) : null;
  const byPhone = pattern ? sql`(${contacts.mobileNormalised} LIKE ${pattern} or ${contacts.phoneNormalised} LIKE ${pattern})` : sql`false`;
  const byName = plan.term ? searchTextContains(contacts.searchText, plan.term) : sql`false`;
  if (!plan.term && !pattern) return [];
  return db.select({
    id: contacts.id, name: contacts.name, detail: customers.name, customerId: contacts.customerId,
    phone: sql<string | null>`coalesce(${contacts.mobile}, ${contacts.phone})`, ownerName: users.name,
    matchedBy: sql<HitRow['matchedBy']>`case when ${byName} then 'name' else 'phone' end`,
  }).from(contacts)
    .innerJoin(customers, and(eq(customers.workspaceId, contacts.workspaceId), eq(customers.id, contacts.customerId)))
    .leftJoin(users, and(eq(users.workspaceId, customers.workspaceId), eq(users.id, customers.ownerId)))
    .where(and(eq(contacts.workspaceId, workspaceId), visible, sql`(${byName} or ${byPhone})`))
    .orderBy(...ranking(contacts.searchText, contacts.name, contacts.id, plan))
    .limit(limit);
}

/** Leads matching the plan within `visible` (owner in scope): company or contact name, their pinyin, phone fragment. */
export async function searchLeads(db: Executor, workspaceId: string, visible: SQL, plan: SearchPlan, limit: number): Promise<HitRow[]> {
  const byName = plan.term ? searchTextContains(leads.searchText, plan.term) : sql`false`;
  const byPhone = plan.phoneDigits ? sql`${leads.phoneNormalised} LIKE ${containsPattern(plan.phoneDigits)}` : sql`false`;
  return db.select({
    id: leads.id, name: leads.company, detail: leads.contactName, customerId: leads.customerId, phone: leads.phone, ownerName: users.name,
    matchedBy: sql<HitRow['matchedBy']>`case when ${byName} then 'name' else 'phone' end`,
  }).from(leads)
    .leftJoin(users, and(eq(users.workspaceId, leads.workspaceId), eq(users.id, leads.ownerId)))
    .where(and(eq(leads.workspaceId, workspaceId), visible, sql`(${byName} or ${byPhone})`))
    .orderBy(...ranking(leads.searchText, leads.company, leads.id, plan))
    .limit(limit);
}
