import { describe, expect, it } from 'vitest';
import { nextSlipStatus, validateSlip } from '../payment-slips.rules.js';

const base = { kind: 'prepayment', status: 'open', outstanding: '30000.00', amount: '30000.00', receivedOn: '2026-12-01', today: '2026-12-01', contractNumber: 'HT2026-0001' };

describe('validateSlip', () => {
  it.each([
    ['the whole prepayment, received today', {}, []],
    ['one cent less (partial)', { amount: '29999.99' }, []],
    ['one cent more than outstanding', { amount: '30000.01' }, ['amount']],
    ['zero', { amount: '0.00' }, ['amount']],
    ['a balance line', { kind: 'balance' }, ['receivableId']],
    ['a paid line', { status: 'paid', outstanding: '0.00' }, ['receivableId']],
    ['a written-off line', { status: 'written_off' }, ['receivableId']],
    ['received tomorrow', { receivedOn: '2026-12-02' }, ['receivedOn']],
  ])('%s', (_, patch, paths) => {
    expect(validateSlip({ ...base, ...patch }).map((e) => e.path)).toEqual(paths);
  });
});

describe('nextSlipStatus', () => {
  it.each([
    ['in_review', 'approve', 'approved'], ['in_review', 'reject', 'rejected'], ['in_review', 'return', 'draft'], ['in_review', 'record', null],
    ['approved', 'record', 'recorded'], ['approved', 'approve', null], ['rejected', 'record', null], ['recorded', 'record', null], ['draft', 'record', null],
    ['draft', 'resubmit', 'in_review'], ['in_review', 'resubmit', null], ['rejected', 'resubmit', null], ['approved', 'resubmit', null], ['recorded', 'resubmit', null],
  ] as const)('%s + %s → %s', (from, action, to) => {
    expect(nextSlipStatus(from, action)).toBe(to);
  });
});
