import { describe, expect, it } from 'vitest';
import { contractExposureParts } from '../../credit/credit.rules.js';
import { money } from '../../../../shared/money.js';
import {
  checkCredit, nextShipmentStatus, orderStatusAfterShipping, otherExposureOf, overdueLines, overrideApprovalFlags, priceShipmentLines, type OpenReceivableLine,
} from '../shipments.rules.js';

const asOf = '2026-12-01';
const line = (dueDate: string, outstanding = '1000.00', id = 'r1'): OpenReceivableLine => ({ receivableId: id, contractId: 'c1', contractNumber: 'HT2026-0001', dueDate, outstanding });
const base = { limit: '100000.00', otherExposure: '60000.00', openLines: [] as OpenReceivableLine[], asOf, hasOverride: false };

describe('credit check before shipment (domain §9)', () => {
  it.each([
    ['exposure with the shipment equal to the limit passes', '40000.00', 'pass', '0.00', '0.00'],
    ['one cent over the limit is refused', '40000.01', 'over_limit', '0.01', '-0.01'],
    ['well within the limit passes', '10000.00', 'pass', '0.00', '30000.00'],
    ['far over the limit is refused', '90000.00', 'over_limit', '50000.00', '-50000.00'],
  ])('%s', (_name, amount, verdict, shortfall, available) => {
    const r = checkCredit({ ...base, shipmentAmount: amount });
    expect(r).toMatchObject({ verdict, shortfall, available, passes: verdict === 'pass' });
    expect(r.exposureWithShipment).toBe(money.add(base.otherExposure, amount));
  });

  it.each([
    ['no credit profile (limit 0.00) refuses any value on credit', '0.00', '0.00', '0.01', 'over_limit'],
    ['no credit profile and nothing owed: a zero-value shipment passes', '0.00', '0.00', '0.00', 'pass'],
  ])('%s', (_n, limit, otherExposure, amount, verdict) => {
    expect(checkCredit({ ...base, limit, otherExposure, shipmentAmount: amount }).verdict).toBe(verdict);
  });

  it.each([
    ['due today is not overdue', '2026-12-01', 'pass'],
    ['due yesterday is overdue', '2026-11-30', 'overdue'],
    ['due tomorrow is not overdue', '2026-12-02', 'pass'],
  ])('%s', (_n, due, verdict) => {
    expect(checkCredit({ ...base, shipmentAmount: '1.00', openLines: [line(due)] }).verdict).toBe(verdict);
  });

  it('over the limit and overdue names both', () => {
    expect(checkCredit({ ...base, shipmentAmount: '50000.00', openLines: [line('2026-11-01')] }).verdict).toBe('over_limit_and_overdue');
  });

  it('an approved override for this shipment lets a refused shipment pass, the verdict still says why', () => {
    const r = checkCredit({ ...base, shipmentAmount: '50000.00', openLines: [line('2026-11-01')], hasOverride: true });
    expect(r).toMatchObject({ verdict: 'over_limit_and_overdue', passes: true });
  });

  it('lists overdue lines oldest first with the days overdue, ignoring lines fully received', () => {
    const lines = [line('2026-11-20', '500.00', 'b'), line('2026-10-02', '700.00', 'a'), line('2026-11-01', '0.00', 'c')];
    expect(overdueLines(lines, asOf).map((l) => [l.receivableId, l.daysOverdue])).toEqual([['a', 60], ['b', 11]]);
  });
});

describe('the exposure a shipment moves (team decision: nothing counted twice)', () => {
  it.each([
    ['the shipment is within its contract\'s unshipped value: other = total − shipment', '100000.00', '30000.00', '80000.00', '70000.00'],
    ['the shipment is larger than what is left unshipped: only that part moves', '100000.00', '30000.00', '10000.00', '90000.00'],
    ['nothing unshipped on the contract (paid): the shipment is new exposure', '100000.00', '30000.00', '0.00', '100000.00'],
  ])('%s', (_n, total, amount, unshipped, other) => {
    expect(otherExposureOf(total, amount, unshipped)).toBe(other);
  });

  it.each([
    ['nothing shipped or invoiced: all signed-but-unshipped', { outstanding: '100.00', received: '0.00', shipped: '0.00', invoiced: '0.00' }, ['100.00', '0.00', '0.00']],
    ['shipped 60, nothing invoiced', { outstanding: '100.00', received: '0.00', shipped: '60.00', invoiced: '0.00' }, ['40.00', '60.00', '0.00']],
    ['shipped 60, invoiced 50, received 20', { outstanding: '80.00', received: '20.00', shipped: '60.00', invoiced: '50.00' }, ['40.00', '10.00', '30.00']],
    ['prepaid 30, shipped all, nothing invoiced: clamped to what is owed', { outstanding: '70.00', received: '30.00', shipped: '100.00', invoiced: '0.00' }, ['0.00', '70.00', '0.00']],
  ])('contract breakdown: %s', (_n, input, [signedUnshipped, shippedUnbilled, openReceivables]) => {
    const parts = contractExposureParts(input);
    expect(parts).toEqual({ signedUnshipped, shippedUnbilled, openReceivables });
  });
});

describe('who approves an over-credit shipment', () => {
  it.each([
    ['shortfall below the policy amount, nothing overdue: finance', '99999.99', false, { financeApproves: true, gmApproves: false }],
    ['shortfall at the policy amount: the GM', '100000.00', false, { financeApproves: false, gmApproves: true }],
    ['overdue debt: the GM whatever the shortfall', '0.00', true, { financeApproves: false, gmApproves: true }],
  ])('%s', (_n, shortfall, overdue, flags) => {
    expect(overrideApprovalFlags(shortfall, overdue, '100000.00')).toEqual(flags);
  });
});

describe('shipment quantities and amounts', () => {
  const orderLines = [
    { description: '控制柜', unit: '台', quantity: '3', unitPrice: '10000.00', amount: '30000.00' },
    { description: '调试服务', unit: '项', quantity: '3', unitPrice: '3333.33', amount: '10000.00' },
  ];
  it.each([
    ['all that is left', '3', new Map(), 'ok'],
    ['one more than left', '3.0001', new Map(), 'over'],
    ['exactly the remainder after other shipments', '1', new Map([[0, { quantity: '2', amount: '20000.00' }]]), 'ok'],
    ['one more than the remainder after other shipments', '2', new Map([[0, { quantity: '2', amount: '20000.00' }]]), 'over'],
  ])('line 1: %s', (_n, quantity, held, outcome) => {
    const r = priceShipmentLines(orderLines, [{ orderLineIndex: 0, quantity }], held);
    if (outcome === 'ok') expect('lines' in r).toBe(true);
    else expect('details' in r && r.details[0]).toMatchObject({ path: 'lines.0.quantity', message: 'errors.shipmentOverOrdered', params: { line: 1 } });
  });

  it('prices partial shipments pro rata and lets the last one take the remainder, so a line adds up to its amount', () => {
    const first = priceShipmentLines(orderLines, [{ orderLineIndex: 1, quantity: '1' }], new Map());
    expect('lines' in first && first.amount).toBe('3333.33');
    const last = priceShipmentLines(orderLines, [{ orderLineIndex: 1, quantity: '2' }], new Map([[1, { quantity: '1', amount: '3333.33' }]]));
    expect('lines' in last && last.amount).toBe('6666.67');
  });

  it('refuses an unknown line, a line named twice and a quantity of zero', () => {
    const r = priceShipmentLines(orderLines, [{ orderLineIndex: 5, quantity: '1' }, { orderLineIndex: 0, quantity: '0' }, { orderLineIndex: 0, quantity: '1' }], new Map());
    expect('details' in r && r.details.map((d) => d.message)).toEqual(['errors.unknownOrderLine', 'errors.quantityPositive', 'errors.orderLineTwice']);
  });

  it.each([
    ['nothing shipped', new Map(), 'open'],
    ['part of one line', new Map([[0, '1']]), 'partially_shipped'],
    ['one line complete, other not', new Map([[0, '3']]), 'partially_shipped'],
    ['every line complete', new Map([[0, '3'], [1, '3']]), 'shipped'],
  ])('order status when %s', (_n, shipped, status) => {
    expect(orderStatusAfterShipping(orderLines, shipped)).toBe(status);
  });
});

describe('shipment status flow', () => {
  it.each([
    ['credit_hold', 'override_approved', 'pending_review'],
    ['credit_hold', 'review', null],
    ['pending_review', 'review', 'reviewed'],
    ['pending_review', 'return', 'cancelled'],
    ['pending_review', 'pick', null],
    ['reviewed', 'pick', 'picked'],
    ['picked', 'ship', null],
    ['picked', 'pack', 'packed'],
    ['packed', 'ship', 'shipped'],
    ['shipped', 'deliver', 'delivered'],
    ['picked', 'cancel', null],
    ['reviewed', 'cancel', 'cancelled'],
    ['delivered', 'cancel', null],
  ] as const)('%s + %s → %s', (from, action, to) => {
    expect(nextShipmentStatus(from, action)).toBe(to);
  });
});
