import { addDays, addMonths, daysBetween, type IsoDate } from '../../../shared/dates.js';
import { money, type Money } from '../../../shared/money.js';

/**
 * Deferred payment (延期付款) and the dunning ladder (催款, domain §11.2) as plain rules over plain
 * data: no clock (asOf is a parameter), no database.
 */

// ── deferred payment ───────────────────────────────────────────────────────────────────────────

/**
 * The latest due date a deferral may set: the ORIGINAL contract due date plus `maxMonths` calendar
 * months (policy deferral.maxMonths, default 3), dayjs month arithmetic: the same day of the month,
 * or the last day of the target month when it is shorter (30 Nov → 28 Feb, or 29 Feb in a leap year;
 * 31 Aug → 30 Nov). The cap day itself is allowed; the day after is not.
 */
export function deferralCap(originalDueDate: IsoDate, maxMonths: number): IsoDate {
  return addMonths(originalDueDate, maxMonths);
}

export type DeferralRefusal =
  | { key: 'errors.deferralWrongStatus'; params: { status: string } }
  | { key: 'errors.deferralNotLater'; params: { dueDate: IsoDate } }
  | { key: 'errors.deferralBeyondCap'; params: { cap: IsoDate; originalDueDate: IsoDate; months: number } };

/**
 * Whether a line may be deferred to `newDueDate`: only open or partial lines; the new date is later
 * than the current due date and at most the cap counted from the original contract due date (the one
 * before any earlier deferral). Null when allowed.
 */
export function deferralRefusal(line: { status: string; dueDate: IsoDate; deferredFrom: IsoDate | null }, newDueDate: IsoDate, maxMonths: number): DeferralRefusal | null {
  if (line.status !== 'open' && line.status !== 'partial') return { key: 'errors.deferralWrongStatus', params: { status: line.status } };
  if (newDueDate <= line.dueDate) return { key: 'errors.deferralNotLater', params: { dueDate: line.dueDate } };
  const originalDueDate = line.deferredFrom ?? line.dueDate;
  const cap = deferralCap(originalDueDate, maxMonths);
  if (newDueDate > cap) return { key: 'errors.deferralBeyondCap', params: { cap, originalDueDate, months: maxMonths } };
  return null;
}

export interface HistoryLine { dueDate: IsoDate; deferredFrom: IsoDate | null; amount: Money; received: Money; status: string; paidOn: IsoDate | null }
export interface PaymentHistory {
  lines: number;
  paidOnTime: number;
  paidLate: number;
  /** lines overdue as of the day, and what is still owed on them */
  overdueNow: number;
  overdueAmount: Money;
  /** the most days any open line of the customer is overdue */
  maxDaysOverdue: number;
  deferredBefore: number;
  writtenOff: number;
}

/**
 * A customer's payment history as the deferral request shows it (domain §11.2 "sales reviews payment
 * history and credit"): paid lines on time (paid on or before the ORIGINAL due date) or late, lines
 * overdue now with the amount, lines deferred before, lines written off.
 */
export function paymentHistory(lines: readonly HistoryLine[], asOf: IsoDate): PaymentHistory {
  const h: PaymentHistory = { lines: lines.length, paidOnTime: 0, paidLate: 0, overdueNow: 0, overdueAmount: '0.00', maxDaysOverdue: 0, deferredBefore: 0, writtenOff: 0 };
  for (const l of lines) {
    if (l.deferredFrom) h.deferredBefore++;
    if (l.status === 'written_off') { h.writtenOff++; continue; }
    if (l.status === 'paid') {
      if (l.paidOn && l.paidOn <= (l.deferredFrom ?? l.dueDate)) h.paidOnTime++; else h.paidLate++;
      continue;
    }
    const days = daysOverdue(l.dueDate, asOf);
    if (days > 0) {
      h.overdueNow++;
      h.overdueAmount = money.add(h.overdueAmount, money.sub(l.amount, l.received));
      h.maxDaysOverdue = Math.max(h.maxDaysOverdue, days);
    }
  }
  h.overdueAmount = money.format(h.overdueAmount);
  return h;
}

// ── dunning ladder ─────────────────────────────────────────────────────────────────────────────

/** The steps one logs, in ladder order (collected is not logged: it is the line being paid). */
export const dunningSteps = ['thank_you', 'notice', 'lawyer_letter', 'lawsuit', 'write_off'] as const;
export type DunningStep = (typeof dunningSteps)[number];
/** Steps that print a letter. */
export const letterSteps = ['thank_you', 'notice', 'lawyer_letter'] as const satisfies readonly DunningStep[];

export interface DunningPolicy {
  /** days overdue from which the first letter (thank-you or notice) is due */
  noticeDays: number;
  /** good standing: grade A/B and no line of the customer more than this many days overdue */
  goodStandingMaxDays: number;
  lawyerLetterDays: number;
  lawsuitDays: number;
  writeOffDays: number;
}

/** Days a line is overdue as of a day: 0 on the due date itself and before it. */
export function daysOverdue(dueDate: IsoDate, asOf: IsoDate): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

/**
 * A customer in good standing gets a thank-you letter in place of a dunning notice (domain §11.2):
 * credit grade A or B, and none of its lines more than goodStandingMaxDays overdue.
 */
export function isGoodStanding(grade: string | null, customerMaxDaysOverdue: number, policy: Pick<DunningPolicy, 'goodStandingMaxDays'>): boolean {
  return (grade === 'A' || grade === 'B') && customerMaxDaysOverdue <= policy.goodStandingMaxDays;
}

export interface LadderInput {
  dueDate: IsoDate;
  asOf: IsoDate;
  grade: string | null;
  /** the most days any line of this customer is overdue as of the day (this line included) */
  customerMaxDaysOverdue: number;
  /** steps done on this line up to asOf (rejected write-off requests excluded) */
  done: readonly DunningStep[];
  /** a write-off request waits for approval */
  writeOffPending: boolean;
}

export interface LadderPosition {
  daysOverdue: number;
  lastStep: DunningStep | null;
  /** the next step on the ladder, null when there is none (write-off pending or done) */
  nextStep: DunningStep | null;
  /** the day the next step falls due (due date + its threshold) */
  nextStepDueOn: IsoDate | null;
  /** the next step is due as of the day */
  isDue: boolean;
}

const rank = (s: DunningStep) => dunningSteps.indexOf(s);

/**
 * Where an overdue line stands on the ladder (domain §11.2), a pure function of the day and the log:
 * the ladder is climbed one rung at a time — first letter (thank-you for a customer in good standing,
 * else a collection notice) from noticeDays, a notice after a thank-you once the customer is no longer
 * in good standing (goodStandingMaxDays + 1), the lawyer's letter from lawyerLetterDays, the lawsuit
 * from lawsuitDays, the write-off request from writeOffDays. A rung is due when the line is at least
 * that many days overdue; a step logged early (e.g. a notice at once) moves the line up all the same.
 */
export function ladderPosition(input: LadderInput, policy: DunningPolicy): LadderPosition {
  const days = daysOverdue(input.dueDate, input.asOf);
  const lastStep = input.done.reduce<DunningStep | null>((top, s) => (top === null || rank(s) > rank(top) ? s : top), null);
  const at = (threshold: number) => addDays(input.dueDate, threshold);
  let next: { step: DunningStep; threshold: number } | null;
  if (input.writeOffPending || lastStep === 'write_off') next = null;
  else if (lastStep === null) {
    next = isGoodStanding(input.grade, input.customerMaxDaysOverdue, policy)
      ? { step: 'thank_you', threshold: policy.noticeDays }
      : { step: 'notice', threshold: policy.noticeDays };
  } else if (lastStep === 'thank_you') {
    // the notice follows a thank-you once the customer leaves good standing: at goodStandingMaxDays + 1,
    // or at once when another of its lines already took it out
    const later = policy.goodStandingMaxDays + 1;
    const standing = isGoodStanding(input.grade, input.customerMaxDaysOverdue, policy);
    next = { step: 'notice', threshold: Math.max(policy.noticeDays, standing ? later : Math.min(days, later)) };
  }
  else if (lastStep === 'notice') next = { step: 'lawyer_letter', threshold: policy.lawyerLetterDays };
  else if (lastStep === 'lawyer_letter') next = { step: 'lawsuit', threshold: policy.lawsuitDays };
  else next = { step: 'write_off', threshold: policy.writeOffDays };
  if (!next) return { daysOverdue: days, lastStep, nextStep: null, nextStepDueOn: null, isDue: false };
  const dueOn = at(next.threshold);
  return { daysOverdue: days, lastStep, nextStep: next.step, nextStepDueOn: dueOn, isDue: days >= next.threshold };
}

export type StepRefusal =
  | { key: 'errors.dunningNotOverdue'; params: { dueDate: IsoDate } }
  | { key: 'errors.dunningLineClosed'; params: { status: string } }
  | { key: 'errors.dunningWriteOffPending'; params: Record<string, never> }
  | { key: 'errors.dunningThankYouNotInStanding'; params: Record<string, never> };

/**
 * Whether a step may be logged on a line as of a day: only on an open or partial line that is overdue
 * (a write-off of a line not overdue is refused); nothing while a write-off waits for approval; a
 * thank-you only for a customer in good standing.
 */
export function stepRefusal(line: { status: string; dueDate: IsoDate }, step: DunningStep, ctx: { asOf: IsoDate; writeOffPending: boolean; goodStanding: boolean }): StepRefusal | null {
  if (line.status !== 'open' && line.status !== 'partial') return { key: 'errors.dunningLineClosed', params: { status: line.status } };
  if (daysOverdue(line.dueDate, ctx.asOf) <= 0) return { key: 'errors.dunningNotOverdue', params: { dueDate: line.dueDate } };
  if (ctx.writeOffPending) return { key: 'errors.dunningWriteOffPending', params: {} };
  if (step === 'thank_you' && !ctx.goodStanding) return { key: 'errors.dunningThankYouNotInStanding', params: {} };
  return null;
}

/** The deadline a collection letter gives the customer: the day of the letter plus the grace days. */
export function letterDeadline(actedOn: IsoDate, graceDays: number): IsoDate {
  return addDays(actedOn, graceDays);
}
