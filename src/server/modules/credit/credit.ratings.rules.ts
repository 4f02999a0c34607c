import type { IndicatorScore, RatingDimension } from '../../../shared/contracts/credit-ratings.contract.js';
import { addMonths, type IsoDate } from '../../../shared/dates.js';
import type { ErrorDetail } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import type { CreditGrade } from './credit.rules.js';

export const RATING_DIMENSIONS: readonly RatingDimension[] = ['basic', 'capital', 'creditRecord', 'solvency', 'profitability'];

/** Lowest score of grades A, B and C (policies credit.gradeA/B/C; defaults 85, 70, 55). */
export interface GradeThresholds { A: number; B: number; C: number }

/**
 * The grade of a total score (domain §10): A from credit.gradeA (85), B from gradeB (70), C from
 * gradeC (55), D below. A threshold is included in its grade: 85.00 is A, 84.99 is B.
 */
export function gradeOf(total: string, t: GradeThresholds): CreditGrade {
  if (money.compare(total, t.A) >= 0) return 'A';
  if (money.compare(total, t.B) >= 0) return 'B';
  if (money.compare(total, t.C) >= 0) return 'C';
  return 'D';
}

/** The default indicators of each dimension (the rating form's rows; a rating may use others). */
export const DEFAULT_INDICATORS: Record<RatingDimension, readonly string[]> = {
  basic: ['yearsInBusiness', 'ownership', 'management', 'externalRating'],
  capital: ['registeredCapital', 'netAssets', 'assetScale'],
  creditRecord: ['paymentHistory', 'overdueRecord', 'bankCredit'],
  solvency: ['currentRatio', 'debtRatio', 'cashFlow'],
  profitability: ['revenueGrowth', 'netMargin', 'returnOnAssets'],
};

export interface DimensionScore { dimension: RatingDimension; weight: string; score: string; indicators: IndicatorScore[] }
export interface RatingResult { total: string; dimensions: DimensionScore[] }

/** Field problems of a rating's scores: all five dimensions, each indicator 0–100 with a positive weight sum. */
export function validateRatingScores(dimensions: Partial<Record<RatingDimension, IndicatorScore[]>>): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  for (const d of RATING_DIMENSIONS) {
    const list = dimensions[d];
    if (!list || list.length === 0) { errors.push({ path: `dimensions.${d}`, message: 'errors.ratingDimensionMissing' }); continue; }
    list.forEach((i, n) => {
      if (money.compare(i.score, 100) > 0) errors.push({ path: `dimensions.${d}.${n}.score`, message: 'errors.score' });
    });
    if (money.compare(money.add(...list.map((i) => i.weight ?? '1')), 0) <= 0) errors.push({ path: `dimensions.${d}`, message: 'errors.ratingWeightsZero' });
  }
  return errors;
}

/**
 * The total score of a rating (domain §10): each dimension's score is the weighted mean of its
 * indicators (weight 1 each unless given), the total the weighted mean of the five dimensions with
 * the policy weights credit.weight.* (default 20 each: equal). Rounded half-up to two decimals at
 * the end only, so equal inputs always give the same total.
 */
export function scoreRating(dimensions: Record<RatingDimension, IndicatorScore[]>, weights: Record<RatingDimension, string>): RatingResult {
  const exact = (list: IndicatorScore[]) => {
    const sumW = list.reduce((s, i) => s.plus(i.weight ?? '1'), money.parse('0'));
    return list.reduce((s, i) => s.plus(money.parse(i.score).times(i.weight ?? '1')), money.parse('0')).div(sumW);
  };
  const sumWeights = RATING_DIMENSIONS.reduce((s, d) => s.plus(weights[d]), money.parse('0'));
  let total = money.parse('0');
  const result: DimensionScore[] = RATING_DIMENSIONS.map((d) => {
    const score = exact(dimensions[d]);
    total = total.plus(score.times(weights[d]));
    return { dimension: d, weight: weights[d], score: money.format(score), indicators: dimensions[d] };
  });
  return { total: sumWeights.isZero() ? '0.00' : money.format(total.div(sumWeights)), dimensions: result };
}

/** When an investigation reviewed on a day is due for its update: credit.investigationMonths later (default 12: yearly). */
export function investigationDueOn(reviewedOn: IsoDate, months: number): IsoDate {
  return addMonths(reviewedOn, months);
}

/** Percent collected of what was due (2 decimals), null when nothing was due. */
export function collectionRate(collected: string, due: string): string | null {
  if (money.compare(due, 0) <= 0) return null;
  return money.format(money.parse(collected).times(100).div(due));
}
