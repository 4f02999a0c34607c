import type { DunningRunBody, DunningRunResult } from '../../../shared/contracts/dunning.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { appendAuditAs, type AuditActor } from '../../platform/audit/audit.service.js';
import type { Database, DbHandle, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import { translate } from '../../platform/i18n/translate.js';
import type { CommandContext } from '../../platform/http/context.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { addTasksInTx, closeTasksInTx } from '../activities/index.js';
import {
  closeOpenTodosOf, closeTodosByTask, earliestOverdueByCustomer, gradesOf, insertTodos, ladderStepsOf, namesFor, overdueBatch, staleTodoLines, todosOf,
  workspaceZones, type OverdueBatchRow,
} from './dunning.repository.js';
import { daysOverdue, ladderPosition, type DunningStep } from './dunning.rules.js';
import { dunningPolicyOf } from './dunning.service.js';

/** Lines read (and written) per transaction: big enough to amortise the ~10 set-based queries of a batch. */
const BATCH = 2000;

export interface DunningSweepOptions {
  workspaceId: string;
  asOf: IsoDate;
  /** who ran it (the endpoint's caller); the scheduler runs it as "system" */
  actor?: Omit<AuditActor, 'workspaceId'>;
  batchSize?: number;
}

interface OwnerTally { count: number; customers: string[] }

/**
 * The daily dunning computation of one workspace as of a day (domain §11.2 "finance's aging finds
 * overdue items and notifies the rep", §16): for EVERY open or partial line overdue as of asOf, the
 * position on the ladder (`ladderPosition`, the same rule the queue shows), and for each line whose next
 * step is due, ONE open to-do "催款：<customer> <contract> 应发<step>…" for the line's owner, kept in
 * dunning_todos under (line, step). Idempotent: the same asOf twice, or the next day, creates nothing
 * while the row exists. To-dos gone stale — the step (or a later one) was logged, the line was paid,
 * written off, deferred so it is no longer overdue — are closed (task done, row closed). Each owner
 * with new to-dos gets one notification for the run, and the to-dos are marked reminded so the task
 * reminder sweep does not ping once per line.
 *
 * Set-based: the overdue lines are walked in keyset batches by (due date, id) on the partial index
 * receivables_open_due_idx, each batch its own transaction with a fixed number of queries (lines,
 * grades, customers' earliest overdue day, steps, to-dos, names, inserts/updates), never one per line.
 * Takes the database handle (or a Database / transaction: batches become savepoints).
 */
export async function runDunningSweep(handle: DbHandle | Executor, opts: DunningSweepOptions): Promise<DunningRunResult> {
  const db: Executor = 'kind' in handle && 'close' in handle ? handle.db : (handle as Executor);
  const { workspaceId: ws, asOf } = opts;
  const batchSize = opts.batchSize ?? BATCH;
  const [workspace] = await workspaceZones(db, ws);
  if (!workspace) throw new Error(`runDunningSweep: no workspace ${ws}`);
  const policy = await dunningPolicyOf(db, ws);
  const who: AuditActor = { workspaceId: ws, actorId: opts.actor?.actorId ?? null, actorName: opts.actor?.actorName ?? 'system', requestId: opts.actor?.requestId ?? null, ip: opts.actor?.ip ?? null };
  const tally = new Map<string, OwnerTally>();
  let lines = 0;
  let due = 0;
  let created = 0;
  let closed = 0;

  // 1. every overdue open/partial line: create the due to-dos, close the ones the log made stale
  let after: OverdueBatchRow | undefined;
  for (let read = batchSize; read === batchSize;) {
    const result = await db.transaction(async (tx) => {
      const rows = await overdueBatch(tx, ws, asOf, after, batchSize);
      if (rows.length === 0) return { rows, due: 0, created: 0, closed: 0 };
      const ids = rows.map((r) => r.id);
      const customerIds = rows.map((r) => r.customerId);
      const grades = await gradesOf(tx, ws, customerIds);
      const earliest = await earliestOverdueByCustomer(tx, ws, customerIds, asOf);
      const steps = await ladderStepsOf(tx, ws, ids, asOf);
      const todos = await todosOf(tx, ws, ids);
      const logOf = new Map<string, { step: string; status: string }[]>();
      for (const s of steps) logOf.set(s.receivableId, [...(logOf.get(s.receivableId) ?? []), s]);
      const todoKeys = new Set(todos.map((t) => `${t.receivableId}:${t.step}`));

      const wanted: { row: OverdueBatchRow; step: DunningStep; days: number }[] = [];
      const dueStep = new Map<string, DunningStep>();
      for (const r of rows) {
        const log = logOf.get(r.id) ?? [];
        const position = ladderPosition({
          dueDate: r.dueDate, asOf, grade: grades.get(r.customerId) ?? null,
          customerMaxDaysOverdue: daysOverdue(earliest.get(r.customerId) ?? r.dueDate, asOf),
          done: log.filter((s) => s.status === 'done').map((s) => s.step as DunningStep),
          writeOffPending: log.some((s) => s.step === 'write_off' && s.status === 'pending'),
        }, policy);
        if (!position.isDue || !position.nextStep) continue;
        dueStep.set(r.id, position.nextStep);
        if (!todoKeys.has(`${r.id}:${position.nextStep}`)) wanted.push({ row: r, step: position.nextStep, days: position.daysOverdue });
      }

      // stale: an open to-do whose step is no longer the line's due next step
      const stale = todos.filter((t) => t.closedOn === null && dueStep.get(t.receivableId) !== t.step).map((t) => t.taskId);
      if (stale.length) {
        await closeTasksInTx(tx, ws, stale);
        await closeTodosByTask(tx, ws, ids, stale, asOf);
      }

      let made = 0;
      if (wanted.length) {
        // the row first (ON CONFLICT DO NOTHING): a concurrent run cannot give the same (line, step) two tasks
        const inserted = await insertTodos(tx, wanted.map((w) => ({ workspaceId: ws, receivableId: w.row.id, step: w.step, taskId: newId(), ownerId: w.row.ownerId, createdOn: asOf })));
        const mine = new Set(inserted.map((i) => i.receivableId));
        const fresh = wanted.filter((w) => mine.has(w.row.id));
        const taskOf = new Map(inserted.map((i) => [i.receivableId, i.taskId]));
        const names = await namesFor(tx, ws, { contractIds: fresh.map((w) => w.row.contractId), customerIds: fresh.map((w) => w.row.customerId) });
        await addTasksInTx(tx, ws, workspace.timeZone, fresh.map((w) => {
          const customer = names.customers.get(w.row.customerId)?.name ?? '—';
          const t = tally.get(w.row.ownerId) ?? { count: 0, customers: [] };
          t.count += 1;
          if (t.customers.length < 5 && !t.customers.includes(customer)) t.customers.push(customer);
          tally.set(w.row.ownerId, t);
          return {
            id: taskOf.get(w.row.id)!, assigneeId: w.row.ownerId, dueDate: asOf, customerId: w.row.customerId, createdBy: null, alreadyReminded: true,
            action: translate('zh-CN', 'dunning.task.due', {
              customer, contract: names.contracts.get(w.row.contractId)?.number ?? '—', step: translate('zh-CN', `dunning.step.${w.step}`),
              days: w.days, outstanding: money.sub(w.row.amount, w.row.received),
            }),
          };
        }));
        made = fresh.length;
      }
      return { rows, due: dueStep.size, created: made, closed: stale.length };
    });
    read = result.rows.length;
    lines += read;
    due += result.due;
    created += result.created;
    closed += result.closed;
    after = result.rows.at(-1) ?? after;
  }

  // 2. open to-dos of lines that are no longer overdue and open (paid, written off, deferred), by line id
  let afterLine: string | undefined;
  for (let read = batchSize; read === batchSize;) {
    const result = await db.transaction(async (tx) => {
      const lineIds = await staleTodoLines(tx, ws, asOf, afterLine, batchSize);
      if (lineIds.length === 0) return { lineIds, closed: 0 };
      const taskIds = await closeOpenTodosOf(tx, ws, lineIds, asOf);
      await closeTasksInTx(tx, ws, taskIds);
      return { lineIds, closed: taskIds.length };
    });
    read = result.lineIds.length;
    closed += result.closed;
    afterLine = result.lineIds.at(-1) ?? afterLine;
  }

  // 3. one notification per owner for the run, and the audit of the run
  await db.transaction(async (tx) => {
    for (const [ownerId, t] of tally) {
      await emitEvent(tx, ws, {
        topic: 'dunning.todos', payload: { ownerId, asOf, count: t.count },
        notify: { userIds: [ownerId], kind: 'dunning_todos', params: { count: t.count, customers: t.customers.join('、'), asOf }, link: '/tasks' },
      });
    }
    await appendAuditAs(tx, who, { entity: 'dunning', action: 'sweep', after: { asOf, lines, due, created, closed, owners: tally.size } });
  });
  return { asOf, lines, due, created, closed };
}

/**
 * Runs the daily dunning computation for the caller's workspace as of a day (default today; not in
 * the future: a step "due" tomorrow is not due yet) — what the scheduler does each morning.
 */
export async function runDunning(ctx: CommandContext, body: DunningRunBody) {
  const today = todayIn(ctx.workspace.timeZone);
  const asOf = body.asOf ?? today;
  if (asOf > today) throw new AppError('RULE_VIOLATION', 'errors.dunningRunInFuture', { today }, [{ path: 'asOf', message: 'errors.dunningRunInFuture', params: { today } }]);
  return runDunningSweep(ctx.db, { workspaceId: ctx.workspace.id, asOf, actor: { actorId: ctx.actor.id, actorName: ctx.actor.name, requestId: ctx.requestId, ip: ctx.ip } });
}

/** The hour (workspace time zone) from which the scheduler runs the day's sweep: early morning, before work. */
export const DUNNING_SWEEP_HOUR = 6;

/**
 * The scheduler's job (hourly): every workspace whose local time is past DUNNING_SWEEP_HOUR and whose
 * sweep has not run today in this process. `lastRun` remembers the day per workspace; after a restart
 * (or on another node) the day runs once more, which creates nothing (idempotent).
 */
export async function dunningSweepOfAllWorkspaces(db: Database, now: Date = new Date(), lastRun: Map<string, IsoDate> = new Map()): Promise<DunningRunResult[]> {
  const results: DunningRunResult[] = [];
  for (const w of await workspaceZones(db)) {
    const today = todayIn(w.timeZone, now);
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: w.timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now));
    if (hour < DUNNING_SWEEP_HOUR || lastRun.get(w.id) === today) continue;
    results.push(await runDunningSweep(db, { workspaceId: w.id, asOf: today }));
    lastRun.set(w.id, today);
  }
  return results;
}
