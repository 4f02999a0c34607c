import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, seedWorkspace, type ExtraWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { customerCollaborators, customerPoolEvents, customers } from '../customers.schema.js';
import { recyclePoolsOfAllWorkspaces, recycleSweep } from '../index.js';
import { allPages, createCustomer, customerRow, notificationsOf, setCustomerDates, type CustomerBody } from './customers.fixtures.js';

const t = await setupTestApp();
const today = todayIn('Asia/Shanghai');

async function setPolicies(w: ExtraWorkspace, values: Record<string, number>) {
  const admin = await w.loginAs('admin');
  const current = (await admin.get('/api/v1/settings/policies')).json() as { version: number };
  const res = await admin.patch('/api/v1/settings/policies', { version: current.version, values });
  expect(res.statusCode, res.body).toBe(200);
}

async function ownedCount(client: Client): Promise<number> {
  return ((await client.get('/api/v1/customers/counts?ownerId=me&inPool=false')).json() as { total: number }).total;
}

async function poolEvents(customerId: string) {
  return t.handle.db.select().from(customerPoolEvents).where(eq(customerPoolEvents.customerId, customerId)).orderBy(customerPoolEvents.id);
}

/** A customer of rep1's, released into the pool of workspace w. */
async function pooledCustomer(w: ExtraWorkspace, extra: Record<string, unknown> = {}) {
  const rep1 = await w.loginAs('rep1');
  const c = await createCustomer(rep1, extra);
  const res = await rep1.post(`/api/v1/customers/${c.id}/release`, { reason: '无意向' });
  expect(res.statusCode, res.body).toBe(200);
  return c;
}

describe('release and the pool (公海)', () => {
  it('returns a customer to the pool: no owner, cool-down for the former owner, collaborations end, audited', async () => {
    const w = await seedWorkspace(t);
    const rep1 = await w.loginAs('rep1');
    const c = await createCustomer(rep1);
    await rep1.post(`/api/v1/customers/${c.id}/collaborators`, { userId: w.userIds.rep3 });
    await rep1.post(`/api/v1/customers/${c.id}/lock`, {});
    const res = await rep1.post(`/api/v1/customers/${c.id}/release`, { reason: '客户无预算' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ownerId: null, inPool: true, formerOwnerId: w.userIds.rep1, releasedOn: today, isLocked: false, recycleOn: null });
    expect(await t.handle.db.select().from(customerCollaborators).where(eq(customerCollaborators.customerId, c.id))).toEqual([]);
    expect((await poolEvents(c.id)).map((e) => [e.kind, e.userId, e.reason])).toEqual([['release', w.userIds.rep1, '客户无预算']]);
    expect((await auditRows(t, w.workspaceId, { entity: 'customer', entityId: c.id })).map((a) => a.action)).toEqual(['create', 'share', 'lock', 'release']);

    // anyone who may claim sees it in the pool (and its summary); it left rep1's list
    const rep2 = await w.loginAs('rep2');
    const pool = await allPages<CustomerBody>(rep2, '/api/v1/customers/pool');
    expect(pool.map((x) => x.id)).toContain(c.id);
    expect(pool.every((x) => x.ownerId === null)).toBe(true);
    expect((await rep2.get(`/api/v1/customers/${c.id}`)).statusCode).toBe(200);
    expect((await allPages<CustomerBody>(rep1, '/api/v1/customers')).map((x) => x.id)).not.toContain(c.id);
    expect((await (await w.loginAs('rep3')).get(`/api/v1/customers/${c.id}`)).statusCode).toBe(200); // via the pool, no longer as collaborator
    expect((await rep1.post(`/api/v1/customers/${c.id}/release`, {})).statusCode).toBe(422); // already in the pool
  });

  it('lets only the owner or their managers release; others get 404', async () => {
    const w = await seedWorkspace(t);
    const c = await createCustomer(await w.loginAs('rep1'));
    expect((await (await w.loginAs('rep2')).post(`/api/v1/customers/${c.id}/release`, {})).statusCode).toBe(404);
    expect((await (await w.loginAs('supervisor1')).post(`/api/v1/customers/${c.id}/release`, {})).statusCode).toBe(200);
  });
});

describe('POST /customers/{id}/claim', () => {
  it('gives a pool customer to the claimant from today, audited with a pool event', async () => {
    const w = await seedWorkspace(t);
    const c = await pooledCustomer(w);
    const rep2 = await w.loginAs('rep2');
    const res = await rep2.post(`/api/v1/customers/${c.id}/claim`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ownerId: w.userIds.rep2, ownerName: '杨帆', ownedSince: today, inPool: false, recycleOn: addDays(today, 30) });
    expect((await poolEvents(c.id)).map((e) => [e.kind, e.userId])).toEqual([['release', w.userIds.rep1], ['claim', w.userIds.rep2]]);
    expect((await auditRows(t, w.workspaceId, { entity: 'customer', entityId: c.id, action: 'claim' }))).toHaveLength(1);
    expect((await rep2.post(`/api/v1/customers/${c.id}/claim`, {})).json().error.code).toBe('CONFLICT'); // already mine
    // rep3 never saw it owned by anyone: a claimed pool customer answers 409, an owned one 404
    const rep3 = await w.loginAs('rep3');
    expect((await rep3.post(`/api/v1/customers/${c.id}/claim`, {})).statusCode).toBe(409);
    const neverPooled = await createCustomer(await w.loginAs('rep1'));
    expect((await rep3.post(`/api/v1/customers/${neverPooled.id}/claim`, {})).statusCode).toBe(404);
  });

  it('refuses the former owner during the cool-down (7 days) and allows them after it', async () => {
    const w = await seedWorkspace(t);
    const c = await pooledCustomer(w);
    const rep1 = await w.loginAs('rep1');
    const refused = await rep1.post(`/api/v1/customers/${c.id}/claim`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'RULE_VIOLATION', message: `您刚退回该客户，7 天后（${addDays(today, 7)} 起）才能再次领取` });
    await setCustomerDates(t, c.id, { releasedOn: addDays(today, -6) });
    expect((await rep1.post(`/api/v1/customers/${c.id}/claim`, {})).statusCode).toBe(422);
    await setCustomerDates(t, c.id, { releasedOn: addDays(today, -7) });
    expect((await rep1.post(`/api/v1/customers/${c.id}/claim`, {})).statusCode).toBe(200);
  });

  it('refuses a rep at the owned cap, and changes nothing', async () => {
    const w = await seedWorkspace(t);
    const c = await pooledCustomer(w);
    const rep2 = await w.loginAs('rep2');
    const owned = await ownedCount(rep2);
    await setPolicies(w, { 'pool.ownedCap': owned });
    const res = await rep2.post(`/api/v1/customers/${c.id}/claim`, {}, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe(`You own the maximum number of customers (${owned}) and cannot claim more`);
    expect(await customerRow(t, c.id)).toMatchObject({ ownerId: null, version: 2 });
    expect((await poolEvents(c.id)).map((e) => e.kind)).toEqual(['release']);
    await setPolicies(w, { 'pool.ownedCap': owned + 1 });
    expect((await rep2.post(`/api/v1/customers/${c.id}/claim`, {})).statusCode).toBe(200);
  });

  it('limits claims per rep per day', async () => {
    const w = await seedWorkspace(t);
    await setPolicies(w, { 'pool.claimsPerDay': 2 });
    const cs = [await pooledCustomer(w), await pooledCustomer(w), await pooledCustomer(w)];
    const rep2 = await w.loginAs('rep2');
    expect((await rep2.post(`/api/v1/customers/${cs[0]!.id}/claim`, {})).statusCode).toBe(200);
    expect((await rep2.post(`/api/v1/customers/${cs[1]!.id}/claim`, {})).statusCode).toBe(200);
    const third = await rep2.post(`/api/v1/customers/${cs[2]!.id}/claim`, {});
    expect(third.statusCode).toBe(422);
    expect(third.json().error.message).toBe('今天领取次数已达上限（每天 2 个）');
    // someone else's limit is their own
    expect((await (await w.loginAs('rep3')).post(`/api/v1/customers/${cs[2]!.id}/claim`, {})).statusCode).toBe(200);
  });

  it('of two simultaneous claims of one customer, exactly one wins and the other gets 409', async () => {
    const w = await seedWorkspace(t);
    const [rep2, rep3, supervisor] = await Promise.all([w.loginAs('rep2'), w.loginAs('rep3'), w.loginAs('supervisor1')]);
    for (let round = 0; round < 3; round++) {
      const c = await pooledCustomer(w);
      const results = await Promise.all([rep2, rep3, supervisor].map((client) => client.post(`/api/v1/customers/${c.id}/claim`, {})));
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      const winner = results.find((r) => r.statusCode === 200)!.json() as CustomerBody;
      expect((await customerRow(t, c.id))!.ownerId).toBe(winner.ownerId);
      expect((await poolEvents(c.id)).filter((e) => e.kind === 'claim')).toHaveLength(1);
      expect((await auditRows(t, w.workspaceId, { entity: 'customer', entityId: c.id, action: 'claim' }))).toHaveLength(1);
    }
  });

  it('keeps the daily limit under concurrent claims by one rep', async () => {
    const w = await seedWorkspace(t);
    await setPolicies(w, { 'pool.claimsPerDay': 1 });
    const cs = [await pooledCustomer(w), await pooledCustomer(w), await pooledCustomer(w)];
    const rep2 = await w.loginAs('rep2');
    const results = await Promise.all(cs.map((c) => rep2.post(`/api/v1/customers/${c.id}/claim`, {})));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422, 422]);
  });
});

describe('lock (锁定)', () => {
  it('locks within the per-rep lock cap, and unlocks', async () => {
    const w = await seedWorkspace(t);
    const rep1 = await w.loginAs('rep1');
    const [a, b] = [await createCustomer(rep1), await createCustomer(rep1)];
    const lockedNow = (await t.handle.db.select().from(customers)
      .where(and(eq(customers.workspaceId, w.workspaceId), eq(customers.ownerId, w.userIds.rep1!), eq(customers.isLocked, true)))).length;
    await setPolicies(w, { 'pool.lockCap': lockedNow + 1 });
    const locked = await rep1.post(`/api/v1/customers/${a.id}/lock`, { reason: '战略客户' });
    expect(locked.statusCode, locked.body).toBe(200);
    expect(locked.json()).toMatchObject({ isLocked: true, lockedBy: w.userIds.rep1, recycleOn: null });
    expect((await rep1.post(`/api/v1/customers/${a.id}/lock`, {})).statusCode).toBe(409);
    const capped = await rep1.post(`/api/v1/customers/${b.id}/lock`, {});
    expect(capped.statusCode).toBe(422);
    expect(capped.json().error.message).toBe(`锁定客户数已达上限（每人 ${lockedNow + 1} 个）`);
    expect((await rep1.post(`/api/v1/customers/${a.id}/unlock`, {})).json()).toMatchObject({ isLocked: false, lockedBy: null });
    expect((await rep1.post(`/api/v1/customers/${b.id}/lock`, {})).statusCode).toBe(200);
    expect((await (await w.loginAs('rep2')).post(`/api/v1/customers/${b.id}/unlock`, {})).statusCode).toBe(404);
  });
});

describe('the recycle sweep (POST /admin/pool/recycle)', () => {
  it('recycles at N days without follow-up (not at N−1), per value class, and warns once in the last 3 days', async () => {
    const w = await seedWorkspace(t);
    await setPolicies(w, { 'pool.noFollowUpDays.A': 60, 'pool.noDealDays.A': 180 });
    const rep1 = await w.loginAs('rep1');
    const [n1, n, n2, a59, a60, locked] = [
      await createCustomer(rep1), await createCustomer(rep1), await createCustomer(rep1),
      await createCustomer(rep1, { valueClass: 'A' }), await createCustomer(rep1, { valueClass: 'A' }), await createCustomer(rep1),
    ];
    await rep1.post(`/api/v1/customers/${locked.id}/lock`, {});
    await setCustomerDates(t, n1.id, { ownedSince: addDays(today, -40), lastFollowUpOn: addDays(today, -29) });
    await setCustomerDates(t, n.id, { ownedSince: addDays(today, -40), lastFollowUpOn: addDays(today, -30) });
    await setCustomerDates(t, n2.id, { ownedSince: addDays(today, -40), lastFollowUpOn: addDays(today, -31) });
    await setCustomerDates(t, a59.id, { ownedSince: addDays(today, -59) });
    await setCustomerDates(t, a60.id, { ownedSince: addDays(today, -60) });
    await setCustomerDates(t, locked.id, { ownedSince: addDays(today, -400) });

    const admin = await w.loginAs('admin');
    const first = await admin.post('/api/v1/admin/pool/recycle', { asOf: today });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().recycled).toBeGreaterThanOrEqual(3);
    const state = async (c: CustomerBody) => (await customerRow(t, c.id))!;
    expect(await state(n1)).toMatchObject({ ownerId: w.userIds.rep1, recycleWarnedFor: addDays(today, 1) });
    expect(await state(a59)).toMatchObject({ ownerId: w.userIds.rep1, recycleWarnedFor: addDays(today, 1) });
    for (const gone of [n, n2, a60]) {
      expect(await state(gone)).toMatchObject({ ownerId: null, formerOwnerId: w.userIds.rep1, releasedOn: today, ownedSince: null });
      expect((await poolEvents(gone.id)).map((e) => [e.kind, e.userId, e.reason, e.actorId])).toEqual([['recycle', w.userIds.rep1, 'no_follow_up', w.userIds.admin]]);
      expect((await auditRows(t, w.workspaceId, { entity: 'customer', entityId: gone.id, action: 'recycle' }))).toHaveLength(1);
    }
    expect(await state(locked)).toMatchObject({ ownerId: w.userIds.rep1, isLocked: true });

    // idempotent: the same sweep again changes nothing and warns nobody twice
    expect((await admin.post('/api/v1/admin/pool/recycle', { asOf: today })).json()).toEqual({ asOf: today, recycled: 0, warned: 0 });
    const notes = await notificationsOf(t, rep1);
    const warnings = notes.filter((x) => x.kind === 'customer_recycle_warning' && x.link === `/customers/${n1.id}`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.params).toMatchObject({ customer: n1.name, recycleOn: addDays(today, 1), daysLeft: 1 });
    expect(notes.filter((x) => x.kind === 'customer_recycled').length).toBeGreaterThanOrEqual(1);
    expect((await admin.post('/api/v1/admin/pool/recycle', {})).json()).toMatchObject({ recycled: 0, warned: 0 });

    // a follow-up starts a new cycle, which gets its own warning
    await setCustomerDates(t, n1.id, { lastFollowUpOn: today });
    expect((await admin.post('/api/v1/admin/pool/recycle', { asOf: addDays(today, 26) })).statusCode).toBe(200);
    expect((await state(n1)).recycleWarnedFor).toBe(addDays(today, 1));
    await admin.post('/api/v1/admin/pool/recycle', { asOf: addDays(today, 27) });
    expect((await state(n1)).recycleWarnedFor).toBe(addDays(today, 30));
  });

  it('works through the customers in batches: every due customer once, with batches smaller than the work', async () => {
    const w = await seedWorkspace(t);
    const rep1 = await w.loginAs('rep1');
    const due = await Promise.all(Array.from({ length: 5 }, () => createCustomer(rep1)));
    const warn = await Promise.all(Array.from({ length: 3 }, () => createCustomer(rep1)));
    for (const c of due) await setCustomerDates(t, c.id, { ownedSince: addDays(today, -40), lastFollowUpOn: addDays(today, -35) });
    for (const c of warn) await setCustomerDates(t, c.id, { ownedSince: addDays(today, -40), lastFollowUpOn: addDays(today, -28) });
    const who = { workspaceId: w.workspaceId, actorId: null, actorName: 'system' };
    const recycleEvents = () => t.handle.db.select().from(customerPoolEvents)
      .where(and(eq(customerPoolEvents.workspaceId, w.workspaceId), eq(customerPoolEvents.kind, 'recycle')));
    const before = new Set((await recycleEvents()).map((e) => e.id));
    const first = await recycleSweep(t.handle.db, who, today, 2);
    expect(first.recycled).toBeGreaterThanOrEqual(5); // the seeded workspace has due customers of its own
    for (const c of due) expect((await poolEvents(c.id)).map((e) => e.kind)).toEqual(['recycle']);
    for (const c of warn) expect(await customerRow(t, c.id)).toMatchObject({ ownerId: w.userIds.rep1, recycleWarnedFor: addDays(today, 2) });
    const events = (await recycleEvents()).filter((e) => !before.has(e.id));
    expect(events).toHaveLength(first.recycled); // each once, none skipped between batches
    expect(new Set(events.map((e) => e.customerId)).size).toBe(first.recycled);
    expect(await recycleSweep(t.handle.db, who, today, 2)).toEqual({ asOf: today, recycled: 0, warned: 0 });
  });

  it('counts no-deal days too, and respects the per-class deal limit', async () => {
    const w = await seedWorkspace(t);
    const rep1 = await w.loginAs('rep1');
    const c = await createCustomer(rep1, { valueClass: 'B' });
    await setCustomerDates(t, c.id, { ownedSince: addDays(today, -90), lastFollowUpOn: addDays(today, -1) });
    await (await w.loginAs('admin')).post('/api/v1/admin/pool/recycle', { asOf: today });
    expect(await customerRow(t, c.id)).toMatchObject({ ownerId: null });
    expect((await poolEvents(c.id))[0]!.reason).toBe('no_deal');
  });

  it('is for administrators and managers only; the scheduler runs it for every workspace', async () => {
    expect((await (await t.loginAs('rep1')).post('/api/v1/admin/pool/recycle', {})).statusCode).toBe(403);
    expect((await (await t.loginAs('manager1')).post('/api/v1/admin/pool/recycle', { asOf: today })).statusCode).toBe(200);
    const results = await recyclePoolsOfAllWorkspaces(t.handle.db);
    expect(results.length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.asOf === today)).toBe(true);
    const again = await recyclePoolsOfAllWorkspaces(t.handle.db);
    expect(again.every((r) => r.recycled === 0 && r.warned === 0)).toBe(true);
  });
});

describe('ownership history', () => {
  it('shows whoever can see the customer its releases and claims, newest first, with names and reasons; others get 404', async () => {
    const w = await seedWorkspace(t);
    const c = await pooledCustomer(w);
    const rep2 = await w.loginAs('rep2');
    expect((await rep2.post(`/api/v1/customers/${c.id}/claim`, {})).statusCode).toBe(200);

    const res = await rep2.get(`/api/v1/customers/${c.id}/pool-events`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: { kind: string; user: { id: string; name: string } | null; actor: { name: string } | null; reason: string | null; onDate: string }[] };
    expect(page.items.map((e) => [e.kind, e.user?.id, e.reason, e.onDate])).toEqual([
      ['claim', w.userIds.rep2, null, today],
      ['release', w.userIds.rep1, '无意向', today],
    ]);
    expect(page.items.every((e) => e.user!.name.length > 0 && e.actor!.name.length > 0)).toBe(true);

    // rep3 (销售二部) saw it while it was in the pool; now that rep2 owns it, its history is not found
    const rep3 = await w.loginAs('rep3');
    expect((await rep3.get(`/api/v1/customers/${c.id}/pool-events`)).statusCode).toBe(404);
    expect((await rep3.get('/api/v1/customers/00000000-0000-7000-8000-000000000000/pool-events')).statusCode).toBe(404);
  });
});
