import { money, type Money } from './money.js';

/** The arithmetic of contract lines and plans, shared by the server's rules and the web form's live totals. */
export interface LineInput { productId?: string | null; description: string; unit: string; quantity: string; unitPrice: Money; discountPct: string; taxRate: string }
export interface ContractLine { productId: string | null; description: string; unit: string; quantity: string; unitPrice: Money; discountPct: string; taxRate: string; amount: Money; taxAmount: Money }

/**
 * Line amount (行金额): quantity × tax-inclusive unit price × (100 − discount %) / 100, rounded half-up to
 * cents once at the end; the VAT inside it is amount × rate / (100 + rate), rounded the same way.
 */
export function lineAmounts(line: Pick<LineInput, 'quantity' | 'unitPrice' | 'discountPct' | 'taxRate'>): { amount: Money; taxAmount: Money } {
  const gross = money.parse(line.quantity).times(line.unitPrice).times(money.parse(100).minus(line.discountPct)).div(100);
  const amount = money.format(gross);
  const taxAmount = money.format(money.parse(amount).times(line.taxRate).div(money.parse(100).plus(line.taxRate)));
  return { amount, taxAmount };
}

/** The contract's lines with their computed amounts, and the contract amount = sum of the line amounts. */
export function priceLines(lines: readonly LineInput[]): { lines: ContractLine[]; amount: Money; taxAmount: Money } {
  const priced = lines.map((l) => ({
    productId: l.productId ?? null, description: l.description, unit: l.unit, quantity: money.parse(l.quantity).toString(),
    unitPrice: money.format(l.unitPrice), discountPct: money.parse(l.discountPct).toString(), taxRate: money.parse(l.taxRate).toString(),
    ...lineAmounts(l),
  }));
  return { lines: priced, amount: money.add(...priced.map((l) => l.amount)), taxAmount: money.add(...priced.map((l) => l.taxAmount)) };
}

/** A line as an editor holds it while the user types: any field may be missing or half-typed. */
export interface DraftLine { productId?: string | null; description?: string; unit?: string; quantity?: string; unitPrice?: string; discountPct?: string; taxRate?: string }

/**
 * Prices lines still being typed (the editors' live figures): a number missing or not yet valid counts as
 * zero, so the totals move as the user types instead of failing.
 */
export function priceDraftLines(lines: readonly (DraftLine | undefined)[]): ReturnType<typeof priceLines> {
  const typed = (v: string | undefined) => (v !== undefined && v !== '' && money.isValid(v) ? v : '0');
  return priceLines(lines.map((l) => ({
    description: '', unit: '', quantity: typed(l?.quantity), unitPrice: typed(l?.unitPrice), discountPct: typed(l?.discountPct), taxRate: typed(l?.taxRate),
  })));
}

/** Sum of the payment-plan amounts. */
export const planTotal = (plan: readonly { amount: Money }[]): Money => money.add(...plan.map((p) => p.amount));

/**
 * Quote-level totals (报价汇总) over priced lines: the list amount is Σ quantity × unit price before line
 * discounts (rounded per line like the amounts), the discount is list − total and its share in percent
 * (two decimals, half-up), the net amount is the total without the VAT inside it.
 */
export function documentTotals(lines: readonly Pick<ContractLine, 'quantity' | 'unitPrice' | 'amount' | 'taxAmount'>[]) {
  const listAmount = money.add(...lines.map((l) => money.mul(l.quantity, l.unitPrice)));
  const total = money.add(...lines.map((l) => l.amount));
  const taxAmount = money.add(...lines.map((l) => l.taxAmount));
  const discountAmount = money.sub(listAmount, total);
  const discountPct = money.compare(listAmount, 0) > 0 ? money.format(money.parse(discountAmount).times(100).div(listAmount)) : '0.00';
  return { listAmount, discountAmount, discountPct, netAmount: money.sub(total, taxAmount), taxAmount, total };
}
