import type { LeadSource } from '../../../shared/contracts/leads.contract.js';
import type { AutoRoutedBy, VisitKind } from '../../../shared/contracts/reception.contract.js';
import { addDays, daysBetween, type IsoDate } from '../../../shared/dates.js';

/** A customer the visitor matched in the duplicate check (查重); `ownerId` null = in the public pool. */
export interface CustomerMatch { customerId: string; field: 'creditCode' | 'name' | 'phone'; ownerId: string | null; isOwnerEligible: boolean }

/** The salesperson the visitor names, already checked to be an active sales user. */
export interface NamedRep { id: string }

export interface RotationState {
  /** today's on-duty members (值班小组), active sales users, in rotation order */
  onDuty: readonly string[];
  /** every active sales rep, in a stable order: the fallback when nobody is on duty */
  allReps: readonly string[];
  /** who had the last rotation turn today (null: nobody yet) */
  lastUserId: string | null;
  /** the oldest approved make-up customer (补客户) still owed, if any */
  owedMakeUp: { id: string; userId: string } | null;
}

export interface RoutingDecision {
  routedBy: AutoRoutedBy;
  assigneeId: string;
  /** a rotation turn was taken: the day's pointer moves to the assignee */
  advancesRotation: boolean;
  makeUpId: string | null;
}

/**
 * Who the visitor sees, before any rotation (domain §4.2 step 1): the owner of the customer they
 * match (a pool customer has nobody, and an owner who left does not count), else the rep they name.
 */
export function routeByRelationship(match: CustomerMatch | null, namedRep: NamedRep | null): RoutingDecision | null {
  if (match?.ownerId && match.isOwnerEligible) return { routedBy: 'existing_owner', assigneeId: match.ownerId, advancesRotation: false, makeUpId: null };
  if (namedRep) return { routedBy: 'named_rep', assigneeId: namedRep.id, advancesRotation: false, makeUpId: null };
  return null;
}

/** The member after `lastUserId` in rotation order; the first when the last one is not (or no longer) in the group. */
export function nextInRotation(members: readonly string[], lastUserId: string | null): string | null {
  if (members.length === 0) return null;
  const at = lastUserId ? members.indexOf(lastUserId) : -1;
  return members[(at + 1) % members.length]!;
}

/**
 * A new customer (step 2): a rep owed a make-up customer goes first (an extra turn: the pointer
 * stays); otherwise the next member of today's on-duty group; when nobody is on duty, the next of
 * all sales reps (flagged `no_roster_fallback`). Null when there is no sales rep at all.
 */
export function routeByRotation(state: RotationState): RoutingDecision | null {
  const pool = state.onDuty.length > 0 ? state.onDuty : state.allReps;
  const routedBy: AutoRoutedBy = state.onDuty.length > 0 ? 'duty_rotation' : 'no_roster_fallback';
  if (state.owedMakeUp) return { routedBy, assigneeId: state.owedMakeUp.userId, advancesRotation: false, makeUpId: state.owedMakeUp.id };
  const next = nextInRotation(pool, state.lastUserId);
  return next ? { routedBy, assigneeId: next, advancesRotation: true, makeUpId: null } : null;
}

/** The whole routing order of domain §4.2: existing owner → named rep → make-up turn → duty rotation → fallback. */
export function routeVisit(match: CustomerMatch | null, namedRep: NamedRep | null, rotation: RotationState): RoutingDecision | null {
  return routeByRelationship(match, namedRep) ?? routeByRotation(rotation);
}

/**
 * Who may override an automatic assignment: the front desk on the day of the visit, a sales
 * manager or supervisor for visits within their data scope. Never to the current assignee.
 */
export function mayReassign(p: { isDesk: boolean; isManager: boolean; inScope: boolean; visitDate: IsoDate; today: IsoDate }): boolean {
  if (p.isManager && p.inScope) return true;
  return p.isDesk && p.visitDate === p.today;
}

/** The longest period a roster read or write and a report may span (days, inclusive). */
export const MAX_PERIOD_DAYS = 92;

/** Checks a from…to period: ordered and at most MAX_PERIOD_DAYS long. Returns the error key or null. */
export function periodError(from: IsoDate, to: IsoDate): 'errors.periodOrder' | 'errors.periodTooLong' | null {
  if (to < from) return 'errors.periodOrder';
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) return 'errors.periodTooLong';
  return null;
}

export function datesOf(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface DailyCountRow { date: IsoDate; source: LeadSource; kind: VisitKind; isReturning: boolean; n: number }
interface Counts { walkInNew: number; walkInReturning: number; calls: number; total: number }
const zero = (): Counts => ({ walkInNew: 0, walkInReturning: 0, calls: 0, total: 0 });

function add(into: Counts, row: DailyCountRow) {
  if (row.kind === 'call') into.calls += row.n;
  else if (row.isReturning) into.walkInReturning += row.n;
  else into.walkInNew += row.n;
  into.total += row.n;
}

/**
 * The daily reception report (domain §4.2 step 4): walk-ins new vs returning (returning = routed to
 * the owner of an existing customer) and calls, per day and channel, with totals per channel (every
 * channel, zeros included) and per day (every day of the period).
 */
export function summariseDaily(from: IsoDate, to: IsoDate, sources: readonly LeadSource[], counted: readonly DailyCountRow[]) {
  const cells = new Map<string, Counts & { date: IsoDate; source: LeadSource }>();
  const bySource = new Map(sources.map((s) => [s, zero()]));
  const byDay = new Map(datesOf(from, to).map((d) => [d, zero()]));
  const totals = zero();
  for (const row of counted) {
    const key = `${row.date}|${row.source}`;
    if (!cells.has(key)) cells.set(key, { date: row.date, source: row.source, ...zero() });
    add(cells.get(key)!, row);
    if (bySource.has(row.source)) add(bySource.get(row.source)!, row);
    if (byDay.has(row.date)) add(byDay.get(row.date)!, row);
    add(totals, row);
  }
  const sourceOrder = (s: LeadSource) => sources.indexOf(s);
  return {
    from, to,
    rows: [...cells.values()].sort((a, b) => (a.date === b.date ? sourceOrder(a.source) - sourceOrder(b.source) : a.date < b.date ? -1 : 1)),
    bySource: [...bySource.entries()].map(([source, c]) => ({ source, ...c })),
    byDay: [...byDay.entries()].map(([date, c]) => ({ date, ...c })),
    totals,
  };
}
