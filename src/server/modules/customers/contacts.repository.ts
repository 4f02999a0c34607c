import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { contacts } from './customers.schema.js';

export type ContactRow = typeof contacts.$inferSelect;

export async function findContact(db: Executor, workspaceId: string, id: string): Promise<ContactRow | null> {
  const [row] = await db.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
  return row ?? null;
}

/** Contacts of one customer by name (keyset on name, id); the caller has already been shown the customer. */
export async function listContactsOf(db: Executor, p: { workspaceId: string; customerId: string; q?: string; after?: [string, string]; limit: number }) {
  const conditions: SQL[] = [eq(contacts.workspaceId, p.workspaceId), eq(contacts.customerId, p.customerId)];
  if (p.q) {
    const like = `%${p.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(or(ilike(contacts.name, like), ilike(contacts.title, like), ilike(contacts.department, like))!);
  }
  if (p.after) conditions.push(sql`(${contacts.name}, ${contacts.id}) > (${p.after[0]}::text, ${p.after[1]}::uuid)`);
  return db.select().from(contacts).where(and(...conditions)).orderBy(asc(contacts.name), asc(contacts.id)).limit(p.limit + 1);
}

/** Who reports to whom among one customer's contacts (for the org chart's loop check). */
export async function reportingLines(db: Executor, workspaceId: string, customerId: string): Promise<Map<string, string | null>> {
  const rows = await db.select({ id: contacts.id, reportsToId: contacts.reportsToId }).from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.customerId, customerId)));
  return new Map(rows.map((r) => [r.id, r.reportsToId]));
}

