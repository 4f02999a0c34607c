import type { AmendmentDto, AmendmentValues, ContractDto, ProposeAmendmentBody } from '../../../shared/contracts/contracts.contract.js';
import { AppError, conflict, notFound } from '../../../shared/errors.js';
import { registerApprovalSubject, type ApprovalOutcome } from '../../platform/approvals/approvals.registry.js';
import { submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Tx } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { CommandContext } from '../../platform/http/context.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { adjustReceivableSchedule, assertScheduleAdjustable } from '../receivables/index.js';
import {
  amendmentsOf, closeAmendment, findAmendment, findContractInScope, insertAmendment, namesFor, nextAmendmentSeq, pendingAmendmentOf, setAmendmentApproval,
  updateContract as writeContract, userNamesOf, type AmendmentRow, type ContractRow,
} from './contracts.repository.js';
import { amendmentChanges, isMajorAmendment, nextStatus, type ContractLine, type PlanLine } from './contracts.rules.js';
import { AMENDMENT_DOCUMENT, majorAmountOf, priceAndCheck, requireContract } from './contracts.service.js';


type Status = ContractDto['status'];

const valuesOf = (row: ContractRow): AmendmentValues => ({
  amount: row.amount, lines: row.lines as ContractLine[],
  paymentPlan: (row.paymentPlan as PlanLine[]).map((p) => ({ ...p, percent: p.percent ?? null, note: p.note ?? null })),
  deliveryTerms: row.deliveryTerms,
});

function toAmendmentDto(row: AmendmentRow, names: Map<string, string>): AmendmentDto {
  return {
    id: row.id, contractId: row.contractId, seq: row.seq, reason: row.reason, status: row.status as AmendmentDto['status'],
    before: row.before as AmendmentValues, after: row.after as AmendmentValues, approvalId: row.approvalId,
    requestedBy: { id: row.requestedBy, name: names.get(row.requestedBy) ?? '—' },
    createdAt: row.createdAt.toISOString(), decidedAt: row.decidedAt?.toISOString() ?? null, decisionComment: row.decisionComment,
  };
}

/** A contract's amendment history (oldest first) with before and after values, for anyone who sees the contract. */
export async function listAmendments(ctx: CommandContext, contractId: string): Promise<{ items: AmendmentDto[] }> {
  await requireContract(ctx.db, ctx, contractId);
  const rows = await amendmentsOf(ctx.db, ctx.workspace.id, contractId);
  const names = await userNamesOf(ctx.db, ctx.workspace.id, rows.map((r) => r.requestedBy));
  return { items: rows.map((r) => toAmendmentDto(r, names)) };
}

interface AmendmentSnapshot { amendmentId: string; contractId: string }

/**
 * Proposes an amendment (合同变更) of a signed or executing contract at the version read: the reason
 * and the new lines, payment plan and delivery terms (checked like a contract: the plan adds up to
 * the new amount). The current values are frozen beside the proposed ones and the amendment goes
 * through the contract review chain, sized by the larger of the old and new amount. One amendment
 * may be pending at a time (409); a plan line below what was already received on it → 422.
 */
export async function proposeAmendment(ctx: CommandContext, contractId: string, input: ProposeAmendmentBody): Promise<AmendmentDto> {
  let amendmentId = '';
  try {
    await ctx.db.transaction(async (tx) => {
      const row = await requireContract(tx, ctx, contractId, { forUpdate: true });
      if (row.version !== input.version) throw conflict();
      if (!nextStatus(row.status as Status, 'amend')) throw new AppError('RULE_VIOLATION', 'errors.contractNotAmendable', { status: row.status });
      if (await pendingAmendmentOf(tx, ctx.workspace.id, contractId)) throw conflict('errors.amendmentPending');
      const priced = priceAndCheck({ contractDate: row.contractDate, lines: input.lines, paymentPlan: input.paymentPlan });
      const before = valuesOf(row);
      const after: AmendmentValues = {
        amount: priced.amount, lines: priced.lines,
        paymentPlan: priced.paymentPlan.map((p) => ({ ...p, percent: p.percent ?? null, note: p.note ?? null })), deliveryTerms: input.deliveryTerms ?? null,
      };
      if (!amendmentChanges(before, after)) throw new AppError('RULE_VIOLATION', 'errors.amendmentNoChange');
      await assertScheduleAdjustable(tx, ctx.workspace.id, contractId, after.paymentPlan);
      const major = await majorAmountOf(tx, ctx);
      const names = await namesFor(tx, ctx.workspace.id, [row]);
      const seq = await nextAmendmentSeq(tx, ctx.workspace.id, contractId);
      const amendment = await insertAmendment(tx, {
        workspaceId: ctx.workspace.id, id: newId(), contractId, seq, reason: input.reason, before, after, status: 'pending',
        contractVersion: row.version, requestedBy: ctx.actor.id,
      });
      amendmentId = amendment.id;
      await appendAudit(tx, ctx, { entity: 'contract', entityId: contractId, action: 'amendment_proposed', before, after: { ...after, amendmentId, seq, reason: input.reason } });
      const snapshot: AmendmentSnapshot & Record<string, unknown> = {
        amendmentId, contractId, seq, number: row.number, title: row.title, customerName: names.customers.get(row.customerId) ?? '', reason: input.reason,
        before, after, amount: after.amount, oldAmount: before.amount, majorAmount: major, isMajor: isMajorAmendment(before.amount, after.amount, major),
      };
      const { approvalId } = await submitForApproval(tx, ctx, {
        documentType: AMENDMENT_DOCUMENT, subjectId: amendmentId,
        title: `合同变更：${row.title}（${row.number}，第 ${seq} 次）${before.amount} → ${after.amount}`,
        snapshot, excludedUserIds: [row.ownerId],
      });
      await setAmendmentApproval(tx, ctx.workspace.id, amendmentId, approvalId);
    });
  } catch (error) {
    // two proposals racing past the pending check: the partial unique index lets one through
    if (isUniqueViolation(error)) throw conflict('errors.amendmentPending');
    throw error;
  }
  const rows = await amendmentsOf(ctx.db, ctx.workspace.id, contractId);
  const row = rows.find((r) => r.id === amendmentId)!;
  return toAmendmentDto(row, await userNamesOf(ctx.db, ctx.workspace.id, [row.requestedBy]));
}

/**
 * Applies an approved amendment in the approver's transaction: the contract takes the new lines, plan,
 * delivery terms and amount, its version and amendment count go up, and the receivable schedule
 * follows the new plan. A contract changed meanwhile (another version) voids the amendment; a plan
 * line that would now fall below money received refuses the approval (422, nothing written).
 */
async function applyAmendment(tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome) {
  const { amendmentId } = outcome.snapshot as unknown as AmendmentSnapshot;
  const amendment = await findAmendment(tx, ctx.workspace.id, amendmentId, { forUpdate: true });
  if (!amendment || amendment.status !== 'pending') return;
  // the approver acts on the approval they were assigned, whatever their own data scope
  const row = await findContractInScope(tx, ctx.workspace.id, { kind: 'all' }, amendment.contractId, { forUpdate: true });
  if (!row) throw notFound('contract');
  const after = amendment.after as AmendmentValues;
  if (row.version !== amendment.contractVersion || !nextStatus(row.status as Status, 'amend')) {
    await closeAmendment(tx, { workspaceId: ctx.workspace.id, id: amendment.id, status: 'void', comment: outcome.comment });
    await appendAudit(tx, ctx, { entity: 'contract', entityId: row.id, action: 'amendment_void', after: { amendmentId, approvalId: outcome.approvalId, reason: 'contract_changed' } });
    return;
  }
  await adjustReceivableSchedule(tx, ctx, { id: row.id, number: row.number, customerId: row.customerId, ownerId: row.ownerId, paymentPlan: after.paymentPlan });
  const updated = await writeContract(tx, {
    workspaceId: ctx.workspace.id, id: row.id, expectedVersion: row.version,
    set: { lines: after.lines, paymentPlan: after.paymentPlan, amount: after.amount, deliveryTerms: after.deliveryTerms, amendmentCount: row.amendmentCount + 1 },
  });
  if (!updated) throw conflict();
  await closeAmendment(tx, { workspaceId: ctx.workspace.id, id: amendment.id, status: 'approved', comment: outcome.comment });
  await appendAudit(tx, ctx, { entity: 'contract', entityId: row.id, action: 'amend', before: amendment.before, after: { ...after, amendmentId, seq: amendment.seq, approvalId: outcome.approvalId } });
  await emitEvent(tx, ctx.workspace.id, {
    topic: 'contract.amended',
    payload: { contractId: row.id, number: row.number, amendmentId, seq: amendment.seq, oldAmount: row.amount, amount: after.amount, by: ctx.actor.id },
  });
}

function closeWith(status: 'rejected' | 'returned') {
  return async (tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome) => {
    const { amendmentId } = outcome.snapshot as unknown as AmendmentSnapshot;
    const closed = await closeAmendment(tx, { workspaceId: ctx.workspace.id, id: amendmentId, status, comment: outcome.comment });
    if (closed) await appendAudit(tx, ctx, { entity: 'contract', entityId: closed.contractId, action: `amendment_${status}`, after: { amendmentId, comment: outcome.comment } });
  };
}

registerApprovalSubject(AMENDMENT_DOCUMENT, {
  // the contract review chain (合同评审), sized by the larger of the old and new amount
  defaultFlow: {
    name: '合同变更评审',
    steps: [
      { label: '销售经理审查', approver: { role: 'sales_manager' } },
      { label: '销售副总审查（重大合同）', approver: { role: 'sales_vp' }, when: { flag: 'isMajor' } },
      { label: '总经理批准（重大合同）', approver: { role: 'gm' }, when: { flag: 'isMajor' } },
    ],
  },
  onApproved: applyAmendment,
  onRejected: closeWith('rejected'),
  onReturned: closeWith('returned'),
});
