import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, grossMarginPct } from '../money-format';

describe('formatMoney', () => {
  it.each([
    ['0', '¥0.00'],
    ['999.5', '¥999.50'],
    ['1000', '¥1,000.00'],
    ['1234567.89', '¥1,234,567.89'],
    ['-1234.5', '-¥1,234.50'],
    // beyond float precision: every digit kept
    ['12345678901234567.89', '¥12,345,678,901,234,567.89'],
  ])('%s → %s', (value, text) => expect(formatMoney(value)).toBe(text));

  it('rounds half-up to whole yuan without cents', () => {
    expect(formatMoney('1234.50', { cents: false })).toBe('¥1,235');
    expect(formatMoney('1234.49', { cents: false })).toBe('¥1,234');
  });

  it('shows a dash for no amount', () => expect(formatMoney(null)).toBe('—'));
});

describe('formatPercent', () => {
  it.each([['35', '35%'], ['35.00', '35%'], ['50.01', '50.01%'], ['100', '100%']])('%s → %s', (value, text) => expect(formatPercent(value)).toBe(text));
});

describe('grossMarginPct', () => {
  it.each([
    ['100000.00', '80000.00', '20.00'],
    ['3', '2', '33.33'],
    ['100', '120', '-20.00'],
  ])('price %s, cost %s → %s%%', (price, cost, pct) => expect(grossMarginPct(price, cost)).toBe(pct));

  it('cannot compute on a zero or missing price', () => {
    expect(grossMarginPct('0', '10')).toBeNull();
    expect(grossMarginPct('', '10')).toBeNull();
  });
});
