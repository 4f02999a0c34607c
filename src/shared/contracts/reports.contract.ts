import { z } from 'zod';
import { IsoDateString, MoneyString, Uuid } from './common.contract.js';
import { FunnelCategory } from './opportunities.contract.js';

/**
 * Filters every report shares (api.md: `period`, `orgNodeId`, `ownerId`). `period` takes the forms of
 * `src/shared/periods.ts` (`2026-11`, `2026-Q4`, `this-month`, `2026-09-01..2026-11-15` …; default
 * the month of `asOf`); `asOf` (default today in the workspace zone) anchors relative periods.
 */
const ReportFilters = {
  period: z.string().max(40).optional().describe('2026 | 2026-H1 | 2026-Q4 | 2026-11 | 2026-09..2026-11 | 2026-09-15..2026-11-03 | this-month | last-quarter | last-6-months …; default this month'),
  asOf: IsoDateString.optional().describe('the day relative periods are counted from and "now" of the snapshot; default today'),
  orgNodeId: Uuid.optional().describe('department: it and every department under it'),
  ownerId: z.union([z.literal('me'), Uuid]).optional(),
};

export const FunnelReportQuery = z.strictObject({
  ...ReportFilters,
  pipelineId: Uuid.optional().describe('default: the first active pipeline the caller may use'),
});
export type FunnelReportQuery = z.infer<typeof FunnelReportQuery>;

const Figures = {
  count: z.int(),
  amount: MoneyString,
  weightedAmount: MoneyString.describe('Σ amount × probability / 100'),
};

export const FunnelStageRowDto = z.object({
  stageId: Uuid,
  code: z.string().nullable(),
  name: z.string(),
  position: z.int(),
  funnelCategory: FunnelCategory,
  probability: z.string(),
  ...Figures,
  entered: z.int().describe('opportunities that entered the stage during the period'),
  advanced: z.int().describe('of those, the ones that later reached a later stage (a win reaches the order stage)'),
  conversionPercent: z.number().nullable().describe('advanced / entered × 100, one decimal; null when none entered or for the last stage'),
  exited: z.int().describe('stage exits (moves and closes) during the period'),
  medianDaysInStage: z.number().nullable().describe('median days spent in the stage by the exits of the period'),
});
export type FunnelStageRowDto = z.infer<typeof FunnelStageRowDto>;

export const FunnelCategoryRowDto = z.object({
  category: FunnelCategory,
  ...Figures,
}).describe('above / in / best_few: open opportunities now; order: opportunities won in the period');
export type FunnelCategoryRowDto = z.infer<typeof FunnelCategoryRowDto>;

export const FunnelReportDto = z.object({
  from: IsoDateString,
  to: IsoDateString,
  asOf: IsoDateString,
  pipeline: z.object({ id: Uuid, name: z.string(), template: z.string().nullable() }),
  categories: z.array(FunnelCategoryRowDto),
  stages: z.array(FunnelStageRowDto),
  totals: z.object({
    openCount: z.int(),
    openAmount: MoneyString,
    weightedAmount: MoneyString,
    wonCount: z.int(),
    wonAmount: MoneyString,
    lostCount: z.int(),
    lostAmount: MoneyString,
    winRatePercent: z.number().nullable().describe('won / (won + lost) closed in the period × 100'),
  }),
}).meta({ id: 'FunnelReport' });
export type FunnelReportDto = z.infer<typeof FunnelReportDto>;

export const ActivityReportQuery = z.strictObject(ReportFilters);
export type ActivityReportQuery = z.infer<typeof ActivityReportQuery>;

const ActivityCounts = {
  visits: z.int().describe('visits done in the period'),
  calls: z.int(),
  emails: z.int(),
  meetings: z.int(),
  others: z.int().describe('demos, messages and task-type activities done'),
  callReportsSent: z.int(),
  tasksDone: z.int(),
  tasksOverdue: z.int().describe('tasks due in the period, before asOf, still open'),
  visitsPlanned: z.int().describe('visits planned in week / day plans in the period'),
  plannedVisitsDone: z.int(),
  plannedVisitsMissed: z.int(),
  adherencePercent: z.number().nullable().describe('planned visits done / (done + missed) × 100'),
};
export const ActivityCountsDto = z.object(ActivityCounts);
export type ActivityCountsDto = z.infer<typeof ActivityCountsDto>;

export const ActivityReportDto = z.object({
  from: IsoDateString,
  to: IsoDateString,
  asOf: IsoDateString,
  reps: z.array(z.object({ userId: Uuid, name: z.string(), departmentId: Uuid.nullable(), departmentName: z.string().nullable(), ...ActivityCounts })),
  teams: z.array(z.object({ departmentId: Uuid.nullable(), departmentName: z.string().nullable(), reps: z.int(), ...ActivityCounts }))
    .describe('subtotals per department of the reps above'),
  totals: ActivityCountsDto,
}).meta({ id: 'ActivityReport' });
export type ActivityReportDto = z.infer<typeof ActivityReportDto>;
