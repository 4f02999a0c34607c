import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { CreateTaskBody, TaskDto, TaskListQuery, TaskStatus } from '../../../shared/contracts/activities.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../../shared/errors.js';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.service.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Database, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import type { CommandContext, VisibleOwners } from '../../platform/http/context.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { outbox } from '../../platform/notifications/notifications.schema.js';
import { workspaces } from '../../platform/org/org.schema.js';
import { activeUserIds, findTask, listTaskRows, tasksVisible, type TaskView } from './activities.repository.js';
import { tasks } from './activities.schema.js';
import { resolveLinks, todayOf } from './activities.service.js';

export function toTaskDto(row: TaskView): TaskDto {
  return {
    id: row.id, action: row.action, assigneeId: row.assigneeId, assigneeName: row.assigneeName, dueDate: row.dueDate,
    reminderAt: row.reminderAt?.toISOString() ?? null, status: row.status as TaskStatus, doneAt: row.doneAt?.toISOString() ?? null,
    customerId: row.customerId, customerName: row.customerName, opportunityId: row.opportunityId, callReportId: row.callReportId,
    createdBy: row.createdBy, version: row.version, createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Whose tasks the caller sees: those of people in their data scope when they follow the sales diary
 * (activity:read); otherwise — finance, warehouse, front desk, who may be named in an action item —
 * only their own, whatever their data scope.
 */
async function taskOwners(db: Executor, ctx: CommandContext): Promise<VisibleOwners> {
  return ctx.actor.permissions.has('activity:read') ? visibleOwners(db, ctx) : { kind: 'users', ids: [ctx.actor.id] };
}

/** A task the caller sees: assigned to someone they may follow, or created by them. */
async function requireTask(db: Executor, ctx: CommandContext, id: string): Promise<TaskView> {
  const row = await findTask(db, ctx.workspace.id, id);
  if (!row) throw notFound('task');
  const owners = await taskOwners(db, ctx);
  const visible = owners.kind === 'all' || owners.ids.includes(row.assigneeId);
  if (row.createdBy !== ctx.actor.id && !visible) throw notFound('task');
  return row;
}

/** Tasks the caller sees, soonest due first (my tasks: `assignee=me&status=open`). */
export async function listTasks(ctx: CommandContext, q: TaskListQuery) {
  const where: SQL[] = [tasksVisible(await taskOwners(ctx.db, ctx), ctx.actor.id)];
  if (q.assignee) where.push(eq(tasks.assigneeId, q.assignee === 'me' ? ctx.actor.id : q.assignee));
  if (q.status) where.push(eq(tasks.status, q.status));
  if (q.dueBefore) where.push(sql`${tasks.dueDate} <= ${q.dueBefore}::date`);
  if (q.dueAfter) where.push(sql`${tasks.dueDate} >= ${q.dueAfter}::date`);
  if (q.customerId) where.push(eq(tasks.customerId, q.customerId));
  if (q.opportunityId) where.push(eq(tasks.opportunityId, q.opportunityId));
  const key = decodeCursor(q.cursor);
  if (key && (typeof key[0] !== 'string' || typeof key[1] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(key[0]) || !/^[0-9a-f-]{36}$/i.test(key[1]))) {
    throw invalidField('cursor', 'errors.invalidFormat');
  }
  const rows = await listTaskRows(ctx.db, { workspaceId: ctx.workspace.id, where, after: key as [string, string] | undefined, limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.dueDate, r.id]);
  return { items: page.items.map(toTaskDto), nextCursor: page.nextCursor };
}

/** A standalone task (for me, or for a colleague: they are told), optionally about a customer / opportunity. */
export async function createTask(ctx: CommandContext, input: CreateTaskBody): Promise<TaskDto> {
  return ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const assigneeId = input.assigneeId ?? ctx.actor.id;
    if (!(await activeUserIds(tx, ws, [assigneeId])).has(assigneeId)) throw invalidField('assigneeId', 'errors.assigneeNotUser');
    const links = input.customerId || input.opportunityId ? await resolveLinks(tx, ctx, { customerId: input.customerId, opportunityId: input.opportunityId }) : null;
    const now = new Date();
    const [created] = await tx.insert(tasks).values({
      workspaceId: ws, action: input.action, assigneeId, dueDate: input.dueDate,
      reminderAt: input.reminderAt ? new Date(input.reminderAt) : sql`((${input.dueDate}::date)::timestamp + time '09:00') at time zone ${ctx.workspace.timeZone}`,
      customerId: links?.customerId ?? null, opportunityId: links?.opportunityId ?? null, createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
    }).returning();
    await appendAudit(tx, ctx, { entity: 'task', entityId: created!.id, action: 'create', after: created });
    if (assigneeId !== ctx.actor.id) {
      await emitEvent(tx, ws, {
        topic: 'task.assigned', payload: { taskId: created!.id, assigneeId, dueDate: input.dueDate },
        notify: { userIds: [assigneeId], kind: 'task_assigned', params: { title: input.action, dueDate: input.dueDate, by: ctx.actor.name }, link: '/tasks' },
      });
    }
    return toTaskDto((await findTask(tx, ws, created!.id))!);
  });
}

/** Closes a task: its assignee does, or whoever created it. */
export async function completeTask(ctx: CommandContext, id: string, version: number | undefined): Promise<TaskDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireTask(tx, ctx, id);
    if (before.assigneeId !== ctx.actor.id && before.createdBy !== ctx.actor.id) throw forbidden('errors.taskNotYours');
    if (before.status === 'done') throw new AppError('RULE_VIOLATION', 'errors.taskDone');
    const expected = version ?? before.version;
    const now = new Date();
    const [updated] = await tx.update(tasks).set({ status: 'done', doneAt: now, version: sql`${tasks.version} + 1`, updatedAt: now })
      .where(and(eq(tasks.workspaceId, ctx.workspace.id), eq(tasks.id, id), eq(tasks.version, expected), eq(tasks.status, 'open'))).returning();
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, { entity: 'task', entityId: id, action: 'complete', before, after: updated });
    return toTaskDto((await findTask(tx, ctx.workspace.id, id))!);
  });
}

// ── reminders ─────────────────────────────────────────────────────────────────────────────────

export interface ReminderResult { asOf: IsoDate; reminded: number }

/**
 * The task reminder sweep of one workspace as of a day (isReminderDue, in SQL): every open task whose
 * reminder day or due day has come and whose assignee has not been reminded about this due date gets
 * one `task_due` notification. Batched, SKIP LOCKED, and marked `reminded_for = due_date` in the same
 * transaction, so running it twice (or on two nodes) reminds once.
 */
export async function taskReminderSweep(db: Database, who: AuditActor, asOf: IsoDate, batchSize = 2000): Promise<ReminderResult> {
  const ws = who.workspaceId;
  const [workspace] = await db.select({ timeZone: workspaces.timeZone }).from(workspaces).where(eq(workspaces.id, ws));
  if (!workspace) throw notFound('workspace');
  const reminderOn = sql`(${tasks.reminderAt} at time zone ${workspace.timeZone})::date`;
  const due = and(eq(tasks.workspaceId, ws), eq(tasks.status, 'open'), sql`${tasks.remindedFor} IS DISTINCT FROM ${tasks.dueDate}`,
    sql`least(${tasks.dueDate}, coalesce(${reminderOn}, ${tasks.dueDate})) <= ${asOf}::date`);
  let reminded = 0;
  for (let batch = batchSize; batch === batchSize;) {
    batch = await db.transaction(async (tx) => {
      const rows = await tx.select({ id: tasks.id, assigneeId: tasks.assigneeId, action: tasks.action, dueDate: tasks.dueDate })
        .from(tasks).where(due).orderBy(asc(tasks.id)).limit(batchSize).for('update', { skipLocked: true });
      if (rows.length === 0) return 0;
      // bookkeeping only: version stays, so nobody's edit conflicts with a reminder
      await tx.update(tasks).set({ remindedFor: sql`${tasks.dueDate}` })
        .where(and(eq(tasks.workspaceId, ws), sql`${tasks.id} = ANY(${`{${rows.map((r) => r.id).join(',')}}`}::uuid[])`));
      await tx.insert(outbox).values(rows.map((r) => ({
        id: newId(), workspaceId: ws, topic: 'task.due',
        payload: {
          taskId: r.id, assigneeId: r.assigneeId, dueDate: r.dueDate, asOf,
          notify: { userIds: [r.assigneeId], kind: r.dueDate < asOf ? 'task_overdue' : 'task_due', params: { title: r.action, dueDate: r.dueDate }, link: '/tasks' },
        },
      })));
      await tx.insert(auditLog).values({
        workspaceId: ws, actorId: who.actorId, actorName: who.actorName, entity: 'task', entityId: rows[0]!.id, action: 'remind',
        after: { asOf, taskIds: rows.map((r) => r.id) }, requestId: who.requestId ?? null, ip: who.ip ?? null,
      });
      return rows.length;
    });
    reminded += batch;
  }
  return { asOf, reminded };
}

export async function runTaskReminderSweep(ctx: CommandContext, asOf: IsoDate | undefined) {
  return taskReminderSweep(ctx.db, { workspaceId: ctx.workspace.id, actorId: ctx.actor.id, actorName: ctx.actor.name, requestId: ctx.requestId, ip: ctx.ip }, asOf ?? todayOf(ctx));
}

/** The scheduler's job: every workspace, as of today in its own zone. */
export async function remindTasksOfAllWorkspaces(db: Database, now: Date = new Date()): Promise<ReminderResult[]> {
  const all = await db.select({ id: workspaces.id, timeZone: workspaces.timeZone }).from(workspaces);
  const results: ReminderResult[] = [];
  for (const w of all) results.push(await taskReminderSweep(db, { workspaceId: w.id, actorId: null, actorName: 'system' }, todayIn(w.timeZone, now)));
  return results;
}

// ── to-dos created by other modules ───────────────────────────────────────────────────────────

/**
 * A to-do another module gives someone inside its own transaction (e.g. "update the credit
 * investigation", "re-rate this customer"): it lands in the assignee's "my tasks" and reminders.
 * Returns the task id.
 */
export async function addTaskInTx(tx: Executor, p: {
  workspaceId: string; timeZone: string; action: string; assigneeId: string; dueDate: IsoDate; customerId: string | null; createdBy: string | null;
}): Promise<string> {
  const now = new Date();
  const [created] = await tx.insert(tasks).values({
    workspaceId: p.workspaceId, action: p.action, assigneeId: p.assigneeId, dueDate: p.dueDate,
    reminderAt: sql`((${p.dueDate}::date)::timestamp + time '09:00') at time zone ${p.timeZone}`,
    customerId: p.customerId, createdBy: p.createdBy, createdAt: now, updatedAt: now,
  }).returning({ id: tasks.id });
  return created!.id;
}

/**
 * Many system to-dos in one insert (a sweep's batch), each with the id the caller chose so it can
 * key its own bookkeeping on it; same reminders as addTaskInTx, unless `alreadyReminded` (the caller
 * sent one summary notification for the batch): then the reminder sweep does not remind of the due day.
 */
export async function addTasksInTx(tx: Executor, workspaceId: string, timeZone: string, rows: readonly {
  id: string; action: string; assigneeId: string; dueDate: IsoDate; customerId: string | null; createdBy: string | null; alreadyReminded?: boolean;
}[]): Promise<void> {
  if (rows.length === 0) return;
  const now = new Date();
  await tx.insert(tasks).values(rows.map((p) => ({
    workspaceId, id: p.id, action: p.action, assigneeId: p.assigneeId, dueDate: p.dueDate,
    reminderAt: sql`((${p.dueDate}::date)::timestamp + time '09:00') at time zone ${timeZone}`,
    remindedFor: p.alreadyReminded ? p.dueDate : null,
    customerId: p.customerId, createdBy: p.createdBy, createdAt: now, updatedAt: now,
  })));
}

/** Marks system-made to-dos done when the work they asked for is done (already done ones are left). */
export async function closeTasksInTx(tx: Executor, workspaceId: string, taskIds: readonly string[]): Promise<void> {
  if (taskIds.length === 0) return;
  const now = new Date();
  await tx.update(tasks).set({ status: 'done', doneAt: now, version: sql`${tasks.version} + 1`, updatedAt: now })
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.status, 'open'), sql`${tasks.id} = ANY(${`{${taskIds.join(',')}}`}::uuid[])`));
}
