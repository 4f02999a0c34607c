import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows, seedWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import { EXAMPLE_ID } from '../../../../shared/contracts/common.contract.js';
import { todayIn } from '../../../../shared/dates.js';
import { allPages, notificationsOf } from '../../customers/__tests__/customers.fixtures.js';
import { createLeadInTx, disqualifyLeadInTx, reassignLeadInTx } from '../index.js';
import { leadSearchText } from '../leads.rules.js';
import { leads } from '../leads.schema.js';
import { contextFor } from '../../../platform/auth/context-for.js';
import { users } from '../../../platform/org/org.schema.js';
import { confirmed, createLead, leadRow, manTConfirmed, newLeadCompany, qualifiedLead, type LeadBody } from './leads.fixtures.js';

const t = await setupTestApp();
const today = todayIn('Asia/Shanghai');
const ws = t.demo.workspaceId;
const ids = t.demo.userIds;

describe('creating leads', () => {
  it('creates a numbered lead owned by the rep, with the checklist filled as unknown, audited', async () => {
    const rep1 = await t.loginAs('rep1');
    const res = await rep1.post('/api/v1/leads', {
      ...newLeadCompany(), contactName: '李娜', title: '采购经理', email: 'lina@example.cn', region: '华东', industry: '制造业', source: 'web_form',
      needDescription: '车间自动化改造', needTriggers: ['expanding', 'new_technology', 'expanding'], estimatedAmount: '380000.00',
      qualification: { money: confirmed('预算 40 万') }, customFields: { budgetRange: '10–50 万' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const lead = res.json() as LeadBody;
    expect(lead).toMatchObject({
      number: expect.stringMatching(new RegExp(`^XS${today.slice(0, 4)}-\\d{4}$`)), ownerId: ids.rep1, ownerName: expect.any(String), status: 'new',
      needTriggers: ['expanding', 'new_technology'], estimatedAmount: '380000.00', inPool: false, ownedSince: today, isQualifiable: false,
      missingForQualified: ['authority', 'need', 'timing'], customFields: { budgetRange: '10–50 万' },
    });
    expect(lead.qualification.money).toEqual({ status: 'confirmed', note: '预算 40 万' });
    expect(lead.qualification.howToBuy).toEqual({ status: 'unknown', note: null });
    expect((await auditRows(t, ws, { entity: 'lead', entityId: lead.id })).map((a) => a.action)).toEqual(['create']);
  });

  it('numbers leads one after another', async () => {
    const rep1 = await t.loginAs('rep1');
    const a = await createLead(rep1);
    const b = await createLead(rep1);
    const seq = (n: string | null) => Number(n!.split('-')[1]);
    expect(seq(b.number)).toBe(seq(a.number) + 1);
  });

  it('lets a supervisor assign a lead to a rep of the team, who is notified; not to a rep outside the team', async () => {
    const supervisor = await t.loginAs('supervisor1');
    const lead = await createLead(supervisor, { ownerId: ids.rep2 });
    expect(lead.ownerId).toBe(ids.rep2);
    const rep2 = await t.loginAs('rep2');
    expect((await notificationsOf(t, rep2)).filter((n) => n.kind === 'lead_assigned' && n.link === `/leads/${lead.id}`)).toHaveLength(1);
    const before = await countRows(t, 'leads', ws);
    const out = await supervisor.post('/api/v1/leads', { ...newLeadCompany(), source: 'phone', ownerId: ids.rep3 });
    expect(out.statusCode).toBe(400);
    expect(out.json().error.details[0].path).toBe('ownerId');
    expect(await countRows(t, 'leads', ws)).toBe(before);
  });

  it('refuses a rep assigning a lead to someone else (403) and writes nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const before = await countRows(t, 'leads', ws);
    expect((await rep1.post('/api/v1/leads', { ...newLeadCompany(), source: 'phone', ownerId: ids.rep2 })).statusCode).toBe(403);
    expect(await countRows(t, 'leads', ws)).toBe(before);
  });

  it.each([
    ['missing company', { source: 'phone' }, 'company'],
    ['missing source', { company: '某公司' }, 'source'],
    ['unknown source', { company: '某公司', source: 'fax' }, 'source'],
    ['company of the wrong type', { company: 42, source: 'phone' }, 'company'],
    ['company too long', { company: '长'.repeat(201), source: 'phone' }, 'company'],
    ['amount as a number', { company: '某公司', source: 'phone', estimatedAmount: 1000 }, 'estimatedAmount'],
    ['amount with three decimals', { company: '某公司', source: 'phone', estimatedAmount: '10.555' }, 'estimatedAmount'],
    ['unknown need trigger', { company: '某公司', source: 'phone', needTriggers: ['lottery_win'] }, 'needTriggers.0'],
    ['unknown qualification status', { company: '某公司', source: 'phone', qualification: { money: { status: 'maybe' } } }, 'qualification.money.status'],
    ['unknown field', { company: '某公司', source: 'phone', priority: 'high' }, ''],
    ['unknown territory', { company: '某公司', source: 'phone', territoryId: EXAMPLE_ID }, 'territoryId'],
    ['bad phone', { company: '某公司', source: 'phone', phone: 'call me' }, 'phone'],
    ['a custom field value outside its options', { company: '某公司', source: 'phone', customFields: { budgetRange: '一个亿' } }, 'customFields.budgetRange'],
  ])('rejects %s with 400 naming the field, and writes nothing', async (_title, body, path) => {
    const rep1 = await t.loginAs('rep1');
    const before = await countRows(t, 'leads', ws);
    const res = await rep1.post('/api/v1/leads', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    if (path) expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await countRows(t, 'leads', ws)).toBe(before);
  });

  it.each(['cs1', 'finance1', 'warehouse1', 'admin', 'gm'])('refuses %s creating leads (403)', async (user) => {
    const client = await t.loginAs(user);
    expect((await client.post('/api/v1/leads', { ...newLeadCompany(), source: 'phone' })).statusCode).toBe(403);
  });

  it('puts a lead created by the front desk without an owner into the pool', async () => {
    const reception = await t.loginAs('reception1');
    const lead = await createLead(reception, { ownerId: null, source: 'walk_in' });
    expect(lead).toMatchObject({ ownerId: null, inPool: true });
  });
});

describe('createLeadInTx (for the front desk)', () => {
  it('writes the lead, its audit row and a lead.assigned notification to the owner in the caller’s transaction', async () => {
    const ctx = await contextFor(t.handle, ws, ids.reception1!);
    const created = await t.handle.db.transaction((tx) => createLeadInTx(tx, ctx, {
      company: '杭州云栖数智科技有限公司', contactName: '周敏', phone: '0571-8888 1234', source: 'walk_in', ownerId: ids.rep1!, customerId: null,
      needDescription: '来访咨询 MES 系统',
    }));
    expect(created.number).toMatch(/^XS\d{4}-\d{4}$/);
    expect(await leadRow(t, created.id)).toMatchObject({
      ownerId: ids.rep1, source: 'walk_in', phoneNormalised: '057188881234', createdBy: ids.reception1,
      searchText: '杭州云栖数智科技有限公司 hzyqszkjyxgs hangzhouyunqishuzhikejiyouxiangongsi 周敏 zm zhoumin',
    });
    expect((await auditRows(t, ws, { entity: 'lead', entityId: created.id })).map((a) => [a.action, a.actorId])).toEqual([['create', ids.reception1]]);
    expect((await notificationsOf(t, await t.loginAs('rep1'))).some((n) => n.kind === 'lead_assigned' && n.link === `/leads/${created.id}`)).toBe(true);
  });

  it('sends no lead.assigned notification when the caller tells the owner itself (notify: false)', async () => {
    const ctx = await contextFor(t.handle, ws, ids.reception1!);
    const created = await t.handle.db.transaction((tx) => createLeadInTx(tx, ctx, {
      company: '杭州静默通知测试有限公司', contactName: null, phone: null, source: 'walk_in', ownerId: ids.rep2!, customerId: null,
    }, { notify: false }));
    expect(await leadRow(t, created.id)).toMatchObject({ ownerId: ids.rep2 });
    expect((await notificationsOf(t, await t.loginAs('rep2'))).filter((n) => n.link === `/leads/${created.id}`)).toEqual([]);
  });

  it('disqualifies an open lead with the reason and moves one to another rep, each audited with the version bumped; closed leads stay as they are', async () => {
    const ctx = await contextFor(t.handle, ws, ids.reception1!);
    const rep1 = await t.loginAs('rep1');
    const moving = await createLead(rep1);
    const moved = await t.handle.db.transaction((tx) => reassignLeadInTx(tx, ctx, moving.id, ids.rep2!, '客户要求换人'));
    expect(moved).toBe(true);
    expect(await leadRow(t, moving.id)).toMatchObject({ ownerId: ids.rep2, ownedSince: today, version: moving.version + 1 });
    expect((await auditRows(t, ws, { entity: 'lead', action: 'reassign', entityId: moving.id }))[0]!.after).toMatchObject({ ownerId: ids.rep2, reason: '客户要求换人' });
    expect((await notificationsOf(t, await t.loginAs('rep2'))).filter((n) => n.link === `/leads/${moving.id}`).map((n) => n.kind)).toEqual(['lead_assigned']);
    await expect(t.handle.db.transaction((tx) => reassignLeadInTx(tx, ctx, moving.id, ids.finance1!, 'x'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const dropping = await createLead(rep1);
    expect(await t.handle.db.transaction((tx) => disqualifyLeadInTx(tx, ctx, dropping.id, '市场调查'))).toBe(true);
    expect(await leadRow(t, dropping.id)).toMatchObject({ status: 'disqualified', disqualifyReason: '市场调查', version: dropping.version + 1 });
    expect(await auditRows(t, ws, { entity: 'lead', action: 'disqualify', entityId: dropping.id })).toHaveLength(1);
    // already closed: nothing changes, nothing is written
    expect(await t.handle.db.transaction((tx) => disqualifyLeadInTx(tx, ctx, dropping.id, '再来一次'))).toBe(false);
    expect(await t.handle.db.transaction((tx) => reassignLeadInTx(tx, ctx, dropping.id, ids.rep2!, '作废的'))).toBe(false);
    expect(await leadRow(t, dropping.id)).toMatchObject({ ownerId: ids.rep1, disqualifyReason: '市场调查', version: dropping.version + 1 });
    expect(await auditRows(t, ws, { entity: 'lead', entityId: dropping.id })).toHaveLength(2);
  });

  it('writes nothing when the caller’s transaction fails afterwards', async () => {
    const ctx = await contextFor(t.handle, ws, ids.reception1!);
    const before = await countRows(t, 'leads', ws);
    await expect(t.handle.db.transaction(async (tx) => {
      await createLeadInTx(tx, ctx, { company: '回滚测试公司', contactName: null, phone: null, source: 'phone', ownerId: ids.rep2!, customerId: null });
      throw new Error('routing failed');
    })).rejects.toThrow('routing failed');
    expect(await countRows(t, 'leads', ws)).toBe(before);
  });
});

describe('data scope', () => {
  it('a rep never sees another rep’s lead: not in the list, not by id, not by owner filter', async () => {
    const [rep1, rep2] = [await t.loginAs('rep1'), await t.loginAs('rep2')];
    const lead = await createLead(rep1);
    const listed = await allPages<LeadBody>(rep2, '/api/v1/leads');
    expect(listed.every((l) => l.ownerId === ids.rep2)).toBe(true);
    expect((await rep2.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
    expect((await rep2.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, status: 'contacted' })).statusCode).toBe(404);
    expect((await rep2.post(`/api/v1/leads/${lead.id}/disqualify`, { reason: '抢单' })).statusCode).toBe(404);
    expect(await allPages(rep2, `/api/v1/leads?ownerId=${ids.rep1}`)).toEqual([]);
    expect((await rep2.get(`/api/v1/leads/counts?ownerId=${ids.rep1}`)).json()).toMatchObject({ total: 0 });
    const counts = (await rep2.get('/api/v1/leads/counts')).json() as { total: number; byStatus: Record<string, number> };
    expect(counts.total).toBe(listed.length);
    expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(listed.length);
    expect((await leadRow(t, lead.id))!.version).toBe(lead.version);
  });

  it('a supervisor sees the team’s leads, the manager of another department does not; GM and CS manager see all', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await createLead(rep1);
    expect((await (await t.loginAs('supervisor1')).get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(200);
    for (const user of ['gm', 'vp', 'csm']) expect((await (await t.loginAs(user)).get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(200);
    const rep3 = await t.loginAs('rep3');
    expect((await rep3.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
  });

  it.each(['cs1', 'finance1', 'warehouse1', 'admin'])('refuses %s reading leads (403)', async (user) => {
    const client = await t.loginAs(user);
    expect((await client.get('/api/v1/leads')).statusCode).toBe(403);
    expect((await client.get('/api/v1/leads/pool')).statusCode).toBe(403);
  });

  it('filters by status, source, owner, created range and text, newest first, paged by cursor', async () => {
    const rep1 = await t.loginAs('rep1');
    const a = await createLead(rep1, { source: 'partner_referral', company: '过滤测试甲精工有限公司' });
    const b = await createLead(rep1, { source: 'partner_referral', company: '过滤测试乙精工有限公司' });
    await rep1.patch(`/api/v1/leads/${b.id}`, { version: b.version, status: 'contacted' });
    const byText = await allPages<LeadBody>(rep1, `/api/v1/leads?q=${encodeURIComponent('过滤测试')}`);
    expect(byText.map((l) => l.id)).toEqual([b.id, a.id]);
    const contacted = await allPages<LeadBody>(rep1, `/api/v1/leads?q=${encodeURIComponent('过滤测试')}&status=contacted&source=partner_referral&ownerId=me&createdFrom=${today}&createdTo=${today}`);
    expect(contacted.map((l) => l.id)).toEqual([b.id]);
    expect(await allPages(rep1, `/api/v1/leads?q=${encodeURIComponent('过滤测试')}&createdTo=2000-01-01`)).toEqual([]);
    const first = (await rep1.get(`/api/v1/leads?q=${encodeURIComponent('过滤测试')}&limit=1`)).json() as { items: LeadBody[]; nextCursor: string };
    expect(first.items.map((l) => l.id)).toEqual([b.id]);
    const second = (await rep1.get(`/api/v1/leads?q=${encodeURIComponent('过滤测试')}&limit=1&cursor=${first.nextCursor}`)).json() as { items: LeadBody[] };
    expect(second.items.map((l) => l.id)).toEqual([a.id]);
    expect((await rep1.get('/api/v1/leads?status=won')).statusCode).toBe(400);
    expect((await rep1.get('/api/v1/leads?limit=201')).statusCode).toBe(400);
    expect((await rep1.get('/api/v1/leads?cursor=garbage')).statusCode).toBe(400);
  });
});

describe('editing and qualifying', () => {
  it('moves a lead new → contacted → qualified once M, A, N, T are confirmed; the owner’s edit is a follow-up', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await createLead(rep1);
    let res = await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, status: 'contacted', needTriggers: ['new_product'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'contacted', version: lead.version + 1, lastFollowUpOn: today, needTriggers: ['new_product'] });
    res = await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version + 1, status: 'qualified', qualification: manTConfirmed });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'qualified', isQualifiable: true, missingForQualified: [] });
    expect((await auditRows(t, ws, { entity: 'lead', entityId: lead.id })).map((a) => a.action)).toEqual(['create', 'status_contacted', 'status_qualified']);
  });

  it('refuses qualified without M, A, N, T confirmed (422 naming what is missing) and changes nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await createLead(rep1, { qualification: { money: confirmed(), need: confirmed(), authority: { status: 'partial', note: '副总推荐' } } });
    const res = await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, status: 'qualified' });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('A, T') });
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['qualification.authority', 'qualification.timing']);
    expect(await leadRow(t, lead.id)).toMatchObject({ status: 'new', version: lead.version });
    const en = await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, status: 'qualified' }, { 'accept-language': 'en-US' });
    expect(en.json().error.message).toContain('not yet confirmed: A, T');
  });

  it('refuses leaving a qualified lead with an incomplete checklist unless it steps back to contacted', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await qualifiedLead(rep1);
    const weaker = { timing: { status: 'partial', note: '推迟到明年' } };
    expect((await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, qualification: weaker })).statusCode).toBe(422);
    const res = await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, qualification: weaker, status: 'contacted' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'contacted', missingForQualified: ['timing'] });
  });

  it('refuses a stale version with 409 and keeps the other edit', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await createLead(rep1);
    expect((await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, title: '总监' })).statusCode).toBe(200);
    const stale = await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, title: '经理' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect(await leadRow(t, lead.id)).toMatchObject({ title: '总监', version: lead.version + 1 });
  });

  it.each([
    ['status converted (has its own endpoint)', { version: 1, status: 'converted' }],
    ['too long a note', { version: 1, qualification: { need: { status: 'partial', note: '长'.repeat(1001) } } }],
    ['missing version', { title: '经理' }],
    ['version of the wrong type', { version: '1', title: '经理' }],
    ['unknown field', { version: 1, ownerName: 'x' }],
  ])('rejects %s with 400 and changes nothing', async (_title, patch) => {
    const rep1 = await t.loginAs('rep1');
    const lead = await createLead(rep1);
    const res = await rep1.patch(`/api/v1/leads/${lead.id}`, patch);
    expect(res.statusCode, res.body).toBe(400);
    expect(await leadRow(t, lead.id)).toMatchObject({ version: lead.version, status: 'new' });
  });

  it('answers 404 for an unknown lead and 400 for a malformed id', async () => {
    const rep1 = await t.loginAs('rep1');
    expect((await rep1.get(`/api/v1/leads/${EXAMPLE_ID}`)).statusCode).toBe(404);
    expect((await rep1.patch(`/api/v1/leads/${EXAMPLE_ID}`, { version: 1 })).statusCode).toBe(404);
    expect((await rep1.get('/api/v1/leads/not-a-uuid')).statusCode).toBe(400);
  });

  it('the GM may read a lead but not edit it (403)', async () => {
    const lead = await createLead(await t.loginAs('rep1'));
    expect((await (await t.loginAs('gm')).patch(`/api/v1/leads/${lead.id}`, { version: lead.version, title: 'x' })).statusCode).toBe(403);
  });
});

describe('disqualifying', () => {
  it('disqualifies with a reason, which closes the lead for edits; reopening is not an edit', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await createLead(rep1);
    const res = await rep1.post(`/api/v1/leads/${lead.id}/disqualify`, { reason: '只是做市场调研' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disqualified', disqualifyReason: '只是做市场调研', recycleOn: null });
    expect((await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version + 1, title: 'x' })).statusCode).toBe(422);
    expect((await rep1.post(`/api/v1/leads/${lead.id}/disqualify`, { reason: '再次' })).statusCode).toBe(422);
    expect((await auditRows(t, ws, { entity: 'lead', entityId: lead.id })).map((a) => a.action)).toEqual(['create', 'disqualify']);
    expect((await rep1.get(`/api/v1/leads/${lead.id}`)).json().access.canReopen).toBe(true);
    expect((await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version + 1, status: 'contacted' })).statusCode).toBe(422);
    const reopened = await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version + 1, status: 'new' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'new', disqualifyReason: null });
  });

  it.each([[{}], [{ reason: '' }], [{ reason: '   ' }], [{ reason: 7 }]])('requires a reason (%j → 400) and changes nothing', async (body) => {
    const rep1 = await t.loginAs('rep1');
    const lead = await createLead(rep1);
    const res = await rep1.post(`/api/v1/leads/${lead.id}/disqualify`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('reason');
    expect((await leadRow(t, lead.id))!.status).toBe('new');
  });

  it('refuses a stale version', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await createLead(rep1);
    await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, status: 'contacted' });
    expect((await rep1.post(`/api/v1/leads/${lead.id}/disqualify`, { reason: '无预算', version: lead.version })).statusCode).toBe(409);
    expect((await leadRow(t, lead.id))!.status).toBe('contacted');
  });
});

describe('detail access flags', () => {
  it('tells the owner what they may do', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await createLead(rep1);
    expect((await rep1.get(`/api/v1/leads/${lead.id}`)).json().access).toEqual({ canEdit: true, canConvert: true, canRelease: true, canClaim: false, canReopen: false });
    expect((await (await t.loginAs('gm')).get(`/api/v1/leads/${lead.id}`)).json().access).toEqual({ canEdit: false, canConvert: false, canRelease: false, canClaim: false, canReopen: false });
    const [row] = await t.handle.db.select({ n: leads.number }).from(leads).where(and(eq(leads.workspaceId, ws), eq(leads.id, lead.id)));
    expect(row!.n).toBe(lead.number);
  });
});

describe('search keys', () => {
  it('every lead, the demo ones included, carries the pinyin search keys of its company and contact name', async () => {
    const rows = await t.handle.db.select({ company: leads.company, contactName: leads.contactName, searchText: leads.searchText }).from(leads).where(eq(leads.workspaceId, ws));
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.searchText !== leadSearchText(r.company, r.contactName))).toEqual([]);
  });
});

describe('phone masking', () => {
  it('a user who reads leads without the phone permission sees masked lead phones in the list, detail, search and export; the owner sees them in full', async () => {
    const w = await seedWorkspace(t);
    // the front desk reads leads but has no phone permission (as for customers); with the warehouse role too it sees every lead
    await t.handle.db.update(users).set({ roles: ['receptionist', 'warehouse'] }).where(eq(users.id, w.userIds.reception1!));
    const [rep1, desk] = [await w.loginAs('rep1'), await w.loginAs('reception1')];
    const { company } = newLeadCompany();
    const lead = await createLead(rep1, { company, phone: '139-1234-5678' });
    const masked = '139****5678';

    expect((await rep1.get(`/api/v1/leads/${lead.id}`)).json().phone).toBe('139-1234-5678');
    expect((await allPages<{ id: string; phone: string }>(rep1, `/api/v1/leads?q=${encodeURIComponent(company)}`))[0]!.phone).toBe('139-1234-5678');

    const listed = await allPages<{ id: string; phone: string }>(desk, `/api/v1/leads?q=${encodeURIComponent(company)}`);
    expect(listed.map((l) => [l.id, l.phone])).toEqual([[lead.id, masked]]);
    expect((await desk.get(`/api/v1/leads/${lead.id}`)).json().phone).toBe(masked);
    const found = await desk.get(`/api/v1/search?q=${encodeURIComponent(company)}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().leads.map((h: { id: string; phone: string }) => [h.id, h.phone])).toEqual([[lead.id, masked]]);
    const exported = await desk.get(`/api/v1/exports/leads.csv?q=${encodeURIComponent(company)}`);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.body).toContain(masked);
    const everything = JSON.stringify([listed, found.json(), exported.body]);
    for (const full of ['13912345678', '139-1234-5678']) expect(everything).not.toContain(full);
  });
});

describe('the lead list search box', () => {
  it('finds leads by pinyin initials and full pinyin of the company, within the caller’s scope only', async () => {
    const [rep1, rep2] = await Promise.all([t.loginAs('rep1'), t.loginAs('rep2')]);
    const lead = await createLead(rep1, { company: '过滤拼音丙精工有限公司' });
    for (const q of ['glpybjg', 'GLPY', 'guolvpinyin']) {
      expect((await allPages<LeadBody>(rep1, `/api/v1/leads?q=${q}`)).map((l) => l.id), q).toEqual([lead.id]);
      expect(await allPages<LeadBody>(rep2, `/api/v1/leads?q=${q}`), q).toEqual([]);
    }
  });
});
