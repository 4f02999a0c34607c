import { z } from 'zod';
import { IsoDateString, ListQuery, MoneyString, pageOf, Person, Uuid } from './common.contract.js';

export const paymentMethods = ['bank_transfer', 'acceptance_bill', 'cash', 'other'] as const;
export const PaymentMethod = z.enum(paymentMethods).describe('bank_transfer 银行转账, acceptance_bill 承兑汇票, cash 现金, other');

export const AllocationInput = z.strictObject({
  receivableId: Uuid.describe('an open receivable line of the paying customer'),
  amount: MoneyString.describe('at most the line\'s outstanding amount'),
});

export const RecordPaymentBody = z.strictObject({
  customerId: Uuid,
  amount: MoneyString.describe('money received, above zero'),
  receivedOn: IsoDateString.describe('day the money arrived; not in the future'),
  method: PaymentMethod.default('bank_transfer'),
  reference: z.string().trim().max(100).optional().describe('bank slip (回单) number'),
  note: z.string().trim().max(500).optional(),
  allocations: z.array(AllocationInput).max(200).optional()
    .describe('lines and amounts; omitted or empty: the money settles the customer\'s open lines oldest due first'),
  remainder: z.enum(['customer_credit']).optional()
    .describe('what to do with money left after the allocations: keep it as the customer\'s credit balance; without it a remainder is refused'),
});
export type RecordPaymentBody = z.infer<typeof RecordPaymentBody>;

export const AllocateCreditBody = z.strictObject({
  allocations: z.array(AllocationInput).min(1).max(200).optional().describe('omitted: oldest due first'),
  version: z.int().min(1),
});
export type AllocateCreditBody = z.infer<typeof AllocateCreditBody>;

export const ReversePaymentBody = z.strictObject({
  reason: z.string().trim().min(2).max(500),
  version: z.int().min(1),
});
export type ReversePaymentBody = z.infer<typeof ReversePaymentBody>;

export const PaymentAllocationDto = z.object({
  id: Uuid,
  receivableId: Uuid,
  contract: z.object({ id: Uuid, number: z.string() }),
  kind: z.enum(['prepayment', 'progress', 'balance']),
  dueDate: IsoDateString,
  amount: MoneyString,
  receivedOn: IsoDateString.describe('day the money counts as received on the line'),
  isReversed: z.boolean(),
});

export const PaymentDto = z.object({
  id: Uuid,
  customer: Person,
  owner: Person,
  amount: MoneyString,
  receivedOn: IsoDateString,
  method: PaymentMethod,
  reference: z.string().nullable(),
  note: z.string().nullable(),
  allocated: MoneyString,
  unallocated: MoneyString.describe('left as the customer\'s credit balance'),
  status: z.enum(['recorded', 'reversed']),
  reverseReason: z.string().nullable(),
  allocations: z.array(PaymentAllocationDto),
  createdBy: Person,
  createdAt: z.string(),
  version: z.int(),
}).meta({ id: 'Payment' });
export type PaymentDto = z.infer<typeof PaymentDto>;

export const PaymentSummaryDto = PaymentDto.omit({ allocations: true }).meta({ id: 'PaymentSummary' });
export type PaymentSummaryDto = z.infer<typeof PaymentSummaryDto>;

export const PaymentListQuery = ListQuery.extend({
  customerId: Uuid.optional(),
  from: IsoDateString.optional().describe('received on or after'),
  to: IsoDateString.optional().describe('received on or before'),
  hasCredit: z.enum(['true', 'false']).optional().describe('true: only payments with an unallocated balance'),
}).describe('newest received first');
export type PaymentListQuery = z.infer<typeof PaymentListQuery>;
export const PaymentPage = pageOf(PaymentSummaryDto);

export const CustomerBalanceDto = z.object({
  customerId: Uuid,
  outstanding: MoneyString.describe('open receivable lines: amount − received'),
  overdue: MoneyString.describe('of which due before asOf'),
  creditBalance: MoneyString.describe('money received and not yet allocated (customer credit)'),
  asOf: IsoDateString,
}).meta({ id: 'CustomerBalance' });
export type CustomerBalanceDto = z.infer<typeof CustomerBalanceDto>;

// ── payment slips (缴款单) ─────────────────────────────────────────────────────────────────────

export const paymentSlipStatuses = ['in_review', 'approved', 'rejected', 'draft', 'recorded'] as const;

export const FilePaymentSlipBody = z.strictObject({
  receivableId: Uuid.describe('the contract\'s prepayment line the money was received for'),
  amount: MoneyString.describe('money received; above zero, at most the line\'s outstanding'),
  receivedOn: IsoDateString.describe('day the money arrived; not in the future'),
  method: PaymentMethod.default('bank_transfer'),
  reference: z.string().trim().max(100).optional().describe('bank slip (回单) number'),
  note: z.string().trim().max(500).optional(),
});
export type FilePaymentSlipBody = z.infer<typeof FilePaymentSlipBody>;

export const RecordPaymentSlipBody = z.strictObject({ version: z.int().min(1) });

export const ResubmitPaymentSlipBody = z.strictObject({
  version: z.int().min(1).describe('the version read: another change meanwhile → 409'),
  amount: MoneyString.describe('money received; above zero, at most the line\'s outstanding'),
  receivedOn: IsoDateString.describe('day the money arrived; not in the future'),
  method: PaymentMethod.default('bank_transfer'),
  reference: z.string().trim().max(100).optional().describe('bank slip (回单) number'),
  note: z.string().trim().max(500).optional(),
}).describe('a returned slip, corrected and sent for a new approval round (the returned round stays in the history)');
export type ResubmitPaymentSlipBody = z.infer<typeof ResubmitPaymentSlipBody>;

export const PaymentSlipDto = z.object({
  id: Uuid,
  receivableId: Uuid,
  contract: z.object({ id: Uuid, number: z.string() }),
  customer: Person,
  owner: Person,
  amount: MoneyString,
  receivedOn: IsoDateString,
  method: PaymentMethod,
  reference: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(paymentSlipStatuses).describe('in_review (sales manager approving), approved (finance to record), rejected, draft (returned), recorded'),
  approvalId: Uuid.nullable().describe('the current approval round'),
  decisionComment: z.string().nullable().describe('the approver\'s reason when the current round was returned or rejected'),
  paymentId: Uuid.nullable(),
  filedBy: Person,
  createdAt: z.string(),
  version: z.int(),
}).meta({ id: 'PaymentSlip' });
export type PaymentSlipDto = z.infer<typeof PaymentSlipDto>;

export const PaymentSlipListQuery = ListQuery.extend({
  status: z.enum(paymentSlipStatuses).optional(),
  customerId: Uuid.optional(),
}).describe('newest first');
export type PaymentSlipListQuery = z.infer<typeof PaymentSlipListQuery>;
export const PaymentSlipPage = pageOf(PaymentSlipDto);
