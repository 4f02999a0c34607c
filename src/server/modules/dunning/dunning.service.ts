import type { DunningLineDto, DunningLogEntryDto, DunningQuery, DunningQueue, LogDunningStepBody } from '../../../shared/contracts/dunning.contract.js';
import { isIsoDate, todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, invalidField, notFound } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { registerApprovalSubject, type ApprovalOutcome } from '../../platform/approvals/approvals.registry.js';
import { submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.js';
import { translate } from '../../platform/i18n/translate.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { addTaskInTx, closeTasksInTx } from '../activities/index.js';
import {
  closeOpenTodosOf, earliestOverdueByCustomer, findPendingWriteOff, findReceivable, gradesOf, insertStep, namesFor, overdueLines, setStepStatus, stepsOf,
  writeOffReceivable, type DunningStepRow, type ReceivableRow,
} from './dunning.repository.js';
import {
  daysOverdue, dunningSteps, isGoodStanding, ladderPosition, letterDeadline, letterSteps, stepRefusal, type DunningPolicy, type DunningStep,
} from './dunning.rules.js';

/** Approval document type of a bad-debt write-off (呆账核销); the subject is the dunning step that requests it. */
export const WRITE_OFF_DOCUMENT = 'bad_debt_write_off';

const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);

export async function dunningPolicyOf(db: Executor, workspaceId: string): Promise<DunningPolicy & { graceDays: number }> {
  const p = await readPolicies(db, workspaceId);
  return {
    noticeDays: p['dunning.noticeDays'], goodStandingMaxDays: p['dunning.goodStandingMaxDays'], lawyerLetterDays: p['dunning.lawyerLetterDays'],
    lawsuitDays: p['dunning.lawsuitDays'], writeOffDays: p['dunning.writeOffDays'], graceDays: p['dunning.letterGraceDays'],
  };
}

/** Steps that count on the ladder: done ones and a pending write-off (a rejected write-off request does not). */
const counted = (s: DunningStepRow) => s.status === 'done';

function toLogDto(s: DunningStepRow, names: Map<string, { name: string }>): DunningLogEntryDto {
  return {
    id: s.id, step: s.step as DunningStep, status: s.status as DunningLogEntryDto['status'], actedOn: s.actedOn,
    actedBy: { id: s.actedBy, name: names.get(s.actedBy)?.name ?? '—' }, note: s.note, deadline: s.deadline,
    hasLetter: (letterSteps as readonly string[]).includes(s.step), approvalId: s.approvalId,
  };
}

/** Lines the queue reads at most per request when a filter (step, dueOnly) leaves few of them: the page then ends early with a cursor. */
const QUEUE_READ_MAX = 5000;
/** Lines read per round when filtering. */
const QUEUE_CHUNK = 500;

function queueCursor(cursor: string | undefined): { dueDate: IsoDate; id: string } | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [dueDate, id] = key;
  if (typeof dueDate !== 'string' || !isIsoDate(dueDate) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'errors.invalidFormat');
  return { dueDate, id };
}

/**
 * The dunning queue (催款队列, domain §11.2) as of a day: overdue open/partial lines in the caller's
 * scope with their days overdue, the customer's standing, the last step and the next step on the
 * ladder with the day it falls due. A pure function of the day and the log (steps logged up to that
 * day): asking twice gives the same answer; logging a step moves the line up.
 * Cursor-paged, earliest due first (due date, id). The filters `step` and `dueOnly` depend on the
 * ladder, so they apply to the lines read before the page is cut: the queue reads keyset chunks until
 * the page is full or QUEUE_READ_MAX lines were read, and then answers what it found with a cursor
 * after the last line read (a page may be short, even empty, with a nextCursor).
 */
export async function dunningQueue(ctx: CommandContext, q: DunningQuery): Promise<DunningQueue> {
  const db = ctx.db;
  const ws = ctx.workspace.id;
  const asOf = q.asOf ?? todayOf(ctx);
  const limit = q.limit ?? 50;
  const owners = await visibleOwners(db, ctx);
  const policy = await dunningPolicyOf(db, ws);
  const filtered = q.step !== undefined || q.dueOnly === 'true';
  type Hit = { row: ReceivableRow; log: DunningStepRow[]; grade: string | null; customerMax: number; writeOffPending: boolean; position: ReturnType<typeof ladderPosition> };
  const hits: Hit[] = [];
  let after = queueCursor(q.cursor);
  let read = 0;
  let more = true;
  while (hits.length <= limit && read < QUEUE_READ_MAX) {
    const chunk = filtered ? QUEUE_CHUNK : limit + 1 - hits.length;
    const rows = await overdueLines(db, { workspaceId: ws, owners, asOf, ownerId: q.ownerId, limit: chunk, after });
    read += rows.length;
    const customerIds = rows.map((r) => r.customerId);
    const grades = await gradesOf(db, ws, customerIds);
    const earliest = await earliestOverdueByCustomer(db, ws, customerIds, asOf);
    const byLine = new Map<string, DunningStepRow[]>();
    for (const s of await stepsOf(db, ws, rows.map((r) => r.id), asOf)) byLine.set(s.receivableId, [...(byLine.get(s.receivableId) ?? []), s]);
    for (const row of rows) {
      after = { dueDate: row.dueDate, id: row.id };
      const log = byLine.get(row.id) ?? [];
      const grade = grades.get(row.customerId) ?? null;
      const customerMax = daysOverdue(earliest.get(row.customerId) ?? row.dueDate, asOf);
      const writeOffPending = log.some((s) => s.step === 'write_off' && s.status === 'pending');
      const position = ladderPosition({ dueDate: row.dueDate, asOf, grade, customerMaxDaysOverdue: customerMax, done: log.filter(counted).map((s) => s.step as DunningStep), writeOffPending }, policy);
      if ((q.step && position.nextStep !== q.step) || (q.dueOnly === 'true' && !position.isDue)) continue;
      hits.push({ row, log, grade, customerMax, writeOffPending, position });
      if (hits.length > limit) break;
    }
    if (rows.length < chunk) { more = hits.length > limit; break; }
  }
  const page = hits.slice(0, limit);
  const lastOfPage = page.at(-1)?.row;
  const nextKey = hits.length > limit ? lastOfPage && { dueDate: lastOfPage.dueDate, id: lastOfPage.id } : more ? after : undefined;
  const nextCursor = nextKey ? encodeCursor([nextKey.dueDate, nextKey.id]) : null;

  const rows = page.map((h) => h.row);
  const names = await namesFor(db, ws, { contractIds: rows.map((r) => r.contractId), customerIds: rows.map((r) => r.customerId), userIds: [...rows.map((r) => r.ownerId), ...page.flatMap((h) => h.log.map((s) => s.actedBy))] });
  const items: DunningLineDto[] = page.map(({ row: r, log, grade, customerMax, writeOffPending, position }) => ({
    receivableId: r.id, contract: { id: r.contractId, number: names.contracts.get(r.contractId)?.number ?? '—' },
    customer: { id: r.customerId, name: names.customers.get(r.customerId)?.name ?? '—' }, owner: { id: r.ownerId, name: names.users.get(r.ownerId)?.name ?? '—' },
    grade, dueDate: r.dueDate, deferredFrom: r.deferredFrom, amount: r.amount, outstanding: money.sub(r.amount, r.received),
    goodStanding: isGoodStanding(grade, customerMax, policy), writeOffPending, ...position,
    log: log.map((s) => toLogDto(s, names.users)),
  }));
  return { asOf, items, nextCursor, truncated: nextCursor !== null };
}

/** A receivable line the caller sees (owner in their data scope), or 404. */
async function requireLine(tx: Executor, ctx: CommandContext, id: string, forUpdate = false): Promise<ReceivableRow> {
  const row = await findReceivable(tx, ctx.workspace.id, id, { forUpdate });
  if (!row) throw notFound('receivable');
  const owners = await visibleOwners(tx, ctx);
  if (owners.kind !== 'all' && !owners.ids.includes(row.ownerId)) throw notFound('receivable');
  return row;
}

/** Gives the rep of the line a to-do for the step (我的待办), and tells them when someone else logged it. */
async function todoForRep(tx: Tx, ctx: CommandContext, line: ReceivableRow, key: string, dueDate: IsoDate, deadline: IsoDate | null) {
  const names = await namesFor(tx, ctx.workspace.id, { contractIds: [line.contractId], customerIds: [line.customerId] });
  const action = translate('zh-CN', key, {
    customer: names.customers.get(line.customerId)?.name ?? '—', contract: names.contracts.get(line.contractId)?.number ?? '—',
    outstanding: money.sub(line.amount, line.received), deadline: deadline ?? '—',
  });
  const taskId = await addTaskInTx(tx, { workspaceId: ctx.workspace.id, timeZone: ctx.workspace.timeZone, action, assigneeId: line.ownerId, dueDate, customerId: line.customerId, createdBy: ctx.actor.id });
  if (line.ownerId !== ctx.actor.id) {
    await emitEvent(tx, ctx.workspace.id, {
      topic: 'task.assigned', payload: { taskId, assigneeId: line.ownerId, dueDate },
      notify: { userIds: [line.ownerId], kind: 'task_assigned', params: { title: action, dueDate, by: ctx.actor.name }, link: '/tasks' },
    });
  }
  return taskId;
}

/**
 * Logs one dunning step on an overdue line (domain §11.2) with who and the day, audited, and gives
 * the rep a to-do. Letters get the reply deadline (dunning.letterGraceDays). A write-off is requested
 * by finance only and goes to the sales manager for approval; nothing changes on the line until then.
 * Refused (422, nothing written) on a line not overdue, settled, or with a write-off pending.
 */
export async function logDunningStep(ctx: CommandContext, receivableId: string, input: LogDunningStepBody): Promise<DunningLogEntryDto> {
  if (input.step === 'write_off' && !ctx.actor.permissions.has('dunning:write_off')) throw new AppError('FORBIDDEN', 'errors.dunningWriteOffFinanceOnly');
  try {
    return await ctx.db.transaction(async (tx) => {
      const line = await requireLine(tx, ctx, receivableId, true);
      const asOf = todayOf(ctx);
      const policy = await dunningPolicyOf(tx, ctx.workspace.id);
      const grade = (await gradesOf(tx, ctx.workspace.id, [line.customerId])).get(line.customerId) ?? null;
      const earliest = (await earliestOverdueByCustomer(tx, ctx.workspace.id, [line.customerId], asOf)).get(line.customerId);
      const pending = await findPendingWriteOff(tx, ctx.workspace.id, line.id);
      const refusal = stepRefusal(line, input.step, {
        asOf, writeOffPending: pending !== undefined, goodStanding: isGoodStanding(grade, earliest ? daysOverdue(earliest, asOf) : 0, policy),
      });
      if (refusal) throw new AppError('RULE_VIOLATION', refusal.key, refusal.params, [{ path: input.step === 'write_off' ? 'receivableId' : 'step', message: refusal.key, params: refusal.params }]);

      const isLetter = (letterSteps as readonly string[]).includes(input.step);
      const deadline = isLetter ? letterDeadline(asOf, policy.graceDays) : null;
      const step = await insertStep(tx, {
        workspaceId: ctx.workspace.id, receivableId: line.id, customerId: line.customerId, step: input.step,
        status: input.step === 'write_off' ? 'pending' : 'done', actedOn: asOf, actedBy: ctx.actor.id, note: input.note ?? null, deadline,
      });
      // the daily sweep's to-dos "send <step>" for this rung or a lower one are done now
      const rungs = dunningSteps.slice(0, dunningSteps.indexOf(input.step) + 1);
      await closeTasksInTx(tx, ctx.workspace.id, await closeOpenTodosOf(tx, ctx.workspace.id, [line.id], asOf, rungs));
      if (input.step === 'write_off') {
        const names = await namesFor(tx, ctx.workspace.id, { contractIds: [line.contractId], customerIds: [line.customerId] });
        const outstanding = money.sub(line.amount, line.received);
        const { approvalId } = await submitForApproval(tx, ctx, {
          documentType: WRITE_OFF_DOCUMENT, subjectId: step.id,
          title: `呆账核销 ${names.customers.get(line.customerId)?.name ?? ''} ${names.contracts.get(line.contractId)?.number ?? ''} ¥${outstanding}`,
          snapshot: {
            receivableId: line.id, contractNumber: names.contracts.get(line.contractId)?.number ?? null, customerName: names.customers.get(line.customerId)?.name ?? null,
            dueDate: line.dueDate, amount: line.amount, received: line.received, outstanding, daysOverdue: daysOverdue(line.dueDate, asOf), note: input.note ?? null,
          },
          excludedUserIds: [line.ownerId],
        });
        await setStepStatus(tx, ctx.workspace.id, step.id, { status: 'pending', approvalId });
        step.approvalId = approvalId;
      }
      await appendAudit(tx, ctx, { entity: 'receivable', entityId: line.id, action: `dunning_${input.step}`, after: { stepId: step.id, step: input.step, actedOn: asOf, note: input.note ?? null, deadline, approvalId: step.approvalId } });
      await todoForRep(tx, ctx, line, `dunning.task.${input.step}`, deadline ?? asOf, deadline);
      const users = (await namesFor(tx, ctx.workspace.id, { userIds: [ctx.actor.id] })).users;
      return toLogDto(step, users);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('RULE_VIOLATION', 'errors.dunningWriteOffPending');
    throw error;
  }
}

// ── write-off approval ─────────────────────────────────────────────────────────────────────────

function decideWriteOff(decision: 'approved' | 'rejected' | 'returned') {
  return async (tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome) => {
    const step = (await stepsOf(tx, ctx.workspace.id, [String(outcome.snapshot.receivableId)])).find((s) => s.id === outcome.subjectId);
    if (!step || step.status !== 'pending') return;
    const line = await findReceivable(tx, ctx.workspace.id, step.receivableId, { forUpdate: true });
    if (!line) return;
    const on = todayOf(ctx);
    // the line may have been paid meanwhile: only an open/partial line is written off
    const writesOff = decision === 'approved' && (line.status === 'open' || line.status === 'partial');
    await setStepStatus(tx, ctx.workspace.id, step.id, { status: writesOff ? 'done' : 'rejected' });
    if (writesOff) {
      await writeOffReceivable(tx, ctx.workspace.id, line.id, on);
      await todoForRep(tx, ctx, line, 'dunning.task.write_off_done', on, null);
    }
    await appendAudit(tx, ctx, {
      entity: 'receivable', entityId: line.id, action: `write_off_${decision}`,
      before: { status: line.status }, after: { status: writesOff ? 'written_off' : line.status, writtenOffOn: writesOff ? on : null, approvalId: outcome.approvalId, comment: outcome.comment },
    });
  };
}

registerApprovalSubject(WRITE_OFF_DOCUMENT, {
  defaultFlow: { name: '呆账核销', steps: [{ label: '销售经理审批', approver: { role: 'sales_manager' } }] },
  link: () => '/dunning',
  onApproved: decideWriteOff('approved'),
  onRejected: decideWriteOff('rejected'),
  onReturned: decideWriteOff('returned'),
});
