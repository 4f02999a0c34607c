import { describe, expect, it } from 'vitest';
import { todayIn } from '../../../../shared/dates.js';
import {
  appliedDate, checkQuotedPrice, effectiveDateProblem, pickListPrice, priceApprovalFlags, priceBand, pricesDiffer, validateListLines,
  validatePriceList, validatePrices, validateTaxRate, versionInForce, type ListCandidate,
} from '../products.rules.js';

const prices = (over: Partial<{ listPrice: string; floorPrice: string; floatRange: string; cost: string }> = {}) => ({
  listPrice: '1000.00', floorPrice: '800.00', floatRange: '10', cost: '600.00', ...over,
});
const paths = (errors: { path: string; message: string }[]) => errors.map((e) => `${e.path}:${e.message}`);

describe('product prices (floor ≤ list, cost ≥ 0, float range 0–100 %)', () => {
  it.each([
    ['floor one cent below list', prices({ floorPrice: '999.99' }), []],
    ['floor equal to list', prices({ floorPrice: '1000.00' }), []],
    ['floor one cent above list', prices({ floorPrice: '1000.01' }), ['floorPrice:errors.floorAboveList']],
    ['cost 0', prices({ cost: '0' }), []],
    ['cost −0.01', prices({ cost: '-0.01' }), ['cost:errors.priceNegative']],
    ['list price with three decimals', prices({ listPrice: '1000.001' }), ['listPrice:errors.money']],
    ['float range 0', prices({ floatRange: '0' }), []],
    ['float range 100', prices({ floatRange: '100' }), []],
    ['float range 100.01', prices({ floatRange: '100.01' }), ['floatRange:errors.floatRangeBounds']],
    ['float range with three decimals', prices({ floatRange: '5.125' }), ['floatRange:errors.floatRangeBounds']],
    ['float range negative', prices({ floatRange: '-1' }), ['floatRange:errors.floatRangeBounds']],
    ['all zero (a free service)', prices({ listPrice: '0', floorPrice: '0', cost: '0' }), []],
  ])('%s', (_, input, expected) => {
    expect(paths(validatePrices(input))).toEqual(expected);
  });

  it('names both prices in the floor-above-list message', () => {
    expect(validatePrices(prices({ floorPrice: '1200' }))[0]!.params).toEqual({ floorPrice: '1200.00', listPrice: '1000.00' });
  });

  it.each([['13', true], ['0', true], ['100', true], ['100.01', false], ['6.5', true], ['6.555', false], ['-3', false]])('tax rate %s valid: %s', (rate, ok) => {
    expect(validateTaxRate(rate).length === 0).toBe(ok);
  });

  it('a request equal to the prices in force is no change; a cost change of one cent is', () => {
    expect(pricesDiffer(prices(), prices({ listPrice: '1000' }))).toBe(false);
    expect(pricesDiffer(prices(), prices({ cost: '600.01' }))).toBe(true);
    expect(pricesDiffer(null, prices())).toBe(true);
  });
});

describe('a quoted price against list ± float range and the floor (used by quotes)', () => {
  // list 1000, range 10 % → band 900.00–1100.00; floor 800 sits below the band
  it.each([
    ['900.00', false, false],
    ['899.99', true, false],
    ['1100.00', false, false],
    ['1100.01', true, false],
    ['1000.00', false, false],
    ['799.99', true, true],
  ])('%s → outside range %s, below floor %s', (price, outside, belowFloor) => {
    const check = checkQuotedPrice(price, prices());
    expect(check).toEqual({ isOutsideFloatRange: outside, isBelowFloor: belowFloor, needsApproval: outside || belowFloor });
  });

  it('float range 0: only the list price itself is inside', () => {
    expect(checkQuotedPrice('1000.00', prices({ floatRange: '0', floorPrice: '1000' })).needsApproval).toBe(false);
    expect(checkQuotedPrice('999.99', prices({ floatRange: '0', floorPrice: '900' })).isOutsideFloatRange).toBe(true);
    expect(checkQuotedPrice('1000.01', prices({ floatRange: '0', floorPrice: '900' })).isOutsideFloatRange).toBe(true);
  });

  it('float range 100: anything from 0 to twice the list price is in range, the floor still binds', () => {
    expect(checkQuotedPrice('2000.00', prices({ floatRange: '100' })).needsApproval).toBe(false);
    expect(checkQuotedPrice('2000.01', prices({ floatRange: '100' })).isOutsideFloatRange).toBe(true);
    expect(checkQuotedPrice('500.00', prices({ floatRange: '100' }))).toEqual({ isOutsideFloatRange: false, isBelowFloor: true, needsApproval: true });
  });

  it('the band never goes below the floor, and is exact in decimals (no float drift)', () => {
    expect(priceBand(prices())).toEqual({ low: '900.00', high: '1100.00' });
    expect(priceBand(prices({ floatRange: '30' }))).toEqual({ low: '800.00', high: '1300.00' });
    expect(priceBand({ listPrice: '0.10', floorPrice: '0', floatRange: '20' })).toEqual({ low: '0.08', high: '0.12' });
  });
});

describe('which version is in force on a day (boundary day, Asia/Shanghai)', () => {
  const versions = [
    { effectiveFrom: '2026-01-01', seq: 'a', v: 1 },
    { effectiveFrom: '2027-01-01', seq: 'b', v: 2 },
    { effectiveFrom: '2027-01-01', seq: 'c', v: 3 },
  ];
  it.each([
    ['2025-12-31', null],
    ['2026-01-01', 1],
    ['2026-12-31', 1],
    ['2027-01-01', 3],
    ['2027-06-30', 3],
  ])('on %s → version %s', (day, expected) => {
    expect(versionInForce(versions, day)?.v ?? null).toBe(expected);
  });

  it('the day turns at midnight in Shanghai (16:00 UTC), not at midnight UTC', () => {
    const before = todayIn('Asia/Shanghai', new Date('2026-12-31T15:59:59Z'));
    const after = todayIn('Asia/Shanghai', new Date('2026-12-31T16:00:00Z'));
    expect([before, after]).toEqual(['2026-12-31', '2027-01-01']);
    expect(versionInForce(versions, before)?.v).toBe(1);
    expect(versionInForce(versions, after)?.v).toBe(3);
  });

  it('a change may take effect today, not yesterday; approved late it applies from the approval day', () => {
    expect(effectiveDateProblem('2026-12-01', '2026-12-01')).toBeNull();
    expect(effectiveDateProblem('2026-11-30', '2026-12-01')).toMatchObject({ path: 'effectiveFrom', message: 'errors.priceDateInPast' });
    expect(appliedDate('2026-12-05', '2026-12-01')).toBe('2026-12-05');
    expect(appliedDate('2026-12-05', '2026-12-05')).toBe('2026-12-05');
    expect(appliedDate('2026-12-05', '2026-12-06')).toBe('2026-12-06');
  });
});

describe('price lists', () => {
  const c = (over: Partial<ListCandidate>): ListCandidate => ({ id: 'x', name: 'x', customerClass: null, channel: null, effectiveFrom: '2026-01-01', price: '900.00', ...over });
  it('a channel list wins over a class list; among several the newest start wins', () => {
    const candidates = [
      c({ id: '1', customerClass: 'A', price: '950.00' }),
      c({ id: '2', customerClass: 'A', effectiveFrom: '2026-07-01', price: '940.00' }),
      c({ id: '3', channel: 'distributor', price: '850.00' }),
    ];
    expect(pickListPrice(candidates, { customerClass: 'A' })?.id).toBe('2');
    expect(pickListPrice(candidates, { customerClass: 'A', channel: 'distributor' })?.id).toBe('3');
    expect(pickListPrice(candidates, { customerClass: 'B' })).toBeNull();
    expect(pickListPrice(candidates, {})).toBeNull();
  });

  it('needs a class or a channel, and a last day not before the first', () => {
    expect(paths(validatePriceList({ effectiveFrom: '2026-01-01' }))).toEqual(['customerClass:errors.priceListTarget']);
    expect(paths(validatePriceList({ customerClass: 'A', effectiveFrom: '2026-01-01', effectiveTo: '2026-01-01' }))).toEqual([]);
    expect(paths(validatePriceList({ channel: 'agent', effectiveFrom: '2026-01-02', effectiveTo: '2026-01-01' }))).toEqual(['effectiveTo:errors.priceListDates']);
  });

  it('refuses a product twice and negative or three-decimal prices, naming the line', () => {
    expect(paths(validateListLines([{ productId: 'p', price: '1.00' }, { productId: 'p', price: '-1' }, { productId: 'q', price: '1.001' }]))).toEqual([
      'lines.1.price:errors.priceNegative', 'lines.1.productId:errors.priceListDuplicateProduct', 'lines.2.price:errors.money',
    ]);
  });
});

describe('approval routing', () => {
  it('the sales VP does not review a change they asked for; anyone else\'s is reviewed by the VP', () => {
    expect(priceApprovalFlags(['sales_vp'])).toEqual({ salesVpReviews: false });
    expect(priceApprovalFlags(['sales_manager'])).toEqual({ salesVpReviews: true });
  });
});
