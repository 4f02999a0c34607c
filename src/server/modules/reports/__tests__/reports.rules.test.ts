import { describe, expect, it } from 'vitest';
import {
  conversionPercent, funnelCategoryRows, percentOf, roundDays, sumActivityCounts, teamSubtotals, winRatePercent, type RepCounts,
} from '../reports.rules.js';

describe('percentOf', () => {
  it.each([
    [0, 0, null], // nothing to divide by
    [1, 0, null],
    [0, 5, 0],
    [4, 5, 80],
    [2, 3, 66.7],
    [1, 3, 33.3],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25 rounds half up
    [5, 5, 100],
  ] as const)('%i of %i → %s %%', (part, whole, pct) => expect(percentOf(part, whole)).toBe(pct));
});

describe('conversionPercent: of the opportunities that entered a stage, the share that reached a later one', () => {
  it.each([
    [5, 4, false, 80],
    [0, 0, false, null], // nobody entered
    [3, 0, false, 0],
    [1, 0, true, null], // the order stage has no next stage
    [1, 1, true, null],
  ] as const)('entered %i, advanced %i, last %s → %s', (entered, advanced, isLast, pct) => expect(conversionPercent(entered, advanced, isLast)).toBe(pct));
});

describe('winRatePercent: won / (won + lost) closed in the period', () => {
  it.each([[0, 0, null], [1, 1, 50], [3, 0, 100], [0, 2, 0], [2, 1, 66.7]] as const)('won %i lost %i → %s', (won, lost, pct) => expect(winRatePercent(won, lost)).toBe(pct));
});

describe('roundDays', () => {
  it.each([[null, null], [3, 3], [2.5, 2.5], [2.25, 2.3], ['10', 10], ['x', null]] as const)('%s → %s', (value, days) => expect(roundDays(value)).toBe(days));
});

describe('funnelCategoryRows', () => {
  it('lists the categories top to bottom, zeros for empty ones, and the period\'s wins as the order category', () => {
    expect(funnelCategoryRows(
      [{ category: 'best_few', count: 2, amount: '100.5', weightedAmount: '60.3' }, { category: 'above', count: 1, amount: '10', weightedAmount: '1' }],
      { count: 3, amount: '900' },
    )).toEqual([
      { category: 'above', count: 1, amount: '10.00', weightedAmount: '1.00' },
      { category: 'in', count: 0, amount: '0.00', weightedAmount: '0.00' },
      { category: 'best_few', count: 2, amount: '100.50', weightedAmount: '60.30' },
      { category: 'order', count: 3, amount: '900.00', weightedAmount: '900.00' },
    ]);
  });
});

const zero = { visits: 0, calls: 0, emails: 0, meetings: 0, others: 0, callReportsSent: 0, tasksDone: 0, tasksOverdue: 0, visitsPlanned: 0, plannedVisitsDone: 0, plannedVisitsMissed: 0 };
const rep = (departmentId: string | null, departmentName: string | null, extra: Partial<typeof zero>): RepCounts => ({ ...zero, departmentId, departmentName, ...extra });

describe('sumActivityCounts and teamSubtotals', () => {
  it('recomputes adherence from the summed planned visits instead of averaging the reps\' percentages', () => {
    // rep A: 1 of 1 done (100 %); rep B: 1 of 3 done (33.3 %) → team 2 of 4 = 50 %, not 66.7 %
    const total = sumActivityCounts([
      rep('d1', '销售一部', { visitsPlanned: 1, plannedVisitsDone: 1 }),
      rep('d1', '销售一部', { visitsPlanned: 3, plannedVisitsDone: 1, plannedVisitsMissed: 2, visits: 4 }),
    ]);
    expect(total).toMatchObject({ visitsPlanned: 4, plannedVisitsDone: 2, plannedVisitsMissed: 2, visits: 4, adherencePercent: 50 });
  });

  it('gives no adherence when nothing planned is due yet', () => {
    expect(sumActivityCounts([rep(null, null, { visitsPlanned: 2 })]).adherencePercent).toBeNull();
    expect(sumActivityCounts([]).adherencePercent).toBeNull();
  });

  it('subtotals per department, in the order the reps come (the report sorts them by department), reps without one last', () => {
    const teams = teamSubtotals([
      rep(null, null, { calls: 1 }),
      rep('d2', '销售二部', { visits: 2 }),
      rep('d1', '销售一部', { visits: 1, tasksOverdue: 1 }),
      rep('d1', '销售一部', { visits: 3 }),
    ]);
    expect(teams.map((x) => [x.departmentName, x.reps, x.visits, x.calls, x.tasksOverdue])).toEqual([
      ['销售二部', 1, 2, 0, 0],
      ['销售一部', 2, 4, 0, 1],
      [null, 1, 0, 1, 0],
    ]);
  });
});
