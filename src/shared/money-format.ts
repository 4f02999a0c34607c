import { money } from './money.js';

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A decimal money string as people read it: `¥1,234,567.50`. Works on the string (never through a
 * float), so amounts of any size keep every digit; `cents: false` rounds half-up to whole yuan.
 * The web pages and the server's printed documents (PDF) show amounts with it alike.
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
