import { AppError, type ErrorDetail } from '../../../shared/errors.js';
import { money, type Money } from '../../../shared/money.js';

/** The largest magnitude bids.gross_margin_pct (numeric(7,2)) holds. */
const MARGIN_LIMIT = '99999.99';

/**
 * Gross margin of a bid in percent: (bid price − cost) / bid price × 100, exact decimal arithmetic,
 * rounded half-up to two places. A bid price of zero or less has no margin (→ VALIDATION_FAILED on bidPrice).
 */
export function grossMarginPct(bidPrice: Money, cost: Money): string {
  const price = money.parse(bidPrice);
  if (price.lte(0)) throw new AppError('VALIDATION_FAILED', 'errors.bidPricePositive', {}, [{ path: 'bidPrice', message: 'errors.bidPricePositive' }]);
  return price.minus(money.parse(cost)).div(price).times(100).toFixed(2);
}

/** Field checks of a bid: price above zero, cost not negative, and a margin the record can hold. */
export function validateBid(input: { bidPrice: Money; cost: Money }): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (money.compare(input.bidPrice, 0) <= 0) errors.push({ path: 'bidPrice', message: 'errors.bidPricePositive' });
  if (money.compare(input.cost, 0) < 0) errors.push({ path: 'cost', message: 'errors.notNegative' });
  if (errors.length === 0 && money.compare(grossMarginPct(input.bidPrice, input.cost), `-${MARGIN_LIMIT}`) < 0) {
    errors.push({ path: 'cost', message: 'errors.bidMarginOutOfRange' });
  }
  return errors;
}

/** A bid whose margin is under the policy minimum (strictly below; exactly the minimum is acceptable). */
export function isBelowPolicyMargin(marginPct: string, minMarginPct: string): boolean {
  return money.compare(marginPct, minMarginPct) < 0;
}

export type NoBidRefusal = 'no_bid_saved' | 'bid_in_approval' | 'margin_not_below_policy';

/**
 * Closing with a no-bid report (不投标报告) is the way out for a bid whose cost analysis shows a
 * margin below policy; it needs that analysis saved (a bid with price and cost), not in approval.
 */
export function noBidRefusal(bid: { grossMarginPct: string; status: string } | null, minMarginPct: string): NoBidRefusal | null {
  if (!bid) return 'no_bid_saved';
  if (bid.status === 'pending') return 'bid_in_approval';
  if (!isBelowPolicyMargin(bid.grossMarginPct, minMarginPct)) return 'margin_not_below_policy';
  return null;
}
