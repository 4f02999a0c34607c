import type { VisitPlanPeriod } from '../../../shared/contracts/visit-plans.contract';
import { addDays, daysBetween, type IsoDate } from '../../../shared/dates';

/** The Monday of the week containing a day (1 January 2024 was a Monday). */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -(((daysBetween('2024-01-01', date) % 7) + 7) % 7));
}

/** The first day of the period of this kind containing a day (as the server's rule). */
export function periodStartFor(period: VisitPlanPeriod, date: IsoDate): IsoDate {
  const [y, m] = date.split('-') as [string, string];
  if (period === 'quarter') return `${y}-${String(Math.floor((Number(m) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  if (period === 'month') return `${y}-${m}-01`;
  if (period === 'week') return mondayOf(date);
  return date;
}

export const weekDays = (monday: IsoDate): IsoDate[] => [0, 1, 2, 3, 4].map((n) => addDays(monday, n));
