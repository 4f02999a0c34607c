import { z } from 'zod';
import { ApprovalDto } from './approvals.contract.js';
import { InstantString, IsoDateString, ListQuery, MoneyString, pageOf, Person, Uuid, Version } from './common.contract.js';

export const invoiceTypes = ['vat_special', 'vat_normal'] as const;
export const InvoiceType = z.enum(invoiceTypes).describe('增值税专用发票 | 普通发票');
export type InvoiceType = z.infer<typeof InvoiceType>;
export const invoiceRequestStatuses = ['draft', 'in_review', 'approved', 'issued', 'rejected', 'cancelled'] as const;
export const InvoiceRequestStatus = z.enum(invoiceRequestStatuses)
  .describe('draft → in_review → approved → issued; rejected; a returned request is a draft again; a draft may be cancelled');
export type InvoiceRequestStatus = z.infer<typeof InvoiceRequestStatus>;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** The buyer's invoicing details as printed on the invoice (开票信息). */
const InvoiceParty = {
  title: text(200).describe('the buyer\'s invoice title (发票抬头), usually the company name'),
  taxNumber: z.string().trim().min(1).max(20).describe('纳税人识别号: 15, 18 (unified social credit code, checksum checked) or 20 characters'),
  bankName: optionalText(200).describe('开户行; required for a VAT special invoice'),
  bankAccount: optionalText(40).describe('银行账号; required for a VAT special invoice'),
  address: optionalText(300).describe('registered address; required for a VAT special invoice'),
  phone: optionalText(40).describe('registered phone; required for a VAT special invoice'),
};

export const CreateInvoiceRequestBody = z.strictObject({
  contractId: Uuid.describe('a signed or executing contract in your data scope'),
  invoiceType: InvoiceType,
  ...InvoiceParty,
  amount: MoneyString.describe('> 0 and at most the contract\'s invoiceable amount'),
  note: optionalText(1000),
});
export type CreateInvoiceRequestBody = z.infer<typeof CreateInvoiceRequestBody>;

export const SubmitInvoiceRequestBody = z.strictObject({ version: Version });
export const CancelInvoiceRequestBody = z.strictObject({ version: Version });
export const IssueInvoiceBody = z.strictObject({
  version: Version,
  invoiceNumber: z.string().trim().regex(/^[0-9A-Za-z]{8,20}$/, { error: 'errors.invoiceNumberFormat' }).describe('发票号码: 8–20 digits or letters'),
  issuedOn: IsoDateString.describe('开票日期; not in the future'),
  courier: optionalText(100).describe('快递公司 (empty for an e-invoice)'),
  trackingNo: optionalText(60).describe('快递单号'),
});
export type IssueInvoiceBody = z.infer<typeof IssueInvoiceBody>;

export const InvoiceRequestSummaryDto = z.object({
  id: Uuid,
  number: z.string().describe('FP<yyyymm>-0001'),
  contract: z.object({ id: Uuid, number: z.string(), title: z.string() }),
  customer: Person,
  owner: Person,
  invoiceType: InvoiceType,
  title: z.string(),
  amount: MoneyString,
  status: InvoiceRequestStatus,
  requestedBy: Person,
  invoiceNumber: z.string().nullable(),
  issuedOn: IsoDateString.nullable(),
  createdAt: InstantString,
  version: z.int(),
}).meta({ id: 'InvoiceRequestSummary' });
export type InvoiceRequestSummaryDto = z.infer<typeof InvoiceRequestSummaryDto>;

export const InvoiceRequestDto = InvoiceRequestSummaryDto.extend({
  taxNumber: z.string(),
  bankName: z.string().nullable(),
  bankAccount: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  courier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  issuedBy: Person.nullable(),
  approvalId: Uuid.nullable(),
  approvals: z.array(ApprovalDto),
  canSubmit: z.boolean(),
  canCancel: z.boolean(),
  canIssue: z.boolean(),
}).meta({ id: 'InvoiceRequest' });
export type InvoiceRequestDto = z.infer<typeof InvoiceRequestDto>;

export const InvoiceRequestListQuery = ListQuery.extend({
  status: InvoiceRequestStatus.optional(),
  contractId: Uuid.optional(),
  customerId: Uuid.optional(),
});
export type InvoiceRequestListQuery = z.infer<typeof InvoiceRequestListQuery>;
export const InvoiceRequestPage = pageOf(InvoiceRequestSummaryDto);

export const InvoicePrefillQuery = z.strictObject({ contractId: Uuid });
export const InvoicePrefillDto = z.object({
  contractId: Uuid,
  contractAmount: MoneyString,
  /** contract amount − requests not rejected or cancelled */
  invoiceable: MoneyString,
  issued: MoneyString,
  title: z.string(),
  taxNumber: z.string().nullable(),
  bankName: z.string().nullable(),
  bankAccount: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  source: z.enum(['last_request', 'customer']).describe('where the details come from: the customer\'s last request, else the customer file'),
}).meta({ id: 'InvoicePrefill' });
export type InvoicePrefillDto = z.infer<typeof InvoicePrefillDto>;
