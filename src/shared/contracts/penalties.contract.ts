import { z } from 'zod';
import { InstantString, IsoDateString, MoneyString, Person, RateString, Uuid } from './common.contract.js';

/** A payroll month, `YYYY-MM`. */
export const PenaltyMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'errors.penaltyMonth' }).meta({ example: '2026-11' });

export const penaltyKinds = ['monthly', 'bad_debt', 'refund'] as const;
export const PenaltyKind = z.enum(penaltyKinds).describe('monthly: 0.5 % while 30–119 days overdue; bad_debt: one-time 20 % at 120 days (呆账); refund: deductions given back when fully collected');
export const responsibleRoles = ['rep', 'manager', 'director'] as const;
export const ResponsibleRole = z.enum(responsibleRoles).describe('rep: contract owner (销售专员); manager: sales manager (销售部经理); director: marketing director = sales_vp (营销总监)');

export const RunPenaltiesBody = z.strictObject({ month: PenaltyMonth.describe('the payroll month to run; it must have ended') });

export const PenaltyPolicyDto = z.object({
  startDays: z.int(), badDebtDays: z.int(), monthlyRate: RateString, badDebtRate: RateString,
  shares: z.object({ rep: z.int(), manager: z.int(), director: z.int() }),
}).meta({ id: 'PenaltyPolicy' });

export const PenaltyRunDto = z.object({
  id: Uuid,
  month: PenaltyMonth,
  monthEnd: IsoDateString.describe('the day the month is judged at'),
  policy: PenaltyPolicyDto,
  runBy: Person,
  ranAt: InstantString,
  lineCount: z.int(),
  total: MoneyString.describe('deductions minus refunds of the month'),
  created: z.boolean().describe('false when the month had already been run: nothing changed'),
}).meta({ id: 'PenaltyRun' });
export type PenaltyRunDto = z.infer<typeof PenaltyRunDto>;

export const PenaltyShareDto = z.object({ role: ResponsibleRole, user: Person.nullable().describe('null: nobody held the role'), amount: MoneyString });

export const PenaltyLineDto = z.object({
  id: Uuid,
  kind: PenaltyKind,
  receivableId: Uuid,
  contract: z.object({ id: Uuid, number: z.string() }),
  customer: Person,
  dueDate: IsoDateString.describe('due date the line was judged by (after any deferral)'),
  deferredFrom: IsoDateString.nullable(),
  daysOverdue: z.int().describe('days overdue at the month end'),
  baseAmount: MoneyString.describe('outstanding amount (deductions) or standing deductions (refund)'),
  rate: RateString.nullable(),
  amount: MoneyString.describe('positive: deduction; negative: refund'),
  shares: z.array(PenaltyShareDto),
}).meta({ id: 'PenaltyLine' });
export type PenaltyLineDto = z.infer<typeof PenaltyLineDto>;

export const PenaltyPersonDto = z.object({
  user: Person.nullable().describe('null: the shares of a role nobody held'),
  monthly: MoneyString, badDebt: MoneyString, refund: MoneyString,
  total: MoneyString.describe('net deduction from the month\'s pay (negative: paid back)'),
  lineCount: z.int(),
}).meta({ id: 'PenaltyPerson' });
export type PenaltyPersonDto = z.infer<typeof PenaltyPersonDto>;

export const PenaltyListQuery = z.strictObject({
  month: PenaltyMonth,
  userId: Uuid.optional().describe('drill down to one person\'s lines (a rep: only themself)'),
});

export const PenaltyStatementDto = z.object({
  month: PenaltyMonth,
  run: PenaltyRunDto.omit({ created: true }).nullable().describe('null: the month has not been run'),
  people: z.array(PenaltyPersonDto).describe('per-person statement, people in the caller\'s scope'),
  lines: z.array(PenaltyLineDto).describe('the lines of `userId` (a rep: their own) with their working; empty without userId'),
}).meta({ id: 'PenaltyStatement' });
export type PenaltyStatementDto = z.infer<typeof PenaltyStatementDto>;

export const PenaltyStatementXlsxQuery = z.strictObject({ month: PenaltyMonth });
