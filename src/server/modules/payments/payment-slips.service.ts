import type { FilePaymentSlipBody, PaymentSlipDto, PaymentSlipListQuery, ResubmitPaymentSlipBody } from '../../../shared/contracts/payments.contract.js';
import { todayIn } from '../../../shared/dates.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { submitForApproval } from '../../platform/approvals/approvals.service.js';
import { registerApprovalSubject, type ApprovalOutcome } from '../../platform/approvals/approvals.registry.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { decisionComments, findLineInScope, findSlipInScope, insertSlip, listSlipRows, slipNames, updateSlip } from './payment-slips.repository.js';
import { nextSlipStatus, validateSlip, type SlipStatus } from './payment-slips.rules.js';
import type { PaymentSlipRow } from './payments.schema.js';
import { recordPaymentIn } from './payments.service.js';

export const PAYMENT_SLIP_DOCUMENT = 'payment_slip';

async function toDtos(db: Executor, ctx: CommandContext, rows: readonly PaymentSlipRow[]): Promise<PaymentSlipDto[]> {
  const names = await slipNames(db, ctx.workspace.id, rows);
  const comments = await decisionComments(db, ctx.workspace.id, rows.filter((r) => r.status === 'draft' || r.status === 'rejected').map((r) => r.approvalId).filter((x): x is string => x !== null));
  return rows.map((r) => ({
    id: r.id, receivableId: r.receivableId, contract: { id: r.contractId, number: names.contracts.get(r.contractId) ?? '—' },
    customer: { id: r.customerId, name: names.customers.get(r.customerId) ?? '—' }, owner: { id: r.ownerId, name: names.users.get(r.ownerId) ?? '—' },
    amount: r.amount, receivedOn: r.receivedOn, method: r.method as PaymentSlipDto['method'], reference: r.reference, note: r.note,
    status: r.status as SlipStatus, approvalId: r.approvalId, decisionComment: (r.approvalId && comments.get(r.approvalId)) ?? null, paymentId: r.paymentId, filedBy: { id: r.filedBy, name: names.users.get(r.filedBy) ?? '—' },
    createdAt: r.createdAt.toISOString(), version: r.version,
  }));
}

async function requireSlip(db: Executor, ctx: CommandContext, id: string, opts: { forUpdate?: boolean } = {}) {
  const row = await findSlipInScope(db, ctx.workspace.id, await visibleOwners(db, ctx), id, opts);
  if (!row) throw notFound('payment_slip');
  return row;
}

export async function getPaymentSlip(ctx: CommandContext, id: string): Promise<PaymentSlipDto> {
  return (await toDtos(ctx.db, ctx, [await requireSlip(ctx.db, ctx, id)]))[0]!;
}

/** Starts an approval round for the slip (sales manager by default) and links it; an empty flow approves at once. */
async function sendForApproval(tx: Tx, ctx: CommandContext, slip: PaymentSlipRow, contractNumber: string, outstanding: string) {
  const [dto] = await toDtos(tx, ctx, [slip]);
  const { approvalId, status } = await submitForApproval(tx, ctx, {
    documentType: PAYMENT_SLIP_DOCUMENT, subjectId: slip.id,
    title: `缴款单：${dto!.customer.name} 预付款 ${slip.amount}（${contractNumber}，${slip.receivedOn} 到账）`,
    snapshot: { paymentSlipId: slip.id, contractNumber, customerName: dto!.customer.name, amount: slip.amount, receivedOn: slip.receivedOn, method: slip.method, reference: slip.reference, outstanding },
  });
  await updateSlip(tx, ctx.workspace.id, slip.id, {}, { approvalId, ...(status === 'approved' ? { status: 'approved' } : {}) });
  return approvalId;
}

/**
 * The rep files a payment slip (缴款单, domain §11.2) once the prepayment has arrived: for a
 * prepayment line in their scope, at most what is still owed, not dated in the future. It goes to the
 * sales manager for approval at once (document type payment_slip).
 */
export async function filePaymentSlip(ctx: CommandContext, input: FilePaymentSlipBody): Promise<PaymentSlipDto> {
  const id = await ctx.db.transaction(async (tx) => {
    const line = await findLineInScope(tx, ctx.workspace.id, await visibleOwners(tx, ctx), input.receivableId);
    if (!line) throw notFound('receivable');
    const outstanding = money.sub(line.amount, line.received);
    const errors = validateSlip({ kind: line.kind, status: line.status, outstanding, amount: input.amount, receivedOn: input.receivedOn, today: todayIn(ctx.workspace.timeZone), contractNumber: line.contractNumber });
    if (errors.length > 0) throw new AppError('RULE_VIOLATION', errors[0]!.message, errors[0]!.params ?? {}, errors);
    const slip = await insertSlip(tx, {
      workspaceId: ctx.workspace.id, receivableId: line.id, contractId: line.contractId, customerId: line.customerId, ownerId: line.ownerId,
      amount: money.format(input.amount), receivedOn: input.receivedOn, method: input.method, reference: input.reference ?? null, note: input.note ?? null,
      status: 'in_review', filedBy: ctx.actor.id,
    });
    const approvalId = await sendForApproval(tx, ctx, slip, line.contractNumber, outstanding);
    await appendAudit(tx, ctx, { entity: 'payment_slip', entityId: slip.id, action: 'file', after: { ...slip, approvalId } });
    return slip.id;
  });
  return getPaymentSlip(ctx, id);
}

/**
 * The filer corrects a slip the sales manager returned (status draft) and sends it for a new approval
 * round, at the version read — the same convention as a returned contract or quote: the returned round
 * stays in the approval history, the slip points at the new one. Only the filer (others in scope: 403),
 * only a returned slip (422 errors.slipNotReturned; a rejected slip is final: file a new one), the same
 * checks as filing on the amount and the day.
 */
export async function resubmitPaymentSlip(ctx: CommandContext, id: string, input: ResubmitPaymentSlipBody): Promise<PaymentSlipDto> {
  await ctx.db.transaction(async (tx) => {
    const slip = await requireSlip(tx, ctx, id, { forUpdate: true });
    if (slip.filedBy !== ctx.actor.id) throw forbidden('errors.slipNotFiler');
    if (slip.version !== input.version) throw conflict();
    const to = nextSlipStatus(slip.status as SlipStatus, 'resubmit');
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.slipNotReturned', { status: slip.status }, [{ path: 'version', message: 'errors.slipNotReturned', params: { status: slip.status } }]);
    const line = await findLineInScope(tx, ctx.workspace.id, await visibleOwners(tx, ctx), slip.receivableId);
    if (!line) throw notFound('receivable');
    const outstanding = money.sub(line.amount, line.received);
    const errors = validateSlip({ kind: line.kind, status: line.status, outstanding, amount: input.amount, receivedOn: input.receivedOn, today: todayIn(ctx.workspace.timeZone), contractNumber: line.contractNumber });
    if (errors.length > 0) throw new AppError('RULE_VIOLATION', errors[0]!.message, errors[0]!.params ?? {}, errors);
    const updated = await updateSlip(tx, ctx.workspace.id, id, { version: input.version, status: 'draft' }, {
      amount: money.format(input.amount), receivedOn: input.receivedOn, method: input.method, reference: input.reference ?? null, note: input.note ?? null, status: to,
    });
    if (!updated) throw conflict();
    const approvalId = await sendForApproval(tx, ctx, updated, line.contractNumber, outstanding);
    await appendAudit(tx, ctx, { entity: 'payment_slip', entityId: id, action: 'resubmit', before: slip, after: { ...updated, approvalId, previousApprovalId: slip.approvalId } });
  });
  return getPaymentSlip(ctx, id);
}

/**
 * Finance records an approved slip: a payment of the slip's amount on its day, allocated to the
 * prepayment line (same rules as POST /payments), in one transaction; the slip becomes recorded.
 */
export async function recordPaymentSlip(ctx: CommandContext, id: string, input: { version: number }): Promise<PaymentSlipDto> {
  await ctx.db.transaction(async (tx) => {
    const slip = await requireSlip(tx, ctx, id, { forUpdate: true });
    if (slip.version !== input.version) throw conflict();
    const to = nextSlipStatus(slip.status as SlipStatus, 'record');
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.slipNotApproved', { status: slip.status });
    const paymentId = await recordPaymentIn(tx, ctx, {
      customerId: slip.customerId, amount: slip.amount, receivedOn: slip.receivedOn, method: slip.method as FilePaymentSlipBody['method'],
      reference: slip.reference ?? undefined, note: slip.note ?? undefined, allocations: [{ receivableId: slip.receivableId, amount: slip.amount }],
    });
    const updated = await updateSlip(tx, ctx.workspace.id, id, { version: input.version }, { status: to, paymentId });
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, { entity: 'payment_slip', entityId: id, action: 'record', before: { status: slip.status }, after: { status: to, paymentId } });
    await emitEvent(tx, ctx.workspace.id, { topic: 'payment_slip.recorded', payload: { paymentSlipId: id, paymentId, contractId: slip.contractId } });
  });
  return getPaymentSlip(ctx, id);
}

function slipCursor(cursor: string | undefined) {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [at, id] = key;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'errors.invalidFormat');
  return { createdAt: new Date(at), id };
}

export async function listPaymentSlips(ctx: CommandContext, q: PaymentSlipListQuery) {
  const rows = await listSlipRows(ctx.db, ctx.workspace.id, await visibleOwners(ctx.db, ctx), { status: q.status, customerId: q.customerId, after: slipCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: await toDtos(ctx.db, ctx, page.items), nextCursor: page.nextCursor };
}

function recordDecision(action: 'approve' | 'reject' | 'return') {
  return async (tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome) => {
    const to = nextSlipStatus('in_review', action)!;
    const row = await updateSlip(tx, ctx.workspace.id, outcome.subjectId, { status: 'in_review' }, { status: to });
    if (!row) return;
    await appendAudit(tx, ctx, { entity: 'payment_slip', entityId: row.id, action, before: { status: 'in_review' }, after: { status: to, approvalId: outcome.approvalId, comment: outcome.comment } });
  };
}

registerApprovalSubject(PAYMENT_SLIP_DOCUMENT, {
  defaultFlow: { name: '缴款单审批', steps: [{ label: '销售经理核准', approver: { role: 'sales_manager' } }] },
  link: () => '/collections',
  onApproved: recordDecision('approve'),
  onRejected: recordDecision('reject'),
  onReturned: recordDecision('return'),
});
