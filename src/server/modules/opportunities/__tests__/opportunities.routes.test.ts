import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import type { KanbanDto, OpportunityDto, StageHistoryDto } from '../../../../shared/contracts/opportunities.contract.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { outbox } from '../../../platform/notifications/notifications.schema.js';
import { allPages, createCustomer, loginAll } from '../../customers/__tests__/customers.fixtures.js';
import { createContract, signContractThroughApi } from '../../contracts/__tests__/contracts.fixtures.js';
import { isProbabilityInBand } from '../opportunities.rules.js';
import { initiationReports, opportunities, opportunityStageHistory } from '../opportunities.schema.js';
import {
  builtIns, createOpportunity, move, opportunityRow, putBid, putInitiationReport, stageOf, tickKeyNode, type Opportunity,
} from './opportunities.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const ids = t.demo.userIds;
const today = todayIn('Asia/Shanghai');
const [rep1, rep2, rep3, supervisor1, gm, warehouse1, cs1, finance1, admin] = await loginAll(t, ['rep1', 'rep2', 'rep3', 'supervisor1', 'gm', 'warehouse1', 'cs1', 'finance1', 'admin'] as const);
const manager1 = await t.loginAs('manager1');
const { big, standard } = await builtIns(rep1);
const stage = (code: string) => stageOf(big, code).id;

describe('creating opportunities', () => {
  it('numbers a new opportunity XM<year>-NNNN, defaults the probability to the stage, writes history and audit', async () => {
    const customer = await createCustomer(rep1);
    const o = await createOpportunity(rep1, big, { customerId: customer.id, amount: '360000.50' });
    expect(o).toMatchObject({
      number: expect.stringMatching(new RegExp(`^XM${today.slice(0, 4)}-\\d{4}$`)), customerId: customer.id, customerName: customer.name,
      pipelineId: big.id, stageId: stage('development'), stageName: '客户开发', funnelCategory: 'above', status: 'open',
      amount: '360000.50', probability: '10', weightedAmount: '36000.05', ownerId: ids.rep1, daysInStage: 0, canEdit: true,
    });
    const history = (await rep1.get(`/api/v1/opportunities/${o.id}/history`)).json() as { items: StageHistoryDto[] };
    expect(history.items).toMatchObject([{ kind: 'create', toStageId: stage('development'), toStageName: '客户开发', actorId: ids.rep1 }]);
    expect((await auditRows(t, ws, { entity: 'opportunity', entityId: o.id })).map((a) => a.action)).toEqual(['create']);
  });

  it('takes a probability inside the stage band and the customer’s contacts with their buying roles', async () => {
    const customer = await createCustomer(rep1);
    const contact = (await rep1.post(`/api/v1/customers/${customer.id}/contacts`, { name: '钱总', title: '总经理' })).json() as { id: string };
    const o = await createOpportunity(rep1, big, { customerId: customer.id, stageId: stage('initiation'), probability: '50', contacts: [{ contactId: contact.id, buyingRole: 'economic_buyer' }] });
    expect(o).toMatchObject({ stageName: '立项', probability: '50', contacts: [{ contactId: contact.id, name: '钱总', buyingRole: 'economic_buyer' }] });
  });

  it('accepts the opportunity draft of a lead conversion (lead id and source)', async () => {
    const o = await createOpportunity(rep1, standard, { source: 'exhibition', leadId: '01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99' });
    expect(o).toMatchObject({ source: 'exhibition', leadId: '01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99', stageName: '销售准备', probability: '5' });
  });

  const farPast = addDays(today, -400);
  it.each([
    ['a stage of another pipeline', () => ({ stageId: stageOf(standard, 'quotation').id }), 'stageId', '该阶段不属于此销售流程'],
    ['a probability below the in-funnel band', () => ({ stageId: stage('initiation'), probability: '24.99' }), 'probability', '“漏斗中”阶段的概率必须在 25%–50% 之间'],
    ['a probability above the above-funnel band', () => ({ probability: '25' }), 'probability', '“漏斗上方”阶段的概率必须小于 25%'],
    ['a close date in the far past', () => ({ expectedCloseDate: farPast }), 'expectedCloseDate', `预计成交日期不能早于 ${addDays(today, -365)}`],
    ['an amount with three decimals', () => ({ amount: '100.555' }), 'amount', '金额格式不正确（最多两位小数）'],
    ['a negative amount', () => ({ amount: '-1.00' }), 'amount', '金额不能为负数'],
    ['the order stage', () => ({ stageId: stage('implementation') }), 'stageId', '不能直接拖入成交阶段，请使用“赢单关闭”'],
    ['a probability as a number', () => ({ probability: 30 }), 'probability', undefined],
  ] as [string, () => Record<string, unknown>, string, string | undefined][])('refuses %s with a localised field error and writes nothing', async (_label, body, path, message) => {
    const customer = await createCustomer(rep1);
    const before = await countRows(t, 'opportunities', ws);
    const res = await rep1.post('/api/v1/opportunities', { name: '测试', amount: '1000.00', customerId: customer.id, pipelineId: big.id, ...body() });
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error as { code: string; details: { path: string; message: string }[] };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details[0]!.path).toBe(path);
    if (message) expect(error.details[0]!.message).toBe(message);
    expect(await countRows(t, 'opportunities', ws)).toBe(before);
  });

  it('speaks English when asked', async () => {
    const customer = await createCustomer(rep1);
    const res = await rep1.post('/api/v1/opportunities', { name: 'x', amount: '1.00', customerId: customer.id, pipelineId: big.id, probability: '60' }, { 'accept-language': 'en-US' });
    expect(res.json().error.details[0]).toEqual({ path: 'probability', message: 'An above-the-funnel stage needs a probability below 25%' });
  });

  it('refuses a customer the rep does not see, and a contact of another customer', async () => {
    const theirs = await createCustomer(rep2);
    const res = await rep1.post('/api/v1/opportunities', { name: 'x', amount: '1.00', customerId: theirs.id, pipelineId: big.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('customerId');
    const mine = await createCustomer(rep1);
    const other = await createCustomer(rep1);
    const contact = (await rep1.post(`/api/v1/customers/${other.id}/contacts`, { name: '孙工' })).json() as { id: string };
    const bad = await rep1.post('/api/v1/opportunities', { name: 'x', amount: '1.00', customerId: mine.id, pipelineId: big.id, contacts: [{ contactId: contact.id }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'contacts.0.contactId', message: '该联系人不属于此客户' });
  });

  it.each([['gm'], ['warehouse1'], ['cs1'], ['finance1'], ['admin']])('does not let %s create opportunities (403)', async (username) => {
    const client = { gm, warehouse1, cs1, finance1, admin }[username]!;
    const customer = await createCustomer(rep1);
    expect((await client.post('/api/v1/opportunities', { name: 'x', amount: '1.00', customerId: customer.id, pipelineId: big.id })).statusCode).toBe(403);
  });
});

describe('data scope', () => {
  it('a rep never sees another rep’s opportunity in the list, the detail or the kanban; the supervisor and GM do', async () => {
    const mine = await createOpportunity(rep1, big, { amount: '1111.11' });
    const theirs = await createOpportunity(rep2, big, { amount: '2222.22' });
    const rep1List = await allPages<OpportunityDto>(rep1, '/api/v1/opportunities');
    expect(rep1List.every((o) => o.ownerId === ids.rep1)).toBe(true);
    expect(rep1List.map((o) => o.id)).toContain(mine.id);
    expect(rep1List.map((o) => o.id)).not.toContain(theirs.id);
    expect((await rep1.get(`/api/v1/opportunities/${theirs.id}`)).statusCode).toBe(404);
    expect((await rep1.get(`/api/v1/opportunities/${theirs.id}/history`)).statusCode).toBe(404);
    expect((await move(rep1, theirs, stage('initiation'))).statusCode).toBe(404);

    const supervisorIds = (await allPages<OpportunityDto>(supervisor1, `/api/v1/opportunities?pipelineId=${big.id}`)).map((o) => o.id);
    expect(supervisorIds).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect((await allPages<OpportunityDto>(rep3, '/api/v1/opportunities')).map((o) => o.id)).not.toContain(mine.id);
    expect((await gm.get(`/api/v1/opportunities/${theirs.id}`)).statusCode).toBe(200);
    expect((await warehouse1.get('/api/v1/opportunities')).statusCode).toBe(403);
    expect((await cs1.get('/api/v1/opportunities')).statusCode).toBe(403);
  });

  it('kanban totals count only what the caller sees, open ones only, summed in SQL to the cent', async () => {
    await createOpportunity(rep1, big, { amount: '100.01' });
    await createOpportunity(rep2, big, { amount: '999.99' });
    const kanban = async (client: typeof rep1, query = '') => {
      const res = await client.get(`/api/v1/opportunities/kanban?pipelineId=${big.id}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as KanbanDto;
    };
    const expected = async (ownerIds: string[] | null) => {
      const rows = (await t.handle.db.select().from(opportunities).where(and(eq(opportunities.workspaceId, ws), eq(opportunities.pipelineId, big.id), eq(opportunities.status, 'open'))))
        .filter((r) => ownerIds === null || ownerIds.includes(r.ownerId));
      return big.stages.map((s) => {
        const inStage = rows.filter((r) => r.stageId === s.id);
        const cents = inStage.reduce((sum, r) => sum + BigInt(r.amount.replace('.', '')), 0n);
        return { count: inStage.length, amount: `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}` };
      });
    };
    const mine = await kanban(rep1);
    expect(mine.columns.map((c) => c.stage.name)).toEqual(['客户开发', '立项', '提案', '招投标', '商务谈判', '工程实施']);
    expect(mine.columns.map((c) => ({ count: c.count, amount: c.amount }))).toEqual(await expected([ids.rep1!]));
    expect(mine.columns.flatMap((c) => c.cards).every((o) => o.ownerId === ids.rep1)).toBe(true);
    const all = await kanban(gm);
    expect(all.columns.map((c) => ({ count: c.count, amount: c.amount }))).toEqual(await expected(null));
    expect(all.columns[0]!.count).toBeGreaterThan(mine.columns[0]!.count);
    // the first N cards per column, N from the query
    const few = await kanban(gm, '&cardsPerColumn=1');
    for (const column of few.columns) expect(column.cards.length).toBe(Math.min(1, column.count));
    expect(few.columns[5]!.count).toBe(0);
    // a column's cards are its most recently updated open opportunities in scope, newest first
    const open = (await t.handle.db.select().from(opportunities).where(and(eq(opportunities.workspaceId, ws), eq(opportunities.pipelineId, big.id), eq(opportunities.status, 'open'))))
      .filter((r) => r.ownerId === ids.rep1)
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1));
    const two = await kanban(rep1, '&cardsPerColumn=2');
    for (const column of two.columns) {
      expect(column.cards.map((c) => c.id)).toEqual(open.filter((r) => r.stageId === column.stage.id).slice(0, 2).map((r) => r.id));
    }
    expect(two.columns.some((c) => c.cards.length === 2)).toBe(true);
  });

  it('weights each column by the probabilities of its cards', async () => {
    const o = await createOpportunity(rep3, standard, { amount: '1000.00', stageId: stageOf(standard, 'quotation').id, probability: '33.33' });
    const res = await rep3.get(`/api/v1/opportunities/kanban?pipelineId=${standard.id}`);
    const column = (res.json() as KanbanDto).columns.find((c) => c.stage.id === o.stageId)!;
    const cards = (await allPages<OpportunityDto>(rep3, `/api/v1/opportunities?stageId=${o.stageId}&status=open`));
    const cents = cards.reduce((sum, c) => sum + BigInt(c.weightedAmount.replace('.', '')), 0n);
    expect(column.weightedAmount).toBe(`${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`);
    expect(cards.find((c) => c.id === o.id)!.weightedAmount).toBe('333.30');
  });

  it('shows a shared opportunity to the collaborator until the share is removed', async () => {
    const o = await createOpportunity(rep1, big);
    const share = await rep1.post(`/api/v1/opportunities/${o.id}/collaborators`, { userId: ids.rep3, access: 'read' });
    expect(share.statusCode, share.body).toBe(201);
    expect((await allPages<OpportunityDto>(rep3, '/api/v1/opportunities')).map((x) => x.id)).toContain(o.id);
    const seen = (await rep3.get(`/api/v1/opportunities/${o.id}`)).json() as Opportunity;
    expect(seen.canEdit).toBe(false);
    expect((await move(rep3, seen, stage('initiation'))).statusCode).toBe(403);
    expect((await rep2.post(`/api/v1/opportunities/${o.id}/collaborators`, { userId: ids.rep2 })).statusCode).toBe(404);
    expect((await rep1.delete(`/api/v1/opportunities/${o.id}/collaborators/${ids.rep3}`)).statusCode).toBe(204);
    expect((await rep3.get(`/api/v1/opportunities/${o.id}`)).statusCode).toBe(404);
    expect((await auditRows(t, ws, { entity: 'opportunity', entityId: o.id })).map((a) => a.action)).toEqual(['create', 'share', 'unshare']);
  });
});

describe('moving through the gates', () => {
  it('refuses to leave 客户开发 until its key node is done, then 立项 until the initiation report is approved', async () => {
    let o = await createOpportunity(rep1, big);
    let res = await move(rep1, o, stage('initiation'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'RULE_VIOLATION', message: '离开“客户开发”阶段前，关键节点“项目信息准确”必须完成', details: [{ path: 'toStageId' }] });
    expect((await opportunityRow(t, o.id)).stageId).toBe(stage('development'));

    o = await tickKeyNode(rep1, o, stage('development'));
    expect(o.keyNodes[stage('development')]).toMatchObject({ done: true, note: '已完成', doneBy: ids.rep1 });
    res = await move(rep1, o, stage('initiation'));
    expect(res.statusCode, res.body).toBe(200);
    o = res.json() as Opportunity;
    expect(o).toMatchObject({ stageName: '立项', probability: '25', funnelCategory: 'in', daysInStage: 0 });

    o = await tickKeyNode(rep1, o, stage('initiation'));
    await putInitiationReport(t, ws, o.id, 'pending');
    res = await move(rep1, o, stage('proposal'), 'en-US');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('Before leaving “立项”, the project initiation report must be approved');

    await putInitiationReport(t, ws, o.id, 'approved');
    res = await move(rep1, o, stage('proposal'));
    expect(res.statusCode, res.body).toBe(200);
    o = res.json() as Opportunity;
    expect(o.probability).toBe('40');

    // 提案 needs contacts on the deal, then 招投标 an approved bid price
    o = await tickKeyNode(rep1, o, stage('proposal'));
    res = await move(rep1, o, stage('bidding'));
    expect(res.json().error.message).toBe('离开“提案”阶段前必须填写：联系人');
    const contact = (await rep1.post(`/api/v1/customers/${o.customerId}/contacts`, { name: '李工' })).json() as { id: string };
    res = await rep1.put(`/api/v1/opportunities/${o.id}/contacts`, { version: o.version, contacts: [{ contactId: contact.id, buyingRole: 'technical_buyer' }] });
    expect(res.statusCode, res.body).toBe(200);
    o = res.json() as Opportunity;
    o = (await move(rep1, o, stage('bidding'))).json() as Opportunity;
    expect(o.stageName).toBe('招投标');
    o = await tickKeyNode(rep1, o, stage('bidding'));
    expect((await move(rep1, o, stage('negotiation'))).json().error.message).toBe('离开“招投标”阶段前，投标价格必须审批通过');
    await putBid(t, ws, o.id, 'approved');
    res = await move(rep1, o, stage('negotiation'));
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Opportunity).probability).toBe('80');

    const history = ((await rep1.get(`/api/v1/opportunities/${o.id}/history`)).json() as { items: StageHistoryDto[] }).items;
    expect(history.map((h) => [h.kind, h.fromStageName, h.toStageName, h.daysInStage])).toEqual([
      ['create', null, '客户开发', null], ['move', '客户开发', '立项', 0], ['move', '立项', '提案', 0], ['move', '提案', '招投标', 0], ['move', '招投标', '商务谈判', 0],
    ]);
    const events = await t.handle.db.select().from(outbox).where(and(eq(outbox.workspaceId, ws), eq(outbox.topic, 'opportunity.moved')));
    expect(events.filter((e) => (e.payload as { opportunityId: string }).opportunityId === o.id)).toHaveLength(4);
  });

  it('moves back without gates, and counts the days in the stage left in Shanghai calendar days', async () => {
    let o = await createOpportunity(rep1, big);
    o = await tickKeyNode(rep1, o, stage('development'));
    o = (await move(rep1, o, stage('initiation'))).json() as Opportunity;
    // entered 立项 three Shanghai days ago, at 23:30 local
    const entered = new Date(`${addDays(today, -3)}T15:30:00Z`);
    await t.handle.db.update(opportunities).set({ stageEnteredAt: entered }).where(eq(opportunities.id, o.id));
    expect(((await rep1.get(`/api/v1/opportunities/${o.id}`)).json() as Opportunity).daysInStage).toBe(3);
    const res = await move(rep1, o, stage('development'));
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Opportunity).probability).toBe('10');
    const [last] = await t.handle.db.select().from(opportunityStageHistory)
      .where(and(eq(opportunityStageHistory.opportunityId, o.id), eq(opportunityStageHistory.fromStageId, stage('initiation'))));
    expect(last!.daysInStage).toBe(3);
  });

  it.each([
    ['a stage of another pipeline', () => stageOf(standard, 'quotation').id, 400, '该阶段不属于此销售流程'],
    ['the order stage', () => stage('implementation'), 422, '不能直接拖入成交阶段，请使用“赢单关闭”'],
    ['the stage it is in', () => stage('development'), 422, '销售机会已经在该阶段'],
  ] as [string, () => string, number, string][])('refuses a move to %s, naming toStageId, and changes nothing', async (_label, target, status, message) => {
    const o = await createOpportunity(rep1, big);
    const res = await move(rep1, o, target());
    expect(res.statusCode).toBe(status);
    expect(res.json().error.details[0]).toEqual({ path: 'toStageId', message });
    const row = await opportunityRow(t, o.id);
    expect([row.stageId, row.version]).toEqual([o.stageId, o.version]);
  });

  it('lets one of two concurrent moves with the same version win; the other gets 409', async () => {
    let o = await createOpportunity(rep1, standard);
    const results = await Promise.all([
      move(rep1, o, stageOf(standard, 'visit').id),
      move(rep1, o, stageOf(standard, 'needs_analysis').id),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    o = (await rep1.get(`/api/v1/opportunities/${o.id}`)).json() as Opportunity;
    expect(o.version).toBe(2);
    const history = ((await rep1.get(`/api/v1/opportunities/${o.id}/history`)).json() as { items: StageHistoryDto[] }).items;
    expect(history.filter((h) => h.kind === 'move')).toHaveLength(1);
  });
});

describe('editing', () => {
  it('edits inside the band with the version read; a stale version gets 409; the stage is not editable here', async () => {
    const o = await createOpportunity(rep1, big, { stageId: stage('proposal') });
    let res = await rep1.patch(`/api/v1/opportunities/${o.id}`, { version: o.version, probability: '45.5', amount: '700000', competitors: ['ABB'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ probability: '45.5', amount: '700000.00', weightedAmount: '318500.00', competitors: ['ABB'], version: o.version + 1 });
    res = await rep1.patch(`/api/v1/opportunities/${o.id}`, { version: o.version, name: '旧版本' });
    expect(res.statusCode).toBe(409);
    res = await rep1.patch(`/api/v1/opportunities/${o.id}`, { version: o.version + 1, probability: '50.01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('probability');
    res = await rep1.patch(`/api/v1/opportunities/${o.id}`, { version: o.version + 1, stageId: stage('bidding') });
    expect(res.statusCode).toBe(400);
    expect((await opportunityRow(t, o.id))).toMatchObject({ stageId: stage('proposal'), probability: '45.50', version: o.version + 1 });
  });

  it('lets the supervisor hand an opportunity to another rep of the team, not a rep to do so', async () => {
    const o = await createOpportunity(rep1, big);
    expect((await rep1.patch(`/api/v1/opportunities/${o.id}`, { version: o.version, ownerId: ids.rep2 })).statusCode).toBe(403);
    const res = await supervisor1.patch(`/api/v1/opportunities/${o.id}`, { version: o.version, ownerId: ids.rep2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ownerId).toBe(ids.rep2);
    expect((await rep1.get(`/api/v1/opportunities/${o.id}`)).statusCode).toBe(404);
  });
});

describe('closing', () => {
  it('closes lost with a listed reason and a summary; then nothing moves', async () => {
    const o = await createOpportunity(rep1, big);
    let res = await rep1.post(`/api/v1/opportunities/${o.id}/close`, { version: o.version, outcome: 'lost', summary: '客户预算取消' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toEqual({ path: 'reason', message: '请选择丢单原因' });
    res = await rep1.post(`/api/v1/opportunities/${o.id}/close`, { version: o.version, outcome: 'lost', reason: 'no_budget' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('summary');
    res = await rep1.post(`/api/v1/opportunities/${o.id}/close`, { version: o.version, outcome: 'lost', reason: 'no_budget', summary: '客户预算取消' });
    expect(res.statusCode, res.body).toBe(200);
    const closed = res.json() as Opportunity;
    expect(closed).toMatchObject({ status: 'lost', closedOn: today, closeReason: 'no_budget', closeSummary: '客户预算取消', stageName: '客户开发', canEdit: false });
    res = await move(rep1, closed, stage('initiation'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('该销售机会已关闭，不能再操作');
    const reasons = (await rep1.get('/api/v1/opportunities/loss-reasons', { 'accept-language': 'en-US' })).json() as { items: { code: string; label: string }[] };
    expect(reasons.items).toContainEqual({ code: 'no_budget', label: 'No budget' });
  });

  it('refuses to close won without a signed contract linked to the deal (422, zh-CN and en-US), and changes nothing', async () => {
    const o = await createOpportunity(rep1, standard, { amount: '88000.00' });
    const zh = await rep1.post(`/api/v1/opportunities/${o.id}/close`, { version: o.version, outcome: 'won', summary: '签约' });
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error.message).toBe('赢单关闭前，必须有关联此销售机会且已签订的合同');
    // a contract that is only drafted is not enough
    await createContract(rep1, o.customerId, { opportunityId: o.id });
    const en = await rep1.post(`/api/v1/opportunities/${o.id}/close`, { version: o.version, outcome: 'won', summary: '签约' }, { 'accept-language': 'en-US' });
    expect(en.statusCode).toBe(422);
    expect(en.json().error.message).toBe('Closing as won needs a signed contract linked to this opportunity');
    expect(await opportunityRow(t, o.id)).toMatchObject({ status: 'open', version: o.version });
  });

  it('closes won into the order stage at 100 %, records history and the deal on the customer, emits opportunity.closed', async () => {
    const o = await createOpportunity(rep1, standard, { amount: '88000.00' });
    await signContractThroughApi(rep1, manager1, o.customerId, { opportunityId: o.id });
    const res = await rep1.post(`/api/v1/opportunities/${o.id}/close`, { version: o.version, outcome: 'won', summary: '签约' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'won', stageName: '签约', funnelCategory: 'order', probability: '100', weightedAmount: '88000.00', closedOn: today });
    const history = ((await rep1.get(`/api/v1/opportunities/${o.id}/history`)).json() as { items: StageHistoryDto[] }).items;
    expect(history.at(-1)).toMatchObject({ kind: 'close', outcome: 'won', fromStageName: '销售准备', toStageName: '签约', note: '签约' });
    const customer = (await rep1.get(`/api/v1/customers/${o.customerId}`)).json() as { lastDealOn: string | null };
    expect(customer.lastDealOn).toBe(today);
    const events = await t.handle.db.select().from(outbox).where(and(eq(outbox.workspaceId, ws), eq(outbox.topic, 'opportunity.closed')));
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ opportunityId: o.id, outcome: 'won' }));
    expect((await auditRows(t, ws, { entity: 'opportunity', entityId: o.id })).map((a) => a.action)).toEqual(['create', 'close_won']);
  });

  it('lets the GM read but not close', async () => {
    const o = await createOpportunity(rep1, big);
    expect((await gm.post(`/api/v1/opportunities/${o.id}/close`, { version: o.version, outcome: 'won', summary: 'x' })).statusCode).toBe(403);
  });
});

describe('the decision-date flag of best-few opportunities', () => {
  it('flags best few without a close date within 60 days, and filters them', async () => {
    const customer = await createCustomer(rep3);
    const base = { customerId: customer.id, stageId: stageOf(big, 'bidding').id };
    const dated = await createOpportunity(rep3, big, { ...base, expectedCloseDate: addDays(today, 60) });
    const late = await createOpportunity(rep3, big, { ...base, expectedCloseDate: addDays(today, 61) });
    const undated = await createOpportunity(rep3, big, { ...base, expectedCloseDate: null });
    expect([dated, late, undated].map((o) => o.isDecisionDateMissing)).toEqual([false, true, true]);
    const flagged = (await allPages<OpportunityDto>(rep3, `/api/v1/opportunities?customerId=${customer.id}&bestFewUndated=true`)).map((o) => o.id);
    expect(flagged.sort()).toEqual([late.id, undated.id].sort());
  });
});

describe('lists', () => {
  it('pages through a filtered list sorted by amount without losing or repeating rows', async () => {
    const customer = await createCustomer(rep2);
    for (const amount of ['300.00', '100.00', '200.00', '200.00']) await createOpportunity(rep2, standard, { customerId: customer.id, amount });
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await rep2.get(`/api/v1/opportunities?customerId=${customer.id}&sort=amount&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: OpportunityDto[]; nextCursor: string | null };
      pages.push(...page.items.map((i) => i.amount));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual(['300.00', '200.00', '200.00', '100.00']);
    expect((await rep2.get('/api/v1/opportunities?cursor=bogus')).statusCode).toBe(400);
  });
});

describe('merges', () => {
  it('moves the opportunities of a merged-away customer to the survivor', async () => {
    const survivor = await createCustomer(rep1);
    const duplicate = await createCustomer(rep1);
    const o = await createOpportunity(rep1, big, { customerId: duplicate.id });
    const res = await supervisor1.post(`/api/v1/customers/${survivor.id}/merge`, { duplicateId: duplicate.id });
    expect(res.statusCode, res.body).toBe(200);
    expect((await opportunityRow(t, o.id)).customerId).toBe(survivor.id);
  });

  it('puts the surviving contact on the deals of a merged-away contact, keeping the survivor’s own role where both were on it', async () => {
    const customer = await createCustomer(rep1);
    const contact = async (name: string) => ((await rep1.post(`/api/v1/customers/${customer.id}/contacts`, { name })).json() as { id: string }).id;
    const [keep, gone] = [await contact('周总'), await contact('周总（重复）')];
    const both = await createOpportunity(rep1, big, { customerId: customer.id, contacts: [{ contactId: keep, buyingRole: 'economic_buyer' }, { contactId: gone, buyingRole: 'coach' }] });
    const onlyDuplicate = await createOpportunity(rep1, big, { customerId: customer.id, contacts: [{ contactId: gone, buyingRole: 'influencer' }] });
    const res = await supervisor1.post(`/api/v1/contacts/${keep}/merge`, { duplicateId: gone });
    expect(res.statusCode, res.body).toBe(200);
    const contactsOf = async (id: string) => ((await rep1.get(`/api/v1/opportunities/${id}`)).json() as Opportunity).contacts.map((c) => [c.contactId, c.buyingRole]);
    expect(await contactsOf(both.id)).toEqual([[keep, 'economic_buyer']]);
    expect(await contactsOf(onlyDuplicate.id)).toEqual([[keep, 'influencer']]);
  });
});

describe('demo data', () => {
  it('fills both pipelines: open cards in every non-order stage, won and lost ones, histories and initiation reports', async () => {
    const rows = await t.handle.db.select().from(opportunities).where(eq(opportunities.workspaceId, ws));
    // the demo opportunities are back-dated at least 12 days; this file's own are created today
    const demo = rows.filter((r) => r.createdAt < new Date(Date.now() - 5 * 86_400_000));
    expect(demo.length).toBeGreaterThanOrEqual(100);
    for (const p of [big, standard]) {
      for (const s of p.stages.filter((x) => x.funnelCategory !== 'order')) expect(demo.some((o) => o.stageId === s.id && o.status === 'open'), s.name).toBe(true);
      expect(demo.some((o) => o.pipelineId === p.id && o.status === 'won')).toBe(true);
    }
    expect(demo.some((o) => o.status === 'lost' && o.closeReason)).toBe(true);
    expect(new Set(demo.map((o) => o.ownerId)).size).toBeGreaterThanOrEqual(3);
    const reports = await t.handle.db.select().from(initiationReports).where(eq(initiationReports.workspaceId, ws));
    expect(reports.some((r) => r.status === 'approved') && reports.some((r) => r.status === 'pending')).toBe(true);
    // every demo probability lies in its stage band: the kanban and funnel show consistent figures
    const kanban = (await gm.get(`/api/v1/opportunities/kanban?pipelineId=${big.id}`)).json() as KanbanDto;
    for (const column of kanban.columns) for (const card of column.cards) expect(isProbabilityInBand(card.probability, column.stage.funnelCategory)).toBe(true);
    const demoIds = new Set(demo.map((o) => o.id));
    const demoCards = kanban.columns.flatMap((c) => c.cards.filter((card) => demoIds.has(card.id)).map((card) => [card.probability, c.stage.probability]));
    expect(demoCards.length).toBeGreaterThan(0);
    for (const [card, stageDefault] of demoCards) expect(card).toBe(stageDefault);
  });
});
