import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { login, setupTestApp, type Client } from '../../../../../test/harness.js';
import type { CollectionTargetsDto } from '../../../../shared/contracts/collection-targets.contract.js';
import type { PaymentDto } from '../../../../shared/contracts/payments.contract.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { money } from '../../../../shared/money.js';
import { monthEnd, monthOf, monthStart, shiftMonth } from '../../../../shared/periods.js';
import { signContractThroughApi } from '../../contracts/__tests__/contracts.fixtures.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';
import { proposedTarget, targetAttainment } from '../receivables.targets.rules.js';

const t = await setupTestApp();
const today = () => todayIn('Asia/Shanghai');
const thisMonth = monthOf(today());
const nextMonth = shiftMonth(thisMonth, 1);
const ws = t.demo.workspaceId;
/** the tests that sign a contract through the approval flow take a while on a busy machine */
const SLOW = 120_000;
const ids = t.demo.userIds;
const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string; details?: { path: string }[] } }).error;

let reps = 0;
/** A new sales rep of 销售一部 with no customers, so their figures are exactly what the test creates. */
async function newRep(name = `新销售${++reps}`) {
  const admin = await t.loginAs('admin');
  const username = `target_rep_${process.pid}_${reps}_${Date.now() % 100000}`;
  const res = await admin.post('/api/v1/users', { username, name, password: 'kairos-test-1', roles: ['sales_rep'], departmentId: t.demo.departmentIds.sales1 });
  expect(res.statusCode, res.body).toBe(201);
  return { id: (res.json() as { id: string }).id, name, client: await login(t.app, username, 'kairos-test-1') };
}

/** A signed contract of the rep's new customer with the given plan (amounts add up to 100,000.00), signed on `signedOn`. */
async function contractWithPlan(rep: Client, manager: Client, workspaceId: string, plan: { dueDate: string; amount: string }[], signedOn = today()) {
  const customer = await createCustomer(rep);
  const contractDate = [...plan.map((p) => p.dueDate), signedOn].sort()[0]!;
  const contract = await signContractThroughApi(rep, manager, customer.id, {
    contractDate, paymentPlan: plan.map((p, i) => ({ kind: i === plan.length - 1 ? 'balance' : 'progress', dueDate: p.dueDate, amount: p.amount })),
  });
  await t.handle.db.execute(`update contracts set signed_on = '${signedOn}' where workspace_id = '${workspaceId}' and id = '${contract.id}'`);
  return { customer, contract };
}
const targetsOf = async (c: Client, q: string) => {
  const res = await c.get(`/api/v1/collection-targets?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CollectionTargetsDto;
};
const rowOf = (report: CollectionTargetsDto, key: string) => report.rows.find((r) => r.key === key);

describe('the proposal, decomposed from the rep\'s contracts', () => {
  it('counts the outstanding of lines due by the month end as the month began: first and last day in, the next month out, overdue in — as the rule says', async () => {
    const [rep, manager1, finance] = await Promise.all([newRep(), t.loginAs('manager1'), t.loginAs('finance1')]);
    const plan = [
      { dueDate: monthEnd(thisMonth), amount: '10000.00' }, // due before next month: overdue as it begins
      { dueDate: monthStart(nextMonth), amount: '20000.00' },
      { dueDate: monthEnd(nextMonth), amount: '30000.00' },
      { dueDate: monthStart(shiftMonth(nextMonth, 1)), amount: '40000.00' },
    ];
    const { customer } = await contractWithPlan(rep.client, manager1, ws, plan);
    const rule = (received: string) => proposedTarget(plan.map((p, i) => ({
      ...p, signedOn: today(), writtenOffOn: null, allocations: i === 0 ? [{ amount: received, receivedOn: today(), reversed: false }] : [],
    })), nextMonth);
    const before = await targetsOf(manager1, `period=${nextMonth}`);
    expect(before).toMatchObject({ period: nextMonth, from: monthStart(nextMonth), to: monthEnd(nextMonth), proposalAsOf: monthEnd(thisMonth), canSet: true });
    expect(rowOf(before, rep.id)).toMatchObject({ name: rep.name, teamName: '销售一部', proposed: '60000.00', target: null, collected: '0.00', attainment: null, version: null });
    expect(rule('0.00')).toBe('60000.00');

    // 10,000.00 received today (before next month begins) comes off the proposal; nothing counts as collected next month
    const paid = await finance.post('/api/v1/payments', { customerId: customer.id, amount: '10000.00', receivedOn: today(), method: 'bank_transfer' });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(rowOf(await targetsOf(manager1, `period=${nextMonth}`), rep.id)).toMatchObject({ proposed: '50000.00', collected: '0.00' });
    expect(rule('10000.00')).toBe('50000.00');
    // this month's proposal is taken as of last month's end: the contract signed today is not in it; the payment is collected this month
    expect(rowOf(await targetsOf(manager1, `period=${thisMonth}`), rep.id)).toMatchObject({ proposed: '0.00', collected: '10000.00' });
  }, SLOW);
});

describe('collected in the month and attainment', () => {
  it('counts the payments received in the month on the rep\'s lines, not a reversed one; attainment = collected ÷ target; team and company sums', async () => {
    const [rep, manager1, finance] = await Promise.all([newRep(), t.loginAs('manager1'), t.loginAs('finance1')]);
    const teamBefore = (await targetsOf(manager1, `period=${thisMonth}&groupBy=team`)).rows.find((r) => r.name === '销售一部')!;
    const { customer } = await contractWithPlan(rep.client, manager1, ws, [
      { dueDate: monthStart(thisMonth), amount: '30000.00' }, { dueDate: '2099-12-31', amount: '70000.00' },
    ], monthStart(shiftMonth(thisMonth, -1)));
    const set = await manager1.put(`/api/v1/collection-targets/${thisMonth}`, { targets: [{ userId: rep.id, amount: '20000.00', note: '月初已与客户确认付款计划' }] });
    expect(set.statusCode, set.body).toBe(200);
    expect(rowOf(set.json() as CollectionTargetsDto, rep.id)).toMatchObject({
      proposed: '30000.00', target: '20000.00', proposedWhenSet: '30000.00', collected: '0.00', attainment: '0.0', version: 1, setBy: '张伟', note: '月初已与客户确认付款计划',
    });

    const pay = async (amount: string) => {
      const res = await finance.post('/api/v1/payments', { customerId: customer.id, amount, receivedOn: today(), method: 'bank_transfer' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as PaymentDto;
    };
    await pay('8000.00');
    const wrong = await pay('5000.00');
    expect(rowOf(await targetsOf(manager1, `period=${thisMonth}`), rep.id)).toMatchObject({ collected: '13000.00', attainment: '65.0' });
    const reversed = await finance.post(`/api/v1/payments/${wrong.id}/reverse`, { reason: '银行回单录错客户', version: wrong.version });
    expect(reversed.statusCode, reversed.body).toBe(200);
    const report = await targetsOf(manager1, `period=${thisMonth}`);
    expect(rowOf(report, rep.id)).toMatchObject({ proposed: '30000.00', target: '20000.00', collected: '8000.00', attainment: '40.0' });
    // the same count as the collection rate
    const rate = (await manager1.get(`/api/v1/reports/collection-rate?from=${monthStart(thisMonth)}&to=${monthEnd(thisMonth)}&groupBy=owner`)).json() as { rows: { key: string; collected: string }[] };
    expect(rate.rows.find((r) => r.key === rep.id)?.collected).toBe('8000.00');
    // by team: 销售一部 sums its reps (this rep added 30,000.00 proposed, 20,000.00 target, 8,000.00 collected); totals = sum of rows
    const team = await targetsOf(manager1, `period=${thisMonth}&groupBy=team`);
    const sales1 = team.rows.find((r) => r.name === '销售一部')!;
    expect(sales1.proposed).toBe(money.add(teamBefore.proposed, '30000.00'));
    expect(sales1.target).toBe(money.add(teamBefore.target ?? '0', '20000.00'));
    expect(sales1.collected).toBe(money.add(teamBefore.collected, '8000.00'));
    expect(sales1.attainment).toBe(targetAttainment(sales1.collected, sales1.target));
    expect(team.totals.proposed).toBe(money.add(0, ...team.rows.map((r) => r.proposed)));
    expect(team.totals.collected).toBe(money.add(0, ...team.rows.map((r) => r.collected)));
  }, SLOW);
});

describe('who sees which rows', () => {
  it('a rep sees their own row, the supervisor their team, the manager the sales department, finance everyone in sales; warehouse is refused', async () => {
    const keysOf = async (who: string) => (await targetsOf(await t.loginAs(who), `period=${thisMonth}`)).rows.map((r) => r.key);
    expect(await keysOf('rep1')).toEqual([ids.rep1]);
    const supervisor = await keysOf('supervisor1');
    expect(supervisor).toEqual(expect.arrayContaining([ids.rep1, ids.rep2, ids.supervisor1]));
    expect(supervisor).not.toContain(ids.rep3);
    expect(supervisor).not.toContain(ids.manager1);
    for (const who of ['manager1', 'finance1', 'gm']) {
      const keys = await keysOf(who);
      expect(keys, who).toEqual(expect.arrayContaining([ids.manager1, ids.supervisor1, ids.rep1, ids.rep2, ids.rep3]));
      expect(keys, who).not.toContain(ids.finance1); // only sales people carry collection targets
    }
    expect((await targetsOf(await t.loginAs('rep1'), `period=${thisMonth}`)).canSet).toBe(false);
    expect((await targetsOf(await t.loginAs('finance1'), `period=${thisMonth}`)).canSet).toBe(false);
    expect((await (await t.loginAs('warehouse1')).get('/api/v1/collection-targets')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/v1/collection-targets')).statusCode).toBe(401);
  }, SLOW);
});

describe('setting targets', () => {
  it('the manager sets two reps\' targets in one go, audited; a changed target needs its version (stale or missing → 409, nothing changed)', async () => {
    const [a, b, manager1] = await Promise.all([newRep(), newRep(), t.loginAs('manager1')]);
    const audited = (await auditRows(t, ws, { entity: 'collection_target', action: 'set' })).length;
    const res = await manager1.put(`/api/v1/collection-targets/${nextMonth}`, { targets: [{ userId: a.id, amount: '50000' }, { userId: b.id, amount: '0' }] });
    expect(res.statusCode, res.body).toBe(200);
    const set = res.json() as CollectionTargetsDto;
    expect(rowOf(set, a.id)).toMatchObject({ target: '50000.00', version: 1, attainment: '0.0' });
    expect(rowOf(set, b.id)).toMatchObject({ target: '0.00', attainment: null }); // a zero target has no attainment
    expect(await auditRows(t, ws, { entity: 'collection_target', action: 'set' })).toHaveLength(audited + 2);

    const missing = await manager1.put(`/api/v1/collection-targets/${nextMonth}`, { targets: [{ userId: a.id, amount: '60000.00' }] });
    expect(missing.statusCode).toBe(409);
    const stale = await manager1.put(`/api/v1/collection-targets/${nextMonth}`, { targets: [{ userId: b.id, amount: '1.00', version: 1 }, { userId: a.id, amount: '60000.00', version: 7 }] });
    expect(stale.statusCode).toBe(409);
    const unchanged = await targetsOf(manager1, `period=${nextMonth}`);
    expect([rowOf(unchanged, a.id)?.target, rowOf(unchanged, b.id)?.target]).toEqual(['50000.00', '0.00']);

    const changed = await (await t.loginAs('vp')).put(`/api/v1/collection-targets/${nextMonth}`, { targets: [{ userId: a.id, amount: '60000.00', version: 1 }] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(rowOf(changed.json() as CollectionTargetsDto, a.id)).toMatchObject({ target: '60000.00', version: 2, setBy: '李明' });
    const updates = await auditRows(t, ws, { entity: 'collection_target', action: 'update', entityId: rowOf(set, a.id)!.targetId! });
    expect(updates).toHaveLength(1);
    // the rep sees the target set for them, read-only
    expect((await targetsOf(a.client, `period=${nextMonth}`)).rows).toMatchObject([{ key: a.id, target: '60000.00' }]);
  }, SLOW);

  it('refuses, writing nothing: reps and supervisors (403), one\'s own target (403), a person out of scope (404 naming targets.N.userId), someone not in sales (422)', async () => {
    const [rep1, supervisor1, manager1, gm] = await Promise.all([t.loginAs('rep1'), t.loginAs('supervisor1'), t.loginAs('manager1'), t.loginAs('gm')]);
    const before = await countRows(t, 'collection_targets', ws);
    const put = (c: Client, targets: unknown[]) => c.put(`/api/v1/collection-targets/${thisMonth}`, { targets });
    expect((await put(rep1, [{ userId: ids.rep1, amount: '1.00' }])).statusCode).toBe(403);
    expect((await put(rep1, [{ userId: ids.rep2, amount: '1.00' }])).statusCode).toBe(403);
    expect((await put(supervisor1, [{ userId: ids.rep2, amount: '1.00' }])).statusCode).toBe(403);
    const own = await put(manager1, [{ userId: ids.rep3, amount: '1.00' }, { userId: ids.manager1, amount: '1.00' }]);
    expect(own.statusCode).toBe(403);
    expect(errorOf(own)).toMatchObject({ code: 'SEGREGATION_OF_DUTIES', details: [{ path: 'targets.1.userId' }] });
    const outOfScope = await put(manager1, [{ userId: ids.rep3, amount: '1.00' }, { userId: ids.vp, amount: '1.00' }]);
    expect(outOfScope.statusCode).toBe(404);
    expect(errorOf(outOfScope).details?.[0]?.path).toBe('targets.1.userId');
    const unknown = await put(manager1, [{ userId: '01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99', amount: '1.00' }]);
    expect([unknown.statusCode, errorOf(unknown).details?.[0]?.path]).toEqual([404, 'targets.0.userId']);
    const notSales = await put(gm, [{ userId: ids.finance1, amount: '1.00' }]);
    expect([notSales.statusCode, errorOf(notSales).details?.[0]?.path]).toEqual([422, 'targets.0.userId']);
    const twice = await put(gm, [{ userId: ids.rep3, amount: '1.00' }, { userId: ids.rep3, amount: '2.00' }]);
    expect([twice.statusCode, errorOf(twice).details?.[0]?.path]).toEqual([400, 'targets.1.userId']);
    expect(await countRows(t, 'collection_targets', ws)).toBe(before);
  }, SLOW);

  it.each([
    ['a negative amount', { amount: '-0.01' }, 422, 'RULE_VIOLATION', '回款目标不能为负数'],
    ['a non-decimal amount', { amount: '5万' }, 400, 'VALIDATION_FAILED', null],
    ['three decimals', { amount: '1.005' }, 400, 'VALIDATION_FAILED', null],
  ])('refuses %s naming targets.1.amount, and writes nothing', async (_name, second, status, code, message) => {
    const manager1 = await t.loginAs('manager1');
    const before = await countRows(t, 'collection_targets', ws);
    const res = await manager1.put(`/api/v1/collection-targets/${shiftMonth(thisMonth, 2)}`, { targets: [{ userId: ids.rep3, amount: '100.00' }, { userId: ids.rep2, ...second }] });
    expect(res.statusCode, res.body).toBe(status);
    expect(errorOf(res)).toMatchObject({ code, details: [{ path: 'targets.1.amount' }] });
    if (message) expect(errorOf(res).message).toBe(message);
    expect(await countRows(t, 'collection_targets', ws)).toBe(before);
  }, SLOW);

  it('refuses a month more than 12 months ahead or before the workspace existed (422 naming period), in English too', async () => {
    const [rep, manager1] = await Promise.all([newRep(), t.loginAs('manager1')]);
    const body = { targets: [{ userId: rep.id, amount: '100.00' }] };
    expect((await manager1.put(`/api/v1/collection-targets/${shiftMonth(thisMonth, 12)}`, body)).statusCode).toBe(200);
    const far = await manager1.put(`/api/v1/collection-targets/${shiftMonth(thisMonth, 13)}`, body, { 'accept-language': 'en-US' });
    expect([far.statusCode, errorOf(far).details?.[0]?.path, errorOf(far).message]).toEqual([422, 'period', 'Collection targets can be set at most 12 months ahead']);
    const early = await manager1.put(`/api/v1/collection-targets/${shiftMonth(thisMonth, -1)}`, body);
    expect([early.statusCode, errorOf(early).details?.[0]?.path]).toEqual([422, 'period']); // the workspace was created this month
    expect((await targetsOf(manager1, `period=${shiftMonth(thisMonth, -1)}`)).canSet).toBe(false);
    await t.handle.db.execute(`update workspaces set created_at = '${addDays(monthStart(thisMonth), -20)}T12:00:00Z' where id = '${ws}'`);
    expect((await manager1.put(`/api/v1/collection-targets/${shiftMonth(thisMonth, -1)}`, body)).statusCode).toBe(200);
    expect((await manager1.put('/api/v1/collection-targets/2026-13', body)).statusCode).toBe(400);
  }, SLOW);
});

describe('Excel export', () => {
  it('exports the month\'s table in my scope with the totals line (a rep: their own row)', async () => {
    const [rep, manager1] = await Promise.all([newRep('导出测试'), t.loginAs('manager1')]);
    expect((await manager1.put(`/api/v1/collection-targets/${shiftMonth(thisMonth, 3)}`, { targets: [{ userId: rep.id, amount: '12345.60' }] })).statusCode).toBe(200);
    const res = await rep.client.get(`/api/v1/collection-targets.xlsx?period=${shiftMonth(thisMonth, 3)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values = (book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    expect(values[0]).toEqual(['负责人', '部门', '建议目标', '回款目标', '本月已回款', '达成率']);
    expect(values.slice(1).map((r) => r[0])).toEqual(['导出测试', '合计']);
    expect(values[1]![3]).toBe(12345.6);
  }, SLOW);
});
