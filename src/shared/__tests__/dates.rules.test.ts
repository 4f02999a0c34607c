import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isIsoDate, todayIn } from '../dates.js';

describe('todayIn: the calendar date of an instant in the workspace zone', () => {
  it.each([
    ['Shanghai, one second before its midnight', 'Asia/Shanghai', '2026-11-30T15:59:59.999Z', '2026-11-30'],
    ['Shanghai, at its midnight', 'Asia/Shanghai', '2026-11-30T16:00:00.000Z', '2026-12-01'],
    ['Shanghai, new year', 'Asia/Shanghai', '2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['UTC, the same instant', 'UTC', '2026-12-31T16:00:00.000Z', '2026-12-31'],
    ['New York in summer time (UTC−4)', 'America/New_York', '2026-07-01T03:59:59.000Z', '2026-06-30'],
    ['New York in winter time (UTC−5)', 'America/New_York', '2026-12-01T04:59:59.000Z', '2026-11-30'],
    ['Auckland, a day ahead', 'Pacific/Auckland', '2026-11-30T12:00:00.000Z', '2026-12-01'],
  ])('%s', (_label, zone, instant, expected) => {
    expect(todayIn(zone, new Date(instant))).toBe(expected);
  });

  it('defaults to Asia/Shanghai', () => {
    expect(todayIn(undefined, new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  });
});

describe('calendar arithmetic on ISO dates', () => {
  it.each([
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', -365, '2025-01-01'],
    ['2026-03-29', 0, '2026-03-29'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['2026-08-31', 3, '2026-11-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
  ])('addMonths(%s, %i) = %s (the month end when the day does not exist)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('daysBetween is negative when the second date is earlier', () => {
    expect(daysBetween('2026-12-01', '2026-11-01')).toBe(-30);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-12-01', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['2026-12-01T00:00:00Z', false],
    ['0000-01-01', false],
    ['0001-01-01', true],
    ['abcd-ef-gh', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
