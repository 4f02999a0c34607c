import { money } from '../../../../shared/money';

/** A typed amount as a money string, or null when it is not a number (the form shows it as invalid). */
export function parseAmount(value: string | undefined): string | null {
  const v = (value ?? '').trim().replace(/,/g, '');
  if (v === '' || !/^\d+(\.\d{1,2})?$/.test(v)) return null;
  return money.format(v);
}

/** Sum of the typed allocations (invalid or empty ones count as zero) and what is left of the payment. */
export function allocationTotals(amount: string | undefined, allocations: Record<string, string | undefined>) {
  const allocated = money.add(...Object.values(allocations).map((a) => parseAmount(a) ?? '0'));
  const paid = parseAmount(amount) ?? '0.00';
  return { allocated, remaining: money.sub(paid, allocated) };
}

/** Oldest due first: fills each line in full until the money runs out (what the server does without allocations). */
export function fillOldestFirst(amount: string, lines: readonly { id: string; outstanding: string }[]): Record<string, string> {
  let left = amount;
  const out: Record<string, string> = {};
  for (const l of lines) {
    if (money.compare(left, 0) <= 0) break;
    const take = money.compare(l.outstanding, left) <= 0 ? l.outstanding : left;
    out[l.id] = money.format(take);
    left = money.sub(left, take);
  }
  return out;
}
