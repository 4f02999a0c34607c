import { addDays, addMonths, isIsoDate, type IsoDate } from './dates.js';

/**
 * A report period, parsed from the `period` query parameter of every `/reports/*` endpoint.
 *
 * Accepted forms (case-insensitive, surrounding spaces ignored):
 * | text                       | meaning                                              |
 * |----------------------------|------------------------------------------------------|
 * | `2026`                     | calendar year                                        |
 * | `2026-H1`, `2026-H2`       | half year                                            |
 * | `2026-Q4`                  | calendar quarter                                     |
 * | `2026-11`                  | one month                                            |
 * | `2026-09..2026-11`         | months, both ends included                           |
 * | `2026-09-15..2026-11-03`   | days, both ends included (months = months touched)   |
 * | `this-month`, `last-month`, `this-quarter`, `last-quarter`, `this-year`, `last-year` | relative to `asOf` |
 * | `last-6-months` (1–60)     | the N months ending with `asOf`'s month              |
 * | empty / undefined          | `asOf`'s month                                       |
 *
 * `from` and `to` are inclusive calendar dates; `months` lists every `YYYY-MM` the period touches,
 * in order. A period longer than {@link MAX_REPORT_PERIOD_MONTHS} months, a range that ends before
 * it starts, or anything else unparseable gives `null` (callers answer 400 VALIDATION naming `period`).
 */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
  months: string[];
}

/** Reports cover at most five years: longer ranges are refused rather than slowly computed. */
export const MAX_REPORT_PERIOD_MONTHS = 60;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` → true when it is a real month. */
export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** First day of a `YYYY-MM` month. */
export function monthStart(month: string): IsoDate {
  return `${month}-01`;
}

/** Last day of a `YYYY-MM` month. */
export function monthEnd(month: string): IsoDate {
  return addDays(addMonths(monthStart(month), 1), -1);
}

/** The `YYYY-MM` month a calendar date falls in. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** The month `n` months after (negative: before) `month`. */
export function shiftMonth(month: string, n: number): string {
  return monthOf(addMonths(monthStart(month), n));
}

/** Every month from `fromMonth` to `toMonth`, both included; empty when the range is reversed. */
export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  const out: string[] = [];
  for (let m = fromMonth; m <= toMonth && out.length <= MAX_REPORT_PERIOD_MONTHS; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

function fromMonths(fromMonth: string, toMonth: string): ReportPeriod | null {
  return fromDates(monthStart(fromMonth), monthEnd(toMonth));
}

function fromDates(from: IsoDate, to: IsoDate): ReportPeriod | null {
  if (to < from) return null;
  const months = monthsBetween(monthOf(from), monthOf(to));
  if (months.length > MAX_REPORT_PERIOD_MONTHS) return null;
  return { from, to, months };
}

function quarterStartMonth(year: number, quarter: number): string {
  return `${String(year)}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}`;
}

/** Parses a report period (see {@link ReportPeriod} for the forms); `asOf` anchors relative forms. */
export function parseReportPeriod(text: string | null | undefined, asOf: IsoDate): ReportPeriod | null {
  const t = (text ?? '').trim().toLowerCase();
  const thisMonth = monthOf(asOf);
  if (t === '' || t === 'this-month') return fromMonths(thisMonth, thisMonth);
  if (t === 'last-month') { const m = shiftMonth(thisMonth, -1); return fromMonths(m, m); }
  const year = Number(asOf.slice(0, 4));
  const quarter = Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1;
  if (t === 'this-year') return parseReportPeriod(String(year), asOf);
  if (t === 'last-year') return parseReportPeriod(String(year - 1), asOf);
  if (t === 'this-quarter') return parseReportPeriod(`${String(year)}-q${String(quarter)}`, asOf);
  if (t === 'last-quarter') {
    const start = shiftMonth(quarterStartMonth(year, quarter), -3);
    return fromMonths(start, shiftMonth(start, 2));
  }
  let m: RegExpExecArray | null;
  if ((m = /^last-(\d{1,2})-months$/.exec(t))) {
    const n = Number(m[1]);
    if (n < 1 || n > MAX_REPORT_PERIOD_MONTHS) return null;
    return fromMonths(shiftMonth(thisMonth, -(n - 1)), thisMonth);
  }
  if ((m = /^(\d{4})$/.exec(t))) return fromMonths(`${m[1]}-01`, `${m[1]}-12`);
  if ((m = /^(\d{4})-h([12])$/.exec(t))) {
    const start = m[2] === '1' ? `${m[1]}-01` : `${m[1]}-07`;
    return fromMonths(start, shiftMonth(start, 5));
  }
  if ((m = /^(\d{4})-q([1-4])$/.exec(t))) {
    const start = quarterStartMonth(Number(m[1]), Number(m[2]));
    return fromMonths(start, shiftMonth(start, 2));
  }
  if (isMonth(t)) return fromMonths(t, t);
  if ((m = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(t))) {
    const [, a, b] = m;
    if (!a || !b || !isMonth(a) || !isMonth(b)) return null;
    return fromMonths(a, b);
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(t))) {
    const [, a, b] = m;
    if (!a || !b || !isIsoDate(a) || !isIsoDate(b)) return null;
    return fromDates(a, b);
  }
  return null;
}
