import { describe, expect, it } from 'vitest';
import { money } from '../../../../shared/money.js';
import {
  monthBounds, monthHasEnded, penaltyFor, refundSharesOf, responsiblePeople, sharesOf, splitByWeights, type PenaltyHistory, type PenaltyLineState, type PenaltyPolicy,
} from '../penalties.rules.js';

const policy: PenaltyPolicy = { startDays: 30, badDebtDays: 120, monthlyRate: '0.005', badDebtRate: '0.20', shares: { rep: 5, manager: 3, director: 2 } };
const none: PenaltyHistory = { badDebtCharged: false, standing: [] };
const line = (over: Partial<PenaltyLineState> = {}): PenaltyLineState =>
  ({ dueDate: '2026-01-01', amount: '10000.00', received: '0.00', paidOn: null, writtenOffOn: null, ...over });

describe('monthBounds / monthHasEnded', () => {
  it.each([
    ['2026-01', '2026-01-01', '2026-01-31'], ['2026-02', '2026-02-01', '2026-02-28'], ['2028-02', '2028-02-01', '2028-02-29'], ['2026-12', '2026-12-01', '2026-12-31'],
  ])('%s → %s … %s', (m, start, end) => expect(monthBounds(m)).toEqual({ start, end }));
  it.each([
    ['2026-11', '2026-12-01', true], ['2026-11', '2026-11-30', false], ['2026-12', '2026-12-01', false], ['2027-01', '2026-12-01', false],
  ])('month %s as of %s ended: %s', (m, today, ended) => expect(monthHasEnded(m, today)).toBe(ended));
});

describe('penaltyFor: days overdue at the month\'s last day', () => {
  it.each([
    // due, month, expected kind, days, base, amount
    ['2026-01-02', '2026-01', null, 29, null, null], // 29 days at 01-31: nothing yet
    ['2026-01-01', '2026-01', 'monthly', 30, '10000.00', '50.00'], // 30 days: first monthly 0.5 %
    ['2025-10-04', '2026-01', 'monthly', 119, '10000.00', '50.00'], // 119 days: still monthly
    ['2025-10-03', '2026-01', 'bad_debt', 120, '10000.00', '2000.00'], // 120 days: bad debt 20 %
    ['2025-08-15', '2026-01', null, 169, null, null], // bad-debt month was December (120 days on 12-13): no monthly after it
    ['2026-02-01', '2026-01', null, -1, null, null], // not due yet
  ])('due %s, month %s → %s (%s days)', (dueDate, month, kind, days, base, amount) => {
    const w = penaltyFor(line({ dueDate }), month, policy, none);
    if (kind === null) expect(w).toBeNull();
    else expect(w).toEqual({ kind, daysOverdue: days, baseAmount: base, rate: kind === 'monthly' ? '0.005' : '0.20', amount });
  });

  it('the overdue amount is what is still outstanding (partial payments count), rounded half-up to the cent', () => {
    expect(penaltyFor(line({ amount: '10000.00', received: '3333.33' }), '2026-01', policy, none)).toMatchObject({ baseAmount: '6666.67', amount: '33.33' });
    expect(penaltyFor(line({ amount: '101.00', received: '0.00' }), '2026-01', policy, none)).toMatchObject({ amount: '0.51' }); // 0.505 → 0.51
    expect(penaltyFor(line({ amount: '0.50' }), '2026-01', policy, none)).toBeNull(); // 0.0025 → 0.00: not recorded
  });

  it('the bad-debt deduction is made once: not again when already charged (e.g. a deferral moved the due date)', () => {
    expect(penaltyFor(line({ dueDate: '2025-10-03' }), '2026-01', policy, { badDebtCharged: true, standing: [] })).toBeNull();
  });

  it('a deferred line counts from its new due date', () => {
    // originally due 2025-10-01 (122 days at 01-31) but deferred to 2025-12-20: 42 days → monthly
    expect(penaltyFor(line({ dueDate: '2025-12-20' }), '2026-01', policy, none)).toMatchObject({ kind: 'monthly', daysOverdue: 42 });
  });

  it('a written-off line: no monthly deductions; the write-off itself is the bad-debt trigger when it comes before 120 days', () => {
    expect(penaltyFor(line({ dueDate: '2025-11-01', writtenOffOn: '2026-01-15' }), '2026-01', policy, none)).toMatchObject({ kind: 'bad_debt', daysOverdue: 91, amount: '2000.00' });
    expect(penaltyFor(line({ dueDate: '2025-11-01', writtenOffOn: '2026-01-15' }), '2026-02', policy, { badDebtCharged: true, standing: [] })).toBeNull();
    expect(penaltyFor(line({ dueDate: '2025-11-01', writtenOffOn: '2025-12-15' }), '2026-01', policy, { badDebtCharged: true, standing: [] })).toBeNull();
    // written off after the month ended (run late): the month still sees it open
    expect(penaltyFor(line({ dueDate: '2025-11-01', writtenOffOn: '2026-02-03' }), '2026-01', policy, none)).toMatchObject({ kind: 'monthly' });
  });

  it('refund month: fully paid on or before the month end → every standing deduction comes back; nothing is charged', () => {
    const standing: PenaltyHistory = { badDebtCharged: true, standing: [
      { role: 'rep', userId: 'r', amount: '1025.00' }, { role: 'manager', userId: 'm', amount: '615.00' }, { role: 'director', userId: 'd', amount: '410.00' },
    ] };
    const paid = line({ dueDate: '2025-09-01', received: '10000.00', paidOn: '2026-03-10' });
    expect(penaltyFor(paid, '2026-03', policy, standing)).toEqual({ kind: 'refund', daysOverdue: 211, baseAmount: '2050.00', rate: null, amount: '-2050.00' });
    expect(refundSharesOf(standing)).toEqual([
      { role: 'rep', userId: 'r', amount: '-1025.00' }, { role: 'manager', userId: 'm', amount: '-615.00' }, { role: 'director', userId: 'd', amount: '-410.00' },
    ]);
    // already refunded (standing nets to zero) → nothing more
    expect(penaltyFor(paid, '2026-04', policy, { badDebtCharged: true, standing: [{ role: 'rep', userId: 'r', amount: '0.00' }] })).toBeNull();
    // paid with nothing standing → nothing
    expect(penaltyFor(paid, '2026-03', policy, none)).toBeNull();
    // paid after the month end: the month owes nothing (received = amount), the refund comes in the paying month
    expect(penaltyFor(line({ received: '10000.00', paidOn: '2026-02-02' }), '2026-01', policy, none)).toBeNull();
  });
});

describe('splitByWeights 5:3:2 adds up to the cent (largest remainder, ties to rep, manager, director)', () => {
  it.each([
    ['0.01', ['0.01', '0.00', '0.00']],
    ['0.02', ['0.01', '0.01', '0.00']],
    ['0.03', ['0.01', '0.01', '0.01']], // exact 1.5 / 0.9 / 0.6 cents: floors 1/0/0, the two cents left go to .9 and .6
    ['0.07', ['0.04', '0.02', '0.01']],
    ['1.00', ['0.50', '0.30', '0.20']],
    ['333.33', ['166.66', '100.00', '66.67']], // 16666.5 / 9999.9 / 6666.6 cents
    ['50.00', ['25.00', '15.00', '10.00']],
    ['2000.00', ['1000.00', '600.00', '400.00']],
    ['0.51', ['0.26', '0.15', '0.10']],
    ['-0.03', ['-0.01', '-0.01', '-0.01']],
  ])('%s → %j', (amount, parts) => {
    const got = splitByWeights(amount, [5, 3, 2]);
    expect(got).toEqual(parts);
    expect(money.add(...got)).toBe(money.format(amount));
  });
  it('every cent amount from 0.01 to 20.00 splits into parts that add up', () => {
    for (let c = 1; c <= 2000; c++) {
      const amount = money.format(money.parse(c).dividedBy(100));
      expect(money.add(...splitByWeights(amount, [5, 3, 2]))).toBe(amount);
    }
  });
  it('other weights and all-zero weights', () => {
    expect(splitByWeights('1.00', [1, 1, 1])).toEqual(['0.34', '0.33', '0.33']);
    expect(splitByWeights('1.00', [0, 0, 0])).toEqual(['1.00', '0.00', '0.00']);
  });
  it('sharesOf names the people', () => {
    expect(sharesOf('50.00', { rep: 'r', manager: null, director: 'd' }, policy)).toEqual([
      { role: 'rep', userId: 'r', amount: '25.00' }, { role: 'manager', userId: null, amount: '15.00' }, { role: 'director', userId: 'd', amount: '10.00' },
    ]);
  });
});

describe('responsiblePeople', () => {
  const departments = [
    { id: 'sales', parentId: null, managerId: 'm1' }, { id: 'sales1', parentId: 'sales', managerId: 's1' }, { id: 'sales2', parentId: 'sales', managerId: null },
  ];
  const users = [
    { id: 'm1', roles: ['sales_manager'], departmentId: 'sales', isActive: true },
    { id: 's1', roles: ['sales_supervisor'], departmentId: 'sales1', isActive: true },
    { id: 'r1', roles: ['sales_rep'], departmentId: 'sales1', isActive: true },
    { id: 'r3', roles: ['sales_rep'], departmentId: 'sales2', isActive: true },
    { id: 'r9', roles: ['sales_rep'], departmentId: null, isActive: true },
    { id: 'vp', roles: ['sales_vp'], departmentId: null, isActive: true },
    { id: 'vpOld', roles: ['sales_vp'], departmentId: null, isActive: false },
  ];
  it.each([
    ['r1', { rep: 'r1', manager: 'm1', director: 'vp' }], // the supervisor is skipped: not a sales manager
    ['r3', { rep: 'r3', manager: 'm1', director: 'vp' }], // department without manager: up the tree
    ['r9', { rep: 'r9', manager: 'm1', director: 'vp' }], // no department: the only sales manager
    ['m1', { rep: 'm1', manager: null, director: 'vp' }], // the manager's own contract: no manager above
  ])('%s → %j', (owner, people) => expect(responsiblePeople(owner, { users, departments })).toEqual(people));
  it('no active sales manager or director: shares unassigned', () => {
    expect(responsiblePeople('r1', { users: users.filter((u) => u.id !== 'm1' && u.id !== 'vp'), departments })).toEqual({ rep: 'r1', manager: null, director: null });
  });
});
