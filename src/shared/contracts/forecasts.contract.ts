import { z } from 'zod';
import { InstantString, ListQuery, MoneyString, Uuid, Version, pageOf } from './common.contract.js';

/**
 * Forecasts (销售预测, domain §6.3): the rep's monthly forecast, the manager's adjustment (both kept),
 * the system's weighted pipeline and commit (best few) per month, accuracy = won / forecast.
 */

/** A calendar month `YYYY-MM` (in the workspace time zone). */
export const MonthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'errors.month' }).meta({ example: '2026-11' });
export const ForecastNote = z.string().trim().max(1000);

export const ForecastListQuery = ListQuery.omit({ q: true }).extend({
  month: MonthString.optional(),
  ownerId: Uuid.optional(),
  orgNodeId: Uuid.optional().describe('a department: its members and the members of its sub-departments'),
});

export const ForecastDto = z.object({
  id: Uuid,
  version: z.int(),
  ownerId: Uuid,
  ownerName: z.string(),
  month: MonthString,
  submittedAmount: MoneyString.describe("the rep's own forecast; an adjustment never overwrites it"),
  submittedNote: z.string().nullable(),
  submittedAt: InstantString,
  systemWeighted: MoneyString.describe("the rep's weighted pipeline of the month when last submitted (Σ amount × probability of open opportunities expected to close that month)"),
  systemCommit: MoneyString.describe("the rep's commit when last submitted (Σ amount of open best-few opportunities expected to close that month)"),
  adjustedAmount: MoneyString.nullable().describe("the manager's adjusted forecast; null until adjusted"),
  adjustedBy: Uuid.nullable(),
  adjustedByName: z.string().nullable(),
  adjustedAt: InstantString.nullable(),
  adjustNote: z.string().nullable(),
  /** the caller may adjust it: a manager with the rep in scope, not the rep, before the month ends */
  canAdjust: z.boolean(),
  /** the caller is the rep and the month has not ended */
  canResubmit: z.boolean(),
}).meta({ id: 'Forecast' });
export type ForecastDto = z.infer<typeof ForecastDto>;
export const ForecastPage = pageOf(ForecastDto);

export const SubmitForecastBody = z.strictObject({
  month: MonthString,
  amount: MoneyString,
  note: ForecastNote.optional(),
  version: Version.optional().describe('required when re-submitting a month already submitted'),
});
export type SubmitForecastBody = z.infer<typeof SubmitForecastBody>;

export const AdjustForecastBody = z.strictObject({
  amount: MoneyString,
  note: ForecastNote.min(1),
  version: Version,
});
export type AdjustForecastBody = z.infer<typeof AdjustForecastBody>;

export const ForecastFiguresQuery = z.strictObject({
  month: MonthString.optional().describe("default: this month in the workspace time zone"),
  ownerId: Uuid.optional().describe('default: me'),
});
/** One person's figures of one month: what the system sees, what they submitted. */
export const ForecastFiguresDto = z.object({
  ownerId: Uuid,
  ownerName: z.string(),
  month: MonthString,
  weighted: MoneyString,
  commit: MoneyString,
  won: MoneyString,
  mayChange: z.boolean().describe('the month has not ended: the owner may still submit'),
  submission: ForecastDto.nullable(),
});
export type ForecastFiguresDto = z.infer<typeof ForecastFiguresDto>;

export const AccuracyQuery = z.strictObject({
  ownerId: Uuid.optional(),
  orgNodeId: Uuid.optional(),
  from: MonthString.optional().describe('default: five months before `to`'),
  to: MonthString.optional().describe('default: this month'),
});
export const AccuracyRowDto = z.object({
  ownerId: Uuid,
  ownerName: z.string(),
  month: MonthString,
  submitted: MoneyString.nullable(),
  adjusted: MoneyString.nullable(),
  won: MoneyString.describe('Σ amount of opportunities won (closed_on in the month) owned by the person'),
  submittedAccuracy: z.string().nullable().describe('won / submitted, 2 decimals (1.00 = hit); null when nothing or 0 was submitted'),
  adjustedAccuracy: z.string().nullable().describe('won / adjusted, 2 decimals; null when not adjusted or adjusted to 0'),
});
export type AccuracyRowDto = z.infer<typeof AccuracyRowDto>;
export const AccuracyDto = z.object({ from: MonthString, to: MonthString, items: z.array(AccuracyRowDto) });
export type AccuracyDto = z.infer<typeof AccuracyDto>;

export const ForecastReportQuery = z.strictObject({
  period: z.string().max(40).optional().describe('`2026`, `2026-H1`, `2026-Q4`, `2026-11`, `2026-09..2026-11`, `2026-09-15..2026-11-03`, `this-month`, `last-month`, `this-quarter`, `last-quarter`, `this-year`, `last-year`, `last-6-months`; default this month'),
  orgNodeId: Uuid.optional().describe('department: it and every department under it'),
  ownerId: z.union([z.literal('me'), Uuid]).optional(),
});
export const ForecastReportLine = z.object({
  weighted: MoneyString.describe('Σ amount × probability / 100 of open opportunities expected to close in the month'),
  commit: MoneyString.describe('Σ amount of open best-few (把握) opportunities expected to close in the month'),
  submitted: MoneyString.describe("Σ of the reps' submitted forecasts"),
  adjusted: MoneyString.describe('Σ of the final forecasts: the adjusted amount, or the submitted one where nobody adjusted it'),
  won: MoneyString.describe('Σ amount of opportunities won (closed_on in the month)'),
  target: MoneyString.nullable().describe('the sales target; null until targets exist'),
});
export const ForecastReportMonth = ForecastReportLine.extend({ month: MonthString });
export const ForecastReportDto = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  months: z.array(ForecastReportMonth),
  totals: ForecastReportLine,
});
export type ForecastReportDto = z.infer<typeof ForecastReportDto>;
