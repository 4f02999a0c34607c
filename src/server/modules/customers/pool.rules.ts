import { addDays, daysBetween, type IsoDate } from '../../../shared/dates.js';
import type { PolicyValues } from '../../platform/policies/policies.definitions.js';

export type ValueClass = 'A' | 'B' | 'C' | 'D';

export interface RecyclePolicy {
  noFollowUpDays: Record<ValueClass, number>;
  noDealDays: Record<ValueClass, number>;
  warningDays: number;
}

export interface OwnedCustomer {
  valueClass: ValueClass;
  isLocked: boolean;
  /** when the current owner got it (claim, assignment or creation) */
  ownedSince: IsoDate;
  lastFollowUpOn: IsoDate | null;
  lastDealOn: IsoDate | null;
}

export type RecycleVerdict =
  | { action: 'keep'; daysLeft: number | null }
  | { action: 'warn'; daysLeft: number; reason: 'no_follow_up' | 'no_deal' }
  | { action: 'recycle'; reason: 'no_follow_up' | 'no_deal' };

/**
 * Public-pool recycling (公海, domain §5.3/§17): a customer returns to the pool once it has had no
 * follow-up for N days or no deal for M days (per value class) — counted from the later of the last
 * event and the day the owner got it. Owners are warned in the last `warningDays` days. Locked
 * customers never recycle.
 */
export function recycleVerdict(customer: OwnedCustomer, policy: RecyclePolicy, asOf: IsoDate): RecycleVerdict {
  if (customer.isLocked) return { action: 'keep', daysLeft: null };
  const since = (event: IsoDate | null) => daysBetween(event && event > customer.ownedSince ? event : customer.ownedSince, asOf);
  const followUpLeft = policy.noFollowUpDays[customer.valueClass] - since(customer.lastFollowUpOn);
  const dealLeft = policy.noDealDays[customer.valueClass] - since(customer.lastDealOn);
  const reason = followUpLeft <= dealLeft ? 'no_follow_up' : 'no_deal';
  const daysLeft = Math.min(followUpLeft, dealLeft);
  if (daysLeft <= 0) return { action: 'recycle', reason };
  if (daysLeft <= policy.warningDays) return { action: 'warn', daysLeft, reason };
  return { action: 'keep', daysLeft };
}

export interface ClaimPolicy { ownedCap: number; claimsPerDay: number; reclaimCooldownDays: number }
export interface ClaimSituation {
  ownedCount: number;
  claimsToday: number;
  /** who owned it before it went to the pool, and when it was released */
  formerOwnerId: string | null;
  releasedOn: IsoDate | null;
}

export type ClaimRefusal = 'owned_cap' | 'claims_per_day' | 'cooldown' | null;

/** Whether a rep may claim a pool customer now: under the owned cap and daily claim limit, and past the former owner's cool-down. */
export function claimRefusal(actorId: string, s: ClaimSituation, policy: ClaimPolicy, asOf: IsoDate): ClaimRefusal {
  if (s.ownedCount >= policy.ownedCap) return 'owned_cap';
  if (s.claimsToday >= policy.claimsPerDay) return 'claims_per_day';
  if (s.formerOwnerId === actorId && s.releasedOn && daysBetween(s.releasedOn, asOf) < policy.reclaimCooldownDays) return 'cooldown';
  return null;
}

/** Fair rotation (轮流分配): the member after the last one assigned, in a fixed order; wraps round. */
export function nextInRotation(members: readonly string[], lastAssigned: string | null): string | null {
  if (members.length === 0) return null;
  const at = lastAssigned ? members.indexOf(lastAssigned) : -1;
  return members[(at + 1) % members.length]!;
}

/**
 * The day an owned customer returns to the pool unless something happens first — the same rule as
 * `recycleVerdict`, as a date (the recycle sweep computes it in SQL with the same formula). Locked
 * customers never return: null.
 */
export function recycleDueOn(customer: OwnedCustomer, policy: Pick<RecyclePolicy, 'noFollowUpDays' | 'noDealDays'>): IsoDate | null {
  if (customer.isLocked) return null;
  const from = (event: IsoDate | null) => (event && event > customer.ownedSince ? event : customer.ownedSince);
  const byFollowUp = addDays(from(customer.lastFollowUpOn), policy.noFollowUpDays[customer.valueClass]);
  const byDeal = addDays(from(customer.lastDealOn), policy.noDealDays[customer.valueClass]);
  return byFollowUp < byDeal ? byFollowUp : byDeal;
}

const classes: readonly ValueClass[] = ['A', 'B', 'C', 'D'];

/** The recycle rules of a workspace from its policy values (pool.noFollowUpDays.*, pool.noDealDays.*, pool.recycleWarningDays). */
export function recyclePolicyOf(values: PolicyValues): RecyclePolicy {
  return {
    noFollowUpDays: Object.fromEntries(classes.map((c) => [c, values[`pool.noFollowUpDays.${c}`]])) as Record<ValueClass, number>,
    noDealDays: Object.fromEntries(classes.map((c) => [c, values[`pool.noDealDays.${c}`]])) as Record<ValueClass, number>,
    warningDays: values['pool.recycleWarningDays'],
  };
}

/** The claim limits of a workspace from its policy values. */
export function claimPolicyOf(values: PolicyValues): ClaimPolicy {
  return { ownedCap: values['pool.ownedCap'], claimsPerDay: values['pool.claimsPerDay'], reclaimCooldownDays: values['pool.reclaimCooldownDays'] };
}

/** A rep may lock (锁定) another customer while the customers of theirs already locked stay under the lock cap. */
export function mayLock(lockedCount: number, lockCap: number): boolean {
  return lockedCount < lockCap;
}
