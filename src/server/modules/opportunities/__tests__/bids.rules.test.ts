import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.js';
import { grossMarginPct, isBelowPolicyMargin, noBidRefusal, validateBid } from '../bids.rules.js';

describe('bid gross margin % = (price − cost) / price × 100, half-up to 2 places', () => {
  it.each([
    ['100.00', '85.00', '15.00'],
    ['100.00', '100.00', '0.00'],
    ['100.00', '0.00', '100.00'],
    ['100.00', '150.00', '-50.00'],
    ['3.00', '2.00', '33.33'], // 33.333… down
    ['3.00', '1.00', '66.67'], // 66.666… up
    ['200.00', '170.01', '15.00'], // 14.995 exactly → half-up 15.00
    ['200.00', '170.03', '14.99'], // 14.985 exactly → half-up 14.99
    ['1000000.00', '850000.01', '15.00'], // 14.999999 → 15.00
    ['0.01', '0.00', '100.00'],
    ['99999999999999.99', '1.00', '100.00'],
  ])('price %s, cost %s → %s', (price, cost, expected) => expect(grossMarginPct(price, cost)).toBe(expected));

  it.each([['0.00'], ['0'], ['-1.00']])('a bid price of %s has no margin: VALIDATION_FAILED naming bidPrice', (price) => {
    try {
      grossMarginPct(price, '10.00');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('VALIDATION_FAILED');
      expect((e as AppError).details.map((d) => d.path)).toEqual(['bidPrice']);
    }
  });
});

describe('below the policy margin (15.00): strictly below only', () => {
  it.each([
    ['15.00', false], // exactly the policy margin is acceptable
    ['14.99', true], // 0.01 below
    ['15.01', false], // above
    ['-3.00', true],
    ['100.00', false],
  ])('margin %s → below: %s', (margin, below) => expect(isBelowPolicyMargin(margin, '15.00')).toBe(below));

  it.each([
    ['100.00', '85.00', false], // 15.00 exactly
    ['100.00', '85.01', true], // 14.99
    ['100.00', '84.99', false], // 15.01
  ])('price %s cost %s against 15.00 → below: %s', (price, cost, below) => expect(isBelowPolicyMargin(grossMarginPct(price, cost), '15.00')).toBe(below));
});

describe('bid field checks', () => {
  it.each([
    [{ bidPrice: '100.00', cost: '80.00' }, []],
    [{ bidPrice: '0.00', cost: '80.00' }, ['bidPrice']],
    [{ bidPrice: '-5.00', cost: '-1.00' }, ['bidPrice', 'cost']],
    [{ bidPrice: '100.00', cost: '-0.01' }, ['cost']],
    [{ bidPrice: '0.01', cost: '10000.00' }, ['cost']], // margin −99 999 900 % cannot be recorded
    [{ bidPrice: '1.00', cost: '1000.99' }, []], // −99 999.00 % still fits
  ])('%o → problems at %o', (input, paths) => expect(validateBid(input).map((e) => e.path)).toEqual(paths));
});

describe('no-bid close is the way out for a bid below the policy margin', () => {
  it.each([
    [null, 'no_bid_saved'],
    [{ grossMarginPct: '10.00', status: 'pending' }, 'bid_in_approval'],
    [{ grossMarginPct: '15.00', status: 'draft' }, 'margin_not_below_policy'],
    [{ grossMarginPct: '14.99', status: 'draft' }, null],
    [{ grossMarginPct: '14.99', status: 'rejected' }, null],
    [{ grossMarginPct: '-20.00', status: 'returned' }, null],
  ])('bid %o → refusal %s', (bid, refusal) => expect(noBidRefusal(bid, '15.00')).toBe(refusal));
});
