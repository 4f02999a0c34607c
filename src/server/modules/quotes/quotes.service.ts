import type { CreateContractBody } from '../../../shared/contracts/contracts.contract.js';
import type {
  ApprovalLevel, ApprovalReason, CreateQuoteBody, EvaluateQuoteBody, EvaluationDto, QuoteDto, QuoteListQuery, QuoteSummaryDto,
  StoredQuoteStatus, UpdateQuoteBody,
} from '../../../shared/contracts/quotes.contract.js';
import { addDays, daysBetween, todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, invalidField, notFound, type ErrorDetail } from '../../../shared/errors.js';
import { money, type Money } from '../../../shared/money.js';
import { registerApprovalSubject, type ApprovalOutcome } from '../../platform/approvals/approvals.registry.js';
import { approvalsOf, cancelApprovalsOf, submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Database, Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeIdCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { allocateNumber } from '../../platform/numbering/numbering.service.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { createContract } from '../contracts/index.js';
import { customerAccess } from '../customers/index.js';
import { effectivePriceOf } from '../products/index.js';
import {
  contactCustomer, decideQuote, findQuoteInScope, insertQuote, insertRevision, listQuoteRows, listRevisions, namesFor, opportunityCustomer,
  setQuoteApproval, updateQuote as writeQuote, type QuoteRow,
} from './quotes.repository.js';
import {
  approvalLevelFor, approvalReasonsFor, documentTotals, editEffect, effectiveStatus, MAX_TOTAL, nextStatus, paymentPlanFrom, priceLines,
  QUOTE_FLOW_STEPS, stepsFor, validateQuote, type LinePrices, type QuoteLine,
} from './quotes.rules.js';

/** Approval document type of a quote review (报价审批); the approval's subject is the quote. */
export const QUOTE_DOCUMENT = 'quote';

const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
const has = (ctx: CommandContext, permission: string) => ctx.actor.permissions.has(permission);
type Lines = CreateQuoteBody['lines'];

async function quoteLimits(db: Executor, ctx: CommandContext) {
  const p = await readPolicies(db, ctx.workspace.id);
  return {
    repDiscountLimitPercent: String(p['quotes.repDiscountLimitPercent']),
    supervisorMaxAmount: money.format(p['quotes.supervisorMaxAmount']),
    managerMaxAmount: money.format(p['quotes.managerMaxAmount']),
  };
}

const fieldErrors = (errors: ErrorDetail[]) => new AppError('VALIDATION_FAILED', 'errors.validation', { fields: errors.map((e) => e.path) }, errors);

/** Lines priced with the shared arithmetic and checked (field errors → 400 naming the field). Nothing is written before this passes. */
function priceAndCheck(input: { quoteDate: IsoDate; validUntil: IsoDate; lines: Lines; paymentTerms?: { prepaymentPct: string } }) {
  const errors = validateQuote(input);
  if (errors.length > 0) throw fieldErrors(errors);
  const priced = priceLines(input.lines);
  const totals = documentTotals(priced.lines);
  if (money.compare(totals.total, 0) <= 0) throw invalidField('lines', 'errors.quoteTotalPositive');
  if (money.compare(totals.listAmount, MAX_TOTAL) > 0) throw invalidField('lines', 'errors.quoteTotalTooLarge', { max: MAX_TOTAL });
  return { lines: priced.lines, totals };
}

interface CatalogueLine extends LinePrices { cost: Money | null }

/**
 * The customer's effective prices of the catalogue lines on the quote date (price list of the customer's
 * value class, else the list price), one lookup per distinct product. Unknown or unquotable product → 400.
 */
async function cataloguePrices(db: Executor, ctx: CommandContext, lines: Lines, customerClass: string, date: IsoDate): Promise<(CatalogueLine | null)[]> {
  const byProduct = new Map<string, Awaited<ReturnType<typeof effectivePriceOf>>>();
  for (const id of new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))) {
    byProduct.set(id, await effectivePriceOf(db, { workspaceId: ctx.workspace.id, productId: id, date, customerClass }));
  }
  const errors: ErrorDetail[] = [];
  const prices = lines.map((l, i): CatalogueLine | null => {
    if (!l.productId) return null;
    const found = byProduct.get(l.productId);
    if (!found) { errors.push({ path: `lines.${i}.productId`, message: 'errors.unknownReference', params: { entity: 'product' } }); return null; }
    if (!found.isQuotable || !found.price || !found.floorPrice || !found.floatRange) { errors.push({ path: `lines.${i}.productId`, message: 'errors.productNotQuotable' }); return null; }
    return { price: found.price, floorPrice: found.floorPrice, floatRange: found.floatRange, cost: found.cost };
  });
  if (errors.length > 0) throw fieldErrors(errors);
  return prices;
}

/** Totals, exception reasons and the approval level of a set of lines for a customer (the rules over the catalogue). */
async function evaluateLines(db: Executor, ctx: CommandContext, p: { lines: Lines; quoteDate: IsoDate; validUntil: IsoDate; customerClass: string; paymentTerms?: { prepaymentPct: string } }) {
  const priced = priceAndCheck(p);
  const prices = await cataloguePrices(db, ctx, p.lines, p.customerClass, p.quoteDate);
  const limits = await quoteLimits(db, ctx);
  const reasons = approvalReasonsFor(priced.lines, prices, priced.totals, limits.repDiscountLimitPercent);
  const level = approvalLevelFor(reasons.length > 0, priced.totals.total, limits);
  return { ...priced, prices, reasons, level, limits };
}

async function requireCustomer(db: Executor, ctx: CommandContext, customerId: string) {
  const customer = await customerAccess(db, ctx, customerId);
  if (!customer || !(customer.viaScope || customer.collaboration === 'write')) throw notFound('customer');
  return customer.row;
}

async function assertLinks(db: Executor, ctx: CommandContext, p: { opportunityId?: string | null; contactId?: string | null; customerId: string }) {
  if (p.opportunityId) {
    const of = await opportunityCustomer(db, ctx.workspace.id, p.opportunityId);
    if (!of) throw invalidField('opportunityId', 'errors.unknownReference', { entity: 'opportunity' });
    if (of !== p.customerId) throw invalidField('opportunityId', 'errors.opportunityOfOtherCustomer');
  }
  if (p.contactId) {
    const of = await contactCustomer(db, ctx.workspace.id, p.contactId);
    if (!of) throw invalidField('contactId', 'errors.unknownReference', { entity: 'contact' });
    if (of !== p.customerId) throw invalidField('contactId', 'errors.contactOfOtherCustomer');
  }
}

const statusOf = (row: QuoteRow, asOf: IsoDate) => effectiveStatus(row.status as StoredQuoteStatus, row.validUntil, asOf);
const totalsOf = (row: QuoteRow) => documentTotals(row.lines as QuoteLine[]);

function toSummary(row: QuoteRow, names: Awaited<ReturnType<typeof namesFor>>, asOf: IsoDate): QuoteSummaryDto {
  const deal = row.opportunityId ? names.opportunities.get(row.opportunityId) : undefined;
  return {
    id: row.id, number: row.number, revision: row.revision,
    customer: { id: row.customerId, name: names.customers.get(row.customerId)?.name ?? '—' },
    opportunity: deal ? { id: deal.id, name: deal.name, number: deal.number } : null,
    owner: { id: row.ownerId, name: names.users.get(row.ownerId)?.name ?? '—' },
    status: statusOf(row, asOf), total: row.total, quoteDate: row.quoteDate, validUntil: row.validUntil,
    needsExceptionApproval: (row.approvalReasons as ApprovalReason[]).length > 0,
    updatedAt: row.updatedAt.toISOString(), version: row.version,
  };
}

interface RevisionSnapshot extends Omit<QuoteRow, 'createdAt' | 'updatedAt' | 'revisedAt' | 'sentAt' | 'decidedAt'> { revisedAt: string }

async function toDto(ctx: CommandContext, row: QuoteRow): Promise<QuoteDto> {
  const asOf = todayOf(ctx);
  const revisions = await listRevisions(ctx.db, ctx.workspace.id, row.id);
  const snapshots = revisions.map((r) => ({ row: r, s: r.snapshot as RevisionSnapshot }));
  const names = await namesFor(ctx.db, ctx.workspace.id, [row], [row.revisedBy, ...snapshots.flatMap(({ row: r, s }) => [r.supersededBy, s.revisedBy])]);
  const person = (id: string) => ({ id, name: names.users.get(id)?.name ?? '—' });
  const status = row.status as StoredQuoteStatus;
  const isExpired = statusOf(row, asOf) === 'expired';
  const contact = row.contactId ? names.contacts.get(row.contactId) : undefined;
  return {
    ...toSummary(row, names, asOf),
    contact: contact ? { id: contact.id, name: contact.name } : null,
    lines: row.lines as QuoteLine[],
    totals: totalsOf(row),
    paymentTerms: { prepaymentPct: money.parse(row.prepaymentPct).toString(), balanceDays: row.balanceDays, text: row.paymentText },
    deliveryTerms: row.deliveryTerms, notes: row.notes,
    approvalReasons: row.approvalReasons as ApprovalReason[], approvalLevel: row.approvalLevel as ApprovalLevel, approvalId: row.approvalId,
    approvals: await approvalsOf(ctx, QUOTE_DOCUMENT, row.id),
    revisions: snapshots.map(({ row: r, s }) => ({
      revision: r.revision, status: effectiveStatus(s.status as StoredQuoteStatus, s.validUntil, r.createdAt.toISOString().slice(0, 10)),
      total: s.total, validUntil: s.validUntil, lines: s.lines as QuoteLine[], approvalId: s.approvalId,
      revisedBy: person(s.revisedBy), revisedAt: s.revisedAt, supersededBy: person(r.supersededBy), supersededAt: r.createdAt.toISOString(),
    })),
    sentAt: row.sentAt?.toISOString() ?? null, decidedAt: row.decidedAt?.toISOString() ?? null, declineReason: row.declineReason, contractId: row.contractId,
    canEdit: has(ctx, 'quote:update') && editEffect(status) !== null,
    canSubmit: has(ctx, 'quote:submit') && nextStatus(status, 'submit') !== null && !isExpired,
    canSend: has(ctx, 'quote:send') && nextStatus(status, 'send') !== null && !isExpired,
    canAccept: has(ctx, 'quote:accept') && nextStatus(status, 'accept') !== null && !isExpired,
    createdAt: row.createdAt.toISOString(),
  };
}

async function requireQuote(db: Executor, ctx: CommandContext, id: string, opts: { forUpdate?: boolean } = {}): Promise<QuoteRow> {
  const row = await findQuoteInScope(db, ctx.workspace.id, await visibleOwners(db, ctx), id, opts);
  if (!row) throw notFound('quote');
  return row;
}

/** One quote in the caller's data scope with lines, totals, approval reasons, approvals and earlier revisions. */
export async function getQuote(ctx: CommandContext, id: string): Promise<QuoteDto> {
  return toDto(ctx, await requireQuote(ctx.db, ctx, id));
}

/** Quotes of the caller's data scope (by owner), newest first, filtered by status (expired included), customer, opportunity and owner. */
export async function listQuotes(ctx: CommandContext, q: QuoteListQuery) {
  const asOf = todayOf(ctx);
  const rows = await listQuoteRows(ctx.db, {
    workspaceId: ctx.workspace.id, owners: await visibleOwners(ctx.db, ctx), status: q.status, customerId: q.customerId, opportunityId: q.opportunityId,
    ownerId: q.ownerId === 'me' ? ctx.actor.id : q.ownerId, q: q.q, asOf, beforeId: decodeIdCursor(q.cursor), limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  const names = await namesFor(ctx.db, ctx.workspace.id, page.items);
  return { items: page.items.map((r) => toSummary(r, names, asOf)), nextCursor: page.nextCursor };
}

/** Dry run for the quote builder: totals, approval reasons and the steps a submission would take. Writes nothing. */
export async function evaluateQuote(ctx: CommandContext, input: EvaluateQuoteBody): Promise<EvaluationDto> {
  const customer = await requireCustomer(ctx.db, ctx, input.customerId);
  const quoteDate = input.quoteDate ?? todayOf(ctx);
  const e = await evaluateLines(ctx.db, ctx, { lines: input.lines, quoteDate, validUntil: quoteDate, customerClass: customer.valueClass });
  return { totals: e.totals, lineAmounts: e.lines.map((l) => l.amount), approvalReasons: e.reasons, approvalLevel: e.level, steps: stepsFor(e.level) };
}

const termsOf = (input: Pick<CreateQuoteBody, 'paymentTerms'>) => ({
  prepaymentPct: money.parse(input.paymentTerms.prepaymentPct).toString(), balanceDays: input.paymentTerms.balanceDays, paymentText: input.paymentTerms.text ?? null,
});

async function insertNewQuote(tx: Tx, ctx: CommandContext, input: CreateQuoteBody, copiedFrom: string | null): Promise<QuoteRow> {
  const quoteDate = input.quoteDate ?? todayOf(ctx);
  const customer = await requireCustomer(tx, ctx, input.customerId);
  await assertLinks(tx, ctx, input);
  const e = await evaluateLines(tx, ctx, { ...input, quoteDate, customerClass: customer.valueClass });
  const number = await allocateNumber(tx, ctx.workspace, QUOTE_DOCUMENT);
  const row = await insertQuote(tx, {
    workspaceId: ctx.workspace.id, number, customerId: input.customerId, opportunityId: input.opportunityId ?? null, contactId: input.contactId ?? null,
    quoteDate, validUntil: input.validUntil, lines: e.lines, listAmount: e.totals.listAmount, discountAmount: e.totals.discountAmount,
    taxAmount: e.totals.taxAmount, total: e.totals.total, ...termsOf(input), deliveryTerms: input.deliveryTerms ?? null, notes: input.notes ?? null,
    approvalReasons: e.reasons, approvalLevel: e.level, status: 'draft', ownerId: ctx.actor.id, createdBy: ctx.actor.id, revisedBy: ctx.actor.id, copiedFrom,
  });
  await appendAudit(tx, ctx, { entity: 'quote', entityId: row.id, action: copiedFrom ? 'copy' : 'create', after: row });
  return row;
}

/** Drafts a quote (numbered BJ<yyyyMM>-0001) for a customer in the caller's scope (else 404); totals and approval reasons are computed here. */
export async function createQuote(ctx: CommandContext, input: CreateQuoteBody): Promise<QuoteDto> {
  priceAndCheck({ ...input, quoteDate: input.quoteDate ?? todayOf(ctx) });
  const row = await ctx.db.transaction((tx) => insertNewQuote(tx, ctx, input, null));
  return getQuote(ctx, row.id);
}

/**
 * Edits a quote at the version read (domain §17, approval loopholes closed): a draft stays a draft; a
 * quote in review is re-opened to draft and its pending approval cancelled; an approved or sent quote
 * is kept as revision n (full snapshot) and becomes revision n + 1 in draft, its approval cancelled —
 * any change of price or discount therefore needs approval again. Accepted or declined quotes are closed.
 */
export async function updateQuote(ctx: CommandContext, id: string, input: UpdateQuoteBody): Promise<QuoteDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireQuote(tx, ctx, id, { forUpdate: true });
    if (row.version !== input.version) throw conflict();
    const effect = editEffect(row.status as StoredQuoteStatus);
    if (!effect) throw new AppError('RULE_VIOLATION', 'errors.quoteNotEditable');
    const quoteDate = input.quoteDate ?? row.quoteDate;
    const customer = await requireCustomer(tx, ctx, row.customerId);
    await assertLinks(tx, ctx, { ...input, customerId: row.customerId });
    const e = await evaluateLines(tx, ctx, { ...input, quoteDate, customerClass: customer.valueClass });
    const cancelled = effect === 'none' ? [] : await cancelApprovalsOf(tx, ctx, QUOTE_DOCUMENT, id, 'quote_edited');
    if (effect === 'revise') {
      const { createdAt: _c, updatedAt: _u, sentAt: _s, decidedAt: _d, ...kept } = row;
      await insertRevision(tx, { workspaceId: ctx.workspace.id, quoteId: id, revision: row.revision, snapshot: { ...kept, revisedAt: row.revisedAt.toISOString() }, supersededBy: ctx.actor.id });
    }
    const updated = await writeQuote(tx, {
      workspaceId: ctx.workspace.id, id, expectedVersion: input.version,
      set: {
        opportunityId: input.opportunityId ?? null, contactId: input.contactId ?? null, quoteDate, validUntil: input.validUntil,
        lines: e.lines, listAmount: e.totals.listAmount, discountAmount: e.totals.discountAmount, taxAmount: e.totals.taxAmount, total: e.totals.total,
        ...termsOf(input), deliveryTerms: input.deliveryTerms ?? null, notes: input.notes ?? null, approvalReasons: e.reasons, approvalLevel: e.level,
        status: 'draft',
        ...(effect === 'none' ? {} : { approvalId: null }),
        ...(effect === 'revise' ? { revision: row.revision + 1, revisedBy: ctx.actor.id, revisedAt: new Date(), sentAt: null } : {}),
      },
    });
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, {
      entity: 'quote', entityId: id, action: effect === 'revise' ? 'revise' : effect === 'reopen' ? 'update_reopen' : 'update',
      before: row, after: { ...updated, cancelledApprovals: cancelled },
    });
    if (cancelled.length > 0) {
      await emitEvent(tx, ctx.workspace.id, { topic: 'quote.reopened', payload: { quoteId: id, number: row.number, revision: updated.revision, cancelledApprovals: cancelled, by: ctx.actor.id } });
    }
  });
  return getQuote(ctx, id);
}

const expired = (row: QuoteRow, ctx: CommandContext) => new AppError('RULE_VIOLATION', 'errors.quoteExpired', { validUntil: row.validUntil, today: todayOf(ctx) });

/**
 * Sends a draft for approval: the sales supervisor and then the sales manager review it; an exception
 * quote (below floor, outside the float range, discount above the rep's limit) whose total is above
 * policy quotes.managerMaxAmount also goes to the sales VP. Prices are checked again now; the approver
 * sees the values frozen in the snapshot (costs hidden from who may not see them). Neither the submitter
 * nor the quote's owner approves it; a step landing on them goes one level up.
 */
export async function submitQuote(ctx: CommandContext, id: string, input: { version: number }): Promise<QuoteDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireQuote(tx, ctx, id, { forUpdate: true });
    if (row.version !== input.version) throw conflict();
    const to = nextStatus(row.status as StoredQuoteStatus, 'submit');
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.quoteNotSubmittable');
    if (row.validUntil < todayOf(ctx)) throw expired(row, ctx);
    const names = await namesFor(tx, ctx.workspace.id, [row]);
    const customer = names.customers.get(row.customerId);
    const lines = row.lines as QuoteLine[];
    const e = await evaluateLines(tx, ctx, { lines, quoteDate: row.quoteDate, validUntil: row.validUntil, customerClass: customer?.valueClass ?? 'C' });
    const claimed = await writeQuote(tx, {
      workspaceId: ctx.workspace.id, id, expectedVersion: input.version, set: { status: to, submittedBy: ctx.actor.id, approvalReasons: e.reasons, approvalLevel: e.level },
    });
    if (!claimed) throw conflict();
    const { approvalId } = await submitForApproval(tx, ctx, {
      documentType: QUOTE_DOCUMENT, subjectId: id,
      title: `报价审批：${customer?.name ?? ''}（${row.number} 第${row.revision}版）${row.total}`,
      snapshot: {
        quoteId: id, number: row.number, revision: row.revision, customerName: customer?.name ?? '', quoteDate: row.quoteDate, validUntil: row.validUntil,
        lines: lines.map((l, i) => ({ ...l, unitCost: e.prices[i]?.cost ?? null, effectivePrice: e.prices[i]?.price ?? null, floorPrice: e.prices[i]?.floorPrice ?? null })),
        totals: e.totals, total: e.totals.total, approvalReasons: e.reasons, approvalLevel: e.level, needsVp: e.level === 'vp', ...e.limits,
        paymentTerms: { prepaymentPct: money.parse(row.prepaymentPct).toString(), balanceDays: row.balanceDays, text: row.paymentText }, deliveryTerms: row.deliveryTerms,
      },
      excludedUserIds: [row.ownerId],
    });
    await setQuoteApproval(tx, ctx.workspace.id, id, approvalId);
    await appendAudit(tx, ctx, { entity: 'quote', entityId: id, action: 'submit', before: { status: row.status }, after: { status: to, approvalId, approvalReasons: e.reasons, approvalLevel: e.level } });
  });
  return getQuote(ctx, id);
}

/** Records that an approved, still valid quote went to the customer (已发送). */
export async function sendQuote(ctx: CommandContext, id: string, input: { version: number }): Promise<QuoteDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireQuote(tx, ctx, id, { forUpdate: true });
    if (row.version !== input.version) throw conflict();
    const to = nextStatus(row.status as StoredQuoteStatus, 'send');
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.quoteNotApproved');
    if (row.validUntil < todayOf(ctx)) throw expired(row, ctx);
    const sent = await writeQuote(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: input.version, set: { status: to, sentAt: new Date() } });
    if (!sent) throw conflict();
    await appendAudit(tx, ctx, { entity: 'quote', entityId: id, action: 'send', before: { status: row.status }, after: { status: to, revision: row.revision } });
  });
  return getQuote(ctx, id);
}

/**
 * The customer accepts a sent, unexpired quote: in the same transaction a contract is drafted from it
 * (its lines, customer, opportunity, and a payment plan from the payment terms that adds up to the total).
 */
export async function acceptQuote(ctx: CommandContext, id: string, input: { version: number; contractDate?: IsoDate; title?: string }): Promise<{ quote: QuoteDto; contractId: string }> {
  const contractId = await ctx.db.transaction(async (tx) => {
    const row = await requireQuote(tx, ctx, id, { forUpdate: true });
    if (row.version !== input.version) throw conflict();
    const to = nextStatus(row.status as StoredQuoteStatus, 'accept');
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.quoteNotSent');
    if (row.validUntil < todayOf(ctx)) throw expired(row, ctx);
    const names = await namesFor(tx, ctx.workspace.id, [row]);
    const customerName = names.customers.get(row.customerId)?.name ?? '';
    const contractDate = input.contractDate ?? todayOf(ctx);
    const lines = row.lines as QuoteLine[];
    const body: CreateContractBody = {
      customerId: row.customerId, opportunityId: row.opportunityId,
      title: input.title ?? `${customerName} ${row.number}`, buyerParty: customerName, sellerParty: ctx.workspace.name, contractDate,
      lines: lines.map((l) => ({ productId: l.productId, description: l.description, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct, taxRate: l.taxRate })),
      paymentPlan: paymentPlanFrom(row.total, { prepaymentPct: row.prepaymentPct, balanceDays: row.balanceDays }, contractDate),
      deliveryTerms: row.deliveryTerms,
    };
    // the contract is drafted inside this transaction (a savepoint): both are written or neither
    const contract = await createContract({ ...ctx, db: tx as unknown as Database }, body, { quoteId: row.id });
    const accepted = await writeQuote(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: input.version, set: { status: to, decidedAt: new Date(), contractId: contract.id } });
    if (!accepted) throw conflict();
    await appendAudit(tx, ctx, { entity: 'quote', entityId: id, action: 'accept', before: { status: row.status }, after: { status: to, contractId: contract.id } });
    await emitEvent(tx, ctx.workspace.id, { topic: 'quote.accepted', payload: { quoteId: id, number: row.number, contractId: contract.id, total: row.total, by: ctx.actor.id } });
    return contract.id;
  });
  return { quote: await getQuote(ctx, id), contractId };
}

/** The customer declines a sent quote (客户拒绝), with the reason. */
export async function declineQuote(ctx: CommandContext, id: string, input: { version: number; reason: string }): Promise<QuoteDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireQuote(tx, ctx, id, { forUpdate: true });
    if (row.version !== input.version) throw conflict();
    const to = nextStatus(row.status as StoredQuoteStatus, 'decline');
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.quoteNotSent');
    const done = await writeQuote(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: input.version, set: { status: to, decidedAt: new Date(), declineReason: input.reason } });
    if (!done) throw conflict();
    await appendAudit(tx, ctx, { entity: 'quote', entityId: id, action: 'decline', before: { status: row.status }, after: { status: to, reason: input.reason } });
  });
  return getQuote(ctx, id);
}

/**
 * Copies a quote into a new draft of the caller (revision 1, new number, dated today with the same
 * validity span, prices checked again). The copy carries no approval: it must be submitted on its own (domain §17).
 */
export async function copyQuote(ctx: CommandContext, id: string): Promise<QuoteDto> {
  const row = await ctx.db.transaction(async (tx) => {
    const source = await requireQuote(tx, ctx, id);
    const quoteDate = todayOf(ctx);
    const lines = (source.lines as QuoteLine[]).map((l) => ({ productId: l.productId, description: l.description, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct, taxRate: l.taxRate }));
    return insertNewQuote(tx, ctx, {
      customerId: source.customerId, opportunityId: source.opportunityId, contactId: source.contactId,
      quoteDate, validUntil: addDays(quoteDate, Math.max(0, daysBetween(source.quoteDate, source.validUntil))), lines,
      paymentTerms: { prepaymentPct: money.parse(source.prepaymentPct).toString(), balanceDays: source.balanceDays, text: source.paymentText },
      deliveryTerms: source.deliveryTerms, notes: source.notes,
    }, source.id);
  });
  return getQuote(ctx, row.id);
}

/** The quote as the print model's values (for the PDF), within the caller's data scope. */
export async function quotePrintData(ctx: CommandContext, id: string) {
  const row = await requireQuote(ctx.db, ctx, id);
  const names = await namesFor(ctx.db, ctx.workspace.id, [row]);
  return {
    row, totals: totalsOf(row), companyName: ctx.workspace.name,
    customer: names.customers.get(row.customerId) ?? null, contact: row.contactId ? names.contacts.get(row.contactId) ?? null : null,
    owner: names.users.get(row.ownerId) ?? null,
  };
}

type Decided = 'approved' | 'rejected' | 'returned';
function recordDecision(decision: Decided) {
  return async (tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome) => {
    const row = await decideQuote(tx, ctx.workspace.id, outcome.subjectId, outcome.approvalId, decision === 'approved' ? 'approved' : 'draft');
    if (!row) return; // no longer in review under this approval: an edit re-opened it and cancelled the approval
    await appendAudit(tx, ctx, {
      entity: 'quote', entityId: row.id, action: decision === 'approved' ? 'approve' : decision === 'rejected' ? 'reject' : 'return',
      before: { status: 'in_review' }, after: { status: row.status, approvalId: outcome.approvalId, comment: outcome.comment },
    });
  };
}

registerApprovalSubject(QUOTE_DOCUMENT, {
  defaultFlow: { name: '报价审批', steps: QUOTE_FLOW_STEPS },
  link: (quoteId) => `/quotes/${quoteId}`,
  // unit costs are for finance and sales managers and above (product:read_cost), as in the catalogue
  redactSnapshot(snapshot, permissions) {
    if (permissions.has('product:read_cost')) return snapshot;
    const lines = (snapshot.lines as Record<string, unknown>[] | undefined) ?? [];
    return { ...snapshot, lines: lines.map((l) => ({ ...l, unitCost: null })) };
  },
  onApproved: recordDecision('approved'),
  onRejected: recordDecision('rejected'),
  onReturned: recordDecision('returned'),
});
