import { describe, expect, it } from 'vitest';
import type { LineInput } from '../../../../shared/contract-amounts.js';
import {
  approvalLevelFor, approvalReasonsFor, documentTotals, editEffect, effectiveStatus, nextStatus, paymentPlanFrom, priceLines, stepsFor, validateQuote,
} from '../quotes.rules.js';

const line = (over: Partial<LineInput> = {}): LineInput => ({ description: '电磁流量计', unit: '台', quantity: '1', unitPrice: '12800.00', discountPct: '0', taxRate: '13', ...over });
// EMF-50 for a class C customer: effective price 12,800.00, floor 10,500.00, float ±8 % → band 11,776.00–13,824.00
const emf = { price: '12800.00', floorPrice: '10500.00', floatRange: '8' };
const limits = { supervisorMaxAmount: '100000.00', managerMaxAmount: '500000.00' };

describe('quote field checks', () => {
  it.each([
    ['quantity 0', { lines: [line({ quantity: '0' })] }, 'lines.0.quantity', 'errors.quantityPositive'],
    ['quantity above 1,000,000', { lines: [line({ quantity: '1000000.0001' })] }, 'lines.0.quantity', 'errors.quantityTooLarge'],
    ['discount above 100 %', { lines: [line({ discountPct: '100.01' })] }, 'lines.0.discountPct', 'errors.percentRange'],
    ['a negative discount', { lines: [line({ discountPct: '-1' })] }, 'lines.0.discountPct', 'errors.percentRange'],
    ['validity before the quote date', { validUntil: '2026-11-30' }, 'validUntil', 'errors.validUntilBeforeQuoteDate'],
    ['prepayment above 100 %', { paymentTerms: { prepaymentPct: '101' } }, 'paymentTerms.prepaymentPct', 'errors.percentRange'],
  ])('refuses %s naming the field', (_n, over, path, message) => {
    const errors = validateQuote({ quoteDate: '2026-12-01', validUntil: '2026-12-31', lines: [line()], ...over });
    expect(errors).toEqual([expect.objectContaining({ path, message })]);
  });

  it.each([
    ['quantity 1,000,000 exactly', { lines: [line({ quantity: '1000000' })] }],
    ['quantity 0.0001', { lines: [line({ quantity: '0.0001' })] }],
    ['discount 100 % and 0 %', { lines: [line({ discountPct: '100' }), line({ discountPct: '0' })] }],
    ['validity on the quote date itself', { validUntil: '2026-12-01' }],
  ])('accepts %s', (_n, over) => {
    expect(validateQuote({ quoteDate: '2026-12-01', validUntil: '2026-12-31', lines: [line()], ...over })).toEqual([]);
  });
});

describe('quote totals (the same arithmetic on server and in the builder)', () => {
  it('list amount, discount, net, tax and total', () => {
    const priced = priceLines([line({ quantity: '2', unitPrice: '12800.00', discountPct: '5' }), line({ quantity: '3', unitPrice: '800.00', taxRate: '6' })]);
    expect(documentTotals(priced.lines)).toEqual({
      listAmount: '28000.00', discountAmount: '1280.00', discountPct: '4.57', netAmount: '23786.27', taxAmount: '2933.73', total: '26720.00',
    });
  });
});

describe('exception reasons at the boundaries', () => {
  const reasonsAt = (over: Partial<LineInput>, repLimit = '5') => {
    const l = line(over);
    const priced = priceLines([l]);
    return approvalReasonsFor([l], [emf], documentTotals(priced.lines), repLimit).map((r) => r.code);
  };
  it.each([
    ['at the bottom of the band (11,776.00)', { unitPrice: '11776.00' }, '100', []],
    ['one cent below the band (11,775.99)', { unitPrice: '11775.99' }, '100', ['outsideFloatRange']],
    ['at the top of the band (13,824.00)', { unitPrice: '13824.00' }, '100', []],
    ['one cent above the band (13,824.01)', { unitPrice: '13824.01' }, '100', ['outsideFloatRange']],
    ['at the floor (10,500.00, outside the band)', { unitPrice: '10500.00' }, '100', ['outsideFloatRange']],
    ['one cent below the floor', { unitPrice: '10499.99' }, '100', ['belowFloor', 'outsideFloatRange']],
    ['a discount that brings the net unit price below the floor', { discountPct: '20' }, '100', ['belowFloor', 'outsideFloatRange']],
    ['total discount exactly at the rep limit (5 %)', { unitPrice: '13000.00', discountPct: '5' }, '5', []],
    ['total discount 0.01 point above the rep limit', { unitPrice: '13000.00', discountPct: '5.01' }, '5', ['discountAboveLimit']],
  ])('%s', (_n, over, repLimit, codes) => {
    expect(reasonsAt(over, repLimit)).toEqual(codes);
  });

  it('names the line (1-based), the net price and the floor', () => {
    const lines = [line({ productId: null }), line({ unitPrice: '10000.00' })];
    const reasons = approvalReasonsFor(lines, [null, emf], documentTotals(priceLines(lines).lines), '100');
    expect(reasons[0]).toEqual({ code: 'belowFloor', line: 2, price: '10000.00', floor: '10500.00' });
    expect(reasons[1]).toEqual({ code: 'outsideFloatRange', line: 2, price: '10000.00', low: '11776.00', high: '13824.00' });
  });

  it('a free-text line (no product) is never checked against a catalogue', () => {
    expect(approvalReasonsFor([line({ unitPrice: '1.00' })], [null], { discountPct: '0.00' }, '5')).toEqual([]);
  });
});

describe('approval routing by size', () => {
  it.each([
    [false, '9999999.00', 'review', ['销售主管审核', '销售经理审核']],
    [true, '100000.00', 'supervisor', ['销售主管审核', '销售经理审核']],
    [true, '100000.01', 'manager', ['销售主管审核', '销售经理审核']],
    [true, '500000.00', 'manager', ['销售主管审核', '销售经理审核']],
    [true, '500000.01', 'vp', ['销售主管审核', '销售经理审核', '销售副总审批（例外报价超经理权限）']],
  ] as const)('exceptions %s, total %s → %s', (hasExceptions, total, level, steps) => {
    expect(approvalLevelFor(hasExceptions, total, limits)).toBe(level);
    expect(stepsFor(level)).toEqual(steps);
  });
});

describe('life cycle', () => {
  it.each([
    ['draft', 'none'], ['in_review', 'reopen'], ['approved', 'revise'], ['sent', 'revise'], ['accepted', null], ['rejected_by_customer', null],
  ] as const)('editing a %s quote: %s', (status, effect) => {
    expect(editEffect(status)).toBe(effect);
    expect(nextStatus(status, 'edit')).toBe(effect === null ? null : 'draft');
  });

  it.each([
    ['submit', 'draft', 'in_review'], ['submit', 'approved', null], ['send', 'approved', 'sent'], ['send', 'in_review', null], ['send', 'draft', null],
    ['accept', 'sent', 'accepted'], ['accept', 'approved', null], ['decline', 'sent', 'rejected_by_customer'], ['approve', 'in_review', 'approved'],
  ] as const)('%s from %s → %s', (action, from, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each([
    ['sent', '2026-12-01', '2026-12-01', 'sent'],
    ['sent', '2026-11-30', '2026-12-01', 'expired'],
    ['draft', '2026-11-30', '2026-12-01', 'expired'],
    ['accepted', '2026-11-30', '2026-12-01', 'accepted'],
    ['rejected_by_customer', '2026-11-30', '2026-12-01', 'rejected_by_customer'],
  ] as const)('a %s quote valid until %s as of %s is %s', (status, validUntil, asOf, expected) => {
    expect(effectiveStatus(status, validUntil, asOf)).toBe(expected);
  });
});

describe('payment plan from the payment terms', () => {
  it.each([
    ['30 % prepayment, balance in 30 days', '100000.00', '30', 30, [['prepayment', '2026-12-01', '30000.00'], ['balance', '2026-12-31', '70000.00']]],
    ['rounding: 33.33 % of 100.01', '100.01', '33.33', 10, [['prepayment', '2026-12-01', '33.33'], ['balance', '2026-12-11', '66.68']]],
    ['no prepayment', '5000.00', '0', 60, [['balance', '2027-01-30', '5000.00']]],
    ['all in advance', '5000.00', '100', 30, [['prepayment', '2026-12-01', '5000.00']]],
  ] as const)('%s adds up to the total', (_n, total, pct, days, expected) => {
    const plan = paymentPlanFrom(total, { prepaymentPct: pct, balanceDays: days }, '2026-12-01');
    expect(plan.map((p) => [p.kind, p.dueDate, p.amount])).toEqual(expected);
  });
});
