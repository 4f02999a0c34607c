import { daysBetween, type IsoDate } from '../../../shared/dates.js';
import { money, type Money } from '../../../shared/money.js';

export const agingBuckets = ['not_due', '1_30', '31_60', '61_90', '91_120', 'over_120'] as const;
export type AgingBucket = (typeof agingBuckets)[number];

/** Days overdue as of a date: asOf − due date, in whole calendar days; zero or less is not overdue. */
export function daysOverdue(dueDate: IsoDate, asOf: IsoDate): number {
  return daysBetween(dueDate, asOf);
}

/**
 * The aging bucket (账龄, domain §11.1) of a line as of a date: due today or later → not due; then
 * 1–30, 31–60, 61–90, 91–120 and more than 120 days overdue. The SQL of the aging report uses the
 * same bounds (agingBucketSql); the table test keeps both honest.
 */
export function agingBucket(dueDate: IsoDate, asOf: IsoDate): AgingBucket {
  const days = daysOverdue(dueDate, asOf);
  if (days <= 0) return 'not_due';
  if (days <= 30) return '1_30';
  if (days <= 60) return '31_60';
  if (days <= 90) return '61_90';
  if (days <= 120) return '91_120';
  return 'over_120';
}

/** Upper bounds (inclusive) of the overdue buckets, in days: the one place the SQL reads them from. */
export const agingBounds: readonly [AgingBucket, number][] = [['not_due', 0], ['1_30', 30], ['31_60', 60], ['61_90', 90], ['91_120', 120]];

/**
 * Collection rate (回款率) of a period: collected ÷ due, as a percentage with one decimal; null when
 * nothing fell due in the period (no rate rather than a division by zero). Can exceed 100 when
 * arrears or early payments were collected in the period.
 */
export function collectionRate(collected: Money, due: Money): string | null {
  if (money.compare(due, 0) <= 0) return null;
  return money.parse(collected).dividedBy(due).times(100).toFixed(1);
}
