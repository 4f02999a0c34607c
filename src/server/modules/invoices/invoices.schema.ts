import { sql } from 'drizzle-orm';
import { date, foreignKey, index, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users } from '../../platform/org/org.schema.js';
import { contracts } from '../contracts/contracts.schema.js';
import { customers } from '../customers/customers.schema.js';

const day = (name: string) => date(name, { mode: 'string' });

/**
 * An invoice request (开票申请, domain §17): sales asks finance to issue a VAT invoice against a signed
 * contract — type, the buyer's title (抬头), tax number, bank, account, address and phone as printed,
 * the amount — approved by the sales manager, then issued by finance, who records the invoice number
 * and the courier. Customer and owner are copied from the contract so lists filter without a join.
 */
export const invoiceRequests = pgTable('invoice_requests', {
  ...businessColumns(),
  number: text('number').notNull(),
  contractId: uuid('contract_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  ownerId: uuid('owner_id').notNull(),
  invoiceType: text('invoice_type').notNull(), // vat_special 增值税专用发票 | vat_normal 普通发票
  title: text('title').notNull(),
  taxNumber: text('tax_number').notNull(),
  bankName: text('bank_name'),
  bankAccount: text('bank_account'),
  address: text('address'),
  phone: text('phone'),
  amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
  note: text('note'),
  status: text('status').notNull(), // draft | in_review | approved | issued | rejected | cancelled
  requestedBy: uuid('requested_by').notNull(),
  approvalId: uuid('approval_id'),
  invoiceNumber: text('invoice_number'),
  issuedOn: day('issued_on'),
  courier: text('courier'),
  trackingNo: text('tracking_no'),
  issuedBy: uuid('issued_by'),
  issuedAt: instant('issued_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.contractId], foreignColumns: [contracts.workspaceId, contracts.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('invoice_requests_number_uq').on(t.workspaceId, t.number),
  // list (newest first) and its filters: owner scope, status (finance's queue), contract, customer
  index('invoice_requests_owner_idx').on(t.workspaceId, t.ownerId, t.id),
  index('invoice_requests_status_idx').on(t.workspaceId, t.status, t.id),
  // the contract's requests: the invoiceable sum and the issued sum (credit breakdown)
  index('invoice_requests_contract_idx').on(t.workspaceId, t.contractId, t.status),
  index('invoice_requests_customer_idx').on(t.workspaceId, t.customerId, t.id),
  // issued value of a customer's contracts (credit exposure breakdown); migration 0025 adds INCLUDE (contract_id, amount) by hand
  index('invoice_requests_customer_status_idx').on(t.workspaceId, t.customerId, t.status),
  // one invoice number is recorded once
  uniqueIndex('invoice_requests_invoice_number_uq').on(t.workspaceId, t.invoiceNumber).where(sql`invoice_number is not null`),
]);
