import { money } from '../../../../shared/money';

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A decimal money string as people read it: `¥1,234,567.50`. Works on the string (never through a
 * float), so amounts of any size keep every digit; `cents: false` rounds half-up to whole yuan.
 */
export function formatMoney(value: string | null | undefined, options: { cents?: boolean; symbol?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!money.isValid(value)) return value;
  const fixed = options.cents === false ? money.parse(value).toFixed(0) : money.format(value);
  const negative = fixed.startsWith('-');
  const [int, dec] = (negative ? fixed.slice(1) : fixed).split('.');
  const text = `${group(int!)}${dec ? `.${dec}` : ''}`;
  return `${negative ? '-' : ''}${options.symbol === false ? '' : '¥'}${text}`;
}

/** A probability string (`"35"`, `"50.01"`) as a percentage without trailing zeros: `35%`. */
export function formatPercent(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!money.isValid(value)) return value;
  return `${money.parse(value).toDecimalPlaces(2).toString()}%`;
}

/** Gross margin % of a bid, `(price − cost) / price × 100` to two decimals; null when it cannot be computed. */
export function grossMarginPct(price: string | null | undefined, cost: string | null | undefined): string | null {
  if (!price || !cost || !money.isValid(price) || !money.isValid(cost)) return null;
  const p = money.parse(price);
  if (p.isZero()) return null;
  return p.minus(cost).div(p).times(100).toFixed(2);
}
