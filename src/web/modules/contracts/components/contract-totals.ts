import { planTotal, priceDraftLines, type DraftLine } from '../../../../shared/contract-amounts';
import { money } from '../../../../shared/money';

export type LineValues = DraftLine;
export interface PlanValues { kind?: string; dueDate?: unknown; amount?: string; percent?: string }

const isNumber = (v: string | undefined) => v !== undefined && v !== '' && money.isValid(v);

/**
 * The form's live figures with the server's arithmetic (same shared functions): lines with a number
 * missing count as zero, so the total moves as the user types; the plan difference is what the
 * server would refuse.
 */
export function liveTotals(lines: readonly (LineValues | undefined)[], plan: readonly (PlanValues | undefined)[]) {
  const priced = priceDraftLines(lines);
  const total = planTotal(plan.map((p) => ({ amount: isNumber(p?.amount) ? p!.amount! : '0' })));
  return { lineAmounts: priced.lines.map((l) => l.amount), amount: priced.amount, taxAmount: priced.taxAmount, planTotal: total, difference: money.sub(total, priced.amount) };
}
