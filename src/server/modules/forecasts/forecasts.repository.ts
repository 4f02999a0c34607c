import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { IsoDate } from '../../../shared/dates.js';
import type { Executor } from '../../platform/db/client.js';
import { departments, users } from '../../platform/org/org.schema.js';
import { opportunities, pipelineStages } from '../opportunities/opportunities.schema.js';
import { forecastSubmissions } from './forecasts.schema.js';

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

export type ForecastRow = typeof forecastSubmissions.$inferSelect;
export type ForecastListRow = ForecastRow & { ownerName: string; adjustedByName: string | null };

/**
 * Which people's figures a query covers, as a WHERE fragment on an owner column: the actor's data
 * scope, then the optional owner and org-node filters (a department and its sub-departments, by the
 * person's current department).
 */
export type OwnerFilter = (ownerColumn: SQL) => SQL;

export function peopleWhere(p: { workspaceId: string; scope: OwnerFilter; ownerId?: string; orgNodeId?: string }): OwnerFilter {
  return (ownerColumn) => {
    const parts: SQL[] = [p.scope(ownerColumn)];
    if (p.ownerId) parts.push(sql`${ownerColumn} = ${p.ownerId}::uuid`);
    if (p.orgNodeId) {
      parts.push(sql`${ownerColumn} in (
        select u.id from ${users} u join ${departments} d on d.workspace_id = u.workspace_id and d.id = u.department_id
        where u.workspace_id = ${p.workspaceId}
          and d.path like (select n.path from ${departments} n where n.workspace_id = ${p.workspaceId} and n.id = ${p.orgNodeId}::uuid) || '%')`);
    }
    return sql`(${sql.join(parts, sql` and `)})`;
  };
}

const adjuster = alias(users, 'adjuster');

function selectForecasts(db: Executor) {
  return db.select({ f: forecastSubmissions, ownerName: users.name, adjustedByName: adjuster.name }).from(forecastSubmissions)
    .innerJoin(users, and(eq(users.workspaceId, forecastSubmissions.workspaceId), eq(users.id, forecastSubmissions.ownerId)))
    .leftJoin(adjuster, and(eq(adjuster.workspaceId, forecastSubmissions.workspaceId), eq(adjuster.id, forecastSubmissions.adjustedBy)));
}
const flatten = (r: { f: ForecastRow; ownerName: string; adjustedByName: string | null }): ForecastListRow => ({ ...r.f, ownerName: r.ownerName, adjustedByName: r.adjustedByName });

/** A page of forecasts, newest month first (then newest id), after the cursor's (month, id). */
export async function listForecasts(db: Executor, p: { workspaceId: string; where: SQL; month?: string; after?: { month: string; id: string }; limit: number }) {
  const conditions: SQL[] = [eq(forecastSubmissions.workspaceId, p.workspaceId), p.where];
  if (p.month) conditions.push(eq(forecastSubmissions.month, p.month));
  if (p.after) {
    conditions.push(or(lt(forecastSubmissions.month, p.after.month), and(eq(forecastSubmissions.month, p.after.month), lt(forecastSubmissions.id, p.after.id)))!);
  }
  const rows = await selectForecasts(db).where(and(...conditions))
    .orderBy(desc(forecastSubmissions.month), desc(forecastSubmissions.id)).limit(p.limit + 1);
  return rows.map(flatten);
}

export async function findForecast(db: Executor, workspaceId: string, id: string): Promise<ForecastListRow | null> {
  const [row] = await selectForecasts(db).where(and(eq(forecastSubmissions.workspaceId, workspaceId), eq(forecastSubmissions.id, id)));
  return row ? flatten(row) : null;
}

export async function findForecastOf(db: Executor, workspaceId: string, ownerId: string, month: string): Promise<ForecastListRow | null> {
  const [row] = await selectForecasts(db).where(and(
    eq(forecastSubmissions.workspaceId, workspaceId), eq(forecastSubmissions.ownerId, ownerId), eq(forecastSubmissions.month, month)));
  return row ? flatten(row) : null;
}

/** Locks one rep's forecast of a month (if any) for the rest of the transaction. */
export async function lockForecastOf(db: Executor, workspaceId: string, ownerId: string, month: string): Promise<ForecastRow | null> {
  const [row] = await db.select().from(forecastSubmissions).where(and(
    eq(forecastSubmissions.workspaceId, workspaceId), eq(forecastSubmissions.ownerId, ownerId), eq(forecastSubmissions.month, month))).for('update');
  return row ?? null;
}

export async function lockForecast(db: Executor, workspaceId: string, id: string): Promise<ForecastRow | null> {
  const [row] = await db.select().from(forecastSubmissions).where(and(eq(forecastSubmissions.workspaceId, workspaceId), eq(forecastSubmissions.id, id))).for('update');
  return row ?? null;
}

/** Optimistic update: changes the row only at the expected version; no row back → stale. */
export async function updateForecast(db: Executor, p: { workspaceId: string; id: string; expectedVersion: number; set: Partial<typeof forecastSubmissions.$inferInsert> }) {
  const [row] = await db.update(forecastSubmissions).set({ ...p.set, version: sql`${forecastSubmissions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(forecastSubmissions.workspaceId, p.workspaceId), eq(forecastSubmissions.id, p.id), eq(forecastSubmissions.version, p.expectedVersion)))
    .returning();
  return row ?? null;
}

export interface MonthFigures { month: string; weighted: string; commit: string; won: string }

/**
 * Weighted pipeline, commit and won per month of `from`…`to` for the owners matched by `ownerWhere`
 * (a fragment on `o.owner_id`): open opportunities by the month of their expected close, won ones by
 * the month they closed. One grouped statement; sums exact, rounded once.
 */
export async function opportunityFiguresByMonth(db: Executor, p: { workspaceId: string; from: IsoDate; to: IsoDate; ownerWhere: OwnerFilter }): Promise<MonthFigures[]> {
  const result = await db.execute(sql`
    select m.month,
           round(coalesce(sum(m.weighted), 0), 2)::text as weighted,
           round(coalesce(sum(m.commit), 0), 2)::text as commit,
           round(coalesce(sum(m.won), 0), 2)::text as won
    from (
      select to_char(o.expected_close_date, 'YYYY-MM') as month, o.amount * o.probability / 100 as weighted,
             case when s.funnel_category = 'best_few' then o.amount else 0 end as commit, 0::numeric as won
      from ${opportunities} o
      join ${pipelineStages} s on s.workspace_id = o.workspace_id and s.id = o.stage_id
      where o.workspace_id = ${p.workspaceId} and o.status = 'open'
        and o.expected_close_date between ${p.from}::date and ${p.to}::date and ${p.ownerWhere(sql`o.owner_id`)}
      union all
      select to_char(o.closed_on, 'YYYY-MM'), 0, 0, o.amount
      from ${opportunities} o
      where o.workspace_id = ${p.workspaceId} and o.status = 'won'
        and o.closed_on between ${p.from}::date and ${p.to}::date and ${p.ownerWhere(sql`o.owner_id`)}
    ) m
    group by m.month order by m.month`);
  return rowsOf<MonthFigures>(result).map((r) => ({ month: String(r.month), weighted: String(r.weighted), commit: String(r.commit), won: String(r.won) }));
}

export interface MonthForecastSums { month: string; submitted: string; adjusted: string }

/** Σ submitted and Σ final (adjusted, else submitted) forecasts per month, for the owners matched by `ownerWhere` (on `f.owner_id`). */
export async function forecastSumsByMonth(db: Executor, p: { workspaceId: string; fromMonth: string; toMonth: string; ownerWhere: OwnerFilter }): Promise<MonthForecastSums[]> {
  const result = await db.execute(sql`
    select f.month, sum(f.submitted_amount)::text as submitted, sum(coalesce(f.adjusted_amount, f.submitted_amount))::text as adjusted
    from ${forecastSubmissions} f
    where f.workspace_id = ${p.workspaceId} and f.month between ${p.fromMonth} and ${p.toMonth} and ${p.ownerWhere(sql`f.owner_id`)}
    group by f.month order by f.month`);
  return rowsOf<MonthForecastSums>(result).map((r) => ({ month: String(r.month), submitted: String(r.submitted), adjusted: String(r.adjusted) }));
}

export interface AccuracyRow { ownerId: string; ownerName: string; month: string; submitted: string | null; adjusted: string | null; won: string }

/**
 * Per person and month of `fromMonth`…`toMonth`: their forecast (submitted, adjusted) next to what
 * they won (opportunities won with closed_on in the month). A person appears for a month when they
 * forecast it or won something in it. One statement: the won amounts grouped once, joined in full.
 */
export async function accuracyRows(db: Executor, p: { workspaceId: string; fromMonth: string; toMonth: string; from: IsoDate; to: IsoDate; ownerWhere: OwnerFilter }): Promise<AccuracyRow[]> {
  const result = await db.execute(sql`
    with won as (
      select o.owner_id, to_char(o.closed_on, 'YYYY-MM') as month, sum(o.amount) as won
      from ${opportunities} o
      where o.workspace_id = ${p.workspaceId} and o.status = 'won' and o.closed_on between ${p.from}::date and ${p.to}::date
        and ${p.ownerWhere(sql`o.owner_id`)}
      group by o.owner_id, to_char(o.closed_on, 'YYYY-MM')
    ), forecast as (
      select f.owner_id, f.month, f.submitted_amount, f.adjusted_amount
      from ${forecastSubmissions} f
      where f.workspace_id = ${p.workspaceId} and f.month between ${p.fromMonth} and ${p.toMonth} and ${p.ownerWhere(sql`f.owner_id`)}
    )
    select coalesce(f.owner_id, w.owner_id) as owner_id, u.name as owner_name, coalesce(f.month, w.month) as month,
           f.submitted_amount::text as submitted, f.adjusted_amount::text as adjusted, coalesce(w.won, 0)::numeric(18,2)::text as won
    from forecast f
    full join won w on w.owner_id = f.owner_id and w.month = f.month
    join ${users} u on u.workspace_id = ${p.workspaceId} and u.id = coalesce(f.owner_id, w.owner_id)
    order by u.name, owner_id, month`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    ownerId: String(r.owner_id), ownerName: String(r.owner_name), month: String(r.month),
    submitted: r.submitted === null ? null : String(r.submitted), adjusted: r.adjusted === null ? null : String(r.adjusted), won: String(r.won),
  }));
}

/**
 * The supervisor of a person (domain §0): the nearest department manager up the tree from their
 * department who is not the person themselves and is active; null when there is none.
 */
export async function supervisorOf(db: Executor, workspaceId: string, userId: string): Promise<string | null> {
  const result = await db.execute(sql`
    select d.manager_id
    from ${users} u
    join ${departments} own on own.workspace_id = u.workspace_id and own.id = u.department_id
    join ${departments} d on d.workspace_id = u.workspace_id and own.path like d.path || '%'
    join ${users} m on m.workspace_id = d.workspace_id and m.id = d.manager_id and m.is_active
    where u.workspace_id = ${workspaceId} and u.id = ${userId}::uuid and d.manager_id <> u.id
    order by length(d.path) desc limit 1`);
  const [row] = rowsOf<{ manager_id: string }>(result);
  return row?.manager_id ?? null;
}
