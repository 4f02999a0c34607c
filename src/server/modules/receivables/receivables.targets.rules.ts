import { addDays, type IsoDate } from '../../../shared/dates.js';
import { money, type Money } from '../../../shared/money.js';
import { monthEnd, monthStart, shiftMonth } from '../../../shared/periods.js';

/** Targets may be set up to this many months after the current one (the sales plan's horizon). */
export const COLLECTION_TARGET_MONTHS_AHEAD = 12;

/**
 * The days a collection target's month is measured on: the month itself, and the day its proposal is
 * taken as of — the close of the day before the month begins, so money received on the 1st counts as
 * collected in the month and is not also taken off the proposal.
 */
export function targetPeriod(period: string): { from: IsoDate; to: IsoDate; proposalAsOf: IsoDate } {
  const from = monthStart(period);
  return { from, to: monthEnd(period), proposalAsOf: addDays(from, -1) };
}

export type TargetMonthVerdict = 'ok' | 'too_far' | 'before_workspace';

/**
 * Whether targets may be set for a month: from the month the workspace was created up to
 * COLLECTION_TARGET_MONTHS_AHEAD months after the current one (past months stay correctable).
 */
export function targetMonthVerdict(period: string, currentMonth: string, workspaceMonth: string): TargetMonthVerdict {
  if (period > shiftMonth(currentMonth, COLLECTION_TARGET_MONTHS_AHEAD)) return 'too_far';
  if (period < workspaceMonth) return 'before_workspace';
  return 'ok';
}

/** A receivable line as the proposal reads it (the SQL of outstandingDueByOwner applies the same rule). */
export interface ProposalLine {
  dueDate: IsoDate;
  amount: Money;
  /** the day the line's contract was signed */
  signedOn: IsoDate;
  writtenOffOn: IsoDate | null;
  allocations: { amount: Money; receivedOn: IsoDate; reversed: boolean }[];
}

/**
 * The proposed collection target of a rep for a month (回款目标建议, domain §11.2: "decomposed to reps
 * by their contracts"): what was still outstanding, as the month began, on the lines of the rep's
 * contracts that fall due by the end of the month — overdue lines not yet collected included. A
 * line counts when its contract was signed and it was not written off by the day before the month;
 * money received up to that day is taken off; reversed payments never count.
 */
export function proposedTarget(lines: readonly ProposalLine[], period: string): Money {
  const { to, proposalAsOf } = targetPeriod(period);
  let total = money.parse(0);
  for (const line of lines) {
    if (line.dueDate > to || line.signedOn > proposalAsOf) continue;
    if (line.writtenOffOn !== null && line.writtenOffOn <= proposalAsOf) continue;
    const received = line.allocations.filter((a) => !a.reversed && a.receivedOn <= proposalAsOf).reduce((s, a) => s.plus(a.amount), money.parse(0));
    const outstanding = money.parse(line.amount).minus(received);
    if (outstanding.gt(0)) total = total.plus(outstanding);
  }
  return money.format(total);
}

/**
 * Attainment (达成率) of a collection target: collected ÷ target as a percentage with one decimal;
 * null without a target, and with a zero target (nothing to attain — no division by zero). Can pass
 * 100 when more was collected than targeted.
 */
export function targetAttainment(collected: Money, target: Money | null): string | null {
  if (target === null || money.compare(target, 0) <= 0) return null;
  return money.parse(collected).dividedBy(target).times(100).toFixed(1);
}

/** A target amount is a sum of money of zero or more; negative targets are refused. */
export function isValidTargetAmount(amount: Money): boolean {
  return money.isValid(amount) && money.compare(amount, 0) >= 0;
}
