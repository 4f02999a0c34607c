import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import type { AccuracyDto, ForecastDto, ForecastFiguresDto, ForecastReportDto } from '../../../../shared/contracts/forecasts.contract.js';
import { todayIn } from '../../../../shared/dates.js';
import { money } from '../../../../shared/money.js';
import { monthOf, shiftMonth } from '../../../../shared/periods.js';
import { newId } from '../../../platform/db/columns.js';
import { notificationsOf } from '../../customers/__tests__/customers.fixtures.js';
import { builtIns, createOpportunity, stageOf } from '../../opportunities/__tests__/opportunities.fixtures.js';
import { opportunities } from '../../opportunities/opportunities.schema.js';
import { forecastSubmissions } from '../forecasts.schema.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const ids = t.demo.userIds as Record<string, string>;
const thisMonth = monthOf(todayIn('Asia/Shanghai'));
/** months ahead that each test uses on its own (the demo seeds the past six months and this one) */
let ahead = 1;
const freshMonth = () => shiftMonth(thisMonth, ahead++);
/** months beyond the demo's expected close dates (at most 240 days ahead): exact figures can be asserted */
const clearMonth = (n: 10 | 11) => shiftMonth(thisMonth, n);

const pathOf = (res: { json(): unknown }) => (res.json() as { error: { details?: { path: string }[] } }).error.details?.[0]?.path;
const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

async function submit(client: Client, body: Record<string, unknown>, status = 201): Promise<ForecastDto> {
  const res = await client.post('/api/v1/forecasts', body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as ForecastDto;
}
async function listAll(client: Client, query = ''): Promise<ForecastDto[]> {
  const items: ForecastDto[] = [];
  let cursor: string | null = null;
  do {
    const res = await client.get(`/api/v1/forecasts?limit=7${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: ForecastDto[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
async function report(client: Client, query: string): Promise<ForecastReportDto> {
  const res = await client.get(`/api/v1/reports/forecast?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ForecastReportDto;
}

describe('submitting a monthly forecast', () => {
  it('a rep submits a month with a snapshot of their weighted pipeline and commit; the supervisor is notified; audited', async () => {
    const [rep1, sup] = await Promise.all([t.loginAs('rep1'), t.loginAs('supervisor1')]);
    const month = clearMonth(10);
    const { standard } = await builtIns(rep1);
    // 300000 at 30 % (in the funnel) + 200000 at 70 % (best few) + another rep's deal that must not count
    await createOpportunity(rep1, standard, { amount: '300000.00', stageId: stageOf(standard, 'solution').id, expectedCloseDate: `${month}-10` });
    await createOpportunity(rep1, standard, { amount: '200000.00', stageId: stageOf(standard, 'negotiation').id, expectedCloseDate: `${month}-28` });
    await createOpportunity(await t.loginAs('rep2'), standard, { amount: '999999.00', stageId: stageOf(standard, 'negotiation').id, expectedCloseDate: `${month}-15` });
    const figures = (await rep1.get(`/api/v1/forecasts/figures?month=${month}`)).json() as ForecastFiguresDto;
    expect(figures).toMatchObject({ ownerId: ids.rep1, month, weighted: '230000.00', commit: '200000.00', won: '0.00', mayChange: true, submission: null });

    const f = await submit(rep1, { month, amount: '250000.00', note: '两单都有把握' });
    expect(f).toMatchObject({
      ownerId: ids.rep1, ownerName: '陈静', month, version: 1, submittedAmount: '250000.00', submittedNote: '两单都有把握',
      systemWeighted: '230000.00', systemCommit: '200000.00', adjustedAmount: null, canAdjust: false, canResubmit: true,
    });
    expect((await auditRows(t, ws, { entity: 'forecast', entityId: f.id })).map((a) => a.action)).toEqual(['submit']);
    const inbox = await notificationsOf(t, sup);
    expect(inbox).toContainEqual(expect.objectContaining({ kind: 'forecast_submitted', params: expect.objectContaining({ name: '陈静', month, amount: '250000.00' }) }));
  });

  it('re-submitting the same month needs the version read: without it or stale → 409 and nothing changes; with it the figure and snapshot update', async () => {
    const rep2 = await t.loginAs('rep2');
    const month = clearMonth(11);
    const first = await submit(rep2, { month, amount: '100000.00' });
    let res = await rep2.post('/api/v1/forecasts', { month, amount: '1.00' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain(month);
    const { standard } = await builtIns(rep2);
    await createOpportunity(rep2, standard, { amount: '100000.00', stageId: stageOf(standard, 'negotiation').id, expectedCloseDate: `${month}-05` });
    const second = await submit(rep2, { month, amount: '120000.00', note: '新增一单', version: first.version }, 200);
    expect(second).toMatchObject({ id: first.id, version: 2, submittedAmount: '120000.00', submittedNote: '新增一单', systemWeighted: '70000.00', systemCommit: '100000.00' });
    res = await rep2.post('/api/v1/forecasts', { month, amount: '1.00', version: first.version });
    expect(res.statusCode).toBe(409);
    expect(((await rep2.get(`/api/v1/forecasts/${first.id}`)).json() as ForecastDto).submittedAmount).toBe('120000.00');
    expect((await auditRows(t, ws, { entity: 'forecast', entityId: first.id })).map((a) => a.action)).toEqual(['submit', 'resubmit']);
  });

  it('refuses a month that has ended with a localised 422, and one more than 12 months ahead; writes nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const before = await countRows(t, 'forecast_submissions', ws);
    const past = shiftMonth(thisMonth, -1);
    let res = await rep1.post('/api/v1/forecasts', { month: past, amount: '1000.00' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'RULE_VIOLATION', message: `${past} 已结束，不能再提交或调整该月的预测` });
    res = await rep1.post('/api/v1/forecasts', { month: past, amount: '1000.00' }, { 'accept-language': 'en-US' });
    expect(res.json().error.message).toBe(`${past} has ended: its forecast can no longer be submitted or adjusted`);
    res = await rep1.post('/api/v1/forecasts', { month: shiftMonth(thisMonth, 13), amount: '1000.00' });
    expect(res.statusCode).toBe(422);
    expect(await countRows(t, 'forecast_submissions', ws)).toBe(before);
  });

  it('only sales people submit: finance, CS and the GM get 403', async () => {
    for (const who of ['finance1', 'cs1', 'gm']) {
      const res = await (await t.loginAs(who)).post('/api/v1/forecasts', { month: thisMonth, amount: '1.00' });
      expect(res.statusCode, who).toBe(403);
    }
  });
});

describe('adjusting a forecast (both figures kept)', () => {
  it("the rep's supervisor adjusts: the rep's figure stays beside it, the rep is told, audited; a re-submission keeps the adjustment", async () => {
    const [rep1, sup] = await Promise.all([t.loginAs('rep1'), t.loginAs('supervisor1')]);
    const month = freshMonth();
    const f = await submit(rep1, { month, amount: '300000.00' });
    expect(((await sup.get(`/api/v1/forecasts/${f.id}`)).json() as ForecastDto).canAdjust).toBe(true);
    const res = await sup.post(`/api/v1/forecasts/${f.id}/adjust`, { amount: '220000.00', note: '第二单签约时间存疑', version: f.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      submittedAmount: '300000.00', adjustedAmount: '220000.00', adjustedBy: ids.supervisor1, adjustedByName: '刘洋', adjustNote: '第二单签约时间存疑', version: 2,
    });
    expect((await notificationsOf(t, rep1))).toContainEqual(expect.objectContaining({ kind: 'forecast_adjusted', params: expect.objectContaining({ month, amount: '220000.00' }) }));
    const audit = await auditRows(t, ws, { entity: 'forecast', entityId: f.id });
    expect(audit.map((a) => a.action)).toEqual(['submit', 'adjust']);
    const again = await submit(rep1, { month, amount: '310000.00', version: 2 }, 200);
    expect(again).toMatchObject({ submittedAmount: '310000.00', adjustedAmount: '220000.00' });
    // stale version
    expect((await sup.post(`/api/v1/forecasts/${f.id}/adjust`, { amount: '1.00', note: 'x', version: 2 })).statusCode).toBe(409);
  });

  it('a rep cannot adjust (403); a manager cannot adjust their own (403 SEGREGATION_OF_DUTIES); another team\'s supervisor gets 404', async () => {
    const [rep1, rep3, sup, manager] = await Promise.all([t.loginAs('rep1'), t.loginAs('rep3'), t.loginAs('supervisor1'), t.loginAs('manager1')]);
    const month = freshMonth();
    const own = await submit(rep1, { month, amount: '1000.00' });
    let res = await rep1.post(`/api/v1/forecasts/${own.id}/adjust`, { amount: '2000.00', note: '我自己调', version: 1 });
    expect(res.statusCode).toBe(403);
    const supOwn = await submit(sup, { month, amount: '5000.00' });
    res = await sup.post(`/api/v1/forecasts/${supOwn.id}/adjust`, { amount: '9000.00', note: '自己调', version: 1 });
    expect(res.statusCode).toBe(403);
    expect(codeOf(res)).toBe('SEGREGATION_OF_DUTIES');
    // rep3 sits in 销售二部: outside supervisor1's team, inside manager1's
    const other = await submit(rep3, { month, amount: '7000.00' });
    res = await sup.post(`/api/v1/forecasts/${other.id}/adjust`, { amount: '1.00', note: '越权', version: 1 });
    expect(res.statusCode).toBe(404);
    expect((await sup.get(`/api/v1/forecasts/${other.id}`)).statusCode).toBe(404);
    res = await manager.post(`/api/v1/forecasts/${other.id}/adjust`, { amount: '6500.00', note: '按历史达成率下调', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    // the supervisor's own forecast can be adjusted by the manager above
    res = await manager.post(`/api/v1/forecasts/${supOwn.id}/adjust`, { amount: '4000.00', note: '下调', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const unchanged = await t.handle.db.select().from(forecastSubmissions).where(eq(forecastSubmissions.id, own.id));
    expect(unchanged[0]).toMatchObject({ adjustedAmount: null, version: 1 });
  });

  it('an ended month cannot be adjusted any more (422)', async () => {
    const sup = await t.loginAs('supervisor1');
    const id = newId();
    await t.handle.db.insert(forecastSubmissions).values({
      workspaceId: ws, id, ownerId: ids.rep2!, month: '2019-05', submittedAmount: '1000.00', submittedAt: new Date('2019-05-02T02:00:00Z'), systemWeighted: '0', systemCommit: '0',
    });
    const res = await sup.post(`/api/v1/forecasts/${id}/adjust`, { amount: '900.00', note: '事后调整', version: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('2019-05');
  });
});

describe('who sees which forecasts', () => {
  it('a rep sees only their own, the supervisor the team, the manager and GM everyone, finance reads; CS gets 403', async () => {
    const month = freshMonth();
    for (const who of ['rep1', 'rep2', 'rep3']) await submit(await t.loginAs(who), { month, amount: '10000.00' });
    const owners = async (who: string) => new Set((await listAll(await t.loginAs(who), `&month=${month}`)).map((f) => f.ownerId));
    expect(await owners('rep1')).toEqual(new Set([ids.rep1]));
    expect(await owners('supervisor1')).toEqual(new Set([ids.rep1, ids.rep2]));
    expect(await owners('manager1')).toEqual(new Set([ids.rep1, ids.rep2, ids.rep3]));
    expect(await owners('gm')).toEqual(new Set([ids.rep1, ids.rep2, ids.rep3]));
    expect(await owners('finance1')).toEqual(new Set([ids.rep1, ids.rep2, ids.rep3]));
    expect((await (await t.loginAs('cs1')).get('/api/v1/forecasts')).statusCode).toBe(403);
    // filters: owner and org node (销售一部)
    const gm = await t.loginAs('gm');
    expect(new Set((await listAll(gm, `&month=${month}&orgNodeId=${t.demo.departmentIds.sales1}`)).map((f) => f.ownerId))).toEqual(new Set([ids.rep1, ids.rep2]));
    expect((await listAll(gm, `&month=${month}&ownerId=${ids.rep3}`)).map((f) => f.ownerId)).toEqual([ids.rep3]);
    // a rep asking for someone else's figures gets 404, and filtering by them gives nothing
    const rep1 = await t.loginAs('rep1');
    expect((await rep1.get(`/api/v1/forecasts/figures?ownerId=${ids.rep3}`)).statusCode).toBe(404);
    expect(await listAll(rep1, `&ownerId=${ids.rep3}`)).toEqual([]);
  });

  it('pages through every forecast once, newest month first', async () => {
    const all = await listAll(await t.loginAs('gm'));
    expect(new Set(all.map((f) => f.id)).size).toBe(all.length);
    const months = all.map((f) => f.month);
    expect([...months].sort().reverse()).toEqual(months);
  });
});

describe('accuracy = won / forecast, per person per month', () => {
  it('compares each month\'s submitted and adjusted forecasts with what the person won that month', async () => {
    const rep1 = await t.loginAs('rep1');
    const { standard } = await builtIns(rep1);
    const won = async (client: Client, amount: string, closedOn: string, status = 'won') => {
      const o = await createOpportunity(client, standard, { amount });
      await t.handle.db.update(opportunities).set({ status, closedOn }).where(and(eq(opportunities.workspaceId, ws), eq(opportunities.id, o.id)));
    };
    const rep2 = await t.loginAs('rep2');
    await won(rep1, '60000.00', '2020-03-01');
    await won(rep1, '20000.00', '2020-03-31');
    await won(rep1, '55555.00', '2020-03-15', 'lost'); // lost: not counted
    await won(rep1, '10000.00', '2020-04-01'); // next month
    await won(rep2, '30000.00', '2020-02-29'); // before the range
    const put = (ownerId: string, month: string, submittedAmount: string, adjustedAmount: string | null) => t.handle.db.insert(forecastSubmissions).values({
      workspaceId: ws, id: newId(), ownerId, month, submittedAmount, adjustedAmount, adjustedBy: adjustedAmount ? ids.supervisor1 : null,
      submittedAt: new Date(`${month}-01T02:00:00Z`), systemWeighted: '0', systemCommit: '0',
    });
    await put(ids.rep1!, '2020-03', '100000.00', '80000.00');
    await put(ids.rep2!, '2020-03', '50000.00', null);
    await put(ids.rep3!, '2020-03', '0.00', null);

    const res = await (await t.loginAs('gm')).get('/api/v1/forecasts/accuracy?from=2020-03&to=2020-04');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as AccuracyDto;
    expect(body).toMatchObject({ from: '2020-03', to: '2020-04' });
    const row = (owner: string, month: string) => body.items.find((r) => r.ownerId === ids[owner] && r.month === month);
    expect(row('rep1', '2020-03')).toEqual({ ownerId: ids.rep1, ownerName: '陈静', month: '2020-03', submitted: '100000.00', adjusted: '80000.00', won: '80000.00', submittedAccuracy: '0.80', adjustedAccuracy: '1.00' });
    expect(row('rep1', '2020-04')).toMatchObject({ submitted: null, adjusted: null, won: '10000.00', submittedAccuracy: null, adjustedAccuracy: null });
    expect(row('rep2', '2020-03')).toMatchObject({ submitted: '50000.00', adjusted: null, won: '0.00', submittedAccuracy: '0.00', adjustedAccuracy: null });
    expect(row('rep3', '2020-03')).toMatchObject({ submitted: '0.00', won: '0.00', submittedAccuracy: null });
    expect(row('rep2', '2020-02')).toBeUndefined();
    expect(body.items).toHaveLength(4);

    // a rep sees only their own rows; the supervisor not rep3's
    const mine = ((await rep1.get('/api/v1/forecasts/accuracy?from=2020-03&to=2020-04')).json() as AccuracyDto).items;
    expect(new Set(mine.map((r) => r.ownerId))).toEqual(new Set([ids.rep1]));
    const team = ((await (await t.loginAs('supervisor1')).get('/api/v1/forecasts/accuracy?from=2020-03&to=2020-04')).json() as AccuracyDto).items;
    expect(team.map((r) => r.ownerId)).not.toContain(ids.rep3);
    expect(team.map((r) => r.ownerId)).toContain(ids.rep2);
  });
});

describe('the forecast report (/reports/forecast)', () => {
  it('per month: weighted, commit, submitted, adjusted, won and a null target; a rep sees only their own figures', async () => {
    const [rep1, rep2, sup, gm] = await Promise.all([t.loginAs('rep1'), t.loginAs('rep2'), t.loginAs('supervisor1'), t.loginAs('gm')]);
    const m1 = freshMonth();
    const m2 = freshMonth();
    const period = `${m1}..${m2}`;
    const before = await report(gm, `period=${period}`);
    const rep1Before = await report(rep1, `period=${period}`);
    const { standard } = await builtIns(rep1);
    await createOpportunity(rep1, standard, { amount: '100000.00', stageId: stageOf(standard, 'negotiation').id, expectedCloseDate: `${m1}-03` });
    await createOpportunity(rep1, standard, { amount: '40000.00', stageId: stageOf(standard, 'quotation').id, expectedCloseDate: `${m2}-20` });
    await createOpportunity(rep2, standard, { amount: '10000.00', stageId: stageOf(standard, 'solution').id, expectedCloseDate: `${m2}-11` });
    const f1 = await submit(rep1, { month: m1, amount: '90000.00' });
    await submit(rep2, { month: m2, amount: '5000.00' });
    expect((await sup.post(`/api/v1/forecasts/${f1.id}/adjust`, { amount: '70000.00', note: '保守', version: 1 })).statusCode).toBe(200);

    const after = await report(gm, `period=${period}`);
    expect(after.months.map((m) => m.month)).toEqual([m1, m2]);
    const delta = (a: string, b: string) => money.sub(a, b);
    const d = (i: number, k: 'weighted' | 'commit' | 'submitted' | 'adjusted' | 'won') => delta(after.months[i]![k], before.months[i]![k]);
    expect([d(0, 'weighted'), d(0, 'commit'), d(0, 'submitted'), d(0, 'adjusted'), d(0, 'won')]).toEqual(['70000.00', '100000.00', '90000.00', '70000.00', '0.00']);
    expect([d(1, 'weighted'), d(1, 'commit'), d(1, 'submitted'), d(1, 'adjusted')]).toEqual(['23000.00', '0.00', '5000.00', '5000.00']);
    expect(after.months.every((m) => m.target === null)).toBe(true);
    expect(after.totals.weighted).toBe(money.add(after.months[0]!.weighted, after.months[1]!.weighted));

    // rep1 sees exactly the GM's view filtered to rep1, and nothing of rep2
    const rep1After = await report(rep1, `period=${period}`);
    expect(rep1After).toEqual(await report(gm, `period=${period}&ownerId=${ids.rep1}`));
    expect(delta(rep1After.months[1]!.weighted, rep1Before.months[1]!.weighted)).toBe('20000.00');
    expect(delta(rep1After.months[1]!.submitted, rep1Before.months[1]!.submitted)).toBe('0.00');
    const peek = await report(rep1, `period=${period}&ownerId=${ids.rep2}`);
    expect(peek.totals).toEqual({ weighted: '0.00', commit: '0.00', submitted: '0.00', adjusted: '0.00', won: '0.00', target: null });
    // org node filter: 销售二部 has only rep3
    const sales2 = await report(gm, `period=${period}&orgNodeId=${t.demo.departmentIds.sales2}`);
    expect(sales2).toEqual(await report(gm, `period=${period}&ownerId=${ids.rep3}`));
    // CS has no access
    expect((await (await t.loginAs('cs1')).get('/api/v1/reports/forecast')).statusCode).toBe(403);
  });

  it('never widens a supervisor\'s scope: another team\'s department gives zeros; ownerId=me and an owner of the team narrow it', async () => {
    const [rep1, rep3, sup, gm] = await Promise.all([t.loginAs('rep1'), t.loginAs('rep3'), t.loginAs('supervisor1'), t.loginAs('gm')]);
    const m = freshMonth();
    const { standard } = await builtIns(rep1);
    await createOpportunity(rep3, standard, { amount: '200000.00', stageId: stageOf(standard, 'negotiation').id, expectedCloseDate: `${m}-10` });
    await createOpportunity(rep1, standard, { amount: '50000.00', stageId: stageOf(standard, 'negotiation').id, expectedCloseDate: `${m}-12` });
    await submit(rep3, { month: m, amount: '150000.00' });
    const sales2 = `period=${m}&orgNodeId=${t.demo.departmentIds.sales2}`;
    expect((await report(gm, sales2)).totals.submitted).not.toBe('0.00');
    // supervisor1 leads 销售一部: 销售二部 lies outside their scope
    expect((await report(sup, sales2)).totals).toEqual({ weighted: '0.00', commit: '0.00', submitted: '0.00', adjusted: '0.00', won: '0.00', target: null });
    // the parent department is a filter, not a grant
    expect(await report(sup, `period=${m}&orgNodeId=${t.demo.departmentIds.sales}`)).toEqual(await report(sup, `period=${m}`));
    expect(await report(sup, `period=${m}&ownerId=${ids.rep1}`)).toEqual(await report(rep1, `period=${m}`));
    expect(await report(rep1, `period=${m}&ownerId=me`)).toEqual(await report(gm, `period=${m}&ownerId=${ids.rep1}`));
    const unknown = await gm.get(`/api/v1/reports/forecast?orgNodeId=${newId()}`);
    expect(unknown.statusCode).toBe(400);
    expect(pathOf(unknown)).toBe('orgNodeId');
  });

  it('defaults to this month and accepts the shared period forms', async () => {
    const gm = await t.loginAs('gm');
    expect((await report(gm, '')).months.map((m) => m.month)).toEqual([thisMonth]);
    const year = thisMonth.slice(0, 4);
    const q = await report(gm, `period=${year}-Q1`);
    expect(q).toMatchObject({ from: `${year}-01-01`, to: `${year}-03-31` });
    expect(q.months.map((m) => m.month)).toEqual([`${year}-01`, `${year}-02`, `${year}-03`]);
  });

  it('exports the same numbers to xlsx (read back with exceljs), audited', async () => {
    const gm = await t.loginAs('gm');
    const period = `${shiftMonth(thisMonth, -6)}..${thisMonth}`;
    const json = await report(gm, `period=${period}`);
    const res = await gm.get(`/api/v1/reports/forecast.xlsx?period=${period}`, { 'accept-language': 'en-US' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Month', 'Weighted pipeline', 'Commit (best few)', 'Submitted', 'After adjustment', 'Won', 'Target']);
    const lines = [...json.months, { month: 'Total', ...json.totals }];
    lines.forEach((line, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(line.month);
      expect([2, 3, 4, 5, 6].map((c) => money.format(String(row.getCell(c).value)))).toEqual([line.weighted, line.commit, line.submitted, line.adjusted, line.won]);
      expect(row.getCell(7).value).toBeNull();
    });
    expect(sheet.rowCount).toBe(lines.length + 1);
    expect(json.totals.won).not.toBe('0.00'); // the demo has wins in the past six months
    const audit = await auditRows(t, ws, { entity: 'forecast_report', action: 'export' });
    expect(audit.at(-1)?.after).toMatchObject({ period, format: 'xlsx' });
  });
});

describe('bad input names the field', () => {
  it.each([
    ['POST', '/api/v1/forecasts', { month: '2026-13', amount: '1.00' }, 'month'],
    ['POST', '/api/v1/forecasts', { month: thisMonth, amount: '1.234' }, 'amount'],
    ['POST', '/api/v1/forecasts', { month: thisMonth, amount: 100 }, 'amount'],
    ['POST', '/api/v1/forecasts', { month: thisMonth, amount: '-5.00' }, 'amount'],
    ['POST', '/api/v1/forecasts', { month: thisMonth, amount: '1.00', version: 0 }, 'version'],
    ['POST', '/api/v1/forecasts', { month: thisMonth, amount: '1.00', extra: 1 }, 'extra'],
    ['GET', '/api/v1/reports/forecast?period=next-decade', undefined, 'period'],
    ['GET', '/api/v1/reports/forecast?ownerId=nope', undefined, 'ownerId'],
    ['GET', '/api/v1/forecasts/accuracy?from=2026-11&to=2026-01', undefined, 'from'],
    ['GET', '/api/v1/forecasts/accuracy?from=2026-1', undefined, 'from'],
    ['GET', '/api/v1/forecasts?month=11-2026', undefined, 'month'],
    ['GET', '/api/v1/forecasts?cursor=abc', undefined, 'cursor'],
  ] as const)('%s %s %j → 400 naming %s', async (method, url, body, field) => {
    const rep1 = await t.loginAs('rep1');
    const res = await rep1.request(method, url, body as Record<string, unknown> | undefined);
    expect(res.statusCode, res.body).toBe(400);
    expect(codeOf(res)).toBe('VALIDATION_FAILED');
    expect(pathOf(res)).toBe(field);
  });

  it('an adjustment without a note names note', async () => {
    const [rep1, sup] = await Promise.all([t.loginAs('rep1'), t.loginAs('supervisor1')]);
    const f = await submit(rep1, { month: freshMonth(), amount: '1.00' });
    const res = await sup.post(`/api/v1/forecasts/${f.id}/adjust`, { amount: '2.00', version: 1 });
    expect(res.statusCode).toBe(400);
    expect(pathOf(res)).toBe('note');
  });
});

describe('demo data', () => {
  it('the demo has wins in each of the past six months, so the report and the accuracy chart show several months', async () => {
    const gm = await t.loginAs('gm');
    const from = shiftMonth(thisMonth, -6);
    const last = shiftMonth(thisMonth, -1);
    const r = await report(gm, `period=${from}..${last}`);
    expect(r.months.map((m) => m.month)).toEqual(Array.from({ length: 6 }, (_, i) => shiftMonth(from, i)));
    expect(r.months.filter((m) => m.won === '0.00').map((m) => m.month)).toEqual([]);
    const accuracy = ((await gm.get(`/api/v1/forecasts/accuracy?from=${from}&to=${last}`)).json() as AccuracyDto).items;
    const months = new Set(accuracy.filter((a) => a.submittedAccuracy !== null && a.submittedAccuracy !== '0.00').map((a) => a.month));
    expect(months.size).toBe(6);
  });

  it('the demo sales people have forecasts for the past six months and this month, some adjusted; accuracy has data', async () => {
    const gm = await t.loginAs('gm');
    const from = shiftMonth(thisMonth, -6);
    const seeded = await t.handle.db.select().from(forecastSubmissions)
      .where(and(eq(forecastSubmissions.workspaceId, ws), eq(forecastSubmissions.ownerId, ids.rep1!)));
    expect(seeded.map((f) => f.month).filter((m) => m >= from && m <= thisMonth).sort()).toEqual(Array.from({ length: 7 }, (_, i) => shiftMonth(from, i)));
    const accuracy = ((await gm.get(`/api/v1/forecasts/accuracy?from=${from}&to=${shiftMonth(thisMonth, -1)}`)).json() as AccuracyDto).items;
    expect(new Set(accuracy.map((r) => r.ownerId))).toEqual(new Set(['rep1', 'rep2', 'rep3', 'supervisor1', 'manager1'].map((u) => ids[u])));
    expect(accuracy.some((r) => r.adjusted !== null && r.adjustedAccuracy !== null)).toBe(true);
    // nothing was submitted or adjusted after the demo's "now"
    const latest = Math.max(...seeded.flatMap((f) => [f.submittedAt.getTime(), f.adjustedAt?.getTime() ?? 0]));
    expect(latest).toBeLessThanOrEqual(Date.now());
    expect(accuracy.some((r) => r.submittedAccuracy !== null && r.submittedAccuracy !== '0.00')).toBe(true);
  });
});
