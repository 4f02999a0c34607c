import type { IsoDate } from '../../../shared/dates.js';
import type { ErrorDetail } from '../../../shared/errors.js';
import { money, type Money } from '../../../shared/money.js';

/** An open receivable line of the paying customer, as the allocation rules see it. */
export interface OpenLine { receivableId: string; contractNumber: string; kind: string; dueDate: IsoDate; planIndex: number; outstanding: Money }
export interface RequestedAllocation { receivableId: string; amount: Money }
export interface Allocation { receivableId: string; amount: Money }
export type Remainder = 'customer_credit';

export type AllocationResult =
  | { ok: true; allocations: Allocation[]; unallocated: Money }
  | { ok: false; key: string; params: Record<string, unknown>; details: ErrorDetail[] };

const refuse = (path: string, key: string, params: Record<string, unknown>): AllocationResult =>
  ({ ok: false, key, params, details: [{ path, message: key, params }] });

/** The customer's open lines oldest due first (then contract number and plan position): the order automatic allocation settles them in. */
export function oldestDueFirst(lines: readonly OpenLine[]): OpenLine[] {
  return [...lines].sort((a, b) => (a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1)
    : a.contractNumber !== b.contractNumber ? (a.contractNumber < b.contractNumber ? -1 : 1)
      : a.planIndex !== b.planIndex ? a.planIndex - b.planIndex : a.receivableId.localeCompare(b.receivableId)));
}

/**
 * Matches money to a customer's open receivable lines (核销, domain §11.1). With `requested`
 * allocations: each names an open line of this customer, is above zero and at most the line's
 * outstanding amount (one cent more is refused, naming the line), and together they are at most the
 * money. Without: the money settles the lines oldest due first, each in full before the next, the last
 * one partly. What is left must be kept as customer credit (`remainder: customer_credit`), otherwise
 * the payment is refused naming `remainder` — nothing is guessed.
 */
export function allocate(input: { amount: Money; lines: readonly OpenLine[]; requested?: readonly RequestedAllocation[]; remainder?: Remainder }): AllocationResult {
  if (money.compare(input.amount, 0) <= 0) return refuse('amount', 'errors.paymentAmountPositive', {});
  const byId = new Map(input.lines.map((l) => [l.receivableId, l]));
  const allocations: Allocation[] = [];
  if (input.requested && input.requested.length > 0) {
    const seen = new Set<string>();
    for (const [i, r] of input.requested.entries()) {
      const line = byId.get(r.receivableId);
      if (!line) return refuse(`allocations.${i}.receivableId`, 'errors.allocationLineNotOpen', { line: i + 1 });
      if (seen.has(r.receivableId)) return refuse(`allocations.${i}.receivableId`, 'errors.allocationLineTwice', { line: i + 1, contractNumber: line.contractNumber });
      seen.add(r.receivableId);
      if (money.compare(r.amount, 0) <= 0) return refuse(`allocations.${i}.amount`, 'errors.allocationAmountPositive', { line: i + 1 });
      if (money.compare(r.amount, line.outstanding) > 0) {
        return refuse(`allocations.${i}.amount`, 'errors.allocationOverOutstanding', {
          line: i + 1, contractNumber: line.contractNumber, dueDate: line.dueDate, outstanding: money.format(line.outstanding), amount: money.format(r.amount),
        });
      }
      allocations.push({ receivableId: r.receivableId, amount: money.format(r.amount) });
    }
    const total = money.add(...allocations.map((a) => a.amount));
    if (money.compare(total, input.amount) > 0) return refuse('allocations', 'errors.allocationsOverPayment', { allocated: total, amount: money.format(input.amount) });
  } else {
    let left = money.format(input.amount);
    for (const line of oldestDueFirst(input.lines)) {
      if (money.compare(left, 0) <= 0) break;
      if (money.compare(line.outstanding, 0) <= 0) continue;
      const part = money.compare(left, line.outstanding) < 0 ? left : money.format(line.outstanding);
      allocations.push({ receivableId: line.receivableId, amount: part });
      left = money.sub(left, part);
    }
  }
  const allocated = allocations.length ? money.add(...allocations.map((a) => a.amount)) : '0.00';
  const unallocated = money.sub(input.amount, allocated);
  if (money.compare(unallocated, 0) > 0 && input.remainder !== 'customer_credit') {
    return refuse('remainder', 'errors.paymentRemainderUnassigned', { unallocated, amount: money.format(input.amount) });
  }
  return { ok: true, allocations, unallocated };
}

/** A payment is received on a day that has come: today or before (the workspace's today). */
export function isReceivedOnAllowed(receivedOn: IsoDate, today: IsoDate): boolean {
  return receivedOn <= today;
}
