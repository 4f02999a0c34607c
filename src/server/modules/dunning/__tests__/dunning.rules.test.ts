import { describe, expect, it } from 'vitest';
import {
  deferralCap, deferralRefusal, isGoodStanding, ladderPosition, paymentHistory, stepRefusal, type DunningPolicy, type DunningStep,
} from '../dunning.rules.js';

const policy: DunningPolicy = { noticeDays: 1, goodStandingMaxDays: 30, lawyerLetterDays: 60, lawsuitDays: 120, writeOffDays: 180 };

describe('deferral cap: 3 calendar months after the ORIGINAL due date, month-end aware', () => {
  it.each([
    ['2026-01-15', '2026-04-15'],
    ['2026-11-30', '2027-02-28'], // February of a common year
    ['2027-11-30', '2028-02-29'], // leap year
    ['2027-11-29', '2028-02-29'],
    ['2026-08-31', '2026-11-30'],
    ['2026-05-31', '2026-08-31'],
    ['2026-12-31', '2027-03-31'],
    ['2026-02-28', '2026-05-28'], // same day of the month, not the month end
  ])('due %s → at most %s', (original, cap) => expect(deferralCap(original, 3)).toBe(cap));

  const open = { status: 'open', dueDate: '2026-11-30', deferredFrom: null };
  it.each([
    ['2027-02-28', null],
    ['2027-03-01', 'errors.deferralBeyondCap'], // 3 months + 1 day
    ['2026-12-15', null],
    ['2026-11-30', 'errors.deferralNotLater'],
    ['2026-11-01', 'errors.deferralNotLater'],
  ])('open line due 2026-11-30 deferred to %s → %s', (newDue, key) => expect(deferralRefusal(open, newDue, 3)?.key ?? null).toBe(key));

  it('a second deferral counts from the original due date, not the deferred one', () => {
    const deferred = { status: 'partial', dueDate: '2026-12-31', deferredFrom: '2026-11-30' };
    expect(deferralRefusal(deferred, '2027-02-28', 3)).toBeNull();
    expect(deferralRefusal(deferred, '2027-03-01', 3)).toMatchObject({ key: 'errors.deferralBeyondCap', params: { cap: '2027-02-28', originalDueDate: '2026-11-30' } });
  });

  it.each(['paid', 'written_off'])('a %s line is not deferred', (status) =>
    expect(deferralRefusal({ ...open, status }, '2026-12-15', 3)?.key).toBe('errors.deferralWrongStatus'));

  it('leap-year cap from 30 Nov 2027 allows 29 Feb 2028 and refuses 1 Mar 2028', () => {
    const l = { status: 'open', dueDate: '2027-11-30', deferredFrom: null };
    expect(deferralRefusal(l, '2028-02-29', 3)).toBeNull();
    expect(deferralRefusal(l, '2028-03-01', 3)?.key).toBe('errors.deferralBeyondCap');
  });
});

describe('payment history shown on a deferral request', () => {
  it('counts on-time against the original due date, late, overdue now with amount, deferred and written off', () => {
    const h = paymentHistory([
      { dueDate: '2026-03-01', deferredFrom: null, amount: '100.00', received: '100.00', status: 'paid', paidOn: '2026-03-01' },
      { dueDate: '2026-05-01', deferredFrom: '2026-04-01', amount: '100.00', received: '100.00', status: 'paid', paidOn: '2026-04-20' },
      { dueDate: '2026-06-01', deferredFrom: null, amount: '100.00', received: '40.00', status: 'partial', paidOn: null },
      { dueDate: '2026-12-31', deferredFrom: null, amount: '100.00', received: '0.00', status: 'open', paidOn: null },
      { dueDate: '2025-01-01', deferredFrom: null, amount: '5.00', received: '0.00', status: 'written_off', paidOn: null },
    ], '2026-07-01');
    expect(h).toEqual({ lines: 5, paidOnTime: 1, paidLate: 1, overdueNow: 1, overdueAmount: '60.00', maxDaysOverdue: 30, deferredBefore: 1, writtenOff: 1 });
  });
});

describe('good standing (thank-you instead of a notice)', () => {
  it.each([
    ['A', 0, true], ['B', 30, true], ['B', 31, false], ['C', 1, false], ['D', 1, false], [null, 1, false],
  ] as const)('grade %s, worst line %i days overdue → %s', (grade, days, expected) => expect(isGoodStanding(grade, days, policy)).toBe(expected));
});

describe('ladder: the next step of an overdue line, by days, grade and log', () => {
  const due = '2026-01-01';
  const asOfAfter = (days: number) => new Date(Date.UTC(2026, 0, 1 + days)).toISOString().slice(0, 10);
  it.each<[string, number, string | null, DunningStep[], DunningStep | null, boolean, string | null]>([
    ['not overdue on the due date', 0, 'C', [], 'notice', false, '2026-01-02'],
    ['1 day, grade C → notice due', 1, 'C', [], 'notice', true, '2026-01-02'],
    ['1 day, grade A → thank-you due', 1, 'A', [], 'thank_you', true, '2026-01-02'],
    ['31 days, grade A, nothing done → notice (out of standing)', 31, 'A', [], 'notice', true, '2026-01-02'],
    ['after a thank-you, 30 days, still in standing → notice waits to day 31', 30, 'B', ['thank_you'], 'notice', false, '2026-02-01'],
    ['after a thank-you, 31 days → notice due', 31, 'B', ['thank_you'], 'notice', true, '2026-02-01'],
    ['after a notice, 59 days → lawyer letter not yet', 59, 'C', ['notice'], 'lawyer_letter', false, '2026-03-02'],
    ['after a notice, 60 days → lawyer letter due', 60, 'C', ['notice'], 'lawyer_letter', true, '2026-03-02'],
    ['after a lawyer letter, 119 days → lawsuit not yet', 119, 'C', ['notice', 'lawyer_letter'], 'lawsuit', false, '2026-05-01'],
    ['after a lawyer letter, 120 days → lawsuit due', 120, 'C', ['notice', 'lawyer_letter'], 'lawsuit', true, '2026-05-01'],
    ['after the lawsuit, 180 days → write-off due', 180, 'C', ['notice', 'lawyer_letter', 'lawsuit'], 'write_off', true, '2026-06-30'],
    ['200 days, nothing done → still the notice first (one rung at a time)', 200, 'D', [], 'notice', true, '2026-01-02'],
    ['written off → nothing next', 200, 'D', ['notice', 'write_off'], null, false, null],
  ])('%s', (_title, days, grade, done, next, isDue, dueOn) => {
    const p = ladderPosition({ dueDate: due, asOf: asOfAfter(days), grade, customerMaxDaysOverdue: days, done, writeOffPending: false }, policy);
    expect(p).toMatchObject({ daysOverdue: days, nextStep: next, isDue, nextStepDueOn: dueOn });
  });

  it('after a thank-you, another line of the customer 45 days overdue makes the notice due at once', () => {
    const p = ladderPosition({ dueDate: due, asOf: '2026-01-11', grade: 'A', customerMaxDaysOverdue: 45, done: ['thank_you'], writeOffPending: false }, policy);
    expect(p).toMatchObject({ nextStep: 'notice', isDue: true, nextStepDueOn: '2026-01-11' });
  });

  it('a pending write-off stops the ladder', () => {
    expect(ladderPosition({ dueDate: due, asOf: '2026-09-01', grade: 'C', customerMaxDaysOverdue: 243, done: ['notice'], writeOffPending: true }, policy))
      .toMatchObject({ nextStep: null, lastStep: 'notice', isDue: false });
  });
});

describe('which steps may be logged', () => {
  const line = { status: 'open', dueDate: '2026-01-01' };
  const ok = { asOf: '2026-01-02', writeOffPending: false, goodStanding: true };
  it.each<[string, { status: string; dueDate: string }, DunningStep, typeof ok, string | null]>([
    ['write-off of a line due today is refused (not overdue)', line, 'write_off', { ...ok, asOf: '2026-01-01' }, 'errors.dunningNotOverdue'],
    ['write-off of a line one day overdue is allowed', line, 'write_off', ok, null],
    ['nothing on a paid line', { ...line, status: 'paid' }, 'notice', ok, 'errors.dunningLineClosed'],
    ['nothing while a write-off waits', line, 'notice', { ...ok, writeOffPending: true }, 'errors.dunningWriteOffPending'],
    ['no thank-you out of good standing', line, 'thank_you', { ...ok, goodStanding: false }, 'errors.dunningThankYouNotInStanding'],
  ])('%s', (_t, l, step, c, key) => expect(stepRefusal(l, step, c)?.key ?? null).toBe(key));
});
