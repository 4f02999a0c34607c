import { creditCodeCheckChar } from '../../src/shared/credit-code.js';
import { todayIn } from '../../src/shared/dates.js';
import { normaliseCompanyName, normalisePhone } from '../../src/server/modules/customers/customers.rules.js';
import { leadSearchText } from '../../src/server/modules/leads/leads.rules.js';
import { searchKeysFor } from '../../src/server/platform/search/search-keys.rules.js';
import type { RawClient } from './database.js';
import type { Scale } from './scales.js';

/**
 * Customers, contacts and leads of a scale (issue 3). Everything a user types into the search box is
 * computed in Node with the app's own functions — `searchKeysFor` / `leadSearchText` (pinyin),
 * `normaliseCompanyName`, `normalisePhone`, `creditCodeCheckChar` — and shipped per batch through
 * `jsonb_to_recordset`; the rest (owners, classes, dates, flags) is derived in SQL from hashes of the row
 * number, as the audit rows are. Contacts come from a vocabulary table of names with their search keys,
 * joined by hash, in the same statement as their customers.
 */

type Report = (done: number, total: number) => void;
export interface CrmProgress { run(name: string, work: (report: Report) => Promise<number>): Promise<number> }

export interface CrmOrg {
  workspaceId: string;
  /** generated reps and supervisors with their department, owners of the customers and leads */
  owners: { id: string; departmentId: string | null }[];
  rep1: { id: string; departmentId: string };
  territoryIds: Record<string, string>;
}

/** City, telephone area code, a county-level division code (credit codes), demo territory key. */
export const crmCities: [city: string, area: string, division: string, territory: string | null][] = [
  ['上海', '021', '310115', 'shanghai'], ['杭州', '0571', '330106', 'hangzhou'], ['南京', '025', '320106', 'east'], ['苏州', '0512', '320505', 'east'],
  ['合肥', '0551', '340104', 'east'], ['北京', '010', '110108', 'beijing'], ['天津', '022', '120116', 'north'], ['济南', '0531', '370102', 'north'],
  ['青岛', '0532', '370212', 'north'], ['石家庄', '0311', '130102', 'north'], ['广州', '020', '440106', null], ['深圳', '0755', '440305', null],
  ['厦门', '0592', '350203', null], ['福州', '0591', '350102', null], ['南宁', '0771', '450103', null], ['成都', '028', '510107', null],
  ['重庆', '023', '500103', null], ['昆明', '0871', '530102', null], ['贵阳', '0851', '520102', null], ['武汉', '027', '420106', null],
  ['长沙', '0731', '430104', null], ['郑州', '0371', '410105', null], ['南昌', '0791', '360102', null], ['西安', '029', '610113', null],
  ['兰州', '0931', '620102', null], ['银川', '0951', '640104', null], ['沈阳', '024', '210102', null], ['大连', '0411', '210204', null],
  ['长春', '0431', '220104', null], ['哈尔滨', '0451', '230103', null], ['宁波', '0574', '330212', 'east'], ['无锡', '0510', '320214', 'east'],
  ['东莞', '0769', '441900', null], ['佛山', '0757', '440604', null], ['温州', '0577', '330302', 'east'], ['常州', '0519', '320411', 'east'],
];

const brandWords = [
  '华信', '恒远', '瑞丰', '中科', '宏达', '金桥', '博远', '天成', '鼎盛', '汇通', '嘉禾', '永泰', '新锐', '东方', '晨光', '启明', '安泰', '利达',
  '盛世', '万邦', '正大', '卓越', '协和', '海纳', '星辰', '润泽', '凯瑞', '航宇', '德信', '同创', '明阳', '致远', '和盛', '华通', '长风', '立信',
  '振华', '远景', '科兴', '信达', '泰和', '国鑫', '通达', '恒通', '众诚', '天宇', '联创', '奥德', '锦程', '美达',
];

/** Industry (the filter value) and the trade words of company names in it. */
export const crmIndustries: [industry: string, words: string[]][] = [
  ['制造业', ['精密机械', '机电设备', '自动化设备', '模具', '五金制品', '数控机床']],
  ['电子', ['电子科技', '微电子', '光电技术', '电子元器件']],
  ['软件和信息技术', ['信息技术', '软件', '数据科技', '网络科技']],
  ['医药医疗', ['生物医药', '医疗器械', '药业']],
  ['化工', ['化工', '新材料', '涂料']],
  ['建筑', ['建设工程', '建筑安装', '装饰工程']],
  ['物流', ['物流', '供应链管理', '国际货运代理']],
  ['商贸零售', ['商贸', '贸易', '连锁超市']],
  ['能源环保', ['新能源科技', '电力设备', '环保科技']],
  ['食品', ['食品', '饮料']],
  ['汽车零部件', ['汽车零部件', '汽车配件', '汽车电子']],
];
const tradeWords = crmIndustries.flatMap(([industry, words]) => words.map((word) => ({ industry, word })));
export const crmTags = ['重点客户', '老客户', '招投标', '渠道客户', '战略合作', '待回访', '价格敏感', '新开发'];
const roads = ['人民路', '建设路', '解放路', '中山路', '科技路', '高新大道', '工业园区创业路', '经济开发区长江路'];
const needs = ['产线自动化改造，想了解整线方案', '老旧设备替换，关注能耗', 'SMT 车间扩产，需要检测设备', '替换现有 ERP，要求国产化',
  'GMP 改造，洁净车间配套', '仓储自动化，先上分拣线', '安全环保改造，时间紧', '新厂房设备采购，明年一季度投产'];

const surnames = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段'];
const givenChars = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞斌波辉宇浩凯健俊帆帅旭宁琳雪倩婷颖欣佳琪晨阳鑫博文彬'];
const VOCAB = 20_000;

/** Person name number k of the vocabulary: surname × one or two given characters. */
function personName(k: number): string {
  const s = surnames[k % surnames.length]!;
  const g1 = givenChars[Math.floor(k / surnames.length) % givenChars.length]!;
  const g2 = Math.floor(k / (surnames.length * givenChars.length));
  return g2 === 0 ? s + g1 : s + g1 + givenChars[(g2 * 17 + k) % givenChars.length]!;
}

const NAME_SPACE = crmCities.length * brandWords.length * (brandWords.length - 1) * tradeWords.length;

/**
 * Company number i (distinct i give distinct normalised names, up to NAME_SPACE): city, two different
 * brand words, a trade word and a legal form, e.g. 苏州恒远瑞丰精密机械有限公司.
 */
export function companyOf(i: number) {
  let p = (i * 1_000_003) % NAME_SPACE;
  const trade = tradeWords[p % tradeWords.length]!; p = Math.floor(p / tradeWords.length);
  const pair = p % (brandWords.length * (brandWords.length - 1)); p = Math.floor(p / (brandWords.length * (brandWords.length - 1)));
  const b1 = Math.floor(pair / (brandWords.length - 1));
  const b2raw = pair % (brandWords.length - 1);
  const b2 = b2raw >= b1 ? b2raw + 1 : b2raw;
  const city = crmCities[p % crmCities.length]!;
  const legal = i % 10 < 7 ? '有限公司' : i % 10 < 9 ? '股份有限公司' : '有限责任公司';
  return { city, brand: brandWords[b1]! + brandWords[b2]!, trade, name: `${city[0]}${brandWords[b1]}${brandWords[b2]}${trade.word}${legal}` };
}

/** A valid unified social credit code, distinct for every i (91 + division + organisation code + check). */
export function creditCodeOf(i: number, division: string): string {
  const body = String((i * 7_919 + 12_345_678) % 100_000_000).padStart(8, '0');
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const check = 11 - ([...body].reduce((s, d, k) => s + Number(d) * weights[k]!, 0) % 11);
  const first17 = `91${division}${body}${check === 10 ? 'X' : check === 11 ? '0' : String(check)}`;
  return first17 + creditCodeCheckChar(first17)!;
}

const digitsOf = (i: number, salt: number, length: number) => String((i * 2_654_435_761 + salt * 97_531) % 10 ** length).padStart(length, '0');

function customerRow(i: number, territoryIds: Record<string, string>) {
  const { city, trade, name } = companyOf(i);
  const phone = i % 5 === 0 ? null : `${city[1]}-${2 + (i % 7)}${digitsOf(i, 1, 7)}`;
  const keys = searchKeysFor(name);
  return {
    i, name, nn: normaliseCompanyName(name), st: keys, cc: i % 100 < 85 ? creditCodeOf(i, city[2]) : null,
    ph: phone, pn: phone ? normalisePhone(phone) : null, ind: trade.industry, ter: city[3] ? territoryIds[city[3]] ?? null : null,
    addr: `${city[0]}市${roads[i % roads.length]}${1 + (i % 999)}号`, web: i % 5 === 1 ? `https://www.${keys.split(' ')[1]}.com.cn` : null,
  };
}

// hashes of the row number: h(k) is a non-negative 31-bit integer (hashint8 returns int4), independent for each k
const h = (k: number) => `abs(hashint8(r.i * 8 + ${k}))`;

function customersSql(): string {
  return `
with r as (
  select r.*, ${h(1)} as h1, ${h(2)} as h2, ${h(3)} as h3, ${h(4)} as h4, ${h(5)} as h5, ${h(6)} as h6, ${h(7)} as h7, md5('customer' || r.i) as m
  from jsonb_to_recordset($1::jsonb) as r(i bigint, name text, nn text, st text, cc text, ph text, pn text, ind text, ter uuid, addr text, web text)
), k as (
  select r.*,
    (h1 % 10000) < $8::int as pooled,
    case when (h2 % 10000) < $7::int then 0 else 1 + floor($5::int * power((h7 % 1000000) / 1000000.0, 1.3))::int end as oi,
    $9::date - 1 - floor(((h3 % 100000) / 100000.0) * $10::int)::int as created_on,
    (h1 / 10000) % 100 as cls, (h3 / 100000) % 100 as st_roll, (h4 % 1000) as fu, (h5 % 1000) as dl, (h6 % 1000) as misc
  from r
), o as (
  select k.*,
    case when pooled then null when oi = 0 then $6::uuid else ($3::uuid[])[oi] end as owner_id,
    case when pooled then null when oi = 0 then $11::uuid else ($4::uuid[])[oi] end as department_id,
    (created_on + make_interval(secs => 30600 + (h4 / 1000) % 34200))::timestamp at time zone 'Asia/Shanghai' as created_at,
    created_on + floor((($9::date - created_on) * ((h5 / 1000) % 1000) / 1000.0))::int as owned_on
  from k
), d as (
  select o.*,
    case when cls < 10 then 'A' when cls < 35 then 'B' when cls < 80 then 'C' else 'D' end as value_class,
    case when fu < 30 then null
      when fu < 880 then greatest(created_on, $9::date - (fu % 27)::int)
      when fu < 950 then greatest(created_on, $9::date - 27 - (fu % 3)::int)
      else greatest(created_on, $9::date - 30 - (fu % 400)::int) end as follow_up,
    case when dl < 50 then null
      when dl < 950 then greatest(created_on, $9::date - (dl % 86)::int)
      else greatest(created_on, $9::date - 86 - (dl % 700)::int) end as deal,
    $12::timestamptz - ($12::timestamptz - created_at) * power((h6 / 1000 % 1000) / 1000.0, 2) as updated_at
  from o
), ins as (
  insert into customers (workspace_id, id, version, created_at, updated_at, name, name_normalised, credit_code, industry, size, value_class, status,
    territory_id, address, website, phone, phone_normalised, tags, search_text, owner_id, department_id, owned_since, last_follow_up_on, last_deal_on,
    is_locked, locked_by, former_owner_id, released_on, reviewed_on, created_by)
  select $2::uuid, ${sqlUuidV7('created_at', 'm', 'h4')}, 1 + (h3 % 6)::int, created_at, greatest(created_at, updated_at), name, nn, cc, ind,
    case value_class when 'A' then (array['large','medium'])[1 + (h6 % 2)::int] when 'B' then (array['medium','small'])[1 + (h6 % 2)::int]
      else (array['small','micro','small'])[1 + (h6 % 3)::int] end,
    value_class,
    case when st_roll < 35 then 'prospect' when st_roll < 75 then 'active' when st_roll < 90 then 'dormant' else 'lost' end,
    ter, addr, web, ph, pn,
    case when misc < 400 then '{}'::text[] when misc < 800 then array[($13::text[])[1 + (misc % 8)::int]]
      else array[($13::text[])[1 + (misc % 8)::int], ($13::text[])[1 + ((misc / 8 + misc % 8 + 1) % 8)::int]] end,
    st, owner_id, department_id,
    case when owner_id is null then null else owned_on end,
    case when owner_id is null then least(follow_up, greatest(created_on, $9::date - 60 - (fu % 300)::int)) else follow_up end,
    deal,
    owner_id is not null and misc % 50 = 7,
    case when owner_id is not null and misc % 50 = 7 then owner_id end,
    case when owner_id is null then ($3::uuid[])[1 + (h5 % $5::int)::int] end,
    case when owner_id is null then greatest(created_on, $9::date - (h6 % 365)::int) end,
    case when (h2 % 10) < 6 then greatest(created_on, $9::date - (h3 % 700)::int) end,
    coalesce(owner_id, ($3::uuid[])[1 + (h5 % $5::int)::int])
  from d
  on conflict do nothing
  returning workspace_id, id, created_at, owner_id, phone
)
insert into contacts (workspace_id, id, version, created_at, updated_at, customer_id, name, title, department, mobile, mobile_normalised,
  phone, phone_normalised, email, buying_role, attitude, influence, search_text, created_by)
select workspace_id, ${sqlUuidV7('cat', 'cm', 'ch')}, 1, cat, cat, id, v.name,
  case role when 'economic_buyer' then (array['总经理','董事长','副总经理','总裁'])[1 + (ch % 4)::int]
    when 'technical_buyer' then (array['技术总监','总工程师','信息部经理','质量部经理'])[1 + (ch % 4)::int]
    when 'user_buyer' then (array['生产经理','车间主任','项目经理','运营经理'])[1 + (ch % 4)::int]
    when 'coach' then (array['采购专员','总经理助理','行政主管'])[1 + (ch % 3)::int]
    else (array['财务总监','采购经理','法务经理'])[1 + (ch % 3)::int] end,
  case role when 'economic_buyer' then '总经办' when 'technical_buyer' then '技术部' when 'user_buyer' then '生产部' when 'coach' then '采购部' else '财务部' end,
  mobile, mobile,
  case when ch % 5 = 0 and c.phone is not null then c.phone || '-' || (800 + ch % 200) end,
  case when ch % 5 = 0 and c.phone is not null then regexp_replace(c.phone, '\\D', '', 'g') || (800 + ch % 200) end,
  case when ch % 10 < 3 then split_part(v.keys, ' ', 3) || (ch % 100) || '@example.com.cn' end,
  role, (array['supporter','neutral','neutral','opponent'])[1 + (ch / 7 % 4)::int], (array['low','medium','high'])[1 + (ch / 11 % 3)::int],
  v.keys, c.owner_id
from (
  select ins.*, n, least($12::timestamptz, ins.created_at + make_interval(mins => (n - 1) * 1440 + 30)) as cat,
    md5(ins.id::text || ':' || n) as cm, abs(hashint8(('x' || substr(md5(ins.id::text || ':' || n), 16, 15))::bit(60)::bigint)) as ch
  from ins cross join lateral generate_series(1, 1 + abs(hashtext(ins.id::text)) % 5) as g(n)
) c
cross join lateral (select (array['economic_buyer','technical_buyer','user_buyer','coach','influencer'])[1 + (c.ch / 3 % 5)::int] as role,
  '1' || (array['3','5','7','8','9'])[1 + (c.ch / 13 % 5)::int] || lpad((c.ch % 1000000000)::text, 9, '0') as mobile) x
join bench_contact_vocab v on v.k = (c.ch / 17 % ${VOCAB})::int`;
}

function leadsSql(): string {
  return `
with r as (
  select r.*, ${h(1)} as h1, ${h(2)} as h2, ${h(3)} as h3, ${h(4)} as h4, ${h(5)} as h5, ${h(6)} as h6, ${h(7)} as h7, md5('lead' || r.i) as m
  from jsonb_to_recordset($1::jsonb) as r(i bigint, company text, contact text, st text, ph text, region text, ter uuid, ind text, need text)
), k as (
  select r.*,
    case when (h1 % 100) < 25 then 'new' when (h1 % 100) < 55 then 'contacted' when (h1 % 100) < 70 then 'qualified'
      when (h1 % 100) < 85 then 'converted' else 'disqualified' end as status,
    case when (h2 % 10000) < $6::int then 0 else 1 + floor($4::int * power((h7 % 1000000) / 1000000.0, 1.3))::int end as oi,
    $7::date - 1 - floor(((h3 % 100000) / 100000.0) * $8::int)::int as created_on, (h4 % 1000) as fu
  from r
), o as (
  select k.*,
    case when status in ('new','contacted','qualified') and (h5 % 100) < 25 then null when oi = 0 then $5::uuid else ($3::uuid[])[oi] end as owner_id,
    (created_on + make_interval(secs => 30600 + (h4 / 1000) % 34200))::timestamp at time zone 'Asia/Shanghai' as created_at
  from k
), d as (
  select o.*,
    case when owner_id is null then null else created_on + floor((($7::date - created_on) * ((h6 / 1000) % 1000) / 1000.0))::int end as owned_on,
    case when status = 'new' and fu < 500 then null
      when fu < 850 then greatest(created_on, $7::date - (fu % 11)::int)
      when fu < 920 then greatest(created_on, $7::date - 11 - (fu % 3)::int)
      else greatest(created_on, $7::date - 14 - (fu % 300)::int) end as follow_up
  from o
)
insert into leads (workspace_id, id, version, created_at, updated_at, number, company, contact_name, title, phone, phone_normalised, region, territory_id,
  industry, source, need_description, estimated_amount, status, disqualify_reason, owner_id, owned_since, last_follow_up_on, former_owner_id, released_on,
  customer_id, converted_customer_id, converted_at, search_text, created_by)
select $2::uuid, ${sqlUuidV7('created_at', 'm', 'h4')}, 1 + (h3 % 5)::int, created_at,
  greatest(created_at, (coalesce(follow_up, created_on) + interval '18 hours') at time zone 'Asia/Shanghai'),
  'XS' || extract(year from created_on)::int || '-' || (10000 + i), company, contact,
  (array['总经理','采购经理','技术总监','设备部经理','信息部经理','生产经理'])[1 + (h5 % 6)::int], ph, ph, region, ter, ind,
  (array['web_form','web_form','phone','phone','exhibition','exhibition','partner_referral','walk_in','online','online','business_meeting','other'])[1 + (h6 % 12)::int],
  need, case when h3 % 10 < 7 then ((5 + h2 % 296) * 10000)::numeric(18,2) end, status,
  case when status = 'disqualified' then (array['预算不足','需求不明确','已选竞品','联系不上'])[1 + (h4 % 4)::int] end,
  owner_id, case when owner_id is not null then greatest(owned_on, created_on) end,
  case when owner_id is null and follow_up is not null then least(follow_up, $7::date - 15) else follow_up end,
  case when owner_id is null then ($3::uuid[])[1 + (h5 % $4::int)::int] end,
  case when owner_id is null then greatest(created_on, $7::date - (h6 % 60)::int) end,
  case when status = 'converted' then ($9::uuid[])[1 + (h2 % $11::int)::int] end,
  case when status = 'converted' then ($9::uuid[])[1 + (h2 % $11::int)::int] end,
  case when status = 'converted' then least($10::timestamptz, created_at + make_interval(days => 5 + (h3 % 40)::int)) end,
  st, coalesce(owner_id, ($3::uuid[])[1 + (h5 % $4::int)::int])
from d`;
}

/** SQL expression of a time-ordered UUIDv7 built from `at` (timestamptz) and a row seed `m` (md5 hex). */
const sqlUuidV7 = (at: string, m: string, variantHash: string) =>
  `(lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0') || '7' || substr(${m}, 1, 3)` +
  ` || substr('89ab', 1 + (${variantHash} % 4)::int, 1) || substr(${m}, 4, 15))::uuid`;

const pgArray = (items: readonly string[]) => `{${items.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/**
 * Secondary indexes of a table that are neither constraints nor unique (those keep guarding the load),
 * with their exact definitions: dropped before a bulk load and rebuilt from these after, which is several
 * times faster than maintaining trigram GIN indexes row by row.
 */
async function secondaryIndexes(raw: RawClient, table: string): Promise<{ name: string; def: string }[]> {
  const { rows } = await raw.query(`
select i.relname as name, pg_get_indexdef(x.indexrelid) as def
from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
where t.relname = $1 and t.relnamespace = 'public'::regnamespace and not x.indisunique and not x.indisprimary
  and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
order by 1`, [table]);
  return rows.map((r) => ({ name: String(r.name), def: String(r.def) }));
}

export async function withoutIndexes(raw: RawClient, tables: string[], progress: CrmProgress, postgres: boolean, load: () => Promise<void>, phase = 'crm_indexes') {
  const saved: { name: string; def: string }[] = [];
  for (const table of tables) saved.push(...await secondaryIndexes(raw, table)); // one after the other: `raw` may be a single connection
  for (const index of saved) await raw.query(`drop index ${index.name}`);
  await load();
  await progress.run(phase, async () => {
    // one simple-protocol query per index, so the setting is on the connection that builds it
    for (const index of saved) await raw.query(postgres ? `set maintenance_work_mem = '256MB'; ${index.def}` : index.def);
    return saved.length;
  });
}

export interface CrmCounts { customers: number; contacts: number; leads: number }

/** Customers (with their contacts) and leads of the scale in the demo workspace. */
export async function generateCrm(raw: RawClient, scale: Scale, org: CrmOrg, progress: CrmProgress, nowMs: number, postgres: boolean): Promise<CrmCounts> {
  const today = todayIn('Asia/Shanghai', new Date(nowMs));
  const ws = org.workspaceId;
  const now = new Date(nowMs).toISOString();
  // owners are skewed by their index (∝ u^1.3): shuffle them so the busy ones are anywhere in the tree
  const mix = (id: string) => [...id].reduce((a, ch) => Math.imul(a ^ ch.charCodeAt(0), 0x01000193) >>> 0, 0x811c9dc5);
  const owners = [...org.owners].sort((a, b) => mix(a.id) - mix(b.id));
  // uuid[] parameters: fixed-width elements, so `arr[k]` is O(1) per row (text[] would be O(k))
  const ownerIds = pgArray(owners.map((o) => o.id));
  const ownerDepts = pgArray(owners.map((o) => o.departmentId ?? org.rep1.departmentId));

  await raw.query('create table if not exists bench_contact_vocab (k int primary key, name text not null, keys text not null)');
  await raw.query('truncate bench_contact_vocab');
  const vocab = Array.from({ length: VOCAB }, (_, k) => ({ k, name: personName(k), keys: searchKeysFor(personName(k)) }));
  for (let i = 0; i < vocab.length; i += 5_000) {
    await raw.query('insert into bench_contact_vocab select * from jsonb_to_recordset($1::jsonb) as r(k int, name text, keys text)', [JSON.stringify(vocab.slice(i, i + 5_000))]);
  }

  const batch = scale.customers <= 20_000 ? 5_000 : 10_000;
  await withoutIndexes(raw, ['customers', 'contacts', 'leads'], progress, postgres, async () => {
    await progress.run('customers+contacts', async (report) => {
      const text = customersSql();
      for (let lo = 1; lo <= scale.customers; lo += batch) {
        const hi = Math.min(lo + batch - 1, scale.customers);
        const rows = Array.from({ length: hi - lo + 1 }, (_, k) => customerRow(lo + k, org.territoryIds));
        await raw.query(text, [JSON.stringify(rows), ws, ownerIds, ownerDepts, owners.length, org.rep1.id, Math.round(scale.rep1Share * 10_000),
          Math.round(scale.poolShare * 10_000), today, scale.historyDays, org.rep1.departmentId, now, pgArray(crmTags)]);
        report(hi, scale.customers);
      }
      return scale.customers;
    });

    const sample = (await raw.query(`select id from customers where workspace_id = $1 order by id limit 1000`, [ws])).rows.map((r) => String(r.id));
    await progress.run('leads', async (report) => {
      const text = leadsSql();
      for (let lo = 1; lo <= scale.leads; lo += batch) {
        const hi = Math.min(lo + batch - 1, scale.leads);
        const rows = Array.from({ length: hi - lo + 1 }, (_, k) => {
          const i = lo + k;
          // one lead in five is about a company that already is a customer (the duplicate check's daily work)
          const { city, trade, name } = companyOf(i % 5 === 0 ? 1 + (i * 7) % scale.customers : scale.customers + i);
          const contact = vocab[(i * 31) % VOCAB]!.name;
          const phone = `1${'35789'[i % 5]}${digitsOf(i, 3, 9)}`;
          return {
            i, company: name, contact, st: leadSearchText(name, contact), ph: phone, region: `${city[0]}市`,
            ter: city[3] ? org.territoryIds[city[3]] ?? null : null, ind: trade.industry, need: needs[i % needs.length],
          };
        });
        await raw.query(text, [JSON.stringify(rows), ws, ownerIds, owners.length, org.rep1.id, Math.round(scale.rep1Share * 10_000),
          today, scale.historyDays, pgArray(sample), now, sample.length]);
        report(hi, scale.leads);
      }
      return scale.leads;
    });
  });
  await raw.query('drop table bench_contact_vocab');

  // the lead numbers continue after the generated ones (XS<year>-<10000 + i>)
  await raw.query(`
insert into number_sequences (workspace_id, document_type, period_key, last_value)
select $1::uuid, 'lead', split_part(substr(number, 3), '-', 1), max(split_part(number, '-', 2)::int) from leads
where workspace_id = $1 and number ~ '^XS[0-9]{4}-[0-9]+$' group by split_part(substr(number, 3), '-', 1)
on conflict (workspace_id, document_type, period_key) do update set last_value = greatest(number_sequences.last_value, excluded.last_value)`, [ws]);

  const count = async (table: string) => Number((await raw.query(`select count(*) as n from ${table} where workspace_id = $1`, [ws])).rows[0]!.n);
  return { customers: await count('customers'), contacts: await count('contacts'), leads: await count('leads') };
}
