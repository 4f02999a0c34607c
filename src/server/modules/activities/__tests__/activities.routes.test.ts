import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows, seedWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import { EXAMPLE_ID } from '../../../../shared/contracts/common.contract.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { allPages, createCustomer, loginAll, notificationsOf } from '../../customers/__tests__/customers.fixtures.js';
import { tasks } from '../activities.schema.js';
import { contactOf, customerRow, insertOpportunity, logActivity, type ActivityBody } from './activities.fixtures.js';

const t = await setupTestApp();
const today = todayIn('Asia/Shanghai');
const ws = t.demo.workspaceId;
const ids = t.demo.userIds as Record<string, string>;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

interface CallReportBody {
  id: string; version: number; status: string; sentAt: string | null; to: { id: string }[]; cc: { id: string }[];
  actionItems: { index: number; assigneeId: string; taskId: string | null; taskStatus: string | null; dueDate: string }[]; [k: string]: unknown;
}
interface TaskBody { id: string; version: number; status: string; assigneeId: string; dueDate: string; reminderAt: string | null; callReportId: string | null; action: string }
interface TimelineBody { kind: string; id: string; at: string; userId: string | null; title: string }

describe('logging activities', () => {
  it('logs a done visit on my customer, which restarts its pool-recycle clock, audited', async () => {
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1);
    const contact = await contactOf(t, customer.id);
    const activity = await logActivity(rep1, { customerId: customer.id, contactId: contact?.id ?? null, subject: '拜访采购经理', notes: '介绍新产品线', occurredAt: hoursAgo(2) });
    expect(activity).toMatchObject({ status: 'done', ownerId: ids.rep1, customerId: customer.id, customerName: customer.name, type: 'visit', callReportId: null });
    expect((await customerRow(t, customer.id)).lastFollowUpOn).toBe(todayIn('Asia/Shanghai', new Date(Date.now() - 2 * 3_600_000)));
    expect((await auditRows(t, ws, { entity: 'activity', entityId: activity.id })).map((a) => a.action)).toEqual(['create']);
  });

  it('plans a call ahead (no follow-up yet), then completing it counts as the follow-up', async () => {
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1);
    const before = (await customerRow(t, customer.id)).lastFollowUpOn;
    const planned = await logActivity(rep1, { customerId: customer.id, type: 'call', subject: '电话确认需求', occurredAt: inDays(2) });
    expect(planned.status).toBe('planned');
    expect((await customerRow(t, customer.id)).lastFollowUpOn).toBe(before);
    const res = await rep1.post(`/api/v1/activities/${planned.id}/complete`, { version: planned.version, outcome: '客户确认预算 80 万' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', outcome: '客户确认预算 80 万', version: planned.version + 1 });
    // planned for later, done now: it happened now, so the follow-up is today
    expect((await customerRow(t, customer.id)).lastFollowUpOn).toBe(today);
    expect((await rep1.post(`/api/v1/activities/${planned.id}/complete`, { version: planned.version + 1 })).statusCode).toBe(422);
  });

  it('an e-mail does not count as a follow-up', async () => {
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1);
    const before = (await customerRow(t, customer.id)).lastFollowUpOn;
    await logActivity(rep1, { customerId: customer.id, type: 'email', subject: '发送资料' });
    expect((await customerRow(t, customer.id)).lastFollowUpOn).toBe(before);
  });

  it('edits a planned activity with its version; a stale version gets 409 and changes nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1);
    const planned = await logActivity(rep1, { customerId: customer.id, occurredAt: inDays(3) });
    const ok = await rep1.patch(`/api/v1/activities/${planned.id}`, { version: planned.version, subject: '拜访技术总监', location: '张江园区' });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await rep1.patch(`/api/v1/activities/${planned.id}`, { version: planned.version, subject: '被覆盖' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const now = (await rep1.get(`/api/v1/activities/${planned.id}`)).json() as ActivityBody;
    expect(now).toMatchObject({ subject: '拜访技术总监', location: '张江园区', version: planned.version + 1 });
    const cancelled = await rep1.patch(`/api/v1/activities/${planned.id}`, { version: now.version, status: 'cancelled' });
    expect(cancelled.json().status).toBe('cancelled');
    expect((await rep1.patch(`/api/v1/activities/${planned.id}`, { version: now.version + 1, subject: 'x' })).statusCode).toBe(422);
    expect((await rep1.post(`/api/v1/activities/${planned.id}/complete`, { version: now.version + 1 })).statusCode).toBe(422);
  });

  it.each([
    ['unknown type', { type: 'fax' }, 'type'],
    ['missing subject', { subject: undefined }, 'subject'],
    ['blank subject', { subject: '   ' }, 'subject'],
    ['occurredAt not an instant', { occurredAt: '2026-13-01' }, 'occurredAt'],
    ['negative duration', { durationMinutes: -5 }, 'durationMinutes'],
    ['unknown customer', { customerId: EXAMPLE_ID }, 'customerId'],
    ['unknown opportunity', { opportunityId: EXAMPLE_ID }, 'opportunityId'],
    ['unknown contact', { contactId: EXAMPLE_ID }, 'contactId'],
    ['unknown field', { mood: 'great' }, 'mood'],
  ])('refuses %s naming the field (zh-CN and en-US) and writes nothing', async (_label, extra, path) => {
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1);
    const before = await countRows(t, 'activities', ws);
    const body = { type: 'visit', subject: '拜访', occurredAt: hoursAgo(1), customerId: customer.id, ...extra };
    for (const [lang, pattern] of [['zh-CN', /[\u4e00-\u9fa5]/], ['en-US', /[A-Za-z]/]] as const) {
      const res = await rep1.post('/api/v1/activities', body, { 'accept-language': lang });
      expect(res.statusCode, res.body).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(error.message).toMatch(pattern);
    }
    expect(await countRows(t, 'activities', ws)).toBe(before);
  });

  it("refuses an activity on another rep's customer (400 customerId), or logged for someone outside my scope", async () => {
    const [rep1, rep3] = [await t.loginAs('rep1'), await t.loginAs('rep3')];
    const theirs = await createCustomer(rep3);
    const before = await countRows(t, 'activities', ws);
    const res = await rep1.post('/api/v1/activities', { type: 'visit', subject: '拜访', occurredAt: hoursAgo(1), customerId: theirs.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('customerId');
    const mine = await createCustomer(rep1);
    const forOther = await rep1.post('/api/v1/activities', { type: 'visit', subject: '拜访', occurredAt: hoursAgo(1), customerId: mine.id, ownerId: ids.rep2 });
    expect(forOther.statusCode).toBe(400);
    expect(forOther.json().error.details[0].path).toBe('ownerId');
    expect(await countRows(t, 'activities', ws)).toBe(before);
  });

  it("refuses an opportunity of another customer (400 opportunityId)", async () => {
    const rep1 = await t.loginAs('rep1');
    const [a, b] = [await createCustomer(rep1), await createCustomer(rep1)];
    const opportunityOfB = await insertOpportunity(t, ws, b.id, ids.rep1!);
    const res = await rep1.post('/api/v1/activities', { type: 'visit', subject: '拜访', occurredAt: hoursAgo(1), customerId: a.id, opportunityId: opportunityOfB });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('opportunityId');
    // the opportunity alone gives the customer
    const viaOpportunity = await logActivity(rep1, { opportunityId: opportunityOfB, customerId: undefined });
    expect(viaOpportunity).toMatchObject({ customerId: b.id, opportunityId: opportunityOfB, opportunityName: '产线改造项目' });
  });
});

describe('who sees which activities', () => {
  it('a rep sees only their own; the supervisor their team; the GM everyone; finance and admin no activities at all', async () => {
    const [rep1, rep2, rep3, supervisor, gm, finance, admin] = await loginAll(t, ['rep1', 'rep2', 'rep3', 'supervisor1', 'gm', 'finance1', 'admin'] as const);
    const a1 = await logActivity(rep1, { customerId: (await createCustomer(rep1)).id });
    const a2 = await logActivity(rep2, { customerId: (await createCustomer(rep2)).id });
    const a3 = await logActivity(rep3, { customerId: (await createCustomer(rep3)).id });
    const seen = async (c: typeof rep1) => new Set((await allPages<ActivityBody>(c, '/api/v1/activities')).map((a) => a.id));
    const [s1, s2, sSup, sGm] = [await seen(rep1), await seen(rep2), await seen(supervisor), await seen(gm)];
    expect([s1.has(a1.id), s1.has(a2.id), s1.has(a3.id)]).toEqual([true, false, false]);
    expect([s2.has(a1.id), s2.has(a2.id)]).toEqual([false, true]);
    expect([sSup.has(a1.id), sSup.has(a2.id), sSup.has(a3.id)]).toEqual([true, true, false]);
    expect([sGm.has(a1.id), sGm.has(a2.id), sGm.has(a3.id)]).toEqual([true, true, true]);
    expect((await rep2.get(`/api/v1/activities/${a1.id}`)).statusCode).toBe(404);
    expect((await rep2.patch(`/api/v1/activities/${a1.id}`, { version: 1, subject: 'x' })).statusCode).toBe(404);
    expect((await finance.get('/api/v1/activities')).statusCode).toBe(403);
    expect((await admin.get('/api/v1/activities')).statusCode).toBe(403);
    expect((await finance.post('/api/v1/activities', { type: 'visit', subject: 'x', occurredAt: hoursAgo(1), customerId: a1.customerId })).statusCode).toBe(403);
  });

  it('filters by owner (me), customer, type, status and date range, and pages without repeats', async () => {
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await logActivity(rep1, { customerId: customer.id, type: i % 2 ? 'call' : 'visit', occurredAt: hoursAgo(30 + i) }));
    await logActivity(rep1, { customerId: customer.id, type: 'demo', occurredAt: inDays(5) });
    const mine = await allPages<ActivityBody>(rep1, `/api/v1/activities?ownerId=me&customerId=${customer.id}`);
    expect(mine).toHaveLength(6);
    const paged: ActivityBody[] = [];
    let cursor: string | null = null;
    do {
      const res = await rep1.get(`/api/v1/activities?customerId=${customer.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json() as { items: ActivityBody[]; nextCursor: string | null };
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((a) => a.id)).toEqual(mine.map((a) => a.id));
    expect(new Set(paged.map((a) => a.id)).size).toBe(6);
    // newest first
    expect([...paged].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)).map((a) => a.id)).toEqual(paged.map((a) => a.id));
    expect(await allPages(rep1, `/api/v1/activities?customerId=${customer.id}&type=call`)).toHaveLength(2);
    expect(await allPages(rep1, `/api/v1/activities?customerId=${customer.id}&status=planned`)).toHaveLength(1);
    const future = addDays(today, 4);
    expect(await allPages(rep1, `/api/v1/activities?customerId=${customer.id}&from=${future}`)).toHaveLength(1);
    expect(await allPages(rep1, `/api/v1/activities?customerId=${customer.id}&to=${addDays(today, -3)}`)).toHaveLength(0);
    expect((await rep1.get('/api/v1/activities?cursor=garbage')).statusCode).toBe(400);
  });
});

describe('call reports', () => {
  it('sending notifies TO and CC in-app and turns action items into tasks with owner, due date and a 09:00 reminder', async () => {
    const [rep1, rep2, supervisor] = [await t.loginAs('rep1'), await t.loginAs('rep2'), await t.loginAs('supervisor1')];
    const customer = await createCustomer(rep1);
    const visit = await logActivity(rep1, { customerId: customer.id, occurredAt: hoursAgo(1) });
    const due = addDays(today, 3);
    const res = await rep1.post('/api/v1/call-reports', {
      activityId: visit.id, purpose: '了解扩产计划', notes: '客户计划明年一季度新建两条产线',
      message: { budget: '约 200 万，已列入年度预算', orgChart: '总经理—设备部—采购部', decisionModel: '设备部提需求，总经理拍板', competitors: '两家国外品牌' },
      to: [ids.supervisor1], cc: [ids.rep2],
      actionItems: [{ action: '准备技术方案', assigneeId: ids.rep1, dueDate: due }, { action: '安排样机演示', assigneeId: ids.rep2, dueDate: due }],
      send: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json() as CallReportBody;
    // the report is dated on the visit's day (workspace zone)
    expect(report).toMatchObject({ status: 'sent', customerId: customer.id, company: customer.name, reportDate: todayIn('Asia/Shanghai', new Date(visit.occurredAt)), activityId: visit.id });
    expect(report.sentAt).not.toBeNull();
    expect(report.to.map((u) => u.id)).toEqual([ids.supervisor1]);
    expect(report.cc.map((u) => u.id)).toEqual([ids.rep2]);
    expect(report.actionItems.every((i) => i.taskId && i.taskStatus === 'open')).toBe(true);
    expect((await rep1.get(`/api/v1/activities/${visit.id}`)).json().callReportId).toBe(report.id);

    const supNotes = (await notificationsOf(t, supervisor)).filter((n) => n.link === `/call-reports/${report.id}`);
    expect(supNotes.map((n) => n.kind)).toEqual(['call_report_to']);
    const rep2Notes = await notificationsOf(t, rep2);
    expect(rep2Notes.filter((n) => n.link === `/call-reports/${report.id}`).map((n) => n.kind)).toEqual(['call_report_cc']);
    expect(rep2Notes.filter((n) => n.kind === 'task_assigned' && n.params.title === '安排样机演示')).toHaveLength(1);

    const rep2Tasks = await allPages<TaskBody>(rep2, `/api/v1/tasks?assignee=me&status=open`);
    const demoTask = rep2Tasks.find((x) => x.callReportId === report.id)!;
    // 09:00 Asia/Shanghai on the due day
    expect(demoTask).toMatchObject({ action: '安排样机演示', dueDate: due, reminderAt: `${due}T01:00:00.000Z`, status: 'open' });
    // the CC recipient may read the report; a rep of another team may not
    expect((await rep2.get(`/api/v1/call-reports/${report.id}`)).statusCode).toBe(200);
    expect((await (await t.loginAs('rep3')).get(`/api/v1/call-reports/${report.id}`)).statusCode).toBe(404);
    expect((await supervisor.get(`/api/v1/call-reports?recipient=me`)).json().items.map((r: { id: string }) => r.id)).toContain(report.id);
    // a second report on the same visit is refused
    const again = await rep1.post('/api/v1/call-reports', { activityId: visit.id });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0].path).toBe('activityId');
  });

  it('a recipient of another workspace is refused naming to.N, and nothing is written', async () => {
    const other = await seedWorkspace(t);
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1);
    const counts = async () => [await countRows(t, 'call_reports', ws), await countRows(t, 'call_report_recipients', ws), await countRows(t, 'tasks', ws), await countRows(t, 'outbox', ws)];
    const before = await counts();
    const res = await rep1.post('/api/v1/call-reports', {
      customerId: customer.id, to: [ids.supervisor1, other.userIds.supervisor1], cc: [other.userIds.rep2],
      actionItems: [{ action: '报价', assigneeId: other.userIds.rep1, dueDate: today }], send: true,
    }, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(['to.1', 'cc.0', 'actionItems.0.assigneeId']);
    expect(error.message).toContain('to.1: Recipients must be active users of your company');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an action item due before the report day', (c: string) => ({ customerId: c, to: [ids.supervisor1], actionItems: [{ action: '报价', assigneeId: ids.rep1, dueDate: '2020-01-01' }] }), 'actionItems.0.dueDate'],
    ['an action item without an action', (c: string) => ({ customerId: c, actionItems: [{ action: '', assigneeId: ids.rep1, dueDate: today }] }), 'actionItems.0.action'],
    ['a message section not in the list', (c: string) => ({ customerId: c, message: { gossip: '...' } }), 'message.gossip'],
    ['send without any TO', (c: string) => ({ customerId: c, cc: [ids.rep2], send: true }), 'to'],
    ['the same person in TO and CC', (c: string) => ({ customerId: c, to: [ids.supervisor1], cc: [ids.supervisor1] }), 'cc.0'],
    ['a due date that is not a date', (c: string) => ({ customerId: c, actionItems: [{ action: '报价', assigneeId: ids.rep1, dueDate: '2026-02-30' }] }), 'actionItems.0.dueDate'],
  ])('refuses %s naming the field, writing nothing', async (_label, body, path) => {
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1);
    const before = await countRows(t, 'call_reports', ws);
    const res = await rep1.post('/api/v1/call-reports', body(customer.id));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await countRows(t, 'call_reports', ws)).toBe(before);
  });

  it('a draft is edited with its version (stale → 409), then sent once; a sent report cannot change', async () => {
    const [rep1, supervisor] = [await t.loginAs('rep1'), await t.loginAs('supervisor1')];
    const customer = await createCustomer(rep1);
    const draft = (await rep1.post('/api/v1/call-reports', { customerId: customer.id, purpose: '初次拜访' })).json() as CallReportBody;
    expect(draft.status).toBe('draft');
    expect((await rep1.post(`/api/v1/call-reports/${draft.id}/send`, {})).json().error.details[0].path).toBe('to');
    const edited = await rep1.patch(`/api/v1/call-reports/${draft.id}`, {
      version: draft.version, to: [ids.supervisor1], actionItems: [{ action: '寄送样品', assigneeId: ids.rep1, dueDate: addDays(today, 1) }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await rep1.patch(`/api/v1/call-reports/${draft.id}`, { version: draft.version, notes: '覆盖' })).statusCode).toBe(409);
    // nobody but the author sends it
    expect((await supervisor.post(`/api/v1/call-reports/${draft.id}/send`, {})).statusCode).toBe(403);
    const sent = await rep1.post(`/api/v1/call-reports/${draft.id}/send`, { version: edited.json().version });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().actionItems[0].taskId).toEqual(expect.any(String));
    expect((await rep1.post(`/api/v1/call-reports/${draft.id}/send`, {})).statusCode).toBe(422);
    expect((await rep1.patch(`/api/v1/call-reports/${draft.id}`, { version: sent.json().version, notes: 'x' })).statusCode).toBe(422);
    // sending once more never duplicates the action item's task
    expect(await t.handle.db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.workspaceId, ws), eq(tasks.callReportId, draft.id)))).toHaveLength(1);
  });

  it('customer service logs activities but writes no call reports', async () => {
    const cs = await t.loginAs('cs1');
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1);
    expect((await cs.post('/api/v1/call-reports', { customerId: customer.id })).statusCode).toBe(403);
  });
});

describe('tasks and reminders', () => {
  it('my open tasks: only mine; completing one closes it; others cannot see or close it', async () => {
    const [rep1, rep2, rep3] = [await t.loginAs('rep1'), await t.loginAs('rep2'), await t.loginAs('rep3')];
    const created = await rep1.post('/api/v1/tasks', { action: '回访报价', dueDate: today });
    expect(created.statusCode, created.body).toBe(201);
    const task = created.json() as TaskBody;
    expect(task).toMatchObject({ assigneeId: ids.rep1, status: 'open' });
    expect((await allPages<TaskBody>(rep1, '/api/v1/tasks?assignee=me&status=open')).map((x) => x.id)).toContain(task.id);
    expect((await allPages<TaskBody>(rep2, '/api/v1/tasks')).map((x) => x.id)).not.toContain(task.id);
    expect((await allPages<TaskBody>(rep3, '/api/v1/tasks')).map((x) => x.id)).not.toContain(task.id);
    expect((await rep2.post(`/api/v1/tasks/${task.id}/complete`, {})).statusCode).toBe(404);
    expect((await rep1.post(`/api/v1/tasks/${task.id}/complete`, { version: task.version + 1 })).statusCode).toBe(409);
    const done = await rep1.post(`/api/v1/tasks/${task.id}/complete`, { version: task.version });
    expect(done.json()).toMatchObject({ status: 'done', doneAt: expect.any(String) });
    expect((await allPages<TaskBody>(rep1, '/api/v1/tasks?assignee=me&status=open')).map((x) => x.id)).not.toContain(task.id);
    expect((await rep1.post(`/api/v1/tasks/${task.id}/complete`, {})).statusCode).toBe(422);
  });

  it('finance named in an action item sees and closes that task, but no sales tasks despite its company-wide data scope', async () => {
    const [rep1, finance] = [await t.loginAs('rep1'), await t.loginAs('finance1')];
    const customer = await createCustomer(rep1);
    const report = (await rep1.post('/api/v1/call-reports', {
      customerId: customer.id, to: [ids.supervisor1], send: true,
      actionItems: [{ action: '核对客户开票信息', assigneeId: ids.finance1, dueDate: today }, { action: '准备报价', assigneeId: ids.rep1, dueDate: today }],
    })).json() as CallReportBody;
    const seen = await allPages<TaskBody>(finance, '/api/v1/tasks');
    expect(seen.map((x) => x.assigneeId)).toEqual(seen.map(() => ids.finance1));
    const mine = seen.find((x) => x.callReportId === report.id)!;
    expect(mine.action).toBe('核对客户开票信息');
    expect((await finance.post(`/api/v1/tasks/${report.actionItems[1]!.taskId}/complete`, {})).statusCode).toBe(404);
    expect((await finance.post(`/api/v1/tasks/${mine.id}/complete`, { version: mine.version })).json().status).toBe('done');
  });

  it('filters by due date and orders soonest first', async () => {
    const rep2 = await t.loginAs('rep2');
    for (const d of [5, -2, 0]) await rep2.post('/api/v1/tasks', { action: `到期 ${d}`, dueDate: addDays(today, d) });
    const upToToday = await allPages<TaskBody>(rep2, `/api/v1/tasks?assignee=me&status=open&dueBefore=${today}`);
    expect(upToToday.every((x) => x.dueDate <= today)).toBe(true);
    expect(upToToday.map((x) => x.dueDate)).toEqual([...upToToday.map((x) => x.dueDate)].sort());
    expect(upToToday.some((x) => x.action === '到期 5')).toBe(false);
  });

  it('the reminder sweep reminds each due-today or overdue task once, and future ones when their day comes', async () => {
    const other = await seedWorkspace(t);
    const [rep1, gm] = [await other.loginAs('rep1'), await other.loginAs('gm')];
    for (const [action, d] of [['逾期任务', -3], ['今天到期', 0], ['明天到期', 1]] as const) {
      expect((await rep1.post('/api/v1/tasks', { action, dueDate: addDays(today, d) })).statusCode).toBe(201);
    }
    const sweep = async (asOf: string) => (await gm.post('/api/v1/admin/tasks/remind', { asOf })).json() as { reminded: number };
    const before = (await sweep(today)).reminded;
    expect(before).toBeGreaterThanOrEqual(2);
    expect((await sweep(today)).reminded).toBe(0);
    const notes = (await notificationsOf(t, rep1)).filter((n) => n.kind === 'task_due' || n.kind === 'task_overdue');
    expect(notes.filter((n) => n.params.title === '逾期任务').map((n) => n.kind)).toEqual(['task_overdue']);
    expect(notes.filter((n) => n.params.title === '今天到期').map((n) => n.kind)).toEqual(['task_due']);
    expect(notes.filter((n) => n.params.title === '明天到期')).toHaveLength(0);
    expect((await sweep(addDays(today, 1))).reminded).toBeGreaterThanOrEqual(1);
    expect((await sweep(addDays(today, 1))).reminded).toBe(0);
    expect((await rep1.post('/api/v1/admin/tasks/remind', {})).statusCode).toBe(403);
  });
});

describe('timelines', () => {
  it("merges a customer's activities, call reports and tasks newest first; a rep never sees a colleague's entries", async () => {
    const [rep1, rep2, supervisor] = [await t.loginAs('rep1'), await t.loginAs('rep2'), await t.loginAs('supervisor1')];
    const customer = await createCustomer(rep1);
    // rep2 collaborates on rep1's customer and logs a visit of their own
    expect((await rep1.post(`/api/v1/customers/${customer.id}/collaborators`, { userId: ids.rep2, access: 'write' })).statusCode).toBe(201);
    const mine = await logActivity(rep1, { customerId: customer.id, occurredAt: hoursAgo(48) });
    const theirs = await logActivity(rep2, { customerId: customer.id, occurredAt: hoursAgo(24) });
    const report = (await rep1.post('/api/v1/call-reports', {
      customerId: customer.id, to: [ids.supervisor1], actionItems: [{ action: '准备方案', assigneeId: ids.rep1, dueDate: addDays(today, 2) }], send: true,
    })).json() as CallReportBody;
    const timeline = async (c: typeof rep1) => allPages<TimelineBody>(c, `/api/v1/customers/${customer.id}/timeline`);
    const t1 = await timeline(rep1);
    expect(t1.map((e) => `${e.kind}:${e.id}`)).toEqual(expect.arrayContaining([`activity:${mine.id}`, `call_report:${report.id}`, `task:${report.actionItems[0]!.taskId}`]));
    expect(t1.some((e) => e.id === theirs.id)).toBe(false);
    expect([...t1].sort((a, b) => b.at.localeCompare(a.at)).map((e) => e.id)).toEqual(t1.map((e) => e.id));
    const t2 = await timeline(rep2);
    expect(t2.map((e) => e.id)).toEqual([theirs.id]);
    const tSup = await timeline(supervisor);
    expect(tSup.map((e) => e.id)).toEqual(expect.arrayContaining([mine.id, theirs.id, report.id]));
    // page by page gives the same entries
    const paged: TimelineBody[] = [];
    let cursor: string | null = null;
    do {
      const page = (await supervisor.get(`/api/v1/customers/${customer.id}/timeline?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: TimelineBody[]; nextCursor: string | null };
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((e) => e.id)).toEqual(tSup.map((e) => e.id));
    expect((await (await t.loginAs('rep3')).get(`/api/v1/customers/${customer.id}/timeline`)).statusCode).toBe(404);
  });

  it("shows an opportunity's activities and call reports, scoped the same way", async () => {
    const [rep1, rep3, gm] = [await t.loginAs('rep1'), await t.loginAs('rep3'), await t.loginAs('gm')];
    const customer = await createCustomer(rep1);
    const opportunityId = await insertOpportunity(t, ws, customer.id, ids.rep1!);
    const visit = await logActivity(rep1, { customerId: customer.id, opportunityId });
    await logActivity(rep1, { customerId: customer.id, subject: '与商机无关' });
    const items = await allPages<TimelineBody>(gm, `/api/v1/opportunities/${opportunityId}/timeline`);
    expect(items.filter((e) => e.kind === 'activity').map((e) => e.id)).toEqual([visit.id]);
    expect((await rep3.get(`/api/v1/opportunities/${opportunityId}/timeline`)).statusCode).toBe(404);
    expect((await gm.get(`/api/v1/opportunities/${EXAMPLE_ID}/timeline`)).statusCode).toBe(404);
  });
});

describe('customer merge', () => {
  it("moves the duplicate's activities, call reports and tasks to the survivor", async () => {
    const [rep1, supervisor] = [await t.loginAs('rep1'), await t.loginAs('supervisor1')];
    const [survivor, duplicate] = [await createCustomer(rep1), await createCustomer(rep1)];
    const visit = await logActivity(rep1, { customerId: duplicate.id });
    const report = (await rep1.post('/api/v1/call-reports', {
      customerId: duplicate.id, to: [ids.supervisor1], actionItems: [{ action: '跟进', assigneeId: ids.rep1, dueDate: today }], send: true,
    })).json() as CallReportBody;
    const res = await supervisor.post(`/api/v1/customers/${survivor.id}/merge`, { duplicateId: duplicate.id });
    expect(res.statusCode, res.body).toBe(200);
    expect((await rep1.get(`/api/v1/activities/${visit.id}`)).json().customerId).toBe(survivor.id);
    expect((await rep1.get(`/api/v1/call-reports/${report.id}`)).json().customerId).toBe(survivor.id);
    const timeline = await allPages<TimelineBody>(rep1, `/api/v1/customers/${survivor.id}/timeline`);
    expect(timeline.map((e) => e.id)).toEqual(expect.arrayContaining([visit.id, report.id, report.actionItems[0]!.taskId]));
  });
});
