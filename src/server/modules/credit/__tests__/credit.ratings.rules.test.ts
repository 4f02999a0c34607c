import { describe, expect, it } from 'vitest';
import type { CalculateLimitBody, IndicatorScore, RatingDimension } from '../../../../shared/contracts/credit-ratings.contract.js';
import { calculateLimit } from '../credit.calculators.rules.js';
import { collectionRate, gradeOf, investigationDueOn, scoreRating, validateRatingScores } from '../credit.ratings.rules.js';

const thresholds = { A: 85, B: 70, C: 55 };
const equal = { basic: '20', capital: '20', creditRecord: '20', solvency: '20', profitability: '20' } as Record<RatingDimension, string>;
const one = (score: string, weight?: string): IndicatorScore[] => [{ key: 'x', score, ...(weight ? { weight } : {}) }];
const all = (score: string) => ({ basic: one(score), capital: one(score), creditRecord: one(score), solvency: one(score), profitability: one(score) });

describe('grade of a total score (A ≥ 85, B 70–84.99, C 55–69.99, D < 55)', () => {
  it.each([
    ['100.00', 'A'], ['85.00', 'A'], ['84.99', 'B'], ['70.00', 'B'], ['69.99', 'C'], ['55.00', 'C'], ['54.99', 'D'], ['0.00', 'D'],
  ])('%s → %s', (total, grade) => expect(gradeOf(total, thresholds)).toBe(grade));

  it('follows the policy thresholds when finance changes them', () => {
    expect(gradeOf('84.00', { A: 80, B: 60, C: 40 })).toBe('A');
    expect(gradeOf('39.99', { A: 80, B: 60, C: 40 })).toBe('D');
  });
});

describe('scoring five dimensions', () => {
  it('equal weights: the total is the mean of the dimension scores, each the mean of its indicators', () => {
    const r = scoreRating({ ...all('80'), basic: [{ key: 'a', score: '90' }, { key: 'b', score: '70' }], profitability: one('60') }, equal);
    expect(r.dimensions.map((d) => d.score)).toEqual(['80.00', '80.00', '80.00', '80.00', '60.00']);
    expect(r.total).toBe('76.00');
  });

  it('weights indicators within a dimension and dimensions by policy, rounding once at the end', () => {
    const r = scoreRating({ ...all('50'), solvency: [{ key: 'a', score: '100', weight: '3' }, { key: 'b', score: '0', weight: '1' }] },
      { ...equal, solvency: '40' });
    // solvency 75 × 40 + 50 × 80 = 7000 / 120 = 58.333…
    expect(r.dimensions.find((d) => d.dimension === 'solvency')!.score).toBe('75.00');
    expect(r.total).toBe('58.33');
  });

  it.each([['54.99', 'D'], ['55.00', 'C'], ['69.99', 'C'], ['70.00', 'B'], ['84.99', 'B'], ['85.00', 'A']])('every dimension at %s → %s', (s, grade) => {
    expect(gradeOf(scoreRating(all(s), equal).total, thresholds)).toBe(grade);
  });

  it('refuses a missing dimension, a score above 100 and zero weights, naming each field', () => {
    const errors = validateRatingScores({ basic: one('101'), capital: one('50', '0'), creditRecord: one('1'), solvency: one('1') });
    expect(errors.map((e) => e.path)).toEqual(['dimensions.basic.0.score', 'dimensions.capital', 'dimensions.profitability']);
    expect(validateRatingScores(all('100'))).toEqual([]);
  });
});

describe('investigation due date and collection rate', () => {
  it.each([['2026-01-31', 12, '2027-01-31'], ['2024-02-29', 12, '2025-02-28'], ['2026-03-15', 6, '2026-09-15']])('reviewed %s + %i months → %s', (d, m, due) => {
    expect(investigationDueOn(d, m)).toBe(due);
  });
  it.each([['0.00', '0.00', null], ['50.00', '200.00', '25.00'], ['1.00', '3.00', '33.33'], ['300.00', '300.00', '100.00']])('%s of %s → %s %%', (c, d, rate) => {
    expect(collectionRate(c, d)).toBe(rate);
  });
});

describe('credit limit calculators', () => {
  const ok = (body: CalculateLimitBody) => {
    const r = calculateLimit(body);
    if (!r.ok) throw new Error(r.key);
    return r;
  };
  it('sales-based: (sales × cost rate) × supply share × days ÷ 365', () => {
    const r = ok({ method: 'sales_based', inputs: { expectedAnnualSales: '3650000.00', costRate: '0.8', supplyShare: '0.5', creditPeriodDays: 60 } });
    expect(r.limit).toBe('240000.00');
    expect(r.working.map((l) => l.key)).toEqual(['credit.calc.salesPurchases', 'credit.calc.salesShare', 'credit.calc.salesPeriod', 'credit.calc.result']);
    expect(r.working[0]!.params).toMatchObject({ purchases: '2920000.00' });
  });
  it('sales-based refuses a rate above 1', () => {
    expect(calculateLimit({ method: 'sales_based', inputs: { expectedAnnualSales: '1.00', costRate: '1.5', supplyShare: '0.5', creditPeriodDays: 30 } }))
      .toEqual({ ok: false, path: 'inputs.costRate', key: 'errors.calcRateAboveOne' });
  });
  it('working capital split: (CA − CL) ÷ suppliers, to the cent', () => {
    expect(ok({ method: 'working_capital', inputs: { currentAssets: '1000000.00', currentLiabilities: '400000.00', supplierCount: 7 } }).limit).toBe('85714.29');
  });
  it('working capital below zero gives 0.00 with the reason in the working', () => {
    const r = ok({ method: 'working_capital', inputs: { currentAssets: '100.00', currentLiabilities: '400.00', supplierCount: 2 } });
    expect(r.limit).toBe('0.00');
    expect(r.working.at(-1)!.key).toBe('credit.calc.negative');
  });
  it.each([
    ['working_capital', { currentAssets: '1.00', currentLiabilities: '0.00', supplierCount: 0 }, 'inputs.supplierCount'],
    ['net_asset', { totalAssets: '1.00', totalLiabilities: '0.00', supplierCount: 0 }, 'inputs.supplierCount'],
    ['current_ratio', { currentAssets: '1.00', currentLiabilities: '0.00', baseLimit: '100.00', normRatio: '2' }, 'inputs.currentLiabilities'],
    ['current_ratio', { currentAssets: '1.00', currentLiabilities: '1.00', baseLimit: '100.00', normRatio: '0' }, 'inputs.normRatio'],
  ])('%s refuses a division by zero naming %s', (method, inputs, path) => {
    const r = calculateLimit({ method, inputs } as CalculateLimitBody);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.path).toBe(path);
  });
  it.each([
    ['3000000.00', '1000000.00', '100000.00', '2', '150000.00', 'credit.calc.aboveNorm'],
    ['2000000.00', '1000000.00', '100000.00', '2', '100000.00', 'credit.calc.atOrBelowNorm'],
    ['1000000.00', '1000000.00', '100000.00', '2', '50000.00', 'credit.calc.atOrBelowNorm'],
  ])('current ratio: CA %s, CL %s, base %s, norm %s → %s', (ca, cl, base, norm, limit, key) => {
    const r = ok({ method: 'current_ratio', inputs: { currentAssets: ca, currentLiabilities: cl, baseLimit: base, normRatio: norm } });
    expect(r.limit).toBe(limit);
    expect(r.working[1]!.key).toBe(key);
  });
  it('net-asset split: (assets − liabilities) ÷ suppliers', () => {
    expect(ok({ method: 'net_asset', inputs: { totalAssets: '5000000.00', totalLiabilities: '2000000.00', supplierCount: 3 } }).limit).toBe('1000000.00');
  });
  it('judgement: the limit given, its reasons and the change from the previous limit in the working', () => {
    const r = ok({ method: 'judgement', inputs: { limit: '80000.00', previousLimit: '50000.00', reasons: ['近两年按期付款', '订单稳定增长'] } });
    expect(r.limit).toBe('80000.00');
    expect(r.working.map((l) => l.key)).toEqual(['credit.calc.previous', 'credit.calc.reason', 'credit.calc.reason', 'credit.calc.result']);
    expect(r.working[0]!.params).toMatchObject({ change: '30000.00' });
  });
});
