import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { auditRows } from '../../../../../test/fixtures.js';
import { login, setupTestApp, type Client } from '../../../../../test/harness.js';
import type { PipelineDto } from '../../../../shared/contracts/opportunities.contract.js';
import type { ActivityReportDto, FunnelReportDto } from '../../../../shared/contracts/reports.contract.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { seedDemoWorkspace } from '../../../seed/demo.js';
import { putSignedContract } from '../../contracts/__tests__/contracts.fixtures.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';
import { createOpportunity, move, type Opportunity } from '../../opportunities/__tests__/opportunities.fixtures.js';
import { refreshStageFlowColumns } from '../../opportunities/opportunities.repository.js';
import { opportunities, opportunityStageHistory } from '../../opportunities/opportunities.schema.js';
import { money } from '../../../../shared/money.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const id = (username: string) => t.demo.userIds[username]!;
const today = todayIn('Asia/Shanghai');

const [gm, rep1, rep3, supervisor, manager, finance, admin] = await Promise.all(
  ['gm', 'rep1', 'rep3', 'supervisor1', 'manager1', 'finance1', 'admin'].map((u) => t.loginAs(u)),
) as [Client, Client, Client, Client, Client, Client, Client];

/** A pipeline of our own, so the demo's opportunities do not enter the figures. */
async function reportPipeline(): Promise<PipelineDto> {
  const res = await admin.post('/api/v1/pipelines', {
    name: `报表测试流程${process.pid}`,
    stages: [
      { name: '初步接触', probability: '10', funnelCategory: 'above' },
      { name: '需求确认', probability: '30', funnelCategory: 'in' },
      { name: '方案认可', probability: '60', funnelCategory: 'best_few' },
      { name: '成交', probability: '100', funnelCategory: 'order' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as PipelineDto;
}

const pipeline = await reportPipeline();
const [, s2, s3] = pipeline.stages.map((s) => s.id) as [string, string, string, string];

/** Moves through the API (the gates and the history are the opportunities module's), then returns the fresh opportunity. */
async function moveTo(client: Client, o: Opportunity, stageId: string): Promise<Opportunity> {
  const res = await move(client, o, stageId);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Opportunity;
}

async function close(client: Client, o: Opportunity, outcome: 'won' | 'lost'): Promise<Opportunity> {
  // a won deal has its signed contract (the contracts module's rule); only the link matters here
  if (outcome === 'won') await putSignedContract(t, { workspaceId: ws, customerId: o.customerId, opportunityId: o.id, ownerId: o.ownerId });
  const res = await client.post(`/api/v1/opportunities/${o.id}/close`, {
    version: o.version, outcome, summary: '阶段总结', ...(outcome === 'lost' ? { reason: 'price' } : {}),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Opportunity;
}

/**
 * Rewrites an opportunity's stage history to controlled October 2026 dates (Shanghai noon) and days
 * in stage, oldest first, as the opportunities tests fix stage dates; and the close date.
 */
async function pinHistory(o: Opportunity, steps: { on: string; days: number | null }[], closedOn?: string) {
  const rows = await t.handle.db.select().from(opportunityStageHistory)
    .where(and(eq(opportunityStageHistory.workspaceId, ws), eq(opportunityStageHistory.opportunityId, o.id)))
    .orderBy(opportunityStageHistory.at, opportunityStageHistory.id);
  expect(rows.map((r) => r.kind)).toHaveLength(steps.length);
  for (const [i, row] of rows.entries()) {
    await t.handle.db.update(opportunityStageHistory).set({ at: new Date(`${steps[i]!.on}T04:00:00Z`), daysInStage: steps[i]!.days })
      .where(and(eq(opportunityStageHistory.workspaceId, ws), eq(opportunityStageHistory.id, row.id)));
  }
  if (closedOn) await t.handle.db.update(opportunities).set({ closedOn }).where(and(eq(opportunities.workspaceId, ws), eq(opportunities.id, o.id)));
  // history times never change in the app; the funnel's derived columns (prev_entry_at …) follow them here
  await refreshStageFlowColumns(t.handle.db, ws, { opportunityId: o.id });
}

// rep1 (销售一部): A open in 方案认可, B lost from 需求确认, C open in 初步接触, E won; rep3 (销售二部): D open in 需求确认.
let a = await createOpportunity(rep1, pipeline, { amount: '100000.00' });
a = await moveTo(rep1, a, s2);
a = await moveTo(rep1, a, s3);
await pinHistory(a, [{ on: '2026-10-01', days: null }, { on: '2026-10-05', days: 4 }, { on: '2026-10-15', days: 10 }]);

let b = await createOpportunity(rep1, pipeline, { amount: '200000.00' });
b = await moveTo(rep1, b, s2);
b = await close(rep1, b, 'lost');
await pinHistory(b, [{ on: '2026-10-02', days: null }, { on: '2026-10-04', days: 2 }, { on: '2026-10-20', days: 16 }], '2026-10-20');

const c = await createOpportunity(rep1, pipeline, { amount: '50000.00' });
await pinHistory(c, [{ on: '2026-10-03', days: null }]);

let e = await createOpportunity(rep1, pipeline, { amount: '80000.00' });
e = await moveTo(rep1, e, s2);
e = await moveTo(rep1, e, s3);
e = await close(rep1, e, 'won');
await pinHistory(e, [{ on: '2026-10-01', days: null }, { on: '2026-10-03', days: 2 }, { on: '2026-10-10', days: 7 }, { on: '2026-10-25', days: 15 }], '2026-10-25');

let d = await createOpportunity(rep3, pipeline, { amount: '300000.00' });
d = await moveTo(rep3, d, s2);
await pinHistory(d, [{ on: '2026-10-06', days: null }, { on: '2026-10-12', days: 6 }]);

/** The PDF's document title (Info /Title, a literal string). */
function pdfTitle(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(text)!;
  const start = text.indexOf(`\n${ref[1]} 0 obj\n(`) + `\n${ref[1]} 0 obj\n(`.length;
  const bytes: number[] = [];
  for (let i = start; text[i] !== ')'; i++) {
    if (text[i] === '\\') {
      i++;
      const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3));
      if (octal) { bytes.push(parseInt(octal[0], 8)); i += octal[0].length - 1; continue; }
      bytes.push({ n: 10, r: 13, t: 9, b: 8, f: 12 }[text[i]!] ?? text.charCodeAt(i));
    } else bytes.push(text.charCodeAt(i));
  }
  // text outside Latin-1 is UTF-16BE after a byte-order mark; plain ASCII is written as is
  return bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.slice(2)).swap16().toString('utf16le') : Buffer.from(bytes).toString('latin1');
}

/** Every character the PDF's fonts map back to text (their ToUnicode CMaps): what a reader can extract. */
function pdfChars(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body: string;
    try { body = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1'); } catch { continue; }
    if (!body.includes('begincmap')) continue;
    for (const list of body.matchAll(/\[([^\]]*)\]/g)) {
      for (const hex of list[1]!.matchAll(/<([0-9a-f]+)>/gi)) chars.add(Buffer.from(hex[1]!, 'hex').swap16().toString('utf16le'));
    }
  }
  return chars;
}

const funnelUrl = (extra = '') => `/api/v1/reports/funnel?period=2026-10&pipelineId=${pipeline.id}${extra}`;

async function funnel(client: Client, extra = ''): Promise<FunnelReportDto> {
  const res = await client.get(funnelUrl(extra));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FunnelReportDto;
}

const pick = (r: FunnelReportDto) => r.stages.map((s) => [s.name, s.count, s.amount, s.weightedAmount, s.entered, s.advanced, s.conversionPercent, s.exited, s.medianDaysInStage]);

describe('GET /reports/funnel', () => {
  it('gives the GM open figures by stage and category, conversion and median days from the stage history, and the period\'s wins and losses', async () => {
    const r = await funnel(gm);
    expect([r.from, r.to, r.pipeline.id]).toEqual(['2026-10-01', '2026-10-31', pipeline.id]);
    expect(pick(r)).toEqual([
      // A, B, C, E, D entered 初步接触; all but C moved on; exits took 4, 2, 2, 6 days
      ['初步接触', 1, '50000.00', '5000.00', 5, 4, 80, 4, 3],
      // A, B, E, D entered; A and E reached 方案认可 or beyond; exits 10 (A), 16 (B lost), 7 (E)
      ['需求确认', 1, '300000.00', '90000.00', 4, 2, 50, 3, 10],
      // A and E entered, E won
      ['方案认可', 1, '100000.00', '60000.00', 2, 1, 50, 1, 15],
      ['成交', 0, '0.00', '0.00', 1, 0, null, 0, null],
    ]);
    expect(r.categories).toEqual([
      { category: 'above', count: 1, amount: '50000.00', weightedAmount: '5000.00' },
      { category: 'in', count: 1, amount: '300000.00', weightedAmount: '90000.00' },
      { category: 'best_few', count: 1, amount: '100000.00', weightedAmount: '60000.00' },
      { category: 'order', count: 1, amount: '80000.00', weightedAmount: '80000.00' },
    ]);
    expect(r.totals).toEqual({
      openCount: 3, openAmount: '450000.00', weightedAmount: '155000.00', wonCount: 1, wonAmount: '80000.00', lostCount: 1, lostAmount: '200000.00', winRatePercent: 50,
    });
  });

  it('shows a rep only their own opportunities, and nothing for another team\'s owner', async () => {
    const mine = await funnel(rep1);
    expect(pick(mine).map((row) => row.slice(0, 8))).toEqual([
      ['初步接触', 1, '50000.00', '5000.00', 4, 3, 75, 3],
      ['需求确认', 0, '0.00', '0.00', 3, 2, 66.7, 3],
      ['方案认可', 1, '100000.00', '60000.00', 2, 1, 50, 1],
      ['成交', 0, '0.00', '0.00', 1, 0, null, 0],
    ]);
    expect(mine.stages[0]!.medianDaysInStage).toBe(2);
    expect(mine.totals).toMatchObject({ openCount: 2, openAmount: '150000.00', wonCount: 1, lostCount: 1 });

    const others = await funnel(rep1, `&ownerId=${id('rep3')}`);
    expect(others.totals).toMatchObject({ openCount: 0, openAmount: '0.00', wonCount: 0, lostCount: 0, winRatePercent: null });
    expect(others.stages.every((s) => s.count === 0 && s.entered === 0 && s.medianDaysInStage === null)).toBe(true);

    const third = await funnel(rep3);
    expect(third.totals).toMatchObject({ openCount: 1, openAmount: '300000.00', wonCount: 0 });
  });

  it('gives a supervisor their team only, and filters by department subtree and by owner', async () => {
    expect((await funnel(supervisor)).totals).toMatchObject({ openCount: 2, wonCount: 1, lostCount: 1 });
    expect((await funnel(supervisor, `&ownerId=${id('rep3')}`)).totals.openCount).toBe(0);
    expect((await funnel(manager)).totals.openCount).toBe(3);
    const sales2 = await funnel(gm, `&orgNodeId=${t.demo.departmentIds.sales2}`);
    expect(sales2.totals).toMatchObject({ openCount: 1, openAmount: '300000.00', wonCount: 0 });
    expect(sales2.stages[0]!.entered).toBe(1);
    const sales = await funnel(gm, `&orgNodeId=${t.demo.departmentIds.sales}`);
    expect(sales.totals.openCount).toBe(3);
    expect((await funnel(gm, '&ownerId=me')).totals.openCount).toBe(0);
  });

  it('never widens a supervisor\'s scope: another team\'s department or the whole sales tree gives only what they already see', async () => {
    // supervisor1 leads 销售一部; 销售二部 holds rep3's open opportunity D, which the GM sees there
    expect((await funnel(gm, `&orgNodeId=${t.demo.departmentIds.sales2}`)).totals.openCount).toBe(1);
    const outside = await funnel(supervisor, `&orgNodeId=${t.demo.departmentIds.sales2}`);
    expect(outside.totals).toMatchObject({ openCount: 0, openAmount: '0.00', wonCount: 0, lostCount: 0 });
    expect(outside.stages.every((s) => s.count === 0 && s.entered === 0)).toBe(true);
    // the parent department is a filter, not a grant: still the team's own figures
    expect((await funnel(supervisor, `&orgNodeId=${t.demo.departmentIds.sales}`)).totals).toEqual((await funnel(supervisor)).totals);
    // the owner filter inside the scope picks one rep
    expect((await funnel(supervisor, `&ownerId=${id('rep1')}`)).totals).toMatchObject({ openCount: 2, openAmount: '150000.00', wonCount: 1, lostCount: 1 });
  });

  it('drills down: the opportunity list with the same filters holds exactly the stage\'s and the period\'s won opportunities', async () => {
    type Page = { items: { id: string; amount: string }[] };
    const list = async (client: Client, query: string) => {
      const res = await client.get(`/api/v1/opportunities?limit=100&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as Page).items;
    };
    const sum = (items: Page['items']) => money.format(money.add('0', ...items.map((o) => o.amount)));
    const r = await funnel(gm, `&orgNodeId=${t.demo.departmentIds.sales}`);
    for (const stage of r.stages.filter((s) => s.funnelCategory !== 'order')) {
      const items = await list(gm, `pipelineId=${pipeline.id}&stageId=${stage.stageId}&status=open&orgNodeId=${t.demo.departmentIds.sales}`);
      expect([stage.name, items.length, sum(items)]).toEqual([stage.name, stage.count, stage.amount]);
    }
    const won = await list(gm, `pipelineId=${pipeline.id}&status=won&closedFrom=${r.from}&closedTo=${r.to}&orgNodeId=${t.demo.departmentIds.sales}`);
    expect(won.map((o) => o.id)).toEqual([e.id]);
    expect(await list(gm, `pipelineId=${pipeline.id}&status=won&closedFrom=2026-10-26&closedTo=2026-10-31`)).toEqual([]);
    const lost = await list(gm, `pipelineId=${pipeline.id}&status=lost&closedFrom=2026-10-20&closedTo=2026-10-20`);
    expect(lost.map((o) => o.id)).toEqual([b.id]);
    // the department subtree: 销售二部 alone holds D; the supervisor of 销售一部 asking for it gets nothing
    expect((await list(gm, `pipelineId=${pipeline.id}&orgNodeId=${t.demo.departmentIds.sales2}`)).map((o) => o.id)).toEqual([d.id]);
    expect(await list(supervisor, `pipelineId=${pipeline.id}&orgNodeId=${t.demo.departmentIds.sales2}`)).toEqual([]);
    const unknown = await gm.get('/api/v1/opportunities?orgNodeId=01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('orgNodeId');
  });

  it('counts conversion only for entries in the period', async () => {
    const res = await gm.get(`/api/v1/reports/funnel?period=2026-09&pipelineId=${pipeline.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as FunnelReportDto;
    expect(r.stages.map((s) => [s.entered, s.conversionPercent, s.medianDaysInStage])).toEqual([[0, null, null], [0, null, null], [0, null, null], [0, null, null]]);
    // the open snapshot does not depend on the period
    expect(r.totals).toMatchObject({ openCount: 3, wonCount: 0, lostCount: 0 });
  });

  it('defaults to the first pipeline the caller may use and to this month', async () => {
    const res = await gm.get('/api/v1/reports/funnel');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as FunnelReportDto;
    const first = ((await gm.get('/api/v1/pipelines')).json() as { items: PipelineDto[] }).items[0]!;
    expect(r.pipeline.id).toBe(first.id);
    expect(r.from).toBe(`${today.slice(0, 7)}-01`);
    expect(r.stages.map((s) => s.stageId)).toEqual(first.stages.map((s) => s.id));
  });

  it.each([
    ['period=2026-13', 'period', '期间格式无效'],
    ['period=2026-10..2026-09', 'period', '期间格式无效'],
    ['period=last-99-months', 'period', '期间格式无效'],
    ['orgNodeId=01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99', 'orgNodeId', '引用的部门不存在'],
    ['pipelineId=01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99', 'pipelineId', '引用的销售流程不存在'],
    ['ownerId=someone', 'ownerId', ''],
  ])('answers 400 VALIDATION_FAILED naming the field for %s', async (query, path, message) => {
    const res = await gm.get(`/api/v1/reports/funnel?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { error: { code: string; details: { path: string; message: string }[] } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details[0]!.path).toBe(path);
    expect(body.error.details[0]!.message).toContain(message);
  });

  it('refuses roles without report access', async () => {
    expect((await finance.get(funnelUrl())).statusCode).toBe(403);
    expect((await admin.get(funnelUrl())).statusCode).toBe(403);
    expect((await t.anonymous.get(funnelUrl())).statusCode).toBe(401);
  });

  it('exports the same numbers to Excel, and audits the export', async () => {
    const json = await funnel(gm);
    const file = await gm.get(funnelUrl().replace('/funnel?', '/funnel.xlsx?'));
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '阶段', '漏斗类别', '数量', '金额', '加权金额', '期间进入', '其后推进', '转化率 %', '停留天数中位数']);
    // the amount columns (金额, 加权金额) read back as decimal strings, compared with the JSON's exactly
    const cell = (r: unknown[], i: number) => (i === 3 || i === 4) && typeof r[i + 1] === 'number' ? money.format(r[i + 1] as number) : r[i + 1];
    const lines = sheet.getSheetValues().slice(2).map((r) => Array.from({ length: 9 }, (_, i) => cell(r as unknown[], i)));
    expect(lines.slice(0, 4)).toEqual(json.stages.map((s) => [
      s.name, { above: '漏斗上方', in: '漏斗中', best_few: '最有把握', order: '成交' }[s.funnelCategory], s.count, s.amount, s.weightedAmount,
      s.entered, s.advanced, s.conversionPercent ?? undefined, s.medianDaysInStage ?? undefined,
    ]));
    expect(lines[4]!.slice(0, 5)).toEqual(['合计（未关闭）', undefined, json.totals.openCount, json.totals.openAmount, json.totals.weightedAmount]);
    expect(lines[5]!.slice(0, 4)).toEqual(['期间赢单', undefined, json.totals.wonCount, json.totals.wonAmount]);
    expect(lines[6]!.slice(0, 4)).toEqual(['期间输单', undefined, json.totals.lostCount, json.totals.lostAmount]);
    const audits = await auditRows(t, ws, { entity: 'report', action: 'export' });
    expect(audits.at(-1)!.after).toMatchObject({ report: 'funnel', period: '2026-10', from: '2026-10-01', to: '2026-10-31', pipelineId: pipeline.id, format: 'xlsx' });
  });

  it('prints the funnel as a PDF: the title in the metadata, the Chinese font embedded, every printed character mapped to text', async () => {
    const res = await gm.get(`${funnelUrl().replace('/funnel?', '/funnel.pdf?')}&ownerId=${id('rep1')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('funnel-2026-10-01_2026-10-31.pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTitle(pdf)).toBe('销售漏斗分析');
    // the CJK font is embedded as a subset (not referenced by name only)
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(pdf.toString('latin1')).toContain('/FontFile3');
    // the text a reader extracts: title, pipeline, filter names, stage and category names, amounts
    const chars = pdfChars(pdf);
    for (const text of ['销售漏斗分析', pipeline.name, '陈静', '方案认可', '最有把握', '100,000.00', '期间赢单']) {
      expect([...text].filter((c) => !chars.has(c)), text).toEqual([]);
    }
    const audits = await auditRows(t, ws, { entity: 'report', action: 'export' });
    expect(audits.at(-1)!.after).toMatchObject({ report: 'funnel', from: '2026-10-01', to: '2026-10-31', pipelineId: pipeline.id, format: 'pdf' });

    const en = await gm.request('GET', funnelUrl().replace('/funnel?', '/funnel.pdf?'), undefined, { 'accept-language': 'en-US' });
    expect(en.statusCode).toBe(200);
    expect(pdfTitle(en.rawPayload)).toBe('Funnel report');
    // the same scope as the JSON: a rep's PDF is refused to finance, and a bad period is a 400 naming it
    expect((await finance.get(funnelUrl().replace('/funnel?', '/funnel.pdf?'))).statusCode).toBe(403);
    const bad = await gm.get('/api/v1/reports/funnel.pdf?period=oops');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('period');
  });

  it('refuses a bad period on the export too, and writes no audit row', async () => {
    const before = (await auditRows(t, ws, { entity: 'report' })).length;
    const res = await gm.get('/api/v1/reports/funnel.xlsx?period=oops');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('period');
    expect((await auditRows(t, ws, { entity: 'report' })).length).toBe(before);
  });
});

// ── activities ───────────────────────────────────────────────────────────────────────────────

/** A second workspace without demo customers or activities, so the counts are ours alone. */
const quietSuffix = `_rq${process.pid}`;
const quiet = await seedDemoWorkspace(t.handle, { usernameSuffix: quietSuffix, name: `报表测试${quietSuffix}`, pendingPolicyChange: false, customers: false });
const as = (username: string) => login(t.app, `${username}${quietSuffix}`);
const [qGm, qRep1, qRep2, qRep3, qSupervisor] = await Promise.all(['gm', 'rep1', 'rep2', 'rep3', 'supervisor1'].map(as)) as [Client, Client, Client, Client, Client];
const qId = (username: string) => quiet.userIds[username]!;
const range = `${addDays(today, -9)}..${addDays(today, 5)}`;
const asOf = addDays(today, 5);
const at = (day: string) => `${day}T10:00:00+08:00`;

async function activity(client: Client, customerId: string, type: string, day: string) {
  const res = await client.post('/api/v1/activities', { type, subject: `${type} ${day}`, customerId, occurredAt: at(day), status: 'done' });
  expect(res.statusCode, res.body).toBe(201);
}

async function task(client: Client, dueDate: string) {
  const res = await client.post('/api/v1/tasks', { action: '跟进报价', dueDate });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

const cust1 = await createCustomer(qRep1);
const cust3 = await createCustomer(qRep3);
await activity(qRep1, cust1.id, 'visit', addDays(today, -3));
await activity(qRep1, cust1.id, 'visit', addDays(today, -2));
await activity(qRep1, cust1.id, 'call', addDays(today, -2));
await activity(qRep1, cust1.id, 'email', addDays(today, -1));
await activity(qRep1, cust1.id, 'demo', addDays(today, -1));
await activity(qRep1, cust1.id, 'visit', addDays(today, -30)); // before the period
await activity(qRep3, cust3.id, 'meeting', addDays(today, -4));
{
  const res = await qRep1.post('/api/v1/call-reports', { customerId: cust1.id, to: [qId('supervisor1')], purpose: '了解预算', send: true });
  expect(res.statusCode, res.body).toBe(201);
}
const doneTask = await task(qRep1, addDays(today, 1));
expect((await qRep1.post(`/api/v1/tasks/${doneTask.id}/complete`, { version: doneTask.version })).statusCode).toBe(200);
await task(qRep1, addDays(today, 2)); // open, due before asOf → overdue
await task(qRep1, addDays(today, 7)); // open, due after asOf → not overdue

async function activities(client: Client, query = ''): Promise<ActivityReportDto> {
  const res = await client.get(`/api/v1/reports/activities?period=${range}&asOf=${asOf}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ActivityReportDto;
}

const counts = (row: ActivityReportDto['reps'][number] | ActivityReportDto['totals']) =>
  [row.visits, row.calls, row.emails, row.meetings, row.others, row.callReportsSent, row.tasksDone, row.tasksOverdue];

describe('GET /reports/activities', () => {
  it('counts each rep\'s activities, call reports and tasks in the period, with team subtotals and idle reps at zero', async () => {
    const r = await activities(qGm);
    expect([r.from, r.to, r.asOf]).toEqual([addDays(today, -9), addDays(today, 5), asOf]);
    const byName = Object.fromEntries(r.reps.map((x) => [x.userId, x]));
    expect(counts(byName[qId('rep1')]!)).toEqual([2, 1, 1, 0, 1, 1, 1, 1]);
    expect(counts(byName[qId('rep3')]!)).toEqual([0, 0, 0, 1, 0, 0, 0, 0]);
    expect(counts(byName[qId('rep2')]!)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(byName[qId('gm')]).toBeUndefined(); // no sales role and nothing to count
    const sales1 = r.teams.find((x) => x.departmentName === '销售一部')!;
    expect(sales1.reps).toBe(3); // supervisor1, rep1, rep2
    expect(counts(sales1)).toEqual([2, 1, 1, 0, 1, 1, 1, 1]);
    expect(counts(r.totals)).toEqual([2, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('shows a rep only their own row, a supervisor their team, and nothing for another team\'s owner', async () => {
    const mine = await activities(qRep1);
    expect(mine.reps.map((x) => x.userId)).toEqual([qId('rep1')]);
    expect((await activities(qRep2)).reps.map((x) => x.userId)).toEqual([qId('rep2')]);
    const team = await activities(qSupervisor);
    expect(team.reps.map((x) => x.userId).sort()).toEqual([qId('supervisor1'), qId('rep1'), qId('rep2')].sort());
    const other = await activities(qSupervisor, `&ownerId=${qId('rep3')}`);
    expect(other.reps).toEqual([]);
    expect(counts(other.totals)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const sales2 = await activities(qGm, `&orgNodeId=${quiet.departmentIds.sales2}`);
    expect(sales2.reps.map((x) => x.userId)).toEqual([qId('rep3')]);
  });

  it('never widens a supervisor\'s scope: another team\'s department gives no rows; the owner filter picks one rep of the team', async () => {
    const outside = await activities(qSupervisor, `&orgNodeId=${quiet.departmentIds.sales2}`);
    expect(outside.reps).toEqual([]);
    expect(counts(outside.totals)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const whole = await activities(qSupervisor, `&orgNodeId=${quiet.departmentIds.sales}`);
    expect(whole.reps.map((x) => x.userId).sort()).toEqual([qId('supervisor1'), qId('rep1'), qId('rep2')].sort());
    const one = await activities(qSupervisor, `&ownerId=${qId('rep1')}`);
    expect(one.reps.map((x) => x.userId)).toEqual([qId('rep1')]);
    expect(counts(one.totals)).toEqual([2, 1, 1, 0, 1, 1, 1, 1]);
    expect((await activities(qRep1, '&ownerId=me')).reps.map((x) => x.userId)).toEqual([qId('rep1')]);
  });

  it('takes visit-plan adherence from the visit-plans module, per rep and summed per team', async () => {
    const week = `${addDays(today, -6)}..${addDays(today, 7)}`;
    const res = await gm.get(`/api/v1/reports/activities?period=${week}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ActivityReportDto;
    const plans = (await gm.get(`/api/v1/visit-plans/adherence?from=${addDays(today, -6)}&to=${addDays(today, 7)}`)).json() as {
      rows: { ownerId: string; planned: number; done: number; missed: number; adherencePercent: number | null }[];
    };
    expect(plans.rows.some((p) => p.planned > 0)).toBe(true); // the demo has week plans
    for (const p of plans.rows) {
      const row = r.reps.find((x) => x.userId === p.ownerId)!;
      expect([row.visitsPlanned, row.plannedVisitsDone, row.plannedVisitsMissed, row.adherencePercent]).toEqual([p.planned, p.done, p.missed, p.adherencePercent]);
    }
    const planned = plans.rows.reduce((s, p) => s + p.planned, 0);
    expect(r.totals.visitsPlanned).toBe(planned);
    expect(r.teams.reduce((s, x) => s + x.visitsPlanned, 0)).toBe(planned);
  });

  it('answers 400 naming period for a bad or over-long period, and 403 to roles without report access', async () => {
    for (const period of ['yesterday', '2024..2026', 'last-24-months']) {
      const res = await qGm.get(`/api/v1/reports/activities?period=${period}`);
      expect(res.statusCode, `${period}: ${res.body}`).toBe(400);
      expect(res.json().error.details[0].path).toBe('period');
    }
    expect((await rep1.get('/api/v1/reports/activities?period=this-month')).statusCode).toBe(200);
    expect((await finance.get('/api/v1/reports/activities')).statusCode).toBe(403);
  });

  it('exports the same numbers to Excel with team subtotals and the total, and audits the export', async () => {
    const json = await activities(qGm);
    const file = await qGm.get(`/api/v1/reports/activities.xlsx?period=${range}&asOf=${asOf}`, { 'accept-language': 'en-US' });
    expect(file.statusCode, file.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Department', 'Sales rep', 'Visits']);
    const lines = sheet.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    const rep1Line = lines.find((l) => l[1] === json.reps.find((x) => x.userId === qId('rep1'))!.name)!;
    expect(rep1Line.slice(2, 10)).toEqual(counts(json.reps.find((x) => x.userId === qId('rep1'))!));
    const subtotals = lines.filter((l) => l[1] === 'Subtotal');
    expect(subtotals).toHaveLength(json.teams.length);
    expect(lines.at(-1)!.slice(0, 10)).toEqual(['Total', undefined, ...counts(json.totals)]);
    const audits = await auditRows(t, quiet.workspaceId, { entity: 'report', action: 'export' });
    expect(audits.at(-1)!.after).toMatchObject({ report: 'activities', from: json.from, to: json.to, format: 'xlsx' });
  });
});
