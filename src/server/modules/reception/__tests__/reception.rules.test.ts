import { describe, expect, it } from 'vitest';
import { leadSources } from '../../../../shared/contracts/leads.contract.js';
import {
  MAX_PERIOD_DAYS, mayReassign, nextInRotation, periodError, routeByRotation, routeVisit, summariseDaily,
  type CustomerMatch, type RotationState, type RoutingDecision,
} from '../reception.rules.js';

const owned: CustomerMatch = { customerId: 'c1', field: 'phone', ownerId: 'owner', isOwnerEligible: true };
const pooled: CustomerMatch = { customerId: 'c2', field: 'name', ownerId: null, isOwnerEligible: false };
const ownerLeft: CustomerMatch = { customerId: 'c3', field: 'creditCode', ownerId: 'gone', isOwnerEligible: false };
const rotation = (over: Partial<RotationState> = {}): RotationState => ({ onDuty: ['a', 'b', 'c'], allReps: ['x', 'y'], lastUserId: null, owedMakeUp: null, ...over });

describe('routing order (domain §4.2): existing owner → named rep → make-up turn → duty rotation → all reps', () => {
  it.each([
    ['a customer owned by an active rep goes to the owner, even when the visitor names someone else', owned, 'named', rotation(), 'existing_owner', 'owner'],
    ['a customer in the pool does not count: the named rep gets it', pooled, 'named', rotation(), 'named_rep', 'named'],
    ['an owner who is no longer an active sales user does not count', ownerLeft, 'named', rotation(), 'named_rep', 'named'],
    ['no match, named rep', null, 'named', rotation(), 'named_rep', 'named'],
    ['pool customer, nobody named: rotation', pooled, null, rotation(), 'duty_rotation', 'a'],
    ['nobody known: first on duty', null, null, rotation(), 'duty_rotation', 'a'],
    ['nobody known: the one after the last turn', null, null, rotation({ lastUserId: 'a' }), 'duty_rotation', 'b'],
    ['after the last member the first again', null, null, rotation({ lastUserId: 'c' }), 'duty_rotation', 'a'],
    ['a make-up customer owed goes first', null, null, rotation({ lastUserId: 'a', owedMakeUp: { id: 'm1', userId: 'z' } }), 'duty_rotation', 'z'],
    ['nobody on duty: all reps, flagged', null, null, rotation({ onDuty: [] }), 'no_roster_fallback', 'x'],
    ['nobody on duty, make-up owed: the owed rep, still flagged fallback', null, null, rotation({ onDuty: [], owedMakeUp: { id: 'm1', userId: 'z' } }), 'no_roster_fallback', 'z'],
    ['an owner beats a make-up turn', owned, null, rotation({ owedMakeUp: { id: 'm1', userId: 'z' } }), 'existing_owner', 'owner'],
  ] as const)('%s', (_title, match, named, state, routedBy, assignee) => {
    const decision = routeVisit(match, named ? { id: named } : null, state);
    expect(decision).toMatchObject({ routedBy, assigneeId: assignee });
  });

  it('no sales rep at all: no decision (the desk is told to set up the roster)', () => {
    expect(routeVisit(null, null, rotation({ onDuty: [], allReps: [] }))).toBeNull();
  });

  it('only a rotation turn moves the day\'s pointer; a make-up turn is an extra turn', () => {
    expect(routeVisit(owned, null, rotation())?.advancesRotation).toBe(false);
    expect(routeVisit(null, { id: 'n' }, rotation())?.advancesRotation).toBe(false);
    expect(routeVisit(null, null, rotation())?.advancesRotation).toBe(true);
    expect(routeVisit(null, null, rotation({ owedMakeUp: { id: 'm1', userId: 'z' } }))).toMatchObject({ advancesRotation: false, makeUpId: 'm1' });
  });
});

describe('fair round-robin', () => {
  it.each([
    [[], null, null],
    [['a'], null, 'a'],
    [['a'], 'a', 'a'],
    [['a', 'b'], 'b', 'a'],
    [['a', 'b', 'c'], 'b', 'c'],
    [['a', 'b', 'c'], 'removed', 'a'],
  ] as const)('members %j after %s → %s', (members, last, next) => {
    expect(nextInRotation(members, last)).toBe(next);
  });

  it.each([[4, 40], [4, 39], [4, 41], [3, 10], [5, 1]])('%i members, %i new visitors: each gets the same number of turns ±1, in order', (size, visitors) => {
    const members = Array.from({ length: size }, (_, i) => `m${i}`);
    const counts = new Map(members.map((m) => [m, 0]));
    let last: string | null = null;
    const order: string[] = [];
    for (let i = 0; i < visitors; i++) {
      const decision: RoutingDecision = routeByRotation({ onDuty: members, allReps: [], lastUserId: last, owedMakeUp: null })!;
      counts.set(decision.assigneeId, counts.get(decision.assigneeId)! + 1);
      order.push(decision.assigneeId);
      last = decision.assigneeId;
    }
    const values = [...counts.values()];
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    expect(values.reduce((a, b) => a + b, 0)).toBe(visitors);
    expect(order.slice(0, size)).toEqual(members.slice(0, Math.min(size, visitors)));
  });

  it('a make-up turn does not cost the next member their turn', () => {
    const first = routeByRotation({ onDuty: ['a', 'b'], allReps: [], lastUserId: 'a', owedMakeUp: { id: 'm', userId: 'a' } })!;
    expect(first.assigneeId).toBe('a');
    const second = routeByRotation({ onDuty: ['a', 'b'], allReps: [], lastUserId: 'a', owedMakeUp: null })!;
    expect(second.assigneeId).toBe('b');
  });
});

describe('who may override an assignment', () => {
  const today = '2026-11-30';
  it.each([
    ['desk, same day', { isDesk: true, isManager: false, inScope: false, visitDate: today }, true],
    ['desk, the day before', { isDesk: true, isManager: false, inScope: false, visitDate: '2026-11-29' }, false],
    ['manager, in scope, any day', { isDesk: false, isManager: true, inScope: true, visitDate: '2026-10-01' }, true],
    ['manager, out of scope', { isDesk: false, isManager: true, inScope: false, visitDate: today }, false],
    ['rep (neither)', { isDesk: false, isManager: false, inScope: true, visitDate: today }, false],
  ] as const)('%s → %s', (_t, p, allowed) => {
    expect(mayReassign({ ...p, today })).toBe(allowed);
  });
});

describe('report periods', () => {
  it.each([
    ['2026-11-01', '2026-11-01', null],
    ['2026-11-02', '2026-11-01', 'errors.periodOrder'],
    ['2026-01-01', '2026-04-01', null], // 91 days
    ['2026-01-01', '2026-04-02', null], // 92 days
    ['2026-01-01', '2026-04-03', 'errors.periodTooLong'], // 93 days
  ])('%s … %s → %s', (from, to, error) => {
    expect(periodError(from, to)).toBe(error);
  });
  it('the limit is 92 days', () => expect(MAX_PERIOD_DAYS).toBe(92));
});

describe('daily report', () => {
  it('splits walk-ins into new and returning, counts calls, per day and channel, with every channel and day listed', () => {
    const report = summariseDaily('2026-11-01', '2026-11-02', leadSources, [
      { date: '2026-11-01', source: 'walk_in', kind: 'walk_in', isReturning: false, n: 3 },
      { date: '2026-11-01', source: 'walk_in', kind: 'walk_in', isReturning: true, n: 2 },
      { date: '2026-11-01', source: 'phone', kind: 'call', isReturning: true, n: 4 },
      { date: '2026-11-02', source: 'exhibition', kind: 'walk_in', isReturning: false, n: 1 },
    ]);
    expect(report.rows).toEqual([
      { date: '2026-11-01', source: 'phone', walkInNew: 0, walkInReturning: 0, calls: 4, total: 4 },
      { date: '2026-11-01', source: 'walk_in', walkInNew: 3, walkInReturning: 2, calls: 0, total: 5 },
      { date: '2026-11-02', source: 'exhibition', walkInNew: 1, walkInReturning: 0, calls: 0, total: 1 },
    ]);
    expect(report.bySource).toHaveLength(leadSources.length);
    expect(report.bySource.find((s) => s.source === 'online')).toEqual({ source: 'online', walkInNew: 0, walkInReturning: 0, calls: 0, total: 0 });
    expect(report.byDay).toEqual([
      { date: '2026-11-01', walkInNew: 3, walkInReturning: 2, calls: 4, total: 9 },
      { date: '2026-11-02', walkInNew: 1, walkInReturning: 0, calls: 0, total: 1 },
    ]);
    expect(report.totals).toEqual({ walkInNew: 4, walkInReturning: 2, calls: 4, total: 10 });
  });
});
