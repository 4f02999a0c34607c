import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, seedWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import type { PipelineDto } from '../../../../shared/contracts/opportunities.contract.js';
import { ensureBuiltInPipelines } from '../index.js';
import { pipelines, pipelineStages } from '../opportunities.schema.js';
import { loginAll } from '../../customers/__tests__/customers.fixtures.js';
import { builtIns, createOpportunity, stageOf } from './opportunities.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const [admin, rep1, rep3, manager1, gm, warehouse1] = await loginAll(t, ['admin', 'rep1', 'rep3', 'manager1', 'gm', 'warehouse1'] as const);

const stages = [
  { name: '初步接触', probability: '10', funnelCategory: 'above' },
  { name: '方案', probability: '35', funnelCategory: 'in' },
  { name: '谈判', probability: '75', funnelCategory: 'best_few' },
  { name: '成交', probability: '100', funnelCategory: 'order' },
];
const listOf = async (client: typeof admin, query = '') => ((await client.get(`/api/v1/pipelines${query}`)).json() as { items: PipelineDto[] }).items;

describe('built-in pipelines', () => {
  it('seeds the big-account six stages and the standard seven steps with codes, bands, key nodes and approvals', async () => {
    const { big, standard } = await builtIns(rep1);
    expect(big.stages.map((s) => [s.code, s.name, s.probability, s.funnelCategory])).toEqual([
      ['development', '客户开发', '10', 'above'], ['initiation', '立项', '25', 'in'], ['proposal', '提案', '40', 'in'],
      ['bidding', '招投标', '60', 'best_few'], ['negotiation', '商务谈判', '80', 'best_few'], ['implementation', '工程实施', '100', 'order'],
    ]);
    expect(stageOf(big, 'initiation')).toMatchObject({ requiredApprovals: ['initiation_report'], keyNode: '售前立项' });
    expect(stageOf(big, 'bidding')).toMatchObject({ requiredApprovals: ['bid_price'], keyNode: '投标或议标' });
    expect(standard.stages.map((s) => s.name)).toEqual(['销售准备', '客户拜访', '需求分析', '方案制定', '报价', '谈判', '签约']);
    expect((await gm.get(`/api/v1/pipelines/${big.id}`)).json()).toEqual(big);
  });

  it('seeds them once per workspace however often it runs (start-up catch-up)', async () => {
    expect(await t.handle.db.transaction((tx) => ensureBuiltInPipelines(tx, ws))).toBe(0);
    const rows = await t.handle.db.select().from(pipelines).where(eq(pipelines.workspaceId, ws));
    expect(rows.filter((p) => p.template !== null).map((p) => p.template).sort()).toEqual(['big_account', 'standard']);
  });

  it('keeps warehouse out of pipelines (403)', async () => {
    expect((await warehouse1.get('/api/v1/pipelines')).statusCode).toBe(403);
  });
});

describe('administering pipelines', () => {
  it('lets the administrator create a pipeline, audited; not a rep', async () => {
    expect((await rep1.post('/api/v1/pipelines', { name: '渠道销售', stages })).statusCode).toBe(403);
    const res = await admin.post('/api/v1/pipelines', { name: '渠道销售', stages });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as PipelineDto;
    expect(p).toMatchObject({ name: '渠道销售', template: null, isActive: true, departmentIds: [], version: 1 });
    expect(p.stages.map((s) => [s.position, s.code, s.name, s.probability])).toEqual([[0, null, '初步接触', '10'], [1, null, '方案', '35'], [2, null, '谈判', '75'], [3, null, '成交', '100']]);
    expect((await listOf(rep1)).map((x) => x.id)).toContain(p.id);
    expect((await auditRows(t, ws, { entity: 'pipeline', entityId: p.id })).map((a) => a.action)).toEqual(['create']);
  });

  it.each([
    ['a probability of 25 in an above-funnel stage', [{ ...stages[0]!, probability: '25' }, ...stages.slice(1)], 'stages.0.probability', '“漏斗上方”阶段的概率必须小于 25%'],
    ['a probability of 50 among the best few', [stages[0]!, stages[1]!, { ...stages[2]!, probability: '50' }, stages[3]!], 'stages.2.probability', '“最有把握”阶段的概率必须大于 50% 且小于 100%'],
    ['an order stage below 100', [...stages.slice(0, 3), { ...stages[3]!, probability: '99.99' }], 'stages.3.probability', '“成交”阶段的概率必须为 100%'],
    ['no order stage', stages.slice(0, 3), 'stages', '销售流程必须有且只有一个“成交”阶段，且它必须是最后一个阶段'],
    ['the order stage first', [stages[3]!, ...stages.slice(0, 3)], 'stages.0.funnelCategory', '销售流程必须有且只有一个“成交”阶段，且它必须是最后一个阶段'],
    ['an unknown category', [{ ...stages[0]!, funnelCategory: 'maybe' }, ...stages.slice(1)], 'stages.0.funnelCategory', undefined],
  ] as [string, unknown[], string, string | undefined][])('refuses %s with a field error and creates nothing', async (_label, body, path, message) => {
    const before = (await listOf(admin, '?includeInactive=true')).length;
    const res = await admin.post('/api/v1/pipelines', { name: '错误流程', stages: body });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe(path);
    if (message) expect(res.json().error.details[0].message).toBe(message);
    expect((await listOf(admin, '?includeInactive=true')).length).toBe(before);
  });

  it('edits stages with the version read: keeps, reorders, adds; refuses removing a stage in use (422) and a stale version (409)', async () => {
    const other = await seedWorkspace(t);
    const [otherAdmin, otherRep] = [await other.loginAs('admin'), await other.loginAs('rep1')];
    const p = (await otherAdmin.post('/api/v1/pipelines', { name: '项目制', stages })).json() as PipelineDto;
    const [first, second, third, order] = p.stages as [PipelineDto['stages'][0], PipelineDto['stages'][0], PipelineDto['stages'][0], PipelineDto['stages'][0]];
    const o = await createOpportunity(otherRep, p, { stageId: second.id });

    let res = await otherAdmin.patch(`/api/v1/pipelines/${p.id}`, { version: p.version, stages: [{ ...first }, { ...third }, { ...order }].map(({ id, name, probability, funnelCategory }) => ({ id, name, probability, funnelCategory })) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('阶段“方案”中还有 1 个销售机会，不能删除');
    const unchanged = (await otherAdmin.get(`/api/v1/pipelines/${p.id}`)).json() as PipelineDto;
    expect(unchanged).toEqual(p);

    const keep = (s: typeof first, patch: Record<string, unknown> = {}) => ({ id: s.id, name: s.name, probability: s.probability, funnelCategory: s.funnelCategory, ...patch });
    res = await otherAdmin.patch(`/api/v1/pipelines/${p.id}`, {
      version: p.version, name: '项目制（新）',
      stages: [keep(second, { probability: '30', keyNode: '方案确认' }), keep(first), { name: '投标', probability: '60', funnelCategory: 'best_few', requiredApprovals: ['bid_price'] }, keep(order)],
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json() as PipelineDto;
    expect(edited.version).toBe(p.version + 1);
    expect(edited.stages.map((s) => [s.name, s.probability, s.position])).toEqual([['方案', '30', 0], ['初步接触', '10', 1], ['投标', '60', 2], ['成交', '100', 3]]);
    expect(edited.stages[0]!.id).toBe(second.id);
    expect((await otherRep.get(`/api/v1/opportunities/${o.id}`)).json()).toMatchObject({ stageId: second.id, stageName: '方案' });
    expect((await otherAdmin.patch(`/api/v1/pipelines/${p.id}`, { version: p.version, name: '旧' })).statusCode).toBe(409);
    const stageRows = await t.handle.db.select().from(pipelineStages).where(and(eq(pipelineStages.workspaceId, other.workspaceId), eq(pipelineStages.pipelineId, p.id)));
    expect(stageRows).toHaveLength(4);
  });

  it('hides an inactive pipeline from users, still listed for the administrator when asked', async () => {
    const p = (await admin.post('/api/v1/pipelines', { name: '停用流程', stages })).json() as PipelineDto;
    const res = await admin.patch(`/api/v1/pipelines/${p.id}`, { version: p.version, isActive: false });
    expect(res.statusCode, res.body).toBe(200);
    expect((await listOf(rep1)).map((x) => x.id)).not.toContain(p.id);
    expect((await rep1.get(`/api/v1/pipelines/${p.id}`)).statusCode).toBe(404);
    expect((await listOf(admin, '?includeInactive=true')).map((x) => x.id)).toContain(p.id);
  });
});

describe('department restriction', () => {
  it('offers a pipeline of 销售二部 to its rep and the 销售部 manager above it, not to a rep of 销售一部, who cannot use it', async () => {
    const p = (await admin.post('/api/v1/pipelines', { name: '北方大客户', stages, departmentIds: [t.demo.departmentIds.sales2] })).json() as PipelineDto;
    expect((await listOf(rep3)).map((x) => x.id)).toContain(p.id);
    expect((await listOf(manager1)).map((x) => x.id)).toContain(p.id);
    expect((await listOf(rep1)).map((x) => x.id)).not.toContain(p.id);
    expect((await rep1.get(`/api/v1/pipelines/${p.id}`)).statusCode).toBe(404);
    const customer = (await rep1.get('/api/v1/customers?ownerId=me&limit=1')).json() as { items: { id: string }[] };
    const res = await rep1.post('/api/v1/opportunities', { name: 'x', amount: '1.00', customerId: customer.items[0]!.id, pipelineId: p.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toEqual({ path: 'pipelineId', message: '您所在的部门不能使用该销售流程' });
    const kanban = await rep1.get(`/api/v1/opportunities/kanban?pipelineId=${p.id}`);
    expect(kanban.statusCode).toBe(404);
  });

  it('refuses an unknown department', async () => {
    const res = await admin.post('/api/v1/pipelines', { name: '未知部门', stages, departmentIds: ['01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('departmentIds.0');
  });
});
