import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import type { ApprovalDto } from '../../../../shared/contracts/approvals.contract.js';
import type { CreditDto, CreditHistoryPage, CreditProfileListItemDto } from '../../../../shared/contracts/credit.contract.js';
import { todayIn } from '../../../../shared/dates.js';
import { money } from '../../../../shared/money.js';
import { allPages, createCustomer, loginAll } from '../../customers/__tests__/customers.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const ids = t.demo.userIds as Record<string, string>;
const today = todayIn('Asia/Shanghai');

const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const pathOf = (res: { json(): unknown }) => (res.json() as { error: { details?: { path: string }[] } }).error.details?.[0]?.path;

async function credit(client: Client, customerId: string): Promise<CreditDto> {
  const res = await client.get(`/api/v1/customers/${customerId}/credit`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CreditDto;
}
async function propose(client: Client, customerId: string, body: Record<string, unknown>, status = 201) {
  const res = await client.post(`/api/v1/customers/${customerId}/credit/change-requests`, { reason: '年度授信评审', ...body });
  expect(res.statusCode, res.body).toBe(status);
  return res;
}
async function approval(client: Client, id: string): Promise<ApprovalDto> {
  const res = await client.get(`/api/v1/approvals/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ApprovalDto;
}
async function approve(client: Client, id: string, status = 200) {
  const res = await client.post(`/api/v1/approvals/${id}/approve`, { comment: '同意' });
  expect(res.statusCode, res.body).toBe(status);
  return res;
}
const requests = (customerId: string) => countRows(t, 'credit_change_requests', ws).then((n) => ({ customerId, n }));

describe('reading a customer\'s credit (data scope)', () => {
  it('a customer without a profile has no credit: limit 0.00, exposure 0.00, available 0.00, no grade, terms 0', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const view = await credit(rep1, c.id);
    expect(view).toMatchObject({
      customerId: c.id, hasProfile: false, limit: '0.00', exposure: '0.00', available: '0.00', isOverLimit: false,
      grade: null, termsDays: 0, version: 0, asOf: today, pendingRequest: null, canPropose: false,
      owner: { id: ids.rep1, name: '陈静' },
    });
  });

  it("the owner, their supervisor and manager, finance, GM, VP and CS manager read it; another rep and an outside supervisor get 404; CS, warehouse, front desk 403", async () => {
    const [rep1, rep3] = await Promise.all([t.loginAs('rep1'), t.loginAs('rep3')]);
    const mine = await createCustomer(rep1);
    const rep3s = await createCustomer(rep3);
    for (const who of ['rep1', 'supervisor1', 'manager1', 'finance1', 'gm', 'vp', 'csm']) {
      const res = await (await t.loginAs(who)).get(`/api/v1/customers/${mine.id}/credit`);
      expect(res.statusCode, who).toBe(200);
    }
    for (const who of ['rep2', 'rep3']) {
      const res = await (await t.loginAs(who)).get(`/api/v1/customers/${mine.id}/credit`);
      expect(res.statusCode, who).toBe(404);
      expect((await (await t.loginAs(who)).get(`/api/v1/customers/${mine.id}/credit/history`)).statusCode, who).toBe(404);
    }
    // 刘洋 supervises 销售一部 only: 赵磊 (销售二部) is outside his scope; 张伟 manages both
    expect((await (await t.loginAs('supervisor1')).get(`/api/v1/customers/${rep3s.id}/credit`)).statusCode).toBe(404);
    expect((await (await t.loginAs('manager1')).get(`/api/v1/customers/${rep3s.id}/credit`)).statusCode).toBe(200);
    for (const who of ['cs1', 'warehouse1', 'reception1', 'admin']) {
      const res = await (await t.loginAs(who)).get(`/api/v1/customers/${mine.id}/credit`);
      expect(res.statusCode, who).toBe(403);
    }
  });

  it('an unknown customer is 404', async () => {
    const res = await (await t.loginAs('finance1')).get('/api/v1/customers/01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99/credit');
    expect(res.statusCode).toBe(404);
  });
});

describe('proposing a credit change (segregation of duties)', () => {
  it('a rep, a supervisor, customer service and the warehouse cannot propose (403) and nothing is written', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const before = await requests(c.id);
    for (const who of ['rep1', 'supervisor1', 'cs1', 'csm', 'warehouse1']) {
      const res = await (await t.loginAs(who)).post(`/api/v1/customers/${c.id}/credit/change-requests`, { version: 0, limit: '100000.00', grade: 'A', reason: '试探' });
      expect(res.statusCode, who).toBe(403);
    }
    expect(await requests(c.id)).toEqual(before);
  });

  it('the sales manager proposes; finance reviews, the VP approves below the GM amount; the proposer cannot approve; the profile and history follow; audited', async () => {
    const [rep1, manager, finance, vp] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1'), t.loginAs('finance1'), t.loginAs('vp')]);
    const c = await createCustomer(rep1);
    const res = await propose(manager, c.id, { version: 0, limit: '100000', grade: 'A' });
    const proposed = res.json() as CreditDto;
    // nothing applies before approval; the request shows frozen values, terms from the grade policy
    expect(proposed).toMatchObject({ hasProfile: false, limit: '0.00', canPropose: false });
    expect(proposed.pendingRequest).toMatchObject({
      status: 'pending', from: null, to: { limit: '100000.00', termsDays: 90, grade: 'A' }, reason: '年度授信评审', requestedBy: { id: ids.manager1, name: '张伟' },
    });
    const approvalId = proposed.pendingRequest!.approvalId!;
    const flow = await approval(finance, approvalId);
    expect(flow.steps.map((s) => [s.label, s.assignees.map((a) => a.id)])).toEqual([['财务审核', [ids.finance1]], ['销售副总审批', [ids.vp]]]);
    expect(flow.snapshot).toMatchObject({ customerId: c.id, from: null, to: { limit: '100000.00', termsDays: 90, grade: 'A' } });

    // the proposer never approves
    const decision = await manager.post(`/api/v1/approvals/${approvalId}/approve`, {});
    expect(decision.statusCode).toBe(403);
    expect(codeOf(decision)).toBe('SEGREGATION_OF_DUTIES');
    // the VP is not first
    expect((await vp.post(`/api/v1/approvals/${approvalId}/approve`, {})).statusCode).toBe(403);
    await approve(finance, approvalId);
    expect((await credit(rep1, c.id)).hasProfile).toBe(false);
    await approve(vp, approvalId);

    const after = await credit(rep1, c.id);
    expect(after).toMatchObject({
      hasProfile: true, limit: '100000.00', exposure: '0.00', available: '100000.00', grade: 'A', termsDays: 90, version: 1,
      effectiveFrom: today, reason: '年度授信评审', pendingRequest: null, canPropose: false,
    });
    expect((await credit(manager, c.id)).canPropose).toBe(true);
    const history = (await rep1.get(`/api/v1/customers/${c.id}/credit/history`)).json() as CreditHistoryPage;
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({
      from: null, to: { limit: '100000.00', termsDays: 90, grade: 'A' }, effectiveFrom: today, approvalId,
      requestedBy: { id: ids.manager1 }, approvedBy: { id: ids.vp, name: '李明' },
    });
    expect(history.requests).toEqual([]);
    const audit = await auditRows(t, ws, { entity: 'credit_profile', entityId: c.id });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['change_requested', ids.manager1], ['update', ids.vp]]);
    expect(audit[1]!.after).toMatchObject({ creditLimit: '100000.00', termsDays: 90, grade: 'A', approvalId });
  });

  it('finance proposes a large limit: the sales manager reviews, the GM approves (from credit.gmApprovalLimit); the second change keeps the first in history', async () => {
    const [rep1, manager, finance, vp, gm] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1'), t.loginAs('finance1'), t.loginAs('vp'), t.loginAs('gm')]);
    const c = await createCustomer(rep1);
    let id = ((await propose(finance, c.id, { version: 0, limit: '200000.00', grade: 'B', termsDays: 45 })).json() as CreditDto).pendingRequest!.approvalId!;
    expect((await approval(manager, id)).steps.map((s) => s.label)).toEqual(['销售经理审核', '销售副总审批']);
    expect((await finance.post(`/api/v1/approvals/${id}/approve`, {})).statusCode).toBe(403);
    await approve(manager, id);
    await approve(vp, id);
    const first = await credit(finance, c.id);
    expect(first).toMatchObject({ limit: '200000.00', grade: 'B', termsDays: 45, version: 1 });

    id = ((await propose(finance, c.id, { version: 1, limit: '500000.00', grade: 'A' })).json() as CreditDto).pendingRequest!.approvalId!;
    const flow = await approval(gm, id);
    expect(flow.steps.map((s) => [s.label, s.assignees.map((a) => a.id)])).toEqual([['销售经理审核', [ids.manager1]], ['总经理审批', [ids.gm]]]);
    expect(flow.snapshot).toMatchObject({ from: { limit: '200000.00', termsDays: 45, grade: 'B' }, to: { limit: '500000.00', termsDays: 90, grade: 'A' } });
    await approve(manager, id);
    await approve(gm, id);
    expect(await credit(rep1, c.id)).toMatchObject({ limit: '500000.00', grade: 'A', termsDays: 90, version: 2 });
    const history = (await finance.get(`/api/v1/customers/${c.id}/credit/history?limit=1`)).json() as CreditHistoryPage;
    expect(history.items[0]).toMatchObject({ from: { limit: '200000.00', grade: 'B', termsDays: 45 }, to: { limit: '500000.00', grade: 'A' }, approvedBy: { id: ids.gm } });
    expect(history.nextCursor).not.toBeNull();
    const older = (await finance.get(`/api/v1/customers/${c.id}/credit/history?limit=1&cursor=${history.nextCursor}`)).json() as CreditHistoryPage;
    expect(older.items[0]).toMatchObject({ from: null, to: { limit: '200000.00' } });
    expect(older.nextCursor).toBeNull();
  });

  it('a rejected change applies nothing and is listed with the reason; the manager may propose again', async () => {
    const [rep1, manager, finance] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1'), t.loginAs('finance1')]);
    const c = await createCustomer(rep1);
    const id = ((await propose(manager, c.id, { version: 0, limit: '30000.00', grade: 'B' })).json() as CreditDto).pendingRequest!.approvalId!;
    const res = await finance.post(`/api/v1/approvals/${id}/reject`, { reason: '缺少财务报表' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await credit(finance, c.id)).toMatchObject({ hasProfile: false, limit: '0.00', pendingRequest: null });
    const history = (await finance.get(`/api/v1/customers/${c.id}/credit/history`)).json() as CreditHistoryPage;
    expect(history.items).toEqual([]);
    expect(history.requests).toMatchObject([{ status: 'rejected', decisionComment: '缺少财务报表', to: { limit: '30000.00' } }]);
    expect((await auditRows(t, ws, { entity: 'credit_profile', entityId: c.id })).map((a) => a.action)).toEqual(['change_requested', 'change_rejected']);
    await propose(manager, c.id, { version: 0, limit: '20000.00', grade: 'B' });
  });

  it('the customer\'s own rep never approves: a manager who owns the customer is routed around', async () => {
    // 张伟 (sales manager) owns the customer and finance proposes: the sales-manager review cannot land on him
    const [manager, finance] = await Promise.all([t.loginAs('manager1'), t.loginAs('finance1')]);
    const c = await createCustomer(manager);
    const id = ((await propose(finance, c.id, { version: 0, limit: '10000.00', grade: 'B' })).json() as CreditDto).pendingRequest!.approvalId!;
    const flow = await approval(finance, id);
    expect(flow.steps[0]!.assignees.map((a) => a.id)).not.toContain(ids.manager1);
    expect(flow.steps[0]!.assignees.map((a) => a.id)).toEqual([ids.gm]);
  });
});

describe('rules and bad input (nothing written)', () => {
  it('grade C: the cap itself is accepted, one cent more is refused with 422 naming the cap; nothing written', async () => {
    const [rep1, manager] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1')]);
    const c1 = await createCustomer(rep1);
    const c2 = await createCustomer(rep1);
    const before = await countRows(t, 'credit_change_requests', ws);
    const res = await propose(manager, c2.id, { version: 0, limit: '50000.01', grade: 'C' }, 422);
    expect(res.json().error).toMatchObject({ code: 'RULE_VIOLATION', message: 'C 级客户的信用额度不能超过 50000.00（申请额度 50000.01）' });
    expect(pathOf(res)).toBe('limit');
    const en = await manager.post(`/api/v1/customers/${c2.id}/credit/change-requests`, { version: 0, limit: '50000.01', grade: 'C', reason: 'x' }, { 'accept-language': 'en-US' });
    expect(en.json().error.message).toBe('A grade C customer’s credit limit cannot exceed 50000.00 (asked: 50000.01)');
    expect(await countRows(t, 'credit_change_requests', ws)).toBe(before);
    expect(await countRows(t, 'approvals', ws)).toBeGreaterThan(0);
    const ok = (await propose(manager, c1.id, { version: 0, limit: '50000.00', grade: 'C' })).json() as CreditDto;
    expect(ok.pendingRequest!.to).toEqual({ limit: '50000.00', termsDays: 30, grade: 'C' });
  });

  it('grade D is cash before delivery: terms default to 0, other terms are refused naming termsDays', async () => {
    const [rep1, finance] = await Promise.all([t.loginAs('rep1'), t.loginAs('finance1')]);
    const c = await createCustomer(rep1);
    const refused = await propose(finance, c.id, { version: 0, limit: '0.00', grade: 'D', termsDays: 30 }, 422);
    expect(refused.json().error.message).toBe('D 级客户须款到发货，信用期只能为 0 天（填写了 30 天）');
    expect(pathOf(refused)).toBe('termsDays');
    const ok = (await propose(finance, c.id, { version: 0, limit: '0.00', grade: 'D' })).json() as CreditDto;
    expect(ok.pendingRequest!.to).toEqual({ limit: '0.00', termsDays: 0, grade: 'D' });
  });

  it.each([
    ['-0.01', 'limit', '信用额度不能为负数'],
    ['100.001', 'limit', '金额格式不正确（最多两位小数）'],
    [100, 'limit', null],
  ])('limit %s → 400 naming %s; nothing written', async (limit, path, message) => {
    const [rep1, manager] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1')]);
    const c = await createCustomer(rep1);
    const before = await countRows(t, 'credit_change_requests', ws);
    const res = await propose(manager, c.id, { version: 0, limit, grade: 'A' }, 400);
    expect(codeOf(res)).toBe('VALIDATION_FAILED');
    expect(pathOf(res)).toBe(path);
    if (message) expect(res.json().error.details[0].message).toBe(message);
    expect(await countRows(t, 'credit_change_requests', ws)).toBe(before);
  });

  it('terms above 365 days and a missing reason are refused naming the field', async () => {
    const [rep1, manager] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1')]);
    const c = await createCustomer(rep1);
    expect(pathOf(await propose(manager, c.id, { version: 0, limit: '1.00', grade: 'A', termsDays: 366 }, 400))).toBe('termsDays');
    expect(pathOf(await propose(manager, c.id, { version: 0, limit: '1.00', grade: 'A', reason: '  ' }, 400))).toBe('reason');
  });

  it('the same values as the profile are refused as no change', async () => {
    const [rep1, manager, finance, vp] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1'), t.loginAs('finance1'), t.loginAs('vp')]);
    const c = await createCustomer(rep1);
    const id = ((await propose(manager, c.id, { version: 0, limit: '10000.00', grade: 'B' })).json() as CreditDto).pendingRequest!.approvalId!;
    await approve(finance, id);
    await approve(vp, id);
    const res = await propose(manager, c.id, { version: 1, limit: '10000', grade: 'B', termsDays: 60 }, 422);
    expect(res.json().error.message).toBe('申请的额度、信用期和等级与当前信用档案相同，无需变更');
  });
});

describe('concurrent proposals (version)', () => {
  it('two proposals with the same version at once: one is accepted, the other gets 409; a later one with that version too', async () => {
    const [rep1, manager, finance] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1'), t.loginAs('finance1')]);
    const c = await createCustomer(rep1);
    const before = await countRows(t, 'credit_change_requests', ws);
    const results = await Promise.all([
      manager.post(`/api/v1/customers/${c.id}/credit/change-requests`, { version: 0, limit: '10000.00', grade: 'B', reason: '甲' }),
      finance.post(`/api/v1/customers/${c.id}/credit/change-requests`, { version: 0, limit: '20000.00', grade: 'B', reason: '乙' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await countRows(t, 'credit_change_requests', ws)).toBe(before + 1);
    const again = await finance.post(`/api/v1/customers/${c.id}/credit/change-requests`, { version: 0, limit: '30000.00', grade: 'B', reason: '丙' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该客户已有一项信用变更在审批中，请等待审批完成');
  });

  it('a stale profile version gets 409 and writes nothing', async () => {
    const [rep1, manager, finance, vp] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1'), t.loginAs('finance1'), t.loginAs('vp')]);
    const c = await createCustomer(rep1);
    const id = ((await propose(manager, c.id, { version: 0, limit: '10000.00', grade: 'B' })).json() as CreditDto).pendingRequest!.approvalId!;
    await approve(finance, id);
    await approve(vp, id);
    const before = await countRows(t, 'credit_change_requests', ws);
    const res = await manager.post(`/api/v1/customers/${c.id}/credit/change-requests`, { version: 0, limit: '20000.00', grade: 'B', reason: '旧版本' });
    expect(res.statusCode).toBe(409);
    expect(codeOf(res)).toBe('CONFLICT');
    expect(await countRows(t, 'credit_change_requests', ws)).toBe(before);
  });
});

describe('the credit list for finance and managers', () => {
  it('filters by grade, no profile yet, pending change and owner; scope applies (a supervisor sees his team only); reps get 403', async () => {
    const [rep1, rep3, manager, finance, vp, sup] = await loginAll(t, ['rep1', 'rep3', 'manager1', 'finance1', 'vp', 'supervisor1'] as const);
    const tag = `信用列表${process.pid}`;
    const a = await createCustomer(rep1, { name: `${tag}甲公司` });
    const b = await createCustomer(rep1, { name: `${tag}乙公司` });
    const d = await createCustomer(rep3, { name: `${tag}丙公司` });
    const id = ((await propose(manager, a.id, { version: 0, limit: '80000.00', grade: 'A' })).json() as CreditDto).pendingRequest!.approvalId!;
    await approve(finance, id);
    await approve(vp, id);
    await propose(manager, b.id, { version: 0, limit: '5000.00', grade: 'C' });

    const q = `q=${encodeURIComponent(tag)}`;
    const all: CreditProfileListItemDto[] = [];
    let cursor: string | null = null;
    do {
      const res = await finance.get(`/api/v1/credit-profiles?${q}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: CreditProfileListItemDto[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(1);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    // one per page, by name: every customer once
    expect(all.map((r) => r.customerId).sort()).toEqual([a.id, b.id, d.id].sort());
    expect(all.find((r) => r.customerId === a.id)).toMatchObject({ hasProfile: true, grade: 'A', limit: '80000.00', exposure: '0.00', available: '80000.00', termsDays: 90, hasPendingRequest: false, version: 1 });
    expect(all.find((r) => r.customerId === b.id)).toMatchObject({ hasProfile: false, grade: null, limit: '0.00', hasPendingRequest: true });
    const ids3 = async (client: Client, filter: string) => (await allPages<CreditProfileListItemDto>(client, `/api/v1/credit-profiles?${q}&${filter}`)).map((r) => r.customerId).sort();
    expect(await ids3(finance, 'grade=A')).toEqual([a.id]);
    expect(await ids3(finance, 'hasProfile=false')).toEqual([b.id, d.id].sort());
    expect(await ids3(finance, 'pending=true')).toEqual([b.id]);
    expect(await ids3(finance, `ownerId=${ids.rep3}`)).toEqual([d.id]);
    expect(await ids3(finance, `orgNodeId=${t.demo.departmentIds.sales2}`)).toEqual([d.id]);
    // exposure is 0.00 until receivables, orders and shipments exist: nobody is over the limit yet
    expect(await ids3(finance, 'overLimit=true')).toEqual([]);
    expect(await ids3(sup, 'grade=A&pending=false')).toEqual([a.id]);
    expect((await allPages<CreditProfileListItemDto>(sup, `/api/v1/credit-profiles?${q}`)).map((r) => r.customerId).sort()).toEqual([a.id, b.id].sort());
    expect((await rep1.get('/api/v1/credit-profiles')).statusCode).toBe(403);
    expect((await rep3.get('/api/v1/credit-profiles.xlsx')).statusCode).toBe(403);
    expect((await (await t.loginAs('warehouse1')).get('/api/v1/credit-profiles')).statusCode).toBe(403);
  });

  it('exports the filtered list as xlsx with amounts as numbers; the export is audited', async () => {
    const [rep1, manager, finance, vp] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1'), t.loginAs('finance1'), t.loginAs('vp')]);
    const tag = `信用导出${process.pid}`;
    const a = await createCustomer(rep1, { name: `${tag}甲公司` });
    await createCustomer(rep1, { name: `${tag}乙公司` });
    const id = ((await propose(manager, a.id, { version: 0, limit: '123456.78', grade: 'B' })).json() as CreditDto).pendingRequest!.approvalId!;
    await approve(finance, id);
    await approve(vp, id);
    const res = await finance.get(`/api/v1/credit-profiles.xlsx?q=${encodeURIComponent(tag)}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('客户信用');
    expect(sheet.getRow(1).values).toEqual([undefined, '客户', '负责人', '部门', '信用等级', '信用额度', '信用占用', '可用额度', '信用期（天）', '生效日期', '超额度', '变更审批中']);
    expect(sheet.rowCount).toBe(3);
    const rowOf = (name: string) => [2, 3].map((n) => sheet.getRow(n)).find((r) => r.getCell(1).value === name)!;
    expect(rowOf(`${tag}甲公司`).getCell(2).value).toBe('陈静');
    expect(rowOf(`${tag}甲公司`).getCell(4).value).toBe('B');
    expect(rowOf(`${tag}甲公司`).getCell(5).value).toBe(123456.78);
    expect(rowOf(`${tag}甲公司`).getCell(8).value).toBe(60);
    expect(rowOf(`${tag}乙公司`).getCell(4).value).toBe('未建档');
    expect(rowOf(`${tag}乙公司`).getCell(5).value).toBe(0);
    const audit = await auditRows(t, ws, { entity: 'credit_profile', action: 'export' });
    expect(audit.at(-1)).toMatchObject({ actorId: ids.finance1 });
  });
});

describe('customer merge keeps credit records', () => {
  it("the duplicate's profile and history move to a survivor without one; a pending change stops the merge", async () => {
    const [rep1, manager, finance, vp, sup] = await loginAll(t, ['rep1', 'manager1', 'finance1', 'vp', 'supervisor1'] as const);
    const survivor = await createCustomer(rep1);
    const duplicate = await createCustomer(rep1);
    const id = ((await propose(manager, duplicate.id, { version: 0, limit: '40000.00', grade: 'B' })).json() as CreditDto).pendingRequest!.approvalId!;
    let res = await sup.post(`/api/v1/customers/${survivor.id}/merge`, { duplicateId: duplicate.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('该客户已有一项信用变更在审批中，请等待审批完成');
    await approve(finance, id);
    await approve(vp, id);
    res = await sup.post(`/api/v1/customers/${survivor.id}/merge`, { duplicateId: duplicate.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(await credit(finance, survivor.id)).toMatchObject({ hasProfile: true, limit: '40000.00', grade: 'B' });
    const history = (await finance.get(`/api/v1/customers/${survivor.id}/credit/history`)).json() as CreditHistoryPage;
    expect(history.items.map((h) => h.to.limit)).toEqual(['40000.00']);
  });
});

describe('demo data', () => {
  it('most owned demo customers have a profile, grades A–D, C within the cap, D cash only; a pending change waits for finance; some histories have two steps', async () => {
    const { seedDemoWorkspace } = await import('../../../seed/demo.js');
    const suffix = `_cd${process.pid}`;
    const demo = await seedDemoWorkspace(t.handle, { usernameSuffix: suffix, name: `信用演示${suffix}`, pendingPolicyChange: false, pendingCreditChange: true });
    const { login } = await import('../../../../../test/harness.js');
    const finance = await login(t.app, `finance1${suffix}`);
    const rows = await allPages<CreditProfileListItemDto>(finance, '/api/v1/credit-profiles');
    const withProfile = rows.filter((r) => r.hasProfile);
    expect(withProfile.length / rows.length).toBeGreaterThan(0.7);
    expect(new Set(withProfile.map((r) => r.grade))).toEqual(new Set(['A', 'B', 'C', 'D']));
    for (const r of withProfile.filter((p) => p.grade === 'C')) expect(money.compare(r.limit, '50000.00'), r.limit).toBeLessThanOrEqual(0);
    for (const r of withProfile.filter((p) => p.grade === 'D')) expect(r.termsDays).toBe(0);
    const pending = rows.filter((r) => r.hasPendingRequest);
    expect(pending).toHaveLength(1);
    expect(pending[0]!.owner!.id).toBe(demo.userIds.rep1);
    const inbox = (await finance.get('/api/v1/approvals?status=pending&assignee=me')).json() as { items: ApprovalDto[] };
    expect(inbox.items.map((a) => a.documentType)).toEqual(['credit_change']);
    const twoSteps = await Promise.all(withProfile.filter((r) => r.version === 2).slice(0, 3).map(async (r) =>
      ((await finance.get(`/api/v1/customers/${r.customerId}/credit/history`)).json() as CreditHistoryPage).items));
    expect(twoSteps.length).toBeGreaterThan(0);
    for (const items of twoSteps) {
      expect(items).toHaveLength(2);
      expect(items[1]!.from).toBeNull();
      expect(items[0]!.from).toEqual(items[1]!.to);
      expect(items[0]!.effectiveFrom > items[1]!.effectiveFrom).toBe(true);
    }
  });
});
