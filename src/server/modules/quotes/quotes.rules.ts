import type { PaymentKind } from '../../../shared/contracts/contracts.contract.js';
import type { ApprovalLevel, ApprovalReason, QuoteStatus, StoredQuoteStatus } from '../../../shared/contracts/quotes.contract.js';
import { addDays, type IsoDate } from '../../../shared/dates.js';
import type { ErrorDetail } from '../../../shared/errors.js';
import type { LineInput } from '../../../shared/contract-amounts.js';
import { money, type Money } from '../../../shared/money.js';

export type { ContractLine as QuoteLine } from '../../../shared/contract-amounts.js';
export { documentTotals, priceLines } from '../../../shared/contract-amounts.js';

/** The largest quantity a quote line takes (a sane ceiling: totals must fit numeric(18,2)). */
export const MAX_QUANTITY = '1000000';
/** The largest total a quote may reach (numeric(18,2) with room for the sums). */
export const MAX_TOTAL = '9999999999999.99';

const inRange = (value: string, min: number | string, max: number | string) => money.compare(value, min) >= 0 && money.compare(value, max) <= 0;

/**
 * Field checks of a quote (400 naming the field): quantity above zero and at most 1,000,000, price not
 * negative, discount and tax rate 0–100 %, prepayment 0–100 %, validity not before the quote date.
 */
export function validateQuote(input: { quoteDate: IsoDate; validUntil: IsoDate; lines: readonly LineInput[]; paymentTerms?: { prepaymentPct: string } }): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  input.lines.forEach((l, i) => {
    if (money.compare(l.quantity, 0) <= 0) errors.push({ path: `lines.${i}.quantity`, message: 'errors.quantityPositive' });
    else if (money.compare(l.quantity, MAX_QUANTITY) > 0) errors.push({ path: `lines.${i}.quantity`, message: 'errors.quantityTooLarge', params: { max: MAX_QUANTITY } });
    if (money.compare(l.unitPrice, 0) < 0) errors.push({ path: `lines.${i}.unitPrice`, message: 'errors.notNegative' });
    if (!inRange(l.discountPct, 0, 100)) errors.push({ path: `lines.${i}.discountPct`, message: 'errors.percentRange' });
    if (!inRange(l.taxRate, 0, 100)) errors.push({ path: `lines.${i}.taxRate`, message: 'errors.percentRange' });
  });
  if (input.validUntil < input.quoteDate) errors.push({ path: 'validUntil', message: 'errors.validUntilBeforeQuoteDate', params: { quoteDate: input.quoteDate } });
  if (input.paymentTerms && !inRange(input.paymentTerms.prepaymentPct, 0, 100)) errors.push({ path: 'paymentTerms.prepaymentPct', message: 'errors.percentRange' });
  return errors;
}

/** The prices a catalogue line is checked against: the customer's effective price, the floor and the float range (%). */
export interface LinePrices { price: Money; floorPrice: Money; floatRange: string }

/** Net unit price after the line discount (what the customer pays per unit), exact. */
export const netUnitPrice = (l: Pick<LineInput, 'unitPrice' | 'discountPct'>) => money.parse(l.unitPrice).times(money.parse(100).minus(l.discountPct)).div(100);

/**
 * Why a quote needs exception approval (domain §8): a catalogue line whose net unit price is below the
 * floor price, or outside the customer's effective price ± float range (the band's ends are inside), or
 * a total discount above the rep's limit (policy quotes.repDiscountLimitPercent; exactly the limit is fine).
 */
export function approvalReasonsFor(
  lines: readonly LineInput[], prices: readonly (LinePrices | null)[], totals: { discountPct: string }, repDiscountLimitPercent: string,
): ApprovalReason[] {
  const reasons: ApprovalReason[] = [];
  lines.forEach((l, i) => {
    const p = prices[i];
    if (!p) return;
    const net = netUnitPrice(l);
    const price = money.format(net);
    if (net.lt(p.floorPrice)) reasons.push({ code: 'belowFloor', line: i + 1, price, floor: money.format(p.floorPrice) });
    const range = money.parse(p.floatRange).div(100);
    const low = money.parse(p.price).times(money.parse(1).minus(range));
    const high = money.parse(p.price).times(money.parse(1).plus(range));
    if (net.lt(low) || net.gt(high)) reasons.push({ code: 'outsideFloatRange', line: i + 1, price, low: money.format(low), high: money.format(high) });
  });
  if (money.compare(totals.discountPct, repDiscountLimitPercent) > 0) {
    reasons.push({ code: 'discountAboveLimit', discountPct: totals.discountPct, limit: money.parse(repDiscountLimitPercent).toString() });
  }
  return reasons;
}

/**
 * Who must approve (domain §8 "supervisor → manager → vp by size"): a quote without exceptions is only
 * reviewed (supervisor, then manager); one with exceptions is approved at the level its total reaches:
 * up to supervisorMaxAmount the supervisor, up to managerMaxAmount the manager, above it the sales VP.
 * Each limit is inclusive ("approves up to").
 */
export function approvalLevelFor(hasExceptions: boolean, total: Money, limits: { supervisorMaxAmount: Money; managerMaxAmount: Money }): ApprovalLevel {
  if (!hasExceptions) return 'review';
  if (money.compare(total, limits.supervisorMaxAmount) <= 0) return 'supervisor';
  if (money.compare(total, limits.managerMaxAmount) <= 0) return 'manager';
  return 'vp';
}

/**
 * The approval flow of a quote: the sales supervisor reviews and the sales manager reviews every quote
 * before it is sent (seed); the sales VP approves an exception quote above the manager's limit. The
 * supervisor and manager steps already cover exceptions within their limits.
 */
export const QUOTE_FLOW_STEPS = [
  { label: '销售主管审核', approver: { role: 'sales_supervisor' as const } },
  { label: '销售经理审核', approver: { role: 'sales_manager' as const } },
  { label: '销售副总审批（例外报价超经理权限）', approver: { role: 'sales_vp' as const }, when: { flag: 'needsVp' } },
];

/** The step labels a submission at this level goes through (for the builder's banner and the dry run). */
export function stepsFor(level: ApprovalLevel): string[] {
  return QUOTE_FLOW_STEPS.filter((s) => !s.when || (s.when.flag === 'needsVp' && level === 'vp')).map((s) => s.label);
}

export type QuoteAction = 'edit' | 'submit' | 'approve' | 'reject' | 'return' | 'send' | 'accept' | 'decline';

/**
 * The quote life cycle (domain §8, §17): what each action does from each stored state; null = refused.
 * Editing re-opens to draft: a quote in review loses its pending approval; an approved or sent quote
 * becomes the next revision and needs approval again. Accepted and declined quotes are closed (copy them).
 */
const transitions: Record<QuoteAction, Partial<Record<StoredQuoteStatus, StoredQuoteStatus>>> = {
  edit: { draft: 'draft', in_review: 'draft', approved: 'draft', sent: 'draft' },
  submit: { draft: 'in_review' },
  approve: { in_review: 'approved' },
  reject: { in_review: 'draft' },
  return: { in_review: 'draft' },
  send: { approved: 'sent' },
  accept: { sent: 'accepted' },
  decline: { sent: 'rejected_by_customer' },
};

export function nextStatus(status: StoredQuoteStatus, action: QuoteAction): StoredQuoteStatus | null {
  return transitions[action][status] ?? null;
}

/** What an edit does: stays a draft, re-opens a quote in review, or starts the next revision of an approved or sent one. */
export function editEffect(status: StoredQuoteStatus): 'none' | 'reopen' | 'revise' | null {
  if (status === 'draft') return 'none';
  if (status === 'in_review') return 'reopen';
  if (status === 'approved' || status === 'sent') return 'revise';
  return null;
}

/** Stored states a quote can expire in: not yet accepted or declined. */
export const expiringStatuses = ['draft', 'in_review', 'approved', 'sent'] as const satisfies readonly StoredQuoteStatus[];

/** A quote is expired once its validity date is before asOf (valid through validUntil itself); closed quotes never expire. */
export function effectiveStatus(status: StoredQuoteStatus, validUntil: IsoDate, asOf: IsoDate): QuoteStatus {
  return (expiringStatuses as readonly string[]).includes(status) && validUntil < asOf ? 'expired' : status;
}

export interface DerivedPlanLine { kind: PaymentKind; dueDate: IsoDate; amount: Money; percent: string | null }

/**
 * The contract's payment plan from the quote's payment terms: the prepayment (total × % rounded half-up
 * to cents) due on the contract date and the balance (the rest, so the plan adds up to the cent) due
 * balanceDays later; a 0 % or 100 % prepayment gives one line.
 */
export function paymentPlanFrom(total: Money, terms: { prepaymentPct: string; balanceDays: number }, contractDate: IsoDate): DerivedPlanLine[] {
  const prepayment = money.format(money.parse(total).times(terms.prepaymentPct).div(100));
  const balance = money.sub(total, prepayment);
  const plan: DerivedPlanLine[] = [];
  if (money.compare(prepayment, 0) > 0) plan.push({ kind: 'prepayment', dueDate: contractDate, amount: prepayment, percent: money.parse(terms.prepaymentPct).toString() });
  if (money.compare(balance, 0) > 0) {
    plan.push({ kind: 'balance', dueDate: addDays(contractDate, terms.balanceDays), amount: balance, percent: money.parse(100).minus(terms.prepaymentPct).toString() });
  }
  return plan;
}
