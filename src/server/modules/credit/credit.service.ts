import type {
  CreditChangeRequestDto, CreditDto, CreditHistoryPage, CreditProfileListItemDto, CreditProfileListQuery, CreditValues, ProposeCreditChangeBody,
} from '../../../shared/contracts/credit.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, invalidField, notFound } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { registerApprovalSubject } from '../../platform/approvals/approvals.registry.js';
import { submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners, visibleTo } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/columns.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, decodeIdCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { customerExposure, exposureBreakdown } from './credit.exposure.js';
import type { CreditPermission } from './credit.permissions.js';
import {
  closeRequest, findCustomerBrief, findPendingRequest, findProfile, findRequest, insertHistory, insertRequest, listCreditRows, listHistory,
  listUnappliedRequests, setRequestApproval, userNames, writeProfile, type CreditChangeRequestRow, type CreditListFilters, type CreditListRow,
  type CreditProfileRow,
} from './credit.repository.js';
import {
  availableCredit, creditApprovalFlags, creditChangeRefusal, isOverLimit, resolveCreditTerms, validateCreditChange, type CreditGrade, type CreditPolicy,
} from './credit.rules.js';

/** Approval document type of a credit change; the approval's subject is the customer (one pending change each). */
export const CREDIT_CHANGE_DOCUMENT = 'credit_change';

const has = (ctx: CommandContext, permission: CreditPermission) => ctx.actor.permissions.has(permission);
const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
const NO_CREDIT = '0.00';

export async function creditPolicyOf(db: Executor, workspaceId: string): Promise<CreditPolicy> {
  const p = await readPolicies(db, workspaceId);
  return {
    termsDays: { A: p['credit.termsDays.A'], B: p['credit.termsDays.B'], C: p['credit.termsDays.C'], D: p['credit.termsDays.D'] },
    gradeCMaxLimit: p['credit.gradeCMaxLimit'], gmApprovalLimit: p['credit.gmApprovalLimit'],
  };
}

/**
 * The customer whose credit the caller may see: its owner is within the caller's data scope (the
 * owner, their managers up the tree, and the roles that see every customer). Collaborators and the
 * pool give no access to credit. Otherwise 404, as for any record out of scope.
 */
export async function requireCreditCustomer(db: Executor, ctx: CommandContext, customerId: string) {
  const customer = await findCustomerBrief(db, ctx.workspace.id, customerId);
  if (!customer) throw notFound('customer');
  const owners = await visibleOwners(db, ctx);
  const inScope = owners.kind === 'all' || (customer.ownerId !== null && owners.ids.includes(customer.ownerId));
  if (!inScope) throw notFound('customer');
  return customer;
}

const valuesOf = (limit: string | null, termsDays: number | null, grade: string | null): CreditValues | null =>
  (limit === null || termsDays === null || grade === null ? null : { limit, termsDays, grade: grade as CreditGrade });

async function toRequestDtos(db: Executor, ctx: CommandContext, rows: CreditChangeRequestRow[]): Promise<CreditChangeRequestDto[]> {
  const names = await userNames(db, ctx.workspace.id, rows.map((r) => r.requestedBy));
  return rows.map((r) => ({
    id: r.id, customerId: r.customerId, status: r.status as CreditChangeRequestDto['status'],
    from: valuesOf(r.oldLimit, r.oldTermsDays, r.oldGrade), to: valuesOf(r.newLimit, r.newTermsDays, r.newGrade)!,
    reason: r.reason, requestedBy: { id: r.requestedBy, name: names.get(r.requestedBy) ?? '—' }, approvalId: r.approvalId,
    createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null, decisionComment: r.decisionComment,
  }));
}

// ── queries ───────────────────────────────────────────────────────────────────────────────────

/**
 * A customer's credit position (domain §9, §10): limit, exposure as of a date, available = limit −
 * exposure, grade and payment terms, and the change waiting for approval. No profile = no credit.
 */
export async function getCredit(ctx: CommandContext, customerId: string, q: { asOf?: IsoDate } = {}): Promise<CreditDto> {
  const db = ctx.db;
  const customer = await requireCreditCustomer(db, ctx, customerId);
  const asOf = q.asOf ?? todayOf(ctx);
  const [profile, pending, exposures, breakdown] = await Promise.all([
    findProfile(db, ctx.workspace.id, customerId), findPendingRequest(db, ctx.workspace.id, customerId),
    customerExposure(db, ctx.workspace.id, [customerId], asOf), exposureBreakdown(db, ctx.workspace.id, customerId),
  ]);
  const limit = profile?.creditLimit ?? NO_CREDIT;
  const exposure = exposures.get(customerId) ?? NO_CREDIT;
  return {
    customerId, customerName: customer.name,
    owner: customer.ownerId ? { id: customer.ownerId, name: customer.ownerName ?? '—' } : null,
    hasProfile: profile !== null, limit, exposure, available: availableCredit(limit, exposure), isOverLimit: isOverLimit(limit, exposure),
    exposureBreakdown: { signedUnshipped: breakdown.signedUnshipped, shippedUnbilled: breakdown.shippedUnbilled, openReceivables: breakdown.openReceivables },
    grade: (profile?.grade ?? null) as CreditGrade | null, termsDays: profile?.termsDays ?? 0,
    effectiveFrom: profile?.effectiveFrom ?? null, reason: profile?.reason ?? null, version: profile?.version ?? 0, asOf,
    pendingRequest: pending ? (await toRequestDtos(db, ctx, [pending]))[0]! : null,
    canPropose: has(ctx, 'credit:propose') && pending === null,
  };
}

/** The applied changes of a customer's credit profile, newest first, and the requests that were not applied. */
export async function creditHistory(ctx: CommandContext, customerId: string, q: { limit: number; cursor?: string }): Promise<CreditHistoryPage> {
  const db = ctx.db;
  await requireCreditCustomer(db, ctx, customerId);
  const rows = await listHistory(db, { workspaceId: ctx.workspace.id, customerId, beforeId: decodeIdCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  const names = await userNames(db, ctx.workspace.id, page.items.flatMap((r) => [r.requestedBy, r.approvedBy]));
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '—' } : null);
  const requests = q.cursor ? [] : await toRequestDtos(db, ctx, await listUnappliedRequests(db, ctx.workspace.id, customerId, 20));
  return {
    items: page.items.map((r) => ({
      id: r.id, requestId: r.requestId, approvalId: r.approvalId,
      from: valuesOf(r.oldLimit, r.oldTermsDays, r.oldGrade), to: valuesOf(r.newLimit, r.newTermsDays, r.newGrade)!,
      effectiveFrom: r.effectiveFrom, reason: r.reason, requestedBy: person(r.requestedBy), approvedBy: person(r.approvedBy),
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
    requests,
  };
}

/** The list's keyset cursor (customer name, id), validated. */
function nameCursor(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [name, id] = key;
  if (typeof name !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'errors.invalidFormat');
  return [name, id];
}

function filtersOf(q: CreditProfileListQuery): CreditListFilters {
  const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
  return {
    grade: q.grade, overLimit: flag(q.overLimit), hasProfile: flag(q.hasProfile), pending: flag(q.pending),
    ownerId: q.ownerId, orgNodeId: q.orgNodeId, q: q.q,
  };
}

function toListItem(r: CreditListRow): CreditProfileListItemDto {
  const limit = r.creditLimit ?? NO_CREDIT;
  const exposure = money.format(r.exposure);
  return {
    customerId: r.customerId, customerName: r.customerName,
    owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '—' } : null, departmentName: r.departmentName,
    hasProfile: r.profileVersion !== null, limit, exposure, available: availableCredit(limit, exposure), isOverLimit: isOverLimit(limit, exposure),
    grade: (r.grade ?? null) as CreditGrade | null, termsDays: r.termsDays ?? 0, effectiveFrom: r.effectiveFrom,
    hasPendingRequest: r.hasPendingRequest, version: r.profileVersion ?? 0,
  };
}

async function creditListPage(ctx: CommandContext, q: CreditProfileListQuery, after: [string, string] | undefined, asOf: IsoDate) {
  const owners = await visibleOwners(ctx.db, ctx);
  return listCreditRows(ctx.db, {
    workspaceId: ctx.workspace.id, scope: (ownerColumn) => visibleTo(owners, ownerColumn), filters: filtersOf(q), asOf, after, limit: q.limit,
  });
}

/** Customers in the caller's scope with their credit position, by customer name (finance and managers, domain §10). */
export async function listCreditProfiles(ctx: CommandContext, q: CreditProfileListQuery) {
  const asOf = q.asOf ?? todayOf(ctx);
  const rows = await creditListPage(ctx, q, nameCursor(q.cursor), asOf);
  const page = pageFrom(rows, q.limit, (r) => [r.customerName, r.customerId]);
  return { items: page.items.map(toListItem), nextCursor: page.nextCursor };
}

/** Every row of the list with the same filters and scope, page by page (for the xlsx export). */
export async function* creditProfilePages(ctx: CommandContext, q: CreditProfileListQuery): AsyncGenerator<CreditProfileListItemDto[]> {
  const asOf = q.asOf ?? todayOf(ctx);
  let after: [string, string] | undefined;
  for (;;) {
    const rows = await creditListPage(ctx, { ...q, limit: 500 }, after, asOf);
    const items = rows.slice(0, 500);
    if (items.length > 0) yield items.map(toListItem);
    if (rows.length <= 500) return;
    const last = items.at(-1)!;
    after = [last.customerName, last.customerId];
  }
}

/** Records an export of the credit list before its first byte leaves. */
export async function auditCreditExport(ctx: CommandContext, q: CreditProfileListQuery) {
  await ctx.db.transaction((tx) => appendAudit(tx, ctx, { entity: 'credit_profile', action: 'export', after: { ...q, format: 'xlsx' } }));
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

interface CreditChangeSnapshot {
  requestId: string; customerId: string; customerName: string; ownerName: string | null;
  from: CreditValues | null; to: CreditValues; reason: string;
}

/**
 * Proposes a change of a customer's credit limit, payment terms and grade (信用变更申请, domain §10):
 * by the sales manager or finance, never customer service or a rep (permission). The values are
 * checked (limit ≥ 0, two decimals; grade C at most the policy cap; grade D cash before delivery;
 * terms default to the grade's policy terms), frozen with the current ones on the request, and sent
 * for approval; the customer's owner never approves it. `version` is the profile version read (0: no
 * profile yet): a stale one, or a change already waiting, gets 409 and nothing is written.
 */
export async function proposeCreditChange(ctx: CommandContext, customerId: string, input: ProposeCreditChangeBody): Promise<CreditDto> {
  const errors = validateCreditChange(input);
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', 'errors.validation', { fields: errors.map((e) => e.path) }, errors);
  try {
    await ctx.db.transaction(async (tx) => {
      const customer = await requireCreditCustomer(tx, ctx, customerId);
      const policy = await creditPolicyOf(tx, ctx.workspace.id);
      const refusal = creditChangeRefusal(input, policy);
      if (refusal) {
        const path = refusal.key === 'errors.creditGradeCCap' ? 'limit' : 'termsDays';
        throw new AppError('RULE_VIOLATION', refusal.key, refusal.params, [{ path, message: refusal.key, params: refusal.params }]);
      }
      const profile = await findProfile(tx, ctx.workspace.id, customerId, { forUpdate: true });
      if ((profile?.version ?? 0) !== input.version) throw conflict();
      if (await findPendingRequest(tx, ctx.workspace.id, customerId)) throw conflict('errors.creditChangePending');
      const to = resolveCreditTerms(input, policy);
      const from = profile ? { limit: profile.creditLimit, termsDays: profile.termsDays, grade: profile.grade as CreditGrade } : null;
      if (from && money.compare(from.limit, to.limit) === 0 && from.termsDays === to.termsDays && from.grade === to.grade) {
        throw new AppError('RULE_VIOLATION', 'errors.creditNoChange');
      }
      const request = await insertRequest(tx, {
        workspaceId: ctx.workspace.id, id: newId(), customerId, status: 'pending', profileVersion: input.version,
        oldLimit: from?.limit ?? null, oldTermsDays: from?.termsDays ?? null, oldGrade: from?.grade ?? null,
        newLimit: to.limit, newTermsDays: to.termsDays, newGrade: to.grade, reason: input.reason, requestedBy: ctx.actor.id,
      });
      const snapshot: CreditChangeSnapshot = { requestId: request.id, customerId, customerName: customer.name, ownerName: customer.ownerName, from, to, reason: input.reason };
      await appendAudit(tx, ctx, { entity: 'credit_profile', entityId: customerId, action: 'change_requested', before: from, after: { ...to, requestId: request.id, reason: input.reason } });
      const { approvalId } = await submitForApproval(tx, ctx, {
        documentType: CREDIT_CHANGE_DOCUMENT, subjectId: customerId,
        title: `信用变更：${customer.name}（额度 ${from?.limit ?? NO_CREDIT} → ${to.limit}，${to.grade} 级，${to.termsDays} 天）`,
        snapshot: { ...snapshot, newLimit: to.limit, ...creditApprovalFlags(ctx.actor.roles, to.limit, policy) },
        // the person who executes the sale never approves its credit (domain §1.1)
        excludedUserIds: customer.ownerId ? [customer.ownerId] : [],
      });
      await setRequestApproval(tx, ctx.workspace.id, request.id, approvalId);
    });
  } catch (error) {
    // two proposals racing past the pending check: the partial unique index lets one through
    if (isUniqueViolation(error)) throw conflict('errors.creditChangePending');
    throw error;
  }
  return getCredit(ctx, customerId);
}

/**
 * Applies an approved change: the profile takes the frozen values from today, a history row keeps
 * before and after with who asked and who approved. If the profile changed meanwhile the request is
 * void (nothing applied), as a stale version would be.
 */
async function applyCreditChange(tx: Tx, ctx: CommandContext, s: CreditChangeSnapshot, approvalId: string, comment: string | null) {
  const request = await findRequest(tx, ctx.workspace.id, s.requestId, { forUpdate: true });
  if (!request || request.status !== 'pending') return;
  const current = await findProfile(tx, ctx.workspace.id, request.customerId, { forUpdate: true });
  const voidIt = async () => {
    await closeRequest(tx, { workspaceId: ctx.workspace.id, id: request.id, status: 'void', comment });
    await appendAudit(tx, ctx, { entity: 'credit_profile', entityId: request.customerId, action: 'change_void', after: { requestId: request.id, approvalId, reason: 'profile_changed' } });
  };
  if ((current?.version ?? 0) !== request.profileVersion) return voidIt();
  const effectiveFrom = todayOf(ctx);
  const updated: CreditProfileRow | null = await writeProfile(tx, {
    workspaceId: ctx.workspace.id, customerId: request.customerId, expectedVersion: request.profileVersion,
    values: { creditLimit: request.newLimit, termsDays: request.newTermsDays, grade: request.newGrade, effectiveFrom, reason: request.reason, requestId: request.id },
  });
  if (!updated) return voidIt();
  await insertHistory(tx, {
    workspaceId: ctx.workspace.id, customerId: request.customerId, requestId: request.id, approvalId,
    oldLimit: request.oldLimit, oldTermsDays: request.oldTermsDays, oldGrade: request.oldGrade,
    newLimit: request.newLimit, newTermsDays: request.newTermsDays, newGrade: request.newGrade,
    effectiveFrom, reason: request.reason, requestedBy: request.requestedBy, approvedBy: ctx.actor.id,
  });
  await closeRequest(tx, { workspaceId: ctx.workspace.id, id: request.id, status: 'approved', comment });
  await appendAudit(tx, ctx, { entity: 'credit_profile', entityId: request.customerId, action: 'update', before: current, after: { ...updated, approvalId } });
  await emitEvent(tx, ctx.workspace.id, {
    topic: 'credit.changed',
    payload: { customerId: request.customerId, requestId: request.id, approvalId, limit: updated.creditLimit, termsDays: updated.termsDays, grade: updated.grade, effectiveFrom },
  });
}

async function closeUnapplied(tx: Tx, ctx: CommandContext, s: CreditChangeSnapshot, status: 'rejected' | 'returned', comment: string | null) {
  const closed = await closeRequest(tx, { workspaceId: ctx.workspace.id, id: s.requestId, status, comment });
  if (closed) await appendAudit(tx, ctx, { entity: 'credit_profile', entityId: closed.customerId, action: `change_${status}`, after: { requestId: closed.id, comment } });
}

registerApprovalSubject(CREDIT_CHANGE_DOCUMENT, {
  defaultFlow: {
    name: '客户信用变更审批',
    steps: [
      { label: '销售经理审核', approver: { role: 'sales_manager' }, when: { flag: 'salesManagerReviews' } },
      { label: '财务审核', approver: { role: 'finance' }, when: { flag: 'financeReviews' } },
      { label: '总经理审批', approver: { role: 'gm' }, when: { flag: 'needsGm' } },
      { label: '销售副总审批', approver: { role: 'sales_vp' }, when: { flag: 'needsVp' } },
    ],
  },
  link: (customerId) => `/customers/${customerId}?tab=credit`,
  async onApproved(tx, ctx, outcome) { await applyCreditChange(tx, ctx, outcome.snapshot as unknown as CreditChangeSnapshot, outcome.approvalId, outcome.comment); },
  async onRejected(tx, ctx, outcome) { await closeUnapplied(tx, ctx, outcome.snapshot as unknown as CreditChangeSnapshot, 'rejected', outcome.comment); },
  async onReturned(tx, ctx, outcome) { await closeUnapplied(tx, ctx, outcome.snapshot as unknown as CreditChangeSnapshot, 'returned', outcome.comment); },
});
