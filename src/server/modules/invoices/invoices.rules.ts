import type { InvoiceRequestStatus, InvoiceType } from '../../../shared/contracts/invoices.contract.js';
import { creditCodeCheckChar, normaliseCreditCode } from '../../../shared/credit-code.js';
import type { IsoDate } from '../../../shared/dates.js';
import type { ErrorDetail } from '../../../shared/errors.js';
import { money, type Money } from '../../../shared/money.js';

/** Request states that hold part of the contract amount: all but rejected and cancelled. */
export const reservingStatuses = ['draft', 'in_review', 'approved', 'issued'] as const satisfies readonly InvoiceRequestStatus[];

/** The tax number as stored: half-width, upper-case, no spaces. */
export const normaliseTaxNumber = (raw: string): string => normaliseCreditCode(raw).replace(/\s+/g, '');

/**
 * 纳税人识别号: 15 (old tax registration number), 18 (the unified social credit code, whose check
 * character must match, GB 32100-2015) or 20 characters (individual businesses), digits and capital
 * letters only. Returns the message key of the problem, or null.
 */
export function taxNumberProblem(raw: string): string | null {
  const code = normaliseTaxNumber(raw);
  if (![15, 18, 20].includes(code.length)) return 'errors.taxNumberLength';
  if (!/^[0-9A-Z]+$/.test(code)) return 'errors.taxNumberChars';
  if (code.length === 18 && creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'errors.taxNumberChecksum';
  return null;
}

/**
 * Field checks of an invoice request (400 naming the field): amount above zero, a valid tax number,
 * and for a VAT special invoice (增值税专用发票) the bank, account, address and phone filled in.
 */
export function validateInvoiceRequest(input: {
  invoiceType: InvoiceType; taxNumber: string; amount: Money; bankName?: string | null; bankAccount?: string | null; address?: string | null; phone?: string | null;
}): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (money.compare(input.amount, 0) <= 0) errors.push({ path: 'amount', message: 'errors.invoiceAmountPositive' });
  const tax = taxNumberProblem(input.taxNumber);
  if (tax) errors.push({ path: 'taxNumber', message: tax });
  if (input.invoiceType === 'vat_special') {
    for (const field of ['bankName', 'bankAccount', 'address', 'phone'] as const) {
      if (!input[field]?.trim()) errors.push({ path: field, message: 'errors.requiredForSpecialInvoice' });
    }
  }
  return errors;
}

/** What may still be invoiced on a contract: its amount less the requests that hold part of it (never below zero). */
export function invoiceable(contractAmount: Money, requested: Money): Money {
  const rest = money.sub(contractAmount, requested);
  return money.compare(rest, 0) < 0 ? '0.00' : rest;
}

/** Refusal of a new request's amount: above what is invoiceable (equal passes, one cent more does not); null when it fits. */
export function overInvoiceable(amount: Money, contractAmount: Money, requested: Money): { amount: Money; invoiceable: Money; contractAmount: Money; requested: Money } | null {
  const available = invoiceable(contractAmount, requested);
  if (money.compare(amount, available) <= 0) return null;
  return { amount: money.format(amount), invoiceable: available, contractAmount: money.format(contractAmount), requested: money.format(requested) };
}

export type InvoiceAction = 'submit' | 'approve' | 'reject' | 'return' | 'issue' | 'cancel';

/** The invoice request life cycle: what each action does from each state; null = refused. */
const transitions: Record<InvoiceAction, Partial<Record<InvoiceRequestStatus, InvoiceRequestStatus>>> = {
  submit: { draft: 'in_review' },
  approve: { in_review: 'approved' },
  reject: { in_review: 'rejected' },
  return: { in_review: 'draft' },
  issue: { approved: 'issued' },
  cancel: { draft: 'cancelled' },
};

export function nextInvoiceStatus(status: InvoiceRequestStatus, action: InvoiceAction): InvoiceRequestStatus | null {
  return transitions[action][status] ?? null;
}

/** The invoice date is not after today (an invoice dated tomorrow has not been issued). */
export const issuedInFuture = (issuedOn: IsoDate, today: IsoDate): boolean => issuedOn > today;
