import type { HalfDay, VisitItemStatus, VisitPlanPeriod, VisitWarningCode } from '../../../shared/contracts/visit-plans.contract.js';
import { addDays, addMonths, daysBetween, type IsoDate } from '../../../shared/dates.js';

/*
 * Visit planning (拜访计划) and territory (区域管理), domain §7.1. Pure rules over plain data: the
 * period cascade, the weekly plan's due date, visit frequency by value class, the plan checks (they
 * warn, never refuse), route ordering on coordinates, plan vs actual and check-in coordinates.
 */

// ── periods ───────────────────────────────────────────────────────────────────────────────────

/** ISO weekday of a calendar date: Monday 1 … Sunday 7. */
export function isoWeekday(date: IsoDate): number {
  // 1 January 2024 was a Monday
  return ((daysBetween('2024-01-01', date) % 7) + 7) % 7 + 1;
}

/** The first day of the period containing `date`: quarter (1 Jan/Apr/Jul/Oct), month (the 1st), week (Monday), day. */
export function periodStartOf(period: VisitPlanPeriod, date: IsoDate): IsoDate {
  const [y, m] = date.split('-') as [string, string];
  switch (period) {
    case 'quarter': return `${y}-${String(Math.floor((Number(m) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    case 'month': return `${y}-${m}-01`;
    case 'week': return addDays(date, 1 - isoWeekday(date));
    case 'day': return date;
  }
}

export const isPeriodStart = (period: VisitPlanPeriod, date: IsoDate): boolean => periodStartOf(period, date) === date;

/** The last day of the period that starts on `start`. */
export function periodEndOf(period: VisitPlanPeriod, start: IsoDate): IsoDate {
  switch (period) {
    case 'quarter': return addDays(addMonths(start, 3), -1);
    case 'month': return addDays(addMonths(start, 1), -1);
    case 'week': return addDays(start, 6);
    case 'day': return start;
  }
}

/** The cascade quarter → month → week → day: the kind of plan that encloses a plan of this kind. */
export function parentPeriodOf(period: VisitPlanPeriod): VisitPlanPeriod | null {
  return ({ quarter: null, month: 'quarter', week: 'month', day: 'week' } as const)[period];
}

/** The last working day a plan covers: a week plan's Friday, otherwise the period's last day. */
export function lastWorkingDayOf(period: VisitPlanPeriod, start: IsoDate): IsoDate {
  return period === 'week' ? addDays(start, 4) : periodEndOf(period, start);
}

/** The Monday of the week after the one containing `asOf`: the week the weekly plan is written for. */
export const nextWeekStart = (asOf: IsoDate): IsoDate => addDays(periodStartOf('week', asOf), 7);

/**
 * The weekly plan for next week is due to the supervisor every Friday (domain §7.1): the due date of
 * the plan of the week starting `weekStart` (a Monday) is that weekday of the week before
 * (policy `visits.weeklyPlanDueWeekday`, default 5 = Friday, so the Friday before its Monday).
 */
export function weeklyPlanDueDate(weekStart: IsoDate, dueWeekday = 5): IsoDate {
  return addDays(weekStart, -7 + (dueWeekday - 1));
}

/**
 * A weekly plan is late when it was submitted after its due date, or is still not submitted once the
 * due date has passed. Submitting on the due day itself is on time.
 */
export function isWeeklyPlanLate(plan: { weekStart: IsoDate; submittedOn: IsoDate | null }, asOf: IsoDate, dueWeekday = 5): boolean {
  const due = weeklyPlanDueDate(plan.weekStart, dueWeekday);
  return (plan.submittedOn ?? asOf) > due;
}

// ── visit frequency (route plan) ──────────────────────────────────────────────────────────────

export const valueClasses = ['A', 'B', 'C', 'D'] as const;
export type ValueClass = (typeof valueClasses)[number];
export type VisitIntervals = Record<ValueClass, number>;
/** Key customers (重点客户): value classes A and B. */
export const isKeyCustomer = (valueClass: string): boolean => valueClass === 'A' || valueClass === 'B';

/** The route-plan visit interval in days per value class from the policies (defaults A 7, B 14, C 30, D 90). */
export function visitIntervalsFrom(policies: Record<string, number | string>): VisitIntervals {
  const of = (c: ValueClass, fallback: number) => Number(policies[`visits.frequencyDays.${c}`] ?? fallback);
  return { A: of('A', 7), B: of('B', 14), C: of('C', 30), D: of('D', 90) };
}

export type VisitDueStatus = 'ok' | 'due' | 'overdue';

/**
 * Whether a route-plan customer is due for a visit as of a day: the next visit is due `interval` days
 * after the last one; on that day it is due, after it overdue. Never visited → overdue (and no date).
 */
export function visitDue(lastVisitOn: IsoDate | null, intervalDays: number, asOf: IsoDate): { status: VisitDueStatus; nextDueOn: IsoDate | null; daysOverdue: number | null } {
  if (!lastVisitOn) return { status: 'overdue', nextDueOn: null, daysOverdue: null };
  const nextDueOn = addDays(lastVisitOn, intervalDays);
  const late = daysBetween(nextDueOn, asOf);
  return { status: late < 0 ? 'ok' : late === 0 ? 'due' : 'overdue', nextDueOn, daysOverdue: late > 0 ? late : 0 };
}

export interface RouteCustomer { id: string; valueClass: string; lastVisitOn: IsoDate | null }

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The customers due or overdue for a visit as of a day, the longest waiting first (never visited first of all), then by value class. */
export function customersDueForVisit<C extends RouteCustomer>(list: readonly C[], asOf: IsoDate, intervals: VisitIntervals) {
  return list
    .map((c) => ({ customer: c, ...visitDue(c.lastVisitOn, intervals[(valueClasses as readonly string[]).includes(c.valueClass) ? c.valueClass as ValueClass : 'C'], asOf) }))
    .filter((d) => d.status !== 'ok')
    .sort((a, b) => compare(a.nextDueOn ?? '', b.nextDueOn ?? '') || compare(a.customer.valueClass, b.customer.valueClass) || compare(a.customer.id, b.customer.id));
}

// ── weekly plan checks (warn, never refuse) ───────────────────────────────────────────────────

export interface PlannedSlot { id: string; customerId: string; plannedDate: IsoDate | null; halfDay: HalfDay | null; isExecutive: boolean }

const HALF_DAYS_PER_WEEK = 10;

/** Half-days Monday to Friday of the week with nothing booked (10 in all); an item without a half-day takes the whole day. */
export function freeHalfDays(items: readonly Pick<PlannedSlot, 'plannedDate' | 'halfDay'>[], weekStart: IsoDate): number {
  const friday = addDays(weekStart, 4);
  const taken = new Set<string>();
  for (const i of items) {
    if (!i.plannedDate || i.plannedDate < weekStart || i.plannedDate > friday) continue;
    for (const h of i.halfDay ? [i.halfDay] : (['am', 'pm'] as const)) taken.add(`${i.plannedDate}:${h}`);
  }
  return HALF_DAYS_PER_WEEK - taken.size;
}

const executiveTitle = /(董事长|董事|总裁|总经理|副总|总监|厂长|院长|局长|处长|主任|CEO|CFO|CTO|COO|CIO|chair|president|chief|director|general manager|\bVP\b|vice president|owner)/i;

/** A senior executive (高层): the economic buyer on the buying side, or a title of the top management. */
export function isExecutiveContact(contact: { title: string | null; buyingRole: string | null }): boolean {
  return contact.buyingRole === 'economic_buyer' || (contact.title !== null && executiveTitle.test(contact.title));
}

const slotKey = (i: Pick<PlannedSlot, 'plannedDate' | 'halfDay'>) => `${i.plannedDate}:${i.halfDay === 'pm' ? 1 : 0}`;

/**
 * Senior executives are booked first (their diaries fill first): the executive visits should take the
 * earliest slots of the week. Returns the executive visits placed after some other visit's slot.
 */
export function executivesNotFirst(items: readonly PlannedSlot[]): string[] {
  const dated = items.filter((i) => i.plannedDate);
  const others = dated.filter((i) => !i.isExecutive).map(slotKey).sort();
  const earliestOther = others[0];
  if (earliestOther === undefined) return [];
  return dated.filter((i) => i.isExecutive && slotKey(i) > earliestOther).map((i) => i.id);
}

export interface PlanCheckInput {
  period: VisitPlanPeriod;
  periodStart: IsoDate;
  items: readonly PlannedSlot[];
  /** the owner's key (A/B) customers with their last visit */
  keyCustomers: readonly RouteCustomer[];
  intervals: VisitIntervals;
  /** policy visits.freeHalfDaysPerWeek (default 1) */
  minFreeHalfDays: number;
  dueWeekday: number;
  submittedOn: IsoDate | null;
  asOf: IsoDate;
}

export interface PlanWarning { code: VisitWarningCode; customerIds: string[]; itemIds: string[]; params: Record<string, unknown> }

/**
 * The plan checks of domain §7.1 (they warn, never refuse): a week plan leaves at least the policy's
 * free half-days (default 1 of the 10); every key customer (A/B) that will be due for a visit by the
 * plan's last working day is in the plan; executive visits come first in the week; a week plan is
 * submitted by its due Friday.
 */
export function checkVisitPlan(input: PlanCheckInput): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  if (input.period === 'week') {
    const free = freeHalfDays(input.items, input.periodStart);
    if (free < input.minFreeHalfDays) warnings.push({ code: 'no_free_half_day', customerIds: [], itemIds: [], params: { free, min: input.minFreeHalfDays } });
  }
  const planned = new Set(input.items.map((i) => i.customerId));
  const byEnd = lastWorkingDayOf(input.period, input.periodStart);
  const missing = customersDueForVisit(input.keyCustomers.filter((c) => isKeyCustomer(c.valueClass)), byEnd, input.intervals)
    .filter((d) => !planned.has(d.customer.id));
  if (missing.length > 0) warnings.push({ code: 'key_customer_overdue', customerIds: missing.map((d) => d.customer.id), itemIds: [], params: { count: missing.length } });
  if (input.period === 'week' || input.period === 'day') {
    const late = executivesNotFirst(input.items);
    if (late.length > 0) warnings.push({ code: 'executive_not_first', customerIds: [], itemIds: late, params: { count: late.length } });
  }
  if (input.period === 'week' && isWeeklyPlanLate({ weekStart: input.periodStart, submittedOn: input.submittedOn }, input.asOf, input.dueWeekday)) {
    warnings.push({ code: 'weekly_plan_late', customerIds: [], itemIds: [], params: { dueDate: weeklyPlanDueDate(input.periodStart, input.dueWeekday) } });
  }
  return warnings;
}

// ── route ordering ────────────────────────────────────────────────────────────────────────────

export interface Point { lat: number; lng: number }

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine). */
export function haversineKm(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of an open path visiting `points` in order, from `start` when given. */
export function pathKm(points: readonly Point[], start: Point | null = null): number {
  const seq = start ? [start, ...points] : points;
  let total = 0;
  for (let i = 1; i < seq.length; i++) total += haversineKm(seq[i - 1]!, seq[i]!);
  return total;
}

function nearestNeighbour(points: readonly Point[], from: Point | null, firstIndex: number | null): number[] {
  const left = new Set(points.map((_, i) => i));
  const order: number[] = [];
  let at = from;
  if (firstIndex !== null) { order.push(firstIndex); left.delete(firstIndex); at = points[firstIndex]!; }
  while (left.size > 0) {
    let best = -1;
    let bestKm = Infinity;
    for (const i of left) {
      const km = at ? haversineKm(at, points[i]!) : 0;
      if (km < bestKm || (km === bestKm && i < best)) { best = i; bestKm = km; }
    }
    order.push(best);
    left.delete(best);
    at = points[best]!;
  }
  return order;
}

/** 2-opt on an open path (the start, when given, stays first): reverse segments while that shortens it. */
function twoOpt(points: readonly Point[], order: number[], start: Point | null): number[] {
  const seq = order.slice();
  const at = (k: number): Point | null => (k < 0 ? start : k >= seq.length ? null : points[seq[k]!]!);
  const d = (a: Point | null, b: Point | null) => (a && b ? haversineKm(a, b) : 0);
  for (let pass = 0, improved = true; improved && pass < 100; pass++) {
    improved = false;
    for (let i = 0; i < seq.length - 1; i++) {
      for (let k = i + 1; k < seq.length; k++) {
        // edges (i-1 → i) and (k → k+1) become (i-1 → k) and (i → k+1)
        const delta = d(at(i - 1), at(k)) + d(at(i), at(k + 1)) - d(at(i - 1), at(i)) - d(at(k), at(k + 1));
        if (delta < -1e-9) {
          seq.splice(i, k - i + 1, ...seq.slice(i, k + 1).reverse());
          improved = true;
        }
      }
    }
  }
  return seq;
}

/**
 * A day's visits ordered to shorten travel (domain §7.1): nearest neighbour from the start point (or
 * from each stop when there is none), improved by 2-opt, compared with the entered order improved by
 * 2-opt — the shortest wins, so the result is never longer than the entered order.
 */
export function orderRoute(points: readonly Point[], start: Point | null = null): { order: number[]; beforeKm: number; afterKm: number } {
  const input = points.map((_, i) => i);
  const beforeKm = pathKm(points, start);
  if (points.length < 2) return { order: input, beforeKm, afterKm: beforeKm };
  const seeds: number[][] = [input];
  if (start) seeds.push(nearestNeighbour(points, start, null));
  else for (let f = 0; f < points.length && f < 40; f++) seeds.push(nearestNeighbour(points, null, f));
  let best = input;
  let bestKm = beforeKm;
  for (const seed of seeds) {
    const improved = twoOpt(points, seed, start);
    const km = pathKm(improved.map((i) => points[i]!), start);
    if (km < bestKm - 1e-9) { best = improved; bestKm = km; }
  }
  return { order: best, beforeKm, afterKm: bestKm };
}

const halfDayOrder = (h: HalfDay | null) => (h === 'am' ? 0 : h === 'pm' ? 1 : 2);

/**
 * A day's route that keeps each visit in its half-day (domain §7.1): the morning's visits first,
 * then the afternoon's, then any without a half-day, each group ordered by orderRoute from where the
 * previous group ended. "Before" is the entered order with the half-days kept the same way; when the
 * grouped optimisation is not shorter, that order stays — never longer than what the rep entered.
 */
export function orderDayRoute(stops: readonly { point: Point; halfDay: HalfDay | null }[], start: Point | null = null): { order: number[]; beforeKm: number; afterKm: number } {
  const entered = stops.map((_, i) => i).sort((a, b) => halfDayOrder(stops[a]!.halfDay) - halfDayOrder(stops[b]!.halfDay) || a - b);
  const pointsOf = (order: number[]) => order.map((i) => stops[i]!.point);
  const beforeKm = pathKm(pointsOf(entered), start);
  const order: number[] = [];
  for (const group of [0, 1, 2]) {
    const members = entered.filter((i) => halfDayOrder(stops[i]!.halfDay) === group);
    const from = order.length > 0 ? stops[order.at(-1)!]!.point : start;
    order.push(...orderRoute(pointsOf(members), from).order.map((k) => members[k]!));
  }
  const afterKm = pathKm(pointsOf(order), start);
  return afterKm < beforeKm - 1e-9 ? { order, beforeKm, afterKm } : { order: entered, beforeKm, afterKm: beforeKm };
}

/** A latitude/longitude box around a point that contains every point within `radiusKm` (the index prefilter of "near me"). */
export function boundingBox(center: Point, radiusKm: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const dLat = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
  const minLat = Math.max(-90, center.lat - dLat);
  const maxLat = Math.min(90, center.lat + dLat);
  const widest = Math.max(Math.abs(minLat), Math.abs(maxLat));
  if (widest >= 89.9) return { minLat, maxLat, minLng: -180, maxLng: 180 };
  const dLng = dLat / Math.cos(rad(widest));
  if (center.lng - dLng < -180 || center.lng + dLng > 180) return { minLat, maxLat, minLng: -180, maxLng: 180 };
  return { minLat, maxLat, minLng: center.lng - dLng, maxLng: center.lng + dLng };
}

// ── plan vs actual, check-ins ─────────────────────────────────────────────────────────────────

/** A planned visit whose day has passed without being done counts as missed. */
export function effectiveItemStatus(item: { status: VisitItemStatus; plannedDate: IsoDate | null }, asOf: IsoDate): VisitItemStatus {
  if (item.status !== 'planned') return item.status;
  return item.plannedDate !== null && item.plannedDate < asOf ? 'missed' : 'planned';
}

/** Plan adherence: done / (done + missed) in percent, one decimal; nothing due yet → null. */
export function adherencePercent(done: number, missed: number): number | null {
  return done + missed === 0 ? null : Math.round((done * 1000) / (done + missed)) / 10;
}

/**
 * The coordinates of a field check-in: a real place on Earth. 0,0 (in the Gulf of Guinea) is what a
 * phone reports when it has no fix, so it is refused too. Returns the field at fault and the message key.
 */
export function checkInCoordinateProblem(lat: number, lng: number): { field: 'latitude' | 'longitude'; key: string } | null {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) return { field: 'latitude', key: 'errors.latitudeRange' };
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) return { field: 'longitude', key: 'errors.longitudeRange' };
  if (lat === 0 && lng === 0) return { field: 'latitude', key: 'errors.checkInNoFix' };
  return null;
}
