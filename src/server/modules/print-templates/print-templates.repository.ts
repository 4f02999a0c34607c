import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PrintKind } from '../../../shared/contracts/print-templates.contract.js';
import type { Executor } from '../../platform/db/client.js';
import { users } from '../../platform/org/org.schema.js';
import { contacts, customers } from '../customers/customers.schema.js';
import { products } from '../products/products.schema.js';
import { printTemplates } from './print-templates.schema.js';

export type PrintTemplateRow = typeof printTemplates.$inferSelect;

/** The workspace's template rows (at most one per kind). */
export async function listTemplateRows(db: Executor, workspaceId: string): Promise<PrintTemplateRow[]> {
  return db.select().from(printTemplates).where(eq(printTemplates.workspaceId, workspaceId));
}

export async function findTemplateRow(db: Executor, workspaceId: string, kind: PrintKind, opts: { forUpdate?: boolean } = {}): Promise<PrintTemplateRow | null> {
  const query = db.select().from(printTemplates).where(and(eq(printTemplates.workspaceId, workspaceId), eq(printTemplates.kind, kind)));
  const [row] = await (opts.forUpdate ? query.for('update') : query);
  return row ?? null;
}

/** The first template of a kind (a unique violation when another save got there first). */
export async function insertTemplateRow(db: Executor, values: { workspaceId: string; kind: PrintKind; body: string | null; updatedBy: string }): Promise<PrintTemplateRow> {
  const [row] = await db.insert(printTemplates).values(values).returning();
  return row!;
}

/** Replaces the body at the version read, in one statement; no row back = stale version. */
export async function updateTemplateRow(db: Executor, values: { workspaceId: string; kind: PrintKind; expectedVersion: number; body: string | null; updatedBy: string }): Promise<PrintTemplateRow | null> {
  const [row] = await db.update(printTemplates)
    .set({ body: values.body, updatedBy: values.updatedBy, version: sql`${printTemplates.version} + 1`, updatedAt: new Date() })
    .where(and(eq(printTemplates.workspaceId, values.workspaceId), eq(printTemplates.kind, values.kind), eq(printTemplates.version, values.expectedVersion)))
    .returning();
  return row ?? null;
}

export async function userNames(db: Executor, workspaceId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** What a printed document shows of its customer: the address and the contact to address (economic buyer first). */
export async function customerPrintInfo(db: Executor, workspaceId: string, customerId: string) {
  const [customer] = await db.select({ address: customers.address, phone: customers.phone }).from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)));
  const [contact] = await db.select({ name: contacts.name, mobile: contacts.mobile, phone: contacts.phone }).from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.customerId, customerId)))
    .orderBy(sql`(${contacts.buyingRole} = 'economic_buyer') IS NOT TRUE`, asc(contacts.name), asc(contacts.id))
    .limit(1);
  return { address: customer?.address ?? null, customerPhone: customer?.phone ?? null, contact: contact ?? null };
}

/** Product names by id, for the lines of a printed document. */
export async function productNames(db: Executor, workspaceId: string, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: products.id, name: products.name }).from(products).where(and(eq(products.workspaceId, workspaceId), inArray(products.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
