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

export interface ScheduleLine { id: string; planIndex: number; amount: Money; received: Money }
export interface NewPlanLine { kind: string; dueDate: string; amount: Money }
export interface ScheduleProblem { planIndex: number; received: Money; amount: Money | null }
export interface ScheduleAdjustment {
  update: { id: string; planIndex: number; line: NewPlanLine; status: ReceivableStatus }[];
  insert: { planIndex: number; line: NewPlanLine }[];
  remove: string[];
  problems: ScheduleProblem[];
}

/**
 * A contract amendment's new payment plan laid over the receivable schedule (domain §9, §11.1): plan
 * line i replaces receivable i (kind, due date, amount), extra plan lines become new receivables, and
 * receivables beyond the new plan go away. What was already received on a line stays: a line can not
 * be reduced below it (amount = received is allowed: it is then paid), nor removed once anything was
 * received — each such line is a problem naming it.
 */
export function adjustSchedule(existing: readonly ScheduleLine[], plan: readonly NewPlanLine[]): ScheduleAdjustment {
  const result: ScheduleAdjustment = { update: [], insert: [], remove: [], problems: [] };
  const byIndex = new Map(existing.map((r) => [r.planIndex, r]));
  plan.forEach((line, planIndex) => {
    const current = byIndex.get(planIndex);
    if (!current) { result.insert.push({ planIndex, line }); return; }
    if (money.compare(line.amount, current.received) < 0) result.problems.push({ planIndex, received: money.format(current.received), amount: money.format(line.amount) });
    result.update.push({ id: current.id, planIndex, line, status: receivableStatus(line.amount, current.received) });
  });
  for (const r of existing) {
    if (r.planIndex < plan.length) continue;
    if (money.compare(r.received, 0) > 0) result.problems.push({ planIndex: r.planIndex, received: money.format(r.received), amount: null });
    else result.remove.push(r.id);
  }
  return result;
}
