import { formatMoney } from '../../../../shared/money-format';
import { money } from '../../../../shared/money';

/** Money inputs stay strings: at most two decimals, never negative. */
export const MONEY_INPUT = /^\d{1,16}(\.\d{1,2})?$/;
/** A percent 0–100 with at most two decimals. */
export const PERCENT_INPUT = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

export const showMoney = (value: string | null | undefined) => formatMoney(value);
export const showPercent = (value: string | null | undefined) => (value === null || value === undefined ? '—' : `${money.parse(value).toString()}%`);

/** The band a quote may use without approval: list ± float range, never below the floor (mirrors the server rule). */
export function bandText(p: { listPrice: string | null; floorPrice: string | null; floatRange: string | null }): string {
  if (p.listPrice === null || p.floorPrice === null || p.floatRange === null) return '—';
  const list = money.parse(p.listPrice);
  const range = money.parse(p.floatRange).dividedBy(100);
  let low = money.format(list.times(money.parse(1).minus(range)));
  if (money.compare(low, p.floorPrice) < 0) low = money.format(p.floorPrice);
  const high = money.format(list.times(money.parse(1).plus(range)));
  return `${formatMoney(low)} – ${formatMoney(high)}`;
}

/** A price-list price relative to the list price, e.g. "−8%". */
export function shareText(price: string, listPrice: string | null): string {
  if (listPrice === null || money.compare(listPrice, 0) === 0) return '—';
  const pct = money.parse(price).dividedBy(listPrice).minus(1).times(100).toDecimalPlaces(1);
  return `${pct.isNegative() ? '−' : '+'}${pct.abs().toString()}%`;
}
