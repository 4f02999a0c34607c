import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import type { Executor } from '../../platform/db/client.js';
import { departments, users } from '../../platform/org/org.schema.js';
import { activities, callReports, tasks } from '../activities/activities.schema.js';
import { opportunities, opportunityStageHistory, pipelineStages } from '../opportunities/opportunities.schema.js';

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/** A report period as instants: [from 00:00, to + 1 day 00:00) in the workspace zone. */
export interface PeriodBounds { workspaceId: string; from: IsoDate; to: IsoDate; timeZone: string }
const startOf = (p: PeriodBounds) => sql`(${p.from}::date::timestamp at time zone ${p.timeZone})`;
const endOf = (p: PeriodBounds) => sql`((${p.to}::date + 1)::timestamp at time zone ${p.timeZone})`;

/** `column` is a department in the subtree of `departmentId` (the department itself included). */
export function inDepartmentTree(workspaceId: string, column: SQL, departmentId: string): SQL {
  return sql`${column} in (select d.id from ${departments} d where d.workspace_id = ${workspaceId}
    and d.path like (select p.path from ${departments} p where p.workspace_id = ${workspaceId} and p.id = ${departmentId}) || '%')`;
}

export async function departmentExists(db: Executor, workspaceId: string, id: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from ${departments} where workspace_id = ${workspaceId} and id = ${id}`);
  return rowsOf(result).length > 0;
}

/** The department's and the user's names (either may be absent). */
export async function filterNames(db: Executor, workspaceId: string, ids: { departmentId?: string | undefined; userId?: string | undefined }) {
  const department = ids.departmentId
    ? rowsOf<{ name: string }>(await db.execute(sql`select name from ${departments} where workspace_id = ${workspaceId} and id = ${ids.departmentId}`))[0]?.name ?? null
    : null;
  const owner = ids.userId
    ? rowsOf<{ name: string }>(await db.execute(sql`select name from ${users} where workspace_id = ${workspaceId} and id = ${ids.userId}`))[0]?.name ?? null
    : null;
  return { department, owner };
}

export interface FunnelScope extends PeriodBounds {
  pipelineId: string;
  /** WHERE fragment over the unaliased `opportunities` table: data scope and filters */
  where: SQL;
  /** the same conditions over the stage history `h`, which carries the opportunity's owner and department */
  historyWhere: SQL;
}

/** The opportunities the report counts, as a CTE `opp` (the scope fragments name the table `opportunities`). */
const oppCte = (s: FunnelScope) => sql`opp as (
  select ${opportunities.id} as id, ${opportunities.stageId} as stage_id, ${opportunities.status} as status,
         ${opportunities.amount} as amount, ${opportunities.probability} as probability, ${opportunities.closedOn} as closed_on
  from ${opportunities}
  where ${opportunities.workspaceId} = ${s.workspaceId} and ${opportunities.pipelineId} = ${s.pipelineId} and ${s.where})`;

export interface OpenFigures { stageId: string | null; category: string | null; count: number; amount: string; weighted: string }

/**
 * Open opportunities by stage, by funnel category and in all, in one GROUP BY GROUPING SETS:
 * count, amount and weighted amount (Σ amount × probability / 100, rounded once per group).
 */
export async function openFigures(db: Executor, s: FunnelScope): Promise<OpenFigures[]> {
  const result = await db.execute(sql`
    with ${oppCte(s)}
    select st.id as stage_id, st.funnel_category as category, grouping(st.id) as g_stage, grouping(st.funnel_category) as g_category,
           count(*)::int as count, coalesce(sum(o.amount), 0)::numeric(18,2)::text as amount,
           round(coalesce(sum(o.amount * o.probability / 100), 0), 2)::numeric(18,2)::text as weighted
    from opp o
    join ${pipelineStages} st on st.workspace_id = ${s.workspaceId} and st.id = o.stage_id
    where o.status = 'open'
    group by grouping sets ((st.id, st.funnel_category), (st.funnel_category), ())`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    stageId: Number(r.g_stage) === 0 ? String(r.stage_id) : null,
    category: Number(r.g_category) === 0 ? String(r.category) : null,
    count: Number(r.count), amount: String(r.amount), weighted: String(r.weighted),
  }));
}

export interface StageFlow { stageId: string; entered: number; advanced: number; exited: number; medianDays: number | null }

/**
 * Per stage over the period, from the stage history: opportunities that entered the stage and, of
 * those, the ones that later reached a later stage; exits of the stage and the median days spent.
 *
 * One index-only pass over the period's history rows of the pipeline, no join and no sort per
 * opportunity: each row carries the entered stage's `position`, `reached_later` (highest position
 * reached at or after it) and `prev_entry_at` (so the first entry into a stage in the period is the
 * row whose previous entry is before the period or absent), plus the owner and department for the
 * scope (see `opportunityStageHistory`). One GROUP BY GROUPING SETS gives the entries per stage and a
 * histogram of days per stage left; the median is read off the histogram as percentile_cont(0.5)
 * would (the mean of the two middle values when their count is even), without sorting the rows.
 */
export async function stageFlow(db: Executor, s: FunnelScope): Promise<StageFlow[]> {
  const h = opportunityStageHistory;
  const result = await db.execute(sql`
    with agg as (
      select grouping(h.to_stage_id) as g_entry, h.to_stage_id, h.from_stage_id, h.days_in_stage,
             count(*) filter (where h.to_stage_id is not null and (h.prev_entry_at is null or h.prev_entry_at < ${startOf(s)}))::int as entered,
             count(*) filter (where h.to_stage_id is not null and (h.prev_entry_at is null or h.prev_entry_at < ${startOf(s)})
               and h.reached_later > h.position)::int as advanced,
             count(*) filter (where h.from_stage_id is not null and h.days_in_stage is not null)::int as exits
      from ${h} h
      where h.workspace_id = ${s.workspaceId} and h.pipeline_id = ${s.pipelineId}
        and h.at >= ${startOf(s)} and h.at < ${endOf(s)} and ${s.historyWhere}
      group by grouping sets ((h.to_stage_id), (h.from_stage_id, h.days_in_stage))
    ),
    flow as (select to_stage_id as stage_id, entered, advanced from agg where g_entry = 0 and to_stage_id is not null),
    days as (
      select from_stage_id as stage_id, days_in_stage as days,
             sum(exits) over (partition by from_stage_id order by days_in_stage) as upto,
             sum(exits) over (partition by from_stage_id) as total
      from agg where g_entry = 1 and exits > 0
    ),
    exits as (
      -- the values at 0-based ranks floor((n - 1) / 2) and ceil((n - 1) / 2): the first days whose running count passes the rank
      select stage_id, max(total)::int as exited,
             ((min(days) filter (where upto > floor((total - 1) / 2.0))) + (min(days) filter (where upto > ceil((total - 1) / 2.0))))::float8 / 2 as median_days
      from days group by stage_id
    )
    select st.id as stage_id, coalesce(f.entered, 0) as entered, coalesce(f.advanced, 0) as advanced,
           coalesce(x.exited, 0) as exited, x.median_days
    from ${pipelineStages} st
    left join flow f on f.stage_id = st.id
    left join exits x on x.stage_id = st.id
    where st.workspace_id = ${s.workspaceId} and st.pipeline_id = ${s.pipelineId}`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    stageId: String(r.stage_id), entered: Number(r.entered), advanced: Number(r.advanced), exited: Number(r.exited),
    medianDays: r.median_days === null || r.median_days === undefined ? null : Number(r.median_days),
  }));
}

/** Won and lost in the period (by close date): count and amount per outcome. */
export async function closedFigures(db: Executor, s: FunnelScope): Promise<Record<'won' | 'lost', { count: number; amount: string }>> {
  const result = await db.execute(sql`
    with ${oppCte(s)}
    select o.status, count(*)::int as count, coalesce(sum(o.amount), 0)::numeric(18,2)::text as amount
    from opp o
    where o.status in ('won', 'lost') and o.closed_on between ${s.from}::date and ${s.to}::date
    group by o.status`);
  const out = { won: { count: 0, amount: '0.00' }, lost: { count: 0, amount: '0.00' } };
  for (const r of rowsOf<{ status: 'won' | 'lost'; count: unknown; amount: unknown }>(result)) out[r.status] = { count: Number(r.count), amount: String(r.amount) };
  return out;
}

export interface RepActivityRow {
  userId: string; name: string; departmentId: string | null; departmentName: string | null;
  visits: number; calls: number; emails: number; meetings: number; others: number; callReportsSent: number; tasksDone: number; tasksOverdue: number;
}

/**
 * Per person in scope: activities done by type, call reports sent and tasks done in the period, and
 * tasks due in the period before `asOf` still open. Everyone holding a sales role is listed (zeros
 * included, so an idle rep shows); anyone else only with something to count.
 */
export async function repActivityRows(db: Executor, p: PeriodBounds & { asOf: IsoDate; userWhere: SQL }): Promise<RepActivityRow[]> {
  const result = await db.execute(sql`
    with act as (
      select a.owner_id as user_id,
             count(*) filter (where a.type = 'visit')::int as visits,
             count(*) filter (where a.type = 'call')::int as calls,
             count(*) filter (where a.type = 'email')::int as emails,
             count(*) filter (where a.type = 'meeting')::int as meetings,
             count(*) filter (where a.type not in ('visit', 'call', 'email', 'meeting'))::int as others
      from ${activities} a
      where a.workspace_id = ${p.workspaceId} and a.status = 'done' and a.occurred_at >= ${startOf(p)} and a.occurred_at < ${endOf(p)}
      group by a.owner_id
    ), reports as (
      select r.author_id as user_id, count(*)::int as sent
      from ${callReports} r
      where r.workspace_id = ${p.workspaceId} and r.status = 'sent' and r.sent_at >= ${startOf(p)} and r.sent_at < ${endOf(p)}
      group by r.author_id
    ), work as (
      select t.assignee_id as user_id,
             count(*) filter (where t.status = 'done' and t.done_at >= ${startOf(p)} and t.done_at < ${endOf(p)})::int as done,
             count(*) filter (where t.status = 'open' and t.due_date between ${p.from}::date and ${p.to}::date and t.due_date < ${p.asOf}::date)::int as overdue
      from ${tasks} t
      where t.workspace_id = ${p.workspaceId}
        and ((t.status = 'done' and t.done_at >= ${startOf(p)} and t.done_at < ${endOf(p)}) or (t.status = 'open' and t.due_date between ${p.from}::date and ${p.to}::date))
      group by t.assignee_id
    )
    select u.id as user_id, u.name, u.department_id, d.name as department_name,
           coalesce(a.visits, 0) as visits, coalesce(a.calls, 0) as calls, coalesce(a.emails, 0) as emails,
           coalesce(a.meetings, 0) as meetings, coalesce(a.others, 0) as others, coalesce(r.sent, 0) as sent,
           coalesce(w.done, 0) as done, coalesce(w.overdue, 0) as overdue
    from ${users} u
    left join ${departments} d on d.workspace_id = u.workspace_id and d.id = u.department_id
    left join act a on a.user_id = u.id
    left join reports r on r.user_id = u.id
    left join work w on w.user_id = u.id
    where u.workspace_id = ${p.workspaceId} and ${p.userWhere}
      and ((u.is_active and u.roles && array['sales_rep', 'sales_supervisor', 'sales_manager']::text[])
           or a.user_id is not null or r.user_id is not null or w.user_id is not null)
    order by d.name nulls last, u.name, u.id`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    userId: String(r.user_id), name: String(r.name), departmentId: r.department_id ? String(r.department_id) : null,
    departmentName: r.department_name ? String(r.department_name) : null,
    visits: Number(r.visits), calls: Number(r.calls), emails: Number(r.emails), meetings: Number(r.meetings), others: Number(r.others),
    callReportsSent: Number(r.sent), tasksDone: Number(r.done), tasksOverdue: Number(r.overdue),
  }));
}
