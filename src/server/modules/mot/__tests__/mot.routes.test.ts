import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { newId } from '../../../platform/db/columns.js';
import { allPages, createCustomer, type CustomerBody } from '../../customers/__tests__/customers.fixtures.js';
import { createLead } from '../../leads/__tests__/leads.fixtures.js';
import { opportunities, pipelines, pipelineStages } from '../../opportunities/opportunities.schema.js';
import { needs, touchpoints } from '../mot.schema.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const ids = t.demo.userIds;
const today = todayIn('Asia/Shanghai');

interface Touchpoint { id: string; customerId: string; userId: string; role: string; channel: string; departmentName: string | null; contactId: string | null; occurredAt: string; [k: string]: unknown }
interface Need {
  id: string; customerId: string; step: string; version: number; ownerId: string; promise: string | null; fulfilment: string | null;
  satisfactionScore: number | null; satisfactionComment: string | null; canEdit: boolean; [k: string]: unknown;
}

const as = (username: string) => t.loginAs(username);
const [rep1, rep2, rep3, supervisor, manager, gm, csm, cs1, finance, warehouse, desk, admin] = await Promise.all([
  as('rep1'), as('rep2'), as('rep3'), as('supervisor1'), as('manager1'), as('gm'), as('csm'), as('cs1'), as('finance1'), as('warehouse1'), as('reception1'), as('admin'),
]);

async function record(client: Client, body: Record<string, unknown>): Promise<Touchpoint> {
  const res = await client.post('/api/v1/touchpoints', { channel: 'phone', impression: '客户对交期比较关注', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Touchpoint;
}

async function openNeed(client: Client, customerId: string, extra: Record<string, unknown> = {}): Promise<Need> {
  const res = await client.post('/api/v1/needs', { customerId, title: '产线节拍提升 20%', description: '二期车间改造', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Need;
}

async function advance(client: Client, need: Need, body: Record<string, unknown>): Promise<Need> {
  const res = await client.post(`/api/v1/needs/${need.id}/advance`, { version: need.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Need;
}

/** A need walked through all four steps with this score. */
async function confirmedNeed(client: Client, customerId: string, score: number): Promise<Need> {
  let need = await openNeed(client, customerId);
  need = await advance(client, need, { promise: '两周内给出方案' });
  need = await advance(client, need, { fulfilment: '方案已交付' });
  return advance(client, need, { satisfactionScore: score, comment: `评分 ${score}` });
}

/** An opportunity row of a customer (the opportunities module's API is not needed to link one). */
async function insertOpportunity(customerId: string, ownerId: string): Promise<string> {
  const pipelineId = newId();
  const stageId = newId();
  const id = newId();
  await t.handle.db.insert(pipelines).values({ workspaceId: ws, id: pipelineId, name: `测试流程 ${pipelineId.slice(-6)}` });
  await t.handle.db.insert(pipelineStages).values({ workspaceId: ws, id: stageId, pipelineId, position: 1, name: '初步接触', probability: '10', funnelCategory: 'above' });
  await t.handle.db.insert(opportunities).values({
    workspaceId: ws, id, number: `T-${id.slice(-8)}`, name: '测试机会', customerId, pipelineId, stageId, probability: '10', ownerId,
  });
  return id;
}

const mine: CustomerBody = await createCustomer(rep1);
const rep3s: CustomerBody = await createCustomer(rep3);

describe('recording touchpoints', () => {
  it('lets a rep record a touchpoint on their customer, keeping who met the customer, their role and department, audited', async () => {
    const contact = await rep1.post(`/api/v1/customers/${mine.id}/contacts`, { name: '钱总' });
    expect(contact.statusCode, contact.body).toBe(201);
    const contactId = (contact.json() as { id: string }).id;
    const tp = await record(rep1, { customerId: mine.id, contactId, channel: 'face_to_face', impression: '钱总对方案很感兴趣', sentiment: 'positive', occurredAt: `${addDays(today, -10)}T02:30:00Z` });
    expect(tp).toMatchObject({
      customerId: mine.id, customerName: mine.name, contactId, contactName: '钱总', channel: 'face_to_face', userId: ids.rep1, role: 'sales_rep',
      departmentName: '销售一部', sentiment: 'positive', occurredAt: `${addDays(today, -10)}T02:30:00.000Z`, createdBy: ids.rep1,
    });
    expect((await auditRows(t, ws, { entity: 'touchpoint', entityId: tp.id })).map((a) => a.action)).toEqual(['create']);
  });

  it('lets the front desk, customer service, finance and warehouse record touchpoints too, each under their own role', async () => {
    const byDesk = await record(desk, { customerId: mine.id, channel: 'face_to_face', impression: '来访时抱怨停车难', sentiment: 'negative' });
    const byCs = await record(cs1, { customerId: mine.id, channel: 'phone', impression: '报修响应满意' });
    const byFinance = await record(finance, { customerId: mine.id, channel: 'email', impression: '对账及时' });
    const byWarehouse = await record(warehouse, { customerId: mine.id, channel: 'im', impression: '提货顺利' });
    expect([byDesk.role, byCs.role, byFinance.role, byWarehouse.role]).toEqual(['receptionist', 'cs_specialist', 'finance', 'warehouse']);
    expect(byDesk.departmentName).toBeNull();
    expect(byCs.departmentName).toBe('客服部');
    // the owner sees every touchpoint on the customer, whoever made it
    const seen = await allPages<Touchpoint>(rep1, `/api/v1/touchpoints?customerId=${mine.id}`);
    expect(seen.map((x) => x.id)).toEqual(expect.arrayContaining([byDesk.id, byCs.id, byFinance.id, byWarehouse.id]));
    // the desk sees no customer files: only the touchpoints it recorded
    const deskSees = await allPages<Touchpoint>(desk, `/api/v1/touchpoints?customerId=${mine.id}`);
    expect(deskSees.map((x) => x.id)).toEqual([byDesk.id]);
  });

  it('lets a supervisor record on behalf of a rep of the team, but nobody on behalf of someone outside their scope', async () => {
    const forRep1 = await record(supervisor, { customerId: mine.id, userId: ids.rep1 });
    expect(forRep1).toMatchObject({ userId: ids.rep1, role: 'sales_rep', createdBy: ids.supervisor1 });
    const before = await countRows(t, 'touchpoints', ws);
    const res = await rep1.post('/api/v1/touchpoints', { customerId: mine.id, channel: 'phone', impression: '代记', userId: ids.rep2 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('userId');
    expect(await countRows(t, 'touchpoints', ws)).toBe(before);
  });

  it('never shows a rep the touchpoints of another rep\'s customer, nor lets them record one there', async () => {
    await record(rep3, { customerId: rep3s.id, impression: '北京客户首访' });
    const before = await countRows(t, 'touchpoints', ws);
    const res = await rep1.post('/api/v1/touchpoints', { customerId: rep3s.id, channel: 'phone', impression: '越权' });
    expect(res.statusCode).toBe(404);
    expect(await countRows(t, 'touchpoints', ws)).toBe(before);
    expect(await allPages<Touchpoint>(rep1, `/api/v1/touchpoints?customerId=${rep3s.id}`)).toEqual([]);
    const all = await allPages<Touchpoint>(rep1, '/api/v1/touchpoints');
    expect(all.some((x) => x.customerId === rep3s.id)).toBe(false);
    expect(all.some((x) => x.customerId === mine.id)).toBe(true);
    // rep3's department head does not see rep1's customers either; the GM and the CS manager see both
    const rep3Sees = await allPages<Touchpoint>(rep3, '/api/v1/touchpoints');
    expect(rep3Sees.some((x) => x.customerId === mine.id)).toBe(false);
    for (const client of [gm, csm, manager]) {
      const seen = await allPages<Touchpoint>(client, '/api/v1/touchpoints?channel=phone');
      expect(seen.some((x) => x.customerId === rep3s.id) && seen.some((x) => x.customerId === mine.id)).toBe(true);
    }
    expect((await allPages<Touchpoint>(supervisor, `/api/v1/touchpoints?customerId=${rep3s.id}`))).toEqual([]);
  });

  it('filters by channel, person and day (workspace time zone), latest first, across pages', async () => {
    const c = await createCustomer(rep1);
    const day = addDays(today, -20);
    await record(rep1, { customerId: c.id, channel: 'email', occurredAt: `${day}T15:59:00Z` }); // 23:59 in Shanghai
    await record(rep1, { customerId: c.id, channel: 'email', occurredAt: `${day}T16:00:00Z` }); // 00:00 of the next day in Shanghai
    await record(cs1, { customerId: c.id, channel: 'phone', occurredAt: `${addDays(day, 2)}T02:00:00Z` });
    await record(rep1, { customerId: c.id, channel: 'im', occurredAt: `${addDays(day, 3)}T02:00:00Z` });
    const page1 = await rep1.get(`/api/v1/touchpoints?customerId=${c.id}&limit=3`);
    const first = page1.json() as { items: Touchpoint[]; nextCursor: string };
    expect(first.items.map((x) => x.channel)).toEqual(['im', 'phone', 'email']);
    const page2 = (await rep1.get(`/api/v1/touchpoints?customerId=${c.id}&limit=3&cursor=${encodeURIComponent(first.nextCursor)}`)).json() as { items: Touchpoint[]; nextCursor: string | null };
    expect(page2.items.map((x) => x.occurredAt)).toEqual([`${day}T15:59:00.000Z`]);
    expect(page2.nextCursor).toBeNull();
    const next = addDays(day, 1);
    const onNextDay = await allPages<Touchpoint>(rep1, `/api/v1/touchpoints?customerId=${c.id}&from=${next}&to=${next}`);
    expect(onNextDay.map((x) => x.occurredAt)).toEqual([`${day}T16:00:00.000Z`]);
    expect((await allPages<Touchpoint>(rep1, `/api/v1/touchpoints?customerId=${c.id}&channel=email`))).toHaveLength(2);
    expect((await allPages<Touchpoint>(rep1, `/api/v1/touchpoints?customerId=${c.id}&userId=${ids.cs1}`)).map((x) => x.channel)).toEqual(['phone']);
    expect((await allPages<Touchpoint>(cs1, `/api/v1/touchpoints?customerId=${c.id}&userId=me`)).map((x) => x.userId)).toEqual([ids.cs1]);
  });

  it('refuses bad input precisely, in the caller\'s language, and writes nothing', async () => {
    const other = await createCustomer(rep1);
    const contact = await rep1.post(`/api/v1/customers/${other.id}/contacts`, { name: '别家联系人' });
    const otherContact = (contact.json() as { id: string }).id;
    const oppOfOther = await insertOpportunity(other.id, ids.rep1!);
    const future = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const before = await countRows(t, 'touchpoints', ws);
    const cases: [Record<string, unknown>, string][] = [
      [{ channel: 'fax' }, 'channel'],
      [{ impression: '   ' }, 'impression'],
      [{ occurredAt: future }, 'occurredAt'],
      [{ occurredAt: '2026-11-20 10:00' }, 'occurredAt'],
      [{ contactId: otherContact }, 'contactId'],
      [{ opportunityId: oppOfOther }, 'opportunityId'],
      [{ sentiment: 'angry' }, 'sentiment'],
      [{ customerId: 'not-a-uuid' }, 'customerId'],
      [{ extra: 1 }, 'extra'],
    ];
    for (const [patch, path] of cases) {
      const res = await rep1.post('/api/v1/touchpoints', { customerId: mine.id, channel: 'phone', impression: '测试', ...patch }, { 'accept-language': 'en-US' });
      expect(res.statusCode, `${JSON.stringify(patch)} ${res.body}`).toBe(400);
      const body = res.json() as { error: { code: string; message: string; details: { path: string; message: string }[] } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details.map((d) => d.path)).toContain(path);
      expect(body.error.message).not.toMatch(/errors\./);
    }
    const zh = await rep1.post('/api/v1/touchpoints', { customerId: mine.id, channel: 'phone', impression: '测试', occurredAt: future });
    expect(zh.json().error.details[0].message).toBe('接触时间不能晚于现在');
    expect((await rep1.get('/api/v1/touchpoints?cursor=garbage')).statusCode).toBe(400);
    expect((await rep1.get('/api/v1/touchpoints?from=2026-13-01')).statusCode).toBe(400);
    expect(await countRows(t, 'touchpoints', ws)).toBe(before);
    // an opportunity of the same customer is accepted
    const opp = await insertOpportunity(mine.id, ids.rep1!);
    expect((await record(rep1, { customerId: mine.id, opportunityId: opp })).opportunityId).toBe(opp);
  });

  it('keeps the administrator out (no business data) and lets nobody in unauthenticated', async () => {
    expect((await admin.get('/api/v1/touchpoints')).statusCode).toBe(403);
    expect((await admin.post('/api/v1/touchpoints', { customerId: mine.id, channel: 'phone', impression: 'x' })).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/v1/touchpoints')).statusCode).toBe(401);
  });

  it('offers in the picker the customers the caller can see; the front desk finds any customer', async () => {
    const name = encodeURIComponent(rep3s.name.slice(2, 8));
    const forRep1 = (await rep1.get(`/api/v1/touchpoints/customer-options?q=${name}`)).json() as { items: { id: string }[] };
    expect(forRep1.items.map((c) => c.id)).not.toContain(rep3s.id);
    const forDesk = (await desk.get(`/api/v1/touchpoints/customer-options?q=${name}`)).json() as { items: { id: string }[] };
    expect(forDesk.items.map((c) => c.id)).toContain(rep3s.id);
    const forRep3 = (await rep3.get(`/api/v1/touchpoints/customer-options?q=${name}`)).json() as { items: { id: string }[] };
    expect(forRep3.items.map((c) => c.id)).toContain(rep3s.id);
  });
});

describe('customer needs through explore → propose → execute → confirm', () => {
  it('walks a need through the four steps with the promise, its fulfilment and the customer\'s satisfaction, each audited', async () => {
    let need = await openNeed(rep1, mine.id);
    expect(need).toMatchObject({ step: 'explore', ownerId: ids.rep1, promise: null, canEdit: true, customerName: mine.name });
    need = await advance(rep1, need, { to: 'propose', promise: '两周内提交改造方案', promiseDueDate: addDays(today, 14) });
    expect(need).toMatchObject({ step: 'propose', promise: '两周内提交改造方案', promiseDueDate: addDays(today, 14), proposedAt: expect.any(String) });
    need = await advance(rep1, need, { fulfilment: '方案按期提交并现场讲解' });
    expect(need).toMatchObject({ step: 'execute', fulfilment: '方案按期提交并现场讲解', executedAt: expect.any(String) });
    need = await advance(rep1, need, { satisfactionScore: 5, comment: '非常满意' });
    expect(need).toMatchObject({ step: 'confirm', satisfactionScore: 5, satisfactionComment: '非常满意', confirmedAt: expect.any(String), canEdit: false });
    expect((await auditRows(t, ws, { entity: 'need', entityId: need.id })).map((a) => a.action).sort())
      .toEqual(['advance_confirm', 'advance_execute', 'advance_propose', 'create']);
  });

  it('refuses skipping or repeating a step (422 naming `to`) and missing or foreign step data (400 naming the field), changing nothing', async () => {
    const need = await openNeed(rep1, mine.id);
    const post = (body: Record<string, unknown>, lang = 'zh-CN') => rep1.post(`/api/v1/needs/${need.id}/advance`, { version: need.version, ...body }, { 'accept-language': lang });

    const skip = await post({ to: 'execute', fulfilment: '直接执行' }, 'en-US');
    expect(skip.statusCode).toBe(422);
    expect(skip.json().error).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'to' }] });
    expect(skip.json().error.message).toContain('the next step is "propose"');
    const zhSkip = await post({ to: 'confirm' });
    expect(zhSkip.json().error.message).toContain('下一步应为“建议”');

    const noPromise = await post({});
    expect(noPromise.statusCode).toBe(400);
    expect(noPromise.json().error.details.map((d: { path: string }) => d.path)).toEqual(['promise']);
    const foreign = await post({ promise: '方案', satisfactionScore: 5 });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual([{ path: 'satisfactionScore', message: '此项不属于“建议”这一步' }]);
    const pastDue = await post({ promise: '方案', promiseDueDate: addDays(today, -1) });
    expect(pastDue.json().error.details.map((d: { path: string }) => d.path)).toEqual(['promiseDueDate']);

    const row = (await t.handle.db.select().from(needs).where(and(eq(needs.workspaceId, ws), eq(needs.id, need.id))))[0]!;
    expect(row).toMatchObject({ step: 'explore', version: need.version, promise: null });
  });

  it('confirms only with a whole score 1–5 and a comment, and never advances a confirmed need', async () => {
    let need = await openNeed(rep1, mine.id);
    need = await advance(rep1, need, { promise: '提供样机试用' });
    need = await advance(rep1, need, { fulfilment: '样机已送达' });
    for (const [body, path] of [
      [{ satisfactionScore: 4.5, comment: '还行' }, 'satisfactionScore'],
      [{ satisfactionScore: 0, comment: '差' }, 'satisfactionScore'],
      [{ satisfactionScore: 6, comment: '超好' }, 'satisfactionScore'],
      [{ satisfactionScore: 4 }, 'comment'],
      [{ comment: '满意' }, 'satisfactionScore'],
      [{ satisfactionScore: '4', comment: '满意' }, 'satisfactionScore'],
    ] as const) {
      const res = await rep1.post(`/api/v1/needs/${need.id}/advance`, { version: need.version, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    need = await advance(rep1, need, { satisfactionScore: 1, comment: '样机故障' });
    const again = await rep1.post(`/api/v1/needs/${need.id}/advance`, { version: need.version, satisfactionScore: 5, comment: '改评分' });
    expect(again.statusCode).toBe(422);
    expect((await rep1.get(`/api/v1/needs/${need.id}`)).json()).toMatchObject({ satisfactionScore: 1, step: 'confirm' });
  });

  it('catches concurrent advances with the same version: one wins, the other gets 409', async () => {
    const need = await openNeed(rep1, mine.id);
    const [a, b] = await Promise.all([
      rep1.post(`/api/v1/needs/${need.id}/advance`, { version: need.version, promise: '甲方案' }),
      supervisor.post(`/api/v1/needs/${need.id}/advance`, { version: need.version, promise: '乙方案' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const row = (await rep1.get(`/api/v1/needs/${need.id}`)).json() as Need;
    expect(row).toMatchObject({ step: 'propose', version: need.version + 1 });
    expect(['甲方案', '乙方案']).toContain(row.promise);
  });

  it('edits a need with its version; step data only at its step; a confirmed need is closed', async () => {
    let need = await openNeed(rep1, mine.id);
    const edited = await rep1.patch(`/api/v1/needs/${need.id}`, { version: need.version, title: '节拍提升 25%' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '节拍提升 25%', version: need.version + 1 });
    const stale = await rep1.patch(`/api/v1/needs/${need.id}`, { version: need.version, title: '旧版本' });
    expect(stale.statusCode).toBe(409);
    need = edited.json() as Need;
    const early = await rep1.patch(`/api/v1/needs/${need.id}`, { version: need.version, promise: '提前承诺' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details[0].path).toBe('promise');
    need = await advance(rep1, need, { promise: '一周内答复' });
    const fixPromise = await rep1.patch(`/api/v1/needs/${need.id}`, { version: need.version, promise: '十天内答复' });
    expect(fixPromise.json()).toMatchObject({ promise: '十天内答复' });
    const confirmed = await confirmedNeed(rep1, mine.id, 3);
    const closed = await rep1.patch(`/api/v1/needs/${confirmed.id}`, { version: confirmed.version, title: '改标题' });
    expect(closed.statusCode).toBe(422);
    const otherOwner = await rep1.patch(`/api/v1/needs/${need.id}`, { version: need.version + 1, ownerId: ids.rep3 });
    expect(otherOwner.statusCode).toBe(400);
    expect(otherOwner.json().error.details[0].path).toBe('ownerId');
  });

  it('never shows a rep the needs of another rep\'s customer; the team lead and service see and work them', async () => {
    const need = await openNeed(rep1, mine.id);
    expect((await rep3.get(`/api/v1/needs/${need.id}`)).statusCode).toBe(404);
    expect((await rep3.post(`/api/v1/needs/${need.id}/advance`, { version: need.version, promise: 'x' })).statusCode).toBe(404);
    expect((await rep3.patch(`/api/v1/needs/${need.id}`, { version: need.version, title: 'x' })).statusCode).toBe(404);
    expect(await allPages<Need>(rep3, `/api/v1/needs?customerId=${mine.id}`)).toEqual([]);
    expect((await allPages<Need>(rep3, '/api/v1/needs')).some((n) => n.customerId === mine.id)).toBe(false);
    expect((await rep3.post('/api/v1/needs', { customerId: mine.id, title: '越权' })).statusCode).toBe(404);
    // rep2 (same team, not the owner) sees the customer? no: a rep sees only their own customers
    expect((await rep2.get(`/api/v1/needs/${need.id}`)).statusCode).toBe(404);

    const bySupervisor = await advance(supervisor, need, { promise: '主管代为承诺' });
    expect(bySupervisor.step).toBe('propose');
    const byCs = await openNeed(cs1, mine.id, { title: '售后培训需求' });
    expect(byCs.ownerId).toBe(ids.cs1);
    const rep1Sees = await allPages<Need>(rep1, `/api/v1/needs?customerId=${mine.id}`);
    expect(rep1Sees.find((n) => n.id === byCs.id)).toMatchObject({ canEdit: false }); // seen on my customer, but cs1's to work
    expect((await rep1.post(`/api/v1/needs/${byCs.id}/advance`, { version: byCs.version, promise: 'x' })).statusCode).toBe(403);
    const gmSees = (await gm.get(`/api/v1/needs/${need.id}`)).json() as Need;
    expect(gmSees.canEdit).toBe(false);
    expect((await gm.post('/api/v1/needs', { customerId: mine.id, title: '总经理不开需求' })).statusCode).toBe(403);
    for (const client of [finance, warehouse, desk, admin]) expect((await client.get('/api/v1/needs')).statusCode).toBe(403);
  });

  it('filters needs by step and owner for the board', async () => {
    const c = await createCustomer(rep1);
    const a = await openNeed(rep1, c.id);
    await advance(rep1, a, { promise: '承诺' });
    await openNeed(rep1, c.id);
    await openNeed(csm, c.id);
    expect((await allPages<Need>(rep1, `/api/v1/needs?customerId=${c.id}&step=propose`)).map((n) => n.id)).toEqual([a.id]);
    expect(await allPages<Need>(rep1, `/api/v1/needs?customerId=${c.id}&step=explore`)).toHaveLength(2);
    expect((await allPages<Need>(rep1, `/api/v1/needs?customerId=${c.id}&ownerId=me`))).toHaveLength(2);
  });

  it('refuses bad need input naming the field', async () => {
    const other = await createCustomer(rep1);
    const opp = await insertOpportunity(other.id, ids.rep1!);
    const before = await countRows(t, 'needs', ws);
    for (const [body, path] of [
      [{ customerId: mine.id, title: '' }, 'title'],
      [{ customerId: mine.id }, 'title'],
      [{ customerId: mine.id, title: '需求', opportunityId: opp }, 'opportunityId'],
      [{ customerId: mine.id, title: '需求', ownerId: ids.finance1 }, 'ownerId'],
      [{ title: '需求' }, 'customerId'],
    ] as const) {
      const res = await rep1.post('/api/v1/needs', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await countRows(t, 'needs', ws)).toBe(before);
  });
});

describe('customer satisfaction', () => {
  it('averages confirmed needs per owner and per customer in the caller\'s scope', async () => {
    const c1 = await createCustomer(rep2);
    const c2 = await createCustomer(rep2);
    await confirmedNeed(rep2, c1.id, 5);
    await confirmedNeed(rep2, c1.id, 4);
    await confirmedNeed(rep2, c2.id, 2);
    await openNeed(rep2, c2.id); // not confirmed: not counted
    const byCustomer = (await rep2.get('/api/v1/needs/satisfaction?groupBy=customer')).json() as { items: { id: string; confirmedNeeds: number; averageScore: string }[]; overall: { confirmedNeeds: number; averageScore: string } };
    expect(byCustomer.items.find((r) => r.id === c1.id)).toMatchObject({ confirmedNeeds: 2, averageScore: '4.50' });
    expect(byCustomer.items.find((r) => r.id === c2.id)).toMatchObject({ confirmedNeeds: 1, averageScore: '2.00' });
    const rep2Only = (await rep2.get(`/api/v1/needs/satisfaction?groupBy=owner&ownerId=${ids.rep2}&from=${today}&to=${today}`)).json() as typeof byCustomer;
    expect(rep2Only.items).toEqual([{ id: ids.rep2, name: '杨帆', confirmedNeeds: 3, averageScore: '3.67' }]);
    expect(rep2Only.overall).toEqual({ confirmedNeeds: 3, averageScore: '3.67' });
    // rep3 sees none of rep2's customers; the supervisor of both sees them
    const rep3Sees = (await rep3.get(`/api/v1/needs/satisfaction?groupBy=customer&customerId=${c1.id}`)).json() as typeof byCustomer;
    expect(rep3Sees).toMatchObject({ items: [], overall: { confirmedNeeds: 0, averageScore: null } });
    const supSees = (await supervisor.get(`/api/v1/needs/satisfaction?groupBy=customer&customerId=${c1.id}`)).json() as typeof byCustomer;
    expect(supSees.items).toEqual([expect.objectContaining({ id: c1.id, averageScore: '4.50' })]);
    const yesterday = (await rep2.get(`/api/v1/needs/satisfaction?customerId=${c1.id}&to=${addDays(today, -1)}`)).json() as typeof byCustomer;
    expect(yesterday.overall.confirmedNeeds).toBe(0);
    expect((await rep2.get('/api/v1/needs/satisfaction?groupBy=team')).statusCode).toBe(400);
  });
});

describe('merging customers and contacts', () => {
  it('moves touchpoints and needs to the surviving customer and contact', async () => {
    const survivor = await createCustomer(rep1);
    const duplicate = await createCustomer(rep1);
    const contact = (await rep1.post(`/api/v1/customers/${duplicate.id}/contacts`, { name: '孙经理' })).json() as { id: string };
    const tp = await record(rep1, { customerId: duplicate.id, contactId: contact.id });
    const need = await openNeed(rep1, duplicate.id);
    const merged = await supervisor.post(`/api/v1/customers/${survivor.id}/merge`, { duplicateId: duplicate.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await rep1.get(`/api/v1/needs/${need.id}`)).json()).toMatchObject({ customerId: survivor.id });
    const moved = await allPages<Touchpoint>(rep1, `/api/v1/touchpoints?customerId=${survivor.id}`);
    expect(moved.map((x) => x.id)).toEqual([tp.id]);
    const keeper = (await rep1.post(`/api/v1/customers/${survivor.id}/contacts`, { name: '孙经理（新）' })).json() as { id: string };
    const contactMerge = await supervisor.post(`/api/v1/contacts/${keeper.id}/merge`, { duplicateId: contact.id });
    expect(contactMerge.statusCode, contactMerge.body).toBe(200);
    expect((await t.handle.db.select().from(touchpoints).where(and(eq(touchpoints.workspaceId, ws), eq(touchpoints.id, tp.id))))[0]!.contactId).toBe(keeper.id);
  });
});

describe('opportunity recognition signals on leads', () => {
  it('takes signals on create and update, returns them on the lead detail, and refuses unknown levels', async () => {
    const lead = await createLead(rep1, { signals: { urgency: 'high', relevance: 'medium' } });
    expect(lead.signals).toEqual({ urgency: 'high', relevance: 'medium' });
    const updated = await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, signals: { urgency: 'low', sourceLevel: 'high', decisionLevel: 'medium' } });
    expect(updated.statusCode, updated.body).toBe(200);
    const detail = (await rep1.get(`/api/v1/leads/${lead.id}`)).json() as { signals: unknown };
    expect(detail.signals).toEqual({ urgency: 'low', sourceLevel: 'high', decisionLevel: 'medium' });
    const bad = await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version + 1, signals: { urgency: 'extreme' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('signals.urgency');
    const unknownKey = await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version + 1, signals: { mood: 'high' } });
    expect(unknownKey.statusCode).toBe(400);
    expect((await rep1.get(`/api/v1/leads/${lead.id}`)).json()).toMatchObject({ signals: { urgency: 'low' }, version: lead.version + 1 });
    const plain = await createLead(rep1);
    expect(plain.signals).toEqual({});
  });
});
