import { describe, expect, it } from 'vitest';
import { documentStageWindow, isEditableStatus, needsGmApproval, validateInitiationReport } from '../initiation-reports.rules.js';

/** The big-account pipeline's shape: 立项 (position 1) requires the initiation report, 招投标 (3) the bid price. */
const stages = [
  { id: 'development', position: 0, requiredApprovals: [] },
  { id: 'initiation', position: 1, requiredApprovals: ['initiation_report'] },
  { id: 'proposal', position: 2, requiredApprovals: [] },
  { id: 'bidding', position: 3, requiredApprovals: ['bid_price'] },
  { id: 'negotiation', position: 4, requiredApprovals: [] },
];
const standard = [{ id: 'prep', position: 0, requiredApprovals: [] }, { id: 'sign', position: 1, requiredApprovals: [] }];

describe('a document is written at or before the stage that requires it', () => {
  it.each([
    ['development', 'initiation_report', 'ok'],
    ['initiation', 'initiation_report', 'ok'],
    ['proposal', 'initiation_report', 'past_stage'],
    ['initiation', 'bid_price', 'ok'],
    ['bidding', 'bid_price', 'ok'],
    ['negotiation', 'bid_price', 'past_stage'],
    ['unknown-stage', 'bid_price', 'no_such_stage'],
  ] as const)('standing in %s, the %s → %s', (current, document, expected) => expect(documentStageWindow(stages, current, document)).toBe(expected));

  it('a pipeline without such a stage has no such document', () => {
    expect(documentStageWindow(standard, 'prep', 'initiation_report')).toBe('no_such_stage');
  });
});

describe('editable statuses', () => {
  it.each([['draft', true], ['returned', true], ['rejected', true], ['pending', false], ['approved', false]])('%s → %s', (s, e) => expect(isEditableStatus(s)).toBe(e));
});

describe('the GM approves from the policy threshold up (inclusive)', () => {
  it.each([
    ['999999.99', false],
    ['1000000.00', true],
    ['1000000.01', true],
    ['0.00', false],
  ])('expected contract amount %s against 1000000.00 → GM: %s', (amount, gm) => expect(needsGmApproval(amount, '1000000.00')).toBe(gm));
});

describe('initiation report field checks', () => {
  const ok = { expectedContractAmount: '500000.00', estimatedGrossMarginPct: '25.50', salesExpenseBudget: '20000.00', expectedSigningDate: '2026-12-31' };
  it.each([
    [{}, []],
    [{ expectedContractAmount: '-0.01' }, ['expectedContractAmount']],
    [{ salesExpenseBudget: '-1.00' }, ['salesExpenseBudget']],
    [{ estimatedGrossMarginPct: '100.00' }, []],
    [{ estimatedGrossMarginPct: '100.01' }, ['estimatedGrossMarginPct']],
    [{ estimatedGrossMarginPct: '-20.00' }, []],
    [{ expectedSigningDate: '2026-11-30' }, []], // today
    [{ expectedSigningDate: '2026-11-29' }, ['expectedSigningDate']], // yesterday
  ])('%o → problems at %o', (change, paths) => {
    expect(validateInitiationReport({ ...ok, ...change }, '2026-11-30').map((e) => e.path)).toEqual(paths);
  });
});
