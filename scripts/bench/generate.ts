import type { FlowStep } from '../../src/shared/contracts/approvals.contract.js';
import type { RoleCode } from '../../src/shared/contracts/org.contract.js';
import { loadOrg } from '../../src/server/platform/approvals/approvals.repository.js';
import { conditionHolds, resolveSteps, type ApprovalValues, type ResolvedStep } from '../../src/server/platform/approvals/approvals.rules.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { childPath } from '../../src/server/platform/authz/scope.rules.js';
import type { DbHandle } from '../../src/server/platform/db/client.js';
import { departments, users, workspaces } from '../../src/server/platform/org/org.schema.js';
import { DEMO_PASSWORD, seedDemoWorkspace } from '../../src/server/seed/demo.js';
import { COLLECTIONS_PART_VERSION, generateCollections } from './collections.js';
import { generateCrm } from './crm.js';
import { DEALS_PART_VERSION, generateDeals } from './deals.js';
import { generateMoney, MONEY_PART_VERSION } from './money.js';
import { writeMarker, type DatasetMarker, type RawClient } from './database.js';
import { GENERATOR_VERSION, scales, type Scale } from './scales.js';

type Log = (line: string) => void;
type Random = () => number;

/** Deterministic PRNG (mulberry32): the same scale always produces the same data. */
function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** A UUIDv7 for a given instant: 48-bit milliseconds, version 7, variant 10, random rest. */
export function uuidV7At(ms: number, random: Random): string {
  const hexDigits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const s = Math.floor(ms).toString(16).padStart(12, '0') + '7' + hexDigits(3) + (8 + Math.floor(random() * 4)).toString(16) + hexDigits(15);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** SQL expression of a time-ordered UUIDv7 built from `at` (timestamptz) and a row seed `m` (md5 hex). */
const sqlUuidV7 = (at: string, m: string, variantHash: string) =>
  `(lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0') || '7' || substr(${m}, 1, 3)` +
  ` || substr('89ab', 1 + (${variantHash} % 4)::int, 1) || substr(${m}, 4, 15))::uuid`;

const surnames = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段']; // 100
const givenChars = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞斌波辉宇浩凯健俊帆帅旭宁琳雪倩婷颖欣佳琪晨阳鑫博文彬'];
const regions = ['华东大区', '华北大区', '华南大区', '西南大区', '华中大区', '西北大区', '东北大区', '海外事业部'];
const cities = ['上海', '杭州', '南京', '苏州', '合肥', '北京', '天津', '济南', '青岛', '石家庄', '广州', '深圳', '厦门', '福州', '南宁',
  '成都', '重庆', '昆明', '贵阳', '武汉', '长沙', '郑州', '南昌', '西安', '兰州', '银川', '沈阳', '大连', '长春', '哈尔滨', '宁波', '无锡', '东莞', '佛山', '温州', '常州'];
const teamNumbers = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const companyWords = ['恒信', '华创', '中科', '远航', '鼎盛', '金桥', '新程', '博雅', '天成', '瑞丰', '海纳', '德润', '宏图', '星辰', '明达', '同方'];
const companyKinds = ['科技有限公司', '信息技术有限公司', '贸易有限公司', '制造有限公司', '医疗器械有限公司', '电子股份有限公司'];

function chineseName(random: Random): string {
  return pick(random, surnames) + pick(random, givenChars) + (random() < 0.6 ? pick(random, givenChars) : '');
}

/** Document types the later modules will send for approval, with flows shaped like domain §1.2. */
const benchFlows: Record<string, { label: string; steps: FlowStep[]; share: number }> = {
  quote_discount: {
    label: '报价折扣', share: 0.35, steps: [
      { label: '主管审批', approver: { supervisorOf: 'requester' } },
      { label: '销售经理审批', approver: { role: 'sales_manager' }, when: { field: 'discountRate', op: 'gte', value: '0.15' } },
    ],
  },
  contract: {
    label: '合同', share: 0.25, steps: [
      { label: '主管审批', approver: { supervisorOf: 'requester' } },
      { label: '财务审核', approver: { role: 'finance' } },
      { label: '总经理审批', approver: { role: 'gm' }, when: { field: 'amount', op: 'gte', value: '800000' } },
    ],
  },
  expense: {
    label: '费用报销', share: 0.3, steps: [
      { label: '主管审批', approver: { supervisorOf: 'requester' } },
      { label: '财务审核', approver: { role: 'finance' } },
      { label: '总经理审批', approver: { role: 'gm' }, when: { flag: 'overBudget' } },
    ],
  },
  credit_override: {
    label: '信用额度例外', share: 0.1, steps: [
      { label: '财务审核', approver: { role: 'finance' } },
      { label: '总经理审批', approver: { role: 'gm' } },
    ],
  },
};

interface GenUser { id: string; username: string; name: string; roles: RoleCode[]; departmentId: string | null }

class Progress {
  readonly phases: DatasetMarker['phases'] = [];
  constructor(private readonly log: Log) {}
  async run(name: string, work: (report: (done: number, total: number) => void) => Promise<number>): Promise<number> {
    const started = performance.now();
    const rate = (rows: number) => `${Math.round(rows / Math.max((performance.now() - started) / 1000, 1e-3)).toLocaleString('en-US')} rows/s`;
    const rows = await work((done, total) => this.log(`  ${name.padEnd(16)} ${done.toLocaleString('en-US').padStart(10)} / ${total.toLocaleString('en-US')}  ${rate(done)}`));
    const seconds = (performance.now() - started) / 1000;
    this.phases.push({ name, rows, seconds: Math.round(seconds * 100) / 100 });
    this.log(`  ${name.padEnd(16)} ${rows.toLocaleString('en-US').padStart(10)} rows in ${seconds.toFixed(1)} s (${rate(rows)})`);
    return rows;
  }
}

/**
 * Multi-row insert of plain objects through one jsonb parameter (architecture: ~2.5× faster than
 * Drizzle's row-by-row values, same on both drivers). `columns` are `name type` pairs.
 */
async function insertRecordset(raw: RawClient, table: string, columns: readonly (readonly [string, string])[], rows: readonly Record<string, unknown>[], batch = 5_000, onBatch?: (done: number) => void) {
  const names = columns.map(([n]) => n).join(', ');
  const text = `insert into ${table} (${names}) select ${names} from jsonb_to_recordset($1::jsonb) as r(${columns.map(([n, t]) => `${n} ${t}`).join(', ')})`;
  for (let i = 0; i < rows.length; i += batch) {
    await raw.query(text, [JSON.stringify(rows.slice(i, i + batch))]);
    onBatch?.(Math.min(i + batch, rows.length));
  }
}

const pgArray = (items: readonly string[]) => `{${items.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

interface OrgResult { users: GenUser[]; departmentCount: number; sampleActorId: string; actors: GenUser[] }

/** Department tree (fan-out per level) with a manager per department, reps in the leaf teams, back-office staff. */
async function generateOrg(handle: DbHandle, scale: Scale, workspaceId: string, demo: Awaited<ReturnType<typeof seedDemoWorkspace>>, random: Random, createdMs: number): Promise<OrgResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const depts: (typeof departments.$inferInsert)[] = [];
  const genUsers: GenUser[] = [];
  let seq = 0;
  const newUser = (roles: RoleCode[], departmentId: string | null): GenUser => {
    seq += 1;
    const user = { id: uuidV7At(createdMs + seq, random), username: `bench${String(seq).padStart(5, '0')}`, name: chineseName(random), roles, departmentId };
    genUsers.push(user);
    return user;
  };
  const leaves: string[] = [];
  const levels = scale.departmentFanout.length;
  const addLevel = (level: number, parent: { id: string; path: string; name: string } | null, index: number) => {
    const id = uuidV7At(createdMs, random);
    const path = childPath(parent?.path ?? null, id);
    const name = level === 0 ? (regions[index] ?? `第${index + 1}大区`)
      : level === levels - 1 ? `${parent!.name.replace(/(分公司|大区)$/, '')}销售${teamNumbers[index] ?? index + 1}组`
        : `${cities[(depts.length + index) % cities.length]}分公司`;
    const manager = newUser([level === levels - 1 ? 'sales_supervisor' : 'sales_manager'], id);
    depts.push({ workspaceId, id, parentId: parent?.id ?? null, name, managerId: manager.id, path });
    if (level === levels - 1) leaves.push(id);
    else for (let child = 0; child < scale.departmentFanout[level + 1]!; child++) addLevel(level + 1, { id, path, name }, child);
  };
  for (let root = 0; root < scale.departmentFanout[0]!; root++) addLevel(0, null, root);

  const demoCount = Object.keys(demo.userIds).length;
  const backOffice: [RoleCode, string, number][] = [
    ['finance', demo.departmentIds.finance, Math.max(2, Math.round(scale.users * 0.02))],
    ['cs_specialist', demo.departmentIds.service, Math.max(2, Math.round(scale.users * 0.04))],
    ['warehouse', demo.departmentIds.warehouse, Math.max(1, Math.round(scale.users * 0.02))],
  ];
  for (const [role, dept, count] of backOffice) for (let i = 0; i < count; i++) newUser([role], dept);
  const reps = Math.max(leaves.length, scale.users - demoCount - genUsers.length);
  for (let i = 0; i < reps; i++) newUser(['sales_rep'], leaves[i % leaves.length]!);

  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < depts.length; i += 1_000) await tx.insert(departments).values(depts.slice(i, i + 1_000));
    for (let i = 0; i < genUsers.length; i += 1_000) {
      await tx.insert(users).values(genUsers.slice(i, i + 1_000).map((u) => ({
        workspaceId, id: u.id, username: u.username, name: u.name, passwordHash, roles: u.roles, departmentId: u.departmentId,
      })));
    }
  });

  // Activity is skewed (a few people write most of the log); shuffle so the busy ones are anywhere in the tree.
  const actors = [...genUsers];
  for (let i = actors.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [actors[i], actors[j]] = [actors[j]!, actors[i]!];
  }
  return { users: genUsers, departmentCount: depts.length, sampleActorId: actors[Math.floor(actors.length / 10)]!.id, actors };
}

/** Approvals with frozen steps resolved by the real routing rules; the recent ones mostly pending. */
async function generateApprovals(handle: DbHandle, raw: RawClient, scale: Scale, workspaceId: string, org: OrgResult, random: Random, progress: Progress, nowMs: number) {
  const realOrg = await loadOrg(handle.db, workspaceId);
  const requesters = org.users.filter((u) => u.roles.includes('sales_rep') || u.roles.includes('sales_supervisor') || (u.roles.includes('sales_manager') && random() < 0.3));
  const types = Object.entries(benchFlows);
  const cache = new Map<string, ResolvedStep[]>();
  const approvalRows: Record<string, unknown>[] = [];
  const stepRows: Record<string, unknown>[] = [];
  const spanMs = scale.historyDays * 86_400_000;

  for (let k = 0; k < scale.approvals; k++) {
    const createdMs = nowMs - spanMs + ((k + random()) / scale.approvals) * (spanMs - 3_600_000);
    let roll = random();
    const [documentType, flow] = types.find(([, f]) => (roll -= f.share) < 0) ?? types[0]!;
    const requester = pick(random, requesters);
    const amount = Math.exp(Math.log(5_000) + random() * (Math.log(3_000_000) - Math.log(5_000))).toFixed(2);
    const customer = `${pick(random, cities)}${pick(random, companyWords)}${pick(random, companyKinds)}`;
    const values: ApprovalValues = { amount, discountRate: (0.02 + random() * 0.28).toFixed(2), overBudget: random() < 0.15 };
    const mask = flow.steps.map((s) => (conditionHolds(s.when, values) ? '1' : '0')).join('');
    const key = `${documentType}|${requester.id}|${mask}`;
    let steps = cache.get(key);
    if (!steps) cache.set(key, steps = resolveSteps(flow.steps, { requesterId: requester.id, values }, realOrg));

    const recent = k >= scale.approvals * 0.9;
    const statusRoll = random();
    const status = statusRoll < (recent ? 0.6 : 0.01) ? 'pending' : random() < 0.85 ? 'approved' : random() < 0.67 ? 'rejected' : 'returned';
    const stopAt = status === 'approved' ? steps.length - 1 : Math.floor(random() * steps.length);
    const id = uuidV7At(createdMs, random);
    let decidedAt: string | null = null;
    for (const [index, step] of steps.entries()) {
      const stepMs = createdMs + (index + 1) * 3_600_000 * (1 + random() * 5);
      let stepStatus: string;
      if (index < stopAt || (index === stopAt && status === 'approved')) stepStatus = 'approved';
      else if (index === stopAt) stepStatus = status;
      else stepStatus = status === 'pending' ? 'waiting' : 'cancelled';
      const decided = ['approved', 'rejected', 'returned'].includes(stepStatus);
      if (decided) decidedAt = new Date(Math.min(stepMs, nowMs)).toISOString();
      stepRows.push({
        workspace_id: workspaceId, id: uuidV7At(createdMs, random), version: decided ? 2 : 1,
        created_at: new Date(createdMs).toISOString(), updated_at: decided ? decidedAt : new Date(createdMs).toISOString(),
        approval_id: id, step_index: index, label: step.label, assignee_ids: step.assigneeIds, status: stepStatus,
        decided_by: decided ? pick(random, step.assigneeIds) : null, decided_at: decided ? decidedAt : null,
        comment: stepStatus === 'rejected' || stepStatus === 'returned' ? '价格偏离标准，请补充说明' : null,
      });
    }
    approvalRows.push({
      workspace_id: workspaceId, id, version: 1 + (stopAt + (status === 'pending' ? 0 : 1)),
      created_at: new Date(createdMs).toISOString(), updated_at: decidedAt ?? new Date(createdMs).toISOString(),
      document_type: documentType, subject_id: uuidV7At(createdMs - 86_400_000, random),
      title: `${flow.label} · ${customer} · ¥${amount}`, requester_id: requester.id, status, current_step: stopAt,
      snapshot: { ...values, customerName: customer }, decided_at: status === 'pending' ? null : decidedAt,
    });
  }

  const common = [['workspace_id', 'uuid'], ['id', 'uuid'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] as const;
  await progress.run('approvals', async (report) => {
    await insertRecordset(raw, 'approvals', [...common, ['document_type', 'text'], ['subject_id', 'uuid'], ['title', 'text'], ['requester_id', 'uuid'],
      ['status', 'text'], ['current_step', 'int'], ['snapshot', 'jsonb'], ['decided_at', 'timestamptz']], approvalRows, 5_000, (done) => report(done, approvalRows.length));
    return approvalRows.length;
  });
  await progress.run('approval_steps', async (report) => {
    await insertRecordset(raw, 'approval_steps', [...common, ['approval_id', 'uuid'], ['step_index', 'int'], ['label', 'text'], ['assignee_ids', 'uuid[]'],
      ['status', 'text'], ['decided_by', 'uuid'], ['decided_at', 'timestamptz'], ['comment', 'text']], stepRows, 5_000, (done) => report(done, stepRows.length));
    return stepRows.length;
  });
  return { approvals: approvalRows.length, steps: stepRows.length };
}

/**
 * Audit rows generated inside the database (`generate_series`), in time order so ids are UUIDv7 of
 * `at`: entity/action mix of a sales team, skewed actors, small before/after JSON, 10 % in other workspaces.
 */
function auditInsertSql(): string {
  const entity = `case when b < 28 then 'customer' when b < 50 then 'opportunity' when b < 58 then 'contract' when b < 66 then 'quote'
    when b < 72 then 'order' when b < 80 then 'approval' when b < 90 then 'user' when b < 93 then 'lead' when b < 97 then 'activity'
    when b < 99 then 'receivable' else 'report' end`;
  // every list has 6 entries (repeats weight them), indexed by the same hash
  const action = `(case entity
      when 'customer' then array['create','update','update','update','assign','release_to_pool']
      when 'opportunity' then array['create','update','move','move','move','close']
      when 'contract' then array['create','update','submit','approve','sign','update']
      when 'quote' then array['create','update','update','submit','approve','send']
      when 'order' then array['create','update','ship','ship','confirm','update']
      when 'approval' then array['submit','submit','approve','approve','approve','reject']
      when 'user' then array['login','login','login','login','login','login_failed']
      when 'lead' then array['create','create','assign','assign','convert','update']
      when 'activity' then array['create','create','create','create','update','update']
      when 'receivable' then array['update','update','record_payment','record_payment','write_off','update']
      else array['export','export','export','export','export','export'] end)[1 + (h2 / 7 % 6)::int]`;
  return `
insert into audit_log (workspace_id, id, at, actor_id, actor_name, entity, entity_id, action, before, after, request_id, ip)
select
  case when noise then ($6::uuid[])[1 + (h4 % $7::int)::int] else $5::uuid end,
  ${sqlUuidV7('at', 'm', 'h4')},
  at,
  case when noise then md5('noise-actor' || (h3 % 50))::uuid else ($8::uuid[])[actor] end,
  case when noise then '外部用户' else ($9::text[])[actor] end,
  entity,
  case when entity = 'user' then (case when noise then md5('noise-actor' || (h3 % 50))::uuid else ($8::uuid[])[actor] end)::text
    when entity = 'report' then 'customers' else md5(entity || ':' || (h2 % $10::int))::uuid::text end,
  action,
  case when action in ('create', 'login', 'login_failed', 'export', 'submit') then null
    else jsonb_build_object('version', 1 + h3 % 9, 'stage', (array['线索','需求确认','方案报价','商务谈判','赢单'])[1 + (h2 % 5)::int],
      'amount', to_char((h4 % 500000000) / 100.0, 'FM999999990.00'), 'ownerId', ($8::uuid[])[1 + (h1 % $11::int)::int]) end,
  case when action in ('login', 'login_failed') then jsonb_build_object('ip', ip)
    when action = 'export' then jsonb_build_object('format', 'xlsx', 'rows', h3 % 5000)
    else jsonb_build_object('version', 2 + h3 % 9, 'stage', (array['线索','需求确认','方案报价','商务谈判','赢单'])[1 + (h4 % 5)::int],
      'amount', to_char((h2 % 500000000) / 100.0, 'FM999999990.00'), 'ownerId', ($8::uuid[])[1 + (h3 % $11::int)::int]) end,
  md5(i::text || 'request')::uuid::text,
  ip
from (
  select x.*, ${action} as action
  from (
  select k.*, ${entity} as entity
  from (
    select i, at, h1, h2, h3, h4, md5(i::text || 'id') as m, (h1 % 1000) < $12::int as noise, (h1 / 1000) % 100 as b,
      1 + floor($11::int * power((h3 % 100000) / 100000.0, 2))::int as actor,
      '10.' || (h4 % 250) || '.' || (h3 % 250) || '.' || (h2 % 250) as ip
    from (
      select i, $3::timestamptz + make_interval(secs => (i - 1) * $4::float8) as at,
        abs(hashint8(i * 4)::bigint) as h1, abs(hashint8(i * 4 + 1)::bigint) as h2,
        abs(hashint8(i * 4 + 2)::bigint) as h3, abs(hashint8(i * 4 + 3)::bigint) as h4
      from generate_series($1::bigint, $2::bigint) as g(i)
    ) s
  ) k
  ) x
) e`;
}

async function generateAudit(raw: RawClient, scale: Scale, workspaceId: string, noise: string[], actors: GenUser[], progress: Progress, nowMs: number) {
  const total = scale.auditRows;
  const batch = total <= 20_000 ? total : total <= 1_000_000 ? 100_000 : 250_000;
  const spanSeconds = scale.historyDays * 86_400 - 3_600;
  const start = new Date(nowMs - scale.historyDays * 86_400_000).toISOString();
  const text = auditInsertSql();
  const actorIds = pgArray(actors.map((a) => a.id));
  const actorNames = pgArray(actors.map((a) => a.name));
  const entityPool = Math.max(20, Math.floor(total / 100));
  await progress.run('audit_log', async (report) => {
    for (let lo = 1; lo <= total; lo += batch) {
      const hi = Math.min(lo + batch - 1, total);
      await raw.query(text, [lo, hi, start, spanSeconds / total, workspaceId, pgArray(noise), noise.length,
        actorIds, actorNames, entityPool, actors.length, Math.round(scale.noiseShare * 1000)]);
      report(hi, total);
    }
    return total;
  });
}

/** Past sign-ins of the workspace's users, most of them expired, so the session lookup runs on a real-sized table. */
async function generateSessions(raw: RawClient, scale: Scale, workspaceId: string, actors: GenUser[], progress: Progress, nowMs: number) {
  await progress.run('sessions', async () => {
    await raw.query(`
insert into sessions (token_hash, workspace_id, user_id, created_at, expires_at, last_seen_at, ip, user_agent)
select encode(sha256(convert_to('bench-session-' || i, 'UTF8')), 'hex'), $1::uuid, ($2::uuid[])[1 + (i % $3::int)::int],
  t, t + interval '12 hours', t + make_interval(mins => (i % 600)::int), '10.0.' || (i % 250) || '.' || (i % 199),
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'
from (select i, $4::timestamptz - make_interval(secs => (i - 1) * $5::float8) as t from generate_series(1, $6::int) as g(i)) s`,
    [workspaceId, pgArray(actors.map((a) => a.id)), actors.length, new Date(nowMs).toISOString(), (scale.historyDays * 86_400) / scale.sessions, scale.sessions]);
    return scale.sessions;
  });
}

/**
 * Generates a dataset of the given scale in an empty, migrated database: the demo workspace (its
 * logins, `gm` with a pending policy change), a department tree with users, approvals, audit rows,
 * then VACUUM ANALYZE and the dataset marker.
 */
export async function generateDataset(handle: DbHandle, raw: RawClient, scale: Scale, log: Log): Promise<DatasetMarker> {
  const random = seededRandom(20_260_101 + scale.users);
  const progress = new Progress(log);
  const nowMs = Date.now();
  const started = performance.now();
  log(`generating scale ${scale.name} on ${handle.kind}`);

  const demo = await seedDemoWorkspace(handle, { pendingPolicyChange: true });
  const workspaceId = demo.workspaceId;
  const noise = Array.from({ length: scale.noiseWorkspaces }, () => uuidV7At(nowMs - scale.historyDays * 86_400_000, random));
  await handle.db.insert(workspaces).values(noise.map((id, i) => ({ id, name: `其他租户 ${i + 1}` })));

  let org!: OrgResult;
  await progress.run('users', async () => {
    org = await generateOrg(handle, scale, workspaceId, demo, random, nowMs - scale.historyDays * 86_400_000 - 86_400_000);
    return org.users.length;
  });
  await generateApprovals(handle, raw, scale, workspaceId, org, random, progress, nowMs);
  await generateSessions(raw, scale, workspaceId, org.actors, progress, nowMs);
  await generateAudit(raw, scale, workspaceId, noise, org.actors, progress, nowMs);
  const sellers = org.users.filter((u) => u.roles.includes('sales_rep') || u.roles.includes('sales_supervisor'))
    .map((u) => ({ id: u.id, departmentId: u.departmentId }));
  for (const [login, dept] of [['rep2', 'sales1'], ['rep3', 'sales2'], ['supervisor1', 'sales1']] as const) {
    sellers.push({ id: demo.userIds[login]!, departmentId: demo.departmentIds[dept] });
  }
  const crm = await generateCrm(raw, scale, {
    workspaceId, owners: sellers, rep1: { id: demo.userIds.rep1!, departmentId: demo.departmentIds.sales1 }, territoryIds: demo.territoryIds,
  }, progress, nowMs, handle.kind === 'postgres');

  const deals = await generateDeals(raw, scale, { workspaceId }, progress, nowMs, handle.kind === 'postgres', log);
  const money = await generateMoney(raw, scale, { workspaceId }, progress, nowMs, handle.kind === 'postgres', log);
  const collections = await generateCollections(raw, scale, { workspaceId }, progress, nowMs, handle.kind === 'postgres', log);

  await progress.run('vacuum_analyze', async () => {
    for (const table of ['audit_log', 'approvals', 'approval_steps', 'users', 'departments', 'sessions', 'workspaces', 'customers', 'contacts', 'leads']) {
      await raw.query(`vacuum (analyze) ${table}`);
    }
    return 0;
  });

  const countOf = async (sqlText: string, params: unknown[] = []) => Number((await raw.query(sqlText, params)).rows[0]!.n);
  const marker: DatasetMarker = {
    scale: scale.name, generatorVersion: GENERATOR_VERSION, generatedAt: new Date().toISOString(), workspaceId,
    gmId: demo.userIds.gm!, adminId: demo.userIds.admin!, sampleActorId: org.sampleActorId,
    counts: {
      workspaces: 1 + noise.length,
      departments: await countOf('select count(*) as n from departments where workspace_id = $1', [workspaceId]),
      users: await countOf('select count(*) as n from users where workspace_id = $1', [workspaceId]),
      sessions: await countOf('select count(*) as n from sessions'),
      auditRows: await countOf('select count(*) as n from audit_log'),
      auditRowsInWorkspace: await countOf('select count(*) as n from audit_log where workspace_id = $1', [workspaceId]),
      approvals: await countOf('select count(*) as n from approvals where workspace_id = $1', [workspaceId]),
      approvalSteps: await countOf('select count(*) as n from approval_steps where workspace_id = $1', [workspaceId]),
      pendingApprovals: await countOf(`select count(*) as n from approvals where workspace_id = $1 and status = 'pending'`, [workspaceId]),
      customers: crm.customers,
      customersInPool: await countOf('select count(*) as n from customers where workspace_id = $1 and owner_id is null', [workspaceId]),
      customersOfRep1: await countOf('select count(*) as n from customers where workspace_id = $1 and owner_id = $2', [workspaceId, demo.userIds.rep1]),
      contacts: crm.contacts,
      leads: crm.leads,
      pendingForGm: await countOf(`select count(*) as n from approval_steps where workspace_id = $1 and status = 'pending' and assignee_ids @> array[$2::uuid]`, [workspaceId, demo.userIds.gm]),
    },
    phases: progress.phases,
    parts: { deals, money, collections },
  };
  await writeMarker(raw, marker);
  log(`generated scale ${scale.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return marker;
}

/**
 * `--reuse` of a database whose base part fits: generates the parts it lacks (the deals part: opportunities
 * and activities; the money part: quotes, contracts, receivables, credit, orders, shipments, invoices; the
 * collections part: payments, allocations, deferrals, dunning log) and records
 * them in the marker. A part generated by another version of its generator is an error (its rows would
 * have to be removed first): recreate the database without `--reuse`.
 */
export async function completeDataset(handle: DbHandle, raw: RawClient, marker: DatasetMarker, log: Log): Promise<{ marker: DatasetMarker; added: DatasetMarker['phases']; addedSeconds: number }> {
  const checkVersion = (name: string, present: { version: number } | undefined, current: number) => {
    if (present && present.version !== current) {
      throw new Error(`the ${name} part was generated by version ${present.version}, this generator writes version ${current}: run without --reuse to regenerate`);
    }
    return present !== undefined;
  };
  const hasDeals = checkVersion('deals', marker.parts?.deals, DEALS_PART_VERSION);
  const hasMoney = checkVersion('money', marker.parts?.money, MONEY_PART_VERSION);
  // the collections part is built over the money part's receivable lines (a money part generated now needs it again); it
  // puts those lines back as signing left them and removes its own rows first, so another version of it is simply regenerated
  const hasCollections = hasMoney && marker.parts?.collections?.version === COLLECTIONS_PART_VERSION;
  if (hasDeals && hasMoney && hasCollections) return { marker, added: [], addedSeconds: 0 };
  const progress = new Progress(log);
  let next: DatasetMarker = { ...marker, parts: { ...marker.parts } };
  let addedSeconds = 0;
  if (!hasDeals) {
    log(`scale ${marker.scale}: the base part is present, generating the deals part (opportunities, activities)`);
    const deals = await generateDeals(raw, scales[marker.scale], { workspaceId: marker.workspaceId }, progress, Date.now(), handle.kind === 'postgres', log);
    next = { ...next, parts: { ...next.parts, deals } };
    addedSeconds += deals.seconds;
    log(`deals part generated in ${deals.seconds.toFixed(1)} s`);
  }
  if (!hasMoney) {
    log(`scale ${marker.scale}: generating the money part (quotes, contracts, receivables, credit profiles, orders, shipments, invoice requests)`);
    const money = await generateMoney(raw, scales[marker.scale], { workspaceId: marker.workspaceId }, progress, Date.now(), handle.kind === 'postgres', log);
    next = { ...next, parts: { ...next.parts, money } };
    addedSeconds += money.seconds;
    log(`money part generated in ${money.seconds.toFixed(1)} s`);
  }
  if (!hasCollections) {
    log(`scale ${marker.scale}: generating the collections part (payments, allocations, deferrals, dunning log)`);
    const collections = await generateCollections(raw, scales[marker.scale], { workspaceId: marker.workspaceId }, progress, Date.now(), handle.kind === 'postgres', log);
    next = { ...next, parts: { ...next.parts, collections } };
    addedSeconds += collections.seconds;
    log(`collections part generated in ${collections.seconds.toFixed(1)} s`);
  }
  next = { ...next, phases: [...marker.phases, ...progress.phases] };
  await writeMarker(raw, next);
  return { marker: next, added: progress.phases, addedSeconds };
}
