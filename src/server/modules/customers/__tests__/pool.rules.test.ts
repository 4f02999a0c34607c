import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/dates.js';
import { effectivePolicies } from '../../../platform/policies/policies.rules.js';
import {
  claimPolicyOf, claimRefusal, mayLock, nextInRotation, recycleDueOn, recyclePolicyOf, recycleVerdict, type RecyclePolicy,
} from '../pool.rules.js';

const policy: RecyclePolicy = {
  noFollowUpDays: { A: 60, B: 45, C: 30, D: 30 },
  noDealDays: { A: 180, B: 120, C: 90, D: 90 },
  warningDays: 3,
};
const base = { isLocked: false, ownedSince: '2026-01-01', lastDealOn: null };

describe('recycleVerdict (公海回收)', () => {
  it.each([
    // class, last follow-up, as of, expected action — N−1, N, N+1 days per class
    ['C', '2026-03-01', '2026-03-30', 'warn'],     // 29 days: 1 day left
    ['C', '2026-03-01', '2026-03-31', 'recycle'],  // 30 days
    ['C', '2026-03-01', '2026-04-01', 'recycle'],  // 31 days
    ['C', '2026-03-01', '2026-03-27', 'keep'],     // 26 days: 4 left, before the warning window
    ['C', '2026-03-01', '2026-03-28', 'warn'],     // 27 days: 3 left
    ['A', '2026-03-01', '2026-04-29', 'warn'],     // 59 days
    ['A', '2026-03-01', '2026-04-30', 'recycle'],  // 60 days
    ['B', '2026-03-01', '2026-04-14', 'warn'],     // 44 days
    ['B', '2026-03-01', '2026-04-15', 'recycle'],  // 45 days
    ['D', '2026-03-01', '2026-03-31', 'recycle'],  // 30 days
  ] as const)('class %s followed up %s, as of %s → %s', (valueClass, lastFollowUpOn, asOf, action) => {
    const ownedSince = '2026-02-15';
    const lastDealOn = '2026-02-20';
    expect(recycleVerdict({ ...base, valueClass, ownedSince, lastFollowUpOn, lastDealOn }, policy, asOf).action).toBe(action);
  });

  it('recycles for no deal even when followed up yesterday', () => {
    const v = recycleVerdict({ ...base, valueClass: 'C', ownedSince: '2026-01-01', lastFollowUpOn: '2026-03-30', lastDealOn: null }, policy, '2026-04-01');
    expect(v).toEqual({ action: 'recycle', reason: 'no_deal' }); // 90 days since owned
  });

  it('counts from the day the owner got it when that is later than the last follow-up', () => {
    const v = recycleVerdict({ ...base, valueClass: 'C', ownedSince: '2026-03-20', lastFollowUpOn: '2026-01-05', lastDealOn: null }, policy, '2026-04-01');
    expect(v).toEqual({ action: 'keep', daysLeft: 18 });
  });

  it('never recycles a locked customer', () => {
    expect(recycleVerdict({ ...base, valueClass: 'D', isLocked: true, lastFollowUpOn: null }, policy, '2027-01-01').action).toBe('keep');
  });
});

describe('claimRefusal (领取)', () => {
  const claimPolicy = { ownedCap: 200, claimsPerDay: 10, reclaimCooldownDays: 7 };
  const free = { ownedCount: 0, claimsToday: 0, formerOwnerId: null, releasedOn: null };
  it.each([
    [{ ...free, ownedCount: 199 }, null],
    [{ ...free, ownedCount: 200 }, 'owned_cap'],
    [{ ...free, claimsToday: 9 }, null],
    [{ ...free, claimsToday: 10 }, 'claims_per_day'],
    [{ ...free, formerOwnerId: 'me', releasedOn: '2026-03-25' }, 'cooldown'],   // 6 days
    [{ ...free, formerOwnerId: 'me', releasedOn: '2026-03-24' }, null],         // 7 days
    [{ ...free, formerOwnerId: 'other', releasedOn: '2026-03-31' }, null],      // someone else's former customer
  ] as const)('%j → %s', (situation, refusal) => {
    expect(claimRefusal('me', situation, claimPolicy, '2026-03-31')).toBe(refusal);
  });
});

describe('nextInRotation (值班轮流分配)', () => {
  it('gives every member the same number of visitors over whole rounds', () => {
    const members = ['a', 'b', 'c'];
    const counts: Record<string, number> = {};
    let last: string | null = null;
    for (let i = 0; i < 30; i++) {
      last = nextInRotation(members, last);
      counts[last!] = (counts[last!] ?? 0) + 1;
    }
    expect(counts).toEqual({ a: 10, b: 10, c: 10 });
  });

  it.each([
    [['a', 'b', 'c'], null, 'a'],
    [['a', 'b', 'c'], 'a', 'b'],
    [['a', 'b', 'c'], 'c', 'a'],
    [['a', 'c'], 'b', 'a'],   // the last one left the roster
    [[], null, null],
  ] as const)('members %j after %s → %s', (members, last, next) => expect(nextInRotation(members, last)).toBe(next));
});

describe('recycleDueOn (the day it returns to the pool)', () => {
  const cases = [
    { valueClass: 'C', ownedSince: '2026-01-01', lastFollowUpOn: '2026-03-01', lastDealOn: '2026-02-20' },
    { valueClass: 'A', ownedSince: '2026-03-20', lastFollowUpOn: '2026-01-05', lastDealOn: null },
    { valueClass: 'B', ownedSince: '2026-01-01', lastFollowUpOn: '2026-03-30', lastDealOn: null },
    { valueClass: 'D', ownedSince: '2026-02-15', lastFollowUpOn: null, lastDealOn: '2026-03-10' },
  ] as const;

  it.each(cases)('agrees with recycleVerdict on both sides of the day (%j)', (c) => {
    const customer = { ...c, isLocked: false };
    const due = recycleDueOn(customer, policy)!;
    expect(recycleVerdict(customer, policy, addDays(due, -1)).action).not.toBe('recycle');
    expect(recycleVerdict(customer, policy, due).action).toBe('recycle');
    expect(recycleVerdict(customer, policy, addDays(due, -policy.warningDays)).action).toBe('warn');
    expect(recycleVerdict(customer, policy, addDays(due, -policy.warningDays - 1)).action).toBe('keep');
  });

  it('counts from the later of the last follow-up and the day the owner got it', () => {
    expect(recycleDueOn({ valueClass: 'C', isLocked: false, ownedSince: '2026-03-20', lastFollowUpOn: '2026-01-05', lastDealOn: null }, policy)).toBe('2026-04-19');
  });

  it('a locked customer has no recycle day', () => {
    expect(recycleDueOn({ valueClass: 'C', isLocked: true, ownedSince: '2026-03-20', lastFollowUpOn: null, lastDealOn: null }, policy)).toBeNull();
  });
});

describe('policies → pool rules', () => {
  it('reads the per-class days, warning window and caps from the workspace policies', () => {
    const values = effectivePolicies({ 'pool.noFollowUpDays.A': 60, 'pool.claimsPerDay': 3 });
    expect(recyclePolicyOf(values)).toEqual({ noFollowUpDays: { A: 60, B: 30, C: 30, D: 30 }, noDealDays: { A: 90, B: 90, C: 90, D: 90 }, warningDays: 3 });
    expect(claimPolicyOf(values)).toEqual({ ownedCap: 200, claimsPerDay: 3, reclaimCooldownDays: 7 });
  });

  it.each([[19, 20, true], [20, 20, false], [0, 0, false]])('%i locked, cap %i → may lock %s', (locked, cap, allowed) => {
    expect(mayLock(locked, cap)).toBe(allowed);
  });
});
