import { todayIn } from '../../src/shared/dates.js';
import { withoutIndexes, type CrmProgress } from './crm.js';
import { replicaSession } from './deals.js';
import type { RawClient } from './database.js';
import { MONEY_ID_TAG } from './money.js';
import type { Scale } from './scales.js';

/**
 * Payments with their allocations, deferrals and the dunning log (issue 6) — the "collections" part of
 * a dataset, generated after the money part and addable to a database that lacks it (`--reuse`). It
 * writes exactly the rows the payments module writes (payments.service recordPayment / reversePayment,
 * receivables.payments applyReceipts) and takes the receivable lines of the money part from the state
 * the money part left them in to the state those payments give them:
 *
 * - every line of the money part is first put back as signing created it (due date before any deferral,
 *   nothing received), so the part can be generated again over the same lines;
 * - each line gets a target: completed contracts are paid; lines not due yet 5 % paid early, 3 % part
 *   paid; lines past due are still unpaid with a share falling with their age (40 % at 1–30 days, 24 %,
 *   16 %, 12 %, 7 % within a year, 3.5 % older), 45 % of those part paid — so the overdue lines spread
 *   over every aging bucket; 70 % of the unpaid lines more than 200 days overdue are written off
 *   (~1 % of the lines) 180–320 days after their due date; 6 % of the lines due from 150 days ago to 20 days ahead were deferred (by 15–88
 *   days, within the 3-month cap, with an approved deferral request);
 * - what a line receives is paid in 1..k instalments (one payment each) dated from 25 days before the
 *   due date (never before the contract was signed) to the day it was settled (never after today); the
 *   instalments are spread so that the payments add up to the scale's `payments` exactly: 1 % of them are
 *   reversed duplicates (their allocations carry reversed_at and do not count), 12 % of the single-payment
 *   lines share their payment with the previous line of the same customer (a payment over 2–n lines, on
 *   the later of their days), 0.5 % leave an unallocated rest (the customer's credit balance);
 * - the lines then hold received = the sum of their allocations that are not reversed, the status of
 *   receivableStatus (written_off kept), paid_on = the day of the allocation that settled them;
 * - the dunning ladder has history: lines overdue for a while got their first letter (thank-you for a
 *   grade A/B customer, then a notice), the lawyer's letter after 60 days, the lawsuit after 120, each
 *   logged while the line was still overdue; written-off lines carry their done write-off step.
 *
 * Rows are derived in SQL from hashes of the row number, foreign keys are not checked row by row during
 * the load (`session_replication_role = replica`) and the non-unique indexes are rebuilt after it. Every
 * generated id is a UUIDv7 whose first random digits are `c11` (`xxxxxxxx-xxxx-7c11-…`): an interrupted
 * load is removed by that tag before the part is generated again.
 */

/** Bump when this part changes what it writes. */
export const COLLECTIONS_PART_VERSION = 1;
export const COLLECTIONS_ID_TAG = '7c11';

export interface CollectionsPart {
  version: number;
  generatedAt: string;
  /** the day the part was generated in (Asia/Shanghai): no payment is received after it, the benchmarks' asOf */
  asOf: string;
  seconds: number;
  counts: Record<string, number>;
}

export interface CollectionsOrg { workspaceId: string }

/** A uniform draw in [0, 1) from row number `i` and a salt (hashint8extended: a 64-bit hash seeded per use). */
const u = (i: string, k: number) => `((abs(hashint8extended(${i}, ${1_100 + k})) % 1000000) / 1e6::float8)`;
const hashOf = (i: string, k: number) => `abs(hashint8extended(${i}, ${1_100 + k}))`;
/** A UUIDv7 of `at` with this part's tag in its first random digits. */
const taggedUuid = (at: string, m: string) =>
  `(lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0') || '${COLLECTIONS_ID_TAG}' || substr('89ab', 1 + (('x' || substr(${m}, 1, 2))::bit(8)::int % 4), 1) || substr(${m}, 3, 15))::uuid`;
/** A local (Asia/Shanghai) day and a second of that day as a timestamptz. */
const at = (day: string, secs: string) => `((${day}) + make_interval(secs => ${secs}))::timestamp at time zone 'Asia/Shanghai'`;

/**
 * The lines of the money part and what happens to them (a staging table, one row per line, numbered by
 * customer then original due date): deferral, target state, amount received, first and last instalment day.
 */
function linesSql(): string {
  // $1 ws, $2 money tag like, $3 today
  return `
create unlogged table bench_cr as
with b as (
  select row_number() over (order by r.customer_id, coalesce(r.deferred_from, r.due_date), r.id)::bigint as n,
    r.id, r.contract_id, r.customer_id, r.owner_id, r.amount, coalesce(r.deferred_from, r.due_date) as orig_due, r.created_at,
    coalesce(c.signed_on, (r.created_at at time zone 'Asia/Shanghai')::date) as signed_on, c.status as contract_status,
    coalesce(g.grade in ('A', 'B'), false) as good
  from receivables r
  join contracts c on c.workspace_id = r.workspace_id and c.id = r.contract_id
  left join credit_profiles g on g.workspace_id = r.workspace_id and g.customer_id = r.customer_id
  where r.workspace_id = $1 and r.id::text like $2
), h as (
  select b.*, ${u('n', 1)} as u1, ${u('n', 2)} as u2, ${u('n', 3)} as u3, ${u('n', 4)} as u4, ${u('n', 5)} as u5,
    ${u('n', 6)} as u6, ${u('n', 7)} as u7, ${u('n', 8)} as u8
  from b
), d as (
  select h.*,
    case when contract_status <> 'completed' and orig_due between $3::date - 150 and $3::date + 20 and u1 < 0.06
      then orig_due + 15 + floor(u8 * 74)::int else orig_due end as due
  from h
), s as (
  select d.*, $3::date - due as age,
    case when contract_status = 'completed' then 'paid'
      when due >= $3::date then (case when u2 < 0.05 then 'paid' when u2 < 0.08 then 'partial' else 'open' end)
      when u2 < (case when $3::date - due <= 30 then 0.40 when $3::date - due <= 60 then 0.24 when $3::date - due <= 90 then 0.16
        when $3::date - due <= 120 then 0.12 when $3::date - due <= 365 then 0.07 else 0.035 end)
        then (case when u3 < 0.45 then 'partial' else 'open' end)
      else 'paid' end as state
  from d
), w as (
  select s.*, case when state <> 'paid' and age > 200 and u4 < 0.7 then least($3::date - 1, due + 180 + floor(u4 * 200)::int) end as written_off_on,
    case when state = 'paid' then amount when state = 'partial' then greatest(0.01, least(amount - 0.01, round(amount * (0.15 + 0.7 * u5)::numeric, 2))) else 0 end as recv
  from s
), p as (
  select w.*,
    case when state = 'paid' and age <= 0 then due - 1 - floor(u6 * 30)::int
      when state = 'paid' and u6 < 0.55 then due - floor(u7 * 10)::int
      when state = 'paid' then due + 1 + floor(u7 * u7 * least(age - 1, 240))::int
      when age <= 0 then $3::date - floor(u6 * 30)::int
      else due - 10 + floor(u7 * least(age + 10, 200))::int end as p0
  from w
)
select n, id, contract_id, customer_id, owner_id, amount, orig_due, due, case when due <> orig_due then orig_due end as deferred_from,
  signed_on, created_at, good, state, written_off_on, recv, last_on, greatest(signed_on, least(last_on, due - 25)) as first_on,
  u3 as v1, u5 as v2, u6 as v3, u7 as v4
from (
  select p.*, greatest(signed_on, least(coalesce(written_off_on - 1, $3::date), $3::date, p0)) as last_on from p
) x`;
}

/**
 * Payment grouping and instalment counts: a line paid with one payment shares it with the previous line
 * of the same customer (m) 12 % of the time; the other paid lines get a weight (0, 1, 2 or 4) and the
 * extra instalments ($1 of them) are spread over the weights in proportion (cumulative sums, exact total).
 */
function groupingSql(): string {
  return `
create unlogged table bench_cl as
with m as (
  select cr.*, coalesce(recv > 0 and written_off_on is null and lag(customer_id) over w = customer_id and lag(recv) over w > 0
    and lag(written_off_on) over w is null and ${u('n', 9)} < 0.12, false) as m
  from bench_cr cr window w as (order by n)
), f as (
  select m.*, m or coalesce(lead(m) over (order by n), false) as forced from m
), wt as (
  select f.*, case when recv = 0 or forced then 0 else (case when ${u('n', 10)} < 0.4 then 0 when ${u('n', 10)} < 0.7 then 1 when ${u('n', 10)} < 0.9 then 2 else 4 end) end as w
  from f
)
select wt.*, sum(w) over (order by n rows unbounded preceding) as cw from wt`;
}

/** Instalments (one per allocation of a counted payment): the k parts of what a line received, dated from its first to its last day. */
function instalmentsSql(): string {
  // $1 extra instalments, $2 total weight
  return `
create unlogged table bench_ci as
select row_number() over (order by n, j)::bigint as i, n, j, k, m,
  round(recv * j / k, 2) - round(recv * (j - 1) / k, 2) as amount, first_on + ((last_on - first_on) * j) / k as on_day,
  sum(case when m then 0 else 1 end) over (order by n, j rows unbounded preceding)::bigint as pay_no
from (
  select l.*, (1 + (cw * $1::bigint) / $2::bigint - ((cw - w) * $1::bigint) / $2::bigint)::int as k from bench_cl l where recv > 0
) l cross join lateral generate_series(1, k) as j`;
}

/** The counted payments (one per pay_no): the later day of their instalments, method, reference, an unallocated rest now and then. */
function paymentsStagingSql(): string {
  // $1 now
  return `
create unlogged table bench_cp as
select pay_no, n0, allocated, received_on, created_at, ${taggedUuid('created_at', `md5('payment' || pay_no)`)} as id,
  case when ${hashOf('pay_no', 11)} % 1000 < 5 then round((500 + ${u('pay_no', 12)} * 49500)::numeric, -2) else 0 end as extra,
  case when ${hashOf('pay_no', 13)} % 100 < 80 then 'bank_transfer' when ${hashOf('pay_no', 13)} % 100 < 92 then 'acceptance_bill'
    when ${hashOf('pay_no', 13)} % 100 < 95 then 'cash' else 'other' end as method
from (
  select pay_no, received_on, n0, allocated,
    least($1::timestamptz, ${at('received_on', `32400 + ${hashOf('pay_no', 14)} % 28800`)}) as created_at
  from (select pay_no, min(n) as n0, sum(amount) as allocated, max(on_day) as received_on from bench_ci group by pay_no) g
) x`;
}

function paymentsInsertSql(): string {
  // $1 ws, $2 finance user
  return `
insert into payments (workspace_id, id, version, created_at, updated_at, customer_id, owner_id, amount, received_on, method, reference, note,
  unallocated, status, reversed_at, reversed_by, reverse_reason, created_by)
select $1::uuid, p.id, 1, p.created_at, p.created_at, l.customer_id, l.owner_id, p.allocated + p.extra, p.received_on, p.method,
  case p.method when 'bank_transfer' then 'HD' || to_char(p.received_on, 'YYYYMMDD') || lpad((${hashOf('p.pay_no', 15)} % 1000000)::text, 6, '0')
    when 'acceptance_bill' then '1' || lpad((${hashOf('p.pay_no', 15)} % 100000000000)::text, 11, '0') end,
  case when p.extra > 0 then '多付款项转预收' end, p.extra, 'recorded', null, null, null, $2::uuid
from bench_cp p join bench_cl l on l.n = p.n0`;
}

function allocationsInsertSql(): string {
  // $1 ws, $2 finance user
  return `
insert into payment_allocations (workspace_id, id, version, created_at, updated_at, payment_id, receivable_id, customer_id, owner_id, amount, received_on, reversed_at, created_by)
select $1::uuid, ${taggedUuid('p.created_at', `md5('allocation' || ci.i)`)}, 1, p.created_at, p.created_at, p.id, l.id, l.customer_id, l.owner_id,
  ci.amount, p.received_on, null, $2::uuid
from bench_ci ci join bench_cp p on p.pay_no = ci.pay_no join bench_cl l on l.n = ci.n`;
}

/**
 * Reversed payments ($3 of them): a duplicate of every (count/$3)-th instalment recorded the same day and
 * reversed one to three days later (冲销); its allocation carries reversed_at and counts nowhere.
 */
function reversedSql(): string {
  // $1 ws, $2 finance user, $3 reversed count, $4 instalments, $5 now
  return `
with pick as (
  select ci.i, ci.n, ci.amount, ci.on_day, least($5::timestamptz, ${at('ci.on_day', `36000 + ${hashOf('ci.i', 16)} % 25200`)}) as created_at
  from bench_ci ci
  where $3::bigint > 0 and ci.i % greatest(1, $4::bigint / $3::bigint) = 0 and ci.i / greatest(1, $4::bigint / $3::bigint) <= $3::bigint
), r as (
  select pick.*, ${taggedUuid('created_at', `md5('reversed' || i)`)} as pid,
    least($5::timestamptz, created_at + make_interval(hours => 24 + (${hashOf('i', 17)} % 48)::int)) as reversed_at
  from pick
), pay as (
  insert into payments (workspace_id, id, version, created_at, updated_at, customer_id, owner_id, amount, received_on, method, reference, note,
    unallocated, status, reversed_at, reversed_by, reverse_reason, created_by)
  select $1::uuid, r.pid, 2, r.created_at, r.reversed_at, l.customer_id, l.owner_id, r.amount, r.on_day, 'bank_transfer', null, null,
    0, 'reversed', r.reversed_at, $2::uuid, '重复登记，冲销', $2::uuid
  from r join bench_cl l on l.n = r.n
  returning 1
)
insert into payment_allocations (workspace_id, id, version, created_at, updated_at, payment_id, receivable_id, customer_id, owner_id, amount, received_on, reversed_at, created_by)
select $1::uuid, ${taggedUuid('r.created_at', `md5('reversed-allocation' || r.i)`)}, 1, r.created_at, r.reversed_at, r.pid, l.id, l.customer_id, l.owner_id,
  r.amount, r.on_day, r.reversed_at, $2::uuid
from r join bench_cl l on l.n = r.n`;
}

/** What each line received (counted allocations), the day it was settled, how many allocations: a staging table. */
function receivedSql(): string {
  return `
create unlogged table bench_ca as
select ci.n, sum(ci.amount) as recv, max(p.received_on) as last_on, count(*)::int as allocations
from bench_ci ci join bench_cp p on p.pay_no = ci.pay_no group by ci.n`;
}

function receivablesUpdateSql(): string {
  // $1 ws, $2 now
  return `
update receivables r set due_date = l.due, deferred_from = l.deferred_from, received = coalesce(a.recv, 0),
  status = case when l.written_off_on is not null then 'written_off' when coalesce(a.recv, 0) <= 0 then 'open' when a.recv >= l.amount then 'paid' else 'partial' end,
  paid_on = case when l.written_off_on is null and a.recv >= l.amount then a.last_on end,
  written_off_on = l.written_off_on,
  version = 1 + coalesce(a.allocations, 0) + (l.deferred_from is not null)::int + (l.written_off_on is not null)::int,
  updated_at = greatest(l.created_at, least($2::timestamptz, ${at('greatest(l.signed_on, a.last_on, l.written_off_on, case when l.deferred_from is not null then l.orig_due - 2 end)', '64800')}))
from bench_cl l left join bench_ca a on a.n = l.n
where r.workspace_id = $1 and r.id = l.id`;
}

/** An approved deferral request for every deferred line, decided a couple of days before its original due date. */
function deferralsSql(): string {
  // $1 ws, $2 today, $3 now
  return `
insert into deferral_requests (workspace_id, id, version, created_at, updated_at, receivable_id, customer_id, requested_by, current_due_date,
  original_due_date, new_due_date, reason, status, approval_id, decided_at, decided_on)
select $1::uuid, ${taggedUuid('asked_at', `md5('deferral' || n)`)}, 3, asked_at, decided_at, id, customer_id, owner_id, orig_due, orig_due, due,
  (array['客户资金周转紧张，申请延期付款', '项目验收推迟，付款相应顺延', '客户年度预算调整，申请延后支付'])[1 + (n % 3)::int], 'approved', null, decided_at, decided_on
from (
  select l.*, decided_on, least($3::timestamptz, ${at('greatest(l.signed_on, decided_on - 2)', '36000')}) as asked_at,
    least($3::timestamptz, ${at('decided_on', '57600')}) as decided_at
  from bench_cl l cross join lateral (select least($2::date, greatest(l.signed_on, l.orig_due - 2)) as decided_on) d
  where l.deferred_from is not null
) x`;
}

/**
 * The dunning log: for each line overdue while it was unpaid (until it was settled, written off, or
 * today), the rungs it reached and that were logged — first letter (thank-you for a grade A/B customer
 * 60 % of the time, then a notice at 31 days; else the notice) 85 %, lawyer's letter 65 %, lawsuit 25 %,
 * each a few days after its threshold — and the done write-off of a written-off line.
 */
function dunningSql(): string {
  // $1 ws, $2 today, $3 now, $4 finance user, $5 letter grace days
  return `
insert into dunning_steps (workspace_id, id, version, created_at, updated_at, receivable_id, customer_id, step, status, acted_on, acted_by, note, deadline, approval_id)
select $1::uuid, ${taggedUuid('created_at', `md5('dunning' || n || step)`)}, 1, created_at, created_at, id, customer_id, step, 'done', acted_on,
  case when step in ('write_off', 'lawsuit') then $4::uuid else owner_id end,
  case step when 'notice' then (array['电话沟通，客户承诺月底前付款', '已发催款通知书并电话确认收到', null])[1 + (n % 3)::int]
    when 'lawsuit' then '已委托律师事务所提起诉讼' when 'write_off' then '呆账核销已审批' end,
  case when step in ('thank_you', 'notice', 'lawyer_letter') then acted_on + $5::int end, null
from (
  select l.n, l.id, l.customer_id, l.owner_id, s.step, s.acted_on, least($3::timestamptz, ${at('s.acted_on', '39600 + (l.n % 21600)')}) as created_at
  from (
    select l.*, case when l.written_off_on is not null then l.written_off_on when a.recv >= l.amount then a.last_on else $2::date end as end_day,
      ${u('l.n', 20)} as g1, ${u('l.n', 21)} as g2, ${u('l.n', 22)} as g3
    from bench_cl l left join bench_ca a on a.n = l.n
    where l.due < $2::date
  ) l
  cross join lateral (values
    ('thank_you', l.due + 1 + floor(l.g1 * 6)::int, l.good and l.g2 < 0.6 and l.g3 < 0.85),
    ('notice', case when l.good and l.g2 < 0.6 then l.due + 31 + floor(l.g1 * 6)::int else l.due + 1 + floor(l.g1 * 6)::int end, l.g3 < 0.85),
    ('lawyer_letter', l.due + 60 + floor(l.g1 * 10)::int, l.g3 < 0.65),
    ('lawsuit', l.due + 120 + floor(l.g1 * 15)::int, l.g3 < 0.25),
    ('write_off', l.written_off_on, l.written_off_on is not null)
  ) as s(step, acted_on, keep)
  where s.keep and s.acted_on <= $2::date and (s.acted_on < l.end_day or (s.step = 'write_off'))
) x`;
}

/** The tables this part writes rows into (receivables are only updated). */
const COLLECTION_TABLES = ['payments', 'payment_allocations', 'deferral_requests', 'dunning_steps'];
const STAGING = ['bench_cr', 'bench_cl', 'bench_ci', 'bench_cp', 'bench_ca'];

const dropStaging = async (raw: RawClient) => {
  for (const t of STAGING) await raw.query(`drop table if exists ${t}`);
};

/** Removes the rows of an earlier or interrupted load of this part (by their id tag), children first. */
async function removeTagged(raw: RawClient, ws: string): Promise<number> {
  const like = `%-${COLLECTIONS_ID_TAG}-%`;
  let removed = 0;
  for (const table of ['payment_allocations', 'payments', 'dunning_steps', 'deferral_requests']) {
    const result = await raw.query(`with d as (delete from ${table} where workspace_id = $1 and id::text like $2 returning 1) select count(*) as n from d`, [ws, like]);
    removed += Number(result.rows[0]!.n);
  }
  return removed;
}

/** Generates the collections part of `scale` into a database holding its money part; returns the part's record for the dataset marker. */
export async function generateCollections(rawPool: RawClient, scale: Scale, org: CollectionsOrg, progress: CrmProgress, nowMs: number, postgres: boolean, log: (line: string) => void): Promise<CollectionsPart> {
  const started = performance.now();
  const ws = org.workspaceId;
  const today = todayIn('Asia/Shanghai', new Date(nowMs));
  const now = new Date(nowMs).toISOString();
  const moneyLike = `%-${MONEY_ID_TAG}-%`;
  const session = await replicaSession(rawPool, postgres);
  const raw = session.raw;
  try {
    const removed = await removeTagged(raw, ws);
    if (removed > 0) log(`  removed ${removed.toLocaleString('en-US')} rows of an earlier collections load`);
    await dropStaging(raw);
    const finance = (await raw.query(`select id from users where workspace_id = $1 and 'finance' = any(roles) order by username limit 1`, [ws])).rows[0];
    if (!finance) throw new Error('no finance user in the workspace: is the base part generated?');
    const financeId = String(finance.id);
    const graceDays = 10;
    const lineCount = Number((await raw.query('select count(*) as n from receivables where workspace_id = $1 and id::text like $2', [ws, moneyLike])).rows[0]!.n);
    if (lineCount === 0) throw new Error('no receivable lines of the money part: is the money part generated?');
    const n = async (text: string) => Number((await raw.query(text)).rows[0]!.n);
    let counted = 0;
    let reversedCount = 0;

    await withoutIndexes(raw, ['receivables', ...COLLECTION_TABLES], progress, postgres, async () => {
      await progress.run('payments', async (report) => {
        await raw.query(linesSql(), [ws, moneyLike, today]);
        await raw.query('alter table bench_cr add primary key (n)');
        await raw.query(groupingSql());
        await raw.query('alter table bench_cl add primary key (n)');
        await raw.query('analyze bench_cl');
        const paidLines = await n('select count(*) as n from bench_cl where recv > 0');
        const merged = await n('select count(*) as n from bench_cl where m');
        const weight = await n('select coalesce(sum(w), 0) as n from bench_cl');
        reversedCount = Math.round(scale.payments * 0.01);
        const groups = paidLines - merged;
        const extra = weight === 0 ? 0 : Math.max(0, scale.payments - reversedCount - groups);
        await raw.query(instalmentsSql(), [extra, Math.max(1, weight)]);
        await raw.query('alter table bench_ci add primary key (i)');
        await raw.query(paymentsStagingSql(), [now]);
        await raw.query('alter table bench_cp add primary key (pay_no)');
        for (const t of ['bench_ci', 'bench_cp']) await raw.query(`analyze ${t}`);
        counted = await n('select count(*) as n from bench_cp');
        report(0, counted + reversedCount);
        await raw.query(paymentsInsertSql(), [ws, financeId]);
        report(counted, counted + reversedCount);
        const instalments = await n('select count(*) as n from bench_ci');
        await raw.query(reversedSql(), [ws, financeId, reversedCount, instalments, now]);
        reversedCount = await n(`select count(*) as n from payments where status = 'reversed' and id::text like '%-${COLLECTIONS_ID_TAG}-%'`);
        return counted + reversedCount;
      });
      await progress.run('payment_allocations', async () => {
        await raw.query(allocationsInsertSql(), [ws, financeId]);
        return n('select count(*) as n from bench_ci');
      });
      await progress.run('receivables_paid', async () => {
        await raw.query(receivedSql());
        await raw.query('alter table bench_ca add primary key (n)');
        await raw.query('analyze bench_ca');
        await raw.query(receivablesUpdateSql(), [ws, now]);
        return lineCount;
      });
      await progress.run('deferral_requests', async () => {
        await raw.query(deferralsSql(), [ws, today, now]);
        return n('select count(*) as n from bench_cl where deferred_from is not null');
      });
      await progress.run('dunning_steps', async () => {
        await raw.query(dunningSql(), [ws, today, now, financeId, graceDays]);
        return Number((await raw.query('select count(*) as n from dunning_steps where workspace_id = $1 and id::text like $2', [ws, `%-${COLLECTIONS_ID_TAG}-%`])).rows[0]!.n);
      });
    }, 'collections_indexes');

    await progress.run('collections_vacuum', async () => {
      for (const table of ['receivables', ...COLLECTION_TABLES]) await raw.query(`vacuum (analyze) ${table}`);
      return 0;
    });
    await dropStaging(raw);

    const like = `%-${COLLECTIONS_ID_TAG}-%`;
    const one = async (text: string, params: unknown[] = [ws]) => Number((await raw.query(text, params)).rows[0]!.n);
    const buckets = (await raw.query(`
      select count(*) filter (where due_date >= $2::date) as not_due, count(*) filter (where $2::date - due_date between 1 and 30) as d1_30,
        count(*) filter (where $2::date - due_date between 31 and 60) as d31_60, count(*) filter (where $2::date - due_date between 61 and 90) as d61_90,
        count(*) filter (where $2::date - due_date between 91 and 120) as d91_120, count(*) filter (where $2::date - due_date > 120) as over_120
      from receivables where workspace_id = $1 and status in ('open', 'partial')`, [ws, today])).rows[0]!;
    return {
      version: COLLECTIONS_PART_VERSION, generatedAt: new Date().toISOString(), asOf: today, seconds: Math.round((performance.now() - started) / 100) / 10,
      counts: {
        payments: await one('select count(*) as n from payments where workspace_id = $1 and id::text like $2', [ws, like]),
        reversedPayments: reversedCount,
        paymentsWithCredit: await one(`select count(*) as n from payments where workspace_id = $1 and id::text like $2 and unallocated > 0`, [ws, like]),
        multiLinePayments: await one(`select count(*) as n from (select payment_id from payment_allocations where workspace_id = $1 and id::text like $2
          group by payment_id having count(*) > 1) x`, [ws, like]),
        allocations: await one('select count(*) as n from payment_allocations where workspace_id = $1 and id::text like $2', [ws, like]),
        receivableLines: lineCount,
        paidLines: await one(`select count(*) as n from receivables where workspace_id = $1 and status = 'paid'`),
        partialLines: await one(`select count(*) as n from receivables where workspace_id = $1 and status = 'partial'`),
        openLines: await one(`select count(*) as n from receivables where workspace_id = $1 and status = 'open'`),
        writtenOffLines: await one(`select count(*) as n from receivables where workspace_id = $1 and status = 'written_off'`),
        deferredLines: await one('select count(*) as n from receivables where workspace_id = $1 and deferred_from is not null'),
        ...Object.fromEntries(Object.entries(buckets).map(([k, v]) => [`unpaid_${k}`, Number(v)])),
        dunningSteps: await one('select count(*) as n from dunning_steps where workspace_id = $1 and id::text like $2', [ws, like]),
      },
    };
  } finally {
    await session.done();
  }
}
