import type { CalculateLimitBody } from '../../../shared/contracts/credit-ratings.contract.js';
import { money } from '../../../shared/money.js';

/** One line of a calculator's working: a message key with its figures (translated by the caller). */
export interface WorkingLine { key: string; params: Record<string, string | number> }

export type LimitCalculation =
  | { ok: true; limit: string; working: WorkingLine[] }
  | { ok: false; path: string; key: string };

const D = (v: string | number) => money.parse(String(v));
const fmt = (v: string) => money.format(v);
const line = (key: string, params: Record<string, string | number> = {}): WorkingLine => ({ key, params });
const refuse = (path: string, key: string): LimitCalculation => ({ ok: false, path: `inputs.${path}`, key });

/** A limit is never negative: a customer with negative working capital or net assets gets 0.00 (cash before delivery). */
function done(exact: ReturnType<typeof D>, working: WorkingLine[]): LimitCalculation {
  if (exact.isNegative() && !exact.isZero()) {
    working.push(line('credit.calc.negative'));
    return { ok: true, limit: '0.00', working };
  }
  const limit = money.format(exact);
  working.push(line('credit.calc.result', { limit }));
  return { ok: true, limit, working };
}

/**
 * The five credit limit calculators of domain §10, each with its working:
 * 1. sales-based: expected annual sales × cost rate × our supply share × credit period ÷ 365;
 * 2. working-capital split: (current assets − current liabilities) ÷ number of suppliers;
 * 3. current-ratio: base limit × (current ratio ÷ norm ratio) — above the norm, proportionally higher;
 * 4. net-asset split: (total assets − total liabilities) ÷ number of suppliers;
 * 5. judgement: the limit set by hand, with its reasons.
 * Rates are 0–1; zero suppliers or zero current liabilities refuse with the field named.
 * Rounded half-up to the cent once, at the end.
 */
export function calculateLimit(body: CalculateLimitBody): LimitCalculation {
  switch (body.method) {
    case 'sales_based': {
      const i = body.inputs;
      if (D(i.costRate).gt(1)) return refuse('costRate', 'errors.calcRateAboveOne');
      if (D(i.supplyShare).gt(1)) return refuse('supplyShare', 'errors.calcRateAboveOne');
      const purchases = D(i.expectedAnnualSales).times(i.costRate);
      const ours = purchases.times(i.supplyShare);
      const exact = ours.times(i.creditPeriodDays).div(365);
      return done(exact, [
        line('credit.calc.salesPurchases', { sales: fmt(i.expectedAnnualSales), costRate: i.costRate, purchases: money.format(purchases) }),
        line('credit.calc.salesShare', { purchases: money.format(purchases), share: i.supplyShare, ours: money.format(ours) }),
        line('credit.calc.salesPeriod', { ours: money.format(ours), days: i.creditPeriodDays, exact: money.format(exact) }),
      ]);
    }
    case 'working_capital': {
      const i = body.inputs;
      if (i.supplierCount === 0) return refuse('supplierCount', 'errors.calcNoSuppliers');
      const wc = D(i.currentAssets).minus(i.currentLiabilities);
      const exact = wc.div(i.supplierCount);
      return done(exact, [
        line('credit.calc.workingCapital', { ca: fmt(i.currentAssets), cl: fmt(i.currentLiabilities), wc: money.format(wc) }),
        line('credit.calc.split', { amount: money.format(wc), n: i.supplierCount, exact: money.format(exact) }),
      ]);
    }
    case 'current_ratio': {
      const i = body.inputs;
      if (D(i.currentLiabilities).isZero()) return refuse('currentLiabilities', 'errors.calcZeroLiabilities');
      if (D(i.normRatio).isZero()) return refuse('normRatio', 'errors.calcZeroNorm');
      const ratio = D(i.currentAssets).div(i.currentLiabilities);
      const factor = ratio.div(i.normRatio);
      const exact = D(i.baseLimit).times(factor);
      return done(exact, [
        line('credit.calc.currentRatio', { ca: fmt(i.currentAssets), cl: fmt(i.currentLiabilities), ratio: ratio.toFixed(4) }),
        line(ratio.gt(i.normRatio) ? 'credit.calc.aboveNorm' : 'credit.calc.atOrBelowNorm', { ratio: ratio.toFixed(4), norm: i.normRatio, factor: factor.toFixed(4) }),
        line('credit.calc.ratioLimit', { base: fmt(i.baseLimit), factor: factor.toFixed(4), exact: money.format(exact) }),
      ]);
    }
    case 'net_asset': {
      const i = body.inputs;
      if (i.supplierCount === 0) return refuse('supplierCount', 'errors.calcNoSuppliers');
      const net = D(i.totalAssets).minus(i.totalLiabilities);
      const exact = net.div(i.supplierCount);
      return done(exact, [
        line('credit.calc.netAssets', { assets: fmt(i.totalAssets), liabilities: fmt(i.totalLiabilities), net: money.format(net) }),
        line('credit.calc.split', { amount: money.format(net), n: i.supplierCount, exact: money.format(exact) }),
      ]);
    }
    case 'judgement': {
      const i = body.inputs;
      const working = i.reasons.map((reason, n) => line('credit.calc.reason', { n: n + 1, reason }));
      if (i.previousLimit !== undefined) {
        working.unshift(line('credit.calc.previous', { previous: fmt(i.previousLimit), change: money.sub(i.limit, i.previousLimit) }));
      }
      return done(D(i.limit), working);
    }
  }
}
