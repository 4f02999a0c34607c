import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import type { DeferralDto, DunningQueue, DunningRunResult } from '../../../../shared/contracts/dunning.contract.js';
import { addDays, addMonths, todayIn } from '../../../../shared/dates.js';
import { newId } from '../../../platform/db/columns.js';
import { outbox } from '../../../platform/notifications/notifications.schema.js';
import { tasks } from '../../activities/activities.schema.js';
import { receivables } from '../../receivables/receivables.schema.js';
import { lineOverdue } from './dunning.fixtures.js';
import { dunningTodos } from '../dunning.schema.js';
import { runDunningSweep } from '../dunning.sweep.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const ids = t.demo.userIds as Record<string, string>;
const today = todayIn('Asia/Shanghai');

async function run(client: Client, asOf?: string): Promise<DunningRunResult> {
  const res = await client.post('/api/v1/dunning/run', asOf ? { asOf } : {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DunningRunResult;
}
/** The sweep's to-dos of a line: the bookkeeping row and its task. */
async function todosOfLine(receivableId: string) {
  return t.handle.db.select({ step: dunningTodos.step, closedOn: dunningTodos.closedOn, taskId: dunningTodos.taskId, status: tasks.status, action: tasks.action, assigneeId: tasks.assigneeId, remindedFor: tasks.remindedFor })
    .from(dunningTodos).innerJoin(tasks, and(eq(tasks.workspaceId, dunningTodos.workspaceId), eq(tasks.id, dunningTodos.taskId)))
    .where(and(eq(dunningTodos.workspaceId, ws), eq(dunningTodos.receivableId, receivableId))).orderBy(dunningTodos.step);
}

describe('the daily dunning computation (催款待办)', () => {
  it('gives the owner ONE to-do for the due step; the same day again and the next day create nothing; logging the step closes it', async () => {
    const { receivableId, customerName, rep1 } = await lineOverdue(t, 45, 'C');
    const finance = await t.loginAs('finance1');
    const first = await run(finance, addDays(today, -1));
    expect(first).toMatchObject({ asOf: addDays(today, -1) });
    expect(first.lines).toBeGreaterThanOrEqual(first.due);
    expect(first.created).toBeGreaterThanOrEqual(1);
    const [todo, ...more] = await todosOfLine(receivableId);
    expect(more).toHaveLength(0);
    expect(todo).toMatchObject({ step: 'notice', closedOn: null, status: 'open', assigneeId: ids.rep1, remindedFor: addDays(today, -1) });
    expect(todo!.action).toMatch(new RegExp(`^催款：${customerName} .+ 应发催款通知书（逾期 44 天，未收 30000\\.00 元）$`));

    // the same asOf twice, then the next day: nothing new anywhere
    expect((await run(finance, addDays(today, -1))).created).toBe(0);
    await run(finance);
    expect((await run(finance)).created).toBe(0);
    expect(await todosOfLine(receivableId)).toHaveLength(1);

    // the rep logs the notice: the to-do is done at once; the next run keeps it closed and makes no lawyer's-letter to-do (due at 60 days)
    const res = await rep1.post(`/api/v1/dunning/${receivableId}/steps`, { step: 'notice' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await todosOfLine(receivableId)).toMatchObject([{ step: 'notice', closedOn: today, status: 'done' }]);
    await run(finance);
    expect(await todosOfLine(receivableId)).toMatchObject([{ step: 'notice', status: 'done' }]);
  });

  it('a step logged straight in the database (another node) is caught by the sweep: the stale to-do closes and the next due rung gets its own', async () => {
    const { receivableId } = await lineOverdue(t, 70, 'D');
    const finance = await t.loginAs('finance1');
    await run(finance);
    expect(await todosOfLine(receivableId)).toMatchObject([{ step: 'notice', status: 'open' }]);
    await t.handle.db.execute(sql`insert into dunning_steps (workspace_id, id, receivable_id, customer_id, step, status, acted_on, acted_by)
      select workspace_id, ${newId()}, id, customer_id, 'notice', 'done', ${today}::date, ${ids.finance1} from receivables where workspace_id = ${ws} and id = ${receivableId}`);
    const r = await run(finance);
    expect(r.closed).toBeGreaterThanOrEqual(1);
    // 70 days overdue: the lawyer's letter (60 days) is due now
    expect(await todosOfLine(receivableId)).toMatchObject([
      { step: 'lawyer_letter', status: 'open', closedOn: null },
      { step: 'notice', status: 'done', closedOn: today },
    ]);
  });

  it.each([
    ['paid', { status: 'paid', received: '30000.00', paidOn: today }],
    ['written off', { status: 'written_off', writtenOffOn: today }],
    ['deferred (no longer overdue)', { dueDate: addDays(today, 30), deferredFrom: addDays(today, -20) }],
  ] as const)('closes the to-do of a line %s', async (_, change) => {
    const { receivableId } = await lineOverdue(t, 20);
    const finance = await t.loginAs('finance1');
    await run(finance);
    expect(await todosOfLine(receivableId)).toMatchObject([{ step: 'notice', status: 'open' }]);
    await t.handle.db.update(receivables).set(change).where(and(eq(receivables.workspaceId, ws), eq(receivables.id, receivableId)));
    const r = await run(finance);
    expect(r.closed).toBeGreaterThanOrEqual(1);
    expect(await todosOfLine(receivableId)).toMatchObject([{ step: 'notice', status: 'done', closedOn: today }]);
    expect((await run(finance)).closed).toBe(0);
  });

  it('notifies each owner once per run (not once per line), and audits the run', async () => {
    const a = await lineOverdue(t, 3);
    const b = await lineOverdue(t, 4);
    const admin = await t.loginAs('admin');
    const before = await t.handle.db.select().from(outbox).where(and(eq(outbox.workspaceId, ws), eq(outbox.topic, 'dunning.todos')));
    const r = await run(admin);
    expect(r.created).toBeGreaterThanOrEqual(2);
    expect(await todosOfLine(a.receivableId)).toHaveLength(1);
    expect(await todosOfLine(b.receivableId)).toHaveLength(1);
    const after = await t.handle.db.select().from(outbox).where(and(eq(outbox.workspaceId, ws), eq(outbox.topic, 'dunning.todos')));
    const fresh = after.filter((o) => !before.some((x) => x.id === o.id)).map((o) => o.payload as { ownerId: string; count: number; notify: { kind: string } });
    expect(fresh.filter((p) => p.ownerId === ids.rep1)).toHaveLength(1);
    expect(fresh.find((p) => p.ownerId === ids.rep1)).toMatchObject({ count: 2, notify: { kind: 'dunning_todos' } });
    const audits = await auditRows(t, ws, { entity: 'dunning', action: 'sweep' });
    expect(audits.at(-1)).toMatchObject({ actorId: ids.admin, after: { asOf: today, created: r.created } });
  });

  it('POST /dunning/run: asOf in the future is 422 naming asOf; only finance and the administrator may run it', async () => {
    const finance = await t.loginAs('finance1');
    const res = await finance.post('/api/v1/dunning/run', { asOf: addDays(today, 1) });
    expect(res.statusCode, res.body).toBe(422);
    expect((res.json() as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe('asOf');
    for (const who of ['rep1', 'supervisor1', 'manager1', 'gm', 'vp', 'warehouse1', 'cs1', 'reception1']) {
      expect((await (await t.loginAs(who)).post('/api/v1/dunning/run', {})).statusCode, who).toBe(403);
    }
  });

  it('runs from a script on the handle and on a transaction-less Database alike', async () => {
    const { receivableId } = await lineOverdue(t, 8);
    const r = await runDunningSweep(t.handle, { workspaceId: ws, asOf: today, batchSize: 2 });
    expect(r.lines).toBeGreaterThan(4); // several keyset batches
    expect(await todosOfLine(receivableId)).toHaveLength(1);
    expect((await runDunningSweep(t.handle.db, { workspaceId: ws, asOf: today, batchSize: 3 })).created).toBe(0);
  });
});

describe('the paged dunning queue', () => {
  it('pages earliest due first with nextCursor, and applies step/dueOnly before paging, beyond the first chunk read', async () => {
    // 620 old lines (notice due) ahead of one line whose next step is the lawyer's letter
    const filler = await lineOverdue(t, 0);
    const [base] = await t.handle.db.select().from(receivables).where(and(eq(receivables.workspaceId, ws), eq(receivables.id, filler.receivableId)));
    await t.handle.db.insert(receivables).values(Array.from({ length: 620 }, (_, i) => ({
      workspaceId: ws, contractId: base!.contractId, planIndex: 100 + i, customerId: base!.customerId, ownerId: base!.ownerId, kind: 'progress',
      dueDate: addDays(today, -3000 + (i % 5)), amount: '10.00', received: '0.00', status: 'open',
    })));
    const target = await lineOverdue(t, 90, 'D');
    const finance = await t.loginAs('finance1');
    expect((await finance.post(`/api/v1/dunning/${target.receivableId}/steps`, { step: 'notice' })).statusCode).toBe(201);

    const filtered = (await finance.get(`/api/v1/dunning?asOf=${today}&step=lawyer_letter&limit=5`)).json() as DunningQueue;
    const pages: DunningQueue[] = [filtered];
    while (pages.at(-1)!.nextCursor) pages.push((await finance.get(`/api/v1/dunning?asOf=${today}&step=lawyer_letter&limit=5&cursor=${pages.at(-1)!.nextCursor}`)).json() as DunningQueue);
    const found = pages.flatMap((p) => p.items);
    expect(found.every((i) => i.nextStep === 'lawyer_letter')).toBe(true);
    expect(found.find((i) => i.receivableId === target.receivableId)).toMatchObject({ lastStep: 'notice', isDue: true });

    // unfiltered: pages of 200 cover every overdue line once, in (due date, id) order
    const all: DunningQueue['items'] = [];
    let cursor: string | null | undefined;
    do {
      const res = await finance.get(`/api/v1/dunning?asOf=${today}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as DunningQueue;
      expect(page.items.length).toBeLessThanOrEqual(200);
      expect(page.truncated).toBe(page.nextCursor !== null);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all.map((i) => i.receivableId)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(620);
    const keys = all.map((i) => `${i.dueDate}|${i.receivableId}`);
    expect(keys).toEqual([...keys].sort());
    expect((await finance.get('/api/v1/dunning?cursor=bogus')).statusCode).toBe(400);

    // the sweep covers all of them, beyond any cap
    const r = await run(finance);
    expect(r.lines).toBe(all.length);
  });
});

describe('control reports as Excel', () => {
  async function sheetOf(client: Client, url: string) {
    const file = await client.get(url);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    return { header: (sheet.getRow(1).values as unknown[]).slice(1), lines: sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1)) };
  }

  it('credit-execution.xlsx and deferrals-open.xlsx: headers, a line, same permission as the JSON reports', async () => {
    const { receivableId, dueDate, rep1, customerName } = await lineOverdue(t, 25);
    const finance = await t.loginAs('finance1');
    const month = today.slice(0, 7);
    const exec = await sheetOf(finance, `/api/v1/reports/credit-execution.xlsx?month=${month}`);
    expect(exec.header).toEqual(['类别', '单号', '客户', '负责人', '信用等级', '日期', '金额', '信用额度', '信用占用', '超出', '逾期天数']);
    const late = exec.lines.find((l) => l[2] === customerName);
    expect(late).toBeDefined();
    expect(late![0]).toBe('超信用期应收款');
    expect(late![5]).toBe(dueDate);
    expect(late![6]).toBe(30000);

    const d = (await rep1.post('/api/v1/deferrals', { receivableId, newDueDate: addMonths(dueDate, 2), reason: '延期' })).json() as DeferralDto;
    for (const who of ['vp', 'gm']) expect((await (await t.loginAs(who)).post(`/api/v1/approvals/${d.approvalId}/approve`, { comment: '同意' })).statusCode).toBe(200);
    const year = Number(today.slice(0, 4));
    const open = await sheetOf(await t.loginAs('gm'), `/api/v1/reports/deferrals-open.xlsx?year=${year}`);
    expect(open.header).toEqual(['客户', '合同编号', '负责人', '原到期日', '延期至', '批准日期', '未收金额', '状态']);
    expect(open.lines.find((l) => l[0] === customerName)).toEqual(expect.arrayContaining([dueDate, addMonths(dueDate, 2), 30000, 'open']));
    expect(open.lines.at(-1)![0]).toBe('合计');

    for (const who of ['rep1', 'manager1', 'warehouse1', 'admin']) {
      const c = await t.loginAs(who);
      expect((await c.get(`/api/v1/reports/credit-execution.xlsx?month=${month}`)).statusCode, who).toBe(403);
      expect((await c.get(`/api/v1/reports/deferrals-open.xlsx?year=${year}`)).statusCode, who).toBe(403);
    }
    expect((await finance.get('/api/v1/reports/credit-execution.xlsx?month=2026-13')).statusCode).toBe(400);
    expect((await auditRows(t, ws, { entity: 'report', action: 'export' })).map((a) => (a.after as { report: string }).report)).toEqual(expect.arrayContaining(['credit_execution', 'deferrals_open']));
  });
});
