import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { users } from '../../platform/org/org.schema.js';
import { contracts } from '../contracts/contracts.schema.js';
import { customers } from '../customers/customers.schema.js';
import { receivables } from '../receivables/receivables.schema.js';
import type { PenaltyPolicy, ResponsiblePeople } from './penalties.rules.js';
import { penaltyLines, penaltyRuns, penaltyShares } from './penalties.schema.js';

export type PenaltyRunRow = typeof penaltyRuns.$inferSelect;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

/** A UUIDv7 made in SQL (48-bit ms timestamp + random), so set-based inserts need no round trip per row. */
const uuidV7 = sql.raw(`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`);

/** Claims the month: one run per workspace and month. Null when it had already been run (or is being run). */
export async function claimRun(tx: Executor, row: typeof penaltyRuns.$inferInsert): Promise<PenaltyRunRow | null> {
  const [created] = await tx.insert(penaltyRuns).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

export async function findRun(db: Executor, workspaceId: string, month: string): Promise<PenaltyRunRow | null> {
  const [row] = await db.select().from(penaltyRuns).where(and(eq(penaltyRuns.workspaceId, workspaceId), eq(penaltyRuns.month, month)));
  return row ?? null;
}

export interface RunParams {
  workspaceId: string; runId: string; month: string; start: IsoDate; end: IsoDate; policy: PenaltyPolicy;
  /** the responsible people per contract owner (penalties.rules responsiblePeople) */
  people: readonly ResponsiblePeople[];
}

const peopleSql = (p: RunParams) =>
  sql`select * from jsonb_to_recordset(${JSON.stringify(p.people.map((x) => ({ owner_id: x.rep, manager_id: x.manager, director_id: x.director })))}::jsonb)
    as p(owner_id uuid, manager_id uuid, director_id uuid)`;

/**
 * Step 1 — the month's deductions, one INSERT … SELECT over the receivables (penalties.rules
 * penaltyFor, in SQL): candidates are the unpaid lines due at least startDays before the month end
 * (receivables_status_idx range) plus lines written off during the month; a line whose bad-debt
 * trigger (due + badDebtDays, or its write-off if earlier) falls in the month and has no bad-debt
 * deduction yet gets badDebtRate; a line whose trigger is after the month end and is startDays …
 * badDebtDays − 1 overdue gets monthlyRate. Amounts round half-up to the cent; 0.00 is not recorded.
 */
export async function insertCharges(tx: Executor, p: RunParams): Promise<void> {
  const { workspaceId: ws, policy } = p;
  await tx.execute(sql`
    with cand as (
      select r.id, r.contract_id, r.customer_id, r.due_date, r.deferred_from, r.written_off_on,
        (${p.end}::date - r.due_date) as days, (r.amount - r.received) as base,
        least(r.due_date + ${policy.badDebtDays}::int, coalesce(r.written_off_on, 'infinity'::date)) as trig
      from ${receivables} r
      where r.workspace_id = ${ws} and r.status in ('open', 'partial', 'written_off') and r.amount > r.received
        and (r.due_date <= ${p.end}::date - ${policy.startDays}::int or r.written_off_on between ${p.start}::date and ${p.end}::date)
    ), charged as (
      select c.*, case when c.trig <= ${p.end}::date then 'bad_debt' else 'monthly' end as kind,
        case when c.trig <= ${p.end}::date then ${policy.badDebtRate}::numeric else ${policy.monthlyRate}::numeric end as rate
      from cand c
      where (c.trig between ${p.start}::date and ${p.end}::date
             and not exists (select 1 from ${penaltyLines} b where b.workspace_id = ${ws} and b.receivable_id = c.id and b.kind = 'bad_debt'))
         or (c.trig > ${p.end}::date and (c.written_off_on is null or c.written_off_on > ${p.end}::date)
             and c.days >= ${policy.startDays}::int and c.days < ${policy.badDebtDays}::int)
    )
    insert into ${penaltyLines} (workspace_id, id, run_id, month, receivable_id, contract_id, customer_id, kind, due_date, deferred_from, days_overdue, base_amount, rate, amount)
    select ${ws}::uuid, ${uuidV7}, ${p.runId}::uuid, ${p.month}::text, c.id, c.contract_id, c.customer_id, c.kind, c.due_date, c.deferred_from, c.days, c.base, c.rate, round(c.base * c.rate, 2)
    from charged c
    where round(c.base * c.rate, 2) > 0`);
}

/**
 * Step 2 — the 5:3:2 split of every deduction of the run, in one statement: each part gets the
 * floor of its exact share in cents, the cents left over go to the largest remainders, ties in the
 * order rep, manager, director (penalties.rules splitByWeights).
 */
export async function insertChargeShares(tx: Executor, p: RunParams): Promise<void> {
  const { workspaceId: ws } = p;
  const w = [p.policy.shares.rep, p.policy.shares.manager, p.policy.shares.director];
  const weights = w.every((x) => x === 0) ? [1, 0, 0] : w;
  const total = weights.reduce((s, x) => s + x, 0);
  await tx.execute(sql`
    with people as (${peopleSql(p)}),
    l as (
      select l.id, l.receivable_id, (l.amount * 100)::bigint as cents, r.owner_id, pp.manager_id, pp.director_id
      from ${penaltyLines} l
      join ${receivables} r on r.workspace_id = l.workspace_id and r.id = l.receivable_id
      left join people pp on pp.owner_id = r.owner_id
      where l.workspace_id = ${ws} and l.month = ${p.month} and l.run_id = ${p.runId} and l.kind <> 'refund'
    ), parts as (
      select l.id, l.receivable_id, l.cents, x.role, x.ord, x.user_id,
        (l.cents * x.w) / ${total}::int as fl, (l.cents * x.w) % ${total}::int as rem
      from l cross join lateral (values ('rep', 1, l.owner_id, ${weights[0]}::int), ('manager', 2, l.manager_id, ${weights[1]}::int), ('director', 3, l.director_id, ${weights[2]}::int))
        as x(role, ord, user_id, w)
    ), ranked as (
      select parts.*, cents - sum(fl) over (partition by id) as left_over, row_number() over (partition by id order by rem desc, ord) as rk
      from parts
    )
    insert into ${penaltyShares} (workspace_id, id, line_id, role, month, receivable_id, user_id, amount)
    select ${ws}::uuid, ${uuidV7}, id, role, ${p.month}::text, receivable_id, user_id, (fl + case when rk <= left_over then 1 else 0 end)::numeric / 100
    from ranked`);
}

/**
 * Step 3 — refunds: every line fully collected on or before the month end (`paid_on`) whose
 * deductions from earlier months still stand (net > 0) gets a refund line, and each person gets
 * their standing part back (negated). Driven from the penalty history, which is only the overdue lines.
 */
export async function insertRefunds(tx: Executor, p: RunParams): Promise<void> {
  const { workspaceId: ws } = p;
  await tx.execute(sql`
    with standing as (
      select s.receivable_id, sum(s.amount) as net
      from ${penaltyShares} s
      join ${receivables} r on r.workspace_id = s.workspace_id and r.id = s.receivable_id
      where s.workspace_id = ${ws} and s.month < ${p.month} and r.paid_on <= ${p.end}::date
      group by s.receivable_id
      having sum(s.amount) > 0
    )
    insert into ${penaltyLines} (workspace_id, id, run_id, month, receivable_id, contract_id, customer_id, kind, due_date, deferred_from, days_overdue, base_amount, rate, amount)
    select ${ws}::uuid, ${uuidV7}, ${p.runId}::uuid, ${p.month}::text, r.id, r.contract_id, r.customer_id, 'refund', r.due_date, r.deferred_from,
      (${p.end}::date - r.due_date), st.net, null, -st.net
    from standing st join ${receivables} r on r.workspace_id = ${ws} and r.id = st.receivable_id`);
  await tx.execute(sql`
    with refunds as (
      select l.id, l.receivable_id from ${penaltyLines} l
      where l.workspace_id = ${ws} and l.month = ${p.month} and l.run_id = ${p.runId} and l.kind = 'refund'
    ), standing as (
      select s.receivable_id, s.role, s.user_id, sum(s.amount) as net
      from ${penaltyShares} s join refunds f on f.receivable_id = s.receivable_id
      where s.workspace_id = ${ws} and s.month < ${p.month}
      group by s.receivable_id, s.role, s.user_id
      having sum(s.amount) <> 0
    )
    insert into ${penaltyShares} (workspace_id, id, line_id, role, month, receivable_id, user_id, amount)
    select ${ws}::uuid, ${uuidV7}, f.id, st.role, ${p.month}::text, st.receivable_id, st.user_id, -st.net
    from standing st join refunds f on f.receivable_id = st.receivable_id`);
}

/** Step 4 — the run's count and total. */
export async function finishRun(tx: Executor, workspaceId: string, runId: string, month: string): Promise<PenaltyRunRow> {
  const [row] = await tx.update(penaltyRuns).set({
    lineCount: sql`(select count(*) from ${penaltyLines} l where l.workspace_id = ${workspaceId} and l.month = ${month} and l.run_id = ${runId})::int`,
    total: sql`(select coalesce(sum(l.amount), 0) from ${penaltyLines} l where l.workspace_id = ${workspaceId} and l.month = ${month} and l.run_id = ${runId})`,
  }).where(and(eq(penaltyRuns.workspaceId, workspaceId), eq(penaltyRuns.id, runId))).returning();
  return row!;
}

export interface StatementRow { userId: string | null; monthly: string; badDebt: string; refund: string; total: string; lineCount: number }

/** The month's per-person sums (shares grouped by person), limited to the people in scope. */
export async function statementRows(db: Executor, workspaceId: string, month: string, owners: VisibleOwners, userId?: string): Promise<StatementRow[]> {
  const where: SQL[] = [eq(penaltyShares.workspaceId, workspaceId), eq(penaltyShares.month, month)];
  if (owners.kind === 'users') where.push(inArray(penaltyShares.userId, owners.ids.length ? owners.ids : ['00000000-0000-0000-0000-000000000000']));
  if (userId) where.push(eq(penaltyShares.userId, userId));
  const kindSum = (kind: string) => sql<string>`coalesce(sum(${penaltyShares.amount}) filter (where ${penaltyLines.kind} = ${kind}), 0)::text`;
  const rows = await db.select({
    userId: penaltyShares.userId,
    monthly: kindSum('monthly'), badDebt: kindSum('bad_debt'), refund: kindSum('refund'),
    total: sql<string>`sum(${penaltyShares.amount})::text`,
    lineCount: sql<number>`count(*)::int`,
  }).from(penaltyShares)
    .innerJoin(penaltyLines, and(eq(penaltyLines.workspaceId, penaltyShares.workspaceId), eq(penaltyLines.id, penaltyShares.lineId)))
    .where(and(...where)).groupBy(penaltyShares.userId);
  return rows;
}

export type PenaltyLineRow = typeof penaltyLines.$inferSelect;
export type PenaltyShareRow = typeof penaltyShares.$inferSelect;

/** One person's lines of the month (the lines they hold a share of), with every share of those lines. */
export async function linesOfPerson(db: Executor, workspaceId: string, month: string, userId: string) {
  const lines = await db.select().from(penaltyLines)
    .where(and(eq(penaltyLines.workspaceId, workspaceId), eq(penaltyLines.month, month), sql`exists (
      select 1 from ${penaltyShares} s where s.workspace_id = ${penaltyLines.workspaceId} and s.line_id = ${penaltyLines.id} and s.user_id = ${userId})`))
    .orderBy(asc(penaltyLines.kind), asc(penaltyLines.dueDate), asc(penaltyLines.id));
  const shares = lines.length === 0 ? [] : await db.select().from(penaltyShares)
    .where(and(eq(penaltyShares.workspaceId, workspaceId), inArray(penaltyShares.lineId, lines.map((l) => l.id))));
  return { lines, shares };
}

/** Names for the DTOs. */
export async function namesOf(db: Executor, workspaceId: string, ids: { users: string[]; contracts: string[]; customers: string[] }) {
  const uniq = (xs: string[]) => [...new Set(xs)];
  const [us, cs, cus] = await Promise.all([
    ids.users.length ? db.select({ id: users.id, name: users.name, username: users.username }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, uniq(ids.users)))) : [],
    ids.contracts.length ? db.select({ id: contracts.id, number: contracts.number }).from(contracts).where(and(eq(contracts.workspaceId, workspaceId), inArray(contracts.id, uniq(ids.contracts)))) : [],
    ids.customers.length ? db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, uniq(ids.customers)))) : [],
  ]);
  return {
    users: new Map(us.map((u) => [u.id, u.name])),
    usernames: new Map(us.map((u) => [u.id, u.username])),
    contracts: new Map(cs.map((c) => [c.id, c.number])),
    customers: new Map(cus.map((c) => [c.id, c.name])),
  };
}

export { rowsOf };
