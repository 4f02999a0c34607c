import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import type { Executor } from '../../platform/db/client.js';
import { users } from '../../platform/org/org.schema.js';
import { searchTextContains } from '../../platform/search/search-text.sql.js';
import { searchTermOf } from '../../platform/search/search-keys.rules.js';
import { priceChangeLines, priceChangeRequests, priceListLines, priceLists, productPrices, products } from './products.schema.js';

export type ProductRow = typeof products.$inferSelect;
export type ProductPriceRow = typeof productPrices.$inferSelect;
export type PriceListRow = typeof priceLists.$inferSelect;
export type PriceChangeRequestRow = typeof priceChangeRequests.$inferSelect;
export type PriceChangeLineRow = typeof priceChangeLines.$inferSelect;

// ── products ──────────────────────────────────────────────────────────────────────────────────

export async function findProduct(db: Executor, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ProductRow | null> {
  const q = db.select().from(products).where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findProductsByIds(db: Executor, workspaceId: string, ids: readonly string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(products).where(and(eq(products.workspaceId, workspaceId), inArray(products.id, [...new Set(ids)])));
}

export async function insertProduct(db: Executor, values: typeof products.$inferInsert): Promise<ProductRow> {
  const [row] = await db.insert(products).values(values).returning();
  return row!;
}

/** Saves descriptive fields at the version read; null → stale version. */
export async function updateProduct(db: Executor, p: { workspaceId: string; id: string; expectedVersion: number; fields: Partial<typeof products.$inferInsert> }) {
  const [row] = await db.update(products).set({ ...p.fields, version: sql`${products.version} + 1`, updatedAt: new Date() })
    .where(and(eq(products.workspaceId, p.workspaceId), eq(products.id, p.id), eq(products.version, p.expectedVersion))).returning();
  return row ?? null;
}

/** The price version of each product in force on a day (latest effective_from ≤ day; same day: the later row). */
function priceInForce(asOf: IsoDate) {
  return (workspaceId: SQL, productId: SQL) => sql`(select json_build_object(
      'listPrice', pp.list_price::text, 'floorPrice', pp.floor_price::text, 'floatRange', pp.float_range::text,
      'cost', pp.cost::text, 'effectiveFrom', pp.effective_from::text)
    from ${productPrices} pp
    where pp.workspace_id = ${workspaceId} and pp.product_id = ${productId} and pp.effective_from <= ${asOf}::date
    order by pp.effective_from desc, pp.id desc limit 1)`;
}

export interface PriceInForce { listPrice: string; floorPrice: string; floatRange: string; cost: string; effectiveFrom: IsoDate }
export interface ProductListRow extends ProductRow { current: PriceInForce | null; hasPendingChange: boolean }

export interface ProductListFilters { q?: string; category?: string; kind?: string; isActive?: boolean }

// Drizzle leaves columns unqualified in a one-table select: correlated subqueries name the outer row explicitly.
const outerWorkspace = sql.raw('"products"."workspace_id"');
const outerProduct = sql.raw('"products"."id"');

const pendingForProduct = sql<boolean>`exists (select 1 from ${priceChangeRequests} r
  where r.workspace_id = ${outerWorkspace} and r.product_id = ${outerProduct} and r.status = 'pending')`;

/** Products by code (keyset after the last code), with the prices in force on `asOf` and whether a change is pending. */
export async function listProductRows(db: Executor, p: { workspaceId: string; filters: ProductListFilters; asOf: IsoDate; afterCode?: string; limit: number }): Promise<ProductListRow[]> {
  const f = p.filters;
  const where: SQL[] = [eq(products.workspaceId, p.workspaceId)];
  if (f.category) where.push(eq(products.category, f.category));
  if (f.kind) where.push(eq(products.kind, f.kind));
  if (f.isActive !== undefined) where.push(eq(products.isActive, f.isActive));
  const term = f.q ? searchTermOf(f.q) : '';
  if (term) where.push(searchTextContains(products.searchText, term));
  if (p.afterCode !== undefined) where.push(gt(products.code, p.afterCode));
  const current = priceInForce(p.asOf)(outerWorkspace, outerProduct);
  const rows = await db.select({ product: products, current: sql<PriceInForce | null>`${current}`, hasPendingChange: pendingForProduct })
    .from(products).where(and(...where)).orderBy(asc(products.code)).limit(p.limit + 1);
  return rows.map((r) => ({ ...r.product, current: parseJson(r.current), hasPendingChange: r.hasPendingChange }));
}

/** One product with its prices in force on `asOf`. */
export async function findProductWithPrice(db: Executor, workspaceId: string, id: string, asOf: IsoDate): Promise<ProductListRow | null> {
  const current = priceInForce(asOf)(outerWorkspace, outerProduct);
  const [row] = await db.select({ product: products, current: sql<PriceInForce | null>`${current}`, hasPendingChange: pendingForProduct })
    .from(products).where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)));
  return row ? { ...row.product, current: parseJson(row.current), hasPendingChange: row.hasPendingChange } : null;
}

/** node-postgres parses json itself; PGlite may hand it back as text. */
function parseJson<T>(value: T | string | null): T | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** Distinct categories (for the filter). */
export async function listCategories(db: Executor, workspaceId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ category: products.category }).from(products)
    .where(and(eq(products.workspaceId, workspaceId), sql`${products.category} is not null`)).orderBy(asc(products.category));
  return rows.map((r) => r.category!);
}

export async function insertProductPrice(db: Executor, values: typeof productPrices.$inferInsert): Promise<ProductPriceRow> {
  const [row] = await db.insert(productPrices).values(values).returning();
  return row!;
}

/** Every approved price version of a product, newest effective date first. */
export async function listProductPrices(db: Executor, workspaceId: string, productId: string): Promise<ProductPriceRow[]> {
  return db.select().from(productPrices)
    .where(and(eq(productPrices.workspaceId, workspaceId), eq(productPrices.productId, productId)))
    .orderBy(desc(productPrices.effectiveFrom), desc(productPrices.id));
}

// ── price lists ───────────────────────────────────────────────────────────────────────────────

export async function insertPriceList(db: Executor, values: typeof priceLists.$inferInsert): Promise<PriceListRow> {
  const [row] = await db.insert(priceLists).values(values).returning();
  return row!;
}

export async function findPriceList(db: Executor, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<PriceListRow | null> {
  const q = db.select().from(priceLists).where(and(eq(priceLists.workspaceId, workspaceId), eq(priceLists.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** Claims a price list at the version read (a change request bumps it); null → stale. */
export async function bumpPriceList(db: Executor, workspaceId: string, id: string, expectedVersion: number) {
  const [row] = await db.update(priceLists).set({ version: sql`${priceLists.version} + 1`, updatedAt: new Date() })
    .where(and(eq(priceLists.workspaceId, workspaceId), eq(priceLists.id, id), eq(priceLists.version, expectedVersion))).returning();
  return row ?? null;
}

/** The lines of one list in force on a day: per product the latest line on or before it. */
function linesInForceSql(workspaceId: string, asOf: IsoDate, priceListId?: SQL) {
  return sql`select distinct on (l.price_list_id, l.product_id) l.price_list_id, l.product_id, l.price::text as price, l.effective_from::text as effective_from
    from ${priceListLines} l
    where l.workspace_id = ${workspaceId} and l.effective_from <= ${asOf}::date ${priceListId ? sql`and l.price_list_id = ${priceListId}` : sql``}
    order by l.price_list_id, l.product_id, l.effective_from desc, l.id desc`;
}

export interface PriceListListRow extends PriceListRow { lineCount: number; hasPendingChange: boolean }

/** Price lists, newest first (by start, then id), with the number of products priced on `asOf`. */
export async function listPriceListRows(db: Executor, p: {
  workspaceId: string; customerClass?: string; channel?: string; q?: string; asOf: IsoDate; after?: [IsoDate, string]; limit: number;
}): Promise<PriceListListRow[]> {
  const where: SQL[] = [eq(priceLists.workspaceId, p.workspaceId)];
  if (p.customerClass) where.push(eq(priceLists.customerClass, p.customerClass));
  if (p.channel) where.push(eq(priceLists.channel, p.channel));
  if (p.q?.trim()) where.push(sql`${priceLists.name} ilike ${`%${p.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (p.after) where.push(or(lt(priceLists.effectiveFrom, p.after[0]), and(eq(priceLists.effectiveFrom, p.after[0]), lt(priceLists.id, p.after[1])))!);
  const rows = await db.select({
    list: priceLists,
    lineCount: sql<number>`(select count(*)::int from (${linesInForceSql(p.workspaceId, p.asOf, sql.raw('"price_lists"."id"'))}) x)`,
    hasPendingChange: sql<boolean>`exists (select 1 from ${priceChangeRequests} r
      where r.workspace_id = "price_lists"."workspace_id" and r.price_list_id = "price_lists"."id" and r.status = 'pending')`,
  }).from(priceLists).where(and(...where)).orderBy(desc(priceLists.effectiveFrom), desc(priceLists.id)).limit(p.limit + 1);
  return rows.map((r) => ({ ...r.list, lineCount: Number(r.lineCount), hasPendingChange: r.hasPendingChange }));
}

export interface ListLineRow { productId: string; productCode: string; productName: string; unit: string; price: string; effectiveFrom: IsoDate }

/** The lines of a price list in force on a day, by product code. */
export async function listLinesInForce(db: Executor, workspaceId: string, priceListId: string, asOf: IsoDate): Promise<ListLineRow[]> {
  const result = await db.execute(sql`select x.product_id, p.code, p.name, p.unit, x.price, x.effective_from
    from (${linesInForceSql(workspaceId, asOf, sql`${priceListId}::uuid`)}) x
    join ${products} p on p.workspace_id = ${workspaceId} and p.id = x.product_id
    order by p.code`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    productId: String(r.product_id), productCode: String(r.code), productName: String(r.name), unit: String(r.unit),
    price: String(r.price), effectiveFrom: String(r.effective_from),
  }));
}

export interface ListPriceCandidateRow {
  id: string; name: string; customerClass: string | null; channel: string | null; effectiveFrom: IsoDate; price: string;
}

/**
 * Lines for one product on the price lists in force on a day (active, started, not ended), for the
 * class or the channel asked: the candidates the lookup rule picks from.
 */
export async function listPriceCandidates(db: Executor, p: { workspaceId: string; productId: string; date: IsoDate; customerClass?: string; channel?: string }): Promise<ListPriceCandidateRow[]> {
  const targets: SQL[] = [];
  if (p.customerClass) targets.push(sql`pl.customer_class = ${p.customerClass}`);
  if (p.channel) targets.push(sql`pl.channel = ${p.channel}`);
  if (targets.length === 0) return [];
  const result = await db.execute(sql`select pl.id, pl.name, pl.customer_class, pl.channel, pl.effective_from::text as effective_from, line.price
    from ${priceLists} pl
    join lateral (
      select l.price::text as price from ${priceListLines} l
      where l.workspace_id = pl.workspace_id and l.price_list_id = pl.id and l.product_id = ${p.productId}::uuid and l.effective_from <= ${p.date}::date
      order by l.effective_from desc, l.id desc limit 1
    ) line on true
    where pl.workspace_id = ${p.workspaceId} and pl.is_active and pl.effective_from <= ${p.date}::date
      and (pl.effective_to is null or pl.effective_to >= ${p.date}::date) and (${sql.join(targets, sql` or `)})`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: String(r.id), name: String(r.name), customerClass: r.customer_class === null ? null : String(r.customer_class),
    channel: r.channel === null ? null : String(r.channel), effectiveFrom: String(r.effective_from), price: String(r.price),
  }));
}

export async function insertListLines(db: Executor, values: (typeof priceListLines.$inferInsert)[]) {
  if (values.length > 0) await db.insert(priceListLines).values(values);
}

/** The prices of some products in force on a day (for list lines, their floor checks and old prices). */
export async function pricesInForceFor(db: Executor, workspaceId: string, productIds: readonly string[], asOf: IsoDate): Promise<Map<string, PriceInForce>> {
  if (productIds.length === 0) return new Map();
  const current = priceInForce(asOf)(outerWorkspace, outerProduct);
  const rows = await db.select({ id: products.id, current: sql<PriceInForce | null>`${current}` }).from(products)
    .where(and(eq(products.workspaceId, workspaceId), inArray(products.id, [...new Set(productIds)])));
  const map = new Map<string, PriceInForce>();
  for (const r of rows) {
    const c = parseJson(r.current);
    if (c) map.set(r.id, c);
  }
  return map;
}

// ── price change requests ─────────────────────────────────────────────────────────────────────

export async function insertRequest(db: Executor, values: typeof priceChangeRequests.$inferInsert): Promise<PriceChangeRequestRow> {
  const [row] = await db.insert(priceChangeRequests).values(values).returning();
  return row!;
}

export async function insertRequestLines(db: Executor, values: (typeof priceChangeLines.$inferInsert)[]) {
  if (values.length > 0) await db.insert(priceChangeLines).values(values);
}

export async function findRequest(db: Executor, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<PriceChangeRequestRow | null> {
  const q = db.select().from(priceChangeRequests).where(and(eq(priceChangeRequests.workspaceId, workspaceId), eq(priceChangeRequests.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPendingRequest(db: Executor, workspaceId: string, target: { productId?: string; priceListId?: string }): Promise<PriceChangeRequestRow | null> {
  const where: SQL[] = [eq(priceChangeRequests.workspaceId, workspaceId), eq(priceChangeRequests.status, 'pending')];
  if (target.productId) where.push(eq(priceChangeRequests.productId, target.productId));
  if (target.priceListId) where.push(eq(priceChangeRequests.priceListId, target.priceListId));
  const [row] = await db.select().from(priceChangeRequests).where(and(...where)).limit(1);
  return row ?? null;
}

export async function setRequestApproval(db: Executor, workspaceId: string, id: string, approvalId: string) {
  await db.update(priceChangeRequests).set({ approvalId, updatedAt: new Date() })
    .where(and(eq(priceChangeRequests.workspaceId, workspaceId), eq(priceChangeRequests.id, id)));
}

/** Closes a pending request with the approval's outcome; null when it was no longer pending. */
export async function closeRequest(db: Executor, p: { workspaceId: string; id: string; status: 'approved' | 'rejected' | 'returned'; comment: string | null; appliedFrom?: IsoDate }) {
  const now = new Date();
  const [row] = await db.update(priceChangeRequests)
    .set({ status: p.status, decidedAt: now, decisionComment: p.comment, appliedFrom: p.appliedFrom ?? null, version: sql`${priceChangeRequests.version} + 1`, updatedAt: now })
    .where(and(eq(priceChangeRequests.workspaceId, p.workspaceId), eq(priceChangeRequests.id, p.id), eq(priceChangeRequests.status, 'pending')))
    .returning();
  return row ?? null;
}

export async function requestLines(db: Executor, workspaceId: string, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db.select({ line: priceChangeLines, code: products.code, name: products.name }).from(priceChangeLines)
    .innerJoin(products, and(eq(products.workspaceId, priceChangeLines.workspaceId), eq(products.id, priceChangeLines.productId)))
    .where(and(eq(priceChangeLines.workspaceId, workspaceId), inArray(priceChangeLines.requestId, [...requestIds])))
    .orderBy(asc(products.code));
}

/** Price change requests, newest first, before the cursor's id. */
export async function listRequests(db: Executor, p: { workspaceId: string; status?: string; productId?: string; priceListId?: string; beforeId?: string; limit: number }) {
  const where: SQL[] = [eq(priceChangeRequests.workspaceId, p.workspaceId)];
  if (p.status) where.push(eq(priceChangeRequests.status, p.status));
  if (p.productId) where.push(eq(priceChangeRequests.productId, p.productId));
  if (p.priceListId) where.push(eq(priceChangeRequests.priceListId, p.priceListId));
  if (p.beforeId) where.push(lt(priceChangeRequests.id, p.beforeId));
  return db.select().from(priceChangeRequests).where(and(...where)).orderBy(desc(priceChangeRequests.id)).limit(p.limit + 1);
}

export async function userNames(db: Executor, workspaceId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
