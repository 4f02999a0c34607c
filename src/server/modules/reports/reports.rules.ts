import type { FunnelCategory } from '../../../shared/contracts/opportunities.contract.js';
import { funnelCategories } from '../../../shared/contracts/opportunities.contract.js';
import type { ActivityCountsDto } from '../../../shared/contracts/reports.contract.js';
import { money, type Money } from '../../../shared/money.js';

/** `part / whole × 100` with one decimal (half away from zero); nothing to divide by → null. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/**
 * Stage-to-stage conversion (domain §15): of the opportunities that entered a stage in the period,
 * the share that later reached a later stage. The order (last) stage has no next stage → null.
 */
export function conversionPercent(entered: number, advanced: number, isLastStage: boolean): number | null {
  return isLastStage ? null : percentOf(advanced, entered);
}

/** Win rate: won / (won + lost) of the opportunities closed in the period. */
export function winRatePercent(won: number, lost: number): number | null {
  return percentOf(won, won + lost);
}

/** Median days in stage as shown: one decimal; no exits → null. */
export function roundDays(value: number | string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n * 10) / 10 : null;
}

export interface CategoryFigures { category: FunnelCategory; count: number; amount: Money; weightedAmount: Money }

/**
 * The funnel's categories top to bottom (above → in → best few → order), every one present (zeros
 * when empty). The order category counts the period's wins: open opportunities never sit in it.
 */
export function funnelCategoryRows(open: readonly CategoryFigures[], won: { count: number; amount: Money }): CategoryFigures[] {
  return funnelCategories.map((category) => {
    if (category === 'order') return { category, count: won.count, amount: money.format(won.amount), weightedAmount: money.format(won.amount) };
    const row = open.find((r) => r.category === category);
    return { category, count: row?.count ?? 0, amount: money.format(row?.amount ?? '0'), weightedAmount: money.format(row?.weightedAmount ?? '0') };
  });
}

type Counts = Omit<ActivityCountsDto, 'adherencePercent'>;
const countKeys = [
  'visits', 'calls', 'emails', 'meetings', 'others', 'callReportsSent', 'tasksDone', 'tasksOverdue', 'visitsPlanned', 'plannedVisitsDone', 'plannedVisitsMissed',
] as const satisfies readonly (keyof Counts)[];

/** Sums activity counts; adherence of the sum is recomputed from the summed planned visits, never averaged. */
export function sumActivityCounts(rows: readonly Counts[]): ActivityCountsDto {
  const sum = Object.fromEntries(countKeys.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)])) as Counts;
  return { ...sum, adherencePercent: percentOf(sum.plannedVisitsDone, sum.plannedVisitsDone + sum.plannedVisitsMissed) };
}

export interface RepCounts extends Counts { departmentId: string | null; departmentName: string | null }

/** Team (department) subtotals of the reps' rows, teams in the order their reps come, "no department" last. */
export function teamSubtotals<R extends RepCounts>(reps: readonly R[]) {
  const byTeam = new Map<string | null, R[]>();
  for (const r of reps) byTeam.set(r.departmentId, [...(byTeam.get(r.departmentId) ?? []), r]);
  const teams = [...byTeam.entries()]
    .map(([departmentId, members]) => ({ departmentId, departmentName: members[0]!.departmentName, reps: members.length, ...sumActivityCounts(members) }));
  return [...teams.filter((x) => x.departmentId !== null), ...teams.filter((x) => x.departmentId === null)];
}
