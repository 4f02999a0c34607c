import { describe, expect, it } from 'vitest';
import { todayIn } from '../../../../shared/dates.js';
import { defaultNumberingRules, formatNumber, periodKey, type NumberingReset, type NumberingRule } from '../numbering.rules.js';

describe('periodKey', () => {
  it.each<[NumberingReset, string, string]>([
    ['yearly', '2026-11-22', '2026'],
    ['yearly', '2026-12-31', '2026'],
    ['yearly', '2027-01-01', '2027'],
    ['monthly', '2026-11-30', '202611'],
    ['monthly', '2026-12-01', '202612'],
    ['monthly', '2027-01-01', '202701'],
    ['daily', '2026-11-22', '20261122'],
    ['daily', '2026-11-23', '20261123'],
    ['never', '2026-11-22', 'all'],
    ['never', '2031-05-01', 'all'],
  ])('%s on %s counts in period %s', (reset, date, expected) => {
    expect(periodKey(reset, date)).toBe(expected);
  });
});

describe('formatNumber', () => {
  const contract: NumberingRule = { prefix: 'HT', reset: 'yearly', padding: 4 };
  const order: NumberingRule = { prefix: 'DD', reset: 'monthly', padding: 4 };
  it.each<[string, NumberingRule, string, number, string]>([
    ['yearly contract, first of the year', contract, '2026-01-01', 1, 'HT2026-0001'],
    ['yearly contract, padded', contract, '2026-11-22', 42, 'HT2026-0042'],
    ['a sequence longer than the padding is not cut', contract, '2026-11-22', 12345, 'HT2026-12345'],
    ['monthly order', order, '2026-11-22', 7, 'DD202611-0007'],
    ['daily reset', { prefix: 'FH', reset: 'daily', padding: 3 }, '2026-11-22', 5, 'FH20261122-005'],
    ['never reset: no date part', { prefix: 'KH', reset: 'never', padding: 6 }, '2026-11-22', 9, 'KH-000009'],
  ])('%s → %s', (_title, rule, date, sequence, expected) => {
    expect(formatNumber(rule, date, sequence)).toBe(expected);
  });
});

describe('period boundaries in the workspace time zone (Asia/Shanghai, UTC+8)', () => {
  const contract = defaultNumberingRules.contract!;
  const quote = defaultNumberingRules.quote!;
  it.each<[string, string, NumberingRule, string]>([
    ['2026-12-31T15:59:59Z is still 2026 in Shanghai', '2026-12-31T15:59:59Z', contract, 'HT2026-0001'],
    ['2026-12-31T16:00:00Z is already 2027 in Shanghai', '2026-12-31T16:00:00Z', contract, 'HT2027-0001'],
    ['2026-12-31T16:30:00Z is already 2027-01-01 in Shanghai', '2026-12-31T16:30:00Z', contract, 'HT2027-0001'],
    ['2026-11-30T15:59:59Z is still November in Shanghai', '2026-11-30T15:59:59Z', quote, 'BJ202611-0001'],
    ['2026-11-30T16:00:00Z is December in Shanghai', '2026-11-30T16:00:00Z', quote, 'BJ202612-0001'],
    ['a leap day rolls into March at 16:00Z', '2028-02-29T16:00:00Z', quote, 'BJ202803-0001'],
  ])('%s', (_title, instant, rule, expected) => {
    expect(formatNumber(rule, todayIn('Asia/Shanghai', new Date(instant)), 1)).toBe(expected);
  });

  it('uses UTC dates in a UTC workspace at the same instant', () => {
    expect(formatNumber(contract, todayIn('UTC', new Date('2026-12-31T16:30:00Z')), 1)).toBe('HT2026-0001');
  });
});

describe('defaultNumberingRules', () => {
  it.each(Object.entries(defaultNumberingRules))('%s has a letters-only prefix, a reset and at least 3 digits', (_type, rule) => {
    expect(rule.prefix).toMatch(/^[A-Z]{2}$/);
    expect(['yearly', 'monthly', 'daily', 'never']).toContain(rule.reset);
    expect(rule.padding).toBeGreaterThanOrEqual(3);
  });

  it('numbers the documents of domain §17 (projects, quotes, contracts, orders, invoices)', () => {
    expect(Object.keys(defaultNumberingRules)).toEqual(expect.arrayContaining(['project', 'quote', 'contract', 'order', 'invoice']));
    expect(new Set(Object.values(defaultNumberingRules).map((r) => r.prefix)).size).toBe(Object.keys(defaultNumberingRules).length);
  });
});
