import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, seedWorkspace, type ExtraWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { allPages, notificationsOf } from '../../customers/__tests__/customers.fixtures.js';
import { recycleLeadPoolsOfAllWorkspaces } from '../index.js';
import { leadPoolEvents } from '../leads.schema.js';
import { createLead, leadRow, setLeadDates, type LeadBody } from './leads.fixtures.js';

const t = await setupTestApp();
const today = todayIn('Asia/Shanghai');

async function setPolicies(w: ExtraWorkspace, values: Record<string, number>) {
  const admin = await w.loginAs('admin');
  const current = (await admin.get('/api/v1/settings/policies')).json() as { version: number };
  const res = await admin.patch('/api/v1/settings/policies', { version: current.version, values });
  expect(res.statusCode, res.body).toBe(200);
}

async function pooledLead(w: ExtraWorkspace) {
  const rep1 = await w.loginAs('rep1');
  const lead = await createLead(rep1);
  const res = await rep1.post(`/api/v1/leads/${lead.id}/release`, { reason: '联系不上' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as LeadBody;
}

describe('release, pool and claim (线索池)', () => {
  it('releases a lead into the pool, where other reps see and claim it; the former owner loses it', async () => {
    const w = await seedWorkspace(t);
    const lead = await pooledLead(w);
    expect(lead).toMatchObject({ ownerId: null, inPool: true, formerOwnerId: w.userIds.rep1, releasedOn: today, recycleOn: null });
    const rep3 = await w.loginAs('rep3');
    expect((await allPages<LeadBody>(rep3, '/api/v1/leads/pool')).map((l) => l.id)).toContain(lead.id);
    expect((await rep3.get(`/api/v1/leads/${lead.id}`)).json().access.canClaim).toBe(true);
    const rep1 = await w.loginAs('rep1');
    expect((await allPages<LeadBody>(rep1, '/api/v1/leads')).map((l) => l.id)).not.toContain(lead.id);
    const res = await rep3.post(`/api/v1/leads/${lead.id}/claim`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ownerId: w.userIds.rep3, ownedSince: today, inPool: false });
    expect((await allPages<LeadBody>(rep3, '/api/v1/leads/pool')).map((l) => l.id)).not.toContain(lead.id);
    expect((await auditRows(t, w.workspaceId, { entity: 'lead', entityId: lead.id })).map((a) => a.action)).toEqual(['create', 'release', 'claim']);
    const events = await t.handle.db.select().from(leadPoolEvents).where(eq(leadPoolEvents.leadId, lead.id)).orderBy(leadPoolEvents.id);
    expect(events.map((e) => [e.kind, e.userId])).toEqual([['release', w.userIds.rep1], ['claim', w.userIds.rep3]]);
    // once claimed, the former owner no longer sees it at all
    expect((await rep1.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
  });

  it('gives a pool lead to exactly one of two reps claiming at once; the other gets 409', async () => {
    const w = await seedWorkspace(t);
    const lead = await pooledLead(w);
    const [rep2, rep3] = [await w.loginAs('rep2'), await w.loginAs('rep3')];
    const results = await Promise.all([rep2.post(`/api/v1/leads/${lead.id}/claim`, {}), rep3.post(`/api/v1/leads/${lead.id}/claim`, {})]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json().ownerId;
    expect((await leadRow(t, lead.id))!.ownerId).toBe(winner);
    const claims = await t.handle.db.select().from(leadPoolEvents).where(eq(leadPoolEvents.leadId, lead.id));
    expect(claims.filter((e) => e.kind === 'claim')).toHaveLength(1);
  });

  it('keeps the former owner out for the cool-down, and applies the daily claim limit and the owned cap', async () => {
    const w = await seedWorkspace(t);
    await setPolicies(w, { 'pool.reclaimCooldownDays': 7, 'pool.claimsPerDay': 1 });
    const lead = await pooledLead(w);
    const rep1 = await w.loginAs('rep1');
    const cooled = await rep1.post(`/api/v1/leads/${lead.id}/claim`, {});
    expect(cooled.statusCode).toBe(422);
    expect(cooled.json().error.message).toContain(addDays(today, 7));
    const rep2 = await w.loginAs('rep2');
    expect((await rep2.post(`/api/v1/leads/${lead.id}/claim`, {})).statusCode).toBe(200);
    const other = await pooledLead(w);
    const limited = await rep2.post(`/api/v1/leads/${other.id}/claim`, {});
    expect(limited.statusCode).toBe(422);
    expect((await leadRow(t, other.id))!.ownerId).toBeNull();

    await setPolicies(w, { 'pool.claimsPerDay': 10, 'pool.ownedCap': 0 });
    const capped = await (await w.loginAs('rep3')).post(`/api/v1/leads/${other.id}/claim`, {});
    expect(capped.statusCode).toBe(422);
    expect((await leadRow(t, other.id))!.ownerId).toBeNull();
  });

  it('refuses claims by roles outside sales and answers 404 for a lead someone owns', async () => {
    const w = await seedWorkspace(t);
    const lead = await pooledLead(w);
    for (const user of ['gm', 'csm', 'cs1', 'finance1', 'warehouse1', 'reception1', 'admin']) {
      expect((await (await w.loginAs(user)).post(`/api/v1/leads/${lead.id}/claim`, {})).statusCode).toBe(403);
    }
    const owned = await createLead(await w.loginAs('rep1'));
    expect((await (await w.loginAs('rep3')).post(`/api/v1/leads/${owned.id}/claim`, {})).statusCode).toBe(404);
    expect((await (await w.loginAs('rep1')).post(`/api/v1/leads/${owned.id}/claim`, {})).statusCode).toBe(409);
    expect((await (await w.loginAs('rep3')).post(`/api/v1/leads/${owned.id}/release`, {})).statusCode).toBe(404);
  });
});

describe('recycling leads not followed up (leadPool.noFollowUpDays)', () => {
  it('warns the owner before, recycles at N days, and is idempotent; N−1 stays', async () => {
    const w = await seedWorkspace(t);
    await setPolicies(w, { 'leadPool.noFollowUpDays': 10, 'pool.recycleWarningDays': 3 });
    const rep1 = await w.loginAs('rep1');
    const [atN, atNminus1, atNplus1, closed] = [await createLead(rep1), await createLead(rep1), await createLead(rep1), await createLead(rep1)];
    await setLeadDates(t, atN.id, { ownedSince: addDays(today, -20), lastFollowUpOn: addDays(today, -10) });
    await setLeadDates(t, atNminus1.id, { ownedSince: addDays(today, -9), lastFollowUpOn: null });
    await setLeadDates(t, atNplus1.id, { ownedSince: addDays(today, -11), lastFollowUpOn: null });
    await setLeadDates(t, closed.id, { ownedSince: addDays(today, -30), lastFollowUpOn: null });
    await rep1.post(`/api/v1/leads/${closed.id}/disqualify`, { reason: '无需求' });

    const admin = await w.loginAs('admin');
    const first = await admin.post('/api/v1/admin/lead-pool/recycle', { asOf: today });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().asOf).toBe(today);
    expect(await leadRow(t, atN.id)).toMatchObject({ ownerId: null, formerOwnerId: w.userIds.rep1, releasedOn: today });
    expect(await leadRow(t, atNplus1.id)).toMatchObject({ ownerId: null });
    expect(await leadRow(t, atNminus1.id)).toMatchObject({ ownerId: w.userIds.rep1, recycleWarnedFor: addDays(today, 1) });
    expect(await leadRow(t, closed.id)).toMatchObject({ ownerId: w.userIds.rep1, status: 'disqualified' });
    const recycledIds = (await auditRows(t, w.workspaceId, { entity: 'lead', action: 'recycle' })).map((a) => a.entityId);
    expect(recycledIds).toHaveLength(first.json().recycled);
    expect(recycledIds).toEqual(expect.arrayContaining([atN.id, atNplus1.id]));
    expect(recycledIds).not.toContain(atNminus1.id);
    expect(recycledIds).not.toContain(closed.id);

    const again = await admin.post('/api/v1/admin/lead-pool/recycle', { asOf: today });
    expect(again.json()).toMatchObject({ recycled: 0, warned: 0 });
    const notes = await notificationsOf(t, rep1);
    expect(notes.filter((n) => n.kind === 'lead_recycled')).toHaveLength(1);
    expect(notes.filter((n) => n.kind === 'lead_recycle_warning' && n.link === `/leads/${atNminus1.id}`)).toHaveLength(1);
  });

  it('the scheduler job sweeps every workspace; an owner’s edit restarts the clock', async () => {
    const w = await seedWorkspace(t);
    const rep1 = await w.loginAs('rep1');
    const lead = await createLead(rep1);
    await setLeadDates(t, lead.id, { ownedSince: addDays(today, -60), lastFollowUpOn: addDays(today, -60) });
    const edited = await rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, status: 'contacted' });
    expect(edited.json().lastFollowUpOn).toBe(today);
    await recycleLeadPoolsOfAllWorkspaces(t.handle.db);
    expect((await leadRow(t, lead.id))!.ownerId).toBe(w.userIds.rep1);
  });

  it('only admin, GM and sales manager may run the sweep; a bad date is rejected', async () => {
    for (const user of ['rep1', 'supervisor1', 'cs1', 'finance1']) {
      expect((await (await t.loginAs(user)).post('/api/v1/admin/lead-pool/recycle', {})).statusCode).toBe(403);
    }
    expect((await (await t.loginAs('admin')).post('/api/v1/admin/lead-pool/recycle', { asOf: '2026-02-30' })).statusCode).toBe(400);
    expect((await (await t.loginAs('manager1')).post('/api/v1/admin/lead-pool/recycle', {})).statusCode).toBe(200);
  });
});
