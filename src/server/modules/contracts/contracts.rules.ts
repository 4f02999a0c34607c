import type { ContractStatus, PaymentKind } from '../../../shared/contracts/contracts.contract.js';
import type { IsoDate } from '../../../shared/dates.js';
import type { ErrorDetail } from '../../../shared/errors.js';
import { planTotal, type LineInput } from '../../../shared/contract-amounts.js';
import { money, type Money } from '../../../shared/money.js';

export type { ContractLine, LineInput } from '../../../shared/contract-amounts.js';
export { lineAmounts, planTotal, priceLines } from '../../../shared/contract-amounts.js';
export interface PlanLine { kind: PaymentKind; dueDate: IsoDate; amount: Money; percent?: string | null; note?: string | null }

const inRange = (value: string, min: number, max: number) => money.compare(value, min) >= 0 && money.compare(value, max) <= 0;

/**
 * Field checks of a contract's lines and plan (400 with the field named): quantity above zero, price not
 * negative, discount and tax rate 0–100, plan amounts above zero, due dates not before the contract date.
 */
export function validateContract(input: { contractDate: IsoDate; lines: readonly LineInput[]; paymentPlan: readonly PlanLine[] }): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  input.lines.forEach((l, i) => {
    if (money.compare(l.quantity, 0) <= 0) errors.push({ path: `lines.${i}.quantity`, message: 'errors.quantityPositive' });
    if (money.compare(l.unitPrice, 0) < 0) errors.push({ path: `lines.${i}.unitPrice`, message: 'errors.notNegative' });
    if (!inRange(l.discountPct, 0, 100)) errors.push({ path: `lines.${i}.discountPct`, message: 'errors.percentRange' });
    if (!inRange(l.taxRate, 0, 100)) errors.push({ path: `lines.${i}.taxRate`, message: 'errors.percentRange' });
  });
  input.paymentPlan.forEach((p, i) => {
    if (money.compare(p.amount, 0) <= 0) errors.push({ path: `paymentPlan.${i}.amount`, message: 'errors.planAmountPositive' });
    if (p.dueDate < input.contractDate) errors.push({ path: `paymentPlan.${i}.dueDate`, message: 'errors.dueBeforeContractDate', params: { contractDate: input.contractDate } });
    if (p.percent != null && !inRange(p.percent, 0, 100)) errors.push({ path: `paymentPlan.${i}.percent`, message: 'errors.percentRange' });
  });
  return errors;
}

/** The payment plan must add up to the contract amount to the cent (付款计划合计 = 合同金额); null when it does. */
export function planMismatch(plan: readonly { amount: Money }[], amount: Money): { planTotal: Money; amount: Money; difference: Money } | null {
  const total = planTotal(plan);
  if (money.compare(total, amount) === 0) return null;
  return { planTotal: total, amount: money.format(amount), difference: money.sub(total, amount) };
}

/** A major contract (重大合同): amount at or above the policy threshold goes through the sales VP and the GM. */
export const isMajorContract = (amount: Money, majorAmount: Money): boolean => money.compare(amount, majorAmount) >= 0;

export type ContractAction = 'edit' | 'submit' | 'approve' | 'reject' | 'return' | 'sign' | 'execute' | 'complete' | 'terminate' | 'amend';

/**
 * The contract life cycle (domain §9): what each action does from each state; null = refused.
 * Editing a contract in review or approved re-opens it to draft (its approval is cancelled, §17
 * "editing an approved document re-opens approval"); signed contracts change only by amendment.
 */
const transitions: Record<ContractAction, Partial<Record<ContractStatus, ContractStatus>>> = {
  edit: { draft: 'draft', in_review: 'draft', approved: 'draft' },
  submit: { draft: 'in_review' },
  approve: { in_review: 'approved' },
  reject: { in_review: 'draft' },
  return: { in_review: 'draft' },
  sign: { approved: 'signed' },
  execute: { signed: 'executing' },
  complete: { executing: 'completed' },
  terminate: { signed: 'terminated', executing: 'terminated' },
  amend: { signed: 'signed', executing: 'executing' },
};

export function nextStatus(status: ContractStatus, action: ContractAction): ContractStatus | null {
  return transitions[action][status] ?? null;
}

/** Contract states that count as signed for the close-won gate and the credit exposure. */
export const signedStatuses = ['signed', 'executing', 'completed'] as const satisfies readonly ContractStatus[];

/** Signing date: not before the contract date and not after today. */
export function signDateProblem(signedOn: IsoDate, contractDate: IsoDate, today: IsoDate): 'before_contract_date' | 'in_future' | null {
  if (signedOn < contractDate) return 'before_contract_date';
  if (signedOn > today) return 'in_future';
  return null;
}

/**
 * An amendment is reviewed like a contract of the larger of its old and new amount (合同变更评审): when
 * either reaches the major threshold, the sales VP reviews and the GM approves.
 */
export const isMajorAmendment = (oldAmount: Money, newAmount: Money, majorAmount: Money): boolean =>
  isMajorContract(money.compare(oldAmount, newAmount) >= 0 ? oldAmount : newAmount, majorAmount);

/** JSON with object keys sorted and absent optional values as null (stored jsonb reorders keys). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether an amendment changes anything: amount, lines, payment plan or delivery terms. */
export function amendmentChanges(before: { amount: Money; lines: unknown; paymentPlan: unknown; deliveryTerms: string | null }, after: typeof before): boolean {
  return money.compare(before.amount, after.amount) !== 0 || canonical(before.lines) !== canonical(after.lines)
    || canonical(before.paymentPlan) !== canonical(after.paymentPlan) || (before.deliveryTerms ?? '') !== (after.deliveryTerms ?? '');
}
