import type { IsoDate } from '../../../shared/dates.js';
import { money, type Money } from '../../../shared/money.js';
import { monthOf, shiftMonth } from '../../../shared/periods.js';

/** How far ahead a rep may forecast: this month and the next twelve. */
export const FORECAST_MONTHS_AHEAD = 12;

/** Weighted amount of one opportunity (domain §6.3): amount × probability (a percent) / 100, two decimals half-up. */
export function weightedAmount(amount: Money, probabilityPercent: string): Money {
  return money.format(money.parse(amount).times(probabilityPercent).dividedBy(100));
}

/** Weighted pipeline of several opportunities: the exact sum, rounded once at the end (as the SQL does). */
export function weightedPipeline(rows: readonly { amount: Money; probability: string }[]): Money {
  return money.format(rows.reduce((sum, r) => sum.plus(money.parse(r.amount).times(r.probability).dividedBy(100)), money.parse(0)));
}

/**
 * Forecast accuracy = actual won / forecast (domain §6.3), two decimals half-up ("1.00" = hit,
 * "0.80" = 20 % short); null when there is no forecast or it is zero (nothing to divide by).
 */
export function forecastAccuracy(won: Money, forecast: Money | null): string | null {
  if (forecast === null || money.compare(forecast, 0) === 0) return null;
  return money.parse(won).dividedBy(forecast).toFixed(2);
}

export type SubmitWindow = 'open' | 'ended' | 'too_far';

/**
 * May a forecast for month `month` be submitted (or adjusted) as of `asOf` (a date in the workspace
 * time zone)? Until the month has ended: the last day of the month is still open, the 1st of the
 * next month is not. Months more than {@link FORECAST_MONTHS_AHEAD} ahead are too far.
 */
export function submitWindow(month: string, asOf: IsoDate): SubmitWindow {
  const current = monthOf(asOf);
  if (month < current) return 'ended';
  if (month > shiftMonth(current, FORECAST_MONTHS_AHEAD)) return 'too_far';
  return 'open';
}

/** Segregation of duties: nobody adjusts their own forecast. */
export function mayAdjust(actorId: string, ownerId: string, ownerInScope: boolean): 'ok' | 'own' | 'out_of_scope' {
  if (!ownerInScope) return 'out_of_scope';
  return actorId === ownerId ? 'own' : 'ok';
}
