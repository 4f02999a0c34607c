import type {
  BusinessHistory, CreateInvestigationBody, CreditInvestigationDto, ReviewInvestigationBody, UpdateInvestigationBody,
} from '../../../shared/contracts/credit-ratings.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, invalidField, notFound } from '../../../shared/errors.js';
import { appendAudit, appendAuditAs, type AuditActor } from '../../platform/audit/audit.service.js';
import type { Database, Executor } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { translate } from '../../platform/i18n/translate.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { listUsers } from '../../platform/org/org.repository.js';
import { workspaces } from '../../platform/org/org.schema.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { addTaskInTx, closeTasksInTx } from '../activities/index.js';
import { isAttachmentOfCustomer } from '../attachments/index.js';
import { findCustomerBrief, userNames } from './credit.repository.js';
import {
  businessYears, dueInvestigations, findInvestigation, insertInvestigation, listInvestigations, setRenewalTask, updateInvestigation,
  type InvestigationRow,
} from './credit.ratings.repository.js';
import { collectionRate, investigationDueOn } from './credit.ratings.rules.js';
import { requireCreditCustomer } from './credit.service.js';
import type { CreditGrade } from './credit.rules.js';

const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);

/** Part 4 of an investigation, computed from our own shipments and receivables (domain §10: not typed). */
export async function computeBusinessHistory(db: Executor, p: { workspaceId: string; customerId: string; asOf: IsoDate; timeZone: string }): Promise<BusinessHistory> {
  const years = await businessYears(db, p);
  return { asOf: p.asOf, years: years.map((y) => ({ ...y, collectionRate: collectionRate(y.collected, y.due) })) };
}

async function toDtos(db: Executor, ctx: CommandContext, rows: InvestigationRow[]): Promise<CreditInvestigationDto[]> {
  const names = await userNames(db, ctx.workspace.id, rows.flatMap((r) => [r.preparedBy, r.reviewedBy]));
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '—' } : null);
  const live = new Map<string, BusinessHistory>();
  for (const r of rows.filter((x) => x.businessHistory === null)) {
    if (!live.has(r.customerId)) live.set(r.customerId, await computeBusinessHistory(db, { workspaceId: ctx.workspace.id, customerId: r.customerId, asOf: todayOf(ctx), timeZone: ctx.workspace.timeZone }));
  }
  return rows.map((r) => ({
    id: r.id, customerId: r.customerId, status: r.status as CreditInvestigationDto['status'],
    basic: r.basic as CreditInvestigationDto['basic'], bank: r.bank as CreditInvestigationDto['bank'],
    financials: r.financials as CreditInvestigationDto['financials'], other: r.other as CreditInvestigationDto['other'],
    attachmentIds: r.attachmentIds as string[], customerConfirmed: r.customerConfirmed,
    businessHistory: (r.businessHistory as BusinessHistory | null) ?? live.get(r.customerId)!,
    preparedBy: person(r.preparedBy)!, submittedAt: r.submittedAt?.toISOString() ?? null,
    reviewedBy: person(r.reviewedBy), reviewedAt: r.reviewedAt?.toISOString() ?? null,
    evaluation: r.evaluation, suggestedGrade: (r.suggestedGrade ?? null) as CreditGrade | null, nextDueOn: r.nextDueOn,
    version: r.version, createdAt: r.createdAt.toISOString(),
  }));
}

/** The investigation the caller may see: its customer is in their scope, otherwise 404. */
async function requireInvestigation(db: Executor, ctx: CommandContext, id: string, opts: { forUpdate?: boolean } = {}) {
  const row = await findInvestigation(db, ctx.workspace.id, id, opts);
  if (!row) throw notFound('creditInvestigation');
  await requireCreditCustomer(db, ctx, row.customerId);
  return row;
}

/** Field checks of the typed parts: statement years unique, every file one of the customer's. */
async function checkContent(db: Executor, ctx: CommandContext, customerId: string, body: CreateInvestigationBody) {
  const years = body.financials.map((f) => f.year);
  if (new Set(years).size !== years.length) throw invalidField('financials', 'errors.investigationFinancialYears');
  for (const [n, fileId] of body.attachmentIds.entries()) {
    if (!(await isAttachmentOfCustomer(db, ctx.workspace.id, fileId, customerId))) throw invalidField(`attachmentIds.${n}`, 'errors.attachmentNotOfCustomer');
  }
}

const contentOf = (body: CreateInvestigationBody) => ({
  basic: body.basic, bank: body.bank, financials: [...body.financials].sort((a, b) => b.year - a.year), other: body.other,
  attachmentIds: body.attachmentIds, customerConfirmed: body.customerConfirmed,
});

/** A customer's credit investigations, newest first (part 4 live for drafts, frozen once submitted). */
export async function listCustomerInvestigations(ctx: CommandContext, customerId: string) {
  await requireCreditCustomer(ctx.db, ctx, customerId);
  return { items: await toDtos(ctx.db, ctx, await listInvestigations(ctx.db, ctx.workspace.id, customerId)) };
}

export async function getInvestigation(ctx: CommandContext, id: string): Promise<CreditInvestigationDto> {
  return (await toDtos(ctx.db, ctx, [await requireInvestigation(ctx.db, ctx, id)]))[0]!;
}

/** Starts a credit investigation (信用调查) of a customer as a draft: customer service prepares it (domain §10). */
export async function createInvestigation(ctx: CommandContext, customerId: string, body: CreateInvestigationBody): Promise<CreditInvestigationDto> {
  return ctx.db.transaction(async (tx) => {
    await requireCreditCustomer(tx, ctx, customerId);
    await checkContent(tx, ctx, customerId, body);
    const row = await insertInvestigation(tx, { workspaceId: ctx.workspace.id, customerId, status: 'draft', ...contentOf(body), preparedBy: ctx.actor.id });
    await appendAudit(tx, ctx, { entity: 'credit_investigation', entityId: row.id, action: 'create', after: row });
    return (await toDtos(tx, ctx, [row]))[0]!;
  });
}

/** Edits a draft investigation at the version read; a submitted one is frozen. */
export async function editInvestigation(ctx: CommandContext, id: string, body: UpdateInvestigationBody): Promise<CreditInvestigationDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireInvestigation(tx, ctx, id, { forUpdate: true });
    if (before.status !== 'draft') throw new AppError('RULE_VIOLATION', 'errors.investigationNotDraft');
    await checkContent(tx, ctx, before.customerId, body);
    const after = await updateInvestigation(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: body.version, expectedStatus: 'draft', values: contentOf(body) });
    if (!after) throw conflict();
    await appendAudit(tx, ctx, { entity: 'credit_investigation', entityId: id, action: 'update', before, after });
    return (await toDtos(tx, ctx, [after]))[0]!;
  });
}

/** Submits a draft for finance's review; part 4 (business with us) is computed as of today and frozen with it. */
export async function submitInvestigation(ctx: CommandContext, id: string, version: number): Promise<CreditInvestigationDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireInvestigation(tx, ctx, id, { forUpdate: true });
    if (before.status !== 'draft') throw new AppError('RULE_VIOLATION', 'errors.investigationNotDraft');
    const history = await computeBusinessHistory(tx, { workspaceId: ctx.workspace.id, customerId: before.customerId, asOf: todayOf(ctx), timeZone: ctx.workspace.timeZone });
    const after = await updateInvestigation(tx, {
      workspaceId: ctx.workspace.id, id, expectedVersion: version, expectedStatus: 'draft',
      values: { status: 'submitted', businessHistory: history, submittedAt: new Date() },
    });
    if (!after) throw conflict();
    await appendAudit(tx, ctx, { entity: 'credit_investigation', entityId: id, action: 'submit', before: { status: before.status }, after: { status: after.status, businessHistory: history } });
    return (await toDtos(tx, ctx, [after]))[0]!;
  });
}

/**
 * Finance reviews a submitted investigation into the credit evaluation form (信用调查评定表): its
 * conclusion and, optionally, the grade it suggests. Never the person who prepared it (SoD). The
 * yearly update falls due credit.investigationMonths later; the previous investigation's renewal
 * to-do, if any, is done by this one.
 */
export async function reviewInvestigation(ctx: CommandContext, id: string, body: ReviewInvestigationBody): Promise<CreditInvestigationDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireInvestigation(tx, ctx, id, { forUpdate: true });
    if (before.status !== 'submitted') throw new AppError('RULE_VIOLATION', 'errors.investigationNotSubmitted');
    if (before.preparedBy === ctx.actor.id) throw new AppError('SEGREGATION_OF_DUTIES', 'errors.sodOwnInvestigation');
    const policies = await readPolicies(tx, ctx.workspace.id);
    const today = todayOf(ctx);
    const after = await updateInvestigation(tx, {
      workspaceId: ctx.workspace.id, id, expectedVersion: body.version, expectedStatus: 'submitted',
      values: {
        status: 'reviewed', reviewedBy: ctx.actor.id, reviewedAt: new Date(), evaluation: body.evaluation, suggestedGrade: body.suggestedGrade ?? null,
        nextDueOn: investigationDueOn(today, policies['credit.investigationMonths']),
      },
    });
    if (!after) throw conflict();
    const earlier = (await listInvestigations(tx, ctx.workspace.id, before.customerId)).filter((r) => r.id !== id && r.renewalTaskId);
    await closeTasksInTx(tx, ctx.workspace.id, earlier.map((r) => r.renewalTaskId!));
    await appendAudit(tx, ctx, { entity: 'credit_investigation', entityId: id, action: 'review', before: { status: before.status }, after });
    return (await toDtos(tx, ctx, [after]))[0]!;
  });
}

export interface InvestigationSweepResult { asOf: IsoDate; tasksCreated: number }

/**
 * The yearly-update sweep of one workspace as of a day (domain §10, update at least yearly): each
 * customer whose latest reviewed investigation is due by asOf gets one to-do "update the credit
 * investigation" for whoever prepared it (or, if they left, the first active customer-service
 * specialist). The task id is kept on the investigation, so running the sweep again creates nothing.
 */
export async function investigationDueSweep(db: Database, who: AuditActor, timeZone: string, asOf: IsoDate): Promise<InvestigationSweepResult> {
  const ws = who.workspaceId;
  return db.transaction(async (tx) => {
    const rows = await dueInvestigations(tx, ws, asOf, 500);
    if (rows.length === 0) return { asOf, tasksCreated: 0 };
    const [preparers, fallback] = await Promise.all([
      listUsers(tx, ws, { role: 'cs_specialist', isActive: true, limit: 200 }),
      listUsers(tx, ws, { role: 'cs_manager', isActive: true, limit: 1 }),
    ]);
    const active = new Set([...preparers, ...fallback].map((u) => u.id));
    const defaultAssignee = preparers[0]?.id ?? fallback[0]?.id;
    let created = 0;
    for (const row of rows) {
      const assigneeId = active.has(row.preparedBy) ? row.preparedBy : defaultAssignee;
      if (!assigneeId) continue;
      const customer = await findCustomerBrief(tx, ws, row.customerId);
      const action = translate('zh-CN', 'credit.task.investigationRenewal', { customer: customer?.name ?? '' });
      const taskId = await addTaskInTx(tx, { workspaceId: ws, timeZone, action, assigneeId, dueDate: row.nextDueOn!, customerId: row.customerId, createdBy: null });
      await setRenewalTask(tx, ws, row.id, taskId);
      await emitEvent(tx, ws, {
        topic: 'credit.investigation_due', payload: { investigationId: row.id, customerId: row.customerId, taskId, dueOn: row.nextDueOn },
        notify: { userIds: [assigneeId], kind: 'task_assigned', params: { title: action, dueDate: row.nextDueOn, by: 'system' }, link: '/tasks' },
      });
      created += 1;
    }
    await appendAuditAs(tx, who, { entity: 'credit_investigation', action: 'renewal_sweep', after: { asOf, investigationIds: rows.map((r) => r.id), tasksCreated: created } });
    return { asOf, tasksCreated: created };
  });
}

/** Runs the sweep for the caller's workspace (default: today in its zone). */
export function runInvestigationSweep(ctx: CommandContext, asOf: IsoDate | undefined) {
  return investigationDueSweep(ctx.db, { workspaceId: ctx.workspace.id, actorId: ctx.actor.id, actorName: ctx.actor.name, requestId: ctx.requestId, ip: ctx.ip },
    ctx.workspace.timeZone, asOf ?? todayOf(ctx));
}

/** The scheduler's job: every workspace, as of today in its own zone. */
export async function remindInvestigationsOfAllWorkspaces(db: Database, now: Date = new Date()): Promise<InvestigationSweepResult[]> {
  const all = await db.select({ id: workspaces.id, timeZone: workspaces.timeZone }).from(workspaces);
  const results: InvestigationSweepResult[] = [];
  for (const w of all) results.push(await investigationDueSweep(db, { workspaceId: w.id, actorId: null, actorName: 'system' }, w.timeZone, todayIn(w.timeZone, now)));
  return results;
}
