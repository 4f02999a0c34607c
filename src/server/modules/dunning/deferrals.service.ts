import type { CreateDeferralBody, DeferralDto } from '../../../shared/contracts/dunning.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { registerApprovalSubject, type ApprovalOutcome } from '../../platform/approvals/approvals.registry.js';
import { submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { CommandContext } from '../../platform/http/context.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import {
  closeDeferral, deferReceivable, findDeferral, findPendingDeferral, findReceivable, gradesOf, insertDeferral, linesOfCustomer, listDeferralRows,
  namesFor, setDeferralApproval, type DeferralRow,
} from './dunning.repository.js';
import { deferralCap, deferralRefusal, paymentHistory, type PaymentHistory } from './dunning.rules.js';

/** Approval document type of a deferred payment (延期付款); the subject is the deferral request. */
export const DEFERRAL_DOCUMENT = 'payment_deferral';

const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);

async function toDtos(db: Executor, ctx: CommandContext, rows: readonly DeferralRow[]): Promise<DeferralDto[]> {
  const maxMonths = (await readPolicies(db, ctx.workspace.id))['deferral.maxMonths'];
  const lines = new Map<string, Awaited<ReturnType<typeof findReceivable>>>();
  for (const r of rows) lines.set(r.receivableId, await findReceivable(db, ctx.workspace.id, r.receivableId));
  const names = await namesFor(db, ctx.workspace.id, {
    contractIds: [...lines.values()].map((l) => l?.contractId ?? ''), customerIds: rows.map((r) => r.customerId), userIds: rows.map((r) => r.requestedBy),
  });
  const grades = await gradesOf(db, ctx.workspace.id, rows.map((r) => r.customerId));
  const asOf = todayOf(ctx);
  const histories = new Map<string, PaymentHistory>();
  for (const customerId of new Set(rows.map((r) => r.customerId))) histories.set(customerId, paymentHistory(await linesOfCustomer(db, ctx.workspace.id, customerId), asOf));
  return rows.map((r) => {
    const line = lines.get(r.receivableId);
    return {
      id: r.id, receivableId: r.receivableId, customer: { id: r.customerId, name: names.customers.get(r.customerId)?.name ?? '—' },
      contractNumber: (line && names.contracts.get(line.contractId)?.number) ?? '—',
      requestedBy: { id: r.requestedBy, name: names.users.get(r.requestedBy)?.name ?? '—' },
      currentDueDate: r.currentDueDate, originalDueDate: r.originalDueDate, maxDueDate: deferralCap(r.originalDueDate, maxMonths), newDueDate: r.newDueDate,
      outstanding: line ? money.sub(line.amount, line.received) : '0.00', reason: r.reason, status: r.status as DeferralDto['status'], approvalId: r.approvalId,
      grade: grades.get(r.customerId) ?? null, history: histories.get(r.customerId)!,
      createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null,
    };
  });
}

/**
 * A deferred-payment request (延期付款, domain §11.2) made through sales — the owner of the line or
 * their managers (data scope) — for an open or partial line: the new due date is later than the
 * current one and at most deferral.maxMonths (3) calendar months after the ORIGINAL contract due date
 * (422 naming newDueDate otherwise). The request carries the customer's payment history and grade,
 * frozen in the approval (sales VP, then GM). One pending request per line. No late fee is charged.
 */
export async function requestDeferral(ctx: CommandContext, input: CreateDeferralBody): Promise<DeferralDto> {
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const line = await findReceivable(tx, ctx.workspace.id, input.receivableId, { forUpdate: true });
      const owners = await visibleOwners(tx, ctx);
      if (!line || (owners.kind !== 'all' && !owners.ids.includes(line.ownerId))) throw notFound('receivable');
      const maxMonths = (await readPolicies(tx, ctx.workspace.id))['deferral.maxMonths'];
      const refusal = deferralRefusal(line, input.newDueDate, maxMonths);
      if (refusal) {
        const path = refusal.key === 'errors.deferralWrongStatus' ? 'receivableId' : 'newDueDate';
        throw new AppError('RULE_VIOLATION', refusal.key, refusal.params, [{ path, message: refusal.key, params: refusal.params }]);
      }
      if (await findPendingDeferral(tx, ctx.workspace.id, line.id)) throw new AppError('RULE_VIOLATION', 'errors.deferralPending', {}, [{ path: 'receivableId', message: 'errors.deferralPending' }]);
      const originalDueDate = line.deferredFrom ?? line.dueDate;
      const asOf = todayOf(ctx);
      const history = paymentHistory(await linesOfCustomer(tx, ctx.workspace.id, line.customerId), asOf);
      const grade = (await gradesOf(tx, ctx.workspace.id, [line.customerId])).get(line.customerId) ?? null;
      const names = await namesFor(tx, ctx.workspace.id, { contractIds: [line.contractId], customerIds: [line.customerId] });
      const row = await insertDeferral(tx, {
        workspaceId: ctx.workspace.id, receivableId: line.id, customerId: line.customerId, requestedBy: ctx.actor.id,
        currentDueDate: line.dueDate, originalDueDate, newDueDate: input.newDueDate, reason: input.reason, status: 'pending',
      });
      const outstanding = money.sub(line.amount, line.received);
      const { approvalId } = await submitForApproval(tx, ctx, {
        documentType: DEFERRAL_DOCUMENT, subjectId: row.id,
        title: `延期付款 ${names.customers.get(line.customerId)?.name ?? ''} ${names.contracts.get(line.contractId)?.number ?? ''} → ${input.newDueDate}`,
        snapshot: {
          receivableId: line.id, contractNumber: names.contracts.get(line.contractId)?.number ?? null, customerName: names.customers.get(line.customerId)?.name ?? null,
          currentDueDate: line.dueDate, originalDueDate, newDueDate: input.newDueDate, maxDueDate: deferralCap(originalDueDate, maxMonths),
          outstanding, reason: input.reason, grade, history,
        },
      });
      await setDeferralApproval(tx, ctx.workspace.id, row.id, approvalId);
      await appendAudit(tx, ctx, { entity: 'receivable', entityId: line.id, action: 'deferral_request', after: { deferralId: row.id, newDueDate: input.newDueDate, originalDueDate, reason: input.reason, approvalId } });
      return row.id;
    });
    return getDeferral(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('RULE_VIOLATION', 'errors.deferralPending', {}, [{ path: 'receivableId', message: 'errors.deferralPending' }]);
    throw error;
  }
}

export async function getDeferral(ctx: CommandContext, id: string): Promise<DeferralDto> {
  const row = await findDeferral(ctx.db, ctx.workspace.id, id);
  if (!row) throw notFound('receivable');
  const line = await findReceivable(ctx.db, ctx.workspace.id, row.receivableId);
  const owners = await visibleOwners(ctx.db, ctx);
  if (!line || (owners.kind !== 'all' && !owners.ids.includes(line.ownerId))) throw notFound('receivable');
  return (await toDtos(ctx.db, ctx, [row]))[0]!;
}

/** Deferral requests of lines in the caller's scope, newest first (at most 200). */
export async function listDeferrals(ctx: CommandContext, q: { receivableId?: string; status?: string }): Promise<{ items: DeferralDto[] }> {
  const owners = await visibleOwners(ctx.db, ctx);
  const rows = await listDeferralRows(ctx.db, { workspaceId: ctx.workspace.id, owners, receivableId: q.receivableId, status: q.status });
  return { items: await toDtos(ctx.db, ctx, rows.map((r) => r.d)) };
}

function decideDeferral(decision: 'approved' | 'rejected' | 'returned') {
  return async (tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome) => {
    const row = await findDeferral(tx, ctx.workspace.id, outcome.subjectId, { forUpdate: true });
    if (!row || row.status !== 'pending') return;
    const now = new Date();
    const on = todayOf(ctx);
    const line = await findReceivable(tx, ctx.workspace.id, row.receivableId, { forUpdate: true });
    // the line may have been paid or written off meanwhile: then the due date stays
    const applies = decision === 'approved' && line !== undefined && (line.status === 'open' || line.status === 'partial');
    await closeDeferral(tx, ctx.workspace.id, row.id, { status: decision, decidedAt: now, decidedOn: on });
    if (applies) await deferReceivable(tx, ctx.workspace.id, row.receivableId, row.newDueDate, line.deferredFrom ?? row.originalDueDate);
    await appendAudit(tx, ctx, {
      entity: 'receivable', entityId: row.receivableId, action: `deferral_${decision}`,
      before: { dueDate: line?.dueDate ?? null, deferredFrom: line?.deferredFrom ?? null },
      after: { dueDate: applies ? row.newDueDate : line?.dueDate ?? null, deferredFrom: applies ? line.deferredFrom ?? row.originalDueDate : line?.deferredFrom ?? null, approvalId: outcome.approvalId, comment: outcome.comment },
    });
  };
}

registerApprovalSubject(DEFERRAL_DOCUMENT, {
  defaultFlow: {
    name: '延期付款',
    steps: [
      { label: '营销总监（销售副总）审批', approver: { role: 'sales_vp' } },
      { label: '总经理审批', approver: { role: 'gm' } },
    ],
  },
  link: () => '/dunning/deferrals',
  onApproved: decideDeferral('approved'),
  onRejected: decideDeferral('rejected'),
  onReturned: decideDeferral('returned'),
});
