import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import { visibleTo } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { departments, users } from '../../platform/org/org.schema.js';
import { contracts } from '../contracts/contracts.schema.js';
import { customers } from '../customers/customers.schema.js';
import { paymentAllocations } from '../payments/payments.schema.js';
import { agingBounds, type AgingBucket } from './receivables.aging.rules.js';
import { receivables } from './receivables.schema.js';

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

/**
 * The receivable lines of the caller's scope as they stood at the end of asOf, as a CTE named
 * `aged` (id, customer_id, owner_id, contract_id, kind, due_date, amount, outstanding, days):
 * outstanding as of = amount − received now + what was allocated AFTER asOf (reversed allocations
 * never count), so money recorded before payments existed (received without allocations) stays
 * received. Lines of contracts signed after asOf and lines written off on or before it are left out.
 * Three disjoint branches, each with its own index: the lines open now (receivables_open_due_idx),
 * the settled lines paid after asOf (only the allocations after asOf are read,
 * payment_allocations_received_idx) and the lines written off after asOf — one OR over all three
 * read every line of the workspace (bench M: 1.5 s). signed_on comes from a covering index.
 */
function agedLinesCte(ws: string, owners: VisibleOwners, asOf: IsoDate): SQL {
  const columns = sql.raw('r.id, r.customer_id, r.owner_id, r.contract_id, r.kind, r.due_date, r.amount, r.received, r.created_at');
  const inScope = visibleTo(owners, sql`r.owner_id`);
  return sql`later as (
      select a.receivable_id, sum(a.amount) as amount from ${paymentAllocations} a
      where a.workspace_id = ${ws} and a.received_on > ${asOf}::date and a.reversed_at is null
      group by a.receivable_id),
    lines as (
      select ${columns} from ${receivables} r
      where r.workspace_id = ${ws} and r.status in ('open', 'partial') and ${inScope}
      union all
      select ${columns} from ${receivables} r join later l on l.receivable_id = r.id
      where r.workspace_id = ${ws} and r.status not in ('open', 'partial') and ${inScope}
      union all
      select ${columns} from ${receivables} r
      where r.workspace_id = ${ws} and r.status = 'written_off' and r.written_off_on > ${asOf}::date and ${inScope}
        and not exists (select 1 from later l where l.receivable_id = r.id)),
    aged as (
      select r.id, r.customer_id, r.owner_id, r.contract_id, r.kind, r.due_date, r.amount,
        (r.amount - r.received + coalesce(l.amount, 0)) as outstanding, (${asOf}::date - r.due_date) as days
      from lines r
      join ${contracts} c on c.workspace_id = ${ws} and c.id = r.contract_id
      left join later l on l.receivable_id = r.id
      where coalesce(c.signed_on, r.created_at::date) <= ${asOf}::date)`;
}

/** The SQL range of days overdue of a bucket (bounds from agingBounds). */
function bucketPredicate(bucket: AgingBucket, days: SQL): SQL {
  const index = agingBounds.findIndex(([b]) => b === bucket);
  if (bucket === 'not_due') return sql`${days} <= 0`;
  if (index < 0) return sql`${days} > ${agingBounds[agingBounds.length - 1]![1]}`;
  return sql`${days} > ${agingBounds[index - 1]![1]} and ${days} <= ${agingBounds[index]![1]}`;
}

export interface AgingRow { key: string | null; name: string | null; lines: number; total: string; overdue: string; buckets: Record<AgingBucket, string> }

const groupColumn = { customer: 'customer_id', owner: 'owner_id', team: 'department_id' } as const;

/** The display name of a group key (customer, owner or the owner's department). */
function groupName(workspaceId: string, groupBy: AgingGroup, key: SQL): SQL {
  if (groupBy === 'customer') return sql`(select cu.name from ${customers} cu where cu.workspace_id = ${workspaceId} and cu.id = ${key})`;
  if (groupBy === 'owner') return sql`(select u.name from ${users} u where u.workspace_id = ${workspaceId} and u.id = ${key})`;
  return sql`(select d.name from ${departments} d where d.workspace_id = ${workspaceId} and d.id = ${key})`;
}

export type AgingGroup = 'customer' | 'owner' | 'team';

const bucketNames = [...agingBounds.map(([b]) => b), 'over_120' as AgingBucket];

/**
 * Outstanding money per group and aging bucket as of a day, summed in SQL: the `limit` largest groups
 * by total (all of them without a limit: the xlsx export), names looked up for those only, and the
 * totals and number of groups over every group — company-wide by customer that is tens of thousands
 * of groups at scale L, more than a page should carry.
 */
export async function agingRows(db: Executor, p: { workspaceId: string; owners: VisibleOwners; asOf: IsoDate; groupBy: AgingGroup; limit?: number }): Promise<{ rows: AgingRow[]; totals: AgingRow; groups: number }> {
  const result = await db.execute(sql`
    with ${agedLinesCte(p.workspaceId, p.owners, p.asOf)},
    grouped as materialized (
      select x.${sql.raw(groupColumn[p.groupBy])} as gkey, count(*)::int as lines,
        sum(x.outstanding) as total, coalesce(sum(case when x.days > 0 then x.outstanding end), 0) as overdue,
        ${sql.join(bucketNames.map((b) => sql`coalesce(sum(case when ${bucketPredicate(b, sql`x.days`)} then x.outstanding end), 0) as ${sql.identifier(`b_${b}`)}`), sql`, `)}
      from (select a.*, u.department_id from aged a left join ${users} u on u.workspace_id = ${p.workspaceId} and u.id = a.owner_id where a.outstanding > 0) x
      group by 1),
    top as (select * from grouped g order by g.total desc, g.gkey ${p.limit === undefined ? sql`` : sql`limit ${p.limit}`})
    select false as is_total, row_number() over (order by g.total desc, ${groupName(p.workspaceId, p.groupBy, sql`g.gkey`)}, g.gkey)::int as ord,
      g.gkey::text as gkey, ${groupName(p.workspaceId, p.groupBy, sql`g.gkey`)} as gname, g.lines, g.total::numeric(18,2)::text as total,
      g.overdue::numeric(18,2)::text as overdue, ${sql.join(bucketNames.map((b) => sql`g.${sql.identifier(`b_${b}`)}::numeric(18,2)::text as ${sql.identifier(`b_${b}`)}`), sql`, `)}
    from top g
    union all
    select true, 0, null, null, coalesce(sum(g.lines), 0)::int, coalesce(sum(g.total), 0)::numeric(18,2)::text, coalesce(sum(g.overdue), 0)::numeric(18,2)::text,
      ${sql.join(bucketNames.map((b) => sql`coalesce(sum(g.${sql.identifier(`b_${b}`)}), 0)::numeric(18,2)::text`), sql`, `)}
    from grouped g
    union all
    select null, 0, null, null, count(*)::int, null, null, ${sql.join(bucketNames.map(() => sql`null`), sql`, `)} from grouped`);
  const all = rowsOf<Record<string, unknown>>(result);
  const rows = mapAging(all.filter((r) => r.is_total === false).sort((a, b) => Number(a.ord) - Number(b.ord)));
  const [totals] = mapAging(all.filter((r) => r.is_total === true));
  const groups = Number(all.find((r) => r.is_total === null)?.lines ?? 0);
  return { rows, totals: totals!, groups };
}

export interface AgingLineRow {
  receivableId: string; contractId: string; contractNumber: string; customerId: string; customerName: string; ownerId: string; ownerName: string;
  kind: string; dueDate: IsoDate; amount: string; outstanding: string; days: number;
}

/** The lines behind one cell of the aging report: as of a day, in a bucket, of a customer, owner or team; oldest due first. */
export async function agingLineRows(db: Executor, p: {
  workspaceId: string; owners: VisibleOwners; asOf: IsoDate; bucket?: AgingBucket; customerId?: string; ownerId?: string; teamId?: string; limit: number;
}): Promise<AgingLineRow[]> {
  const where: SQL[] = [sql`x.outstanding > 0`];
  if (p.bucket) where.push(bucketPredicate(p.bucket, sql`x.days`));
  if (p.customerId) where.push(sql`x.customer_id = ${p.customerId}`);
  if (p.ownerId) where.push(sql`x.owner_id = ${p.ownerId}`);
  if (p.teamId) where.push(sql`u.department_id = ${p.teamId}`);
  const result = await db.execute(sql`
    with ${agedLinesCte(p.workspaceId, p.owners, p.asOf)}
    select x.id::text as "receivableId", x.contract_id::text as "contractId", c.number as "contractNumber", x.customer_id::text as "customerId",
      cu.name as "customerName", x.owner_id::text as "ownerId", u.name as "ownerName", x.kind, x.due_date::text as "dueDate",
      x.amount::text as amount, x.outstanding::text as outstanding, x.days::int as days
    from aged x
    join ${contracts} c on c.workspace_id = ${p.workspaceId} and c.id = x.contract_id
    join ${customers} cu on cu.workspace_id = ${p.workspaceId} and cu.id = x.customer_id
    left join ${users} u on u.workspace_id = ${p.workspaceId} and u.id = x.owner_id
    where ${sql.join(where, sql` and `)}
    order by x.due_date, x.id limit ${p.limit}`);
  return rowsOf<AgingLineRow>(result);
}

/**
 * Per owner, the outstanding money as of a day (the aging's `aged` lines: reversals never count,
 * later allocations added back) of the lines due on or before `dueBy`: the proposal of a collection
 * target (receivables.targets.rules proposedTarget states the rule; the route tests hold both to it).
 */
export async function outstandingDueByOwner(db: Executor, p: { workspaceId: string; owners: VisibleOwners; asOf: IsoDate; dueBy: IsoDate }): Promise<{ ownerId: string; outstanding: string }[]> {
  const result = await db.execute(sql`
    with ${agedLinesCte(p.workspaceId, p.owners, p.asOf)}
    select x.owner_id::text as "ownerId", sum(x.outstanding)::numeric(18,2)::text as outstanding
    from aged x where x.outstanding > 0 and x.due_date <= ${p.dueBy}::date
    group by x.owner_id`);
  return rowsOf<{ ownerId: string; outstanding: string }>(result);
}

export interface CollectionRow { key: string | null; name: string | null; due: string; collected: string }

/**
 * Due and collected per owner or team in a period, in SQL: due = the amounts of the lines whose due
 * date falls in [from, to]; collected = the allocations received in [from, to] (not reversed), on any
 * line. Both by the line's owner; the team is the owner's department.
 */
export async function collectionRows(db: Executor, p: { workspaceId: string; owners: VisibleOwners; from: IsoDate; to: IsoDate; groupBy: 'owner' | 'team' }): Promise<CollectionRow[]> {
  const key = p.groupBy === 'owner' ? sql`t.owner_id` : sql`u.department_id`;
  const result = await db.execute(sql`
    with t as (
      select r.owner_id, r.amount as due, 0::numeric as collected from ${receivables} r
      where r.workspace_id = ${p.workspaceId} and ${visibleTo(p.owners, sql`r.owner_id`)} and r.due_date between ${p.from}::date and ${p.to}::date
      union all
      select a.owner_id, 0::numeric, a.amount from ${paymentAllocations} a
      where a.workspace_id = ${p.workspaceId} and ${visibleTo(p.owners, sql`a.owner_id`)} and a.received_on between ${p.from}::date and ${p.to}::date and a.reversed_at is null),
    g as (
      select ${key} as gkey, sum(t.due) as due, sum(t.collected) as collected
      from t left join ${users} u on u.workspace_id = ${p.workspaceId} and u.id = t.owner_id
      group by 1)
    select g.gkey::text as key, ${groupName(p.workspaceId, p.groupBy, sql`g.gkey`)} as name, g.due::numeric(18,2)::text as due, g.collected::numeric(18,2)::text as collected
    from g order by g.due desc, name`);
  return rowsOf<CollectionRow>(result);
}

function mapAging(rows: Record<string, unknown>[]): AgingRow[] {
  return rows.map((r) => ({
    key: (r.gkey as string | null) ?? null, name: (r.gname as string | null) ?? null, lines: Number(r.lines), total: String(r.total), overdue: String(r.overdue),
    buckets: Object.fromEntries(bucketNames.map((b) => [b, String(r[`b_${b}`])])) as Record<AgingBucket, string>,
  }));
}
