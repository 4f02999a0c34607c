import type { IsoDate } from '../../../shared/dates.js';
import type { ErrorDetail } from '../../../shared/errors.js';
import { money, type Money } from '../../../shared/money.js';
import { searchKeysFor, searchTermOf } from '../../platform/search/search-keys.rules.js';

/** The four controlled prices of a product (decimal strings; float range in %). */
export interface PriceValues { listPrice: Money; floorPrice: Money; floatRange: string; cost: Money }

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

/**
 * Field problems of a product's prices (domain §8): each amount ≥ 0 with at most two decimals, the
 * float range a percent from 0 to 100, and the floor price never above the list price (equal is allowed).
 */
export function validatePrices(input: PriceValues): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  for (const field of ['listPrice', 'floorPrice', 'cost'] as const) {
    const value = input[field];
    if (/^-/.test(value) && MONEY.test(value.slice(1))) errors.push({ path: field, message: 'errors.priceNegative' });
    else if (!MONEY.test(value)) errors.push({ path: field, message: 'errors.money' });
  }
  if (!PERCENT.test(input.floatRange) || money.compare(input.floatRange, 100) > 0) {
    errors.push({ path: 'floatRange', message: 'errors.floatRangeBounds' });
  }
  if (!errors.some((e) => e.path === 'listPrice' || e.path === 'floorPrice') && money.compare(input.floorPrice, input.listPrice) > 0) {
    errors.push({ path: 'floorPrice', message: 'errors.floorAboveList', params: { floorPrice: money.format(input.floorPrice), listPrice: money.format(input.listPrice) } });
  }
  return errors;
}

/** A VAT rate is a percent from 0 to 100 with at most two decimals. */
export function validateTaxRate(taxRate: string): ErrorDetail[] {
  return PERCENT.test(taxRate) && money.compare(taxRate, 100) <= 0 ? [] : [{ path: 'taxRate', message: 'errors.taxRateBounds' }];
}

/** Whether requested prices differ from those in force (a request that changes nothing is refused). */
export function pricesDiffer(from: PriceValues | null, to: PriceValues): boolean {
  if (!from) return true;
  return (['listPrice', 'floorPrice', 'floatRange', 'cost'] as const).some((k) => money.compare(from[k], to[k]) !== 0);
}

/**
 * A price change takes effect on the requested day, which may not be in the past (no retroactive
 * prices: quotes already made stay right). Today itself is allowed.
 */
export function effectiveDateProblem(effectiveFrom: IsoDate, today: IsoDate): ErrorDetail | null {
  return effectiveFrom < today ? { path: 'effectiveFrom', message: 'errors.priceDateInPast', params: { today } } : null;
}

/** The day an approved change applies: the requested day, or the approval day when approval came after it. */
export function appliedDate(requested: IsoDate, approvedOn: IsoDate): IsoDate {
  return requested < approvedOn ? approvedOn : requested;
}

/** The allowed band of a quoted unit price: list price ± float range %, never below the floor price. */
export function priceBand(p: Pick<PriceValues, 'listPrice' | 'floorPrice' | 'floatRange'>): { low: Money; high: Money } {
  const list = money.parse(p.listPrice);
  const range = money.parse(p.floatRange).dividedBy(100);
  const low = money.format(list.times(money.parse(1).minus(range)));
  const high = money.format(list.times(money.parse(1).plus(range)));
  return { low: money.compare(low, p.floorPrice) < 0 ? money.format(p.floorPrice) : low, high };
}

export interface PriceCheck { isBelowFloor: boolean; isOutsideFloatRange: boolean; needsApproval: boolean }

/**
 * How a quoted unit price stands against a product's prices (domain §8, used by quotes): below the
 * floor price, or outside list price ± float range (the band's ends are inside), needs approval.
 */
export function checkQuotedPrice(price: Money, p: Pick<PriceValues, 'listPrice' | 'floorPrice' | 'floatRange'>): PriceCheck {
  const list = money.parse(p.listPrice);
  const range = money.parse(p.floatRange).dividedBy(100);
  const low = list.times(money.parse(1).minus(range));
  const high = list.times(money.parse(1).plus(range));
  const isBelowFloor = money.compare(price, p.floorPrice) < 0;
  const isOutsideFloatRange = money.compare(price, low) < 0 || money.compare(price, high) > 0;
  return { isBelowFloor, isOutsideFloatRange, needsApproval: isBelowFloor || isOutsideFloatRange };
}

/**
 * The version in force on a day: the latest `effectiveFrom` on or before it; on the same day the one
 * approved last (higher `seq`). Dates are workspace-local calendar days (Asia/Shanghai by default).
 */
export function versionInForce<T extends { effectiveFrom: IsoDate; seq: string }>(versions: readonly T[], date: IsoDate): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.seq > best.seq)) best = v;
  }
  return best;
}

export interface ListCandidate { id: string; name: string; customerClass: string | null; channel: string | null; effectiveFrom: IsoDate; price: Money }

/**
 * Which price-list price applies (domain §8): a list for the caller's channel wins over one for the
 * customer class; among several, the list that started latest (the newest version). Null → list price.
 */
export function pickListPrice(candidates: readonly ListCandidate[], target: { customerClass?: string | null; channel?: string | null }): ListCandidate | null {
  const newest = (rows: ListCandidate[]) => rows.sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? (a.id < b.id ? 1 : -1) : a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] ?? null;
  if (target.channel) {
    const byChannel = newest(candidates.filter((c) => c.channel === target.channel));
    if (byChannel) return byChannel;
  }
  if (target.customerClass) {
    return newest(candidates.filter((c) => c.customerClass === target.customerClass && (c.channel === null || c.channel === target.channel)));
  }
  return null;
}

/** Problems of a price list's target and dates: a class or a channel is required; the last day is not before the first. */
export function validatePriceList(input: { customerClass?: string | null; channel?: string | null; effectiveFrom: IsoDate; effectiveTo?: IsoDate | null }): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (!input.customerClass && !input.channel) errors.push({ path: 'customerClass', message: 'errors.priceListTarget' });
  if (input.effectiveTo && input.effectiveTo < input.effectiveFrom) errors.push({ path: 'effectiveTo', message: 'errors.priceListDates' });
  return errors;
}

/** Price-list line problems: amounts ≥ 0 with two decimals, each product once. */
export function validateListLines(lines: readonly { productId: string; price: string }[]): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (!MONEY.test(line.price)) errors.push({ path: `lines.${i}.price`, message: /^-/.test(line.price) ? 'errors.priceNegative' : 'errors.money' });
    if (seen.has(line.productId)) errors.push({ path: `lines.${i}.productId`, message: 'errors.priceListDuplicateProduct' });
    seen.add(line.productId);
  });
  return errors;
}

/** The approval flags of a price change: the sales VP's review is left out when the VP asked (they proposed it). */
export function priceApprovalFlags(requesterRoles: readonly string[]): { salesVpReviews: boolean } {
  return { salesVpReviews: !requesterRoles.includes('sales_vp') };
}

/** What the search box matches: the name with its pinyin keys, and the code. */
export function productSearchText(code: string, name: string): string {
  return [searchKeysFor(name), searchTermOf(code)].filter((k) => k !== '').join(' ');
}
