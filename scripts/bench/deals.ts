import { todayIn } from '../../src/shared/dates.js';
import { lossReasons } from '../../src/server/modules/opportunities/opportunities.rules.js';
import { searchKeysFor } from '../../src/server/platform/search/search-keys.rules.js';
import { withoutIndexes, type CrmProgress } from './crm.js';
import type { RawClient } from './database.js';
import type { Scale } from './scales.js';

/**
 * Opportunities (both built-in pipelines, every stage) with their stage history and contacts on the
 * deal, and activities with call reports and tasks (issue 4) — the "deals" part of a dataset. It is
 * generated after the base part (customers, users) and can be added to a database that holds only the
 * base part (`--reuse`). Rows are derived in SQL from hashes of the row number, as the audit rows are;
 * only the search keys of the project words are computed in Node (pinyin), and the opportunity's keys
 * are the customer's keys followed by those of the project words (the name is the customer's name + the
 * project words). Foreign keys are not checked row by row during the load (`session_replication_role =
 * replica`: every reference points at a row read from the same database a moment before), and the
 * secondary indexes are rebuilt after it.
 *
 * Every generated id is a UUIDv7 whose first random digits are `be5` (`xxxxxxxx-xxxx-7be5-…`): an
 * interrupted load is removed by that tag before the part is generated again.
 */

/** Bump when this part changes what it writes; the base part keeps its own GENERATOR_VERSION. */
export const DEALS_PART_VERSION = 1;
export const DEALS_ID_TAG = '7be5';

export interface DealsPart {
  version: number;
  generatedAt: string;
  seconds: number;
  counts: Record<string, number>;
  /** customers holding tens of thousands of activities (at L), busiest first */
  busyCustomerIds: string[];
}

export interface DealsOrg { workspaceId: string }

const products = ['自动化产线', '设备更新', '数字化车间', 'MES 系统', '仓储物流', '检测设备', '节能改造', '信息化平台', '售后维保', '备件采购',
  '洁净车间', '智能仓库', '质量追溯', '扩产', '软件升级', '年度框架采购'];
const leadSources = ['web_form', 'phone', 'exhibition', 'partner_referral', 'walk_in', 'online', 'business_meeting', 'other'];
const competitors = ['西门子', '施耐德', 'ABB', '汇川', '和利时', '用友', '金蝶', '鼎捷'];
const subjects: Record<string, string[]> = {
  visit: ['拜访客户了解需求', '现场勘察', '拜访采购部', '高层拜访', '技术交流'],
  call: ['电话跟进报价', '电话确认需求', '回访使用情况', '电话约访'],
  email: ['发送方案资料', '发送报价单', '邮件确认会议纪要'],
  meeting: ['方案评审会', '商务洽谈会', '项目启动会'],
  demo: ['产品演示', '样机测试', '参观样板工厂'],
  message: ['微信沟通进度', '短信提醒会议'],
  task: ['准备投标文件', '整理客户资料', '内部评审'],
};
const outcomes = ['客户认可方案，下周安排技术交流', '对价格有顾虑，需要再沟通', '决策人出差，推迟到下月', '需求明确，进入报价', '已确认预算，等待立项', '竞品报价更低，需调整方案'];

/** Postgres array literal of strings (text[] / uuid[] parameters). */
const pgArray = (items: readonly string[]) => `{${items.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
const h = (k: number) => `abs(hashint8(g.i * 8 + ${k}))`;
/** A UUIDv7 of `at` with the generator's tag in its first random digits. */
const taggedUuid = (at: string, m: string) =>
  `(lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0') || '${DEALS_ID_TAG}' || substr('89ab', 1 + (('x' || substr(${m}, 1, 2))::bit(8)::int % 4), 1) || substr(${m}, 3, 15))::uuid`;

interface Pipe { id: string; stages: string[]; probabilities: string[] }

async function loadPipelines(raw: RawClient, ws: string): Promise<{ big: Pipe; standard: Pipe }> {
  const { rows } = await raw.query(`
select p.id as pipeline_id, p.template, array_agg(s.id::text order by s.position) as stages, array_agg(s.probability::text order by s.position) as probabilities
from pipelines p join pipeline_stages s on s.workspace_id = p.workspace_id and s.pipeline_id = p.id
where p.workspace_id = $1 and p.template in ('big_account', 'standard') group by p.id, p.template`, [ws]);
  const of = (template: string): Pipe => {
    const r = rows.find((x) => x.template === template);
    if (!r) throw new Error(`the workspace has no built-in pipeline ${template}`);
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : String(v).replace(/^\{|\}$/g, '').split(','));
    return { id: String(r.pipeline_id), stages: list(r.stages), probabilities: list(r.probabilities) };
  };
  return { big: of('big_account'), standard: of('standard') };
}

/**
 * Opportunities of row numbers lo..hi with their stage history, in one statement. 40 % on the big
 * account pipeline; 15 % won and 20 % lost (closed over the history), the rest open and skewed to the
 * early stages; the customer by hash, the owner the customer's (a seller by hash for a pool customer).
 */
export function opportunitiesSql(): string {
  // $1 lo, $2 hi, $3 ws, $4 customers, $5 seller ids, $6 seller departments, $7 sellers, $8 today, $9 history days, $10 now,
  // $11 big pipeline, $12 big stages, $13 big probabilities, $14 standard pipeline, $15 standard stages, $16 standard probabilities,
  // $17 product words, $18 their keys "plain initials full", $19 sources, $20 competitors, $21 loss reasons
  return `
with g as (
  select g.i, ${h(1)} as h1, ${h(2)} as h2, ${h(3)} as h3, ${h(4)} as h4, ${h(5)} as h5, ${h(6)} as h6, ${h(7)} as h7, md5('opp' || g.i) as m
  from generate_series($1::bigint, $2::bigint) as g(i)
), k as (
  select g.*, c.id as customer_id, c.name as customer_name, c.search_text as customer_keys, c.owner_id as c_owner, c.department_id as c_dept,
    (h1 % 100) < 40 as big,
    case when (h3 % 100) < 15 then 'won' when (h3 % 100) < 35 then 'lost' else 'open' end as status,
    (h2 % 1000000) / 1e6::float8 as u1, (h4 % 1000000) / 1e6::float8 as u2, (h5 % 1000000) / 1e6::float8 as u3
  from g join bench_cust_map c on c.n = 1 + (g.h6 % $4::int)
), s as (
  select k.*,
    case when big then cardinality($12::uuid[]) else cardinality($15::uuid[]) end as stages,
    case when status = 'open' then $8::date - 1 - floor(power(u1, 1.5) * least(365, $9::int))::int
      else $8::date - 1 - floor(u1 * $9::int)::int end as created_on,
    coalesce(c_owner, ($5::uuid[])[1 + (h7 % $7::int)::int]) as owner_id,
    case when c_owner is null then ($6::uuid[])[1 + (h7 % $7::int)::int] else c_dept end as department_id
  from k
), p as (
  select s.*,
    case when status = 'won' then stages - 1
      when status = 'lost' then floor(u2 * (stages - 1))::int
      else floor(power(u2, 1.6) * (stages - 1))::int end as pos,
    case when status = 'open' then null else least($8::date - 1, created_on + 10 + (h4 % 170)::int) end as closed_on,
    (created_on + make_interval(secs => 30600 + (h5 / 1000) % 34200))::timestamp at time zone 'Asia/Shanghai' as created_at
  from s
), q as (
  select p.*,
    case when closed_on is not null then (closed_on + make_interval(secs => 32400 + (h6 / 1000) % 28800))::timestamp at time zone 'Asia/Shanghai'
      else created_at + ($10::timestamptz - created_at) * (case when pos = 0 then 0 else 0.3 + 0.7 * u3 end) end as entered_at,
    1 + (h7 / 100 % cardinality($17::text[]))::int as w
  from p
), ins as (
  insert into opportunities (workspace_id, id, version, created_at, updated_at, number, name, customer_id, pipeline_id, stage_id, status, amount,
    probability, expected_close_date, owner_id, department_id, source, competitors, need_description, stage_entered_at, closed_on, close_reason,
    close_summary, search_text, created_by)
  select $3::uuid, ${taggedUuid('created_at', 'm')}, 1 + pos + (status <> 'open')::int, created_at,
    case when status = 'open' then greatest(entered_at, $10::timestamptz - ($10::timestamptz - entered_at) * power(u3, 2)) else entered_at end,
    number, customer_name || ($17::text[])[w] || '项目', customer_id,
    case when big then $11::uuid else $14::uuid end,
    case when big then ($12::uuid[])[pos + 1] else ($15::uuid[])[pos + 1] end,
    status,
    -- log-uniform, in cents: 100 000–20 000 000 on big accounts, 5 000–1 000 000 otherwise
    case when big then (round(exp(ln(1e7::float8) + ((h1 / 100) % 100000) / 1e5::float8 * ln(200::float8)))::bigint / 100.0)::numeric(18,2)
      else (round(exp(ln(5e5::float8) + ((h1 / 100) % 100000) / 1e5::float8 * ln(200::float8)))::bigint / 100.0)::numeric(18,2) end,
    case when big then ($13::numeric[])[pos + 1] else ($16::numeric[])[pos + 1] end,
    case when closed_on is not null then closed_on
      when (h5 % 10) = 0 then null
      else $8::date - 20 + (h5 / 10 % 200)::int end,
    owner_id, department_id,
    case when (h2 % 10) < 3 then null else ($19::text[])[1 + (h2 / 10 % cardinality($19::text[]))::int] end,
    case when pos >= 2 and (h3 / 100 % 3) > 0 then array[($20::text[])[1 + (h3 / 300 % cardinality($20::text[]))::int]] else '{}'::text[] end,
    case when pos >= 1 or (h4 / 7 % 2) = 0 then '客户计划' || ($17::text[])[w] || '，预算已初步确认' end,
    entered_at, closed_on,
    case when status = 'lost' then ($21::text[])[1 + (h6 / 100 % cardinality($21::text[]))::int] end,
    case when status = 'won' then '合同已签订' when status = 'lost' then '客户选择了其他供应商' end,
    split_part(customer_keys, ' ', 1) || split_part(($18::text[])[w], ' ', 1) || ' ' || split_part(customer_keys, ' ', 2) || split_part(($18::text[])[w], ' ', 2)
      || ' ' || split_part(customer_keys, ' ', 3) || split_part(($18::text[])[w], ' ', 3) || ' ' || lower(number),
    owner_id
  from (select q.*, 'XM' || extract(year from created_on)::int || '-' || lpad(i::text, 7, '0') as number from q) q
  returning workspace_id, id, pipeline_id, stage_id, status, created_at, stage_entered_at, closed_on, owner_id
), hist as (
  -- create (j = 0), a move into each later stage reached (j = 1..moves), and the close
  select ins.*, j, status <> 'open' and j = moves + 1 as is_close,
    (case when pipeline_id = $11::uuid then $12::uuid[] else $15::uuid[] end) as ids,
    array_position(case when pipeline_id = $11::uuid then $12::uuid[] else $15::uuid[] end, stage_id) - 1 as pos
  from (select ins.*, case when status = 'won' then array_position(case when pipeline_id = $11::uuid then $12::uuid[] else $15::uuid[] end, stage_id) - 2
      else array_position(case when pipeline_id = $11::uuid then $12::uuid[] else $15::uuid[] end, stage_id) - 1 end as moves from ins) ins
  cross join lateral generate_series(0, moves + (status <> 'open')::int) as j
), timed as (
  select hist.*,
    case when j = 0 then created_at
      when status = 'open' then created_at + (stage_entered_at - created_at) * j / greatest(moves, 1)
      else created_at + (stage_entered_at - created_at) * j / (moves + 1) end as at,
    case when j = 0 then null
      when status = 'open' then created_at + (stage_entered_at - created_at) * (j - 1) / greatest(moves, 1)
      else created_at + (stage_entered_at - created_at) * (j - 1) / (moves + 1) end as prev_at
  from hist
)
insert into opportunity_stage_history (workspace_id, id, opportunity_id, kind, from_stage_id, to_stage_id, outcome, days_in_stage, note, actor_id, at)
select workspace_id, ${taggedUuid('at', `md5(id::text || j)`)}, id,
  case when j = 0 then 'create' when is_close then 'close' else 'move' end,
  case when j = 0 then null else ids[j] end,
  case when is_close and status = 'lost' then null when is_close then ids[j + 1] else ids[j + 1] end,
  case when is_close then status end,
  case when j = 0 then null else floor(extract(epoch from at - prev_at) / 86400)::int end,
  case when is_close and status = 'won' then '合同已签订' when is_close then '客户选择了其他供应商' end,
  owner_id, at
from timed`;
}

/** Contacts on the deal: one to three of the customer's contacts on the opportunities past the second stage. */
function opportunityContactsSql(): string {
  return `
insert into opportunity_contacts (workspace_id, opportunity_id, contact_id, buying_role)
select o.workspace_id, o.id, c.id, c.buying_role
from opportunities o
cross join lateral (select c.id, c.buying_role from contacts c where c.workspace_id = o.workspace_id and c.customer_id = o.customer_id
  order by c.id limit 1 + abs(hashtext(o.id::text)) % 3) c
where o.workspace_id = $1 and o.number >= $2 and o.number < $3 and o.id::text like '%-${DEALS_ID_TAG}-%'
  and (o.status = 'won' or o.stage_id <> all($4::uuid[]))`;
}

/**
 * Activities of row numbers lo..hi, with a call report for one in five visits and calls done and a
 * task for every other call report. 65 % belong to an opportunity (its customer and owner, between its
 * creation and its close), the rest to a customer alone; `busyShare` of them to the busy customers.
 */
export function activitiesSql(): string {
  // $1 lo, $2 hi, $3 ws, $4 opportunities, $5 customers, $6 busy customer numbers, $7 busy share ‰, $8 seller ids, $9 sellers,
  // $10 now, $11 history days, $12..$18 subjects per type (visit call email meeting demo message task), $19 outcomes
  return `
with g as (
  select g.i, ${h(1)} as h1, ${h(2)} as h2, ${h(3)} as h3, ${h(4)} as h4, ${h(5)} as h5, ${h(6)} as h6, ${h(7)} as h7, md5('act' || g.i) as m
  from generate_series($1::bigint, $2::bigint) as g(i)
), k as (
  select g.*, (h1 % 1000) < $7::int as busy, (h2 % 100) < 65 as linked,
    case when (h3 % 100) < 30 then 'visit' when (h3 % 100) < 62 then 'call' when (h3 % 100) < 72 then 'email' when (h3 % 100) < 80 then 'meeting'
      when (h3 % 100) < 84 then 'demo' when (h3 % 100) < 94 then 'message' else 'task' end as type,
    (h4 % 1000000) / 1e6::float8 as u
  from g
), src as (
  select k.*, o.id as opportunity_id, coalesce(o.customer_id, c.id) as customer_id,
    coalesce(o.owner_id, case when busy then ($8::uuid[])[1 + (h5 % $9::int)::int] end, c.owner_id, ($8::uuid[])[1 + (h5 % $9::int)::int]) as owner_id,
    coalesce(o.created_at, $10::timestamptz - make_interval(days => $11::int)) as span_from,
    coalesce(o.closed_at, $10::timestamptz) as span_to,
    c.name as customer_name
  from k
  left join bench_opp_map o on linked and not busy and o.n = 1 + (h6 % $4::int)
  left join bench_cust_map c on (busy or not linked) and c.n = case when busy then ($6::int[])[1 + (h6 % cardinality($6::int[]))::int] else 1 + (h6 % $5::int) end
), t as (
  select src.*,
    case when span_to >= $10::timestamptz - interval '1 day' and (h7 % 100) < 10 then 'planned' when (h7 % 100) < 14 then 'cancelled' else 'done' end as status
  from src
), a as (
  select t.*,
    case when status = 'planned' then $10::timestamptz + make_interval(mins => (h5 / 100 % 43200)::int)
      else span_from + (span_to - span_from) * power(u, 0.8) end as occurred_at
  from t
), b as (
  select a.*, case when status = 'planned' then $10::timestamptz - make_interval(mins => (h5 / 100 % 10000)::int) else occurred_at end as created_at,
    case type when 'visit' then 60 + (h6 / 10 % 120)::int when 'call' then 5 + (h6 / 10 % 25)::int when 'meeting' then 60 + (h6 / 10 % 60)::int
      when 'demo' then 90 else null end as minutes,
    case type when 'visit' then $12::text[] when 'call' then $13::text[] when 'email' then $14::text[] when 'meeting' then $15::text[]
      when 'demo' then $16::text[] when 'message' then $17::text[] else $18::text[] end as subjects
  from a
), ins as (
  insert into activities (workspace_id, id, version, created_at, updated_at, type, subject, notes, customer_id, opportunity_id, status, occurred_at,
    duration_minutes, location, outcome, completed_at, owner_id, created_by)
  select $3::uuid, ${taggedUuid('created_at', 'm')}, case when status = 'planned' then 1 else 2 end, created_at,
    case when status = 'done' then occurred_at + make_interval(mins => coalesce(minutes, 5)) else created_at end,
    type,
    subjects[1 + (h2 / 100 % cardinality(subjects))::int],
    case when (h1 / 1000 % 2) = 0 then '沟通了项目进度与下一步计划' end,
    customer_id, opportunity_id, status, occurred_at, minutes,
    case when type = 'visit' then '客户现场' end,
    case when status = 'done' and (h7 / 100 % 3) > 0 then ($19::text[])[1 + (h7 / 300 % cardinality($19::text[]))::int] end,
    case when status = 'done' then occurred_at + make_interval(mins => coalesce(minutes, 5)) end,
    owner_id, owner_id
  from b
  returning workspace_id, id, type, status, customer_id, opportunity_id, occurred_at, owner_id
), reports as (
  insert into call_reports (workspace_id, id, version, created_at, updated_at, activity_id, report_date, customer_id, opportunity_id, company,
    purpose, notes, message, action_items, status, sent_at, author_id)
  select ins.workspace_id, ${taggedUuid('ins.occurred_at', `md5(ins.id::text || 'r')`)}, 2, ins.occurred_at, ins.occurred_at + interval '2 hours',
    ins.id, (ins.occurred_at at time zone 'Asia/Shanghai')::date, ins.customer_id, ins.opportunity_id,
    coalesce(c.name, '客户'), '了解需求与决策流程', '客户关注交付周期与售后服务',
    jsonb_build_object('budget', '年度预算约 200 万', 'decisionModel', '总经理拍板，技术部评估'),
    case when abs(hashtext(ins.id::text)) % 2 = 0 then jsonb_build_array(jsonb_build_object('action', '发送技术方案', 'assigneeId', ins.owner_id,
      'dueDate', ((ins.occurred_at at time zone 'Asia/Shanghai')::date + 7)::text)) else '[]'::jsonb end,
    'sent', ins.occurred_at + interval '2 hours', ins.owner_id
  from ins left join customers c on c.workspace_id = ins.workspace_id and c.id = ins.customer_id
  where ins.type in ('visit', 'call') and ins.status = 'done' and abs(hashtext(ins.id::text || 'r')) % 5 = 0
  returning workspace_id, id, customer_id, opportunity_id, author_id, action_items, sent_at
)
insert into tasks (workspace_id, id, version, created_at, updated_at, action, assignee_id, due_date, status, done_at, customer_id, opportunity_id,
  call_report_id, item_index, created_by)
select workspace_id, ${taggedUuid('sent_at', `md5(id::text || 't')`)}, case when done then 2 else 1 end, sent_at,
  case when done then (due + 0)::timestamp at time zone 'Asia/Shanghai' else sent_at end,
  '发送技术方案', author_id, due, case when done then 'done' else 'open' end,
  case when done then (due - 1 + time '16:00')::timestamp at time zone 'Asia/Shanghai' end,
  customer_id, opportunity_id, id, 0, author_id
from (select reports.*, (action_items -> 0 ->> 'dueDate')::date as due,
  (action_items -> 0 ->> 'dueDate')::date < ($10::timestamptz at time zone 'Asia/Shanghai')::date and abs(hashtext(id::text)) % 100 < 85 as done
  from reports where jsonb_array_length(action_items) > 0) r`;
}

const DEALS_TABLES = ['opportunities', 'opportunity_stage_history', 'opportunity_contacts', 'activities', 'call_reports', 'tasks'];

/** A raw client whose session does not fire foreign-key triggers (one connection for the whole load). */
export async function replicaSession(raw: RawClient, postgres: boolean): Promise<{ raw: RawClient; done: () => Promise<void> }> {
  if (postgres) {
    const pool = raw as unknown as { connect(): Promise<RawClient & { release(): void }> };
    const client = await pool.connect();
    // jit off: the planner's row estimates of generate_series × lateral make it compile every statement for seconds
    await client.query('set session_replication_role = replica; set jit = off');
    return { raw: client, done: async () => { await client.query('reset session_replication_role; reset jit'); client.release(); } };
  }
  await raw.query('set session_replication_role = replica');
  return { raw, done: async () => { await raw.query('reset session_replication_role'); } };
}

/** Removes the rows of an interrupted load of this part (by their id tag). */
async function removeTagged(raw: RawClient, ws: string): Promise<number> {
  let removed = 0;
  const like = `%-${DEALS_ID_TAG}-%`;
  const { rows } = await raw.query(`select exists (select 1 from opportunities where workspace_id = $1 and id::text like $2)
    or exists (select 1 from activities where workspace_id = $1 and id::text like $2) as present`, [ws, like]);
  if (!rows[0]?.present) return 0;
  for (const [table, column] of [['tasks', 'id'], ['call_reports', 'id'], ['activities', 'id'], ['opportunity_contacts', 'opportunity_id'],
    ['opportunity_stage_history', 'id'], ['opportunities', 'id']] as const) {
    const result = await raw.query(`with d as (delete from ${table} where workspace_id = $1 and ${column}::text like $2 returning 1) select count(*) as n from d`, [ws, like]);
    removed += Number(result.rows[0]!.n);
  }
  return removed;
}

/** Generates the deals part of `scale` into a database holding its base part; returns the part's record for the dataset marker. */
export async function generateDeals(rawPool: RawClient, scale: Scale, org: DealsOrg, progress: CrmProgress, nowMs: number, postgres: boolean, log: (line: string) => void): Promise<DealsPart> {
  const started = performance.now();
  const ws = org.workspaceId;
  const today = todayIn('Asia/Shanghai', new Date(nowMs));
  const now = new Date(nowMs).toISOString();
  const session = await replicaSession(rawPool, postgres);
  const raw = session.raw;
  try {
    const removed = await removeTagged(raw, ws);
    if (removed > 0) log(`  removed ${removed.toLocaleString('en-US')} rows of an interrupted deals load`);
    const pipes = await loadPipelines(raw, ws);
    const sellerRows = (await raw.query(`select id, department_id from users where workspace_id = $1 and department_id is not null
      and roles && array['sales_rep', 'sales_supervisor']::text[] and is_active order by id`, [ws])).rows;
    if (sellerRows.length === 0) throw new Error('no sellers in the workspace: is the base part generated?');
    const sellerIds = pgArray(sellerRows.map((r) => String(r.id)));
    const sellerDepts = pgArray(sellerRows.map((r) => String(r.department_id)));
    const productKeys = products.map((p) => searchKeysFor(`${p}项目`));

    await raw.query('drop table if exists bench_cust_map');
    await raw.query(`create table bench_cust_map as select row_number() over (order by id)::int as n, id, name, search_text, owner_id, department_id
      from customers where workspace_id = $1`, [ws]);
    await raw.query('alter table bench_cust_map add primary key (n)');
    await raw.query('analyze bench_cust_map');
    const customerCount = Number((await raw.query('select count(*) as n from bench_cust_map')).rows[0]!.n);
    // the busy customers: owned ones spread over the id range (so over the history)
    const busyNumbers = (await raw.query(`select n from (select n, row_number() over (order by n) as r from bench_cust_map where owner_id is not null) x
      where r % greatest(1, $1::int / $2::int) = 1 order by n limit $2`, [customerCount, scale.busyCustomers])).rows.map((r) => Number(r.n));

    let opportunityRows = 0;
    await withoutIndexes(raw, DEALS_TABLES, progress, postgres, async () => {
      await progress.run('opportunities', async (report) => {
        const text = opportunitiesSql();
        const batch = scale.opportunities <= 20_000 ? scale.opportunities : 50_000;
        for (let lo = 1; lo <= scale.opportunities; lo += batch) {
          const hi = Math.min(lo + batch - 1, scale.opportunities);
          await raw.query(text, [lo, hi, ws, customerCount, sellerIds, sellerDepts, sellerRows.length, today, scale.historyDays, now,
            pipes.big.id, pgArray(pipes.big.stages), pgArray(pipes.big.probabilities), pipes.standard.id, pgArray(pipes.standard.stages), pgArray(pipes.standard.probabilities),
            pgArray(products), pgArray(productKeys), pgArray(leadSources), pgArray(competitors), pgArray(lossReasons)]);
          report(hi, scale.opportunities);
        }
        return opportunityRows = scale.opportunities;
      });
      // the stage history's derived funnel columns (refreshStageFlowColumns in the opportunities repository, migration 0033)
      await progress.run('stage_flow', async () => {
        const { rows } = await raw.query(`
with u as (update opportunity_stage_history h
set pipeline_id = d.pipeline_id, owner_id = d.owner_id, department_id = d.department_id, position = d.position,
    reached_later = d.reached_later, prev_entry_at = d.prev_entry_at
from (
  select x.workspace_id, x.id, o.pipeline_id, o.owner_id, o.department_id, st.position,
         max(st.position) over (partition by x.opportunity_id order by x.at desc) as reached_later,
         case when x.to_stage_id is not null then lag(x.at) over (partition by x.opportunity_id, x.to_stage_id order by x.at, x.id) end as prev_entry_at
  from opportunity_stage_history x
  join opportunities o on o.workspace_id = x.workspace_id and o.id = x.opportunity_id
  left join pipeline_stages st on st.workspace_id = x.workspace_id and st.id = x.to_stage_id
  where x.workspace_id = $1 and x.id::text like $2
) d
where h.workspace_id = d.workspace_id and h.id = d.id returning 1)
select count(*) as n from u`, [ws, `%-${DEALS_ID_TAG}-%`]);
        return Number(rows[0]!.n);
      });
      await progress.run('opp_contacts', async (report) => {
        // the first two stages of each pipeline do not need contacts yet
        const early = pgArray([...pipes.big.stages.slice(0, 2), ...pipes.standard.stages.slice(0, 2)]);
        const { rows } = await raw.query(`select distinct substr(number, 3, 4) as y from opportunities where workspace_id = $1 and id::text like $2 order by 1`,
          [ws, `%-${DEALS_ID_TAG}-%`]);
        for (const [k, r] of rows.entries()) {
          await raw.query(opportunityContactsSql(), [ws, `XM${String(r.y)}-`, `XM${String(r.y)}.`, early]);
          report(k + 1, rows.length);
        }
        return Number((await raw.query('select count(*) as n from opportunity_contacts where workspace_id = $1', [ws])).rows[0]!.n);
      });

      await raw.query('drop table if exists bench_opp_map');
      await raw.query(`create table bench_opp_map as select row_number() over (order by id)::int as n, id, customer_id, owner_id, created_at,
        case when closed_on is null then null else (closed_on + time '18:00')::timestamp at time zone 'Asia/Shanghai' end as closed_at
        from opportunities where workspace_id = $1 and id::text like $2`, [ws, `%-${DEALS_ID_TAG}-%`]);
      await raw.query('alter table bench_opp_map add primary key (n)');
      await raw.query('analyze bench_opp_map');

      await progress.run('activities', async (report) => {
        const text = activitiesSql();
        const batch = scale.activities <= 50_000 ? scale.activities : 100_000;
        const subjectParams = ['visit', 'call', 'email', 'meeting', 'demo', 'message', 'task'].map((t) => pgArray(subjects[t]!));
        for (let lo = 1; lo <= scale.activities; lo += batch) {
          const hi = Math.min(lo + batch - 1, scale.activities);
          await raw.query(text, [lo, hi, ws, opportunityRows, customerCount, `{${busyNumbers.join(',')}}`, Math.round(scale.busyActivityShare * 1000),
            sellerIds, sellerRows.length, now, scale.historyDays, ...subjectParams, pgArray(outcomes)]);
          report(hi, scale.activities);
        }
        return scale.activities;
      });
    }, 'deals_indexes');
    await raw.query('drop table bench_opp_map');

    await progress.run('deals_vacuum', async () => {
      for (const table of DEALS_TABLES) await raw.query(`vacuum (analyze) ${table}`);
      return 0;
    });
    // the project numbers continue after the generated ones (XM<year>-<7 digits>)
    await raw.query(`
insert into number_sequences (workspace_id, document_type, period_key, last_value)
select $1::uuid, 'project', substr(number, 3, 4), max(split_part(number, '-', 2)::int) from opportunities
where workspace_id = $1 and number ~ '^XM[0-9]{4}-[0-9]+$' group by substr(number, 3, 4)
on conflict (workspace_id, document_type, period_key) do update set last_value = greatest(number_sequences.last_value, excluded.last_value)`, [ws]);

    const busy = (await raw.query(`select c.id from bench_cust_map c where c.n = any($1::int[])`, [`{${busyNumbers.join(',')}}`])).rows.map((r) => String(r.id));
    const busyCounts: { id: string; n: number }[] = [];
    for (const id of busy) busyCounts.push({ id, n: Number((await raw.query('select count(*) as n from activities where workspace_id = $1 and customer_id = $2', [ws, id])).rows[0]!.n) });
    await raw.query('drop table bench_cust_map');
    const count = async (table: string, where = '') => Number((await raw.query(`select count(*) as n from ${table} where workspace_id = $1${where}`, [ws])).rows[0]!.n);
    return {
      version: DEALS_PART_VERSION, generatedAt: new Date().toISOString(), seconds: Math.round((performance.now() - started) / 100) / 10,
      counts: {
        opportunities: await count('opportunities'), openOpportunities: await count('opportunities', ` and status = 'open'`),
        wonOpportunities: await count('opportunities', ` and status = 'won'`), lostOpportunities: await count('opportunities', ` and status = 'lost'`),
        stageHistory: await count('opportunity_stage_history'), opportunityContacts: await count('opportunity_contacts'),
        activities: await count('activities'), callReports: await count('call_reports'), tasks: await count('tasks'),
        busiestCustomerActivities: Math.max(0, ...busyCounts.map((b) => b.n)),
      },
      busyCustomerIds: busyCounts.sort((a, b) => b.n - a.n).map((b) => b.id),
    };
  } finally {
    await session.done();
  }
}
