import { z } from 'zod';
import { ApprovalDto } from './approvals.contract.js';
import { InstantString, IsoDateString, ListQuery, MoneyString, pageOf, PercentDecimalString, Person, QuantityString, Uuid, Version } from './common.contract.js';

export const quoteStatuses = ['draft', 'in_review', 'approved', 'sent', 'accepted', 'rejected_by_customer', 'expired'] as const;
export const QuoteStatus = z.enum(quoteStatuses)
  .describe('draft → in_review → approved → sent → accepted | rejected_by_customer; expired is computed (validUntil before today on a quote not yet accepted or declined)');
export type QuoteStatus = z.infer<typeof QuoteStatus>;
/** The statuses stored on the quote; `expired` is only ever computed from validUntil. */
export type StoredQuoteStatus = Exclude<QuoteStatus, 'expired'>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const QuoteLineInput = z.strictObject({
  productId: Uuid.nullish().describe('product of the catalogue (optional); with it the floor price and float range are checked'),
  description: text(500),
  unit: text(20).describe('unit of measure, e.g. 台, 套, 项'),
  quantity: QuantityString.describe('> 0 and ≤ 1,000,000, up to four decimals'),
  unitPrice: MoneyString.describe('tax-inclusive unit price (含税单价), ≥ 0, at most two decimals'),
  discountPct: PercentDecimalString.default('0').describe('line discount in percent, 0–100'),
  taxRate: PercentDecimalString.default('13').describe('VAT rate in percent (included in the price), 0–100'),
});
export type QuoteLineInput = z.infer<typeof QuoteLineInput>;

export const PaymentTerms = z.strictObject({
  prepaymentPct: PercentDecimalString.default('0').describe('share paid in advance at contract signing, 0–100'),
  balanceDays: z.int().min(0).max(365).default(30).describe('days after the contract date the balance is due'),
  text: z.string().max(2000).nullish().describe('further payment terms as printed'),
});
export type PaymentTerms = z.infer<typeof PaymentTerms>;

const QuoteFields = {
  opportunityId: Uuid.nullish().describe('an opportunity of the same customer'),
  contactId: Uuid.nullish().describe('a contact of the same customer'),
  quoteDate: IsoDateString.optional().describe('default: today'),
  validUntil: IsoDateString.describe('validity date (有效期至), not before the quote date'),
  lines: z.array(QuoteLineInput).min(1).max(200),
  paymentTerms: PaymentTerms.default({ prepaymentPct: '0', balanceDays: 30 }),
  deliveryTerms: z.string().max(4000).nullish(),
  notes: z.string().max(4000).nullish(),
};

export const CreateQuoteBody = z.strictObject({ customerId: Uuid.describe('a customer in your data scope'), ...QuoteFields })
  .describe('totals and approval reasons are computed by the server, never sent');
export type CreateQuoteBody = z.infer<typeof CreateQuoteBody>;

export const UpdateQuoteBody = z.strictObject({ version: Version, ...QuoteFields })
  .describe('replaces the editable values; a quote in review is re-opened to draft, an approved or sent one becomes the next revision; either way its approval is cancelled');
export type UpdateQuoteBody = z.infer<typeof UpdateQuoteBody>;

export const EvaluateQuoteBody = z.strictObject({ customerId: Uuid, quoteDate: IsoDateString.optional(), lines: z.array(QuoteLineInput).min(1).max(200) })
  .describe('dry run: totals and approval reasons for these lines; writes nothing');
export type EvaluateQuoteBody = z.infer<typeof EvaluateQuoteBody>;

export const ApprovalReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('belowFloor'), line: z.int(), price: MoneyString, floor: MoneyString }),
  z.object({ code: z.literal('outsideFloatRange'), line: z.int(), price: MoneyString, low: MoneyString, high: MoneyString }),
  z.object({ code: z.literal('discountAboveLimit'), discountPct: z.string(), limit: z.string() }),
]).describe('why the quote needs exception approval; line is 1-based; price is the net unit price after the line discount');
export type ApprovalReason = z.infer<typeof ApprovalReason>;

export const approvalLevels = ['review', 'supervisor', 'manager', 'vp'] as const;
export const ApprovalLevel = z.enum(approvalLevels)
  .describe('review: no exception (supervisor and manager review); supervisor/manager/vp: an exception approved by size (total ≤ supervisorMaxAmount, ≤ managerMaxAmount, above)');
export type ApprovalLevel = z.infer<typeof ApprovalLevel>;

export const QuoteTotalsDto = z.object({
  listAmount: MoneyString.describe('Σ quantity × unit price, before line discounts'),
  discountAmount: MoneyString.describe('list amount − total'),
  discountPct: z.string().describe('discount amount / list amount in percent, two decimals'),
  netAmount: MoneyString.describe('total without VAT'),
  taxAmount: MoneyString,
  total: MoneyString.describe('Σ line amounts (tax-inclusive)'),
});
export type QuoteTotalsDto = z.infer<typeof QuoteTotalsDto>;

export const EvaluationDto = z.object({
  totals: QuoteTotalsDto,
  lineAmounts: z.array(MoneyString),
  approvalReasons: z.array(ApprovalReason),
  approvalLevel: ApprovalLevel,
  steps: z.array(z.string()).describe('labels of the approval steps a submission would go through'),
}).meta({ id: 'QuoteEvaluation' });
export type EvaluationDto = z.infer<typeof EvaluationDto>;

export const QuoteLineDto = QuoteLineInput.extend({
  productId: Uuid.nullable(),
  discountPct: z.string(),
  taxRate: z.string(),
  amount: MoneyString,
  taxAmount: MoneyString,
});

export const QuoteSummaryDto = z.object({
  id: Uuid,
  number: z.string().describe('BJ<yyyyMM>-0001'),
  revision: z.int().describe('1 for the first; each edit of an approved or sent quote adds one'),
  customer: Person,
  opportunity: z.object({ id: Uuid, name: z.string(), number: z.string() }).nullable(),
  owner: Person,
  status: QuoteStatus,
  total: MoneyString,
  quoteDate: IsoDateString,
  validUntil: IsoDateString,
  needsExceptionApproval: z.boolean(),
  updatedAt: InstantString,
  version: z.int(),
}).meta({ id: 'QuoteSummary' });
export type QuoteSummaryDto = z.infer<typeof QuoteSummaryDto>;

export const QuoteRevisionDto = z.object({
  revision: z.int(),
  status: QuoteStatus.describe('status the revision had reached when it was superseded'),
  total: MoneyString,
  validUntil: IsoDateString,
  lines: z.array(QuoteLineDto),
  approvalId: Uuid.nullable(),
  revisedBy: Person.describe('who made this revision'),
  revisedAt: InstantString,
  supersededBy: Person,
  supersededAt: InstantString,
});

export const QuoteDto = QuoteSummaryDto.extend({
  contact: z.object({ id: Uuid, name: z.string() }).nullable(),
  lines: z.array(QuoteLineDto),
  totals: QuoteTotalsDto,
  paymentTerms: z.object({ prepaymentPct: z.string(), balanceDays: z.int(), text: z.string().nullable() }),
  deliveryTerms: z.string().nullable(),
  notes: z.string().nullable(),
  approvalReasons: z.array(ApprovalReason),
  approvalLevel: ApprovalLevel,
  approvalId: Uuid.nullable(),
  approvals: z.array(ApprovalDto).describe('every approval of this quote, newest first (cancelled ones included)'),
  revisions: z.array(QuoteRevisionDto).describe('earlier revisions, newest first'),
  sentAt: InstantString.nullable(),
  decidedAt: InstantString.nullable().describe('when the customer accepted or declined'),
  declineReason: z.string().nullable(),
  contractId: Uuid.nullable().describe('the contract drafted when the customer accepted'),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canSend: z.boolean(),
  canAccept: z.boolean(),
  createdAt: InstantString,
}).meta({ id: 'Quote' });
export type QuoteDto = z.infer<typeof QuoteDto>;

export const QuoteListQuery = ListQuery.extend({
  status: QuoteStatus.optional(),
  customerId: Uuid.optional(),
  opportunityId: Uuid.optional(),
  ownerId: z.union([Uuid, z.literal('me')]).optional(),
});
export type QuoteListQuery = z.infer<typeof QuoteListQuery>;
export const QuotePage = pageOf(QuoteSummaryDto);

export const QuoteVersionBody = z.strictObject({ version: Version });
export const DeclineQuoteBody = z.strictObject({ version: Version, reason: text(500).describe('why the customer declined') });
export const AcceptQuoteBody = z.strictObject({
  version: Version,
  contractDate: IsoDateString.optional().describe('default: today; the balance falls due balanceDays after it'),
  title: z.string().trim().min(1).max(200).optional().describe('default: the customer name and quote number'),
});
export const AcceptQuoteResponse = z.object({ quote: QuoteDto, contractId: Uuid });
