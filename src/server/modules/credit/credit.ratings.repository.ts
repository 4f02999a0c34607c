import { and, desc, eq, sql } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import { money } from '../../../shared/money.js';
import type { Executor } from '../../platform/db/client.js';
import { receivables } from '../receivables/receivables.schema.js';
import { shipments } from '../shipments/shipments.schema.js';
import { creditDowngradeTriggers, creditInvestigations, creditRatings } from './credit.ratings.schema.js';

export type InvestigationRow = typeof creditInvestigations.$inferSelect;
export type RatingRow = typeof creditRatings.$inferSelect;
export type TriggerRow = typeof creditDowngradeTriggers.$inferSelect;

const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);

export async function findInvestigation(db: Executor, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<InvestigationRow | null> {
  const q = db.select().from(creditInvestigations).where(and(eq(creditInvestigations.workspaceId, workspaceId), eq(creditInvestigations.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** A customer's investigations, newest first (a customer has a handful: one a year). */
export function listInvestigations(db: Executor, workspaceId: string, customerId: string) {
  return db.select().from(creditInvestigations)
    .where(and(eq(creditInvestigations.workspaceId, workspaceId), eq(creditInvestigations.customerId, customerId)))
    .orderBy(desc(creditInvestigations.id)).limit(50);
}

export async function insertInvestigation(db: Executor, values: typeof creditInvestigations.$inferInsert): Promise<InvestigationRow> {
  const [row] = await db.insert(creditInvestigations).values(values).returning();
  return row!;
}

/** Updates an investigation at the expected version and status; null when stale (or its status moved on). */
export async function updateInvestigation(db: Executor, p: { workspaceId: string; id: string; expectedVersion: number; expectedStatus: string; values: Partial<typeof creditInvestigations.$inferInsert> }) {
  const [row] = await db.update(creditInvestigations).set({ ...p.values, version: sql`${creditInvestigations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(creditInvestigations.workspaceId, p.workspaceId), eq(creditInvestigations.id, p.id),
      eq(creditInvestigations.version, p.expectedVersion), eq(creditInvestigations.status, p.expectedStatus)))
    .returning();
  return row ?? null;
}

/**
 * Reviewed investigations due for their yearly update by asOf with no renewal to-do yet, each the
 * customer's latest reviewed one (an older one is superseded), locked so two sweeps never both act.
 */
export async function dueInvestigations(db: Executor, workspaceId: string, asOf: IsoDate, limit: number) {
  return db.select().from(creditInvestigations)
    .where(and(eq(creditInvestigations.workspaceId, workspaceId), eq(creditInvestigations.status, 'reviewed'),
      sql`${creditInvestigations.renewalTaskId} is null`, sql`${creditInvestigations.nextDueOn} <= ${asOf}::date`,
      sql`not exists (select 1 from ${creditInvestigations} n where n.workspace_id = ${creditInvestigations.workspaceId}
        and n.customer_id = ${creditInvestigations.customerId} and n.status = 'reviewed' and n.id > ${creditInvestigations.id})`))
    .orderBy(creditInvestigations.id).limit(limit).for('update', { skipLocked: true });
}

export async function setRenewalTask(db: Executor, workspaceId: string, id: string, taskId: string) {
  // bookkeeping only: version stays, so no edit conflicts with the sweep
  await db.update(creditInvestigations).set({ renewalTaskId: taskId })
    .where(and(eq(creditInvestigations.workspaceId, workspaceId), eq(creditInvestigations.id, id)));
}

export async function insertRating(db: Executor, values: typeof creditRatings.$inferInsert): Promise<RatingRow> {
  const [row] = await db.insert(creditRatings).values(values).returning();
  return row!;
}

export function listRatings(db: Executor, workspaceId: string, customerId: string) {
  return db.select().from(creditRatings).where(and(eq(creditRatings.workspaceId, workspaceId), eq(creditRatings.customerId, customerId)))
    .orderBy(desc(creditRatings.id)).limit(100);
}

export async function latestRating(db: Executor, workspaceId: string, customerId: string): Promise<RatingRow | null> {
  const [row] = await db.select().from(creditRatings).where(and(eq(creditRatings.workspaceId, workspaceId), eq(creditRatings.customerId, customerId)))
    .orderBy(desc(creditRatings.id)).limit(1);
  return row ?? null;
}

export async function insertTrigger(db: Executor, values: typeof creditDowngradeTriggers.$inferInsert): Promise<TriggerRow> {
  const [row] = await db.insert(creditDowngradeTriggers).values(values).returning();
  return row!;
}

export function listTriggers(db: Executor, workspaceId: string, customerId: string, opts: { openOnly?: boolean; forUpdate?: boolean } = {}) {
  const where = [eq(creditDowngradeTriggers.workspaceId, workspaceId), eq(creditDowngradeTriggers.customerId, customerId)];
  if (opts.openOnly) where.push(eq(creditDowngradeTriggers.status, 'open'));
  const q = db.select().from(creditDowngradeTriggers).where(and(...where)).orderBy(desc(creditDowngradeTriggers.id)).limit(100);
  return opts.forUpdate ? q.for('update') : q;
}

export async function setTriggerTask(db: Executor, workspaceId: string, id: string, taskId: string) {
  await db.update(creditDowngradeTriggers).set({ taskId }).where(and(eq(creditDowngradeTriggers.workspaceId, workspaceId), eq(creditDowngradeTriggers.id, id)));
}

/** Open triggers of a customer answered by a rating. */
export async function markTriggersRated(db: Executor, workspaceId: string, customerId: string, ratingId: string) {
  return db.update(creditDowngradeTriggers)
    .set({ status: 'rated', ratingId, version: sql`${creditDowngradeTriggers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(creditDowngradeTriggers.workspaceId, workspaceId), eq(creditDowngradeTriggers.customerId, customerId), eq(creditDowngradeTriggers.status, 'open')))
    .returning();
}

export interface BusinessYearRow { year: number; shipped: string; due: string; collected: string; paidLateCount: number; overdueOutstanding: string; writtenOff: string }

/**
 * Part 4 of an investigation: our business with the customer in the year of asOf and the two before
 * it, from our own records — value shipped (shipped or delivered, by shipping day in the workspace
 * zone), receivables due in the year up to asOf, what was received on them, lines paid after their
 * due date, what is still unpaid past due, and write-offs. Nothing after asOf counts.
 */
export async function businessYears(db: Executor, p: { workspaceId: string; customerId: string; asOf: IsoDate; timeZone: string }): Promise<BusinessYearRow[]> {
  const result = await db.execute(sql`
    with years as (select generate_series(extract(year from ${p.asOf}::date)::int - 2, extract(year from ${p.asOf}::date)::int) as year),
    shipped as (
      select extract(year from (s.shipped_at at time zone ${p.timeZone})::date)::int as year, sum(s.amount) as shipped
      from ${shipments} s
      where s.workspace_id = ${p.workspaceId} and s.customer_id = ${p.customerId} and s.status in ('shipped', 'delivered')
        and s.shipped_at is not null and (s.shipped_at at time zone ${p.timeZone})::date <= ${p.asOf}::date
      group by 1),
    owed as (
      select extract(year from r.due_date)::int as year, sum(r.amount) as due, sum(r.received) as collected,
        count(*) filter (where r.paid_on is not null and r.paid_on > r.due_date)::int as "paidLateCount",
        coalesce(sum(r.amount - r.received) filter (where r.status in ('open', 'partial') and r.due_date < ${p.asOf}::date), 0) as overdue
      from ${receivables} r
      where r.workspace_id = ${p.workspaceId} and r.customer_id = ${p.customerId} and r.due_date <= ${p.asOf}::date
        and r.due_date >= make_date(extract(year from ${p.asOf}::date)::int - 2, 1, 1)
      group by 1),
    written as (
      select extract(year from r.written_off_on)::int as year, sum(r.amount - r.received) as written
      from ${receivables} r
      where r.workspace_id = ${p.workspaceId} and r.customer_id = ${p.customerId} and r.written_off_on is not null and r.written_off_on <= ${p.asOf}::date
      group by 1)
    select y.year, coalesce(s.shipped, 0)::text as shipped, coalesce(o.due, 0)::text as due, coalesce(o.collected, 0)::text as collected,
      coalesce(o."paidLateCount", 0) as "paidLateCount", coalesce(o.overdue, 0)::text as "overdueOutstanding", coalesce(w.written, 0)::text as "writtenOff"
    from years y left join shipped s on s.year = y.year left join owed o on o.year = y.year left join written w on w.year = y.year
    order by y.year desc`);
  return rowsOf<BusinessYearRow>(result).map((r) => ({
    year: Number(r.year), shipped: money.format(r.shipped), due: money.format(r.due), collected: money.format(r.collected),
    paidLateCount: Number(r.paidLateCount), overdueOutstanding: money.format(r.overdueOutstanding), writtenOff: money.format(r.writtenOff),
  }));
}
