import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import { toUuidArray, visibleTo } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { users } from '../../platform/org/org.schema.js';
import { activities } from '../activities/activities.schema.js';
import { contacts, customers } from '../customers/customers.schema.js';
import { opportunities } from '../opportunities/opportunities.schema.js';
import { visitPlanItems, visitPlans } from './visit-plans.schema.js';

/** node-postgres returns { rows }, PGlite's drizzle driver the same; some drivers return the array itself. */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

export type VisitPlanRow = typeof visitPlans.$inferSelect;
export type VisitPlanItemRow = typeof visitPlanItems.$inferSelect;
export type VisitPlanView = VisitPlanRow & { ownerName: string; itemCount: number; doneCount: number };

const planColumns = {
  plan: visitPlans,
  ownerName: users.name,
  itemCount: sql<number>`(select count(*)::int from ${visitPlanItems} i where i.workspace_id = ${visitPlans.workspaceId} and i.plan_id = ${visitPlans.id})`,
  doneCount: sql<number>`(select count(*)::int from ${visitPlanItems} i where i.workspace_id = ${visitPlans.workspaceId} and i.plan_id = ${visitPlans.id} and i.status = 'done')`,
};

const flatten = (r: { plan: VisitPlanRow; ownerName: string; itemCount: number; doneCount: number }): VisitPlanView =>
  ({ ...r.plan, ownerName: r.ownerName, itemCount: Number(r.itemCount), doneCount: Number(r.doneCount) });

/** Plans whose owner is in the caller's data scope. */
export const plansVisible = (owners: VisibleOwners) => visibleTo(owners, visitPlans.ownerId);

export async function findPlan(db: Executor, workspaceId: string, id: string): Promise<VisitPlanView | null> {
  const [row] = await db.select(planColumns).from(visitPlans)
    .innerJoin(users, and(eq(users.workspaceId, visitPlans.workspaceId), eq(users.id, visitPlans.ownerId)))
    .where(and(eq(visitPlans.workspaceId, workspaceId), eq(visitPlans.id, id)));
  return row ? flatten(row) : null;
}

export async function findPlanFor(db: Executor, workspaceId: string, ownerId: string, period: string, periodStart: IsoDate) {
  const [row] = await db.select().from(visitPlans).where(and(eq(visitPlans.workspaceId, workspaceId), eq(visitPlans.ownerId, ownerId),
    eq(visitPlans.period, period), eq(visitPlans.periodStart, periodStart)));
  return row ?? null;
}

/** A page of plans, newest period first (period start, then id, descending), after the keyset `after` when given; one extra row tells if there is more. */
export async function listPlanRows(db: Executor, p: { workspaceId: string; where: SQL[]; after?: [IsoDate, string]; limit: number }): Promise<VisitPlanView[]> {
  const conditions = [eq(visitPlans.workspaceId, p.workspaceId), ...p.where];
  if (p.after) conditions.push(sql`(${visitPlans.periodStart}, ${visitPlans.id}) < (${p.after[0]}::date, ${p.after[1]}::uuid)`);
  const rows = await db.select(planColumns).from(visitPlans)
    .innerJoin(users, and(eq(users.workspaceId, visitPlans.workspaceId), eq(users.id, visitPlans.ownerId)))
    .where(and(...conditions))
    .orderBy(desc(visitPlans.periodStart), desc(visitPlans.id)).limit(p.limit + 1);
  return rows.map(flatten);
}

export interface ItemView extends VisitPlanItemRow {
  customerName: string; valueClass: string; latitude: string | null; longitude: string | null; address: string | null;
  contactName: string | null; contactTitle: string | null; contactBuyingRole: string | null; opportunityName: string | null;
}

export async function itemsOf(db: Executor, workspaceId: string, planIds: readonly string[]): Promise<ItemView[]> {
  if (planIds.length === 0) return [];
  const rows = await db.select({
    item: visitPlanItems, customerName: customers.name, valueClass: customers.valueClass, latitude: customers.latitude, longitude: customers.longitude,
    address: customers.address, contactName: contacts.name, contactTitle: contacts.title, contactBuyingRole: contacts.buyingRole, opportunityName: opportunities.name,
  }).from(visitPlanItems)
    .innerJoin(customers, and(eq(customers.workspaceId, visitPlanItems.workspaceId), eq(customers.id, visitPlanItems.customerId)))
    .leftJoin(contacts, and(eq(contacts.workspaceId, visitPlanItems.workspaceId), eq(contacts.id, visitPlanItems.contactId)))
    .leftJoin(opportunities, and(eq(opportunities.workspaceId, visitPlanItems.workspaceId), eq(opportunities.id, visitPlanItems.opportunityId)))
    .where(and(eq(visitPlanItems.workspaceId, workspaceId), sql`${visitPlanItems.planId} = ANY(${toUuidArray(planIds)})`))
    .orderBy(asc(visitPlanItems.planId), asc(visitPlanItems.plannedDate), asc(visitPlanItems.halfDay), asc(visitPlanItems.position));
  return rows.map(({ item, ...rest }) => ({ ...item, ...rest }));
}

/** The day (workspace zone) of a customer's last done visit (qualified by hand: Drizzle leaves columns of a one-table select unqualified, which the subquery would bind to activities). */
const lastVisitOn = (timeZone: string) => sql<string | null>`(
  select (max(a.occurred_at) at time zone ${timeZone})::date::text from ${activities} a
  where a.workspace_id = "customers"."workspace_id" and a.customer_id = "customers"."id" and a.type = 'visit' and a.status = 'done')`;

/** The owner's customers (route plan) with their value class and last visit. */
export async function ownedCustomersWithLastVisit(db: Executor, workspaceId: string, ownerId: string, timeZone: string) {
  return db.select({ id: customers.id, name: customers.name, valueClass: customers.valueClass, lastVisitOn: lastVisitOn(timeZone) })
    .from(customers).where(and(eq(customers.workspaceId, workspaceId), eq(customers.ownerId, ownerId), sql`${customers.status} <> 'lost'`));
}

/**
 * Plan vs actual per rep over from…to, in SQL: the visits of week and day plans (one per owner,
 * customer and day, so a day plan repeating its week plan counts once) done, missed (a planned visit
 * whose day has passed) and pending; plus every visit done in the period, planned or not.
 */
export async function adherenceRows(db: Executor, p: { workspaceId: string; from: IsoDate; to: IsoDate; asOf: IsoDate; timeZone: string; ownerWhere: SQL }) {
  const result = await db.execute(sql`
    with planned as (
      select p.owner_id, i.customer_id, i.planned_date,
             bool_or(i.status = 'done') as done,
             bool_or(i.status = 'missed') or (not bool_or(i.status = 'done') and i.planned_date < ${p.asOf}::date) as missed
      from ${visitPlanItems} i
      join ${visitPlans} p on p.workspace_id = i.workspace_id and p.id = i.plan_id
      where i.workspace_id = ${p.workspaceId} and p.period in ('week', 'day')
        and i.planned_date between ${p.from}::date and ${p.to}::date
      group by p.owner_id, i.customer_id, i.planned_date
    ), plan_totals as (
      select owner_id, count(*)::int as planned, count(*) filter (where done)::int as done,
             count(*) filter (where missed and not done)::int as missed
      from planned group by owner_id
    ), visits as (
      select a.owner_id, count(*)::int as visits_done,
             count(*) filter (where not exists (
               select 1 from ${visitPlanItems} i where i.workspace_id = a.workspace_id and i.done_activity_id = a.id))::int as unplanned
      from ${activities} a
      where a.workspace_id = ${p.workspaceId} and a.type = 'visit' and a.status = 'done'
        and a.occurred_at >= (${p.from}::date::timestamp at time zone ${p.timeZone})
        and a.occurred_at < ((${p.to}::date + 1)::timestamp at time zone ${p.timeZone})
      group by a.owner_id
    )
    select u.id as owner_id, u.name as owner_name,
           coalesce(t.planned, 0) as planned, coalesce(t.done, 0) as done, coalesce(t.missed, 0) as missed,
           coalesce(v.visits_done, 0) as visits_done, coalesce(v.unplanned, 0) as unplanned
    from ${users} u
    left join plan_totals t on t.owner_id = u.id
    left join visits v on v.owner_id = u.id
    where u.workspace_id = ${p.workspaceId} and (t.owner_id is not null or v.owner_id is not null) and ${p.ownerWhere}
    order by u.name, u.id`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    ownerId: String(r.owner_id), ownerName: String(r.owner_name), planned: Number(r.planned), done: Number(r.done), missed: Number(r.missed),
    visitsDone: Number(r.visits_done), unplanned: Number(r.unplanned),
  }));
}

/**
 * Customers within a box of latitude/longitude (the index prefilter), then the haversine distance
 * in SQL, nearest first, within the radius and the caller's customer scope.
 */
export async function customersNear(db: Executor, p: {
  workspaceId: string; lat: number; lng: number; radiusKm: number; box: { minLat: number; maxLat: number; minLng: number; maxLng: number }; scope: SQL; limit: number;
}) {
  const lat = sql`${customers.latitude}::float8`;
  const lng = sql`${customers.longitude}::float8`;
  const distance = sql<number>`(2 * 6371.0088 * asin(least(1, sqrt(
      power(sin(radians(${lat} - ${p.lat}::float8) / 2), 2)
      + cos(radians(${p.lat}::float8)) * cos(radians(${lat})) * power(sin(radians(${lng} - ${p.lng}::float8) / 2), 2)))))`;
  return db.select({
    id: customers.id, name: customers.name, valueClass: customers.valueClass, status: customers.status, address: customers.address,
    latitude: customers.latitude, longitude: customers.longitude, ownerId: customers.ownerId, lastFollowUpOn: customers.lastFollowUpOn,
    ownerName: users.name, distanceKm: distance,
  }).from(customers)
    .leftJoin(users, and(eq(users.workspaceId, customers.workspaceId), eq(users.id, customers.ownerId)))
    .where(and(
      eq(customers.workspaceId, p.workspaceId),
      sql`${customers.latitude} IS NOT NULL AND ${customers.longitude} IS NOT NULL`,
      sql`${customers.latitude} between ${(p.box.minLat - 1e-6).toFixed(6)}::numeric and ${(p.box.maxLat + 1e-6).toFixed(6)}::numeric`,
      sql`${customers.longitude} between ${(p.box.minLng - 1e-6).toFixed(6)}::numeric and ${(p.box.maxLng + 1e-6).toFixed(6)}::numeric`,
      sql`${distance} <= ${p.radiusKm}::float8`,
      p.scope,
    ))
    .orderBy(distance, customers.id).limit(p.limit);
}

/** The sales people in scope who have no submitted (or approved) plan for the week: the Friday reminder's list. */
export async function repsWithoutWeekPlan(db: Executor, workspaceId: string, weekStart: IsoDate) {
  const result = await db.execute(sql`
    select u.id from ${users} u
    where u.workspace_id = ${workspaceId} and u.is_active and u.roles && array['sales_rep','sales_supervisor']::text[]
      and not exists (select 1 from ${visitPlans} p where p.workspace_id = u.workspace_id and p.owner_id = u.id
                      and p.period = 'week' and p.period_start = ${weekStart}::date and p.status in ('submitted', 'approved'))
    order by u.id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
