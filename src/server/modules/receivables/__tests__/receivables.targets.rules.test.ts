import { describe, expect, it } from 'vitest';
import { proposedTarget, targetAttainment, targetMonthVerdict, targetPeriod, type ProposalLine } from '../receivables.targets.rules.js';

const line = (dueDate: string, amount: string, extra: Partial<ProposalLine> = {}): ProposalLine => ({
  dueDate, amount, signedOn: '2026-01-10', writtenOffOn: null, allocations: [], ...extra,
});

describe('the month a target is measured on', () => {
  it.each([
    ['2026-12', '2026-12-01', '2026-12-31', '2026-11-30'],
    ['2027-02', '2027-02-01', '2027-02-28', '2027-01-31'],
    ['2028-02', '2028-02-01', '2028-02-29', '2028-01-31'], // leap year
    ['2027-01', '2027-01-01', '2027-01-31', '2026-12-31'], // the proposal is taken as of the old year's last day
  ])('%s runs %s to %s, its proposal as of %s', (period, from, to, asOf) => {
    expect(targetPeriod(period)).toEqual({ from, to, proposalAsOf: asOf });
  });
});

describe('proposed target of a rep for December 2026 (lines of their contracts due by the month end, outstanding as it began)', () => {
  it.each<[string, ProposalLine[], string]>([
    ['no lines', [], '0.00'],
    ['a line due on the first day of the month', [line('2026-12-01', '1000.00')], '1000.00'],
    ['a line due on the last day of the month', [line('2026-12-31', '1000.00')], '1000.00'],
    ['a line due on the first day of the next month is left out', [line('2027-01-01', '1000.00')], '0.00'],
    ['an overdue line not yet collected counts', [line('2026-09-30', '500.00')], '500.00'],
    ['a partly collected line counts with what is left', [line('2026-12-15', '1000.00', { allocations: [{ amount: '400.00', receivedOn: '2026-11-20', reversed: false }] })], '600.00'],
    ['a fully collected line does not count', [line('2026-11-15', '1000.00', { allocations: [{ amount: '1000.00', receivedOn: '2026-11-15', reversed: false }] })], '0.00'],
    ['money received on the first of the month is still to collect (it is collected in the month)', [line('2026-12-15', '1000.00', { allocations: [{ amount: '1000.00', receivedOn: '2026-12-01', reversed: false }] })], '1000.00'],
    ['money received on the last day before the month is taken off', [line('2026-12-15', '1000.00', { allocations: [{ amount: '300.00', receivedOn: '2026-11-30', reversed: false }] })], '700.00'],
    ['a reversed payment does not count as received', [line('2026-12-15', '1000.00', { allocations: [{ amount: '1000.00', receivedOn: '2026-11-02', reversed: true }] })], '1000.00'],
    ['a contract signed during the month is left out', [line('2026-12-20', '1000.00', { signedOn: '2026-12-01' })], '0.00'],
    ['a contract signed on the day before the month counts', [line('2026-12-20', '1000.00', { signedOn: '2026-11-30' })], '1000.00'],
    ['a line written off before the month is left out', [line('2026-03-31', '1000.00', { writtenOffOn: '2026-11-30' })], '0.00'],
    ['a line written off during the month still counts', [line('2026-03-31', '1000.00', { writtenOffOn: '2026-12-05' })], '1000.00'],
    ['several lines add up exactly', [line('2026-12-01', '0.10'), line('2026-12-31', '0.20'), line('2026-10-01', '99999999.70')], '100000000.00'],
  ])('%s → %s', (_name, lines, expected) => {
    expect(proposedTarget(lines, '2026-12')).toBe(expected);
  });
});

describe('attainment (collected ÷ target)', () => {
  it.each<[string, string | null, string | null]>([
    ['0.00', null, null], // no target
    ['5000.00', '0.00', null], // zero target: nothing to attain
    ['0.00', '10000.00', '0.0'],
    ['4000.00', '10000.00', '40.0'], // partly collected
    ['10000.00', '10000.00', '100.0'],
    ['12500.00', '10000.00', '125.0'], // more than targeted
    ['1.00', '3.00', '33.3'],
    ['2.00', '3.00', '66.7'], // half up
    ['0.01', '100000000.00', '0.0'],
  ])('collected %s of target %s → %s', (collected, target, expected) => {
    expect(targetAttainment(collected, target)).toBe(expected);
  });
});

describe('months targets may be set for (today in 2026-12, workspace created 2026-03)', () => {
  it.each([
    ['2027-12', 'ok'], // 12 months ahead
    ['2028-01', 'too_far'], // 13 months ahead
    ['2026-12', 'ok'],
    ['2026-03', 'ok'], // the month the workspace was created
    ['2026-02', 'before_workspace'],
  ])('%s → %s', (period, verdict) => {
    expect(targetMonthVerdict(period, '2026-12', '2026-03')).toBe(verdict);
  });
});
