import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** `YYYY-MM-DD`, a calendar date in the workspace time zone. */
export type IsoDate = string;
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;

// One formatter per zone: building an Intl.DateTimeFormat (what dayjs' tz() does on every call) costs far
// more than formatting with it, and list pages ask for a zone's date once per row.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Today's calendar date in the given zone: the default `asOf` of time-based rules. */
export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): IsoDate {
  const parts = dateFormatter(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function utcMs(date: IsoDate): number {
  const at = new Date(0);
  at.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return at.getTime();
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(utcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  return dayjs.utc(date).add(months, 'month').format('YYYY-MM-DD');
}

/** Formats a date in a zone with a dayjs pattern (e.g. `YYYYMM` for a numbering period). */
export function formatInZone(instant: Date, timeZone: string, pattern: string): string {
  return dayjs(instant).tz(timeZone).format(pattern);
}

export function isIsoDate(value: string): boolean {
  // year 0000 does not exist (PostgreSQL refuses it); every other 4-digit year does
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !value.startsWith('0000') && new Date(utcMs(value)).toISOString().slice(0, 10) === value;
}
