import { z } from 'zod';
import { InstantString, MoneyString, Uuid, Version } from './common.contract.js';
import { MonthString } from './forecasts.contract.js';

export const CollectionTargetGroupBy = z.enum(['owner', 'team']);

export const CollectionTargetQuery = z.strictObject({
  period: MonthString.optional().describe('the month, default this month in the workspace time zone'),
  groupBy: CollectionTargetGroupBy.default('owner'),
});
export type CollectionTargetQuery = z.infer<typeof CollectionTargetQuery>;

export const CollectionTargetPeriodParams = z.strictObject({ period: MonthString.describe('the month of the targets, YYYY-MM') });

const Figures = {
  proposed: MoneyString.describe("outstanding, as the month began, of the receivable lines of the rep's contracts due by the end of the month (overdue ones included)"),
  target: MoneyString.nullable().describe('the collection target set for the month; null when none is set'),
  collected: MoneyString.describe("allocations of payments received in the month on the rep's lines, reversed ones excluded (as the collection rate counts them)"),
  attainment: z.string().nullable().describe('collected ÷ target as a percentage with one decimal; null without a target or with a zero target'),
};

export const CollectionTargetRowDto = z.object({
  key: z.string().nullable().describe('the rep (groupBy=owner) or the team (groupBy=team); null: reps without a department'),
  name: z.string(),
  teamId: Uuid.nullable().describe("the rep's department (groupBy=owner)"),
  teamName: z.string().nullable(),
  ...Figures,
  targetId: Uuid.nullable().describe('groupBy=owner: the stored target'),
  version: z.int().nullable().describe('groupBy=owner: the version of the stored target, to send back when changing it'),
  proposedWhenSet: MoneyString.nullable().describe('groupBy=owner: the proposal shown when the target was last set'),
  setBy: z.string().nullable().describe('groupBy=owner: who last set the target'),
  setAt: InstantString.nullable(),
  note: z.string().nullable(),
  reps: z.int().describe('number of reps on the row (1 for groupBy=owner)'),
});

export const CollectionTargetsDto = z.object({
  period: MonthString,
  from: z.string().describe('first day of the month'),
  to: z.string().describe('last day of the month'),
  proposalAsOf: z.string().describe('the day the proposal is computed as of: the day before the month begins'),
  groupBy: CollectionTargetGroupBy,
  rows: z.array(CollectionTargetRowDto),
  totals: z.object(Figures).describe('the company (the whole of my scope)'),
  canSet: z.boolean().describe('whether I may set targets for this month (role, and the month is open for targets)'),
}).meta({ id: 'CollectionTargets' });
export type CollectionTargetsDto = z.infer<typeof CollectionTargetsDto>;
export type CollectionTargetRowDto = z.infer<typeof CollectionTargetRowDto>;

export const SetCollectionTargetsBody = z.strictObject({
  targets: z.array(z.strictObject({
    userId: Uuid,
    amount: MoneyString.describe('the target, ≥ 0'),
    version: Version.optional().describe('required when the rep already has a target for the month'),
    note: z.string().trim().max(500).optional(),
  })).min(1).max(500),
});
export type SetCollectionTargetsBody = z.infer<typeof SetCollectionTargetsBody>;
