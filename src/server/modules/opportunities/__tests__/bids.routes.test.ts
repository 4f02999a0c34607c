import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows, seedWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import { opportunityStageHistory } from '../opportunities.schema.js';
import { approvalsOf, createOpportunity, stagesByCode } from './opportunity-documents.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const uid = (u: string) => t.demo.userIds[u]!;
const rep1 = await t.loginAs('rep1');
const rep2 = await t.loginAs('rep2');
const manager = await t.loginAs('manager1');
const gm = await t.loginAs('gm');
const finance = await t.loginAs('finance1');
const other = await seedWorkspace(t);

const bidUrl = (id: string) => `/api/v1/opportunities/${id}/bid`;
const bidBody = (change: Record<string, unknown> = {}) => ({
  bidPrice: '1000000.00', cost: '850000.00', team: { ownerId: uid('rep1'), partner: '华东集成伙伴', memberIds: [uid('rep2')], schedule: '12 月 15 日开标' },
  competitorAnalysis: '主要对手报价偏低，但交付周期长', ...change,
});
const bidding = () => createOpportunity(t, rep1, ws, { stage: 'bidding' });

describe('bid (投标): margin, approval', () => {
  it('a bid exactly at the policy margin (15.00 %) goes to the sales manager and then the GM, and ends approved', async () => {
    const opp = await bidding();
    expect((await rep1.get(bidUrl(opp.id))).json()).toBeNull();
    const saved = await rep1.put(bidUrl(opp.id), bidBody());
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ grossMarginPct: '15.00', isBelowPolicyMargin: false, policyMinMarginPct: '15.00', status: 'draft', canEdit: true, canCloseWithNoBid: false });

    const submitted = await rep1.post(`${bidUrl(opp.id)}/submit`, { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('pending');
    const [approval] = await approvalsOf(t, ws, 'bid_price', opp.id);
    expect(approval!.steps.map((s) => s.assigneeIds)).toEqual([[uid('manager1')], [uid('gm')]]);
    expect(approval!.snapshot).toMatchObject({ bidPrice: '1000000.00', cost: '850000.00', grossMarginPct: '15.00', minMarginPct: '15.00' });

    // with competitors named and the key node ticked, only the pending bid approval holds the opportunity in 招投标
    const { stage } = await stagesByCode(t, ws, 'big_account');
    let v = (await rep1.get(`/api/v1/opportunities/${opp.id}`)).json().version as number;
    v = (await rep1.patch(`/api/v1/opportunities/${opp.id}`, { version: v, competitors: ['对手甲'] })).json().version;
    v = (await rep1.post(`/api/v1/opportunities/${opp.id}/key-nodes/${stage.bidding}`, { version: v, done: true })).json().version;
    const refused = await rep1.post(`/api/v1/opportunities/${opp.id}/move`, { version: v, toStageId: stage.negotiation }, { 'accept-language': 'en-US' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('bid price must be approved');
    expect((await gm.post(`/api/v1/approvals/${approval!.id}/approve`, {})).statusCode).toBe(403); // not the GM's turn yet
    expect((await manager.post(`/api/v1/approvals/${approval!.id}/approve`, {})).statusCode).toBe(200);
    expect((await rep1.get(bidUrl(opp.id))).json().status).toBe('pending');
    expect((await gm.post(`/api/v1/approvals/${approval!.id}/approve`, { comment: '同意报价' })).statusCode).toBe(200);
    const approved = (await rep1.get(bidUrl(opp.id))).json();
    expect(approved).toMatchObject({ status: 'approved', canEdit: false });

    // the requester is told by the engine
    await t.dispatch();
    const notes = (await rep1.get('/api/v1/notifications?limit=200')).json().items as { kind: string; link: string }[];
    expect(notes.some((n) => n.kind === 'approval_approved' && n.link === `/inbox/${approval!.id}`)).toBe(true);
    expect((await auditRows(t, ws, { entity: 'bid', entityId: approved.id })).map((a) => a.action)).toEqual(['create', 'submit', 'approve']);

    // approved: the gate lets the opportunity move on to 商务谈判
    const moved = await rep1.post(`/api/v1/opportunities/${opp.id}/move`, { version: v, toStageId: stage.negotiation });
    expect(moved.statusCode, moved.body).toBe(200);

    // an approved bid is not re-priced, nor closed as no-bid
    expect((await rep1.put(bidUrl(opp.id), bidBody({ version: approved.version, bidPrice: '900000.00' }))).statusCode).toBe(422);
    const current = (await rep1.get(`/api/v1/opportunities/${opp.id}`)).json();
    expect((await rep1.post(`/api/v1/opportunities/${opp.id}/no-bid`, { version: current.version, report: '不投了' })).statusCode).toBe(422);
  });

  it('a bid 0.01 below the policy margin is refused at submit (“close with a no-bid report”), and the no-bid report closes the opportunity as lost', async () => {
    const opp = await bidding();
    const saved = (await rep1.put(bidUrl(opp.id), bidBody({ cost: '850100.00' }))).json();
    expect(saved).toMatchObject({ grossMarginPct: '14.99', isBelowPolicyMargin: true, canCloseWithNoBid: true });

    const refused = await rep1.post(`${bidUrl(opp.id)}/submit`, { version: saved.version }, { 'accept-language': 'en-US' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(refused.json().error.message).toContain('below policy margin 15.00%: close with a no-bid report');
    expect((await rep1.post(`${bidUrl(opp.id)}/submit`, { version: saved.version })).json().error.message).toContain('不投标报告');
    expect(await approvalsOf(t, ws, 'bid_price', opp.id)).toHaveLength(0);
    expect((await rep1.get(bidUrl(opp.id))).json()).toMatchObject({ status: 'draft', version: saved.version });

    const detail = (await rep1.get(`/api/v1/opportunities/${opp.id}`)).json();
    expect((await rep1.post(`/api/v1/opportunities/${opp.id}/no-bid`, { version: detail.version + 1, report: '毛利不足' })).statusCode).toBe(409);
    expect((await rep2.post(`/api/v1/opportunities/${opp.id}/no-bid`, { version: detail.version, report: '毛利不足' })).statusCode).toBe(404);
    const closed = await rep1.post(`/api/v1/opportunities/${opp.id}/no-bid`, { version: detail.version, report: '成本测算毛利 14.99%，低于公司 15% 底线，放弃投标' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      bid: { noBidReport: '成本测算毛利 14.99%，低于公司 15% 底线，放弃投标', canEdit: false, canCloseWithNoBid: false },
      opportunity: { id: opp.id, status: 'lost', closeReason: 'no_bid', version: detail.version + 1 },
    });

    const after = (await rep1.get(`/api/v1/opportunities/${opp.id}`)).json();
    expect(after).toMatchObject({ status: 'lost', closeReason: 'no_bid', closeSummary: '成本测算毛利 14.99%，低于公司 15% 底线，放弃投标' });
    const history = await t.handle.db.select().from(opportunityStageHistory)
      .where(and(eq(opportunityStageHistory.workspaceId, ws), eq(opportunityStageHistory.opportunityId, opp.id), eq(opportunityStageHistory.kind, 'close')));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ outcome: 'lost', fromStageId: opp.stageId, actorId: uid('rep1'), daysInStage: 0 });
    expect((await auditRows(t, ws, { entity: 'opportunity', entityId: opp.id, action: 'close_lost' }))).toHaveLength(1);
    expect((await auditRows(t, ws, { entity: 'bid', action: 'no_bid', entityId: saved.id }))).toHaveLength(1);

    // closed: nothing more to bid, and no second no-bid
    expect((await rep1.put(bidUrl(opp.id), bidBody({ version: closed.json().bid.version }))).statusCode).toBe(422);
    expect((await rep1.post(`/api/v1/opportunities/${opp.id}/no-bid`, { version: after.version, report: '再来一次' })).statusCode).toBe(422);
  });

  it('no-bid is refused when no bid is saved, and when the margin is not below the policy', async () => {
    const opp = await bidding();
    const v = (await rep1.get(`/api/v1/opportunities/${opp.id}`)).json().version;
    const none = await rep1.post(`/api/v1/opportunities/${opp.id}/no-bid`, { version: v, report: '不投' }, { 'accept-language': 'en-US' });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.message).toContain('Save the bid price and cost analysis');
    await rep1.put(bidUrl(opp.id), bidBody({ cost: '849900.00' })); // 15.01 %
    const above = await rep1.post(`/api/v1/opportunities/${opp.id}/no-bid`, { version: v, report: '不投' }, { 'accept-language': 'en-US' });
    expect(above.statusCode).toBe(422);
    expect(above.json().error.message).toContain('15.01% is not below policy margin 15.00%');
    expect((await rep1.get(`/api/v1/opportunities/${opp.id}`)).json().status).toBe('open');
  });

  it('a raised policy margin applies at submit: 20.00 % makes a 15.00 % bid a no-bid case', async () => {
    const w = await seedWorkspace(t);
    const wRep = await w.loginAs('rep1');
    const admin = await w.loginAs('admin');
    const policies = (await admin.get('/api/v1/settings/policies')).json();
    const changed = await admin.patch('/api/v1/settings/policies', { version: policies.version, values: { 'opportunity.minBidMarginPct': '20.00' } });
    expect(changed.statusCode, changed.body).toBe(200);
    const opp = await createOpportunity(t, wRep, w.workspaceId, { stage: 'bidding' });
    const saved = (await wRep.put(bidUrl(opp.id), bidBody({ team: { memberIds: [] } }))).json();
    expect(saved).toMatchObject({ grossMarginPct: '15.00', isBelowPolicyMargin: true, policyMinMarginPct: '20.00' });
    expect((await wRep.post(`${bidUrl(opp.id)}/submit`, { version: saved.version })).statusCode).toBe(422);
  });

  it('rejected: the rep re-prices and resubmits', async () => {
    const opp = await bidding();
    await rep1.put(bidUrl(opp.id), bidBody({ cost: '700000.00' }));
    const first = (await rep1.post(`${bidUrl(opp.id)}/submit`, { version: 1 })).json();
    expect((await manager.post(`/api/v1/approvals/${first.approvalId}/reject`, { reason: '价格偏低' })).statusCode).toBe(200);
    const rejected = (await rep1.get(bidUrl(opp.id))).json();
    expect(rejected).toMatchObject({ status: 'rejected', canEdit: true });
    const repriced = await rep1.put(bidUrl(opp.id), bidBody({ version: rejected.version, bidPrice: '1100000.00', cost: '700000.00' }));
    expect(repriced.json()).toMatchObject({ status: 'draft', grossMarginPct: '36.36' });
    expect((await rep1.post(`${bidUrl(opp.id)}/submit`, { version: repriced.json().version })).statusCode).toBe(200);
    expect((await approvalsOf(t, ws, 'bid_price', opp.id)).map((a) => a.status)).toEqual(['rejected', 'pending']);
  });

  it('two simultaneous submits of one version start one approval; the other gets 409', async () => {
    const opp = await bidding();
    await rep1.put(bidUrl(opp.id), bidBody());
    const results = await Promise.all([rep1.post(`${bidUrl(opp.id)}/submit`, { version: 1 }), rep1.post(`${bidUrl(opp.id)}/submit`, { version: 1 })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await approvalsOf(t, ws, 'bid_price', opp.id)).toHaveLength(1);
  });
});

describe('who may see and write the bid, and bad input', () => {
  it('another rep gets 404; finance reads the bid but may not write it; past 招投标 the bid is history', async () => {
    const opp = await bidding();
    await rep1.put(bidUrl(opp.id), bidBody());
    expect((await rep2.get(bidUrl(opp.id))).statusCode).toBe(404);
    expect((await rep2.put(bidUrl(opp.id), bidBody({ version: 1 }))).statusCode).toBe(404);
    expect((await finance.get(bidUrl(opp.id))).json()).toMatchObject({ grossMarginPct: '15.00', canEdit: false });
    expect((await finance.put(bidUrl(opp.id), bidBody({ version: 1 }))).statusCode).toBe(403);

    const late = await createOpportunity(t, rep1, ws, { stage: 'negotiation' });
    const res = await rep1.put(bidUrl(late.id), bidBody(), { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('moved past the stage that requires the bid');
  });

  it.each([
    ['bidPrice', { bidPrice: '0.00' }],
    ['bidPrice', { bidPrice: '100.001' }],
    ['bidPrice', { bidPrice: 1000 }],
    ['cost', { cost: '-1.00' }],
    ['cost', { bidPrice: '0.01', cost: '10000.00' }],
    ['team.ownerId', { team: { ownerId: other.userIds.rep1, memberIds: [] } }],
    ['team.memberIds.1', { team: { memberIds: [uid('rep2'), other.userIds.rep2] } }],
    ['grossMarginPct', { grossMarginPct: '99.00' }],
  ])('%s: %o → 400 naming the field, nothing written', async (path, change) => {
    const opp = await bidding();
    const before = await countRows(t, 'bids', ws);
    for (const lang of ['zh-CN', 'en-US']) {
      const res = await rep1.put(bidUrl(opp.id), bidBody(change), { 'accept-language': lang });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(res.json().error.message).toContain(path);
    }
    expect(await countRows(t, 'bids', ws)).toBe(before);
  });

  it('a no-bid report must not be blank', async () => {
    const opp = await bidding();
    const res = await rep1.post(`/api/v1/opportunities/${opp.id}/no-bid`, { version: 1, report: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['report']);
  });
});
