import { documentTotals, priceDraftLines, type DraftLine } from '../../../../shared/contract-amounts';
import { money } from '../../../../shared/money';

export type LineValues = DraftLine;

const QUANTITY = /^\d{1,12}(\.\d{1,4})?$/;
const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

/**
 * The builder's live figures with the server's arithmetic (the same shared functions): a number still
 * being typed counts as zero, so the totals move as the user types.
 */
export function liveTotals(lines: readonly (LineValues | undefined)[]) {
  const priced = priceDraftLines(lines);
  return { lineAmounts: priced.lines.map((l) => l.amount), ...documentTotals(priced.lines) };
}

/** The lines ready for the server's dry run, or null while any line is incomplete or malformed (nothing to ask yet). */
export function evaluableLines(lines: readonly (LineValues | undefined)[]) {
  if (lines.length === 0) return null;
  const ok = lines.every((l) => l && l.description && l.unit && QUANTITY.test(l.quantity ?? '') && money.compare(l.quantity!, 0) > 0 && MONEY.test(l.unitPrice ?? '')
    && PERCENT.test(l.discountPct || '0') && PERCENT.test(l.taxRate || '0'));
  if (!ok) return null;
  return lines.map((l) => ({
    productId: l!.productId ?? null, description: l!.description!, unit: l!.unit!, quantity: l!.quantity!, unitPrice: l!.unitPrice!,
    discountPct: l!.discountPct || '0', taxRate: l!.taxRate || '0',
  }));
}
