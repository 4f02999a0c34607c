import type {
  ContractDto, ContractListQuery, ContractSummaryDto, CreateContractBody, UpdateContractBody,
} from '../../../shared/contracts/contracts.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { registerApprovalSubject, type ApprovalOutcome } from '../../platform/approvals/approvals.registry.js';
import { approvalsOf, cancelApprovalsOf, submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeIdCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { allocateNumber } from '../../platform/numbering/numbering.service.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { customerAccess, resolveOwner, type OwnershipGrants } from '../customers/index.js';
import { createReceivableSchedule, receivableScheduleOf } from '../receivables/index.js';
import {
  closeAmendment, decideContract, findContractInScope, setContractApproval, insertContract, listContractRows, namesFor, opportunityCustomer, pendingAmendmentOf,
  updateContract as writeContract,
  type ContractRow,
} from './contracts.repository.js';
import {
  isMajorContract, nextStatus, planMismatch, priceLines, signDateProblem, validateContract, type ContractLine, type PlanLine,
} from './contracts.rules.js';

/** Approval document type of a contract review (合同评审); the approval's subject is the contract. */
export const CONTRACT_DOCUMENT = 'contract';
/** Approval document type of a contract amendment (合同变更); the approval's subject is the amendment. */
export const AMENDMENT_DOCUMENT = 'contract_amendment';

const contractOwnership: OwnershipGrants = {
  own: 'contract:create', assign: 'contract:assign', route: 'contract:route',
  cannotOwn: 'errors.cannotOwnContracts', outOfScope: 'errors.cannotOwnContracts',
};

const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
const has = (ctx: CommandContext, permission: string) => ctx.actor.permissions.has(permission);
type Status = ContractDto['status'];

export async function majorAmountOf(db: Executor, ctx: CommandContext): Promise<string> {
  return money.format((await readPolicies(db, ctx.workspace.id))['contracts.majorAmount']);
}

/**
 * Lines priced and the plan checked (lines and plan field errors → 400 naming the field; a plan that
 * does not add up to the amount → 422 naming paymentPlan). Nothing is written before this passes.
 */
export function priceAndCheck(input: { contractDate: IsoDate; lines: CreateContractBody['lines']; paymentPlan: CreateContractBody['paymentPlan'] }) {
  const errors = validateContract(input);
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', 'errors.validation', { fields: errors.map((e) => e.path) }, errors);
  const priced = priceLines(input.lines);
  if (money.compare(priced.amount, 0) <= 0) throw invalidField('lines', 'errors.contractAmountPositive');
  const paymentPlan: PlanLine[] = input.paymentPlan.map((p) => ({
    kind: p.kind, dueDate: p.dueDate, amount: money.format(p.amount), percent: p.percent != null ? money.parse(p.percent).toString() : null, note: p.note ?? null,
  }));
  const mismatch = planMismatch(paymentPlan, priced.amount);
  if (mismatch) throw new AppError('RULE_VIOLATION', 'errors.planTotalMismatch', mismatch, [{ path: 'paymentPlan', message: 'errors.planTotalMismatch', params: mismatch }]);
  return { ...priced, paymentPlan };
}

async function assertOpportunity(db: Executor, ctx: CommandContext, opportunityId: string | null | undefined, customerId: string) {
  if (!opportunityId) return;
  const customerOfDeal = await opportunityCustomer(db, ctx.workspace.id, opportunityId);
  if (!customerOfDeal) throw invalidField('opportunityId', 'errors.unknownReference', { entity: 'opportunity' });
  if (customerOfDeal !== customerId) throw invalidField('opportunityId', 'errors.opportunityOfOtherCustomer');
}

const taxOf = (lines: readonly ContractLine[]) => money.add(...lines.map((l) => l.taxAmount));

function toSummary(row: ContractRow, names: Awaited<ReturnType<typeof namesFor>>): ContractSummaryDto {
  const deal = row.opportunityId ? names.opportunities.get(row.opportunityId) : undefined;
  return {
    id: row.id, number: row.number, title: row.title,
    customer: { id: row.customerId, name: names.customers.get(row.customerId) ?? '—' },
    opportunity: deal ? { id: deal.id, name: deal.name, number: deal.number } : null,
    owner: { id: row.ownerId, name: names.users.get(row.ownerId) ?? '—' },
    status: row.status as Status, amount: row.amount, contractDate: row.contractDate, signedOn: row.signedOn,
    updatedAt: row.updatedAt.toISOString(), version: row.version,
  };
}

/** Whether the caller may record the signing: the owner, or a sales manager (the contract is in their scope). */
const maySign = (ctx: CommandContext, row: ContractRow) => has(ctx, 'contract:sign') && (row.ownerId === ctx.actor.id || ctx.actor.roles.includes('sales_manager'));

async function toDto(ctx: CommandContext, row: ContractRow): Promise<ContractDto> {
  const names = await namesFor(ctx.db, ctx.workspace.id, [row]);
  const major = await majorAmountOf(ctx.db, ctx);
  const lines = row.lines as ContractLine[];
  const status = row.status as Status;
  const pending = (await pendingAmendmentOf(ctx.db, ctx.workspace.id, row.id)) !== null;
  return {
    ...toSummary(row, names),
    quoteId: row.quoteId, buyerParty: row.buyerParty, sellerParty: row.sellerParty,
    lines, taxAmount: taxOf(lines),
    paymentPlan: (row.paymentPlan as PlanLine[]).map((p) => ({ ...p, percent: p.percent ?? null, note: p.note ?? null })),
    deliveryTerms: row.deliveryTerms, approvalId: row.approvalId, isMajor: isMajorContract(row.amount, major),
    approvals: await approvalsOf(ctx, CONTRACT_DOCUMENT, row.id),
    receivables: await receivableScheduleOf(ctx.db, ctx, row.id),
    canEdit: has(ctx, 'contract:update') && nextStatus(status, 'edit') !== null,
    canSubmit: has(ctx, 'contract:submit') && nextStatus(status, 'submit') !== null,
    canSign: maySign(ctx, row) && nextStatus(status, 'sign') !== null,
    amendmentCount: row.amendmentCount, copiedFromId: row.copiedFromId, terminatedOn: row.terminatedOn, terminationReason: row.terminationReason,
    hasPendingAmendment: pending,
    canAmend: has(ctx, 'contract:amend') && nextStatus(status, 'amend') !== null && !pending,
    canTerminate: has(ctx, 'contract:terminate') && nextStatus(status, 'terminate') !== null,
    canCopy: has(ctx, 'contract:create'),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function requireContract(db: Executor, ctx: CommandContext, id: string, opts: { forUpdate?: boolean } = {}): Promise<ContractRow> {
  const row = await findContractInScope(db, ctx.workspace.id, await visibleOwners(db, ctx), id, opts);
  if (!row) throw notFound('contract');
  return row;
}

/** One contract in the caller's data scope with its lines, plan, approvals and receivable schedule. */
export async function getContract(ctx: CommandContext, id: string): Promise<ContractDto> {
  return toDto(ctx, await requireContract(ctx.db, ctx, id));
}

/** Contracts of the caller's data scope (by owner), newest first, filtered by status, customer, owner and signing date. */
export async function listContracts(ctx: CommandContext, q: ContractListQuery) {
  const owners = await visibleOwners(ctx.db, ctx);
  const rows = await listContractRows(ctx.db, {
    workspaceId: ctx.workspace.id, owners, status: q.status, customerId: q.customerId,
    ownerId: q.ownerId === 'me' ? ctx.actor.id : q.ownerId, signedFrom: q.signedFrom, signedTo: q.signedTo, q: q.q,
    beforeId: decodeIdCursor(q.cursor), limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  const names = await namesFor(ctx.db, ctx.workspace.id, page.items);
  return { items: page.items.map((r) => toSummary(r, names)), nextCursor: page.nextCursor };
}

/**
 * Drafts a contract (numbered HT<year>-0001) on a customer in the caller's scope (else 404), optionally
 * for an opportunity of the same customer. The amount is the sum of the priced lines; the payment plan
 * must add up to it exactly. `origin.quoteId` links the contract to the accepted quote it was drafted
 * from (set by the quotes module only: the API body has no quote field).
 */
export async function createContract(ctx: CommandContext, input: CreateContractBody, origin: { quoteId?: string } = {}): Promise<ContractDto> {
  const priced = priceAndCheck(input);
  const id = await ctx.db.transaction(async (tx) => {
    const customer = await customerAccess(tx, ctx, input.customerId);
    if (!customer || !(customer.viaScope || customer.collaboration === 'write')) throw notFound('customer');
    await assertOpportunity(tx, ctx, input.opportunityId, input.customerId);
    const owner = await resolveOwner(tx, ctx, input.ownerId, contractOwnership);
    if (!owner) throw invalidField('ownerId', 'errors.cannotOwnContracts');
    const number = await allocateNumber(tx, ctx.workspace, CONTRACT_DOCUMENT);
    const row = await insertContract(tx, {
      workspaceId: ctx.workspace.id, number, customerId: input.customerId, opportunityId: input.opportunityId ?? null, quoteId: origin.quoteId ?? null,
      title: input.title, buyerParty: input.buyerParty, sellerParty: input.sellerParty, contractDate: input.contractDate,
      lines: priced.lines, paymentPlan: priced.paymentPlan, amount: priced.amount, deliveryTerms: input.deliveryTerms ?? null,
      status: 'draft', ownerId: owner.id, createdBy: ctx.actor.id,
    });
    await appendAudit(tx, ctx, { entity: 'contract', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
  return getContract(ctx, id);
}

/**
 * Edits a contract at the version read. A draft stays a draft; a contract in review or approved is
 * re-opened to draft and its pending or granted approval is cancelled (the approver approved other
 * values). A signed contract changes only by amendment.
 */
export async function updateContract(ctx: CommandContext, id: string, input: UpdateContractBody): Promise<ContractDto> {
  const priced = priceAndCheck(input);
  await ctx.db.transaction(async (tx) => {
    const row = await requireContract(tx, ctx, id, { forUpdate: true });
    if (row.version !== input.version) throw conflict();
    const to = nextStatus(row.status as Status, 'edit');
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.contractNotEditable');
    await assertOpportunity(tx, ctx, input.opportunityId, row.customerId);
    const reopened = row.status !== 'draft';
    const cancelled = reopened ? await cancelApprovalsOf(tx, ctx, CONTRACT_DOCUMENT, row.id, 'contract_edited') : [];
    const updated = await writeContract(tx, {
      workspaceId: ctx.workspace.id, id, expectedVersion: input.version,
      set: {
        opportunityId: input.opportunityId ?? null, title: input.title, buyerParty: input.buyerParty, sellerParty: input.sellerParty,
        contractDate: input.contractDate, lines: priced.lines, paymentPlan: priced.paymentPlan, amount: priced.amount,
        deliveryTerms: input.deliveryTerms ?? null, status: to, ...(reopened ? { approvalId: null } : {}),
      },
    });
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, { entity: 'contract', entityId: id, action: reopened ? 'update_reopen' : 'update', before: row, after: { ...updated, cancelledApprovals: cancelled } });
    if (reopened && cancelled.length > 0) {
      await emitEvent(tx, ctx.workspace.id, {
        topic: 'contract.reopened', payload: { contractId: id, number: row.number, cancelledApprovals: cancelled, by: ctx.actor.id },
      });
    }
  });
  return getContract(ctx, id);
}

/**
 * Sends a draft for review (合同评审): the sales manager reviews; a major contract (amount ≥ policy
 * contracts.majorAmount) goes on to the sales VP and is approved by the GM, otherwise the sales manager
 * approves. The approver sees the values frozen in the approval's snapshot. Neither the submitter nor
 * the contract's owner approves it.
 */
export async function submitContract(ctx: CommandContext, id: string, input: { version: number }): Promise<ContractDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireContract(tx, ctx, id, { forUpdate: true });
    if (row.version !== input.version) throw conflict();
    const to = nextStatus(row.status as Status, 'submit');
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.contractNotSubmittable');
    const major = await majorAmountOf(tx, ctx);
    const names = await namesFor(tx, ctx.workspace.id, [row]);
    const claimed = await writeContract(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: input.version, set: { status: to, submittedBy: ctx.actor.id } });
    if (!claimed) throw conflict();
    const { approvalId } = await submitForApproval(tx, ctx, {
      documentType: CONTRACT_DOCUMENT, subjectId: id,
      title: `合同评审：${row.title}（${row.number}）${row.amount}`,
      snapshot: {
        contractId: id, number: row.number, title: row.title, customerName: names.customers.get(row.customerId) ?? '', contractDate: row.contractDate,
        buyerParty: row.buyerParty, sellerParty: row.sellerParty, amount: row.amount, majorAmount: major, isMajor: isMajorContract(row.amount, major),
        lines: row.lines, paymentPlan: row.paymentPlan, deliveryTerms: row.deliveryTerms,
      },
      excludedUserIds: [row.ownerId],
    });
    // linked without a version bump: an approval granted at once has already moved the contract on through onApproved
    await setContractApproval(tx, ctx.workspace.id, id, approvalId);
    await appendAudit(tx, ctx, { entity: 'contract', entityId: id, action: 'submit', before: { status: row.status }, after: { status: to, approvalId } });
  });
  return getContract(ctx, id);
}

/**
 * Records the signing (签订) of an approved contract, by its owner or a sales manager, and creates the
 * receivable schedule — one receivable per payment-plan line — in the same transaction.
 */
export async function signContract(ctx: CommandContext, id: string, input: { version: number; signedOn: IsoDate }): Promise<ContractDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireContract(tx, ctx, id, { forUpdate: true });
    if (!maySign(ctx, row)) throw forbidden('errors.signerNotOwnerOrManager');
    if (row.version !== input.version) throw conflict();
    const to = nextStatus(row.status as Status, 'sign');
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.contractNotApproved');
    const today = todayOf(ctx);
    const problem = signDateProblem(input.signedOn, row.contractDate, today);
    if (problem === 'before_contract_date') throw invalidField('signedOn', 'errors.signedBeforeContractDate', { contractDate: row.contractDate });
    if (problem === 'in_future') throw invalidField('signedOn', 'errors.signedInFuture', { today });
    const signed = await writeContract(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: input.version, set: { status: to, signedOn: input.signedOn, signedBy: ctx.actor.id } });
    if (!signed) throw conflict();
    const schedule = await createReceivableSchedule(tx, ctx, { ...signed, paymentPlan: signed.paymentPlan as PlanLine[] });
    await appendAudit(tx, ctx, { entity: 'contract', entityId: id, action: 'sign', before: { status: row.status }, after: { status: to, signedOn: input.signedOn, receivables: schedule.length } });
    await emitEvent(tx, ctx.workspace.id, {
      topic: 'contract.signed',
      payload: { contractId: id, number: row.number, customerId: row.customerId, opportunityId: row.opportunityId, amount: row.amount, signedOn: input.signedOn, ownerId: row.ownerId, by: ctx.actor.id },
    });
  });
  return getContract(ctx, id);
}

/**
 * Copies a contract into a new draft (复制合同, new number) for the same customer, parties, lines,
 * plan and delivery terms, owned by the caller. A copy carries no approval, no signing data, no quote
 * or opportunity link and no amendments: it is reviewed from scratch (§17 approval loopholes).
 */
export async function copyContract(ctx: CommandContext, id: string): Promise<ContractDto> {
  const copyId = await ctx.db.transaction(async (tx) => {
    const source = await requireContract(tx, ctx, id);
    const customer = await customerAccess(tx, ctx, source.customerId);
    if (!customer || !(customer.viaScope || customer.collaboration === 'write')) throw notFound('customer');
    const owner = await resolveOwner(tx, ctx, undefined, contractOwnership);
    if (!owner) throw invalidField('ownerId', 'errors.cannotOwnContracts');
    const number = await allocateNumber(tx, ctx.workspace, CONTRACT_DOCUMENT);
    const row = await insertContract(tx, {
      workspaceId: ctx.workspace.id, number, customerId: source.customerId, opportunityId: null, quoteId: null,
      title: source.title, buyerParty: source.buyerParty, sellerParty: source.sellerParty, contractDate: source.contractDate,
      lines: source.lines, paymentPlan: source.paymentPlan, amount: source.amount, deliveryTerms: source.deliveryTerms,
      status: 'draft', ownerId: owner.id, createdBy: ctx.actor.id, copiedFromId: source.id,
    });
    await appendAudit(tx, ctx, { entity: 'contract', entityId: row.id, action: 'copy', after: { ...row, copiedFrom: source.number } });
    return row.id;
  });
  return getContract(ctx, copyId);
}

/**
 * Terminates (终止) a signed or executing contract at the version read, by a sales manager, with the
 * reason (audited). A pending amendment is cancelled with its approval. The receivables already
 * created stay open: what the customer owes for what was delivered is still owed (settled by finance).
 */
export async function terminateContract(ctx: CommandContext, id: string, input: { version: number; reason: string }): Promise<ContractDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireContract(tx, ctx, id, { forUpdate: true });
    if (row.version !== input.version) throw conflict();
    const to = nextStatus(row.status as Status, 'terminate');
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.contractNotTerminable', { status: row.status });
    const terminatedOn = todayOf(ctx);
    const updated = await writeContract(tx, {
      workspaceId: ctx.workspace.id, id, expectedVersion: input.version,
      set: { status: to, terminatedOn, terminatedBy: ctx.actor.id, terminationReason: input.reason },
    });
    if (!updated) throw conflict();
    const pending = await pendingAmendmentOf(tx, ctx.workspace.id, id);
    if (pending) {
      await closeAmendment(tx, { workspaceId: ctx.workspace.id, id: pending.id, status: 'cancelled', comment: input.reason });
      await cancelApprovalsOf(tx, ctx, AMENDMENT_DOCUMENT, pending.id, 'contract_terminated');
    }
    const cancelledAmendment = pending?.id ?? null;
    await appendAudit(tx, ctx, {
      entity: 'contract', entityId: id, action: 'terminate', before: { status: row.status },
      after: { status: to, terminatedOn, reason: input.reason, cancelledAmendment },
    });
    await emitEvent(tx, ctx.workspace.id, {
      topic: 'contract.terminated', payload: { contractId: id, number: row.number, customerId: row.customerId, reason: input.reason, terminatedOn, by: ctx.actor.id },
    });
  });
  return getContract(ctx, id);
}

type Decided = 'approved' | 'rejected' | 'returned';
function recordDecision(decision: Decided) {
  return async (tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome) => {
    const row = await decideContract(tx, ctx.workspace.id, outcome.subjectId, decision === 'approved' ? 'approved' : 'draft');
    if (!row) return; // no longer in review: an edit re-opened it and cancelled this approval
    await appendAudit(tx, ctx, {
      entity: 'contract', entityId: row.id, action: decision === 'approved' ? 'approve' : decision === 'rejected' ? 'reject' : 'return',
      before: { status: 'in_review' }, after: { status: row.status, approvalId: outcome.approvalId, comment: outcome.comment },
    });
  };
}

registerApprovalSubject(CONTRACT_DOCUMENT, {
  defaultFlow: {
    name: '合同评审',
    steps: [
      { label: '销售经理审查', approver: { role: 'sales_manager' } },
      { label: '销售副总审查（重大合同）', approver: { role: 'sales_vp' }, when: { flag: 'isMajor' } },
      { label: '总经理批准（重大合同）', approver: { role: 'gm' }, when: { flag: 'isMajor' } },
    ],
  },
  link: (contractId) => `/contracts/${contractId}`,
  onApproved: recordDecision('approved'),
  onRejected: recordDecision('rejected'),
  onReturned: recordDecision('returned'),
});
