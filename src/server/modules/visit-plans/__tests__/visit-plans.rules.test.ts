import { describe, expect, it } from 'vitest';
import {
  adherencePercent, boundingBox, checkInCoordinateProblem, checkVisitPlan, customersDueForVisit, effectiveItemStatus, executivesNotFirst,
  freeHalfDays, haversineKm, isExecutiveContact, isPeriodStart, isWeeklyPlanLate, nextWeekStart, orderDayRoute, orderRoute, pathKm, periodEndOf,
  periodStartOf, visitDue, visitIntervalsFrom, weeklyPlanDueDate, type PlanCheckInput, type PlannedSlot, type Point,
} from '../visit-plans.rules.js';

const intervals = visitIntervalsFrom({});

describe('plan periods (quarter → month → week starting Monday → day)', () => {
  it.each([
    ['quarter', '2026-11-30', '2026-10-01', '2026-12-31'],
    ['quarter', '2026-01-01', '2026-01-01', '2026-03-31'],
    ['quarter', '2026-06-30', '2026-04-01', '2026-06-30'],
    ['month', '2026-02-15', '2026-02-01', '2026-02-28'],
    ['week', '2026-11-30', '2026-11-30', '2026-12-06'], // a Monday
    ['week', '2026-12-06', '2026-11-30', '2026-12-06'], // its Sunday
    ['week', '2027-01-01', '2026-12-28', '2027-01-03'], // across the new year
    ['day', '2026-12-03', '2026-12-03', '2026-12-03'],
  ] as const)('%s containing %s starts %s and ends %s', (period, date, start, end) => {
    expect(periodStartOf(period, date)).toBe(start);
    expect(periodEndOf(period, start)).toBe(end);
    expect(isPeriodStart(period, start)).toBe(true);
  });
  it('a Tuesday does not start a week, the 2nd does not start a month', () => {
    expect(isPeriodStart('week', '2026-12-01')).toBe(false);
    expect(isPeriodStart('month', '2026-12-02')).toBe(false);
    expect(isPeriodStart('quarter', '2026-11-01')).toBe(false);
  });
});

describe('the weekly plan for next week is due every Friday (Asia/Shanghai calendar days)', () => {
  it('the plan of the week starting Monday 7 Dec is due Friday 4 Dec', () => expect(weeklyPlanDueDate('2026-12-07')).toBe('2026-12-04'));
  it('a workspace that moves the due day to Thursday gets Thursday 3 Dec', () => expect(weeklyPlanDueDate('2026-12-07', 4)).toBe('2026-12-03'));
  it.each([
    ['2026-11-30', '2026-12-07'], // Monday → next Monday
    ['2026-12-04', '2026-12-07'], // Friday
    ['2026-12-06', '2026-12-07'], // Sunday still belongs to the week of 30 Nov
  ])('as of %s, next week starts %s', (asOf, monday) => expect(nextWeekStart(asOf)).toBe(monday));
  it.each([
    ['Thursday, not submitted', null, '2026-12-03', false],
    ['Friday (the due day), not submitted yet', null, '2026-12-04', false],
    ['Saturday, not submitted', null, '2026-12-05', true],
    ['submitted on Thursday, seen later', '2026-12-03', '2026-12-09', false],
    ['submitted on Friday, seen later', '2026-12-04', '2026-12-09', false],
    ['submitted on Saturday', '2026-12-05', '2026-12-05', true],
  ] as const)('%s → late %s', (_label, submittedOn, asOf, late) => {
    expect(isWeeklyPlanLate({ weekStart: '2026-12-07', submittedOn }, asOf)).toBe(late);
  });
});

describe('route-plan visit frequency by value class (A weekly, B fortnightly, C monthly, D quarterly)', () => {
  it('reads the policy defaults and overrides', () => {
    expect(intervals).toEqual({ A: 7, B: 14, C: 30, D: 90 });
    expect(visitIntervalsFrom({ 'visits.frequencyDays.A': 10 }).A).toBe(10);
  });
  it.each([
    ['A visited 6 days ago', 'A', '2026-11-24', 'ok'],
    ['A visited 7 days ago', 'A', '2026-11-23', 'due'],
    ['A visited 8 days ago', 'A', '2026-11-22', 'overdue'],
    ['B visited 13 days ago', 'B', '2026-11-17', 'ok'],
    ['B visited 14 days ago', 'B', '2026-11-16', 'due'],
    ['C visited 30 days ago', 'C', '2026-10-31', 'due'],
    ['C visited 31 days ago', 'C', '2026-10-30', 'overdue'],
    ['D visited 89 days ago', 'D', '2026-09-02', 'ok'],
    ['D visited 91 days ago', 'D', '2026-08-31', 'overdue'],
    ['never visited', 'C', null, 'overdue'],
  ] as const)('%s, as of 30 Nov → %s', (_label, cls, last, status) => {
    expect(visitDue(last, intervals[cls], '2026-11-30').status).toBe(status);
  });
  it('lists the due and overdue customers, longest waiting first, never visited first of all', () => {
    const due = customersDueForVisit([
      { id: 'a-ok', valueClass: 'A', lastVisitOn: '2026-11-28' },
      { id: 'a-late', valueClass: 'A', lastVisitOn: '2026-11-01' },
      { id: 'c-due', valueClass: 'C', lastVisitOn: '2026-10-31' },
      { id: 'never', valueClass: 'B', lastVisitOn: null },
    ], '2026-11-30', intervals);
    expect(due.map((d) => [d.customer.id, d.status])).toEqual([['never', 'overdue'], ['a-late', 'overdue'], ['c-due', 'due']]);
  });
});

const slot = (id: string, plannedDate: string | null, halfDay: 'am' | 'pm' | null, over: Partial<PlannedSlot> = {}): PlannedSlot =>
  ({ id, customerId: `c-${id}`, plannedDate, halfDay, isExecutive: false, ...over });
const monday = '2026-12-07';
const weekDays = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
const fullWeek = weekDays.flatMap((d, i) => [slot(`${i}am`, d, 'am'), slot(`${i}pm`, d, 'pm')]);

describe('free half-days in a week plan (10 half-days Monday to Friday)', () => {
  it.each([
    ['an empty week', [], 10],
    ['all ten half-days booked', fullWeek, 0],
    ['nine booked', fullWeek.slice(0, 9), 1],
    ['two visits in one half-day take one slot', [slot('x', monday, 'am'), slot('y', monday, 'am')], 9],
    ['a visit without a half-day takes the whole day', [slot('x', monday, null)], 8],
    ['Saturday and the next Monday do not count', [slot('x', '2026-12-12', 'am'), slot('y', '2026-12-14', 'am')], 10],
  ] as const)('%s → %i free', (_label, items, free) => expect(freeHalfDays(items, monday)).toBe(free));
});

describe('senior executives are booked first in the week', () => {
  it.each([
    ['economic buyer', { title: null, buyingRole: 'economic_buyer' }, true],
    ['总经理', { title: '总经理', buyingRole: 'user_buyer' }, true],
    ['副总裁', { title: '副总裁', buyingRole: null }, true],
    ['CFO', { title: 'CFO', buyingRole: null }, true],
    ['采购经理', { title: '采购经理', buyingRole: 'technical_buyer' }, false],
    ['no title', { title: null, buyingRole: null }, false],
  ] as const)('%s → executive %s', (_label, contact, expected) => expect(isExecutiveContact(contact)).toBe(expected));
  it.each([
    ['executive on Monday am, others later', [slot('e', monday, 'am', { isExecutive: true }), slot('o', '2026-12-08', 'am')], []],
    ['executive and another visit in the same half-day', [slot('e', monday, 'am', { isExecutive: true }), slot('o', monday, 'am')], []],
    ['executive Monday pm after a Monday am visit', [slot('o', monday, 'am'), slot('e', monday, 'pm', { isExecutive: true })], ['e']],
    ['executive on Thursday after Tuesday visits', [slot('o', '2026-12-08', 'am'), slot('e', '2026-12-10', 'am', { isExecutive: true })], ['e']],
    ['only executives', [slot('e1', monday, 'am', { isExecutive: true }), slot('e2', '2026-12-11', 'pm', { isExecutive: true })], []],
  ] as const)('%s → %j', (_label, items, late) => expect(executivesNotFirst(items)).toEqual(late));
});

describe('the plan checks warn (never refuse)', () => {
  const base = (over: Partial<PlanCheckInput> = {}): PlanCheckInput => ({
    period: 'week', periodStart: monday, items: [], keyCustomers: [], intervals, minFreeHalfDays: 1, dueWeekday: 5, submittedOn: '2026-12-04', asOf: '2026-12-04', ...over,
  });
  const codes = (over: Partial<PlanCheckInput>) => checkVisitPlan(base(over)).map((w) => w.code);
  it('a light week submitted on Friday has no warnings', () => expect(codes({ items: fullWeek.slice(0, 6) })).toEqual([]));
  it('a fully booked week warns that no half-day is left free', () => expect(codes({ items: fullWeek })).toEqual(['no_free_half_day']));
  it('nine booked half-days leave the one required', () => expect(codes({ items: fullWeek.slice(0, 9) })).toEqual([]));
  it('a policy of two free half-days warns at nine booked', () => expect(codes({ items: fullWeek.slice(0, 9), minFreeHalfDays: 2 })).toEqual(['no_free_half_day']));
  it('an A customer due during the week and missing from the plan is named', () => {
    const warnings = checkVisitPlan(base({ keyCustomers: [{ id: 'key', valueClass: 'A', lastVisitOn: '2026-12-01' }, { id: 'fresh', valueClass: 'A', lastVisitOn: '2026-12-06' }] }));
    expect(warnings).toEqual([{ code: 'key_customer_overdue', customerIds: ['key'], itemIds: [], params: { count: 1 } }]);
  });
  it('the same customer in the plan clears the warning; a C customer never raises it', () => {
    expect(codes({ items: [slot('k', monday, 'am', { customerId: 'key' })], keyCustomers: [{ id: 'key', valueClass: 'A', lastVisitOn: '2026-11-01' }] })).toEqual([]);
    expect(codes({ keyCustomers: [{ id: 'c', valueClass: 'C', lastVisitOn: '2026-01-01' }] })).toEqual([]);
  });
  it('an executive visit after other visits warns and names the item', () => {
    const warnings = checkVisitPlan(base({ items: [slot('o', monday, 'am'), slot('e', '2026-12-09', 'am', { isExecutive: true })] }));
    expect(warnings).toMatchObject([{ code: 'executive_not_first', itemIds: ['e'] }]);
  });
  it('a week plan not submitted by Saturday is late; a month plan never is', () => {
    expect(codes({ submittedOn: null, asOf: '2026-12-05' })).toEqual(['weekly_plan_late']);
    expect(codes({ period: 'month', periodStart: '2026-12-01', submittedOn: null, asOf: '2026-12-20' })).toEqual([]);
  });
});

// a few Shanghai places
const pudong: Point = { lat: 31.2304, lng: 121.4737 };
const places: Point[] = [
  { lat: 31.2243, lng: 121.4768 }, // 新天地
  { lat: 31.1443, lng: 121.8083 }, // 浦东机场
  { lat: 31.2397, lng: 121.4998 }, // 陆家嘴
  { lat: 31.1979, lng: 121.3364 }, // 虹桥
  { lat: 31.2989, lng: 121.5020 }, // 五角场
];

describe('route ordering (nearest neighbour + 2-opt, never longer than the entered order)', () => {
  it('measures great-circle distances: Shanghai to Beijing is about 1,067 km', () => {
    expect(haversineKm({ lat: 31.2304, lng: 121.4737 }, { lat: 39.9042, lng: 116.4074 })).toBeCloseTo(1067, -1);
    expect(haversineKm(pudong, pudong)).toBe(0);
  });
  it.each([
    ['no stops', []],
    ['one stop', [places[0]!]],
    ['two stops', places.slice(0, 2)],
  ])('%s keeps the entered order', (_label, pts) => {
    const r = orderRoute(pts, pudong);
    expect(r.order).toEqual(pts.map((_, i) => i));
    expect(r.afterKm).toBe(r.beforeKm);
  });
  it('a zig-zag across Shanghai is shortened, and every stop is visited once', () => {
    const r = orderRoute(places, pudong);
    expect([...r.order].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(r.afterKm).toBeLessThan(r.beforeKm);
    expect(r.afterKm).toBeCloseTo(pathKm(r.order.map((i) => places[i]!), pudong), 9);
    // the airport is far out east: visited last
    expect(r.order.at(-1)).toBe(1);
  });
  it('an already optimal line stays as entered', () => {
    const line = [1, 2, 3, 4].map((k) => ({ lat: 31, lng: 121 + k * 0.01 }));
    const r = orderRoute(line, { lat: 31, lng: 121 });
    expect(r.order).toEqual([0, 1, 2, 3]);
    expect(r.afterKm).toBeCloseTo(r.beforeKm, 9);
  });
  it('without a start point the route may begin at any stop', () => {
    const line = [3, 1, 4, 2].map((k) => ({ lat: 31, lng: 121 + k * 0.01 }));
    const r = orderRoute(line, null);
    expect(r.order.map((i) => line[i]!.lng)).toEqual(expect.arrayContaining([121.01, 121.02, 121.03, 121.04]));
    expect(r.afterKm).toBeCloseTo(haversineKm({ lat: 31, lng: 121.01 }, { lat: 31, lng: 121.04 }), 6);
  });

  // property: over seeded random point sets, the ordered route is a permutation and never longer
  function lcg(seed: number) { let s = seed >>> 0; return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; }; }
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])('random set #%i: a permutation, never longer than entered', (seed) => {
    const rnd = lcg(seed);
    const n = 2 + Math.floor(rnd() * 14);
    const pts = Array.from({ length: n }, () => ({ lat: 30.9 + rnd() * 0.6, lng: 121.1 + rnd() * 0.8 }));
    const start = seed % 2 === 0 ? { lat: 31.2, lng: 121.5 } : null;
    const r = orderRoute(pts, start);
    expect([...r.order].sort((a, b) => a - b)).toEqual(pts.map((_, i) => i));
    expect(r.beforeKm).toBeCloseTo(pathKm(pts, start), 9);
    expect(r.afterKm).toBeCloseTo(pathKm(r.order.map((i) => pts[i]!), start), 9);
    expect(r.afterKm).toBeLessThanOrEqual(r.beforeKm + 1e-9);
  });
});

describe("a day's route keeps each visit in its half-day (morning, then afternoon, then unslotted)", () => {
  const at = (lng: number) => ({ lat: 31.23, lng });
  const home = at(121.25);
  type Stop = { point: { lat: number; lng: number }; halfDay: 'am' | 'pm' | null };
  const stop = (lng: number, halfDay: Stop['halfDay']): Stop => ({ point: at(lng), halfDay });
  it.each([
    // entered am, am, pm, pm zig-zagging: the east morning visit is not pushed into the afternoon
    ['am far east stays in the morning', [stop(121.30, 'am'), stop(121.60, 'am'), stop(121.35, 'pm'), stop(121.55, 'pm')], [0, 1, 3, 2]],
    // entered interleaved: the afternoon visit entered first still comes after the morning ones
    ['pm entered first goes after the morning', [stop(121.40, 'pm'), stop(121.30, 'am'), stop(121.50, 'am')], [1, 2, 0]],
    ['without a half-day: last', [stop(121.28, null), stop(121.50, 'pm'), stop(121.45, 'am')], [2, 1, 0]],
    ['one group only: as orderRoute', [stop(121.60, 'am'), stop(121.30, 'am'), stop(121.45, 'am')], [1, 2, 0]],
  ] as const)('%s', (_label, stops, expected) => {
    const r = orderDayRoute(stops, home);
    expect(r.order).toEqual(expected);
    expect(r.afterKm).toBeCloseTo(pathKm(r.order.map((i) => stops[i]!.point), home), 9);
    expect(r.afterKm).toBeLessThanOrEqual(r.beforeKm + 1e-9);
  });

  it('keeps the entered (half-day grouped) order when nothing shorter exists, and reports it as before = after', () => {
    const stops = [stop(121.30, 'am'), stop(121.40, 'am'), stop(121.50, 'pm')];
    expect(orderDayRoute(stops, home)).toEqual({ order: [0, 1, 2], beforeKm: pathKm(stops.map((s) => s.point), home), afterKm: pathKm(stops.map((s) => s.point), home) });
  });

  function lcg(seed: number) { let s = seed >>> 0; return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; }; }
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('random day #%i: a permutation with every morning visit before every afternoon one, never longer', (seed) => {
    const rnd = lcg(seed);
    const n = 2 + Math.floor(rnd() * 10);
    const stops = Array.from({ length: n }, (): Stop => ({ point: { lat: 30.9 + rnd() * 0.6, lng: 121.1 + rnd() * 0.8 }, halfDay: rnd() < 0.5 ? 'am' : rnd() < 0.8 ? 'pm' : null }));
    const r = orderDayRoute(stops, seed % 2 === 0 ? home : null);
    expect([...r.order].sort((a, b) => a - b)).toEqual(stops.map((_, i) => i));
    const rank = r.order.map((i) => { const h = stops[i]!.halfDay; return h === 'am' ? 0 : h === 'pm' ? 1 : 2; });
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    expect(r.afterKm).toBeLessThanOrEqual(r.beforeKm + 1e-9);
  });
});

describe('customers near a point: the bounding box holds every point within the radius', () => {
  it.each([
    ['Shanghai, 5 km', pudong, 5],
    ['Beijing, 50 km', { lat: 39.9042, lng: 116.4074 }, 50],
    ['Harbin, 200 km', { lat: 45.8, lng: 126.5 }, 200],
  ])('%s', (_label, center, radius) => {
    const box = boundingBox(center, radius);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      // a point just inside the radius in each direction
      const d = (radius * 0.999) / 6371.0088;
      const b = (bearing * Math.PI) / 180;
      const lat1 = (center.lat * Math.PI) / 180;
      const lng1 = (center.lng * Math.PI) / 180;
      const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
      const lng2 = lng1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
      const p = { lat: (lat2 * 180) / Math.PI, lng: (lng2 * 180) / Math.PI };
      expect(haversineKm(center, p)).toBeLessThan(radius);
      expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(p.lat).toBeLessThanOrEqual(box.maxLat);
      expect(p.lng).toBeGreaterThanOrEqual(box.minLng);
      expect(p.lng).toBeLessThanOrEqual(box.maxLng);
    }
  });
  it('near a pole or the date line the box spans every longitude', () => {
    expect(boundingBox({ lat: 89.95, lng: 0 }, 20)).toMatchObject({ minLng: -180, maxLng: 180, maxLat: 90 });
    expect(boundingBox({ lat: 0, lng: 179.99 }, 20)).toMatchObject({ minLng: -180, maxLng: 180 });
  });
});

describe('plan vs actual and check-in coordinates', () => {
  it.each([
    ['planned for yesterday, not done', 'planned', '2026-11-29', 'missed'],
    ['planned for today', 'planned', '2026-11-30', 'planned'],
    ['planned for tomorrow', 'planned', '2026-12-01', 'planned'],
    ['done', 'done', '2026-11-01', 'done'],
    ['undated (a quarter-plan line)', 'planned', null, 'planned'],
  ] as const)('%s → %s', (_label, status, plannedDate, expected) => expect(effectiveItemStatus({ status, plannedDate }, '2026-11-30')).toBe(expected));
  it.each([[0, 0, null], [3, 1, 75], [2, 1, 66.7], [0, 4, 0]] as const)('%i done, %i missed → %s %%', (done, missed, pct) => expect(adherencePercent(done, missed)).toBe(pct));
  it.each([
    [31.23, 121.47, null],
    [-90, -180, null],
    [90, 180, null],
    [90.0001, 121, 'latitude'],
    [-91, 121, 'latitude'],
    [31, 180.5, 'longitude'],
    [31, -181, 'longitude'],
    [Number.NaN, 121, 'latitude'],
    [0, 0, 'latitude'],
    [0, 121, null],
  ] as const)('(%s, %s) → field at fault %s', (lat, lng, field) => expect(checkInCoordinateProblem(lat, lng)?.field ?? null).toBe(field));
});
