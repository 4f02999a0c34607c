import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import type { ApprovalDto } from '../../../../shared/contracts/approvals.contract.js';
import type { CreditExecutionReport, DeferralDto, DeferralsOpenReport, DunningLogEntryDto, DunningQueue } from '../../../../shared/contracts/dunning.contract.js';
import { addDays, addMonths, todayIn } from '../../../../shared/dates.js';
import { tasks } from '../../activities/activities.schema.js';
import { receivables } from '../../receivables/receivables.schema.js';
import { lineOverdue } from './dunning.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const ids = t.demo.userIds as Record<string, string>;
const today = todayIn('Asia/Shanghai');

const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const pathOf = (res: { json(): unknown }) => (res.json() as { error: { details?: { path: string }[] } }).error.details?.[0]?.path;

async function queue(client: Client, query = ''): Promise<DunningQueue> {
  const res = await client.get(`/api/v1/dunning${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DunningQueue;
}
const lineIn = (q: DunningQueue, id: string) => q.items.find((i) => i.receivableId === id);
async function lineRow(id: string) {
  const [row] = await t.handle.db.select().from(receivables).where(and(eq(receivables.workspaceId, ws), eq(receivables.id, id)));
  return row!;
}
async function approve(client: Client, approvalId: string, status = 200) {
  const res = await client.post(`/api/v1/approvals/${approvalId}/approve`, { comment: '同意' });
  expect(res.statusCode, res.body).toBe(status);
}

describe('deferred payment (延期付款)', () => {
  it('refuses 3 months + 1 day after the original due date with 422 naming newDueDate, and writes nothing', async () => {
    const { receivableId, dueDate, rep1 } = await lineOverdue(t, 0);
    const before = await countRows(t, 'deferral_requests', ws);
    const res = await rep1.post('/api/v1/deferrals', { receivableId, newDueDate: addDays(addMonths(dueDate, 3), 1), reason: '客户资金周转' });
    expect(res.statusCode, res.body).toBe(422);
    expect(codeOf(res)).toBe('RULE_VIOLATION');
    expect(pathOf(res)).toBe('newDueDate');
    expect(await countRows(t, 'deferral_requests', ws)).toBe(before);
    expect((await lineRow(receivableId)).dueDate).toBe(dueDate);
  });

  it('a request at the cap shows payment history and grade, goes to the sales VP then the GM, and on approval moves the due date keeping the original', async () => {
    const { receivableId, dueDate, rep1 } = await lineOverdue(t, 0, 'A');
    const cap = addMonths(dueDate, 3);
    const res = await rep1.post('/api/v1/deferrals', { receivableId, newDueDate: cap, reason: '客户年底资金紧张，申请延期' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as DeferralDto;
    expect(d).toMatchObject({ status: 'pending', originalDueDate: dueDate, maxDueDate: cap, newDueDate: cap, grade: 'A', outstanding: '30000.00' });
    expect(d.history.lines).toBe(2);

    const [vp, gm] = await Promise.all([t.loginAs('vp'), t.loginAs('gm')]);
    const approval = (await vp.get(`/api/v1/approvals/${d.approvalId}`)).json() as ApprovalDto;
    expect(approval.snapshot).toMatchObject({ grade: 'A', newDueDate: cap, history: { lines: 2 } });
    expect(approval.steps.map((s) => s.assignees.map((a) => a.id))).toEqual([[ids.vp], [ids.gm]]);

    const again = await rep1.post('/api/v1/deferrals', { receivableId, newDueDate: cap, reason: '重复申请' });
    expect(again.statusCode).toBe(422);
    expect(pathOf(again)).toBe('receivableId');

    await approve(gm, d.approvalId!, 403); // not the GM's turn yet
    await approve(vp, d.approvalId!);
    expect((await lineRow(receivableId)).dueDate).toBe(dueDate);
    await approve(gm, d.approvalId!);
    const row = await lineRow(receivableId);
    expect(row).toMatchObject({ dueDate: cap, deferredFrom: dueDate, status: 'open' });
    expect((await auditRows(t, ws, { entity: 'receivable', action: 'deferral_approved', entityId: receivableId })).length).toBe(1);
  });

  it('per role: owner and their managers may ask; finance, the VP, the GM and the warehouse may not (403); a rep of another team gets 404', async () => {
    const { receivableId, dueDate } = await lineOverdue(t, 0);
    const body = { receivableId, newDueDate: addDays(dueDate, 10), reason: '测试' };
    for (const who of ['finance1', 'vp', 'gm', 'warehouse1', 'cs1', 'admin']) {
      const res = await (await t.loginAs(who)).post('/api/v1/deferrals', body);
      expect(res.statusCode, who).toBe(403);
    }
    expect((await (await t.loginAs('rep3')).post('/api/v1/deferrals', body)).statusCode).toBe(404);
    const res = await (await t.loginAs('supervisor1')).post('/api/v1/deferrals', body);
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('the dunning ladder (催款)', () => {
  it('GET /dunning is idempotent for one asOf; logging a step moves the next step, the rep gets a to-do and the letter prints', async () => {
    const { receivableId, rep1 } = await lineOverdue(t, 45, 'C');
    const finance = await t.loginAs('finance1');
    expect((await queue(finance, `?asOf=${today}`)).truncated).toBe(false);
    const first = lineIn(await queue(finance, `?asOf=${today}`), receivableId)!;
    expect(first).toMatchObject({ daysOverdue: 45, lastStep: null, nextStep: 'notice', isDue: true, goodStanding: false });
    expect(lineIn(await queue(finance, `?asOf=${today}`), receivableId)).toEqual(first);

    const tasksBefore = await countRows(t, 'tasks', ws);
    const res = await finance.post(`/api/v1/dunning/${receivableId}/steps`, { step: 'notice', note: '已电话沟通，对方称月底付款' });
    expect(res.statusCode, res.body).toBe(201);
    const step = res.json() as DunningLogEntryDto;
    expect(step).toMatchObject({ step: 'notice', status: 'done', actedOn: today, actedBy: { id: ids.finance1 }, deadline: addDays(today, 10), hasLetter: true });
    expect(await countRows(t, 'tasks', ws)).toBe(tasksBefore + 1);
    const [todo] = await t.handle.db.select().from(tasks).where(and(eq(tasks.workspaceId, ws), eq(tasks.assigneeId, ids.rep1!), sql`${tasks.action} like '%催款通知书%'`));
    expect(todo).toBeDefined();

    const after = lineIn(await queue(rep1, `?asOf=${today}`), receivableId)!;
    expect(after).toMatchObject({ lastStep: 'notice', nextStep: 'lawyer_letter', isDue: false, nextStepDueOn: addDays(first.dueDate, 60) });
    expect(after.log).toHaveLength(1);
    // as of yesterday the step had not happened yet
    expect(lineIn(await queue(rep1, `?asOf=${addDays(today, -1)}`), receivableId)).toMatchObject({ lastStep: null, nextStep: 'notice' });
    // filters
    expect(lineIn(await queue(rep1, `?asOf=${today}&step=lawyer_letter`), receivableId)).toBeDefined();
    expect(lineIn(await queue(rep1, `?asOf=${today}&dueOnly=true`), receivableId)).toBeUndefined();

    const pdf = await rep1.get(`/api/v1/dunning/letters/${step.id}.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await (await t.loginAs('rep3')).get(`/api/v1/dunning/letters/${step.id}.pdf`)).statusCode).toBe(404);
  });

  it('a grade A customer a few days late gets a thank-you letter first; a grade C one cannot', async () => {
    const good = await lineOverdue(t, 5, 'A');
    const rep1 = good.rep1;
    expect(lineIn(await queue(rep1), good.receivableId)).toMatchObject({ nextStep: 'thank_you', goodStanding: true, isDue: true });
    const res = await rep1.post(`/api/v1/dunning/${good.receivableId}/steps`, { step: 'thank_you' });
    expect(res.statusCode, res.body).toBe(201);
    expect(lineIn(await queue(rep1), good.receivableId)).toMatchObject({ lastStep: 'thank_you', nextStep: 'notice', isDue: false });
    const letter = await rep1.get(`/api/v1/dunning/letters/${(res.json() as DunningLogEntryDto).id}.pdf`);
    expect(letter.statusCode).toBe(200);

    const bad = await lineOverdue(t, 5, 'C');
    const refused = await rep1.post(`/api/v1/dunning/${bad.receivableId}/steps`, { step: 'thank_you' });
    expect(refused.statusCode).toBe(422);
  });

  it('refuses to write off a line that is not overdue, and writes nothing', async () => {
    const { receivableId } = await lineOverdue(t, 0);
    const finance = await t.loginAs('finance1');
    const [steps, approvals] = await Promise.all([countRows(t, 'dunning_steps', ws), countRows(t, 'approvals', ws)]);
    const res = await finance.post(`/api/v1/dunning/${receivableId}/steps`, { step: 'write_off', note: '客户已注销' });
    expect(res.statusCode, res.body).toBe(422);
    expect(codeOf(res)).toBe('RULE_VIOLATION');
    expect(await countRows(t, 'dunning_steps', ws)).toBe(steps);
    expect(await countRows(t, 'approvals', ws)).toBe(approvals);
    expect((await lineRow(receivableId)).status).toBe('open');
  });

  it('a write-off is requested by finance only and approved by the sales manager: the line becomes written_off on that day', async () => {
    const { receivableId, rep1, manager1 } = await lineOverdue(t, 200, 'D');
    const byRep = await rep1.post(`/api/v1/dunning/${receivableId}/steps`, { step: 'write_off' });
    expect(byRep.statusCode).toBe(403);
    const finance = await t.loginAs('finance1');
    const res = await finance.post(`/api/v1/dunning/${receivableId}/steps`, { step: 'write_off', note: '客户破产清算' });
    expect(res.statusCode, res.body).toBe(201);
    const step = res.json() as DunningLogEntryDto;
    expect(step).toMatchObject({ step: 'write_off', status: 'pending' });
    expect(lineIn(await queue(finance), receivableId)).toMatchObject({ writeOffPending: true, nextStep: null });
    expect((await finance.post(`/api/v1/dunning/${receivableId}/steps`, { step: 'notice' })).statusCode).toBe(422);
    expect((await lineRow(receivableId)).status).toBe('open');

    await approve(manager1, step.approvalId!);
    expect(await lineRow(receivableId)).toMatchObject({ status: 'written_off', writtenOffOn: today });
    expect(lineIn(await queue(finance), receivableId)).toBeUndefined();
  });

  it('per role: the sales side, finance, GM and VP read the queue; warehouse, CS, front desk and admin get 403; another team does not see the line', async () => {
    const { receivableId } = await lineOverdue(t, 10);
    for (const who of ['rep1', 'supervisor1', 'manager1', 'finance1', 'gm', 'vp']) {
      const q = await queue(await t.loginAs(who));
      expect(lineIn(q, receivableId), who).toBeDefined();
    }
    expect(lineIn(await queue(await t.loginAs('rep3')), receivableId)).toBeUndefined();
    for (const who of ['warehouse1', 'cs1', 'csm', 'reception1', 'admin']) {
      expect((await (await t.loginAs(who)).get('/api/v1/dunning')).statusCode, who).toBe(403);
      expect((await (await t.loginAs(who)).post(`/api/v1/dunning/${receivableId}/steps`, { step: 'notice' })).statusCode, who).toBe(403);
    }
    for (const who of ['gm', 'vp']) {
      expect((await (await t.loginAs(who)).post(`/api/v1/dunning/${receivableId}/steps`, { step: 'notice' })).statusCode, who).toBe(403);
    }
  });
});

describe('credit control reports', () => {
  it('the monthly credit-execution audit lists lines past their terms; the year-end list shows an approved deferral not cleared', async () => {
    const { receivableId, dueDate, rep1 } = await lineOverdue(t, 20);
    const finance = await t.loginAs('finance1');
    const month = today.slice(0, 7);
    const res = await finance.get(`/api/v1/reports/credit-execution?month=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as CreditExecutionReport;
    expect(report.termsExceeded.find((l) => l.receivableId === receivableId)).toMatchObject({ outstanding: '30000.00' });
    expect((await finance.get('/api/v1/reports/credit-execution?month=2026-13')).statusCode).toBe(400);

    const d = (await rep1.post('/api/v1/deferrals', { receivableId, newDueDate: addMonths(dueDate, 2), reason: '延期' })).json() as DeferralDto;
    await approve(await t.loginAs('vp'), d.approvalId!);
    await approve(await t.loginAs('gm'), d.approvalId!);
    const year = Number(today.slice(0, 4));
    const open = (await finance.get(`/api/v1/reports/deferrals-open?year=${year}`)).json() as DeferralsOpenReport;
    expect(open.items.find((i) => i.receivableId === receivableId)).toMatchObject({ originalDueDate: dueDate, deferredTo: addMonths(dueDate, 2), outstanding: '30000.00' });
    const last = (await finance.get(`/api/v1/reports/deferrals-open?year=${year - 1}`)).json() as DeferralsOpenReport;
    expect(last.items.find((i) => i.receivableId === receivableId)).toBeUndefined();
  });

  it('per role: finance, GM and VP read the reports; sales and warehouse get 403', async () => {
    for (const who of ['finance1', 'gm', 'vp']) {
      expect((await (await t.loginAs(who)).get('/api/v1/reports/deferrals-open?year=2026')).statusCode, who).toBe(200);
    }
    for (const who of ['rep1', 'manager1', 'warehouse1', 'admin']) {
      expect((await (await t.loginAs(who)).get('/api/v1/reports/credit-execution?month=2026-11')).statusCode, who).toBe(403);
    }
  });
});
