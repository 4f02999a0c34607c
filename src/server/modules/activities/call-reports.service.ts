import { and, eq, sql, type SQL } from 'drizzle-orm';
import type {
  ActionItemInput, CallReportDto, CallReportListQuery, CallReportMessage, CallReportStatus, CreateCallReportBody, UpdateCallReportBody,
} from '../../../shared/contracts/activities.contract.js';
import { callReportSections } from '../../../shared/contracts/activities.contract.js';
import { AppError, conflict, forbidden, invalidField, notFound, type ErrorDetail } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import {
  activeUserIds, callReportsVisible, findActivity, findCallReport, findContact, findReportOfActivity, listCallReportRows, recipientsOf,
  replaceRecipients, tasksOfReport, userNames, type CallReportView,
} from './activities.repository.js';
import { actionItemProblems, isReportable, recipientProblems } from './activities.rules.js';
import { callReports, tasks } from './activities.schema.js';
import { dayOf, ownerVisible, resolveLinks, todayOf } from './activities.service.js';

interface StoredItem { action: string; assigneeId: string; dueDate: string; reminderAt: string | null }

const messageOf = (value: unknown): CallReportMessage => {
  const stored = (value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(callReportSections.map((k) => [k, typeof stored[k] === 'string' ? stored[k] : null])) as CallReportMessage;
};
const itemsOf = (value: unknown): StoredItem[] => (Array.isArray(value) ? (value as StoredItem[]) : []);

/** Refuses bad TO/CC/action items with every field named, before anything is written. */
async function assertPeople(db: Executor, ctx: CommandContext, input: { to: readonly string[]; cc: readonly string[]; items: readonly ActionItemInput[]; reportDate: string }) {
  const known = await activeUserIds(db, ctx.workspace.id, [...input.to, ...input.cc, ...input.items.map((i) => i.assigneeId)]);
  const problems: ErrorDetail[] = [
    ...recipientProblems(input.to, input.cc, known).map((p) => ({ path: p.path, message: p.key })),
    ...actionItemProblems(input.items, known, input.reportDate).map((p) => ({ path: p.path, message: p.key, params: p.params })),
  ];
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems[0]!.params ?? {}, problems);
}

// ── DTOs ──────────────────────────────────────────────────────────────────────────────────────

async function toDtos(db: Executor, ctx: CommandContext, rows: CallReportView[]): Promise<CallReportDto[]> {
  const ws = ctx.workspace.id;
  const recipients = await recipientsOf(db, ws, rows.map((r) => r.id));
  const assignees = await userNames(db, ws, rows.flatMap((r) => itemsOf(r.actionItems).map((i) => i.assigneeId)));
  const sent = rows.filter((r) => r.status === 'sent');
  const taskRows = sent.length === 0 ? [] : await db.select({ id: tasks.id, callReportId: tasks.callReportId, itemIndex: tasks.itemIndex, status: tasks.status })
    .from(tasks).where(and(eq(tasks.workspaceId, ws), sql`${tasks.callReportId} = ANY(${`{${sent.map((r) => r.id).join(',')}}`}::uuid[])`));
  return rows.map((r) => {
    const mine = recipients.filter((x) => x.callReportId === r.id);
    return {
      id: r.id, activityId: r.activityId, reportDate: r.reportDate, customerId: r.customerId, customerName: r.customerName, contactId: r.contactId,
      opportunityId: r.opportunityId, company: r.company, contactName: r.contactName, phone: r.phone, address: r.address, purpose: r.purpose,
      notes: r.notes, message: messageOf(r.message),
      to: mine.filter((x) => x.kind === 'to').map((x) => ({ id: x.userId, name: x.name })),
      cc: mine.filter((x) => x.kind === 'cc').map((x) => ({ id: x.userId, name: x.name })),
      actionItems: itemsOf(r.actionItems).map((item, index) => {
        const task = taskRows.find((t) => t.callReportId === r.id && t.itemIndex === index);
        return {
          index, action: item.action, assigneeId: item.assigneeId, assigneeName: assignees.get(item.assigneeId) ?? null, dueDate: item.dueDate,
          reminderAt: item.reminderAt, taskId: task?.id ?? null, taskStatus: (task?.status as 'open' | 'done' | undefined) ?? null,
        };
      }),
      status: r.status as CallReportStatus, sentAt: r.sentAt?.toISOString() ?? null, authorId: r.authorId, authorName: r.authorName,
      version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    };
  });
}

async function reload(db: Executor, ctx: CommandContext, id: string): Promise<CallReportDto> {
  return (await toDtos(db, ctx, [(await findCallReport(db, ctx.workspace.id, id))!]))[0]!;
}

/** A call report the caller sees: written by someone in their data scope, or addressed to them. */
async function requireReport(db: Executor, ctx: CommandContext, id: string): Promise<CallReportView> {
  const row = await findCallReport(db, ctx.workspace.id, id);
  if (!row) throw notFound('callReport');
  if (await ownerVisible(db, ctx, row.authorId)) return row;
  const addressed = (await recipientsOf(db, ctx.workspace.id, [id])).some((r) => r.userId === ctx.actor.id);
  if (!addressed) throw notFound('callReport');
  return row;
}

/** A draft of the caller's own: only the author edits or sends a report. */
async function requireOwnDraft(db: Executor, ctx: CommandContext, id: string, version: number | undefined) {
  const row = await requireReport(db, ctx, id);
  if (row.authorId !== ctx.actor.id) throw forbidden('errors.callReportNotYours');
  if (row.status === 'sent') throw new AppError('RULE_VIOLATION', 'errors.callReportSent');
  if (version !== undefined && row.version !== version) throw conflict();
  return row;
}

// ── queries ───────────────────────────────────────────────────────────────────────────────────

export async function listCallReports(ctx: CommandContext, q: CallReportListQuery) {
  const owners = await visibleOwners(ctx.db, ctx);
  const where: SQL[] = [callReportsVisible(owners, ctx.actor.id)];
  if (q.customerId) where.push(eq(callReports.customerId, q.customerId));
  if (q.opportunityId) where.push(eq(callReports.opportunityId, q.opportunityId));
  if (q.authorId) where.push(eq(callReports.authorId, q.authorId === 'me' ? ctx.actor.id : q.authorId));
  if (q.status) where.push(eq(callReports.status, q.status));
  if (q.from) where.push(sql`${callReports.reportDate} >= ${q.from}::date`);
  if (q.to) where.push(sql`${callReports.reportDate} <= ${q.to}::date`);
  if (q.recipient === 'me') {
    where.push(sql`EXISTS (SELECT 1 FROM call_report_recipients rr WHERE rr.workspace_id = ${callReports.workspaceId} AND rr.call_report_id = ${callReports.id} AND rr.user_id = ${ctx.actor.id})`);
  }
  const key = decodeCursor(q.cursor);
  if (key && (typeof key[0] !== 'string' || typeof key[1] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(key[0]) || !/^[0-9a-f-]{36}$/i.test(key[1]))) {
    throw invalidField('cursor', 'errors.invalidFormat');
  }
  const rows = await listCallReportRows(ctx.db, { workspaceId: ctx.workspace.id, where, after: key as [string, string] | undefined, limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.reportDate, r.id]);
  const dtos = await toDtos(ctx.db, ctx, page.items);
  return {
    items: dtos.map(({ actionItems, message: _m, ...rest }) => ({ ...rest, actionItemCount: actionItems.length })),
    nextCursor: page.nextCursor,
  };
}

export async function getCallReport(ctx: CommandContext, id: string): Promise<CallReportDto> {
  return (await toDtos(ctx.db, ctx, [await requireReport(ctx.db, ctx, id)]))[0]!;
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

/**
 * Sends a report (inside the caller's transaction): TO and CC are notified in-app, and each action
 * item becomes a task for its assignee with its due date and a reminder (default 09:00 on the due
 * day), the assignee told unless they wrote the report. Needs at least one TO.
 */
async function sendInTx(tx: Tx, ctx: CommandContext, row: CallReportView) {
  const ws = ctx.workspace.id;
  const recipients = await recipientsOf(tx, ws, [row.id]);
  const to = recipients.filter((r) => r.kind === 'to').map((r) => r.userId);
  const cc = recipients.filter((r) => r.kind === 'cc').map((r) => r.userId);
  if (to.length === 0) throw invalidField('to', 'errors.callReportNeedsTo');
  const items = itemsOf(row.actionItems);
  await assertPeople(tx, ctx, { to, cc, items, reportDate: row.reportDate });
  const now = new Date();
  const [sent] = await tx.update(callReports).set({ status: 'sent', sentAt: now, version: sql`${callReports.version} + 1`, updatedAt: now })
    .where(and(eq(callReports.workspaceId, ws), eq(callReports.id, row.id), eq(callReports.status, 'draft'))).returning();
  if (!sent) throw conflict();
  const existing = new Set((await tasksOfReport(tx, ws, row.id)).map((t) => t.itemIndex));
  const fresh = items.map((item, index) => ({ item, index })).filter(({ index }) => !existing.has(index));
  if (fresh.length > 0) {
    const created = await tx.insert(tasks).values(fresh.map(({ item, index }) => ({
      workspaceId: ws, action: item.action, assigneeId: item.assigneeId, dueDate: item.dueDate,
      reminderAt: item.reminderAt ? new Date(item.reminderAt) : sql`((${item.dueDate}::date)::timestamp + time '09:00') at time zone ${ctx.workspace.timeZone}`,
      customerId: row.customerId, opportunityId: row.opportunityId, callReportId: row.id, itemIndex: index, createdBy: ctx.actor.id,
      createdAt: now, updatedAt: now,
    }))).returning();
    for (const task of created) {
      await appendAudit(tx, ctx, { entity: 'task', entityId: task.id, action: 'create', after: task });
      if (task.assigneeId !== ctx.actor.id) {
        await emitEvent(tx, ws, {
          topic: 'task.assigned', payload: { taskId: task.id, assigneeId: task.assigneeId, callReportId: row.id, dueDate: task.dueDate },
          notify: { userIds: [task.assigneeId], kind: 'task_assigned', params: { title: task.action, dueDate: task.dueDate, by: ctx.actor.name }, link: '/tasks' },
        });
      }
    }
  }
  const title = `${row.company} ${row.reportDate}`;
  const link = `/call-reports/${row.id}`;
  const payload = { callReportId: row.id, customerId: row.customerId, authorId: row.authorId, to, cc };
  await emitEvent(tx, ws, { topic: 'call_report.sent', payload, notify: { userIds: to.filter((u) => u !== ctx.actor.id), kind: 'call_report_to', params: { title, by: ctx.actor.name }, link } });
  if (cc.length > 0) {
    await emitEvent(tx, ws, { topic: 'call_report.copied', payload, notify: { userIds: cc.filter((u) => u !== ctx.actor.id), kind: 'call_report_cc', params: { title, by: ctx.actor.name }, link } });
  }
  await appendAudit(tx, ctx, { entity: 'call_report', entityId: row.id, action: 'send', before: row, after: { ...sent, to, cc, tasks: fresh.length } });
}

/** Writes a call report (draft), optionally linked to a visit/call, and sends it at once with `send: true`. */
export async function createCallReport(ctx: CommandContext, input: CreateCallReportBody): Promise<CallReportDto> {
  return ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const activity = input.activityId ? await findActivity(tx, ws, input.activityId) : null;
    if (input.activityId && (!activity || !(await ownerVisible(tx, ctx, activity.ownerId)))) throw invalidField('activityId', 'errors.notFound', { entity: 'activity' });
    if (activity && !isReportable(activity.type)) throw invalidField('activityId', 'errors.callReportActivityType');
    if (activity && await findReportOfActivity(tx, ws, activity.id)) throw invalidField('activityId', 'errors.callReportActivityTaken');
    const links = await resolveLinks(tx, ctx, {
      customerId: input.customerId ?? activity?.customerId, contactId: input.contactId ?? activity?.contactId ?? null,
      opportunityId: input.opportunityId ?? activity?.opportunityId ?? null,
    });
    if (activity && activity.customerId !== links.customerId) throw invalidField('activityId', 'errors.activityOpportunityOtherCustomer');
    const reportDate = input.reportDate ?? (activity ? dayOf(ctx, activity.occurredAt) : todayOf(ctx));
    const to = input.to ?? [];
    const cc = input.cc ?? [];
    const items = input.actionItems ?? [];
    await assertPeople(tx, ctx, { to, cc, items, reportDate });
    if (input.send && to.length === 0) throw invalidField('to', 'errors.callReportNeedsTo');
    const contact = links.contactId ? await findContact(tx, ws, links.contactId) : null;
    const now = new Date();
    const [created] = await tx.insert(callReports).values({
      workspaceId: ws, activityId: activity?.id ?? null, reportDate, customerId: links.customerId, contactId: links.contactId,
      opportunityId: links.opportunityId, company: input.company || links.customerName, contactName: input.contactName ?? contact?.name ?? null,
      phone: input.phone ?? contact?.mobile ?? null, address: input.address ?? null, purpose: input.purpose ?? null, notes: input.notes ?? null,
      message: input.message ?? {}, actionItems: items.map((i) => ({ ...i, reminderAt: i.reminderAt ?? null })), authorId: ctx.actor.id,
      createdAt: now, updatedAt: now,
    }).returning();
    await replaceRecipients(tx, ws, created!.id, to, cc);
    await appendAudit(tx, ctx, { entity: 'call_report', entityId: created!.id, action: 'create', after: { ...created, to, cc } });
    if (input.send) await sendInTx(tx, ctx, (await findCallReport(tx, ws, created!.id))!);
    return reload(tx, ctx, created!.id);
  });
}

/** Edits a draft of mine; a sent report is a record and stays as sent. */
export async function updateCallReport(ctx: CommandContext, id: string, input: UpdateCallReportBody): Promise<CallReportDto> {
  return ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const before = await requireOwnDraft(tx, ctx, id, input.version);
    const links = await resolveLinks(tx, ctx, {
      customerId: before.customerId,
      contactId: input.contactId !== undefined ? input.contactId : before.contactId,
      opportunityId: input.opportunityId !== undefined ? input.opportunityId : before.opportunityId,
    });
    const current = await recipientsOf(tx, ws, [id]);
    const to = input.to ?? current.filter((r) => r.kind === 'to').map((r) => r.userId);
    const cc = input.cc ?? current.filter((r) => r.kind === 'cc').map((r) => r.userId);
    const reportDate = input.reportDate ?? before.reportDate;
    const items = input.actionItems ?? itemsOf(before.actionItems);
    await assertPeople(tx, ctx, { to, cc, items, reportDate });
    const { version, to: _t, cc: _c, actionItems, message, contactId: _ct, opportunityId: _o, company, ...rest } = input;
    const [updated] = await tx.update(callReports).set({
      ...rest, ...(company ? { company } : {}), contactId: links.contactId, opportunityId: links.opportunityId,
      ...(message ? { message } : {}), ...(actionItems ? { actionItems: actionItems.map((i) => ({ ...i, reminderAt: i.reminderAt ?? null })) } : {}),
      version: sql`${callReports.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(callReports.workspaceId, ws), eq(callReports.id, id), eq(callReports.version, version))).returning();
    if (!updated) throw conflict();
    if (input.to || input.cc) await replaceRecipients(tx, ws, id, to, cc);
    await appendAudit(tx, ctx, { entity: 'call_report', entityId: id, action: 'update', before, after: { ...updated, to, cc } });
    return reload(tx, ctx, id);
  });
}

/** Sends a draft of mine: notifies TO and CC and turns the action items into tasks. */
export async function sendCallReport(ctx: CommandContext, id: string, version: number | undefined): Promise<CallReportDto> {
  return ctx.db.transaction(async (tx) => {
    const row = await requireOwnDraft(tx, ctx, id, version);
    await sendInTx(tx, ctx, row);
    return reload(tx, ctx, id);
  });
}
