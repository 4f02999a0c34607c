import { and, eq, isNotNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows, seedWorkspace, type ExtraWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { customers } from '../../customers/customers.schema.js';
import { leads } from '../../leads/leads.schema.js';
import { receptionVisits } from '../reception.schema.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const id = (username: string) => t.demo.userIds[username]!;
const today = todayIn('Asia/Shanghai');

interface Visit {
  id: string; number: string | null; visitDate: string; routedBy: string; autoRoutedBy: string; isReturning: boolean; isMakeUpTurn: boolean;
  company: string; assignee: { id: string; name: string }; autoAssignee: { id: string; name: string }; leadId: string | null;
  customer: { id: string; matchedBy: string; ownerId: string | null } | null;
  marketSurvey: { confirmedAt: string; note: string } | null; makeUp: { id: string; status: string; approvalId: string | null } | null;
  access: { canReassign: boolean; canMarkSurvey: boolean; canRequestMakeUp: boolean };
}

let serial = 0;
/** A visitor nobody knows: unique company and phone. */
function stranger(extra: Record<string, unknown> = {}) {
  const n = `${process.pid % 1000}${String(++serial).padStart(4, '0')}`;
  return { kind: 'walk_in', company: `杭州临时来访${n}贸易有限公司`, contactName: '钱先生', phone: `0571-6${n.padStart(7, '0').slice(-7)}`, source: 'walk_in', ...extra };
}

async function register(desk: Client, body: Record<string, unknown>): Promise<Visit> {
  const res = await desk.post('/api/v1/reception/visits', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Visit;
}

async function ownedCustomer(ownerId: string) {
  const [row] = await t.handle.db.select().from(customers)
    .where(and(eq(customers.workspaceId, ws), eq(customers.ownerId, ownerId), isNotNull(customers.phone))).limit(1);
  return row!;
}

async function setRoster(w: { loginAs(u: string): Promise<Client> }, userIds: string[]) {
  const manager = await w.loginAs('manager1');
  const res = await manager.put(`/api/v1/reception/roster?from=${today}&to=${today}`, { days: [{ date: today, userIds }] });
  expect(res.statusCode, res.body).toBe(200);
}

const written = async (workspaceId = ws) => ({
  visits: await countRows(t, 'reception_visits', workspaceId),
  leads: await countRows(t, 'leads', workspaceId),
  audit: (await auditRows(t, workspaceId, { entity: 'reception_visit' })).length,
  outbox: await countRows(t, 'outbox', workspaceId),
});

describe('POST /reception/visits: routing', () => {
  it('a visitor whose phone belongs to rep1\'s customer goes to rep1 as returning, with a lead for rep1, an audit row and exactly one notification', async () => {
    const desk = await t.loginAs('reception1');
    const customer = await ownedCustomer(id('rep1'));
    const visit = await register(desk, { kind: 'walk_in', company: '随便写的名字有限公司', contactName: '王经理', phone: customer.phone, source: 'walk_in', saysKnownRep: id('rep2') });
    expect(visit).toMatchObject({ routedBy: 'existing_owner', isReturning: true, assignee: { id: id('rep1'), name: '陈静' }, customer: { id: customer.id, matchedBy: 'phone', ownerId: id('rep1') } });
    expect(visit.number).toMatch(/^JD\d{6}-\d{4}$/);
    const [lead] = await t.handle.db.select().from(leads).where(eq(leads.id, visit.leadId!));
    expect(lead).toMatchObject({ ownerId: id('rep1'), receptionVisitId: visit.id, customerId: customer.id, source: 'walk_in', company: '随便写的名字有限公司' });
    const [audit] = await auditRows(t, ws, { entity: 'reception_visit', action: 'route', entityId: visit.id });
    expect(audit!.after).toMatchObject({ decision: { routedBy: 'existing_owner', assigneeId: id('rep1') } });
    await t.dispatch();
    const rep1 = await t.loginAs('rep1');
    const notes = (await rep1.get('/api/v1/notifications?limit=50')).json().items as { kind: string; params: Record<string, unknown> }[];
    // one notice (the reception one, which says why), not a second `lead_assigned` for the same visitor
    expect(notes.filter((n) => n.params.company === '随便写的名字有限公司').map((n) => n.kind)).toEqual(['reception_assigned']);
  });

  it('matches the normalised company name too, and a customer in the pool does not count: the rep the visitor names gets it', async () => {
    const desk = await t.loginAs('reception1');
    const owned = await ownedCustomer(id('rep3'));
    const byName = await register(desk, stranger({ company: ` ${owned.name} `, phone: null, kind: 'call', source: 'phone' }));
    expect(byName).toMatchObject({ routedBy: 'existing_owner', assignee: { id: id('rep3') }, customer: { matchedBy: 'name' } });

    const [pool] = await t.handle.db.select().from(customers).where(and(eq(customers.workspaceId, ws), sql`${customers.ownerId} is null`)).limit(1);
    const named = await register(desk, stranger({ company: pool!.name, saysKnownRep: id('rep2') }));
    expect(named).toMatchObject({ routedBy: 'named_rep', isReturning: false, assignee: { id: id('rep2') }, customer: { id: pool!.id, ownerId: null } });
  });

  it('refuses a named rep who is not an active sales user, a bad source or an unknown field, and writes nothing', async () => {
    const desk = await t.loginAs('reception1');
    const before = await written();
    const notSales = await desk.post('/api/v1/reception/visits', stranger({ saysKnownRep: id('finance1') }));
    expect(notSales.statusCode).toBe(400);
    expect(notSales.json().error.details[0].path).toBe('saysKnownRep');
    expect((await desk.post('/api/v1/reception/visits', stranger({ source: 'billboard' }))).statusCode).toBe(400);
    expect((await desk.post('/api/v1/reception/visits', stranger({ ownerId: id('rep1') }))).statusCode).toBe(400);
    expect((await desk.post('/api/v1/reception/visits', stranger({ company: '   ' }))).statusCode).toBe(400);
    expect((await desk.post('/api/v1/reception/visits', stranger({ phone: 'abc' }))).statusCode).toBe(400);
    expect(await written()).toEqual(before);
  });

  it('only the front desk registers', async () => {
    for (const user of ['rep1', 'manager1', 'finance1', 'warehouse1', 'admin']) {
      const client = await t.loginAs(user);
      expect((await client.post('/api/v1/reception/visits', stranger())).statusCode, user).toBe(403);
    }
  });
});

describe('duty rotation', () => {
  it('rotates new visitors fairly through the on-duty group, in roster order', async () => {
    const w = await seedWorkspace(t);
    await setRoster(w, [w.userIds.rep1!, w.userIds.rep2!, w.userIds.rep3!]);
    const desk = await w.loginAs('reception1');
    const got: string[] = [];
    for (let i = 0; i < 6; i++) got.push((await register(desk, stranger())).assignee.id);
    expect(got).toEqual([w.userIds.rep1, w.userIds.rep2, w.userIds.rep3, w.userIds.rep1, w.userIds.rep2, w.userIds.rep3]);
    const visits = (await desk.get('/api/v1/reception/visits?limit=200')).json().items as Visit[];
    expect(visits.every((v) => v.routedBy === 'duty_rotation')).toBe(true);
  });

  it('40 simultaneous registrations with 4 members on duty give each member exactly 10, each decision audited', async () => {
    const w = await seedWorkspace(t);
    const members = ['rep1', 'rep2', 'rep3', 'supervisor1'].map((u) => w.userIds[u]!);
    await setRoster(w, members);
    const desk = await w.loginAs('reception1');
    const results = await Promise.all(Array.from({ length: 40 }, () => desk.post('/api/v1/reception/visits', stranger())));
    expect(results.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
    const counts = new Map<string, number>();
    for (const r of results) counts.set(r.json().assignee.id, (counts.get(r.json().assignee.id) ?? 0) + 1);
    expect(Object.fromEntries(members.map((m) => [m, counts.get(m)]))).toEqual(Object.fromEntries(members.map((m) => [m, 10])));
    const ids = new Set(results.map((r) => r.json().id as string));
    const routed = (await auditRows(t, w.workspaceId, { entity: 'reception_visit', action: 'route' })).filter((a) => ids.has(a.entityId!));
    expect(routed).toHaveLength(40);
    const numbers = new Set(results.map((r) => r.json().number));
    expect(numbers.size).toBe(40);
  });

  it('with nobody on duty the visitor goes round all sales reps, flagged, and the sales manager is told once', async () => {
    const w = await seedWorkspace(t);
    await setRoster(w, []);
    const desk = await w.loginAs('reception1');
    const first = await register(desk, stranger());
    const second = await register(desk, stranger());
    expect(first.routedBy).toBe('no_roster_fallback');
    expect(second.routedBy).toBe('no_roster_fallback');
    expect(new Set([first.assignee.id, second.assignee.id]).size).toBe(2);
    expect([w.userIds.rep1, w.userIds.rep2, w.userIds.rep3]).toContain(first.assignee.id);
    await t.dispatch();
    const manager = await w.loginAs('manager1');
    const notes = (await manager.get('/api/v1/notifications?limit=50')).json().items as { kind: string }[];
    expect(notes.filter((n) => n.kind === 'reception_no_roster')).toHaveLength(1);
  });
});

describe('market survey and make-up customer (补客户)', () => {
  it('the rep confirms a market survey, asks for a make-up, the supervisor and the sales manager approve, and the next new visitor goes to the rep first', async () => {
    const w = await seedWorkspace(t);
    const [rep1Id, rep2Id] = [w.userIds.rep1!, w.userIds.rep2!];
    await setRoster(w, [rep1Id, rep2Id]);
    const desk = await w.loginAs('reception1');
    const surveyed = await register(desk, stranger()); // rep1
    expect(surveyed.assignee.id).toBe(rep1Id);
    const rep1 = await w.loginAs('rep1');
    const rep2 = await w.loginAs('rep2');

    expect((await rep1.post(`/api/v1/reception/visits/${surveyed.id}/make-up`, { reason: '还没确认' })).statusCode).toBe(422);
    expect((await rep2.post(`/api/v1/reception/visits/${surveyed.id}/market-survey`, { note: '不是我的' })).statusCode).toBe(404);
    const marked = await rep1.post(`/api/v1/reception/visits/${surveyed.id}/market-survey`, { note: '来访者为咨询公司做市场调查，双方在前台确认' });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ marketSurvey: { note: '来访者为咨询公司做市场调查，双方在前台确认' }, access: { canMarkSurvey: false, canRequestMakeUp: true } });
    expect((await rep1.post(`/api/v1/reception/visits/${surveyed.id}/market-survey`, { note: '再来一次' })).statusCode).toBe(422);
    const surveyedLead = (await rep1.get(`/api/v1/leads/${surveyed.leadId}`)).json();
    expect(surveyedLead).toMatchObject({ status: 'disqualified', disqualifyReason: '来访者为咨询公司做市场调查，双方在前台确认', version: 2 });
    expect(await auditRows(t, w.workspaceId, { entity: 'lead', action: 'disqualify', entityId: surveyed.leadId! })).toHaveLength(1);

    const asked = await rep1.post(`/api/v1/reception/visits/${surveyed.id}/make-up`, { reason: '接待了市场调查，申请补客户' });
    expect(asked.statusCode, asked.body).toBe(202);
    const { approvalId } = asked.json();
    expect((await rep1.post(`/api/v1/reception/visits/${surveyed.id}/make-up`, { reason: '再申请' })).statusCode).toBe(422);

    // while pending, rotation goes on as usual
    expect((await register(desk, stranger())).assignee.id).toBe(rep2Id);
    expect((await register(desk, stranger())).assignee.id).toBe(rep1Id);
    const supervisor = await w.loginAs('supervisor1');
    expect((await supervisor.post(`/api/v1/approvals/${approvalId}/approve`, { comment: '同意' })).statusCode).toBe(200);
    const manager = await w.loginAs('manager1');
    expect((await manager.post(`/api/v1/approvals/${approvalId}/approve`, { comment: '同意补一个' })).statusCode).toBe(200);
    const detail = (await rep1.get(`/api/v1/reception/visits/${surveyed.id}`)).json() as Visit;
    expect(detail.makeUp).toMatchObject({ status: 'approved', approvalId });

    // rotation says rep2 now; the make-up turn gives rep1 an extra visitor first, then the rotation resumes
    const made = await register(desk, stranger());
    expect(made).toMatchObject({ assignee: { id: rep1Id }, isMakeUpTurn: true, routedBy: 'duty_rotation' });
    expect((await register(desk, stranger())).assignee.id).toBe(rep2Id);
    expect((await register(desk, stranger())).assignee.id).toBe(rep1Id);
    expect(((await rep1.get(`/api/v1/reception/visits/${surveyed.id}`)).json() as Visit).makeUp!.status).toBe('used');
    expect((await rep1.post(`/api/v1/reception/visits/${surveyed.id}/make-up`, { reason: '再补一个' })).statusCode).toBe(422);
  });
});

describe('manual override and the overrides report', () => {
  it('the desk reassigns today\'s visit with a reason; the sales manager sees who moved it from whom to whom and why', async () => {
    const desk = await t.loginAs('reception1');
    const visit = await register(desk, stranger({ saysKnownRep: id('rep2') }));
    const before = await countRows(t, 'reception_overrides', ws);
    const res = await desk.post(`/api/v1/reception/visits/${visit.id}/reassign`, { toUserId: id('rep3'), reason: '客户要求北京的销售对接' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ routedBy: 'manual_override', autoRoutedBy: 'named_rep', assignee: { id: id('rep3') }, autoAssignee: { id: id('rep2') } });
    expect(await countRows(t, 'reception_overrides', ws)).toBe(before + 1);
    expect((await auditRows(t, ws, { entity: 'reception_visit', action: 'reassign', entityId: visit.id }))).toHaveLength(1);
    // the visit's lead follows it to rep3 (audited), and rep3 is told once
    const [lead] = await t.handle.db.select().from(leads).where(eq(leads.id, visit.leadId!));
    expect(lead).toMatchObject({ ownerId: id('rep3'), ownedSince: today, version: 2, status: 'new' });
    const [leadAudit] = await auditRows(t, ws, { entity: 'lead', action: 'reassign', entityId: visit.leadId! });
    expect(leadAudit!.after).toMatchObject({ ownerId: id('rep3'), reason: '客户要求北京的销售对接' });
    await t.dispatch();
    const rep3Notes = (await (await t.loginAs('rep3')).get('/api/v1/notifications?limit=50')).json().items as { kind: string; params: Record<string, unknown> }[];
    expect(rep3Notes.filter((n) => n.params.company === visit.company).map((n) => n.kind)).toEqual(['reception_reassigned']);

    const manager = await t.loginAs('manager1');
    const report = await manager.get(`/api/v1/reception/overrides?from=${today}&to=${today}`);
    expect(report.statusCode).toBe(200);
    expect(report.json().items[0]).toMatchObject({
      visitId: visit.id, autoRoutedBy: 'named_rep', autoAssignee: { id: id('rep2') }, from: { id: id('rep2') }, to: { id: id('rep3') },
      reason: '客户要求北京的销售对接', by: { id: id('reception1') },
    });
    const earlier = (await manager.get(`/api/v1/reception/overrides?from=${addDays(today, -10)}&to=${addDays(today, -1)}`)).json().items as { visitId: string; visitDate: string }[];
    expect(earlier.map((o) => o.visitId)).not.toContain(visit.id);
    expect(earlier.every((o) => o.visitDate >= addDays(today, -10) && o.visitDate < today)).toBe(true);
    for (const user of ['rep1', 'reception1', 'finance1']) expect((await (await t.loginAs(user)).get('/api/v1/reception/overrides')).statusCode, user).toBe(403);
  });

  it('refuses an override to a non-sales user, to the same person, by a rep, or by the desk after the day, and writes nothing', async () => {
    const desk = await t.loginAs('reception1');
    const visit = await register(desk, stranger({ saysKnownRep: id('rep1') }));
    const before = await countRows(t, 'reception_overrides', ws);
    expect((await desk.post(`/api/v1/reception/visits/${visit.id}/reassign`, { toUserId: id('finance1'), reason: 'x' })).statusCode).toBe(400);
    expect((await desk.post(`/api/v1/reception/visits/${visit.id}/reassign`, { toUserId: id('rep1'), reason: 'x' })).statusCode).toBe(400);
    expect((await desk.post(`/api/v1/reception/visits/${visit.id}/reassign`, { toUserId: id('rep2'), reason: '' })).statusCode).toBe(400);
    const rep1 = await t.loginAs('rep1');
    expect((await rep1.post(`/api/v1/reception/visits/${visit.id}/reassign`, { toUserId: id('rep2'), reason: '我不想要' })).statusCode).toBe(403);
    await t.handle.db.update(receptionVisits).set({ visitDate: addDays(today, -1) }).where(eq(receptionVisits.id, visit.id));
    expect((await desk.post(`/api/v1/reception/visits/${visit.id}/reassign`, { toUserId: id('rep2'), reason: '昨天的' })).statusCode).toBe(404);
    expect(await countRows(t, 'reception_overrides', ws)).toBe(before);
    expect((await t.handle.db.select().from(leads).where(eq(leads.id, visit.leadId!)))[0]).toMatchObject({ ownerId: id('rep1'), version: 1 });
    // the supervisor of 销售一部 may, within the team
    const supervisor = await t.loginAs('supervisor1');
    const moved = await supervisor.post(`/api/v1/reception/visits/${visit.id}/reassign`, { toUserId: id('rep2'), reason: '陈静出差' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await supervisor.post(`/api/v1/reception/visits/${visit.id}/reassign`, { toUserId: id('rep3'), reason: '跨部门' })).statusCode).toBe(400);
  });
});

describe('who sees which visit', () => {
  it('reps see their own, the supervisor the team, the desk today\'s list only, finance and warehouse nothing', async () => {
    const desk = await t.loginAs('reception1');
    const mine = await register(desk, stranger({ saysKnownRep: id('rep1') }));
    const theirs = await register(desk, stranger({ saysKnownRep: id('rep3') }));
    const [rep1, rep2, supervisor, manager] = await Promise.all([t.loginAs('rep1'), t.loginAs('rep2'), t.loginAs('supervisor1'), t.loginAs('manager1')]);
    expect((await rep1.get(`/api/v1/reception/visits/${mine.id}`)).statusCode).toBe(200);
    expect((await rep2.get(`/api/v1/reception/visits/${mine.id}`)).statusCode).toBe(404);
    const rep1List = (await rep1.get('/api/v1/reception/visits?limit=200')).json().items as Visit[];
    expect(rep1List.every((v) => v.assignee.id === id('rep1'))).toBe(true);
    expect(rep1List.map((v) => v.id)).toContain(mine.id);
    const paged: Visit[] = [];
    for (let cursor: string | null = null, guard = 0; guard < 50 && (guard === 0 || cursor); guard++) {
      const page = (await rep1.get(`/api/v1/reception/visits?limit=7${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: Visit[]; nextCursor: string | null };
      paged.push(...page.items);
      cursor = page.nextCursor;
    }
    const [counted] = await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(receptionVisits).where(and(eq(receptionVisits.workspaceId, ws), eq(receptionVisits.assigneeId, id('rep1'))));
    expect(new Set(paged.map((v) => v.id)).size).toBe(counted!.n);
    expect((await supervisor.get(`/api/v1/reception/visits/${theirs.id}`)).statusCode).toBe(404);
    expect((await manager.get(`/api/v1/reception/visits/${theirs.id}`)).statusCode).toBe(200);
    const deskList = (await desk.get(`/api/v1/reception/visits?date=${today}&limit=200`)).json().items as Visit[];
    expect(deskList.map((v) => v.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect((await desk.get(`/api/v1/reception/visits?date=${addDays(today, -1)}`)).statusCode).toBe(403);
    // a market survey is confirmed at the desk, on the day of the visit
    await t.handle.db.update(receptionVisits).set({ visitDate: addDays(today, -1) }).where(eq(receptionVisits.id, mine.id));
    const late = await rep1.post(`/api/v1/reception/visits/${mine.id}/market-survey`, { note: '昨天的来访' });
    expect(late.statusCode).toBe(422);
    expect(((await rep1.get(`/api/v1/reception/visits/${mine.id}`)).json() as Visit)).toMatchObject({ marketSurvey: null, access: { canMarkSurvey: false } });
    for (const user of ['finance1', 'warehouse1', 'cs1', 'admin']) {
      const client = await t.loginAs(user);
      expect((await client.get('/api/v1/reception/visits')).statusCode, user).toBe(403);
      expect((await client.get('/api/v1/reception/daily')).statusCode, user).toBe(403);
    }
  });
});

describe('duty roster', () => {
  it('the sales manager (and the administrator) keeps the roster; the desk and reps read it; members must be active sales users', async () => {
    const w: ExtraWorkspace = await seedWorkspace(t);
    const manager = await w.loginAs('manager1');
    const to = addDays(today, 6);
    const put = await manager.put(`/api/v1/reception/roster?from=${today}&to=${to}`, {
      days: [{ date: today, userIds: [w.userIds.rep2, w.userIds.rep1] }, { date: addDays(today, 1), userIds: [w.userIds.rep3] }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const roster = put.json();
    expect(roster.days).toHaveLength(7);
    expect(roster.days[0].members.map((m: { id: string }) => m.id)).toEqual([w.userIds.rep2, w.userIds.rep1]);
    expect(roster.days[2].members).toEqual([]);
    expect(roster.candidates.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([w.userIds.rep1, w.userIds.supervisor1, w.userIds.manager1]));
    expect((await auditRows(t, w.workspaceId, { entity: 'reception_roster', action: 'update' }))).toHaveLength(1);

    const desk = await w.loginAs('reception1');
    expect((await desk.get(`/api/v1/reception/roster?from=${today}&to=${to}`)).json().days[1].members[0].id).toBe(w.userIds.rep3);
    expect((await desk.put(`/api/v1/reception/roster?from=${today}&to=${today}`, { days: [] })).statusCode).toBe(403);
    expect((await (await w.loginAs('rep1')).put(`/api/v1/reception/roster?from=${today}&to=${today}`, { days: [] })).statusCode).toBe(403);
    expect((await (await w.loginAs('finance1')).get(`/api/v1/reception/roster?from=${today}&to=${today}`)).statusCode).toBe(403);
    const admin = await w.loginAs('admin');
    expect((await admin.put(`/api/v1/reception/roster?from=${addDays(today, 1)}&to=${addDays(today, 1)}`, { days: [{ date: addDays(today, 1), userIds: [w.userIds.rep1] }] })).statusCode).toBe(200);

    const rows = await countRows(t, 'reception_roster', w.workspaceId);
    const bad = [
      { q: `from=${today}&to=${today}`, body: { days: [{ date: today, userIds: [w.userIds.finance1] }] }, path: 'days.0.userIds.0' },
      { q: `from=${today}&to=${today}`, body: { days: [{ date: today, userIds: [w.userIds.rep1, w.userIds.rep1] }] }, path: 'days.0.userIds' },
      { q: `from=${today}&to=${today}`, body: { days: [{ date: addDays(today, 3), userIds: [] }] }, path: 'days.0.date' },
      { q: `from=${addDays(today, -1)}&to=${today}`, body: { days: [] }, path: 'from' },
      { q: `from=${today}&to=${addDays(today, -1)}`, body: { days: [] }, path: 'to' },
    ];
    for (const b of bad) {
      const res = await manager.put(`/api/v1/reception/roster?${b.q}`, b.body);
      expect(res.statusCode, b.path).toBe(400);
      expect(res.json().error.details[0].path).toBe(b.path);
    }
    expect(await countRows(t, 'reception_roster', w.workspaceId)).toBe(rows);
  });
});

describe('daily report', () => {
  it('counts walk-ins new vs returning and calls per channel, and exports them to Excel (audited)', async () => {
    const w = await seedWorkspace(t);
    await setRoster(w, [w.userIds.rep1!]);
    const desk = await w.loginAs('reception1');
    const [owned] = await t.handle.db.select().from(customers).where(and(eq(customers.workspaceId, w.workspaceId), isNotNull(customers.ownerId), isNotNull(customers.phone))).limit(1);
    await register(desk, stranger({ source: 'exhibition' }));
    await register(desk, stranger({ source: 'exhibition' }));
    await register(desk, stranger({ phone: owned!.phone, source: 'exhibition' }));
    await register(desk, stranger({ kind: 'call', source: 'web_form' }));

    const report = await desk.get(`/api/v1/reception/daily?date=${today}`);
    expect(report.statusCode, report.body).toBe(200);
    const body = report.json();
    expect(body.bySource.find((s: { source: string }) => s.source === 'exhibition')).toEqual({ source: 'exhibition', walkInNew: 2, walkInReturning: 1, calls: 0, total: 3 });
    expect(body.bySource.find((s: { source: string }) => s.source === 'web_form')).toMatchObject({ calls: 1, total: 1 });
    expect(body.totals).toEqual({ walkInNew: 2, walkInReturning: 1, calls: 1, total: 4 });
    expect((await desk.get(`/api/v1/reception/daily?from=${today}&to=${addDays(today, -2)}`)).statusCode).toBe(400);

    // a rep's report covers the visitors routed to them only
    const rep2 = await w.loginAs('rep2');
    expect((await rep2.get('/api/v1/reception/daily')).statusCode).toBe(403);
    const manager = await w.loginAs('manager1');
    expect((await manager.get(`/api/v1/reception/daily?date=${today}`)).json().totals.total).toBe(4);

    const file = await manager.get(`/api/v1/reception/daily.xlsx?date=${today}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '日期', '渠道', '新客户来访', '老客户来访', '来电', '合计']);
    const lines = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(lines).toContainEqual([today, '展会', 2, 1, 0, 3]);
    expect(lines.at(-1)).toEqual([`${today} – ${today}`, '合计', 2, 1, 1, 4]);
    expect((await auditRows(t, w.workspaceId, { entity: 'reception_report', action: 'export' }))).toHaveLength(1);
  });

  it('every registration of the workspace has its routing audit row', async () => {
    const visits = await t.handle.db.select({ id: receptionVisits.id }).from(receptionVisits).where(eq(receptionVisits.workspaceId, ws));
    const audited = new Set((await auditRows(t, ws, { entity: 'reception_visit', action: 'route' })).map((a) => a.entityId));
    expect(visits.length).toBeGreaterThan(0);
    expect(visits.filter((v) => !audited.has(v.id))).toEqual([]);
  });
});
