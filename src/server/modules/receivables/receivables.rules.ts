import { money, type Money } from '../../../shared/money.js';

export type ReceivableStatus = 'open' | 'partial' | 'paid';

/** A receivable's status from what was received: nothing → open, all → paid, anything between → partial. */
export function receivableStatus(amount: Money, received: Money): ReceivableStatus {
  if (money.compare(received, 0) <= 0) return 'open';
  if (money.compare(received, amount) >= 0) return 'paid';
  return 'partial';
}

/** What is still owed on the line (never below zero). */
export function outstanding(amount: Money, received: Money): Money {
  const rest = money.sub(amount, received);
  return money.compare(rest, 0) < 0 ? '0.00' : rest;
}
