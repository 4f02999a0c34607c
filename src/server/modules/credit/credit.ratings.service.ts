import type {
  CalculateLimitBody, CalculateLimitResult, CreateRatingBody, CreditRatingDto, DowngradeTriggerDto, IndicatorScore, RatingDimension, RecordTriggerBody,
} from '../../../shared/contracts/credit-ratings.contract.js';
import { addDays, todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, invalidField } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Executor } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { translate } from '../../platform/i18n/translate.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { listUsers } from '../../platform/org/org.repository.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { addTaskInTx, closeTasksInTx } from '../activities/index.js';
import { isAttachmentOfCustomer } from '../attachments/index.js';
import { calculateLimit } from './credit.calculators.rules.js';
import { findProfile, userNames } from './credit.repository.js';
import {
  findInvestigation, insertRating, insertTrigger, latestRating, listRatings, listTriggers, markTriggersRated, setTriggerTask, type RatingRow, type TriggerRow,
} from './credit.ratings.repository.js';
import { RATING_DIMENSIONS, gradeOf, scoreRating, validateRatingScores } from './credit.ratings.rules.js';
import { defaultTermsDays, type CreditGrade } from './credit.rules.js';
import { creditPolicyOf, requireCreditCustomer } from './credit.service.js';

/** Days finance has to re-rate a customer after a downgrade trigger is recorded (our default; domain §10 says "forces a re-rating"). */
export const RERATE_WITHIN_DAYS = 7;

const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);

async function toRatingDtos(db: Executor, ctx: CommandContext, rows: RatingRow[], triggersByRating: Map<string, string[]>): Promise<CreditRatingDto[]> {
  const names = await userNames(db, ctx.workspace.id, rows.map((r) => r.ratedBy));
  return rows.map((r) => ({
    id: r.id, customerId: r.customerId, investigationId: r.investigationId, total: r.total, grade: r.grade as CreditGrade,
    previousGrade: (r.previousGrade ?? null) as CreditGrade | null, suggestedTermsDays: r.suggestedTermsDays,
    dimensions: r.dimensions as CreditRatingDto['dimensions'], reason: r.reason, ratedBy: { id: r.ratedBy, name: names.get(r.ratedBy) ?? '—' },
    ratedOn: r.ratedOn, triggerIds: triggersByRating.get(r.id) ?? [], createdAt: r.createdAt.toISOString(),
  }));
}

async function toTriggerDtos(db: Executor, ctx: CommandContext, rows: TriggerRow[]): Promise<DowngradeTriggerDto[]> {
  const names = await userNames(db, ctx.workspace.id, rows.map((r) => r.recordedBy));
  return rows.map((r) => ({
    id: r.id, customerId: r.customerId, kind: r.kind as DowngradeTriggerDto['kind'], occurredOn: r.occurredOn, evidence: r.evidence,
    attachmentIds: r.attachmentIds as string[], status: r.status as DowngradeTriggerDto['status'],
    recordedBy: { id: r.recordedBy, name: names.get(r.recordedBy) ?? '—' }, taskId: r.taskId, ratingId: r.ratingId, createdAt: r.createdAt.toISOString(),
  }));
}

const triggerIndex = (triggers: TriggerRow[]) => {
  const map = new Map<string, string[]>();
  for (const t of triggers) if (t.ratingId) map.set(t.ratingId, [...(map.get(t.ratingId) ?? []), t.id]);
  return map;
};

/** A customer's grade history (信用评级记录), newest first: scores, total, grade, who rated and why. */
export async function listCustomerRatings(ctx: CommandContext, customerId: string) {
  await requireCreditCustomer(ctx.db, ctx, customerId);
  const [rows, triggers] = await Promise.all([listRatings(ctx.db, ctx.workspace.id, customerId), listTriggers(ctx.db, ctx.workspace.id, customerId)]);
  return { items: await toRatingDtos(ctx.db, ctx, rows, triggerIndex(triggers)) };
}

/**
 * Rates a customer's credit (信用评级, domain §10): by finance, from the indicator scores of the five
 * dimensions weighted by policy (credit.weight.*), total 0–100 → grade by credit.gradeA/B/C, with the
 * grade's default terms (credit.termsDays.*; D: 0). If it rests on an investigation, that one must be
 * the customer's, reviewed, and not prepared by the rater (SoD). Answers every open downgrade trigger
 * of the customer and closes their re-rating to-dos. The grade reaches the credit profile only through
 * a credit change request and its approval.
 */
export async function rateCustomer(ctx: CommandContext, body: CreateRatingBody): Promise<CreditRatingDto> {
  const dims = body.dimensions as Partial<Record<RatingDimension, IndicatorScore[]>>;
  const errors = validateRatingScores(dims);
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', 'errors.validation', { fields: errors.map((e) => e.path) }, errors);
  return ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    await requireCreditCustomer(tx, ctx, body.customerId);
    if (body.investigationId) {
      const inv = await findInvestigation(tx, ws, body.investigationId);
      if (!inv || inv.customerId !== body.customerId) throw invalidField('investigationId', 'errors.investigationOtherCustomer');
      if (inv.status !== 'reviewed') throw new AppError('RULE_VIOLATION', 'errors.investigationNotReviewed', {}, [{ path: 'investigationId', message: 'errors.investigationNotReviewed' }]);
      if (inv.preparedBy === ctx.actor.id) throw new AppError('SEGREGATION_OF_DUTIES', 'errors.sodOwnInvestigation');
    }
    const [p, policy, previous, profile] = await Promise.all([
      readPolicies(tx, ws), creditPolicyOf(tx, ws), latestRating(tx, ws, body.customerId), findProfile(tx, ws, body.customerId),
    ]);
    const weights = Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, String(p[`credit.weight.${d}`])])) as Record<RatingDimension, string>;
    const result = scoreRating(dims as Record<RatingDimension, IndicatorScore[]>, weights);
    const grade = gradeOf(result.total, { A: p['credit.gradeA'], B: p['credit.gradeB'], C: p['credit.gradeC'] });
    const row = await insertRating(tx, {
      workspaceId: ws, customerId: body.customerId, investigationId: body.investigationId ?? null, dimensions: result.dimensions, total: result.total, grade,
      previousGrade: previous?.grade ?? profile?.grade ?? null, suggestedTermsDays: defaultTermsDays(grade, policy), reason: body.reason,
      ratedBy: ctx.actor.id, ratedOn: todayOf(ctx),
    });
    const answered = await markTriggersRated(tx, ws, body.customerId, row.id);
    await closeTasksInTx(tx, ws, answered.flatMap((t) => (t.taskId ? [t.taskId] : [])));
    await appendAudit(tx, ctx, { entity: 'credit_rating', entityId: row.id, action: 'create', after: { ...row, triggerIds: answered.map((t) => t.id) } });
    await emitEvent(tx, ws, { topic: 'credit.rated', payload: { customerId: body.customerId, ratingId: row.id, total: row.total, grade, previousGrade: row.previousGrade } });
    return (await toRatingDtos(tx, ctx, [row], new Map([[row.id, answered.map((t) => t.id)]])))[0]!;
  });
}

/** A customer's downgrade triggers, newest first. */
export async function listCustomerTriggers(ctx: CommandContext, customerId: string) {
  await requireCreditCustomer(ctx.db, ctx, customerId);
  return { items: await toTriggerDtos(ctx.db, ctx, await listTriggers(ctx.db, ctx.workspace.id, customerId)) };
}

/**
 * Records a downgrade trigger (降级事项, domain §10) with its evidence: it forces a re-rating — a
 * to-do for finance (whoever rated the customer last if still active, else the first active finance
 * user), due in RERATE_WITHIN_DAYS days — which the next rating answers.
 */
export async function recordTrigger(ctx: CommandContext, customerId: string, body: RecordTriggerBody): Promise<DowngradeTriggerDto> {
  return ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const customer = await requireCreditCustomer(tx, ctx, customerId);
    for (const [n, fileId] of body.attachmentIds.entries()) {
      if (!(await isAttachmentOfCustomer(tx, ws, fileId, customerId))) throw invalidField(`attachmentIds.${n}`, 'errors.attachmentNotOfCustomer');
    }
    const row = await insertTrigger(tx, {
      workspaceId: ws, customerId, kind: body.kind, occurredOn: body.occurredOn, evidence: body.evidence, attachmentIds: body.attachmentIds,
      status: 'open', recordedBy: ctx.actor.id,
    });
    const [last, finance] = await Promise.all([latestRating(tx, ws, customerId), listUsers(tx, ws, { role: 'finance', isActive: true, limit: 50 })]);
    const assigneeId = finance.find((u) => u.id === last?.ratedBy)?.id ?? finance[0]?.id;
    let taskId: string | null = null;
    if (assigneeId) {
      const action = translate('zh-CN', 'credit.task.rerate', { customer: customer.name, kind: translate('zh-CN', `credit.trigger.${body.kind}`) });
      const dueDate = addDays(todayOf(ctx), RERATE_WITHIN_DAYS);
      taskId = await addTaskInTx(tx, { workspaceId: ws, timeZone: ctx.workspace.timeZone, action, assigneeId, dueDate, customerId, createdBy: ctx.actor.id });
      await setTriggerTask(tx, ws, row.id, taskId);
      await emitEvent(tx, ws, {
        topic: 'credit.downgrade_trigger', payload: { customerId, triggerId: row.id, kind: body.kind, taskId },
        notify: { userIds: [assigneeId], kind: 'task_assigned', params: { title: action, dueDate, by: ctx.actor.name }, link: '/tasks' },
      });
    }
    await appendAudit(tx, ctx, { entity: 'credit_downgrade_trigger', entityId: row.id, action: 'create', after: { ...row, taskId } });
    return (await toTriggerDtos(tx, ctx, [{ ...row, taskId }]))[0]!;
  });
}

/** One of the five limit calculators with its working, in the caller's language; refuses impossible inputs naming the field (422). */
export function calculateCreditLimit(ctx: CommandContext, body: CalculateLimitBody): CalculateLimitResult {
  const result = calculateLimit(body);
  if (!result.ok) throw new AppError('RULE_VIOLATION', result.key, {}, [{ path: result.path, message: result.key }]);
  return { method: body.method, limit: result.limit, working: result.working.map((l) => translate(ctx.locale, l.key, l.params)) };
}
