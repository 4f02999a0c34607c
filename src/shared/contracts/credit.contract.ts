import { z } from 'zod';
import { InstantString, IsoDateString, ListQuery, MoneyString, pageOf, Person, Uuid } from './common.contract.js';

export const creditGradeValues = ['A', 'B', 'C', 'D'] as const;
export const CreditGrade = z.enum(creditGradeValues).describe('credit grade (信用等级): A ≥ 85, B 70–84, C 55–69, D < 55 by score');

const CreditValues = z.object({
  limit: MoneyString.describe('credit limit (信用额度), CNY'),
  termsDays: z.int().describe('payment terms (信用期) in days; 0 = cash before delivery'),
  grade: CreditGrade,
});
export type CreditValues = z.infer<typeof CreditValues>;

export const creditChangeStatuses = ['pending', 'approved', 'rejected', 'returned', 'void'] as const;
export const CreditChangeRequestDto = z.object({
  id: Uuid,
  customerId: Uuid,
  status: z.enum(creditChangeStatuses).describe('void: the profile changed another way before the approval completed'),
  from: CreditValues.nullable().describe('the profile when proposed, frozen (null: no profile yet)'),
  to: CreditValues.describe('the proposed values, frozen'),
  reason: z.string(),
  requestedBy: Person,
  approvalId: Uuid.nullable(),
  createdAt: InstantString,
  decidedAt: InstantString.nullable(),
  decisionComment: z.string().nullable(),
}).meta({ id: 'CreditChangeRequest' });
export type CreditChangeRequestDto = z.infer<typeof CreditChangeRequestDto>;

export const CreditQuery = z.strictObject({
  asOf: IsoDateString.optional().describe('exposure as of this date (default: today in the workspace time zone)'),
});

export const CreditDto = z.object({
  customerId: Uuid,
  customerName: z.string(),
  owner: Person.nullable(),
  hasProfile: z.boolean().describe('false: no credit granted yet (limit 0.00, terms 0: payment on delivery)'),
  limit: MoneyString,
  exposure: MoneyString.describe('open receivables + signed-but-unshipped orders + shipped-but-unbilled value (domain §9)'),
  available: MoneyString.describe('limit − exposure; negative when over the limit'),
  isOverLimit: z.boolean(),
  exposureBreakdown: z.object({
    signedUnshipped: MoneyString.describe('signed but not yet shipped (已签约未发货)'),
    shippedUnbilled: MoneyString.describe('shipped but not yet invoiced (已发货未开票)'),
    openReceivables: MoneyString.describe('invoiced but not yet paid (已开票未回款)'),
  }).describe('the exposure split per contract from shipped and invoiced value; the three parts add up to exposure'),
  grade: CreditGrade.nullable(),
  termsDays: z.int(),
  effectiveFrom: IsoDateString.nullable(),
  reason: z.string().nullable(),
  version: z.int().describe('profile version to send with a change request (0 while there is no profile)'),
  asOf: IsoDateString,
  pendingRequest: CreditChangeRequestDto.nullable(),
  canPropose: z.boolean().describe('the caller may propose a change now'),
}).meta({ id: 'Credit' });
export type CreditDto = z.infer<typeof CreditDto>;

export const ProposeCreditChangeBody = z.strictObject({
  version: z.int().min(0).describe('the profile version you read (0 while there is no profile); a stale one gets 409'),
  limit: MoneyString.describe('new credit limit, ≥ 0, at most two decimals'),
  grade: CreditGrade,
  termsDays: z.int().min(0).max(365).optional().describe('payment terms in days; default: the grade\'s policy terms (grade D: always 0)'),
  reason: z.string().trim().min(1).max(2000),
});
export type ProposeCreditChangeBody = z.infer<typeof ProposeCreditChangeBody>;

export const CreditHistoryItemDto = z.object({
  id: Uuid,
  requestId: Uuid.nullable(),
  approvalId: Uuid.nullable(),
  from: CreditValues.nullable(),
  to: CreditValues,
  effectiveFrom: IsoDateString,
  reason: z.string(),
  requestedBy: Person.nullable(),
  approvedBy: Person.nullable(),
  createdAt: InstantString,
}).meta({ id: 'CreditHistoryItem' });
export type CreditHistoryItemDto = z.infer<typeof CreditHistoryItemDto>;

export const CreditHistoryQuery = ListQuery.pick({ limit: true, cursor: true });
export const CreditHistoryPage = z.object({
  items: z.array(CreditHistoryItemDto),
  nextCursor: z.string().nullable(),
  requests: z.array(CreditChangeRequestDto).describe('change requests not applied (pending, rejected, returned, void), newest first, at most 20'),
});
export type CreditHistoryPage = z.infer<typeof CreditHistoryPage>;

const BoolQuery = z.enum(['true', 'false']);
export const CreditProfileListQuery = ListQuery.extend({
  grade: CreditGrade.optional(),
  overLimit: BoolQuery.optional().describe('true: exposure above the limit'),
  hasProfile: BoolQuery.optional().describe('false: customers with no credit profile yet'),
  pending: BoolQuery.optional().describe('true: a change request is waiting for approval'),
  ownerId: Uuid.optional(),
  orgNodeId: Uuid.optional().describe("the owner's department and its sub-departments"),
  asOf: IsoDateString.optional(),
});
export type CreditProfileListQuery = z.infer<typeof CreditProfileListQuery>;

export const CreditProfileListItemDto = z.object({
  customerId: Uuid,
  customerName: z.string(),
  owner: Person.nullable(),
  departmentName: z.string().nullable(),
  hasProfile: z.boolean(),
  limit: MoneyString,
  exposure: MoneyString,
  available: MoneyString,
  isOverLimit: z.boolean(),
  grade: CreditGrade.nullable(),
  termsDays: z.int(),
  effectiveFrom: IsoDateString.nullable(),
  hasPendingRequest: z.boolean(),
  version: z.int(),
}).meta({ id: 'CreditProfileListItem' });
export type CreditProfileListItemDto = z.infer<typeof CreditProfileListItemDto>;
export const CreditProfilePage = pageOf(CreditProfileListItemDto);
