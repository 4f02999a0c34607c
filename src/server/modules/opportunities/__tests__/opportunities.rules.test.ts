import { describe, expect, it } from 'vitest';
import type { FunnelCategory } from '../../../../shared/contracts/opportunities.contract.js';
import { opportunityGrants } from '../opportunities.permissions.js';
import {
  closeProblem, daysInStage, isCloseDateTooFarPast, isDecisionDateMissing, isPipelineUsable, isProbabilityInBand, moveRefusal, pipelineProblems,
  weightedAmount, type GateEvidence, type GateOpportunity, type GateStage,
} from '../opportunities.rules.js';
import { builtInPipelines } from '../pipelines.templates.js';

describe('probability bands (§6.1: above < 25, in 25–50, best few > 50 and < 100, order = 100)', () => {
  it.each([
    ['0', 'above', true], ['24.99', 'above', true], ['25', 'above', false], ['50', 'above', false],
    ['24.99', 'in', false], ['25', 'in', true], ['50', 'in', true], ['50.01', 'in', false],
    ['50', 'best_few', false], ['50.01', 'best_few', true], ['99.99', 'best_few', true], ['100', 'best_few', false],
    ['99.99', 'order', false], ['100', 'order', true], ['100.00', 'order', true],
    ['-1', 'above', false], ['100.01', 'order', false],
  ] as [string, FunnelCategory, boolean][])('%s %% in %s → %s', (p, category, ok) => {
    expect(isProbabilityInBand(p, category)).toBe(ok);
  });

  it('follows the workspace policy when the band limits are changed', () => {
    const bands = { inFunnelMin: '20', bestFewAbove: '60' };
    expect(isProbabilityInBand('22', 'in', bands)).toBe(true);
    expect(isProbabilityInBand('55', 'best_few', bands)).toBe(false);
    expect(isProbabilityInBand('60.01', 'best_few', bands)).toBe(true);
  });

  it.each([
    ['100000.00', '25', '25000.00'], ['99999.99', '33.33', '33330.00'], ['1000.00', '33.33', '333.30'], ['0.01', '50', '0.01'], ['0.00', '60', '0.00'],
  ])('weighted amount of %s at %s %% is %s (cents, half up)', (amount, p, weighted) => {
    expect(weightedAmount(amount, p)).toBe(weighted);
  });
});

describe('pipeline shape', () => {
  const stage = (name: string, probability: string, funnelCategory: FunnelCategory) => ({ name, probability, funnelCategory });

  it('accepts both built-in templates as they are seeded', () => {
    for (const p of builtInPipelines) expect(pipelineProblems(p.stages)).toEqual([]);
    expect(builtInPipelines.map((p) => p.stages.map((s) => s.name))).toEqual([
      ['客户开发', '立项', '提案', '招投标', '商务谈判', '工程实施'],
      ['销售准备', '客户拜访', '需求分析', '方案制定', '报价', '谈判', '签约'],
    ]);
    const big = builtInPipelines[0]!.stages;
    expect(big.find((s) => s.name === '立项')!.requiredApprovals).toEqual(['initiation_report']);
    expect(big.find((s) => s.name === '招投标')!.requiredApprovals).toEqual(['bid_price']);
    expect(big.every((s) => s.keyNode)).toBe(true);
  });

  it.each([
    ['a probability outside its band', [stage('A', '30', 'above'), stage('B', '100', 'order')], [{ kind: 'band', index: 0, category: 'above' }]],
    ['no order stage', [stage('A', '10', 'above'), stage('B', '30', 'in')], [{ kind: 'order_count', count: 0 }]],
    ['two order stages', [stage('A', '100', 'order'), stage('B', '100', 'order')], [{ kind: 'order_count', count: 2 }]],
    ['the order stage not last', [stage('A', '100', 'order'), stage('B', '30', 'in')], [{ kind: 'order_not_last', index: 0 }]],
    ['two stages of one name', [stage('A', '10', 'above'), stage('A', '30', 'in'), stage('C', '100', 'order')], [{ kind: 'duplicate_name', index: 1 }]],
  ] as const)('finds %s', (_label, stages, problems) => {
    expect(pipelineProblems(stages)).toEqual(problems);
  });

  const paths = new Map([['sales', '/sales/'], ['sales1', '/sales/sales1/'], ['sales2', '/sales/sales2/'], ['service', '/service/']]);
  it.each([
    [[], '/service/', true],
    [['sales1'], '/sales/sales1/', true],
    [['sales'], '/sales/sales1/', true], // a member of a sub-department
    [['sales1'], '/sales/', true], // the manager above
    [['sales1'], '/sales/sales2/', false],
    [['sales1'], null, false],
  ] as [string[], string | null, boolean][])('a pipeline for %j is usable from %s → %s', (ids, path, ok) => {
    expect(isPipelineUsable(ids, { seesAll: false, departmentPath: path }, (id) => paths.get(id))).toBe(ok);
  });
});

describe('stage gates (§6.2: the key node, required fields and approvals of each stage left)', () => {
  const big = builtInPipelines[0]!.stages.map((s, position): GateStage => ({
    id: s.code, position, name: s.name, funnelCategory: s.funnelCategory, requiredFields: s.requiredFields, requiredApprovals: s.requiredApprovals, keyNode: s.keyNode,
  }));
  const allDone = Object.fromEntries(big.map((s) => [s.id, { done: true }]));
  const ready: GateOpportunity = {
    status: 'open', stageId: 'development', amount: '500000.00', expectedCloseDate: '2026-12-31', contactCount: 2, competitors: ['华为'],
    needDescription: '产线改造', signals: {}, keyNodes: allDone,
  };
  const approved: GateEvidence = { initiation_report: 'approved', bid_price: 'approved' };
  const at = (stageId: string, patch: Partial<GateOpportunity> = {}): GateOpportunity => ({ ...ready, stageId, ...patch });
  const without = (stageId: string) => Object.fromEntries(Object.entries(allDone).filter(([k]) => k !== stageId));

  it.each([
    ['development', 'initiation', {}, approved, null],
    ['development', 'initiation', { keyNodes: without('development') }, approved, { kind: 'key_node', stage: '客户开发', keyNode: '项目信息准确' }],
    ['development', 'initiation', { needDescription: ' ' }, approved, { kind: 'required_fields', stage: '客户开发', fields: ['needDescription'] }],
    ['development', 'initiation', { expectedCloseDate: null, needDescription: null }, approved, { kind: 'required_fields', stage: '客户开发', fields: ['needDescription', 'expectedCloseDate'] }],
    ['initiation', 'proposal', {}, { ...approved, initiation_report: 'pending' }, { kind: 'approval', stage: '立项', approval: 'initiation_report' }],
    ['initiation', 'proposal', {}, { ...approved, initiation_report: null }, { kind: 'approval', stage: '立项', approval: 'initiation_report' }],
    ['initiation', 'proposal', { amount: '0.00' }, approved, { kind: 'required_fields', stage: '立项', fields: ['amount'] }],
    ['initiation', 'proposal', { keyNodes: without('initiation') }, approved, { kind: 'key_node', stage: '立项', keyNode: '售前立项' }],
    ['initiation', 'proposal', {}, approved, null],
    ['proposal', 'bidding', { keyNodes: without('proposal') }, approved, { kind: 'key_node', stage: '提案', keyNode: '有效的关系推进' }],
    ['proposal', 'bidding', { contactCount: 0 }, approved, { kind: 'required_fields', stage: '提案', fields: ['contacts'] }],
    ['bidding', 'negotiation', {}, { ...approved, bid_price: 'rejected' }, { kind: 'approval', stage: '招投标', approval: 'bid_price' }],
    ['bidding', 'negotiation', { keyNodes: without('bidding') }, approved, { kind: 'key_node', stage: '招投标', keyNode: '投标或议标' }],
    ['bidding', 'negotiation', { competitors: [] }, approved, { kind: 'required_fields', stage: '招投标', fields: ['competitors'] }],
    ['bidding', 'negotiation', {}, approved, null],
    // skipping ahead leaves every stage in between: 立项 still needs its approved report
    ['development', 'bidding', {}, { ...approved, initiation_report: 'draft' }, { kind: 'approval', stage: '立项', approval: 'initiation_report' }],
    // moving back needs no gate
    ['bidding', 'development', { keyNodes: {}, competitors: [] }, { initiation_report: null, bid_price: null }, null],
    ['negotiation', 'implementation', {}, approved, { kind: 'into_order' }],
    ['proposal', 'proposal', {}, approved, { kind: 'same_stage' }],
    ['proposal', 'elsewhere', {}, approved, { kind: 'unknown_stage' }],
    ['proposal', 'bidding', { status: 'lost' }, approved, { kind: 'closed' }],
  ] as [string, string, Partial<GateOpportunity>, GateEvidence, unknown][])('%s → %s with %j (evidence %j) → %j', (from, to, patch, evidence, refusal) => {
    expect(moveRefusal(at(from, patch), big, to, evidence)).toEqual(refusal);
  });
});

describe('days in stage (calendar days in Asia/Shanghai)', () => {
  it.each([
    ['2026-03-01T15:59:00Z', '2026-03-01T16:01:00Z', 1], // 23:59 → 00:01 Shanghai: a new day after 2 minutes
    ['2026-03-01T16:01:00Z', '2026-03-02T15:59:00Z', 0], // 00:01 → 23:59 the same Shanghai day
    ['2026-03-01T02:00:00Z', '2026-03-11T02:00:00Z', 10],
    ['2026-03-01T02:00:00Z', '2026-03-01T01:00:00Z', 0], // never negative
  ])('entered %s, now %s → %i days', (entered, now, days) => {
    expect(daysInStage(new Date(entered), new Date(now), 'Asia/Shanghai')).toBe(days);
  });
});

describe('best few without a decision date (§6.1: decision within 30–60 days)', () => {
  const asOf = '2026-03-01';
  it.each([
    ['2026-04-29', 'best_few', 'open', false], // 59 days
    ['2026-04-30', 'best_few', 'open', false], // 60 days
    ['2026-05-01', 'best_few', 'open', true], // 61 days
    [null, 'best_few', 'open', true],
    ['2026-02-01', 'best_few', 'open', false], // overdue is another matter
    [null, 'in', 'open', false],
    [null, 'best_few', 'won', false],
  ] as [string | null, string, string, boolean][])('close %s, %s, %s → %s', (expectedCloseDate, funnelCategory, status, flagged) => {
    expect(isDecisionDateMissing({ expectedCloseDate, funnelCategory, status }, asOf)).toBe(flagged);
  });
});

describe('close date and closing', () => {
  it.each([
    ['2025-03-01', false], ['2025-02-28', true], ['2026-12-31', false],
  ])('expected close %s as of 2026-03-01 too far past → %s', (date, tooFar) => {
    expect(isCloseDateTooFarPast(date, '2026-03-01')).toBe(tooFar);
  });

  it.each([
    [{ outcome: 'lost', reason: 'price' }, null],
    [{ outcome: 'lost', reason: 'bribery' }, 'reason'],
    [{ outcome: 'lost' }, 'reason'],
    [{ outcome: 'won' }, null],
  ] as [{ outcome: 'won' | 'lost'; reason?: string }, string | null][])('close %j → problem %s', (input, problem) => {
    expect(closeProblem(input)).toBe(problem);
  });
});

describe('opportunity grants (domain §0, §1.1)', () => {
  it('lets sales run deals, the GM and VP only read, and keeps warehouse, front desk and CS specialists out', () => {
    expect(opportunityGrants['opportunity:move']).toEqual(['sales_rep', 'sales_supervisor', 'sales_manager']);
    for (const role of ['gm', 'sales_vp'] as const) {
      expect(opportunityGrants['opportunity:read']).toContain(role);
      expect(opportunityGrants['opportunity:create']).not.toContain(role);
    }
    for (const role of ['warehouse', 'receptionist', 'cs_specialist', 'admin'] as const) expect(opportunityGrants['opportunity:read']).not.toContain(role);
    expect(opportunityGrants['pipeline:manage']).toEqual(['admin']);
  });
});
