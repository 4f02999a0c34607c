import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** `YYYY-MM-DD`, a calendar date in the workspace time zone. */
export type IsoDate = string;
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Today's calendar date in the given zone: the default `asOf` of time-based rules. */
export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): IsoDate {
  return dayjs(now).tz(timeZone).format('YYYY-MM-DD');
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  return dayjs.utc(date).add(months, 'month').format('YYYY-MM-DD');
}

/** Formats a date in a zone with a dayjs pattern (e.g. `YYYYMM` for a numbering period). */
export function formatInZone(instant: Date, timeZone: string, pattern: string): string {
  return dayjs(instant).tz(timeZone).format(pattern);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs.utc(value).format('YYYY-MM-DD') === value;
}
