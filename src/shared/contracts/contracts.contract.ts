import { z } from 'zod';
import { ApprovalDto } from './approvals.contract.js';
import { InstantString, IsoDateString, ListQuery, MoneyString, pageOf, PercentDecimalString, Person, QuantityString, Uuid, Version } from './common.contract.js';
import { ReceivableDto } from './receivables.contract.js';

export const contractStatuses = ['draft', 'in_review', 'approved', 'signed', 'executing', 'completed', 'terminated'] as const;
export const ContractStatus = z.enum(contractStatuses).describe('draft → in_review → approved → signed → executing → completed | terminated');
export type ContractStatus = z.infer<typeof ContractStatus>;
export const paymentKinds = ['prepayment', 'progress', 'balance'] as const;
export const PaymentKind = z.enum(paymentKinds).describe('预付款 | 进度款 | 尾款');
export type PaymentKind = z.infer<typeof PaymentKind>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const ContractLineInput = z.strictObject({
  productId: Uuid.nullish().describe('product of the price list (optional)'),
  description: text(500),
  unit: text(20).describe('unit of measure, e.g. 台, 套, 项'),
  quantity: QuantityString.describe('> 0, up to four decimals'),
  unitPrice: MoneyString.describe('tax-inclusive unit price (含税单价), ≥ 0, at most two decimals'),
  discountPct: PercentDecimalString.default('0').describe('discount in percent, 0–100'),
  taxRate: PercentDecimalString.default('13').describe('VAT rate in percent (included in the price), 0–100'),
});
export type ContractLineInput = z.infer<typeof ContractLineInput>;

export const PaymentPlanLineInput = z.strictObject({
  kind: PaymentKind,
  dueDate: IsoDateString.describe('not before the contract date'),
  amount: MoneyString.describe('> 0, at most two decimals; the plan adds up to the contract amount exactly'),
  percent: PercentDecimalString.nullish().describe('share of the contract amount as printed (optional, informative)'),
  note: z.string().max(200).nullish(),
});
export type PaymentPlanLineInput = z.infer<typeof PaymentPlanLineInput>;

const ContractFields = {
  title: text(200),
  buyerParty: text(200).describe('the customer\'s signing party (甲方) as printed'),
  sellerParty: text(200).describe('our signing party (乙方) as printed'),
  contractDate: IsoDateString.describe('date on the contract; plan due dates may not precede it'),
  lines: z.array(ContractLineInput).min(1).max(200),
  paymentPlan: z.array(PaymentPlanLineInput).min(1).max(60),
  deliveryTerms: z.string().max(4000).nullish(),
};

export const CreateContractBody = z.strictObject({
  customerId: Uuid.describe('a customer in your data scope'),
  opportunityId: Uuid.nullish().describe('an opportunity of the same customer'),
  ownerId: Uuid.optional().describe('default: the caller'),
  ...ContractFields,
}).describe('amount is computed from the lines, never sent');
export type CreateContractBody = z.infer<typeof CreateContractBody>;

export const UpdateContractBody = z.strictObject({
  version: Version,
  opportunityId: Uuid.nullish(),
  ...ContractFields,
}).describe('replaces the editable values; a contract in review or approved is re-opened to draft and its approval is cancelled');
export type UpdateContractBody = z.infer<typeof UpdateContractBody>;

export const ContractLineDto = ContractLineInput.extend({
  productId: Uuid.nullable(),
  discountPct: z.string(),
  taxRate: z.string(),
  amount: MoneyString.describe('quantity × unit price × (1 − discount), rounded half-up to cents'),
  taxAmount: MoneyString.describe('VAT included in the line amount'),
});
export const PaymentPlanLineDto = PaymentPlanLineInput.extend({ percent: z.string().nullable(), note: z.string().nullable() });

export const ContractSummaryDto = z.object({
  id: Uuid,
  number: z.string().describe('HT<year>-0001'),
  title: z.string(),
  customer: Person,
  opportunity: z.object({ id: Uuid, name: z.string(), number: z.string() }).nullable(),
  owner: Person,
  status: ContractStatus,
  amount: MoneyString,
  contractDate: IsoDateString,
  signedOn: IsoDateString.nullable(),
  updatedAt: InstantString,
  version: z.int(),
}).meta({ id: 'ContractSummary' });
export type ContractSummaryDto = z.infer<typeof ContractSummaryDto>;

export const ContractDto = ContractSummaryDto.extend({
  quoteId: Uuid.nullable(),
  buyerParty: z.string(),
  sellerParty: z.string(),
  lines: z.array(ContractLineDto),
  taxAmount: MoneyString,
  paymentPlan: z.array(PaymentPlanLineDto),
  deliveryTerms: z.string().nullable(),
  approvalId: Uuid.nullable(),
  isMajor: z.boolean().describe('amount ≥ policy contracts.majorAmount: sales VP review and GM approval'),
  approvals: z.array(ApprovalDto).describe('every approval of this contract, newest first (cancelled ones included)'),
  receivables: z.array(ReceivableDto).describe('the receivable schedule created at signing'),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canSign: z.boolean(),
  amendmentCount: z.int().describe('approved amendments applied (合同变更次数); the revision is amendmentCount + 1'),
  copiedFromId: Uuid.nullable().describe('the contract this draft was copied from'),
  terminatedOn: IsoDateString.nullable(),
  terminationReason: z.string().nullable(),
  hasPendingAmendment: z.boolean(),
  canAmend: z.boolean().describe('signed or executing, no amendment pending, and the caller may amend'),
  canTerminate: z.boolean().describe('signed or executing and the caller is a sales manager'),
  canCopy: z.boolean(),
  createdAt: InstantString,
}).meta({ id: 'Contract' });
export type ContractDto = z.infer<typeof ContractDto>;

export const ContractListQuery = ListQuery.extend({
  status: ContractStatus.optional(),
  customerId: Uuid.optional(),
  ownerId: z.union([Uuid, z.literal('me')]).optional(),
  signedFrom: IsoDateString.optional(),
  signedTo: IsoDateString.optional(),
});
export type ContractListQuery = z.infer<typeof ContractListQuery>;
export const ContractPage = pageOf(ContractSummaryDto);

export const SubmitContractBody = z.strictObject({ version: Version });
export const SignContractBody = z.strictObject({
  version: Version,
  signedOn: IsoDateString.describe('date both parties signed; not before the contract date nor in the future'),
});

export const TerminateContractBody = z.strictObject({
  version: Version,
  reason: text(1000).describe('why the contract ends early (audited); its open receivables stay'),
});

export const amendmentStatuses = ['pending', 'approved', 'rejected', 'returned', 'cancelled', 'void'] as const;
export const AmendmentStatus = z.enum(amendmentStatuses)
  .describe('pending → approved (applied) | rejected | returned; cancelled when the contract is terminated; void when the contract changed meanwhile');

export const ProposeAmendmentBody = z.strictObject({
  version: Version.describe('the contract version read'),
  reason: text(1000).describe('why the contract changes (变更原因)'),
  lines: ContractFields.lines,
  paymentPlan: ContractFields.paymentPlan,
  deliveryTerms: ContractFields.deliveryTerms,
}).describe('the proposed lines, payment plan and delivery terms; the plan must add up to the new amount; amount is computed, never sent');
export type ProposeAmendmentBody = z.infer<typeof ProposeAmendmentBody>;

export const AmendmentValues = z.object({
  amount: MoneyString,
  lines: z.array(ContractLineDto),
  paymentPlan: z.array(PaymentPlanLineDto),
  deliveryTerms: z.string().nullable(),
}).meta({ id: 'AmendmentValues' });
export type AmendmentValues = z.infer<typeof AmendmentValues>;

export const AmendmentDto = z.object({
  id: Uuid,
  contractId: Uuid,
  seq: z.int().describe('1, 2, 3 … per contract'),
  reason: z.string(),
  status: AmendmentStatus,
  before: AmendmentValues.describe('the contract values when proposed (frozen)'),
  after: AmendmentValues.describe('the proposed values'),
  approvalId: Uuid.nullable(),
  requestedBy: Person,
  createdAt: InstantString,
  decidedAt: InstantString.nullable(),
  decisionComment: z.string().nullable(),
}).meta({ id: 'ContractAmendment' });
export type AmendmentDto = z.infer<typeof AmendmentDto>;
export const AmendmentList = z.object({ items: z.array(AmendmentDto) });

/** The live figures the form shows while typing (same arithmetic as the server). */
export interface ContractTotals { amount: string; taxAmount: string; planTotal: string; planDifference: string }
