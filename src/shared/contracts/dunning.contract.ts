import { z } from 'zod';
import { InstantString, IsoDateString, MoneyString, Person, Uuid } from './common.contract.js';

/** Deferred payment (延期付款), the dunning ladder (催款) and the credit control reports (domain §10, §11.2). */

export const DunningStepCode = z.enum(['thank_you', 'notice', 'lawyer_letter', 'lawsuit', 'write_off'])
  .describe('感谢函 | 催款通知书 | 律师函 | 起诉 | 呆账核销');
export type DunningStepCode = z.infer<typeof DunningStepCode>;

// ── deferrals ─────────────────────────────────────────────────────────────────────────────────

export const CreateDeferralBody = z.strictObject({
  receivableId: Uuid,
  newDueDate: IsoDateString.describe('at most deferral.maxMonths (3) calendar months after the original contract due date'),
  reason: z.string().trim().min(1).max(2000),
});
export type CreateDeferralBody = z.infer<typeof CreateDeferralBody>;

export const PaymentHistoryDto = z.object({
  lines: z.int(), paidOnTime: z.int(), paidLate: z.int(), overdueNow: z.int(), overdueAmount: MoneyString,
  maxDaysOverdue: z.int(), deferredBefore: z.int(), writtenOff: z.int(),
}).describe("the customer's receivable lines: paid on time / late (against the original due date), overdue now, deferred before, written off");

export const DeferralDto = z.object({
  id: Uuid,
  receivableId: Uuid,
  customer: Person,
  contractNumber: z.string(),
  requestedBy: Person,
  currentDueDate: IsoDateString,
  originalDueDate: IsoDateString.describe('the contract due date before any deferral: the cap counts from it'),
  maxDueDate: IsoDateString,
  newDueDate: IsoDateString,
  outstanding: MoneyString,
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'returned']),
  approvalId: Uuid.nullable(),
  grade: z.string().nullable(),
  history: PaymentHistoryDto,
  createdAt: InstantString,
  decidedAt: InstantString.nullable(),
}).meta({ id: 'Deferral' });
export type DeferralDto = z.infer<typeof DeferralDto>;

export const DeferralListQuery = z.strictObject({ receivableId: Uuid.optional(), status: z.enum(['pending', 'approved', 'rejected', 'returned']).optional() });
export const DeferralList = z.object({ items: z.array(DeferralDto) });

// ── dunning ───────────────────────────────────────────────────────────────────────────────────

export const DunningQuery = z.strictObject({
  asOf: IsoDateString.optional().describe('default: today in the workspace time zone'),
  step: DunningStepCode.optional().describe('only lines whose next step is this one'),
  ownerId: Uuid.optional(),
  dueOnly: z.enum(['true', 'false']).optional().describe('true: only lines whose next step is due as of the day'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type DunningQuery = z.infer<typeof DunningQuery>;

export const DunningLogEntryDto = z.object({
  id: Uuid, step: DunningStepCode, status: z.enum(['done', 'pending', 'rejected']), actedOn: IsoDateString, actedBy: Person,
  note: z.string().nullable(), deadline: IsoDateString.nullable(), hasLetter: z.boolean(), approvalId: Uuid.nullable(),
});
export type DunningLogEntryDto = z.infer<typeof DunningLogEntryDto>;

export const DunningLineDto = z.object({
  receivableId: Uuid,
  contract: z.object({ id: Uuid, number: z.string() }),
  customer: Person,
  owner: Person,
  grade: z.string().nullable(),
  dueDate: IsoDateString,
  deferredFrom: IsoDateString.nullable(),
  amount: MoneyString,
  outstanding: MoneyString,
  daysOverdue: z.int(),
  goodStanding: z.boolean(),
  lastStep: DunningStepCode.nullable(),
  nextStep: DunningStepCode.nullable(),
  nextStepDueOn: IsoDateString.nullable(),
  isDue: z.boolean(),
  writeOffPending: z.boolean(),
  log: z.array(DunningLogEntryDto),
}).meta({ id: 'DunningLine' });
export type DunningLineDto = z.infer<typeof DunningLineDto>;

export const DunningQueue = z.object({
  asOf: IsoDateString, items: z.array(DunningLineDto),
  nextCursor: z.string().nullable().describe('the next page (earliest due first); a page may hold fewer than `limit` lines when a filter matched few of the lines read — follow nextCursor until null'),
  truncated: z.boolean().describe('deprecated: the same as nextCursor !== null (more lines follow)'),
}).meta({ id: 'DunningQueue' });

export const DunningRunBody = z.strictObject({ asOf: IsoDateString.optional().describe('default: today in the workspace time zone; not in the future') });
export type DunningRunBody = z.infer<typeof DunningRunBody>;
export const DunningRunResult = z.object({
  asOf: IsoDateString,
  lines: z.int().describe('open lines overdue as of the day'),
  due: z.int().describe('of which the next dunning step is due'),
  created: z.int().describe('to-dos given to the owners by this run (a (line, step) gets one to-do ever)'),
  closed: z.int().describe('to-dos closed because they went stale: step logged, line paid, written off or no longer overdue'),
}).meta({ id: 'DunningRunResult' });
export type DunningRunResult = z.infer<typeof DunningRunResult>;
export type DunningQueue = z.infer<typeof DunningQueue>;

export const LogDunningStepBody = z.strictObject({
  step: DunningStepCode,
  note: z.string().trim().max(2000).optional(),
});
export type LogDunningStepBody = z.infer<typeof LogDunningStepBody>;

export const ReceivableIdParams = z.strictObject({ receivableId: Uuid });
export const LetterParams = z.strictObject({ id: z.string().regex(/^[0-9a-f-]{36}\.pdf$/i).describe('<dunning step id>.pdf') });

// ── control reports ───────────────────────────────────────────────────────────────────────────

export const CreditExecutionQuery = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'errors.month' }).describe('YYYY-MM') });
export const CreditExecutionReport = z.object({
  month: z.string(),
  asOf: IsoDateString.describe('the last day of the month'),
  overrideShipments: z.array(z.object({
    shipmentId: Uuid, number: z.string(), customer: Person, owner: Person, amount: MoneyString, shippedOn: IsoDateString, approvalId: Uuid.nullable(),
  })).describe('shipments made this month on an approved over-credit override'),
  overLimit: z.array(z.object({ customer: Person, owner: Person.nullable(), grade: z.string().nullable(), limit: MoneyString, exposure: MoneyString, over: MoneyString }))
    .describe('customers whose exposure at month end is above their limit'),
  termsExceeded: z.array(z.object({
    receivableId: Uuid, contractNumber: z.string(), customer: Person, owner: Person, dueDate: IsoDateString, deferredFrom: IsoDateString.nullable(),
    outstanding: MoneyString, daysOverdue: z.int(),
  })).describe('lines past their payment terms at month end (to report to the sales manager and GM)'),
}).meta({ id: 'CreditExecutionReport' });
export type CreditExecutionReport = z.infer<typeof CreditExecutionReport>;

export const DeferralsOpenQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const DeferralsOpenReport = z.object({
  year: z.int(),
  asOf: IsoDateString.describe('31 December of the year'),
  items: z.array(z.object({
    receivableId: Uuid, contractNumber: z.string(), customer: Person, owner: Person, originalDueDate: IsoDateString, deferredTo: IsoDateString,
    outstanding: MoneyString, status: z.string(), approvedOn: IsoDateString.nullable(),
  })),
  total: MoneyString,
}).meta({ id: 'DeferralsOpenReport' });
export type DeferralsOpenReport = z.infer<typeof DeferralsOpenReport>;
