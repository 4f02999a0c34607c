import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import type { PenaltyRunDto, PenaltyStatementDto } from '../../../../shared/contracts/penalties.contract.js';
import { todayIn } from '../../../../shared/dates.js';
import { money } from '../../../../shared/money.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const ids = t.demo.userIds as Record<string, string>;
const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const rows = <T>(r: unknown) => ((r as { rows?: T[] }).rows ?? (r as T[]));

interface Scenario { key: string; owner: string; dueDate: string; amount: string; received?: string; status?: string; paidOn?: string | null; deferredFrom?: string | null; writtenOffOn?: string | null }
/** Receivable states for January 2026 (month end 2026-01-31); every other demo line is paid long ago. */
const scenarios: Scenario[] = [
  { key: 'A30', owner: 'rep1', dueDate: '2026-01-01', amount: '10000.00' }, // 30 days → monthly 50.00
  { key: 'B29', owner: 'rep1', dueDate: '2026-01-02', amount: '10000.00' }, // 29 days → nothing
  { key: 'C119', owner: 'rep1', dueDate: '2025-10-04', amount: '20000.00', received: '5000.00', status: 'partial' }, // 119 → monthly 75.00 on 15000
  { key: 'D120', owner: 'rep3', dueDate: '2025-10-03', amount: '1666.65' }, // 120 → bad debt 333.33 (166.66 / 100.00 / 66.67)
  { key: 'E_def', owner: 'rep1', dueDate: '2025-12-20', amount: '1000.00', deferredFrom: '2025-09-01' }, // deferred: 42 days → monthly 5.00
  { key: 'F_wo', owner: 'rep1', dueDate: '2025-11-01', amount: '500.00', status: 'written_off', writtenOffOn: '2026-01-15' }, // written off at 75 days → bad debt 100.00
  { key: 'G_paid_later', owner: 'rep1', dueDate: '2025-12-01', amount: '4000.00' }, // 61 days → monthly 20.00; paid in February → refund
  { key: 'H_paid', owner: 'rep1', dueDate: '2025-11-01', amount: '3000.00', received: '3000.00', status: 'paid', paidOn: '2026-01-05' }, // paid before month end → nothing
];
const lineOf: Record<string, string> = {};

async function setReceivable(id: string, s: Omit<Scenario, 'key'>) {
  await t.handle.db.execute(sql`update receivables set owner_id = ${ids[s.owner]!}, due_date = ${s.dueDate}, amount = ${s.amount}, received = ${s.received ?? '0.00'},
    status = ${s.status ?? 'open'}, paid_on = ${s.paidOn ?? null}, deferred_from = ${s.deferredFrom ?? null}, written_off_on = ${s.writtenOffOn ?? null}
    where workspace_id = ${ws} and id = ${id}`);
}

beforeAll(async () => {
  await t.handle.db.execute(sql`update receivables set status = 'paid', received = amount, paid_on = '2000-01-01', due_date = '1999-12-01', deferred_from = null, written_off_on = null where workspace_id = ${ws}`);
  const all = rows<{ id: string }>(await t.handle.db.execute(sql`select id::text as id from receivables where workspace_id = ${ws} order by id limit ${scenarios.length}`));
  expect(all.length).toBe(scenarios.length);
  for (const [i, s] of scenarios.entries()) {
    lineOf[s.key] = all[i]!.id;
    await setReceivable(all[i]!.id, s);
  }
});

async function run(who: string, month: string, status: number) {
  const res = await (await t.loginAs(who)).post('/api/v1/penalties/run', { month });
  expect(res.statusCode, res.body).toBe(status);
  return res;
}
async function statement(who: string, month: string, userId?: string) {
  const res = await (await t.loginAs(who)).get(`/api/v1/penalties?month=${month}${userId ? `&userId=${userId}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PenaltyStatementDto;
}
const personTotals = (s: PenaltyStatementDto) => Object.fromEntries(s.people.map((p) => [p.user?.name ?? 'none', p.total]));

describe('refusals write nothing', () => {
  it('a month that has not ended → 422 naming month; next month too; a malformed month → 400', async () => {
    const current = todayIn('Asia/Shanghai').slice(0, 7);
    const before = await countRows(t, 'penalty_runs', ws);
    const res = await run('finance1', current, 422);
    expect(codeOf(res)).toBe('RULE_VIOLATION');
    expect((res.json() as { error: { message: string; details: { path: string }[] } }).error.details[0]!.path).toBe('month');
    expect((res.json() as { error: { message: string } }).error.message).toContain(current);
    const [y, m] = current.split('-').map(Number) as [number, number];
    await run('finance1', m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`, 422);
    expect(codeOf(await run('finance1', '2026-13', 400))).toBe('VALIDATION_FAILED');
    expect(await countRows(t, 'penalty_runs', ws)).toBe(before);
    expect(await countRows(t, 'penalty_lines', ws)).toBe(0);
  });

  it('only finance and the GM run a month: reps, managers, the VP, CS, warehouse → 403', async () => {
    for (const who of ['rep1', 'supervisor1', 'manager1', 'vp', 'cs1', 'csm', 'warehouse1', 'reception1', 'admin']) {
      expect(codeOf(await run(who, '2025-06', 403)), who).toBe('FORBIDDEN');
    }
    expect(await countRows(t, 'penalty_runs', ws)).toBe(0);
  });
});

describe('January 2026: 29/30 days, 119/120 days, deferred and written-off lines', () => {
  it('finance runs the month: 6 lines, total 583.33, audited', async () => {
    const res = await run('finance1', '2026-01', 201);
    const dto = res.json() as PenaltyRunDto;
    expect(dto).toMatchObject({ month: '2026-01', monthEnd: '2026-01-31', lineCount: 6, total: '583.33', created: true, runBy: { id: ids.finance1 } });
    expect(dto.policy).toEqual({ startDays: 30, badDebtDays: 120, monthlyRate: '0.005', badDebtRate: '0.20', shares: { rep: 5, manager: 3, director: 2 } });
    expect(await auditRows(t, ws, { entity: 'penalty_run', action: 'run' })).toHaveLength(1);
  });

  it('the working of each line, and every split adds up to the line', async () => {
    const s = await statement('finance1', '2026-01', ids.rep1);
    const byReceivable = new Map(s.lines.map((l) => [l.receivableId, l]));
    expect(byReceivable.get(lineOf.A30!)).toMatchObject({ kind: 'monthly', daysOverdue: 30, baseAmount: '10000.00', rate: '0.005', amount: '50.00' });
    expect(byReceivable.has(lineOf.B29!)).toBe(false);
    expect(byReceivable.get(lineOf.C119!)).toMatchObject({ kind: 'monthly', daysOverdue: 119, baseAmount: '15000.00', amount: '75.00' });
    expect(byReceivable.get(lineOf.E_def!)).toMatchObject({ kind: 'monthly', daysOverdue: 42, dueDate: '2025-12-20', deferredFrom: '2025-09-01', amount: '5.00' });
    expect(byReceivable.get(lineOf.F_wo!)).toMatchObject({ kind: 'bad_debt', daysOverdue: 91, rate: '0.2', amount: '100.00' });
    expect(byReceivable.get(lineOf.G_paid_later!)).toMatchObject({ kind: 'monthly', daysOverdue: 61, amount: '20.00' });
    expect(byReceivable.has(lineOf.H_paid!)).toBe(false);
    expect(byReceivable.get(lineOf.A30!)!.shares).toEqual([
      { role: 'rep', user: { id: ids.rep1, name: '陈静' }, amount: '25.00' },
      { role: 'manager', user: { id: ids.manager1, name: '张伟' }, amount: '15.00' },
      { role: 'director', user: { id: ids.vp, name: '李明' }, amount: '10.00' },
    ]);
    for (const l of s.lines) expect(money.add(...l.shares.map((x) => x.amount)), l.receivableId).toBe(l.amount);
    const d = (await statement('finance1', '2026-01', ids.rep3)).lines;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ kind: 'bad_debt', daysOverdue: 120, baseAmount: '1666.65', amount: '333.33' });
    expect(d[0]!.shares.map((x) => [x.role, x.user?.id, x.amount])).toEqual([['rep', ids.rep3, '166.66'], ['manager', ids.manager1, '100.00'], ['director', ids.vp, '66.67']]);
  });

  it('the per-person statement (finance sees everyone) adds up to the run total', async () => {
    const s = await statement('finance1', '2026-01');
    expect(personTotals(s)).toEqual({ '张伟': '175.00', '陈静': '125.00', '赵磊': '166.66', '李明': '116.67' });
    expect(s.people.find((p) => p.user?.id === ids.rep1)).toMatchObject({ monthly: '75.00', badDebt: '50.00', refund: '0.00', lineCount: 5 });
    expect(money.add(...s.people.map((p) => p.total))).toBe('583.33');
    expect(s.run).toMatchObject({ month: '2026-01', lineCount: 6 });
    expect(s.lines).toEqual([]);
  });

  it('running the month again changes nothing (200, created false), even after the data moved', async () => {
    const before = [await countRows(t, 'penalty_lines', ws), await countRows(t, 'penalty_shares', ws)];
    await setReceivable(lineOf.B29!, { owner: 'rep1', dueDate: '2025-11-01', amount: '10000.00' });
    const again = (await run('gm', '2026-01', 200)).json() as PenaltyRunDto;
    expect(again).toMatchObject({ created: false, lineCount: 6, total: '583.33', runBy: { id: ids.finance1 } });
    expect([await countRows(t, 'penalty_lines', ws), await countRows(t, 'penalty_shares', ws)]).toEqual(before);
    await setReceivable(lineOf.B29!, scenarios[1]!);
  });
});

describe('February 2026: 120 days reached, refund on collection', () => {
  it('C reaches 120 days (bad debt 3000.00), D gets no more, G paid in February is refunded to each person', async () => {
    await setReceivable(lineOf.G_paid_later!, { owner: 'rep1', dueDate: '2025-12-01', amount: '4000.00', received: '4000.00', status: 'paid', paidOn: '2026-02-10' });
    const dto = (await run('finance1', '2026-02', 201)).json() as PenaltyRunDto;
    expect(dto).toMatchObject({ lineCount: 5, total: '3085.00' }); // A 50 + B 50 (now 57 days) + C 3000 + E 5 − G 20
    const lines = (await statement('finance1', '2026-02', ids.rep1)).lines;
    const g = lines.find((l) => l.receivableId === lineOf.G_paid_later)!;
    expect(g).toMatchObject({ kind: 'refund', baseAmount: '20.00', rate: null, amount: '-20.00' });
    expect(g.shares.map((x) => [x.role, x.user?.id, x.amount])).toEqual([['rep', ids.rep1, '-10.00'], ['manager', ids.manager1, '-6.00'], ['director', ids.vp, '-4.00']]);
    expect(lines.find((l) => l.receivableId === lineOf.C119)).toMatchObject({ kind: 'bad_debt', daysOverdue: 147, baseAmount: '15000.00', amount: '3000.00' });
    expect(lines.find((l) => l.receivableId === lineOf.A30)).toMatchObject({ kind: 'monthly', daysOverdue: 58 });
    expect(lines.some((l) => l.receivableId === lineOf.F_wo)).toBe(false); // written off: no monthly
    expect((await statement('finance1', '2026-02', ids.rep3)).lines).toEqual([]); // D: bad debt only once
    const rep1 = (await statement('rep1', '2026-02')).people[0]!;
    expect(rep1).toMatchObject({ user: { id: ids.rep1 }, refund: '-10.00', badDebt: '1500.00', monthly: '52.50', total: '1542.50' });
  });

  it('March: the refunded line gives nothing more back', async () => {
    const dto = (await run('finance1', '2026-03', 201)).json() as PenaltyRunDto;
    const lines = (await statement('finance1', '2026-03', ids.rep1)).lines;
    expect(lines.some((l) => l.receivableId === lineOf.G_paid_later)).toBe(false);
    expect(dto.lineCount).toBe(lines.length);
  });
});

describe('who reads the statement (data scope)', () => {
  it('a rep sees only themself; another person → 404', async () => {
    const s = await statement('rep1', '2026-01');
    expect(s.people.map((p) => p.user?.id)).toEqual([ids.rep1]);
    expect(s.lines).toHaveLength(5);
    const res = await (await t.loginAs('rep1')).get(`/api/v1/penalties?month=2026-01&userId=${ids.rep3}`);
    expect(res.statusCode).toBe(404);
    expect((await statement('rep2', '2026-01')).people).toEqual([]);
  });
  it('the supervisor sees their team, the manager the sales department, the VP, finance and the GM everyone', async () => {
    expect(Object.keys(personTotals(await statement('supervisor1', '2026-01'))).sort()).toEqual(['陈静']);
    expect(Object.keys(personTotals(await statement('manager1', '2026-01'))).sort()).toEqual(['张伟', '赵磊', '陈静'].sort());
    for (const who of ['vp', 'gm', 'finance1']) expect((await statement(who, '2026-01')).people, who).toHaveLength(4);
  });
  it('customer service, warehouse, the front desk and the administrator → 403', async () => {
    for (const who of ['cs1', 'csm', 'warehouse1', 'reception1', 'admin']) {
      const res = await (await t.loginAs(who)).get('/api/v1/penalties?month=2026-01');
      expect(res.statusCode, who).toBe(403);
    }
  });
  it('a month not run: run null, nobody listed', async () => {
    expect(await statement('finance1', '2025-05')).toEqual({ month: '2025-05', run: null, people: [], lines: [] });
  });
});

describe('payroll workbook', () => {
  it('finance downloads the month per person (audited); a rep gets only their own row', async () => {
    const res = await (await t.loginAs('finance1')).get('/api/v1/penalties/statement.xlsx?month=2026-01');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('penalties-2026-01.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('回款责任扣款');
    expect(sheet.rowCount).toBe(5);
    const names = sheet.getColumn(1).values.slice(2);
    expect(names).toContain('陈静');
    expect(sheet.getColumn(2).values.slice(2)).toContain('rep1');
    expect(await auditRows(t, ws, { entity: 'penalty_run', action: 'export' })).toHaveLength(1);
    const mine = await (await t.loginAs('rep1')).get('/api/v1/penalties/statement.xlsx?month=2026-01');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(mine.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount).toBe(2);
  });
});
