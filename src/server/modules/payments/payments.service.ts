import type {
  AllocateCreditBody, CustomerBalanceDto, PaymentDto, PaymentListQuery, PaymentSummaryDto, RecordPaymentBody, ReversePaymentBody,
} from '../../../shared/contracts/payments.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, invalidField, notFound } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { applyReceipts, openLinesOfCustomer, type OpenLineRow } from '../receivables/index.js';
import {
  allocationsOf, creditBalanceOf, findCustomer, findPaymentInScope, insertAllocations, insertPayment, listPaymentRows, markAllocationsReversed, paymentNames,
  updatePayment, type PaymentRow,
} from './payments.repository.js';
import { allocate, isReceivedOnAllowed, type AllocationResult } from './payments.rules.js';

const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);

function refusal(result: Extract<AllocationResult, { ok: false }>): AppError {
  return new AppError('RULE_VIOLATION', result.key, result.params, result.details);
}

async function toSummary(db: Executor, ctx: CommandContext, rows: readonly PaymentRow[]): Promise<PaymentSummaryDto[]> {
  const names = await paymentNames(db, ctx.workspace.id, rows);
  return rows.map((r) => ({
    id: r.id, customer: { id: r.customerId, name: names.customers.get(r.customerId) ?? '—' }, owner: { id: r.ownerId, name: names.users.get(r.ownerId) ?? '—' },
    amount: r.amount, receivedOn: r.receivedOn, method: r.method as PaymentDto['method'], reference: r.reference, note: r.note,
    allocated: r.status === 'reversed' ? '0.00' : money.sub(r.amount, r.unallocated), unallocated: r.unallocated,
    status: r.status as PaymentDto['status'], reverseReason: r.reverseReason,
    createdBy: { id: r.createdBy, name: names.users.get(r.createdBy) ?? '—' }, createdAt: r.createdAt.toISOString(), version: r.version,
  }));
}

async function toDto(db: Executor, ctx: CommandContext, row: PaymentRow): Promise<PaymentDto> {
  const [[summary], allocations] = await Promise.all([toSummary(db, ctx, [row]), allocationsOf(db, ctx.workspace.id, row.id)]);
  return {
    ...summary!,
    allocations: allocations.map((a) => ({
      id: a.id, receivableId: a.receivableId, contract: { id: a.contractId, number: a.contractNumber }, kind: a.kind as PaymentDto['allocations'][number]['kind'],
      dueDate: a.dueDate, amount: a.amount, receivedOn: a.receivedOn, isReversed: a.reversedAt !== null,
    })),
  };
}

async function requirePayment(db: Executor, ctx: CommandContext, id: string, opts: { forUpdate?: boolean } = {}) {
  const row = await findPaymentInScope(db, ctx.workspace.id, await visibleOwners(db, ctx), id, opts);
  if (!row) throw notFound('payment');
  return row;
}

const asOpenLines = (lines: readonly OpenLineRow[]) => lines.map((l) => ({
  receivableId: l.receivableId, contractNumber: l.contractNumber, kind: l.kind, dueDate: l.dueDate, planIndex: l.planIndex, outstanding: l.outstanding,
}));

/** Writes the allocations of a payment and the money onto the lines (received, status, paid_on), in the caller's transaction. */
async function writeAllocations(tx: Tx, ctx: CommandContext, payment: PaymentRow, lines: readonly OpenLineRow[], allocations: readonly { receivableId: string; amount: string }[], receivedOn: IsoDate) {
  const ownerOf = new Map(lines.map((l) => [l.receivableId, l.ownerId]));
  await insertAllocations(tx, allocations.map((a) => ({
    workspaceId: ctx.workspace.id, paymentId: payment.id, receivableId: a.receivableId, customerId: payment.customerId,
    ownerId: ownerOf.get(a.receivableId) ?? payment.ownerId, amount: a.amount, receivedOn, createdBy: ctx.actor.id,
  })));
  await applyReceipts(tx, ctx.workspace.id, allocations.map((a) => ({ receivableId: a.receivableId, amount: a.amount, receivedOn })));
}

/**
 * Records a payment received from a customer (回款登记, domain §11.1), by finance: not dated in the
 * future; matched to the customer's open lines as asked (or oldest due first); a rest only as the
 * customer's credit balance when `remainder: customer_credit` says so. The lines' received, status and
 * paid_on change in the same transaction; audited; event `payment.recorded`. Refused → nothing written.
 */
export async function recordPayment(ctx: CommandContext, input: RecordPaymentBody): Promise<PaymentDto> {
  assertReceivedOn(ctx, input.receivedOn);
  const id = await ctx.db.transaction(async (tx) => recordPaymentIn(tx, ctx, input));
  return getPayment(ctx, id);
}

/** `receivedOn` after today (workspace zone) → 422 naming receivedOn. */
export function assertReceivedOn(ctx: CommandContext, receivedOn: IsoDate) {
  const today = todayOf(ctx);
  if (!isReceivedOnAllowed(receivedOn, today)) {
    const params = { receivedOn, today };
    throw new AppError('RULE_VIOLATION', 'errors.paymentReceivedInFuture', params, [{ path: 'receivedOn', message: 'errors.paymentReceivedInFuture', params }]);
  }
}

/** recordPayment inside the caller's transaction (also used when finance records an approved payment slip); returns the payment id. */
export async function recordPaymentIn(tx: Tx, ctx: CommandContext, input: RecordPaymentBody): Promise<string> {
  const customer = await findCustomer(tx, ctx.workspace.id, input.customerId);
  if (!customer) throw notFound('customer');
  const lines = await openLinesOfCustomer(tx, ctx.workspace.id, customer.id, { forUpdate: true });
  const result = allocate({ amount: input.amount, lines: asOpenLines(lines), requested: input.allocations, remainder: input.remainder });
  if (!result.ok) throw refusal(result);
  const payment = await insertPayment(tx, {
    workspaceId: ctx.workspace.id, customerId: customer.id, ownerId: customer.ownerId ?? lines[0]?.ownerId ?? ctx.actor.id,
    amount: money.format(input.amount), receivedOn: input.receivedOn, method: input.method, reference: input.reference ?? null, note: input.note ?? null,
    unallocated: result.unallocated, status: 'recorded', createdBy: ctx.actor.id,
  });
  await writeAllocations(tx, ctx, payment, lines, result.allocations, input.receivedOn);
  await appendAudit(tx, ctx, { entity: 'payment', entityId: payment.id, action: 'record', after: { ...payment, allocations: result.allocations, auto: !input.allocations?.length } });
  await emitEvent(tx, ctx.workspace.id, {
    topic: 'payment.recorded',
    payload: { paymentId: payment.id, customerId: customer.id, amount: payment.amount, receivedOn: payment.receivedOn, unallocated: payment.unallocated, allocations: result.allocations },
  });
  return payment.id;
}

/**
 * Allocates a payment's credit balance (the unallocated rest kept as customer credit) to the
 * customer's open lines, as asked or oldest due first; the money counts as received on those lines
 * today (the day of the allocation). What is still left stays credit.
 */
export async function allocateCredit(ctx: CommandContext, paymentId: string, input: AllocateCreditBody): Promise<PaymentDto> {
  const today = todayOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const payment = await requirePayment(tx, ctx, paymentId, { forUpdate: true });
    if (payment.version !== input.version) throw conflict();
    if (payment.status !== 'recorded') throw new AppError('RULE_VIOLATION', 'errors.paymentReversed');
    if (money.compare(payment.unallocated, 0) <= 0) throw new AppError('RULE_VIOLATION', 'errors.paymentNoCredit');
    const lines = await openLinesOfCustomer(tx, ctx.workspace.id, payment.customerId, { forUpdate: true });
    const result = allocate({ amount: payment.unallocated, lines: asOpenLines(lines), requested: input.allocations, remainder: 'customer_credit' });
    if (!result.ok) throw refusal(result);
    if (result.allocations.length === 0) throw invalidField('allocations', 'errors.allocationLineNotOpen', { line: 1 });
    const updated = await updatePayment(tx, ctx.workspace.id, payment.id, payment.version, { unallocated: result.unallocated });
    if (!updated) throw conflict();
    await writeAllocations(tx, ctx, payment, lines, result.allocations, today);
    await appendAudit(tx, ctx, { entity: 'payment', entityId: payment.id, action: 'allocate_credit', before: { unallocated: payment.unallocated }, after: { unallocated: result.unallocated, allocations: result.allocations, receivedOn: today } });
    await emitEvent(tx, ctx.workspace.id, { topic: 'payment.allocated', payload: { paymentId: payment.id, customerId: payment.customerId, allocations: result.allocations, receivedOn: today } });
  });
  return getPayment(ctx, paymentId);
}

/**
 * Reverses a wrong payment (冲销), by finance with a reason: every allocation is taken back from its
 * line (received, status and paid_on restored), the credit balance it left is gone, and the payment
 * no longer counts in aging or the collection rate as of any date. A reversed payment stays listed.
 */
export async function reversePayment(ctx: CommandContext, paymentId: string, input: ReversePaymentBody): Promise<PaymentDto> {
  await ctx.db.transaction(async (tx) => {
    const payment = await requirePayment(tx, ctx, paymentId, { forUpdate: true });
    if (payment.version !== input.version) throw conflict();
    if (payment.status !== 'recorded') throw new AppError('RULE_VIOLATION', 'errors.paymentReversed');
    const taken = await markAllocationsReversed(tx, ctx.workspace.id, payment.id);
    await applyReceipts(tx, ctx.workspace.id, taken.map((a) => ({ receivableId: a.receivableId, amount: money.sub(0, a.amount), receivedOn: a.receivedOn })));
    const updated = await updatePayment(tx, ctx.workspace.id, payment.id, payment.version, {
      status: 'reversed', unallocated: '0.00', reversedAt: new Date(), reversedBy: ctx.actor.id, reverseReason: input.reason,
    });
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, { entity: 'payment', entityId: payment.id, action: 'reverse', before: payment, after: { ...updated, restored: taken.map((a) => ({ receivableId: a.receivableId, amount: a.amount })) } });
    await emitEvent(tx, ctx.workspace.id, { topic: 'payment.reversed', payload: { paymentId: payment.id, customerId: payment.customerId, reason: input.reason } });
  });
  return getPayment(ctx, paymentId);
}

/** One payment in the caller's scope with its allocations. */
export async function getPayment(ctx: CommandContext, id: string): Promise<PaymentDto> {
  return toDto(ctx.db, ctx, await requirePayment(ctx.db, ctx, id));
}

function paymentCursor(cursor: string | undefined) {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [receivedOn, id] = key;
  if (typeof receivedOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(receivedOn) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'errors.invalidFormat');
  return { receivedOn, id };
}

/** Payments in the caller's scope, newest received first: by customer, received range, with a credit balance left. */
export async function listPayments(ctx: CommandContext, q: PaymentListQuery) {
  const rows = await listPaymentRows(ctx.db, {
    workspaceId: ctx.workspace.id, owners: await visibleOwners(ctx.db, ctx), customerId: q.customerId, from: q.from, to: q.to,
    hasCredit: q.hasCredit === 'true', after: paymentCursor(q.cursor), limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.receivedOn, r.id]);
  return { items: await toSummary(ctx.db, ctx, page.items), nextCursor: page.nextCursor };
}

/** What a customer owes (open lines, of which overdue as of today) and its credit balance (unallocated payments). */
export async function customerBalance(ctx: CommandContext, customerId: string, asOf?: IsoDate): Promise<CustomerBalanceDto> {
  const day = asOf ?? todayOf(ctx);
  const lines = await openLinesOfCustomer(ctx.db, ctx.workspace.id, customerId);
  const owners = await visibleOwners(ctx.db, ctx);
  const visible = owners.kind === 'all' ? lines : lines.filter((l) => owners.ids.includes(l.ownerId));
  const customer = await findCustomer(ctx.db, ctx.workspace.id, customerId);
  if (!customer || (owners.kind !== 'all' && visible.length === 0 && !(customer.ownerId && owners.ids.includes(customer.ownerId)))) throw notFound('customer');
  const sum = (ls: readonly OpenLineRow[]) => (ls.length ? money.add(...ls.map((l) => l.outstanding)) : '0.00');
  return {
    customerId, outstanding: sum(visible), overdue: sum(visible.filter((l) => l.dueDate < day)),
    creditBalance: await creditBalanceOf(ctx.db, ctx.workspace.id, customerId), asOf: day,
  };
}
