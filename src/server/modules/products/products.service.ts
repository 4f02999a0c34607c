import type {
  CreatePriceListBody, CreateProductBody, EffectivePriceDto, EffectivePriceQuery, PriceChangeDto, PriceChangeListQuery, PriceHistoryDto,
  PriceListDetailDto, PriceListDto, PriceListQuery, ProductDto, ProductListQuery, ProductPrices, RequestPriceListChangeBody,
  RequestProductPriceChangeBody, UpdateProductBody,
} from '../../../shared/contracts/products.contract.js';
import { addDays, todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, invalidField, notFound, type ErrorDetail } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { registerApprovalSubject } from '../../platform/approvals/approvals.registry.js';
import { submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, decodeIdCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import type { ProductPermission } from './products.permissions.js';
import {
  bumpPriceList, closeRequest, findPendingRequest, findPriceList, findProduct, findProductsByIds, findProductWithPrice, findRequest,
  insertListLines, insertPriceList, insertProduct, insertProductPrice, insertRequest, insertRequestLines, listCategories, listLinesInForce,
  listPriceCandidates, listPriceListRows, listProductPrices, listProductRows, listRequests, pricesInForceFor, requestLines, setRequestApproval,
  updateProduct as updateProductRow, userNames, type PriceChangeRequestRow, type PriceListListRow, type ProductListRow,
} from './products.repository.js';
import {
  appliedDate, effectiveDateProblem, pickListPrice, priceApprovalFlags, pricesDiffer, productSearchText, validateListLines,
  validatePriceList, validatePrices, validateTaxRate, versionInForce, type PriceValues,
} from './products.rules.js';

/** Approval document type of a price change; the approval's subject is the price change request. */
export const PRICE_CHANGE_DOCUMENT = 'price_change';

const has = (ctx: CommandContext, permission: ProductPermission) => ctx.actor.permissions.has(permission);
const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
const refuse = (errors: ErrorDetail[]) => new AppError('VALIDATION_FAILED', 'errors.validation', { fields: errors.map((e) => e.path) }, errors);

// ── DTOs (cost masked for callers without product:read_cost) ──────────────────────────────────

function toProductDto(ctx: CommandContext, r: ProductListRow, asOf: IsoDate): ProductDto {
  const c = r.current;
  return {
    id: r.id, code: r.code, name: r.name, kind: r.kind as ProductDto['kind'], unit: r.unit, category: r.category, spec: r.spec,
    taxRate: r.taxRate, isActive: r.isActive,
    listPrice: c ? money.format(c.listPrice) : null, floorPrice: c ? money.format(c.floorPrice) : null,
    floatRange: c ? money.format(c.floatRange) : null, cost: c && has(ctx, 'product:read_cost') ? money.format(c.cost) : null,
    priceEffectiveFrom: c?.effectiveFrom ?? null, isQuotable: r.isActive && c !== null, hasPendingChange: r.hasPendingChange,
    asOf, version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

function pricesOf(ctx: CommandContext, listPrice: string | null, floorPrice: string | null, floatRange: string | null, cost: string | null): ProductPrices | null {
  if (listPrice === null || floorPrice === null || floatRange === null) return null;
  return { listPrice, floorPrice, floatRange, cost: has(ctx, 'product:read_cost') ? cost : null };
}

async function toRequestDtos(db: Executor, ctx: CommandContext, rows: PriceChangeRequestRow[]): Promise<PriceChangeDto[]> {
  const ws = ctx.workspace.id;
  const [names, lines, prods, lists] = await Promise.all([
    userNames(db, ws, rows.map((r) => r.requestedBy)),
    requestLines(db, ws, rows.filter((r) => r.kind === 'price_list').map((r) => r.id)),
    findProductsByIds(db, ws, rows.flatMap((r) => (r.productId ? [r.productId] : []))),
    Promise.all([...new Set(rows.flatMap((r) => (r.priceListId ? [r.priceListId] : [])))].map((id) => findPriceList(db, ws, id))),
  ]);
  const productById = new Map(prods.map((p) => [p.id, p]));
  const listById = new Map(lists.filter((l) => l !== null).map((l) => [l!.id, l!]));
  return rows.map((r) => {
    const product = r.productId ? productById.get(r.productId) : undefined;
    const list = r.priceListId ? listById.get(r.priceListId) : undefined;
    return {
      id: r.id, kind: r.kind as PriceChangeDto['kind'], status: r.status as PriceChangeDto['status'],
      product: product ? { id: product.id, code: product.code, name: product.name } : null,
      priceList: list ? { id: list.id, name: list.name } : null,
      from: pricesOf(ctx, r.oldListPrice, r.oldFloorPrice, r.oldFloatRange, r.oldCost),
      to: pricesOf(ctx, r.newListPrice, r.newFloorPrice, r.newFloatRange, r.newCost),
      lines: lines.filter((l) => l.line.requestId === r.id).map((l) => ({
        productId: l.line.productId, productCode: l.code, productName: l.name, oldPrice: l.line.oldPrice, newPrice: l.line.newPrice,
      })),
      effectiveFrom: r.effectiveFrom, appliedFrom: r.appliedFrom, reason: r.reason,
      requestedBy: { id: r.requestedBy, name: names.get(r.requestedBy) ?? '—' }, approvalId: r.approvalId,
      createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null, decisionComment: r.decisionComment,
    };
  });
}

// ── product queries ───────────────────────────────────────────────────────────────────────────

function codeCursor(cursor: string | undefined): string | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  if (typeof key[0] !== 'string') throw invalidField('cursor', 'errors.invalidFormat');
  return key[0];
}

const filtersOf = (q: ProductListQuery) => ({
  q: q.q, category: q.category, kind: q.kind, isActive: q.isActive === undefined ? undefined : q.isActive === 'true',
});

/** The product catalogue by code, with the prices in force on `asOf` (cost only for finance and managers). */
export async function listProducts(ctx: CommandContext, q: ProductListQuery) {
  const asOf = q.asOf ?? todayOf(ctx);
  const rows = await listProductRows(ctx.db, { workspaceId: ctx.workspace.id, filters: filtersOf(q), asOf, afterCode: codeCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.code]);
  return { items: page.items.map((r) => toProductDto(ctx, r, asOf)), nextCursor: page.nextCursor };
}

/** Every product matching the list's filters, page by page (the xlsx export). */
export async function* productPages(ctx: CommandContext, q: ProductListQuery): AsyncGenerator<ProductDto[]> {
  const asOf = q.asOf ?? todayOf(ctx);
  let afterCode: string | undefined;
  for (;;) {
    const rows = await listProductRows(ctx.db, { workspaceId: ctx.workspace.id, filters: filtersOf(q), asOf, afterCode, limit: 500 });
    const items = rows.slice(0, 500);
    if (items.length > 0) yield items.map((r) => toProductDto(ctx, r, asOf));
    if (rows.length <= 500) return;
    afterCode = items.at(-1)!.code;
  }
}

/** Records an export of the catalogue before its first byte leaves. */
export async function auditProductExport(ctx: CommandContext, q: ProductListQuery) {
  await ctx.db.transaction((tx) => appendAudit(tx, ctx, { entity: 'product', action: 'export', after: { ...q, format: 'xlsx', withCost: has(ctx, 'product:read_cost') } }));
}

export async function productCategories(ctx: CommandContext) {
  return { items: await listCategories(ctx.db, ctx.workspace.id) };
}

/** One product with the prices in force on `asOf`. */
export async function getProduct(ctx: CommandContext, id: string, q: { asOf?: IsoDate } = {}): Promise<ProductDto> {
  const asOf = q.asOf ?? todayOf(ctx);
  const row = await findProductWithPrice(ctx.db, ctx.workspace.id, id, asOf);
  if (!row) throw notFound('product');
  return toProductDto(ctx, row, asOf);
}

/** A product's approved price versions (newest first, each with its last day) and its price change requests. */
export async function priceHistory(ctx: CommandContext, id: string): Promise<PriceHistoryDto> {
  const db = ctx.db;
  const product = await findProduct(db, ctx.workspace.id, id);
  if (!product) throw notFound('product');
  const [versions, requests] = await Promise.all([
    listProductPrices(db, ctx.workspace.id, id),
    listRequests(db, { workspaceId: ctx.workspace.id, productId: id, limit: 20 }),
  ]);
  const names = await userNames(db, ctx.workspace.id, versions.flatMap((v) => [v.requestedBy, v.approvedBy]));
  const person = (uid: string | null) => (uid ? { id: uid, name: names.get(uid) ?? '—' } : null);
  const seeCost = has(ctx, 'product:read_cost');
  const inForce = versionInForce(versions.map((v) => ({ ...v, seq: v.id })), todayOf(ctx));
  return {
    items: versions.map((v, i) => {
      // the next version (newer) starts a later day; same-day replacements end on the day they started
      const newer = versions.slice(0, i).reverse().find((n) => n.effectiveFrom > v.effectiveFrom);
      const sameDayNewer = versions.slice(0, i).some((n) => n.effectiveFrom === v.effectiveFrom);
      return {
        id: v.id, listPrice: v.listPrice, floorPrice: v.floorPrice, floatRange: v.floatRange, cost: seeCost ? v.cost : null,
        effectiveFrom: v.effectiveFrom, isInForce: v.id === inForce?.id, effectiveTo: sameDayNewer ? v.effectiveFrom : newer ? addDays(newer.effectiveFrom, -1) : null,
        requestId: v.requestId, requestedBy: person(v.requestedBy), approvedBy: person(v.approvedBy), reason: v.reason,
        createdAt: v.createdAt.toISOString(),
      };
    }),
    requests: await toRequestDtos(db, ctx, requests.slice(0, 20)),
  };
}

/**
 * The effective price of a product for a customer class and/or channel on a day (domain §8) — what
 * quotes call: the line of the matching price list in force (channel before class, newest list
 * first), else the product's list price; with the floor price and float range in force that day.
 * A product that is inactive or has no approved prices on that day is not quotable (price null).
 */
export async function effectivePriceOf(db: Executor, p: {
  workspaceId: string; productId: string; date: IsoDate; customerClass?: string | null; channel?: string | null;
}): Promise<Omit<EffectivePriceDto, 'cost'> & { cost: string | null } | null> {
  const product = await findProductWithPrice(db, p.workspaceId, p.productId, p.date);
  if (!product) return null;
  const c = product.current;
  const base = {
    productId: product.id, date: p.date, taxRate: product.taxRate,
    listPrice: c?.listPrice ?? null, floorPrice: c?.floorPrice ?? null, floatRange: c?.floatRange ?? null, cost: c?.cost ?? null,
  };
  if (!c || !product.isActive) return { ...base, isQuotable: false, price: null, source: 'none', priceList: null };
  const candidates = await listPriceCandidates(db, {
    workspaceId: p.workspaceId, productId: p.productId, date: p.date,
    customerClass: p.customerClass ?? undefined, channel: p.channel ?? undefined,
  });
  const picked = pickListPrice(candidates, { customerClass: p.customerClass, channel: p.channel });
  return picked
    ? { ...base, isQuotable: true, price: picked.price, source: 'price_list', priceList: { id: picked.id, name: picked.name } }
    : { ...base, isQuotable: true, price: c.listPrice, source: 'list_price', priceList: null };
}

/** The effective price endpoint: same lookup, cost masked for those who may not see it. */
export async function getEffectivePrice(ctx: CommandContext, productId: string, q: EffectivePriceQuery): Promise<EffectivePriceDto> {
  const found = await effectivePriceOf(ctx.db, { workspaceId: ctx.workspace.id, productId, date: q.date ?? todayOf(ctx), customerClass: q.customerClass, channel: q.channel });
  if (!found) throw notFound('product');
  return { ...found, cost: has(ctx, 'product:read_cost') ? found.cost : null };
}

// ── product commands ──────────────────────────────────────────────────────────────────────────

interface PriceChangeSnapshot {
  requestId: string; kind: 'initial' | 'product' | 'price_list';
  productId: string | null; productCode: string | null; productName: string | null;
  priceListId: string | null; priceListName: string | null;
  from: PriceValues | null; to: PriceValues | null;
  lines: { productId: string; productCode: string; productName: string; oldPrice: string | null; newPrice: string }[];
  effectiveFrom: IsoDate; reason: string; salesVpReviews: boolean;
}

async function sendPriceChange(tx: Tx, ctx: CommandContext, snapshot: Omit<PriceChangeSnapshot, 'salesVpReviews'>, title: string) {
  const { approvalId } = await submitForApproval(tx, ctx, {
    documentType: PRICE_CHANGE_DOCUMENT, subjectId: snapshot.requestId, title,
    snapshot: { ...snapshot, ...priceApprovalFlags(ctx.actor.roles) },
  });
  await setRequestApproval(tx, ctx.workspace.id, snapshot.requestId, approvalId);
}

const pricesInput = (b: { listPrice: string; floorPrice: string; floatRange: string; cost: string }): PriceValues => ({
  listPrice: money.format(b.listPrice), floorPrice: money.format(b.floorPrice), floatRange: money.format(b.floatRange), cost: money.format(b.cost),
});

function pendingConflict(error: unknown): never {
  // two requests racing past the pending check: the partial unique index lets one through
  if (isUniqueViolation(error)) throw conflict('errors.priceChangePending');
  throw error;
}

/**
 * Creates a product or service (sales VP or manager). Its first prices are a price change request
 * like any other (a real sales department approves a new product's prices before anyone quotes it):
 * the product exists at once but is not quotable until that request is approved.
 */
export async function createProduct(ctx: CommandContext, input: CreateProductBody): Promise<ProductDto> {
  const today = todayOf(ctx);
  const effectiveFrom = input.effectiveFrom ?? today;
  const errors = [...validatePrices(input), ...validateTaxRate(input.taxRate)];
  const dateProblem = effectiveDateProblem(effectiveFrom, today);
  if (dateProblem) errors.push(dateProblem);
  if (errors.length > 0) throw refuse(errors);
  const to = pricesInput(input);
  let id: string;
  try {
    id = await ctx.db.transaction(async (tx) => {
      const product = await insertProduct(tx, {
        workspaceId: ctx.workspace.id, code: input.code, name: input.name, kind: input.kind, unit: input.unit,
        category: input.category ?? null, spec: input.spec ?? null, taxRate: money.format(input.taxRate), isActive: true,
        searchText: productSearchText(input.code, input.name), createdBy: ctx.actor.id,
      });
      await appendAudit(tx, ctx, { entity: 'product', entityId: product.id, action: 'create', after: product });
      const reason = input.reason ?? '新产品定价';
      const request = await insertRequest(tx, {
        workspaceId: ctx.workspace.id, id: newId(), kind: 'initial', productId: product.id, status: 'pending',
        newListPrice: to.listPrice, newFloorPrice: to.floorPrice, newFloatRange: to.floatRange, newCost: to.cost,
        effectiveFrom, reason, requestedBy: ctx.actor.id,
      });
      await appendAudit(tx, ctx, { entity: 'product', entityId: product.id, action: 'price_change_requested', after: { ...to, effectiveFrom, requestId: request.id } });
      await sendPriceChange(tx, ctx, {
        requestId: request.id, kind: 'initial', productId: product.id, productCode: product.code, productName: product.name,
        priceListId: null, priceListName: null, from: null, to, lines: [], effectiveFrom, reason,
      }, `新产品定价：${product.name}（${product.code}）标准价 ${to.listPrice}，最低价 ${to.floorPrice}`);
      return product.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', 'errors.productCodeTaken', { code: input.code }, [{ path: 'code', message: 'errors.productCodeTaken', params: { code: input.code } }]);
    }
    throw error;
  }
  return getProduct(ctx, id);
}

/** Changes a product's descriptive fields (name, unit, category, spec, tax rate, active) at the version read; prices are not touched here. */
export async function updateProduct(ctx: CommandContext, id: string, input: UpdateProductBody): Promise<ProductDto> {
  if (input.taxRate !== undefined) {
    const errors = validateTaxRate(input.taxRate);
    if (errors.length > 0) throw refuse(errors);
  }
  await ctx.db.transaction(async (tx) => {
    const before = await findProduct(tx, ctx.workspace.id, id, { forUpdate: true });
    if (!before) throw notFound('product');
    const fields = {
      ...(input.name !== undefined ? { name: input.name, searchText: productSearchText(before.code, input.name) } : {}),
      ...(input.unit !== undefined ? { unit: input.unit } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.spec !== undefined ? { spec: input.spec } : {}),
      ...(input.taxRate !== undefined ? { taxRate: money.format(input.taxRate) } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
    };
    const after = await updateProductRow(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: input.version, fields });
    if (!after) throw conflict();
    await appendAudit(tx, ctx, { entity: 'product', entityId: id, action: 'update', before, after });
  });
  return getProduct(ctx, id);
}

/**
 * Requests a change of a product's list price, floor price, float range and/or cost (调价申请, domain
 * §8): the prices in force on the effective day and the new ones are frozen on the request, which goes
 * to the sales VP (unless the VP asked), finance (cost review) and the GM. Nothing changes until the
 * final approval. One pending request per product (409 for a second).
 */
export async function requestProductPriceChange(ctx: CommandContext, productId: string, input: RequestProductPriceChangeBody): Promise<PriceChangeDto> {
  const today = todayOf(ctx);
  const errors = validatePrices(input);
  const dateProblem = effectiveDateProblem(input.effectiveFrom, today);
  if (dateProblem) errors.push(dateProblem);
  if (errors.length > 0) throw refuse(errors);
  const to = pricesInput(input);
  let requestId: string;
  try {
    requestId = await ctx.db.transaction(async (tx) => {
      const product = await findProduct(tx, ctx.workspace.id, productId, { forUpdate: true });
      if (!product) throw notFound('product');
      if (await findPendingRequest(tx, ctx.workspace.id, { productId })) throw conflict('errors.priceChangePending');
      const current = (await pricesInForceFor(tx, ctx.workspace.id, [productId], input.effectiveFrom)).get(productId) ?? null;
      const from = current ? pricesInput(current) : null;
      if (!pricesDiffer(from, to)) throw new AppError('RULE_VIOLATION', 'errors.priceNoChange');
      const request = await insertRequest(tx, {
        workspaceId: ctx.workspace.id, id: newId(), kind: from ? 'product' : 'initial', productId, status: 'pending',
        oldListPrice: from?.listPrice ?? null, oldFloorPrice: from?.floorPrice ?? null, oldFloatRange: from?.floatRange ?? null, oldCost: from?.cost ?? null,
        newListPrice: to.listPrice, newFloorPrice: to.floorPrice, newFloatRange: to.floatRange, newCost: to.cost,
        effectiveFrom: input.effectiveFrom, reason: input.reason, requestedBy: ctx.actor.id,
      });
      await appendAudit(tx, ctx, { entity: 'product', entityId: productId, action: 'price_change_requested', before: from, after: { ...to, effectiveFrom: input.effectiveFrom, requestId: request.id } });
      await sendPriceChange(tx, ctx, {
        requestId: request.id, kind: from ? 'product' : 'initial', productId, productCode: product.code, productName: product.name,
        priceListId: null, priceListName: null, from, to, lines: [], effectiveFrom: input.effectiveFrom, reason: input.reason,
      }, `调价：${product.name}（${product.code}）标准价 ${from?.listPrice ?? '—'} → ${to.listPrice}，${input.effectiveFrom} 起`);
      return request.id;
    });
  } catch (error) { pendingConflict(error); }
  return getPriceChange(ctx, requestId);
}

// ── price lists ───────────────────────────────────────────────────────────────────────────────

function toPriceListDto(r: PriceListListRow): PriceListDto {
  return {
    id: r.id, name: r.name, customerClass: r.customerClass as PriceListDto['customerClass'], channel: r.channel as PriceListDto['channel'],
    effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, isActive: r.isActive, lineCount: r.lineCount,
    hasPendingChange: r.hasPendingChange, version: r.version, createdAt: r.createdAt.toISOString(),
  };
}

function listCursor(cursor: string | undefined): [IsoDate, string] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [from, id] = key;
  if (typeof from !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'errors.invalidFormat');
  return [from, id];
}

/** Price lists, newest first, with the number of products priced on `asOf`. */
export async function listPriceLists(ctx: CommandContext, q: PriceListQuery) {
  const asOf = q.asOf ?? todayOf(ctx);
  const rows = await listPriceListRows(ctx.db, {
    workspaceId: ctx.workspace.id, customerClass: q.customerClass, channel: q.channel, q: q.q, asOf, after: listCursor(q.cursor), limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.effectiveFrom, r.id]);
  return { items: page.items.map(toPriceListDto), nextCursor: page.nextCursor };
}

/** A price list with its lines in force on `asOf` and the change waiting for approval. */
export async function getPriceList(ctx: CommandContext, id: string, q: { asOf?: IsoDate } = {}): Promise<PriceListDetailDto> {
  const db = ctx.db;
  const asOf = q.asOf ?? todayOf(ctx);
  const list = await findPriceList(db, ctx.workspace.id, id);
  if (!list) throw notFound('priceList');
  const [lines, pending] = await Promise.all([listLinesInForce(db, ctx.workspace.id, id, asOf), findPendingRequest(db, ctx.workspace.id, { priceListId: id })]);
  const prices = await pricesInForceFor(db, ctx.workspace.id, lines.map((l) => l.productId), asOf);
  return {
    ...toPriceListDto({ ...list, lineCount: lines.length, hasPendingChange: pending !== null }), asOf,
    lines: lines.map((l) => ({ ...l, listPrice: prices.get(l.productId)?.listPrice ?? null, floorPrice: prices.get(l.productId)?.floorPrice ?? null })),
    pendingChange: pending ? (await toRequestDtos(db, ctx, [pending]))[0]! : null,
  };
}

/**
 * Checks requested price-list lines against the products (domain §8): each product exists and is
 * active, has approved prices in force on the effective day, and the list price is not below its
 * floor price (a discount below floor is a quote approval, never a standing list price).
 */
async function checkLines(tx: Executor, ctx: CommandContext, lines: readonly { productId: string; price: string }[], effectiveFrom: IsoDate) {
  const fieldErrors = validateListLines(lines);
  if (fieldErrors.length > 0) throw refuse(fieldErrors);
  const found = new Map((await findProductsByIds(tx, ctx.workspace.id, lines.map((l) => l.productId))).map((p) => [p.id, p]));
  const prices = await pricesInForceFor(tx, ctx.workspace.id, lines.map((l) => l.productId), effectiveFrom);
  const problems: ErrorDetail[] = [];
  lines.forEach((line, i) => {
    const product = found.get(line.productId);
    if (!product || !product.isActive) { problems.push({ path: `lines.${i}.productId`, message: 'errors.priceListLineUnknownProduct' }); return; }
    const current = prices.get(line.productId);
    if (!current) { problems.push({ path: `lines.${i}.productId`, message: 'errors.priceListLineNoPrice', params: { code: product.code } }); return; }
    if (money.compare(line.price, current.floorPrice) < 0) {
      problems.push({ path: `lines.${i}.price`, message: 'errors.priceListLineBelowFloor', params: { code: product.code, price: money.format(line.price), floorPrice: money.format(current.floorPrice) } });
    }
  });
  if (problems.length > 0) throw new AppError('RULE_VIOLATION', problems[0]!.message, problems[0]!.params ?? {}, problems);
  return found;
}

async function requestListLines(tx: Tx, ctx: CommandContext, list: { id: string; name: string }, lines: readonly { productId: string; price: string }[], effectiveFrom: IsoDate, reason: string) {
  const found = await checkLines(tx, ctx, lines, effectiveFrom);
  const current = new Map((await listLinesInForce(tx, ctx.workspace.id, list.id, effectiveFrom)).map((l) => [l.productId, l.price]));
  const frozen = lines.map((l) => ({
    productId: l.productId, productCode: found.get(l.productId)!.code, productName: found.get(l.productId)!.name,
    oldPrice: current.get(l.productId) ?? null, newPrice: money.format(l.price),
  }));
  if (frozen.every((l) => l.oldPrice !== null && money.compare(l.oldPrice, l.newPrice) === 0)) throw new AppError('RULE_VIOLATION', 'errors.priceNoChange');
  const request = await insertRequest(tx, {
    workspaceId: ctx.workspace.id, id: newId(), kind: 'price_list', priceListId: list.id, status: 'pending', effectiveFrom, reason, requestedBy: ctx.actor.id,
  });
  await insertRequestLines(tx, frozen.map((l) => ({ workspaceId: ctx.workspace.id, requestId: request.id, productId: l.productId, oldPrice: l.oldPrice, newPrice: l.newPrice })));
  await appendAudit(tx, ctx, { entity: 'price_list', entityId: list.id, action: 'price_change_requested', after: { requestId: request.id, effectiveFrom, lines: frozen } });
  await sendPriceChange(tx, ctx, {
    requestId: request.id, kind: 'price_list', productId: null, productCode: null, productName: null,
    priceListId: list.id, priceListName: list.name, from: null, to: null, lines: frozen, effectiveFrom, reason,
  }, `价格表调价：${list.name}（${frozen.length} 项，${effectiveFrom} 起）`);
  return request.id;
}

/** Creates a price list for a customer class and/or channel; its initial lines go for approval as one price change. */
export async function createPriceList(ctx: CommandContext, input: CreatePriceListBody): Promise<PriceListDetailDto> {
  const errors = validatePriceList(input);
  if (errors.length > 0) throw refuse(errors);
  const today = todayOf(ctx);
  const linesFrom = appliedDate(input.effectiveFrom, today);
  if (input.effectiveTo && input.effectiveTo < today) throw refuse([{ path: 'effectiveTo', message: 'errors.priceDateInPast', params: { today } }]);
  const id = await ctx.db.transaction(async (tx) => {
    const list = await insertPriceList(tx, {
      workspaceId: ctx.workspace.id, name: input.name, customerClass: input.customerClass ?? null, channel: input.channel ?? null,
      effectiveFrom: input.effectiveFrom, effectiveTo: input.effectiveTo ?? null, isActive: true, createdBy: ctx.actor.id,
    });
    await appendAudit(tx, ctx, { entity: 'price_list', entityId: list.id, action: 'create', after: list });
    if (input.lines && input.lines.length > 0) await requestListLines(tx, ctx, list, input.lines, linesFrom, input.reason ?? '新建价格表');
    return list.id;
  });
  return getPriceList(ctx, id);
}

/** Requests new prices for lines of a price list (added or changed), from a day within the list's validity. */
export async function requestPriceListChange(ctx: CommandContext, priceListId: string, input: RequestPriceListChangeBody): Promise<PriceChangeDto> {
  const today = todayOf(ctx);
  const dateProblem = effectiveDateProblem(input.effectiveFrom, today);
  if (dateProblem) throw refuse([dateProblem]);
  let requestId: string;
  try {
    requestId = await ctx.db.transaction(async (tx) => {
      const list = await findPriceList(tx, ctx.workspace.id, priceListId, { forUpdate: true });
      if (!list) throw notFound('priceList');
      if (list.version !== input.version) throw conflict();
      if (await findPendingRequest(tx, ctx.workspace.id, { priceListId })) throw conflict('errors.priceChangePending');
      if (list.effectiveTo && input.effectiveFrom > list.effectiveTo) {
        throw new AppError('RULE_VIOLATION', 'errors.priceListEnded', { effectiveTo: list.effectiveTo }, [{ path: 'effectiveFrom', message: 'errors.priceListEnded', params: { effectiveTo: list.effectiveTo } }]);
      }
      if (!(await bumpPriceList(tx, ctx.workspace.id, priceListId, input.version))) throw conflict();
      return requestListLines(tx, ctx, list, input.lines, input.effectiveFrom, input.reason);
    });
  } catch (error) { pendingConflict(error); }
  return getPriceChange(ctx, requestId);
}

// ── price change requests ─────────────────────────────────────────────────────────────────────

export async function getPriceChange(ctx: CommandContext, id: string): Promise<PriceChangeDto> {
  const row = await findRequest(ctx.db, ctx.workspace.id, id);
  if (!row) throw notFound('priceChange');
  return (await toRequestDtos(ctx.db, ctx, [row]))[0]!;
}

/** Price change requests, newest first (filters: status, product, price list). */
export async function listPriceChanges(ctx: CommandContext, q: PriceChangeListQuery) {
  const rows = await listRequests(ctx.db, { workspaceId: ctx.workspace.id, status: q.status, productId: q.productId, priceListId: q.priceListId, beforeId: decodeIdCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  return { items: await toRequestDtos(ctx.db, ctx, page.items), nextCursor: page.nextCursor };
}

/**
 * Applies an approved price change as a new version from its day (the requested day, or today when
 * the approval came later): a product price version, or price-list lines. Old versions stay (history).
 */
async function applyPriceChange(tx: Tx, ctx: CommandContext, s: PriceChangeSnapshot, approvalId: string, comment: string | null) {
  const request = await findRequest(tx, ctx.workspace.id, s.requestId, { forUpdate: true });
  if (!request || request.status !== 'pending') return;
  const appliedFrom = appliedDate(request.effectiveFrom, todayOf(ctx));
  if (request.kind === 'price_list') {
    const lines = await requestLines(tx, ctx.workspace.id, [request.id]);
    await insertListLines(tx, lines.map((l) => ({
      workspaceId: ctx.workspace.id, priceListId: request.priceListId!, productId: l.line.productId, price: l.line.newPrice, effectiveFrom: appliedFrom, requestId: request.id,
    })));
  } else {
    await insertProductPrice(tx, {
      workspaceId: ctx.workspace.id, productId: request.productId!, listPrice: request.newListPrice!, floorPrice: request.newFloorPrice!,
      floatRange: request.newFloatRange!, cost: request.newCost!, effectiveFrom: appliedFrom, reason: request.reason, requestId: request.id,
      requestedBy: request.requestedBy, approvedBy: ctx.actor.id,
    });
  }
  await closeRequest(tx, { workspaceId: ctx.workspace.id, id: request.id, status: 'approved', comment, appliedFrom });
  const entity = request.kind === 'price_list' ? 'price_list' : 'product';
  const entityId = request.priceListId ?? request.productId!;
  await appendAudit(tx, ctx, { entity, entityId, action: 'price_change_applied', before: s.from, after: { requestId: request.id, approvalId, appliedFrom, to: s.to, lines: s.lines } });
  await emitEvent(tx, ctx.workspace.id, { topic: 'price.changed', payload: { requestId: request.id, kind: request.kind, productId: request.productId, priceListId: request.priceListId, appliedFrom, approvalId } });
}

async function closeUnapplied(tx: Tx, ctx: CommandContext, s: PriceChangeSnapshot, status: 'rejected' | 'returned', comment: string | null) {
  const closed = await closeRequest(tx, { workspaceId: ctx.workspace.id, id: s.requestId, status, comment });
  if (closed) {
    await appendAudit(tx, ctx, { entity: closed.priceListId ? 'price_list' : 'product', entityId: closed.priceListId ?? closed.productId!, action: `price_change_${status}`, after: { requestId: closed.id, comment } });
  }
}

registerApprovalSubject(PRICE_CHANGE_DOCUMENT, {
  defaultFlow: {
    name: '调价审批',
    steps: [
      { label: '销售副总审核', approver: { role: 'sales_vp' }, when: { flag: 'salesVpReviews' } },
      { label: '财务成本审核', approver: { role: 'finance' } },
      { label: '总经理审批', approver: { role: 'gm' } },
    ],
  },
  link: (requestId) => `/price-changes/${requestId}`,
  // the approval is open to roles that see no costs (warehouse, customer service see every approval in scope)
  redactSnapshot(snapshot, permissions) {
    if (permissions.has('product:read_cost')) return snapshot;
    const s = snapshot as unknown as PriceChangeSnapshot;
    const mask = (v: PriceValues | null) => (v ? { ...v, cost: null } : null);
    return { ...snapshot, from: mask(s.from), to: mask(s.to) };
  },
  async onApproved(tx, ctx, outcome) { await applyPriceChange(tx, ctx, outcome.snapshot as unknown as PriceChangeSnapshot, outcome.approvalId, outcome.comment); },
  async onRejected(tx, ctx, outcome) { await closeUnapplied(tx, ctx, outcome.snapshot as unknown as PriceChangeSnapshot, 'rejected', outcome.comment); },
  async onReturned(tx, ctx, outcome) { await closeUnapplied(tx, ctx, outcome.snapshot as unknown as PriceChangeSnapshot, 'returned', outcome.comment); },
});
