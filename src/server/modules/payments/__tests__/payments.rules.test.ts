import { describe, expect, it } from 'vitest';
import { agingBucket, collectionRate } from '../../receivables/receivables.aging.rules.js';
import { allocate, isReceivedOnAllowed, type OpenLine } from '../payments.rules.js';

const line = (id: string, dueDate: string, outstanding: string, contractNumber = 'HT-1', planIndex = 0): OpenLine => ({ receivableId: id, contractNumber, kind: 'balance', dueDate, planIndex, outstanding });
const lines = [line('b', '2026-03-01', '500.00'), line('a', '2026-01-01', '300.00'), line('c', '2026-05-01', '200.00')];

describe('aging buckets (days = asOf − due date; due today is not due)', () => {
  it.each([
    [0, 'not_due'], [-5, 'not_due'], [1, '1_30'], [30, '1_30'], [31, '31_60'], [60, '31_60'], [61, '61_90'], [90, '61_90'],
    [91, '91_120'], [120, '91_120'], [121, 'over_120'],
  ])('%i days overdue → %s', (days, bucket) => {
    const due = '2026-01-01';
    const asOf = new Date(Date.UTC(2026, 0, 1 + days)).toISOString().slice(0, 10);
    expect(agingBucket(due, asOf)).toBe(bucket);
  });
});

describe('allocating a payment', () => {
  it('settles oldest due first without allocations, the last line partly', () => {
    expect(allocate({ amount: '700.00', lines })).toEqual({ ok: true, unallocated: '0.00', allocations: [{ receivableId: 'a', amount: '300.00' }, { receivableId: 'b', amount: '400.00' }] });
  });
  it('takes requested allocations over several lines, partial allowed', () => {
    expect(allocate({ amount: '250.00', lines, requested: [{ receivableId: 'c', amount: '200.00' }, { receivableId: 'b', amount: '50.00' }] }))
      .toEqual({ ok: true, unallocated: '0.00', allocations: [{ receivableId: 'c', amount: '200.00' }, { receivableId: 'b', amount: '50.00' }] });
  });
  it.each([
    ['at the outstanding amount', '300.00', true],
    ['one cent above it', '300.01', false],
  ])('an allocation %s', (_name, amount, ok) => {
    const r = allocate({ amount: '1000.00', lines, requested: [{ receivableId: 'a', amount }], remainder: 'customer_credit' });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r).toMatchObject({ key: 'errors.allocationOverOutstanding', details: [{ path: 'allocations.0.amount' }], params: { contractNumber: 'HT-1', outstanding: '300.00' } });
  });
  it('refuses a line that is not open for this customer, a line twice, a zero amount, and allocations above the payment', () => {
    expect(allocate({ amount: '10.00', lines, requested: [{ receivableId: 'x', amount: '1.00' }] })).toMatchObject({ ok: false, key: 'errors.allocationLineNotOpen' });
    expect(allocate({ amount: '10.00', lines, requested: [{ receivableId: 'a', amount: '1.00' }, { receivableId: 'a', amount: '1.00' }] })).toMatchObject({ ok: false, key: 'errors.allocationLineTwice' });
    expect(allocate({ amount: '10.00', lines, requested: [{ receivableId: 'a', amount: '0.00' }] })).toMatchObject({ ok: false, key: 'errors.allocationAmountPositive' });
    expect(allocate({ amount: '100.00', lines, requested: [{ receivableId: 'a', amount: '100.01' }] })).toMatchObject({ ok: false, key: 'errors.allocationsOverPayment' });
    expect(allocate({ amount: '0.00', lines })).toMatchObject({ ok: false, key: 'errors.paymentAmountPositive' });
  });
  it('refuses a payment larger than all open lines without a choice for the rest, and keeps it as credit when asked', () => {
    expect(allocate({ amount: '1000.01', lines })).toMatchObject({ ok: false, key: 'errors.paymentRemainderUnassigned', params: { unallocated: '0.01' }, details: [{ path: 'remainder' }] });
    expect(allocate({ amount: '1000.01', lines, remainder: 'customer_credit' })).toMatchObject({ ok: true, unallocated: '0.01' });
    expect(allocate({ amount: '1000.00', lines })).toMatchObject({ ok: true, unallocated: '0.00' });
  });
  it('allocations add up to the payment to the cent', () => {
    const r = allocate({ amount: '333.33', lines: [line('a', '2026-01-01', '111.11'), line('b', '2026-01-01', '111.11', 'HT-2'), line('c', '2026-01-02', '999.99')] });
    expect(r.ok && r.allocations.map((a) => a.amount)).toEqual(['111.11', '111.11', '111.11']);
  });
});

describe('received on and collection rate', () => {
  it.each([['2026-05-01', true], ['2026-05-02', false], ['2026-04-30', true]])('received on %s with today 2026-05-01 → allowed %s', (d, ok) => expect(isReceivedOnAllowed(d, '2026-05-01')).toBe(ok));
  it.each([['50.00', '200.00', '25.0'], ['0.00', '0.00', null], ['300.00', '200.00', '150.0'], ['1.00', '3.00', '33.3']])('collected %s of due %s → %s %', (c, d, rate) => expect(collectionRate(c, d)).toBe(rate));
});
