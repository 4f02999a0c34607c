import { addDays, daysBetween, type IsoDate } from '../../../shared/dates.js';
import { money, type Money } from '../../../shared/money.js';

/**
 * Responsibility penalties (回款责任, domain §11.3) as plain functions. The run in
 * penalties.repository.ts computes the same thing in one set-based SQL statement per step; the
 * route tests hold both to the same tables.
 *
 * Decisions (docs/penalties.md):
 * - A payroll month is judged at its **last day** (`monthEnd`): days overdue = monthEnd − due date
 *   (the due date itself is not overdue), in the workspace's calendar (dates are local dates).
 * - The **overdue amount** is the outstanding amount (amount − received) of the line as recorded
 *   when the month is run; a line fully paid on or before the month's last day owes nothing.
 * - A deferred line counts from its new due date (the receivable's `due_date`).
 * - Monthly: startDays ≤ days < badDebtDays (30–119) → monthlyRate (0.5 %) of the overdue amount.
 * - Bad debt (呆账): once per line, in the month its trigger falls in — the day it reaches
 *   badDebtDays (120) overdue, or the day it is written off if earlier — badDebtRate (20 %) of the
 *   outstanding amount; no monthly deductions from then on (a written-off line has none either).
 * - Refund: when the line is fully collected (`paid_on` on or before monthEnd), every deduction still
 *   standing from earlier months is refunded, per person, in the first month run after collection
 *   (normally the month of `paid_on`).
 * - Amounts round half-up to the cent; a deduction that rounds to 0.00 is not recorded.
 */

export type PenaltyKind = 'monthly' | 'bad_debt' | 'refund';
export type ResponsibleRole = 'rep' | 'manager' | 'director';
export const RESPONSIBLE_ROLES: readonly ResponsibleRole[] = ['rep', 'manager', 'director'];

export interface PenaltyPolicy {
  startDays: number;
  badDebtDays: number;
  monthlyRate: string;
  badDebtRate: string;
  shares: Record<ResponsibleRole, number>;
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** First and last day of a payroll month `YYYY-MM`. */
export function monthBounds(month: string): { start: IsoDate; end: IsoDate } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = `${month}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(next, -1) };
}

/** A month may be run only once it has ended: its last day is before today (workspace time zone). */
export function monthHasEnded(month: string, today: IsoDate): boolean {
  return monthBounds(month).end < today;
}

/** Days overdue at a day; the due date itself is 0, before it negative. */
export const daysOverdue = (dueDate: IsoDate, at: IsoDate): number => daysBetween(dueDate, at);

/** The state of a receivable line the rules look at (read from `receivables`). */
export interface PenaltyLineState {
  dueDate: IsoDate;
  amount: Money;
  received: Money;
  paidOn: IsoDate | null;
  writtenOffOn: IsoDate | null;
}

/** What the line already carries from earlier runs. */
export interface PenaltyHistory {
  /** a bad-debt deduction was already made for it (in any month) */
  badDebtCharged: boolean;
  /** deductions minus refunds from months before this one, per role and person */
  standing: readonly { role: ResponsibleRole; userId: string | null; amount: Money }[];
}

export interface PenaltyWorking {
  kind: PenaltyKind;
  daysOverdue: number;
  baseAmount: Money;
  /** the rate applied; null for a refund */
  rate: string | null;
  /** positive for a deduction, negative for a refund */
  amount: Money;
}

/** The day a line becomes bad debt: badDebtDays overdue, or its write-off if earlier. */
export function badDebtTrigger(line: Pick<PenaltyLineState, 'dueDate' | 'writtenOffOn'>, policy: Pick<PenaltyPolicy, 'badDebtDays'>): IsoDate {
  const byAge = addDays(line.dueDate, policy.badDebtDays);
  return line.writtenOffOn && line.writtenOffOn < byAge ? line.writtenOffOn : byAge;
}

/** The deduction (or refund) of one receivable line for one payroll month, with its working; null when none. */
export function penaltyFor(line: PenaltyLineState, month: string, policy: PenaltyPolicy, history: PenaltyHistory): PenaltyWorking | null {
  const { start, end } = monthBounds(month);
  const days = daysOverdue(line.dueDate, end);
  if (line.paidOn !== null && line.paidOn <= end) {
    const standing = history.standing.reduce((s, x) => money.add(s, x.amount), '0.00');
    if (money.compare(standing, 0) <= 0) return null;
    return { kind: 'refund', daysOverdue: days, baseAmount: standing, rate: null, amount: money.sub(0, standing) };
  }
  const outstanding = money.sub(line.amount, line.received);
  if (money.compare(outstanding, 0) <= 0) return null;
  const trigger = badDebtTrigger(line, policy);
  if (trigger <= end) {
    if (history.badDebtCharged || trigger < start) return null;
    return charge('bad_debt', days, outstanding, policy.badDebtRate);
  }
  const writtenOff = line.writtenOffOn !== null && line.writtenOffOn <= end;
  if (writtenOff || days < policy.startDays || days >= policy.badDebtDays) return null;
  return charge('monthly', days, outstanding, policy.monthlyRate);
}

function charge(kind: PenaltyKind, days: number, base: Money, rate: string): PenaltyWorking | null {
  const amount = money.mul(base, rate);
  return money.compare(amount, 0) > 0 ? { kind, daysOverdue: days, baseAmount: base, rate, amount } : null;
}

/**
 * Splits an amount by whole-number weights (5:3:2) to the cent so the parts add up exactly: each
 * part gets the floor of its exact share in cents, and the cents left over (at most one per part)
 * go to the parts with the largest remainders, ties to the earlier part (rep before manager before
 * director) — the largest-remainder (Hamilton) method. All weights 0 → the first part bears it all.
 */
export function splitByWeights(amount: Money, weights: readonly number[]): Money[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (total === 0) return weights.map((_, i) => (i === 0 ? money.format(amount) : '0.00'));
  const cents = BigInt(money.parse(amount).times(100).toFixed(0));
  const sign = cents < 0n ? -1n : 1n;
  const abs = cents * sign;
  const parts = weights.map((w, i) => ({ i, floor: (abs * BigInt(w)) / BigInt(total), rem: (abs * BigInt(w)) % BigInt(total) }));
  let left = abs - parts.reduce((s, p) => s + p.floor, 0n);
  const order = [...parts].sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const p of order) {
    if (left <= 0n) break;
    p.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => money.format(money.parse((p.floor * sign).toString()).dividedBy(100)));
}

/** The share rows of a deduction: the amount split between rep, manager and director. */
export function sharesOf(amount: Money, people: ResponsiblePeople, policy: Pick<PenaltyPolicy, 'shares'>) {
  const parts = splitByWeights(amount, RESPONSIBLE_ROLES.map((r) => policy.shares[r]));
  return RESPONSIBLE_ROLES.map((role, i) => ({ role, userId: people[role], amount: parts[i]! }));
}

/** The refund rows: each person's standing deductions, negated. */
export function refundSharesOf(history: PenaltyHistory) {
  return history.standing.filter((s) => money.compare(s.amount, 0) !== 0).map((s) => ({ role: s.role, userId: s.userId, amount: money.sub(0, s.amount) }));
}

// ── responsible people ─────────────────────────────────────────────────────────────────────────

export interface PenaltyOrgUser { id: string; roles: readonly string[]; departmentId: string | null; isActive: boolean }
export interface PenaltyOrgDepartment { id: string; parentId: string | null; managerId: string | null }
export interface ResponsiblePeople { rep: string; manager: string | null; director: string | null }

/**
 * The people responsible for a credit sale (seed 第19条): the contract owner (销售专员); the sales
 * manager (销售部经理) = the nearest manager up the owner's department chain who holds the
 * `sales_manager` role, else the workspace's only active sales manager when there is exactly one;
 * the marketing director (营销总监) = the workspace's active `sales_vp` (the first by id when there
 * are several). A person missing leaves that share unassigned (user null) — the split still adds up.
 */
export function responsiblePeople(ownerId: string, org: { users: readonly PenaltyOrgUser[]; departments: readonly PenaltyOrgDepartment[] }): ResponsiblePeople {
  const byUser = new Map(org.users.map((u) => [u.id, u]));
  const byDept = new Map(org.departments.map((d) => [d.id, d]));
  const isActive = (id: string | null | undefined, role: string) => {
    const u = id ? byUser.get(id) : undefined;
    return u !== undefined && u.isActive && u.roles.includes(role);
  };
  let manager: string | null = null;
  let dept = byDept.get(byUser.get(ownerId)?.departmentId ?? '');
  for (let guard = 0; dept && guard < 100 && manager === null; guard++) {
    if (dept.managerId !== ownerId && isActive(dept.managerId, 'sales_manager')) manager = dept.managerId;
    dept = dept.parentId ? byDept.get(dept.parentId) : undefined;
  }
  if (manager === null) {
    const all = org.users.filter((u) => u.id !== ownerId && isActive(u.id, 'sales_manager'));
    if (all.length === 1) manager = all[0]!.id;
  }
  const directors = org.users.filter((u) => isActive(u.id, 'sales_vp')).map((u) => u.id).sort();
  return { rep: ownerId, manager, director: directors[0] ?? null };
}
