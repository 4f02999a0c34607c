import { describe, expect, it } from 'vitest';
import { MAX_REPORT_PERIOD_MONTHS, monthEnd, monthsBetween, parseReportPeriod, shiftMonth } from '../periods.js';

const asOf = '2026-11-30';

describe('parseReportPeriod: the `period` filter every report shares', () => {
  it.each([
    ['a year', '2026', '2026-01-01', '2026-12-31', 12, '2026-01', '2026-12'],
    ['a first half', '2026-H1', '2026-01-01', '2026-06-30', 6, '2026-01', '2026-06'],
    ['a second half, lower case', '2026-h2', '2026-07-01', '2026-12-31', 6, '2026-07', '2026-12'],
    ['Q1', '2026-Q1', '2026-01-01', '2026-03-31', 3, '2026-01', '2026-03'],
    ['Q4', '2026-Q4', '2026-10-01', '2026-12-31', 3, '2026-10', '2026-12'],
    ['one month', '2026-11', '2026-11-01', '2026-11-30', 1, '2026-11', '2026-11'],
    ['February of a leap year ends on the 29th', '2028-02', '2028-02-01', '2028-02-29', 1, '2028-02', '2028-02'],
    ['February of a common year ends on the 28th', '2026-02', '2026-02-01', '2026-02-28', 1, '2026-02', '2026-02'],
    ['a month range over a year end', '2025-11..2026-02', '2025-11-01', '2026-02-28', 4, '2025-11', '2026-02'],
    ['a one-month range', '2026-05..2026-05', '2026-05-01', '2026-05-31', 1, '2026-05', '2026-05'],
    ['a day range touches the months it crosses', '2026-09-15..2026-11-03', '2026-09-15', '2026-11-03', 3, '2026-09', '2026-11'],
    ['a one-day range', '2026-11-03..2026-11-03', '2026-11-03', '2026-11-03', 1, '2026-11', '2026-11'],
    ['empty means the current month', '', '2026-11-01', '2026-11-30', 1, '2026-11', '2026-11'],
    ['spaces are ignored', '  2026-Q2 ', '2026-04-01', '2026-06-30', 3, '2026-04', '2026-06'],
    ['this-month', 'this-month', '2026-11-01', '2026-11-30', 1, '2026-11', '2026-11'],
    ['last-month', 'last-month', '2026-10-01', '2026-10-31', 1, '2026-10', '2026-10'],
    ['this-quarter', 'this-quarter', '2026-10-01', '2026-12-31', 3, '2026-10', '2026-12'],
    ['last-quarter', 'last-quarter', '2026-07-01', '2026-09-30', 3, '2026-07', '2026-09'],
    ['this-year', 'this-year', '2026-01-01', '2026-12-31', 12, '2026-01', '2026-12'],
    ['last-year', 'last-year', '2025-01-01', '2025-12-31', 12, '2025-01', '2025-12'],
    ['the last 7 months end with this month', 'last-7-months', '2026-05-01', '2026-11-30', 7, '2026-05', '2026-11'],
    ['the last 1 month is this month', 'last-1-months', '2026-11-01', '2026-11-30', 1, '2026-11', '2026-11'],
    ['five years is the longest range', '2022-01..2026-12', '2022-01-01', '2026-12-31', 60, '2022-01', '2026-12'],
  ] as const)('%s: %j', (_title, text, from, to, count, first, last) => {
    const p = parseReportPeriod(text, asOf);
    expect(p).not.toBeNull();
    expect(p).toMatchObject({ from, to });
    expect(p?.months).toHaveLength(count);
    expect(p?.months[0]).toBe(first);
    expect(p?.months.at(-1)).toBe(last);
  });

  it('undefined or null mean the current month', () => {
    expect(parseReportPeriod(undefined, asOf)).toEqual({ from: '2026-11-01', to: '2026-11-30', months: ['2026-11'] });
    expect(parseReportPeriod(null, '2027-01-01')).toEqual({ from: '2027-01-01', to: '2027-01-31', months: ['2027-01'] });
  });

  it('last-quarter in January is the previous year\'s Q4', () => {
    expect(parseReportPeriod('last-quarter', '2027-01-15')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(parseReportPeriod('last-month', '2027-01-15')).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
  });

  it.each([
    ['month 13', '2026-13'],
    ['month 00', '2026-00'],
    ['quarter 5', '2026-Q5'],
    ['half 3', '2026-H3'],
    ['a reversed month range', '2026-11..2026-09'],
    ['a reversed day range', '2026-11-03..2026-11-02'],
    ['an impossible date', '2026-02-30..2026-03-01'],
    ['more than five years', '2021-12..2026-12'],
    ['last-0-months', 'last-0-months'],
    ['last-61-months', 'last-61-months'],
    ['words', 'next-decade'],
    ['a single day without a range', '2026-11-03'],
    ['a two-digit year', '26-11'],
    ['SQL', "2026'; drop table x;--"],
  ])('refuses %s (%j)', (_title, text) => {
    expect(parseReportPeriod(text, asOf)).toBeNull();
  });

  it(`caps ranges at ${String(MAX_REPORT_PERIOD_MONTHS)} months`, () => {
    expect(parseReportPeriod(`last-${String(MAX_REPORT_PERIOD_MONTHS)}-months`, asOf)?.months).toHaveLength(MAX_REPORT_PERIOD_MONTHS);
  });
});

describe('month helpers', () => {
  it.each([
    ['2026-01', 1, '2026-02'], ['2026-12', 1, '2027-01'], ['2026-01', -1, '2025-12'], ['2026-03', -14, '2025-01'],
  ] as const)('%s shifted by %i is %s', (m, n, out) => expect(shiftMonth(m, n)).toBe(out));

  it.each([['2026-04', '2026-04-30'], ['2026-12', '2026-12-31'], ['2024-02', '2024-02-29']] as const)('%s ends on %s', (m, end) => expect(monthEnd(m)).toBe(end));

  it('monthsBetween includes both ends and is empty when reversed', () => {
    expect(monthsBetween('2026-11', '2027-01')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthsBetween('2026-11', '2026-10')).toEqual([]);
  });
});
