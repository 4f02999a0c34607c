import { todayIn } from '../../src/shared/dates.js';
import { withoutIndexes, type CrmProgress } from './crm.js';
import { replicaSession } from './deals.js';
import type { RawClient } from './database.js';
import type { Scale } from './scales.js';

/**
 * Quotes, contracts (with their lines and payment plan), receivables, credit profiles, orders,
 * shipments and invoice requests (issue 5) — the "money" part of a dataset, generated after the deals
 * part and addable to a database that lacks it (`--reuse`). As in the deals part, rows are derived in SQL from hashes of the row number,
 * foreign keys are not checked row by row during the load (`session_replication_role = replica`, every
 * reference is read from the same database a moment before) and the non-unique indexes are rebuilt after.
 *
 * The jsonb values are written in exactly the shapes the modules read: contract and quote lines
 * `{productId, description, unit, quantity, unitPrice, discountPct, taxRate, amount, taxAmount}` priced as
 * `lineAmounts` does (src/shared/contract-amounts.ts), the payment plan `{kind, dueDate, amount, percent}`
 * adding up to the contract amount to the cent (the last line takes the rounding), order lines priced as
 * `priceOrderLine` does (orders.rules.ts), shipment lines `{orderLineIndex, quantity, amount}`.
 * Quantities of contract lines are multiples of 12, so orders (1–3 per contract) and shipments (about 2
 * per order) split them into whole units.
 *
 * Every generated id is a UUIDv7 whose first random digits are `ca5` (`xxxxxxxx-xxxx-7ca5-…`): an
 * interrupted load is removed by that tag before the part is generated again.
 */

/** Bump when this part changes what it writes. */
export const MONEY_PART_VERSION = 1;
export const MONEY_ID_TAG = '7ca5';

export interface MoneyPart {
  version: number;
  generatedAt: string;
  seconds: number;
  counts: Record<string, number>;
  /** the customers holding `moneyBusyShare` of the contracts between them (the credit probe), most receivable lines first */
  busyCustomerIds: string[];
}

export interface MoneyOrg { workspaceId: string }

/** Contract line vocabulary: description, unit, VAT rate (services 6 %, goods 13 %). */
const lineItems: [string, string, number][] = [
  ['工业机器人工作站', '套', 13], ['数控加工中心', '台', 13], ['视觉检测系统', '套', 13], ['PLC 控制柜', '台', 13], ['伺服电机', '台', 13],
  ['变频器', '台', 13], ['传感器模块', '件', 13], ['MES 软件许可', '套', 13], ['安装调试服务', '项', 6], ['年度维保服务', '项', 6],
  ['备品备件包', '批', 13], ['皮带输送线', '米', 13], ['智能仓储货架', '组', 13], ['AGV 搬运车', '台', 13],
];
const titles = ['设备采购合同', '自动化产线改造合同', '系统集成合同', '年度维保服务合同', '备件采购合同', '技术服务合同', '数字化车间建设合同', '检测设备采购合同'];
const deliveryTerms = ['合同签订后 60 天内交货，送货至买方指定地点，运费由卖方承担', '分批交货，每批发货前 7 天书面通知买方', '买方预付款到账后 45 天内发货，买方负责卸货',
  '货到现场后 15 天内完成安装调试并验收'];
const packagings = ['木箱', '纸箱', '托盘缠绕膜', '防潮真空包装'];
const carriers = ['顺丰速运', '德邦物流', '中通快运', '安能物流', '自提'];

const pgArray = (items: readonly string[]) => `{${items.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
/** A non-negative 63-bit hash of row number `i` and a salt (each table its own salt, so parts do not share random draws). */
const hx = (i: string, salt: number, k: number) => `abs(hashint8(${i} * 16 + ${salt * 100 + k}))`;
/** A UUIDv7 of `at` with this part's tag in its first random digits. */
const taggedUuid = (at: string, m: string) =>
  `(lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0') || '${MONEY_ID_TAG}' || substr('89ab', 1 + (('x' || substr(${m}, 1, 2))::bit(8)::int % 4), 1) || substr(${m}, 3, 15))::uuid`;
/** Money as the API writes it: two decimals, no grouping. */
const moneyText = (x: string) => `to_char(${x}, 'FM9999999999999990.00')`;
/** A local (Asia/Shanghai) day and a second of that day as a timestamptz. */
const at = (day: string, secs: string) => `((${day}) + make_interval(secs => ${secs}))::timestamp at time zone 'Asia/Shanghai'`;
/** Statuses that count as signed (contracts.rules signedStatuses): they have a receivable schedule. */
const SIGNED = `('signed', 'executing', 'completed')`;

/**
 * Contract headers of row numbers 1..n (a staging table): the customer by hash (skewed to the older
 * customers, `busy‰` of them on the busy customers), the status by hash and age — 5 % draft, 3 % in
 * review, 2 % approved (dated in the last 60 days); the signed ones spread over the history: completed
 * (70 %) or executing when older than 300 days, executing when older than 60 days, else signed or executing.
 */
function contractHeadersSql(): string {
  // $1 count, $2 today, $3 history days, $4 busy ‰, $5 busy customer numbers, $6 customers
  return `
create unlogged table bench_mc as
with g as (
  select g.i, ${hx('g.i', 1, 1)} as h1, ${hx('g.i', 1, 2)} as h2, ${hx('g.i', 1, 3)} as h3, ${hx('g.i', 1, 4)} as h4, ${hx('g.i', 1, 5)} as h5,
    ${hx('g.i', 1, 6)} as h6, md5('contract' || g.i) as m
  from generate_series(1, $1::bigint) as g(i)
), k as (
  select g.*, (h1 % 1000) < $4::int as busy, (h2 % 100) as r, (h3 % 1000000) / 1e6::float8 as u, (h4 % 1000000) / 1e6::float8 as u2 from g
), c as (
  select k.*, cu.id as customer_id, cu.name as customer_name, cu.owner_id,
    case when r < 10 then $2::date - 1 - (h6 % 60)::int else $2::date - 1 - floor(u2 * $3::int)::int end as contract_date
  from k join bench_money_cust cu on cu.n = case when busy then ($5::int[])[1 + (h5 % cardinality($5::int[]))::int]
    else 1 + floor($6::int * power(u, 1.7))::int end
), s as (
  select c.*,
    case when r < 5 then 'draft' when r < 8 then 'in_review' when r < 10 then 'approved'
      when $2::date - contract_date > 300 then (case when h6 / 100 % 10 < 7 then 'completed' else 'executing' end)
      when $2::date - contract_date > 60 then 'executing'
      when h6 / 100 % 2 = 0 then 'signed' else 'executing' end as status
  from c
)
select i::int as n, ${taggedUuid(at('contract_date', '32400 + h5 / 7 % 28800'), 'm')} as id, customer_id, customer_name, owner_id, status, contract_date,
  case when status in ${SIGNED} then least($2::date - 1, contract_date + (h5 / 11 % 10)::int) end as signed_on,
  ${at('contract_date', '32400 + h5 / 7 % 28800')} as created_at,
  1 + (h1 / 1000 % 4)::int as nlines,
  case when h2 / 100 % 100 < 15 then 2 when h2 / 100 % 100 < 40 then 3 when h2 / 100 % 100 < 75 then 4 when h2 / 100 % 100 < 90 then 5 else 6 end as nplan,
  1 + (h3 / 1000000 % ${titles.length})::int as title_no, 1 + (h4 / 1000000 % ${deliveryTerms.length})::int as terms_no
from s`;
}

/**
 * Document lines (a staging table `target` over the headers in `source`): quantity a multiple of 12, a
 * log-uniform unit price of ¥200–50,000, 0/5/10 % discount, priced as lineAmounts.
 */
function documentLinesSql(target: string, source: string, salt: number): string {
  // $1 descriptions, $2 units, $3 tax rates
  return `
create unlogged table ${target} as
select n, l, description, unit, qty, price, disc, rate, amount, round(amount * rate / (100 + rate), 2) as tax
from (
  select n, l, ($1::text[])[w] as description, ($2::text[])[w] as unit, ($3::int[])[w] as rate, qty, price, disc,
    round(qty * price * (100 - disc) / 100, 2) as amount
  from (
    select mc.n, l, 1 + (hh % cardinality($1::text[]))::int as w, (12 * (1 + hh / 100 % 8))::numeric as qty,
      (round(exp(ln(200::float8) + (hh / 1000 % 100000) / 1e5::float8 * ln(250::float8)) * 100) / 100)::numeric(18,2) as price,
      case when hh / 1000000000 % 10 < 6 then 0 when hh / 1000000000 % 10 < 8 then 5 else 10 end::numeric as disc
    from ${source} mc cross join lateral generate_series(1, mc.nlines) as l
    cross join lateral (select ${hx('(mc.n * 8 + l)', salt, 1)} as hh) x
  ) a
) b`;
}

/**
 * The payment plan (a staging table): 2–6 lines — a prepayment, progress payments, a balance — of fixed
 * shares; every line but the last is rounded to the cent, the last takes the rest, so the plan adds up
 * to the contract amount exactly. Due dates: prepayment a week after the contract date, progress
 * payments monthly, the balance two months after the last of them.
 */
function paymentPlanSql(): string {
  return `
create unlogged table bench_mp as
select n, p, kind, due_date, pct, case when p < nplan - 1 then part else total - (sum(part) over (partition by n) - part) end as amount
from (
  select mc.n, mc.nplan, t.total, p,
    case when p = 0 then 'prepayment' when p = mc.nplan - 1 then 'balance' else 'progress' end as kind,
    case when p = 0 then mc.contract_date + 7 when p = mc.nplan - 1 then mc.contract_date + 30 * p + 60 else mc.contract_date + 30 * p end as due_date,
    (case mc.nplan when 2 then array[30, 70] when 3 then array[30, 60, 10] when 4 then array[30, 30, 30, 10]
      when 5 then array[20, 20, 25, 25, 10] else array[20, 15, 15, 20, 20, 10] end)[p + 1] as pct,
    round(t.total * (case mc.nplan when 2 then array[30, 70] when 3 then array[30, 60, 10] when 4 then array[30, 30, 30, 10]
      when 5 then array[20, 20, 25, 25, 10] else array[20, 15, 15, 20, 20, 10] end)[p + 1] / 100, 2) as part
  from bench_mc mc join (select n, sum(amount) as total from bench_ml group by n) t on t.n = mc.n
  cross join lateral generate_series(0, mc.nplan - 1) as p
) x`;
}

function contractsInsertSql(): string {
  // $1 ws, $2 seller party, $3 titles, $4 delivery terms, $5 now
  return `
insert into contracts (workspace_id, id, version, created_at, updated_at, number, customer_id, opportunity_id, quote_id, title, buyer_party,
  seller_party, contract_date, lines, payment_plan, amount, delivery_terms, status, owner_id, created_by, approval_id, submitted_by, signed_on, signed_by)
select $1::uuid, mc.id,
  case mc.status when 'draft' then 1 when 'in_review' then 2 when 'approved' then 3 when 'signed' then 4 when 'executing' then 5 else 6 end,
  mc.created_at,
  least($5::timestamptz, case when mc.signed_on is null then mc.created_at + interval '2 hours' else ${at('mc.signed_on', '61200')} end),
  'HT' || extract(year from mc.contract_date)::int || '-' || lpad(mc.n::text, 7, '0'),
  mc.customer_id, null, null, ($3::text[])[mc.title_no], mc.customer_name, $2::text, mc.contract_date, ml.lines, mp.plan, ml.amount,
  ($4::text[])[mc.terms_no], mc.status, mc.owner_id, mc.owner_id, null,
  case when mc.status <> 'draft' then mc.owner_id end, mc.signed_on, case when mc.signed_on is not null then mc.owner_id end
from bench_mc mc
join (
  select n, sum(amount) as amount, jsonb_agg(jsonb_build_object('productId', null, 'description', description, 'unit', unit, 'quantity', qty::text,
    'unitPrice', ${moneyText('price')}, 'discountPct', disc::text, 'taxRate', rate::text, 'amount', ${moneyText('amount')}, 'taxAmount', ${moneyText('tax')})
    order by l) as lines
  from bench_ml group by n
) ml on ml.n = mc.n
join (
  select n, jsonb_agg(jsonb_build_object('kind', kind, 'dueDate', due_date::text, 'amount', ${moneyText('amount')}, 'percent', pct::text) order by p) as plan
  from bench_mp group by n
) mp on mp.n = mc.n`;
}

/**
 * One receivable per plan line of the signed contracts (as signing creates them). Completed contracts
 * are paid; lines past due are 75 % paid, 8 % part-paid, 17 % open (overdue); lines not yet due 5 % paid early.
 */
function receivablesSql(): string {
  // $1 ws, $2 today, $3 now
  return `
insert into receivables (workspace_id, id, version, created_at, updated_at, contract_id, plan_index, customer_id, owner_id, kind, due_date, amount, received, status)
select $1::uuid, ${taggedUuid('created_at', `md5(id::text || p)`)}, case when status = 'open' then 1 else 2 end, created_at,
  case when status = 'open' then created_at else least($3::timestamptz, ${at('due_date', '36000')}) end,
  id, p, customer_id, owner_id, kind, due_date, amount,
  case status when 'paid' then amount when 'partial' then round(amount * (20 + rr / 100 % 60) / 100, 2) else 0 end, status
from (
  select mc.id, mc.customer_id, mc.owner_id, ${at('mc.signed_on', '64800')} as created_at, mp.p, mp.kind, mp.due_date, mp.amount, rr,
    case when mc.status = 'completed' then 'paid'
      when mp.due_date < $2::date then (case when rr % 100 < 75 then 'paid' when rr % 100 < 83 then 'partial' else 'open' end)
      when rr % 100 < 5 then 'paid' else 'open' end as status
  from bench_mp mp join bench_mc mc on mc.n = mp.n
  cross join lateral (select ${hx('(mp.n * 8 + mp.p)', 3, 1)} as rr) x
  where mc.status in ${SIGNED}
) r`;
}

/**
 * Credit profiles for 85 % of the customers with signed contracts (all busy ones): a limit around what
 * they owe (× 0.8–3, log-uniform, to ¥10,000, at least ¥50,000), so about one in six is over its limit.
 */
function creditProfilesSql(): string {
  // $1 ws, $2 busy customer ids, $3 like tag
  return `
insert into credit_profiles (workspace_id, id, version, created_at, updated_at, customer_id, credit_limit, terms_days, grade, effective_from, reason, request_id)
select $1::uuid, ${taggedUuid('first_at', 'md5(customer_id::text)')}, 1, first_at, first_at, customer_id,
  greatest(50000, round(owed * exp(ln(0.8::float8) + (hc % 100000) / 1e5::float8 * ln(3.75::float8))::numeric / 10000) * 10000)::numeric(18,2),
  case grade when 'A' then 90 when 'B' then 60 when 'C' then 30 else 15 end, grade, (first_at at time zone 'Asia/Shanghai')::date, '年度信用评审', null
from (
  select customer_id, owed, first_at, hc,
    case when hc / 100000 % 100 < 20 then 'A' when hc / 100000 % 100 < 65 then 'B' when hc / 100000 % 100 < 90 then 'C' else 'D' end as grade
  from (
    select customer_id, coalesce(sum(amount - received) filter (where status in ('open', 'partial')), 0) as owed, min(created_at) as first_at,
      abs(hashtext(customer_id::text)) as hc
    from receivables where workspace_id = $1 and id::text like $3 group by customer_id
  ) a
  where hc % 1000 < 850 or customer_id = any($2::uuid[])
) b
on conflict (workspace_id, customer_id) do nothing`;
}

/**
 * Orders of row numbers 1..count over the executing and completed contracts (a staging table):
 * order j of the m a contract gets takes the j-th share of each line's quantity, priced as
 * priceOrderLine (unit price = line amount / quantity, amount = line amount × share / quantity).
 * The status follows the planned dates of its shipments (shipped when all are past, partially shipped
 * when some are), 1 % of the open ones cancelled, 8 % rush.
 */
function ordersStagingSql(): string {
  // $1 orders, $2 orderable contracts, $3 shipments, $4 today, $5 packagings
  return `
create unlogged table bench_mo as
with g as (
  select g.i::int as n, ((g.i - 1) % $2::int + 1)::int as e, ((g.i - 1) / $2::int)::int as j, ${hx('g.i', 4, 1)} as h1, ${hx('g.i', 4, 2)} as h2
  from generate_series(1, $1::bigint) as g(i)
), k as (
  select g.*, $1::int / $2::int + (g.e <= $1::int % $2::int)::int as m,
    $3::int / $1::int + (g.n <= $3::int % $1::int)::int as ms,
    c.n as cn, c.id as contract_id, c.customer_id, c.owner_id, c.status as contract_status, c.signed_on
  from g join bench_mo_c c on c.e = g.e
), d as (
  select k.*, signed_on + 20 + 25 * j as due_date, least($4::date - 1, signed_on + 1 + 10 * j) as created_on from k
)
select d.n, d.contract_id, d.customer_id, d.owner_id, d.due_date, d.created_on, d.ms, d.h1,
  ${taggedUuid(at('d.created_on', '36000 + d.h2 % 25200'), 'md5(\'order\' || d.n)')} as id,
  ${at('d.created_on', '36000 + d.h2 % 25200')} as created_at,
  case when h1 % 100 < 8 then 'rush' else 'normal' end as priority,
  case when contract_status = 'completed' or (ms > 0 and due_date - 5 + 4 * (ms - 1) < $4::date) then 'shipped'
    when ms > 0 and due_date - 5 < $4::date then 'partially_shipped'
    when h1 / 100 % 100 = 0 then 'cancelled' else 'open' end as status,
  ol.lines, ol.amount
from d cross join lateral (
  select jsonb_agg(jsonb_build_object('contractLineIndex', l - 1, 'productId', null, 'description', description, 'unit', unit,
      'quantity', q::text, 'unitPrice', ${moneyText('round(amount / qty, 2)')}, 'amount', ${moneyText('round(amount * q / qty, 2)')},
      'packaging', ($5::text[])[1 + (d.h2 / 1000 % cardinality($5::text[]))::int]) order by l) as lines,
    sum(round(amount * q / qty, 2)) as amount
  from (select ml.*, floor(ml.qty * (d.j + 1) / d.m) - floor(ml.qty * d.j / d.m) as q from bench_ml ml where ml.n = d.cn) x
  where q > 0
) ol`;
}

function ordersInsertSql(): string {
  // $1 ws, $2 now
  return `
insert into orders (workspace_id, id, version, created_at, updated_at, number, contract_id, customer_id, owner_id, lines, amount, due_date, priority,
  delivery_address, note, status, revision, pending_change_id, created_by)
select $1::uuid, id, case status when 'open' then 1 when 'partially_shipped' then 2 else 3 end, created_at,
  case status when 'open' then created_at else least($2::timestamptz, ${at('due_date', '57600')}) end,
  'DD' || to_char(created_at at time zone 'Asia/Shanghai', 'YYYYMM') || '-' || lpad(n::text, 7, '0'),
  contract_id, customer_id, owner_id, lines, amount, due_date, priority, null,
  case when priority = 'rush' then '客户产线停线待料，加急' end, status, 0, null, owner_id
from bench_mo`;
}

/**
 * Shipments of row numbers 1..count over the orders: shipment j of the ms an order gets takes the j-th
 * share of each order line (amount = line amount × share / quantity, the last one the remainder, so a
 * line's shipments add up to its amount as shipments.rules makes them), planned 5 days before the order's
 * due date and 4 days apart. Those planned in the past (and all of a completed contract) are delivered
 * (85 %) or shipped; the others wait in the warehouse queue; those of a cancelled order are cancelled.
 */
function shipmentsSql(): string {
  // $1 ws, $2 lo, $3 hi, $4 orders, $5 today, $6 now, $7 warehouse user, $8 carriers
  return `
with g as (
  select g.i::int as i, ((g.i - 1) % $4::int + 1)::int as o, ((g.i - 1) / $4::int)::int as j, ${hx('g.i', 5, 1)} as h1, ${hx('g.i', 5, 2)} as h2
  from generate_series($2::bigint, $3::bigint) as g(i)
), k as (
  select g.*, mo.id as order_id, mo.contract_id, mo.customer_id, mo.owner_id, mo.lines as order_lines, mo.ms, mo.status as order_status,
    mo.priority, mo.due_date - 5 + 4 * g.j as planned, c.status as contract_status
  from g join bench_mo mo on mo.n = g.o join bench_mc c on c.id = mo.contract_id
), s as (
  select k.*,
    case when order_status = 'cancelled' then 'cancelled'
      when contract_status = 'completed' or planned < $5::date then (case when h1 % 100 < 85 then 'delivered' else 'shipped' end)
      when h1 % 100 < 40 then 'pending_review' when h1 % 100 < 65 then 'reviewed' when h1 % 100 < 82 then 'picked' else 'packed' end as status,
    least(planned, $5::date) - 3 as created_on
  from k
), l as (
  select s.*, sl.lines, sl.amount from s cross join lateral (
    select jsonb_agg(jsonb_build_object('orderLineIndex', y.idx - 1, 'quantity', y.q::text, 'amount', ${moneyText('y.amount')}) order by y.idx) as lines,
      coalesce(sum(y.amount), 0) as amount
    from (
      -- the last shipment of an order completes every line and takes the remainder (as shipments.rules does)
      select x.idx, x.q, case when s.j < s.ms - 1 then round(x.amount * x.q / x.qty, 2)
          else x.amount - (select coalesce(sum(round(x.amount * (floor(x.qty * (k + 1) / s.ms) - floor(x.qty * k / s.ms)) / x.qty, 2)), 0)
            from generate_series(0, s.ms - 2) as k) end as amount
      from (
        select e.idx, (e.v ->> 'quantity')::numeric as qty, (e.v ->> 'amount')::numeric as amount,
          floor((e.v ->> 'quantity')::numeric * (s.j + 1) / s.ms) - floor((e.v ->> 'quantity')::numeric * s.j / s.ms) as q
        from jsonb_array_elements(s.order_lines) with ordinality as e(v, idx)
      ) x where x.q > 0
    ) y
  ) sl
)
insert into shipments (workspace_id, id, version, created_at, updated_at, number, order_id, contract_id, customer_id, owner_id, lines, amount,
  planned_date, delivery_address, note, priority_rank, status, carrier, tracking_no, reviewed_at, reviewed_by, picked_at, picked_by, packed_at, packed_by,
  shipped_at, shipped_by, handed_over_at, delivered_by, receiver, cancelled_at, cancelled_by, cancel_reason, override_status, override_approval_id,
  override_reason, credit_position, created_by)
select $1::uuid, ${taggedUuid(at('created_on', '36000 + h2 % 25200'), `md5('shipment' || i)`)},
  case status when 'pending_review' then 1 when 'reviewed' then 2 when 'picked' then 3 when 'packed' then 4 when 'shipped' then 5 when 'delivered' then 6 else 2 end,
  ${at('created_on', '36000 + h2 % 25200')},
  case when status in ('shipped', 'delivered', 'cancelled') then least($6::timestamptz, ${at('planned', '50400')}) else ${at('created_on', '36000 + h2 % 25200')} end,
  'FH' || to_char(${at('created_on', '36000')} at time zone 'Asia/Shanghai', 'YYYYMM') || '-' || lpad(i::text, 7, '0'),
  order_id, contract_id, customer_id, owner_id, coalesce(lines, '[]'::jsonb), amount, planned, null, null,
  case when priority = 'rush' then 0 else 1 end, status,
  case when status in ('shipped', 'delivered') then ($8::text[])[1 + (h2 / 1000 % cardinality($8::text[]))::int] end,
  case when status in ('shipped', 'delivered') then 'SF' || lpad((h1 / 1000 % 10000000000)::text, 10, '0') end,
  case when status not in ('pending_review', 'cancelled') then least($6::timestamptz, ${at('planned - 2', '36000')}) end,
  case when status not in ('pending_review', 'cancelled') then $7::uuid end,
  case when status in ('picked', 'packed', 'shipped', 'delivered') then least($6::timestamptz, ${at('planned - 1', '36000')}) end,
  case when status in ('picked', 'packed', 'shipped', 'delivered') then $7::uuid end,
  case when status in ('packed', 'shipped', 'delivered') then least($6::timestamptz, ${at('planned - 1', '54000')}) end,
  case when status in ('packed', 'shipped', 'delivered') then $7::uuid end,
  case when status in ('shipped', 'delivered') then least($6::timestamptz, ${at('planned', '36000')}) end,
  case when status in ('shipped', 'delivered') then $7::uuid end,
  case when status = 'delivered' then least($6::timestamptz, ${at('planned + 2', '36000')}) end,
  case when status = 'delivered' then owner_id end,
  case when status = 'delivered' then '收货人（仓库管理员）' end,
  case when status = 'cancelled' then ${at('created_on + 1', '36000')} end,
  case when status = 'cancelled' then owner_id end,
  case when status = 'cancelled' then '订单已取消' end,
  null, null, null, null, owner_id
from l`;
}

/**
 * Quote headers of row numbers 1..n (a staging table): the customer as for contracts, dated over the
 * history and valid 30 days; 15 % draft, 8 % in review, 10 % approved, 35 % sent, 20 % accepted, 12 %
 * declined by the customer (the stored statuses; "expired" is computed from valid_until).
 */
function quoteHeadersSql(): string {
  // $1 count, $2 today, $3 history days, $4 busy ‰, $5 busy customer numbers, $6 customers
  return `
create unlogged table bench_mq as
with g as (
  select g.i, ${hx('g.i', 6, 1)} as h1, ${hx('g.i', 6, 2)} as h2, ${hx('g.i', 6, 3)} as h3, ${hx('g.i', 6, 4)} as h4, md5('quote' || g.i) as m
  from generate_series(1, $1::bigint) as g(i)
), k as (
  select g.*, cu.id as customer_id, cu.owner_id, $2::date - 1 - floor((h4 % 1000000) / 1e6::float8 * $3::int)::int as quote_date,
    case when h2 % 100 < 15 then 'draft' when h2 % 100 < 23 then 'in_review' when h2 % 100 < 33 then 'approved' when h2 % 100 < 68 then 'sent'
      when h2 % 100 < 88 then 'accepted' else 'rejected_by_customer' end as status
  from g join bench_money_cust cu on cu.n = case when (h1 % 1000) < $4::int then ($5::int[])[1 + (h3 % cardinality($5::int[]))::int]
    else 1 + floor($6::int * power((h3 % 1000000) / 1e6::float8, 1.7))::int end
)
select i::int as n, ${taggedUuid(at('quote_date', '32400 + h1 / 7 % 28800'), 'm')} as id, customer_id, owner_id, status, quote_date,
  ${at('quote_date', '32400 + h1 / 7 % 28800')} as created_at, 1 + (h1 / 1000 % 4)::int as nlines,
  case when h3 / 100 % 10 < 6 then 30 when h3 / 100 % 10 < 9 then 50 else 0 end as prepayment_pct,
  case when h3 / 1000 % 2 = 0 then 30 else 60 end as balance_days
from k`;
}

function quotesInsertSql(): string {
  // $1 ws, $2 now, $3 delivery terms
  return `
insert into quotes (workspace_id, id, version, created_at, updated_at, number, revision, customer_id, opportunity_id, contact_id, quote_date, valid_until,
  lines, list_amount, discount_amount, tax_amount, total, prepayment_pct, balance_days, payment_text, delivery_terms, notes, approval_reasons,
  approval_level, status, owner_id, created_by, revised_by, revised_at, approval_id, submitted_by, sent_at, decided_at, decline_reason, contract_id, copied_from)
select $1::uuid, q.id,
  case q.status when 'draft' then 1 when 'in_review' then 2 when 'approved' then 3 when 'sent' then 4 else 5 end,
  q.created_at, least($2::timestamptz, q.created_at + interval '3 days'),
  'BJ' || to_char(q.quote_date, 'YYYYMM') || '-' || lpad(q.n::text, 7, '0'), 1, q.customer_id, null, null,
  q.quote_date, q.quote_date + 30, l.lines, l.list_amount, l.list_amount - l.total, l.tax, l.total, q.prepayment_pct, q.balance_days, null,
  ($3::text[])[1 + q.n % cardinality($3::text[])], null, '[]'::jsonb, 'review', q.status, q.owner_id, q.owner_id, q.owner_id,
  q.created_at, null,
  case when q.status <> 'draft' then q.owner_id end,
  case when q.status in ('sent', 'accepted', 'rejected_by_customer') then least($2::timestamptz, q.created_at + interval '2 days') end,
  case when q.status in ('accepted', 'rejected_by_customer') then least($2::timestamptz, q.created_at + interval '3 days') end,
  case when q.status = 'rejected_by_customer' then '客户选择了价格更低的方案' end, null, null
from bench_mq q join (
  select n, sum(round(qty * price, 2)) as list_amount, sum(amount) as total, sum(tax) as tax,
    jsonb_agg(jsonb_build_object('productId', null, 'description', description, 'unit', unit, 'quantity', qty::text,
      'unitPrice', ${moneyText('price')}, 'discountPct', disc::text, 'taxRate', rate::text, 'amount', ${moneyText('amount')}, 'taxAmount', ${moneyText('tax')})
      order by l) as lines
  from bench_mql group by n
) l on l.n = q.n`;
}

/**
 * Invoice requests (开票申请): one per order shipped in full (issued by finance 85 %, approved 10 %, in
 * review 5 %) and one in review per partly shipped order, for the order's amount — the "billed" part of
 * the credit exposure breakdown (credit.exposure.ts reads the issued ones per contract).
 */
function invoiceRequestsSql(): string {
  // $1 ws, $2 today, $3 now, $4 finance user
  return `
insert into invoice_requests (workspace_id, id, version, created_at, updated_at, number, contract_id, customer_id, owner_id, invoice_type, title, tax_number,
  bank_name, bank_account, address, phone, amount, note, status, requested_by, approval_id, invoice_number, issued_on, courier, tracking_no, issued_by, issued_at)
select $1::uuid, ${taggedUuid('requested_at', `md5('invoice' || n)`)}, case status when 'issued' then 4 when 'approved' then 3 else 2 end, requested_at,
  case when status = 'issued' then least($3::timestamptz, ${at('issued_on', '57600')}) else requested_at end,
  'FP' || to_char(requested_at at time zone 'Asia/Shanghai', 'YYYYMM') || '-' || lpad(n::text, 7, '0'),
  contract_id, customer_id, owner_id, 'vat_special', title, tax_number, '中国工商银行股份有限公司', '1202' || lpad((hi % 1000000000000)::text, 15, '0'),
  null, null, amount, null, status, owner_id, null,
  case when status = 'issued' then '9' || lpad(n::text, 7, '0') end, case when status = 'issued' then issued_on end,
  case when status = 'issued' then '顺丰速运' end, case when status = 'issued' then 'SF' || lpad((hi / 7 % 10000000000)::text, 10, '0') end,
  case when status = 'issued' then $4::uuid end, case when status = 'issued' then least($3::timestamptz, ${at('issued_on', '57600')}) end
from (
  select mo.n, mo.contract_id, mo.customer_id, mo.owner_id, mo.amount, cu.name as title,
    coalesce(cu.credit_code, '91' || lpad((abs(hashtext(cu.id::text)) % 10000000000000000)::text, 16, '0')) as tax_number,
    ${hx('mo.n', 8, 1)} as hi, least($2::date - 1, mo.due_date + 3) as issued_on,
    least($3::timestamptz, ${at('mo.due_date', '36000')}) as requested_at,
    case when mo.status = 'partially_shipped' then 'in_review' when ${hx('mo.n', 8, 2)} % 100 < 85 then 'issued'
      when ${hx('mo.n', 8, 2)} % 100 < 95 then 'approved' else 'in_review' end as status
  from bench_mo mo join customers cu on cu.workspace_id = $1 and cu.id = mo.customer_id
  where mo.status in ('shipped', 'partially_shipped')
) x`;
}

/** The tables of this part; those not created yet by their module's migration are skipped. */
const MONEY_TABLES = ['quotes', 'contracts', 'receivables', 'credit_profiles', 'orders', 'shipments', 'invoice_requests'];

async function existingTables(raw: RawClient, tables: readonly string[]): Promise<string[]> {
  const present: string[] = [];
  for (const t of tables) if ((await raw.query(`select to_regclass($1) is not null as ok`, [`public.${t}`])).rows[0]?.ok) present.push(t);
  return present;
}

/** Removes the rows of an interrupted load of this part (by their id tag). */
async function removeTagged(raw: RawClient, ws: string, tables: readonly string[]): Promise<number> {
  const like = `%-${MONEY_ID_TAG}-%`;
  let removed = 0;
  for (const table of [...tables].reverse()) {
    const result = await raw.query(`with d as (delete from ${table} where workspace_id = $1 and id::text like $2 returning 1) select count(*) as n from d`, [ws, like]);
    removed += Number(result.rows[0]!.n);
  }
  return removed;
}

const dropStaging = async (raw: RawClient) => {
  for (const t of ['bench_money_cust', 'bench_mc', 'bench_ml', 'bench_mp', 'bench_mo_c', 'bench_mo', 'bench_mq', 'bench_mql']) await raw.query(`drop table if exists ${t}`);
};

/** Generates the money part of `scale` into a database holding its base and deals parts; returns the part's record for the dataset marker. */
export async function generateMoney(rawPool: RawClient, scale: Scale, org: MoneyOrg, progress: CrmProgress, nowMs: number, postgres: boolean, log: (line: string) => void): Promise<MoneyPart> {
  const started = performance.now();
  const ws = org.workspaceId;
  const today = todayIn('Asia/Shanghai', new Date(nowMs));
  const now = new Date(nowMs).toISOString();
  const like = `%-${MONEY_ID_TAG}-%`;
  const session = await replicaSession(rawPool, postgres);
  const raw = session.raw;
  try {
    const tables = await existingTables(raw, MONEY_TABLES);
    const hasOrders = tables.includes('orders');
    const hasShipments = hasOrders && tables.includes('shipments');
    const removed = await removeTagged(raw, ws, tables);
    if (removed > 0) log(`  removed ${removed.toLocaleString('en-US')} rows of an interrupted money load`);
    await dropStaging(raw);
    const seller = String((await raw.query('select name from workspaces where id = $1', [ws])).rows[0]!.name);
    const warehouse = (await raw.query(`select id from users where workspace_id = $1 and 'warehouse' = any(roles) order by username limit 1`, [ws])).rows[0];

    // contracts are on owned customers only (a pool customer has no owner to sign for it)
    await raw.query(`create unlogged table bench_money_cust as select row_number() over (order by id)::int as n, id, name, owner_id
      from customers where workspace_id = $1 and owner_id is not null`, [ws]);
    await raw.query('alter table bench_money_cust add primary key (n)');
    await raw.query('analyze bench_money_cust');
    const customerCount = Number((await raw.query('select count(*) as n from bench_money_cust')).rows[0]!.n);
    if (customerCount === 0) throw new Error('no owned customers in the workspace: is the base part generated?');
    const busyNumbers = Array.from({ length: scale.moneyBusyCustomers }, (_, k) => 1 + Math.floor(((k + 0.5) * customerCount) / scale.moneyBusyCustomers));
    const lineParams = [pgArray(lineItems.map((x) => x[0])), pgArray(lineItems.map((x) => x[1])), `{${lineItems.map((x) => x[2]).join(',')}}`];
    const busyIds = (await raw.query('select id from bench_money_cust where n = any($1::int[])', [`{${busyNumbers.join(',')}}`])).rows.map((r) => String(r.id));

    await withoutIndexes(raw, tables, progress, postgres, async () => {
      await progress.run('contracts', async (report) => {
        await raw.query(contractHeadersSql(), [scale.contracts, today, scale.historyDays, Math.round(scale.moneyBusyShare * 1000), `{${busyNumbers.join(',')}}`, customerCount]);
        await raw.query('alter table bench_mc add primary key (n)');
        await raw.query(documentLinesSql('bench_ml', 'bench_mc', 2), lineParams);
        await raw.query('alter table bench_ml add primary key (n, l)');
        await raw.query(paymentPlanSql());
        for (const t of ['bench_mc', 'bench_ml', 'bench_mp']) await raw.query(`analyze ${t}`);
        report(0, scale.contracts);
        await raw.query(contractsInsertSql(), [ws, seller, pgArray(titles), pgArray(deliveryTerms), now]);
        report(scale.contracts, scale.contracts);
        return scale.contracts;
      });
      await progress.run('receivables', async () => {
        await raw.query(receivablesSql(), [ws, today, now]);
        return Number((await raw.query('select count(*) as n from receivables where workspace_id = $1 and id::text like $2', [ws, like])).rows[0]!.n);
      });
      await progress.run('credit_profiles', async () => {
        await raw.query(creditProfilesSql(), [ws, pgArray(busyIds), like]);
        return Number((await raw.query('select count(*) as n from credit_profiles where workspace_id = $1 and id::text like $2', [ws, like])).rows[0]!.n);
      });
      if (tables.includes('quotes')) {
        await progress.run('quotes', async () => {
          await raw.query(quoteHeadersSql(), [scale.quotes, today, scale.historyDays, Math.round(scale.moneyBusyShare * 1000), `{${busyNumbers.join(',')}}`, customerCount]);
          await raw.query('alter table bench_mq add primary key (n)');
          await raw.query(documentLinesSql('bench_mql', 'bench_mq', 7), lineParams);
          await raw.query('alter table bench_mql add primary key (n, l)');
          await raw.query(quotesInsertSql(), [ws, now, pgArray(deliveryTerms)]);
          return scale.quotes;
        });
      } else log('  quotes: the table does not exist yet (no migration): skipped');
      if (hasOrders) {
        await raw.query(`create unlogged table bench_mo_c as select row_number() over (order by n)::int as e, n, id, customer_id, owner_id, status, signed_on
          from bench_mc where status in ('executing', 'completed')`);
        await raw.query('alter table bench_mo_c add primary key (e)');
        const orderable = Number((await raw.query('select count(*) as n from bench_mo_c')).rows[0]!.n);
        const shipmentCount = hasShipments ? scale.shipments : 0;
        await progress.run('orders', async () => {
          await raw.query(ordersStagingSql(), [scale.orders, orderable, shipmentCount, today, pgArray(packagings)]);
          await raw.query('alter table bench_mo add primary key (n)');
          await raw.query('create index on bench_mo (id)');
          await raw.query('analyze bench_mo');
          await raw.query(ordersInsertSql(), [ws, now]);
          return scale.orders;
        });
        if (hasShipments) {
          await raw.query('create index on bench_mc (id)');
          await progress.run('shipments', async (report) => {
            const text = shipmentsSql();
            const batch = scale.shipments <= 20_000 ? scale.shipments : 100_000;
            for (let lo = 1; lo <= scale.shipments; lo += batch) {
              const hi = Math.min(lo + batch - 1, scale.shipments);
              await raw.query(text, [ws, lo, hi, scale.orders, today, now, warehouse ? String(warehouse.id) : null, pgArray(carriers)]);
              report(hi, scale.shipments);
            }
            return scale.shipments;
          });
        } else log('  shipments: the table does not exist yet (no migration): skipped');
        if (tables.includes('invoice_requests')) {
          const finance = (await raw.query(`select id from users where workspace_id = $1 and 'finance' = any(roles) order by username limit 1`, [ws])).rows[0];
          await progress.run('invoice_requests', async () => {
            await raw.query(invoiceRequestsSql(), [ws, today, now, finance ? String(finance.id) : null]);
            return Number((await raw.query('select count(*) as n from invoice_requests where workspace_id = $1 and id::text like $2', [ws, like])).rows[0]!.n);
          });
        }
      } else log('  orders: the table does not exist yet (no migration): skipped');
    }, 'money_indexes');

    await progress.run('money_vacuum', async () => {
      for (const table of tables) await raw.query(`vacuum (analyze) ${table}`);
      return 0;
    });
    // the document numbers continue after the generated ones (BJ<yyyymm>-, HT<year>-, DD<yyyymm>-, FH<yyyymm>-<7 digits>)
    for (const [table, type, prefix, digits] of [['quotes', 'quote', 'BJ', 6], ['contracts', 'contract', 'HT', 4], ['orders', 'order', 'DD', 6], ['shipments', 'shipment', 'FH', 6], ['invoice_requests', 'invoice', 'FP', 6]] as const) {
      if (!tables.includes(table)) continue;
      await raw.query(`
insert into number_sequences (workspace_id, document_type, period_key, last_value)
select $1::uuid, '${type}', substr(number, 3, ${digits}), max(split_part(number, '-', 2)::int) from ${table}
where workspace_id = $1 and number ~ '^${prefix}[0-9]{${digits}}-[0-9]+$' group by substr(number, 3, ${digits})
on conflict (workspace_id, document_type, period_key) do update set last_value = greatest(number_sequences.last_value, excluded.last_value)`, [ws]);
    }

    const busyCounts: { id: string; n: number }[] = [];
    for (const id of busyIds) busyCounts.push({ id, n: Number((await raw.query('select count(*) as n from receivables where workspace_id = $1 and customer_id = $2', [ws, id])).rows[0]!.n) });
    await dropStaging(raw);
    const count = async (table: string, where = '') => (tables.includes(table)
      ? Number((await raw.query(`select count(*) as n from ${table} where workspace_id = $1${where}`, [ws])).rows[0]!.n) : 0);
    return {
      version: MONEY_PART_VERSION, generatedAt: new Date().toISOString(), seconds: Math.round((performance.now() - started) / 100) / 10,
      counts: {
        quotes: await count('quotes'), contracts: await count('contracts'), signedContracts: await count('contracts', ` and status in ${SIGNED}`),
        receivables: await count('receivables'), openReceivables: await count('receivables', ` and status in ('open', 'partial')`),
        creditProfiles: await count('credit_profiles'), orders: await count('orders'), shipments: await count('shipments'),
        invoiceRequests: await count('invoice_requests'),
        busiestCustomerReceivables: Math.max(0, ...busyCounts.map((b) => b.n)),
      },
      busyCustomerIds: busyCounts.sort((a, b) => b.n - a.n).map((b) => b.id),
    };
  } finally {
    await session.done();
  }
}
