import { money } from '../../../../shared/money';

/** Amounts are shown by the shared formatter (the server's PDFs print them the same way). */
export { formatMoney } from '../../../../shared/money-format';

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
