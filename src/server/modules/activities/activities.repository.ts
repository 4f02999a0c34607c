import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import type { Executor } from '../../platform/db/client.js';
import { toUuidArray, visibleTo } from '../../platform/authz/scope.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { users } from '../../platform/org/org.schema.js';
import { contacts, customers } from '../customers/customers.schema.js';
import { opportunities, opportunityCollaborators, opportunityStageHistory, pipelineStages } from '../opportunities/opportunities.schema.js';
import { activities, callReportRecipients, callReports, tasks } from './activities.schema.js';

export type ActivityRow = typeof activities.$inferSelect;
export type CallReportRow = typeof callReports.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;

// ── scope fragments ───────────────────────────────────────────────────────────────────────────

/** Activities the actor sees: owned by someone in their data scope. */
export const activitiesVisible = (owners: VisibleOwners) => visibleTo(owners, activities.ownerId);

/** Call reports the actor sees: written by someone in their scope, or addressed to them (TO/CC). */
export function callReportsVisible(owners: VisibleOwners, actorId: string): SQL {
  return sql`(${visibleTo(owners, callReports.authorId)} OR EXISTS (SELECT 1 FROM ${callReportRecipients} rr
    WHERE rr.workspace_id = ${callReports.workspaceId} AND rr.call_report_id = ${callReports.id} AND rr.user_id = ${actorId}))`;
}

/** Tasks the actor sees: assigned to someone in their scope, or created by them. */
export function tasksVisible(owners: VisibleOwners, actorId: string): SQL {
  return sql`(${visibleTo(owners, tasks.assigneeId)} OR ${tasks.createdBy} = ${actorId})`;
}

// ── look-ups ──────────────────────────────────────────────────────────────────────────────────

/** Active users of the workspace among `ids`: recipients and assignees must be one of them. */
export async function activeUserIds(db: Executor, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db.select({ id: users.id }).from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.isActive, true), sql`${users.id} = ANY(${toUuidArray(unique)})`));
  return new Set(rows.map((r) => r.id));
}

export async function userNames(db: Executor, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users)
    .where(and(eq(users.workspaceId, workspaceId), sql`${users.id} = ANY(${toUuidArray(unique)})`));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findContact(db: Executor, workspaceId: string, id: string) {
  const [row] = await db.select({ id: contacts.id, customerId: contacts.customerId, name: contacts.name, mobile: contacts.mobile })
    .from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
  return row ?? null;
}

export async function findOpportunity(db: Executor, workspaceId: string, id: string) {
  const [row] = await db.select({ id: opportunities.id, customerId: opportunities.customerId, ownerId: opportunities.ownerId, name: opportunities.name })
    .from(opportunities).where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, id)));
  return row ?? null;
}

/** Whether the user is an (unexpired) collaborator on the opportunity. */
export async function isOpportunityCollaborator(db: Executor, workspaceId: string, opportunityId: string, userId: string, today: IsoDate) {
  const [row] = await db.select({ userId: opportunityCollaborators.userId }).from(opportunityCollaborators)
    .where(and(eq(opportunityCollaborators.workspaceId, workspaceId), eq(opportunityCollaborators.opportunityId, opportunityId),
      eq(opportunityCollaborators.userId, userId), sql`(${opportunityCollaborators.expiresOn} IS NULL OR ${opportunityCollaborators.expiresOn} >= ${today}::date)`));
  return row !== undefined;
}

// ── activities ────────────────────────────────────────────────────────────────────────────────

const activityColumns = {
  ...getTableColumns(activities),
  ownerName: users.name,
  customerName: customers.name,
  opportunityName: opportunities.name,
  callReportId: sql<string | null>`(SELECT cr.id FROM ${callReports} cr WHERE cr.workspace_id = ${activities.workspaceId} AND cr.activity_id = ${activities.id})`,
};
export type ActivityView = ActivityRow & { ownerName: string | null; customerName: string | null; opportunityName: string | null; callReportId: string | null };

function activityQuery(db: Executor) {
  return db.select(activityColumns).from(activities)
    .leftJoin(users, and(eq(users.workspaceId, activities.workspaceId), eq(users.id, activities.ownerId)))
    .leftJoin(customers, and(eq(customers.workspaceId, activities.workspaceId), eq(customers.id, activities.customerId)))
    .leftJoin(opportunities, and(eq(opportunities.workspaceId, activities.workspaceId), eq(opportunities.id, activities.opportunityId)));
}

export async function findActivity(db: Executor, workspaceId: string, id: string): Promise<ActivityView | null> {
  const [row] = await activityQuery(db).where(and(eq(activities.workspaceId, workspaceId), eq(activities.id, id)));
  return row ?? null;
}

export interface ActivityFilters {
  customerId?: string; opportunityId?: string; ownerId?: string; type?: string; status?: string; from?: IsoDate; to?: IsoDate;
}

export function activityFilterConditions(timeZone: string, f: ActivityFilters): SQL[] {
  const c: SQL[] = [];
  if (f.customerId) c.push(eq(activities.customerId, f.customerId));
  if (f.opportunityId) c.push(eq(activities.opportunityId, f.opportunityId));
  if (f.ownerId) c.push(eq(activities.ownerId, f.ownerId));
  if (f.type) c.push(eq(activities.type, f.type));
  if (f.status) c.push(eq(activities.status, f.status));
  if (f.from) c.push(sql`${activities.occurredAt} >= (${f.from}::date)::timestamp at time zone ${timeZone}`);
  if (f.to) c.push(sql`${activities.occurredAt} < ((${f.to}::date) + 1)::timestamp at time zone ${timeZone}`);
  return c;
}

/** One page (limit + 1 rows), newest first, keyset on (occurred_at, id). */
export async function listActivityRows(db: Executor, p: { workspaceId: string; where: SQL[]; after?: [string, string]; limit: number }): Promise<ActivityView[]> {
  const conditions = [eq(activities.workspaceId, p.workspaceId), ...p.where];
  if (p.after) conditions.push(sql`(${activities.occurredAt}, ${activities.id}) < (${p.after[0]}::timestamptz, ${p.after[1]}::uuid)`);
  return activityQuery(db).where(and(...conditions)).orderBy(desc(activities.occurredAt), desc(activities.id)).limit(p.limit + 1);
}

// ── call reports ──────────────────────────────────────────────────────────────────────────────

const reportColumns = { ...getTableColumns(callReports), authorName: users.name, customerName: customers.name };
export type CallReportView = CallReportRow & { authorName: string | null; customerName: string | null };

function reportQuery(db: Executor) {
  return db.select(reportColumns).from(callReports)
    .leftJoin(users, and(eq(users.workspaceId, callReports.workspaceId), eq(users.id, callReports.authorId)))
    .leftJoin(customers, and(eq(customers.workspaceId, callReports.workspaceId), eq(customers.id, callReports.customerId)));
}

export async function findCallReport(db: Executor, workspaceId: string, id: string): Promise<CallReportView | null> {
  const [row] = await reportQuery(db).where(and(eq(callReports.workspaceId, workspaceId), eq(callReports.id, id)));
  return row ?? null;
}

export async function findReportOfActivity(db: Executor, workspaceId: string, activityId: string) {
  const [row] = await db.select({ id: callReports.id }).from(callReports)
    .where(and(eq(callReports.workspaceId, workspaceId), eq(callReports.activityId, activityId)));
  return row ?? null;
}

export async function listCallReportRows(db: Executor, p: { workspaceId: string; where: SQL[]; after?: [string, string]; limit: number }): Promise<CallReportView[]> {
  const conditions = [eq(callReports.workspaceId, p.workspaceId), ...p.where];
  if (p.after) conditions.push(sql`(${callReports.reportDate}, ${callReports.id}) < (${p.after[0]}::date, ${p.after[1]}::uuid)`);
  return reportQuery(db).where(and(...conditions)).orderBy(desc(callReports.reportDate), desc(callReports.id)).limit(p.limit + 1);
}

/** TO and CC of several reports at once, with names (one query, no N+1). */
export async function recipientsOf(db: Executor, workspaceId: string, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  return db.select({ callReportId: callReportRecipients.callReportId, userId: callReportRecipients.userId, kind: callReportRecipients.kind, name: users.name })
    .from(callReportRecipients)
    .innerJoin(users, and(eq(users.workspaceId, callReportRecipients.workspaceId), eq(users.id, callReportRecipients.userId)))
    .where(and(eq(callReportRecipients.workspaceId, workspaceId), inArray(callReportRecipients.callReportId, [...reportIds])))
    .orderBy(asc(users.name));
}

export async function replaceRecipients(db: Executor, workspaceId: string, callReportId: string, to: readonly string[], cc: readonly string[]) {
  await db.delete(callReportRecipients).where(and(eq(callReportRecipients.workspaceId, workspaceId), eq(callReportRecipients.callReportId, callReportId)));
  const rows = [...to.map((userId) => ({ userId, kind: 'to' })), ...cc.map((userId) => ({ userId, kind: 'cc' }))];
  if (rows.length > 0) await db.insert(callReportRecipients).values(rows.map((r) => ({ workspaceId, callReportId, ...r })));
}

export async function tasksOfReport(db: Executor, workspaceId: string, callReportId: string) {
  return db.select({ id: tasks.id, itemIndex: tasks.itemIndex, status: tasks.status }).from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.callReportId, callReportId)));
}

// ── tasks ─────────────────────────────────────────────────────────────────────────────────────

const taskColumns = { ...getTableColumns(tasks), assigneeName: users.name, customerName: customers.name };
export type TaskView = TaskRow & { assigneeName: string | null; customerName: string | null };

function taskQuery(db: Executor) {
  return db.select(taskColumns).from(tasks)
    .leftJoin(users, and(eq(users.workspaceId, tasks.workspaceId), eq(users.id, tasks.assigneeId)))
    .leftJoin(customers, and(eq(customers.workspaceId, tasks.workspaceId), eq(customers.id, tasks.customerId)));
}

export async function findTask(db: Executor, workspaceId: string, id: string): Promise<TaskView | null> {
  const [row] = await taskQuery(db).where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id)));
  return row ?? null;
}

/** One page of tasks, soonest due first, keyset on (due_date, id). */
export async function listTaskRows(db: Executor, p: { workspaceId: string; where: SQL[]; after?: [string, string]; limit: number }): Promise<TaskView[]> {
  const conditions = [eq(tasks.workspaceId, p.workspaceId), ...p.where];
  if (p.after) conditions.push(sql`(${tasks.dueDate}, ${tasks.id}) > (${p.after[0]}::date, ${p.after[1]}::uuid)`);
  return taskQuery(db).where(and(...conditions)).orderBy(asc(tasks.dueDate), asc(tasks.id)).limit(p.limit + 1);
}

// ── timeline ──────────────────────────────────────────────────────────────────────────────────

export interface TimelineRow {
  kind: 'activity' | 'call_report' | 'task' | 'stage_change';
  id: string; at: string; title: string; detail: string | null; type: string | null; status: string;
  user_id: string | null; user_name: string | null; customer_id: string | null; opportunity_id: string | null;
}

/**
 * A customer's or an opportunity's history in one statement: activities, call reports, tasks (and,
 * on an opportunity, stage changes) merged with UNION ALL, newest first, keyset-paged on (at, id).
 * Each branch applies its own data scope, filter and keyset so it reads only its index range.
 */
export async function timelineRows(db: Executor, p: {
  workspaceId: string; timeZone: string; actorId: string; owners: VisibleOwners;
  of: { customerId: string } | { opportunityId: string }; kind?: string; after?: [string, string]; limit: number;
}): Promise<TimelineRow[]> {
  const ws = p.workspaceId;
  const n = p.limit + 1;
  const by = (alias: string) => ('customerId' in p.of ? sql`${sql.raw(alias)}.customer_id = ${p.of.customerId}` : sql`${sql.raw(alias)}.opportunity_id = ${p.of.opportunityId}`);
  const keyset = (at: SQL, alias: string) => (p.after ? sql`AND (${at}, ${sql.raw(alias)}.id) < (${p.after[0]}::timestamptz, ${p.after[1]}::uuid)` : sql``);
  const scope = (column: string) => (p.owners.kind === 'all' ? sql`true` : p.owners.ids.length === 0 ? sql`false` : sql`${sql.raw(column)} = ANY(${toUuidArray(p.owners.ids)})`);
  const branches: SQL[] = [];
  const wants = (kind: string) => !p.kind || p.kind === kind;

  if (wants('activity')) {
    branches.push(sql`(SELECT 'activity' AS kind, a.id, a.occurred_at AS at, a.subject AS title, coalesce(a.outcome, a.notes) AS detail, a.type, a.status,
      a.owner_id AS user_id, a.customer_id, a.opportunity_id
      FROM ${activities} a WHERE a.workspace_id = ${ws} AND ${by('a')} AND ${scope('a.owner_id')} ${keyset(sql`a.occurred_at`, 'a')}
      ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${n})`);
  }
  if (wants('call_report')) {
    const at = sql`coalesce(r.sent_at, r.created_at)`;
    branches.push(sql`(SELECT 'call_report' AS kind, r.id, ${at} AS at, r.company AS title, coalesce(r.notes, r.purpose) AS detail, NULL::text AS type, r.status,
      r.author_id AS user_id, r.customer_id, r.opportunity_id
      FROM ${callReports} r WHERE r.workspace_id = ${ws} AND ${by('r')}
        AND (${scope('r.author_id')} OR EXISTS (SELECT 1 FROM ${callReportRecipients} rr WHERE rr.workspace_id = r.workspace_id AND rr.call_report_id = r.id AND rr.user_id = ${p.actorId}))
        ${keyset(at, 'r')}
      ORDER BY ${at} DESC, r.id DESC LIMIT ${n})`);
  }
  if (wants('task')) {
    const at = sql`coalesce(t.done_at, (t.due_date::timestamp + time '09:00') at time zone ${p.timeZone})`;
    branches.push(sql`(SELECT 'task' AS kind, t.id, ${at} AS at, t.action AS title, NULL::text AS detail, NULL::text AS type, t.status,
      t.assignee_id AS user_id, t.customer_id, t.opportunity_id
      FROM ${tasks} t WHERE t.workspace_id = ${ws} AND ${by('t')} AND (${scope('t.assignee_id')} OR t.created_by = ${p.actorId}) ${keyset(at, 't')}
      ORDER BY ${at} DESC, t.id DESC LIMIT ${n})`);
  }
  if ('opportunityId' in p.of && wants('stage_change')) {
    branches.push(sql`(SELECT 'stage_change' AS kind, h.id, h.at, coalesce(s.name, h.outcome, h.kind) AS title, h.note AS detail, h.kind AS type,
      coalesce(h.outcome, h.kind) AS status, h.actor_id AS user_id, NULL::uuid AS customer_id, h.opportunity_id
      FROM ${opportunityStageHistory} h LEFT JOIN ${pipelineStages} s ON s.workspace_id = h.workspace_id AND s.id = h.to_stage_id
      WHERE h.workspace_id = ${ws} AND h.opportunity_id = ${p.of.opportunityId} ${keyset(sql`h.at`, 'h')}
      ORDER BY h.at DESC, h.id DESC LIMIT ${n})`);
  }
  if (branches.length === 0) return [];
  const result = await db.execute(sql`SELECT e.kind, e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, e.title, e.detail, e.type, e.status,
      e.user_id, u.name AS user_name, e.customer_id, e.opportunity_id
    FROM (${sql.join(branches, sql` UNION ALL `)}) e
    LEFT JOIN ${users} u ON u.workspace_id = ${ws} AND u.id = e.user_id
    ORDER BY e.at DESC, e.id DESC LIMIT ${n}`);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as TimelineRow[];
}
