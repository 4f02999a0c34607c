import type { ErrorDetail } from '../../../shared/errors.js';
import { money, type Money } from '../../../shared/money.js';

export const creditGrades = ['A', 'B', 'C', 'D'] as const;
export type CreditGrade = (typeof creditGrades)[number];

/** The longest payment terms a profile may carry (the policy's own maximum). */
export const MAX_TERMS_DAYS = 365;

/** The credit policies a change is checked against (policy keys credit.*). */
export interface CreditPolicy {
  termsDays: Record<CreditGrade, number>;
  gradeCMaxLimit: Money;
  gmApprovalLimit: Money;
}

export interface CreditTerms { limit: Money; grade: CreditGrade; termsDays: number }

/**
 * Default payment terms of a grade (domain §10: A 90, B 60, C 30 days by policy); grade D is cash
 * before delivery, 0 days, whatever the policy says.
 */
export function defaultTermsDays(grade: CreditGrade, policy: Pick<CreditPolicy, 'termsDays'>): number {
  return grade === 'D' ? 0 : policy.termsDays[grade];
}

/** Field problems of a proposed change: the limit is a non-negative amount with at most two decimals; terms are whole days 0–365. */
export function validateCreditChange(input: { limit: string; termsDays?: number | null }): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (!/^-?\d{1,16}(\.\d{1,2})?$/.test(input.limit)) errors.push({ path: 'limit', message: 'errors.money' });
  else if (money.compare(input.limit, 0) < 0) errors.push({ path: 'limit', message: 'errors.creditLimitNegative' });
  const terms = input.termsDays;
  if (terms !== undefined && terms !== null && (!Number.isInteger(terms) || terms < 0 || terms > MAX_TERMS_DAYS)) {
    errors.push({ path: 'termsDays', message: 'errors.creditTermsRange', params: { max: MAX_TERMS_DAYS } });
  }
  return errors;
}

export type CreditChangeRefusal =
  | { key: 'errors.creditGradeCCap'; params: { limit: Money; cap: Money } }
  | { key: 'errors.creditGradeDCashOnly'; params: { termsDays: number } };

/**
 * Business rules of a (field-valid) change (domain §10): a grade C customer gets a small limit, at
 * most the policy cap (the cap itself is allowed, one cent more is not); grade D is cash before
 * delivery, so terms other than 0 days are refused.
 */
export function creditChangeRefusal(input: { limit: Money; grade: CreditGrade; termsDays?: number | null }, policy: Pick<CreditPolicy, 'gradeCMaxLimit'>): CreditChangeRefusal | null {
  if (input.grade === 'C' && money.compare(input.limit, policy.gradeCMaxLimit) > 0) {
    return { key: 'errors.creditGradeCCap', params: { limit: money.format(input.limit), cap: money.format(policy.gradeCMaxLimit) } };
  }
  if (input.grade === 'D' && input.termsDays !== undefined && input.termsDays !== null && input.termsDays !== 0) {
    return { key: 'errors.creditGradeDCashOnly', params: { termsDays: input.termsDays } };
  }
  return null;
}

/** The values a change sets: the limit with two decimals, the terms given or else the grade's default. */
export function resolveCreditTerms(input: { limit: Money; grade: CreditGrade; termsDays?: number | null }, policy: Pick<CreditPolicy, 'termsDays'>): CreditTerms {
  const termsDays = input.termsDays ?? defaultTermsDays(input.grade, policy);
  return { limit: money.format(input.limit), grade: input.grade, termsDays: input.grade === 'D' ? 0 : termsDays };
}

/** Available credit = limit − exposure (domain §9); negative when the customer is over the limit. */
export function availableCredit(limit: Money, exposure: Money): Money {
  return money.sub(limit, exposure);
}

/** Over the limit: exposure strictly above the limit (exposure equal to the limit is still within it). */
export function isOverLimit(limit: Money, exposure: Money): boolean {
  return money.compare(exposure, limit) > 0;
}

/** The flags the credit-change approval flow's step conditions read (see credit.service.ts). */
export interface CreditApprovalFlags {
  /** finance proposed: the sales manager reviews the sales side */
  salesManagerReviews: boolean;
  /** the sales side proposed: finance reviews (domain §10, limits decided by sales manager/finance) */
  financeReviews: boolean;
  /** the new limit reaches the policy amount credit.gmApprovalLimit: the GM approves */
  needsGm: boolean;
  /** below it: the sales VP approves */
  needsVp: boolean;
}

/**
 * Who approves a credit change (our reading of domain §1, §10): the other side reviews — finance when
 * a sales manager proposes, the sales manager when finance proposes — then the GM approves a limit of
 * credit.gmApprovalLimit or more, the sales VP anything below.
 */
export function creditApprovalFlags(proposerRoles: readonly string[], newLimit: Money, policy: Pick<CreditPolicy, 'gmApprovalLimit'>): CreditApprovalFlags {
  const isFinance = proposerRoles.includes('finance');
  const needsGm = money.compare(newLimit, policy.gmApprovalLimit) >= 0;
  return { salesManagerReviews: isFinance, financeReviews: !isFinance, needsGm, needsVp: !needsGm };
}

export interface ExposureParts { signedUnshipped: Money; shippedUnbilled: Money; openReceivables: Money }

/**
 * The exposure breakdown of one contract (domain §9): its outstanding receivables split into
 * billed-but-unpaid (invoiced − received), shipped-but-unbilled (shipped − invoiced) and
 * signed-but-unshipped (the rest), each clamped so the three add up to the outstanding amount.
 */
export function contractExposureParts(p: { outstanding: Money; received: Money; shipped: Money; invoiced: Money }): ExposureParts {
  const clamp = (v: Money, max: Money): Money => (money.compare(v, 0) < 0 ? '0.00' : money.compare(v, max) > 0 ? money.format(max) : money.format(v));
  const outstanding = money.compare(p.outstanding, 0) > 0 ? money.format(p.outstanding) : '0.00';
  const openReceivables = clamp(money.sub(p.invoiced, p.received), outstanding);
  const shippedUnbilled = clamp(money.sub(p.shipped, p.invoiced), money.sub(outstanding, openReceivables));
  return { signedUnshipped: money.sub(money.sub(outstanding, openReceivables), shippedUnbilled), shippedUnbilled, openReceivables };
}
