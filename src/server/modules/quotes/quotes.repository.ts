import { and, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { visibleTo } from '../../platform/authz/scope.js';
import { users } from '../../platform/org/org.schema.js';
import { escapeLike } from '../../platform/search/search-text.sql.js';
import { contacts, customers } from '../customers/customers.schema.js';
import { opportunities } from '../opportunities/opportunities.schema.js';
import { expiringStatuses } from './quotes.rules.js';
import { quoteRevisions, quotes } from './quotes.schema.js';

export type QuoteRow = typeof quotes.$inferSelect;
export type QuoteRevisionRow = typeof quoteRevisions.$inferSelect;

/** One quote within the actor's data scope (owner visible), optionally locked; null otherwise (→ 404). */
export async function findQuoteInScope(db: Executor, workspaceId: string, owners: VisibleOwners, id: string, opts: { forUpdate?: boolean } = {}): Promise<QuoteRow | null> {
  const q = db.select().from(quotes).where(and(eq(quotes.workspaceId, workspaceId), eq(quotes.id, id), visibleTo(owners, quotes.ownerId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertQuote(tx: Executor, values: typeof quotes.$inferInsert): Promise<QuoteRow> {
  const [row] = await tx.insert(quotes).values(values).returning();
  return row!;
}

/** Writes new values at the version read; null when someone else changed it first (→ 409). */
export async function updateQuote(tx: Executor, p: { workspaceId: string; id: string; expectedVersion: number; set: Partial<typeof quotes.$inferInsert> }): Promise<QuoteRow | null> {
  const [row] = await tx.update(quotes).set({ ...p.set, version: sql`${quotes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(quotes.workspaceId, p.workspaceId), eq(quotes.id, p.id), eq(quotes.version, p.expectedVersion))).returning();
  return row ?? null;
}

/** Links the approval just started to the quote. */
export async function setQuoteApproval(tx: Executor, workspaceId: string, id: string, approvalId: string) {
  await tx.update(quotes).set({ approvalId }).where(and(eq(quotes.workspaceId, workspaceId), eq(quotes.id, id)));
}

/** Records an approval outcome on a quote still in review under that approval; null when it no longer is (an edit cancelled it). */
export async function decideQuote(tx: Executor, workspaceId: string, id: string, approvalId: string, status: 'approved' | 'draft') {
  const [row] = await tx.update(quotes).set({ status, ...(status === 'draft' ? { approvalId: null } : {}), version: sql`${quotes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(quotes.workspaceId, workspaceId), eq(quotes.id, id), eq(quotes.status, 'in_review'),
      // not yet linked when a flow with no applicable step approves at once, inside submitForApproval
      or(eq(quotes.approvalId, approvalId), isNull(quotes.approvalId)))).returning();
  return row ?? null;
}

export async function insertRevision(tx: Executor, values: typeof quoteRevisions.$inferInsert) {
  await tx.insert(quoteRevisions).values(values);
}

/** Earlier revisions of a quote, newest first. */
export async function listRevisions(db: Executor, workspaceId: string, quoteId: string): Promise<QuoteRevisionRow[]> {
  return db.select().from(quoteRevisions).where(and(eq(quoteRevisions.workspaceId, workspaceId), eq(quoteRevisions.quoteId, quoteId))).orderBy(desc(quoteRevisions.revision));
}

export interface QuoteFilter {
  workspaceId: string; owners: VisibleOwners; status?: string; customerId?: string; opportunityId?: string; ownerId?: string;
  q?: string; asOf: IsoDate; beforeId?: string; limit: number;
}

/**
 * Quotes in scope, newest first (id is UUIDv7), one extra row for the next page. "expired" selects open
 * quotes whose validity ended before asOf; an open status selects those still valid.
 */
export async function listQuoteRows(db: Executor, f: QuoteFilter) {
  const where: SQL[] = [eq(quotes.workspaceId, f.workspaceId), visibleTo(f.owners, quotes.ownerId)];
  if (f.status === 'expired') {
    where.push(inArray(quotes.status, [...expiringStatuses]), lt(quotes.validUntil, f.asOf));
  } else if (f.status) {
    where.push(eq(quotes.status, f.status));
    if ((expiringStatuses as readonly string[]).includes(f.status)) where.push(gte(quotes.validUntil, f.asOf));
  }
  if (f.customerId) where.push(eq(quotes.customerId, f.customerId));
  if (f.opportunityId) where.push(eq(quotes.opportunityId, f.opportunityId));
  if (f.ownerId) where.push(eq(quotes.ownerId, f.ownerId));
  if (f.q) where.push(sql`${quotes.number} ilike ${`%${escapeLike(f.q)}%`}`);
  if (f.beforeId) where.push(lt(quotes.id, f.beforeId));
  return db.select().from(quotes).where(and(...where)).orderBy(desc(quotes.id)).limit(f.limit + 1);
}

/** Names for the DTOs: customers, users, opportunities and contacts by id (one query each, never per row). */
export async function namesFor(db: Executor, workspaceId: string, rows: readonly { customerId: string; ownerId: string; opportunityId: string | null; contactId?: string | null }[], extraUserIds: readonly string[] = []) {
  const customerIds = [...new Set(rows.map((r) => r.customerId))];
  const userIds = [...new Set([...rows.map((r) => r.ownerId), ...extraUserIds])];
  const opportunityIds = [...new Set(rows.flatMap((r) => (r.opportunityId ? [r.opportunityId] : [])))];
  const contactIds = [...new Set(rows.flatMap((r) => (r.contactId ? [r.contactId] : [])))];
  const [cs, us, os, ks] = await Promise.all([
    customerIds.length ? db.select({ id: customers.id, name: customers.name, address: customers.address, valueClass: customers.valueClass }).from(customers).where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, customerIds))) : [],
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, userIds))) : [],
    opportunityIds.length ? db.select({ id: opportunities.id, name: opportunities.name, number: opportunities.number }).from(opportunities).where(and(eq(opportunities.workspaceId, workspaceId), inArray(opportunities.id, opportunityIds))) : [],
    contactIds.length ? db.select({ id: contacts.id, name: contacts.name, mobile: contacts.mobile, phone: contacts.phone }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, contactIds))) : [],
  ]);
  return {
    customers: new Map(cs.map((c) => [c.id, c])),
    users: new Map(us.map((u) => [u.id, u])),
    opportunities: new Map(os.map((o) => [o.id, o])),
    contacts: new Map(ks.map((k) => [k.id, k])),
  };
}

/** The opportunity's customer; null when unknown. */
export async function opportunityCustomer(db: Executor, workspaceId: string, opportunityId: string): Promise<string | null> {
  const [row] = await db.select({ customerId: opportunities.customerId }).from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, opportunityId)));
  return row?.customerId ?? null;
}

/** The contact's customer; null when unknown. */
export async function contactCustomer(db: Executor, workspaceId: string, contactId: string): Promise<string | null> {
  const [row] = await db.select({ customerId: contacts.customerId }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  return row?.customerId ?? null;
}

/** Quotes of a merged-away customer belong to the survivor. */
export async function moveQuotesToCustomer(tx: Executor, workspaceId: string, survivorId: string, duplicateId: string): Promise<number> {
  const rows = await tx.update(quotes).set({ customerId: survivorId, version: sql`${quotes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(quotes.workspaceId, workspaceId), eq(quotes.customerId, duplicateId))).returning({ id: quotes.id });
  return rows.length;
}


/** Quotes naming a merged-away contact name the survivor. */
export async function moveQuotesToContact(tx: Executor, workspaceId: string, survivorId: string, duplicateId: string): Promise<number> {
  const rows = await tx.update(quotes).set({ contactId: survivorId, version: sql`${quotes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(quotes.workspaceId, workspaceId), eq(quotes.contactId, duplicateId))).returning({ id: quotes.id });
  return rows.length;
}
