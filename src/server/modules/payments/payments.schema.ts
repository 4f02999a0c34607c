import { sql } from 'drizzle-orm';
import { date, foreignKey, index, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users } from '../../platform/org/org.schema.js';
import { customers } from '../customers/customers.schema.js';
import { receivables } from '../receivables/receivables.schema.js';

const day = (name: string) => date(name, { mode: 'string' });
const amount = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * A payment received from a customer (回款, domain §11.1), recorded by finance: the amount, the day the
 * bank received it, the method and the bank slip number. What is not allocated to receivable lines is
 * the customer's credit balance (`unallocated`), used by later allocations. A wrong payment is
 * reversed (status reversed) and its allocations no longer count, as of any date.
 */
export const payments = pgTable('payments', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  /** the customer's owner when the payment was recorded (sales read the payments of their customers) */
  ownerId: uuid('owner_id').notNull(),
  amount: amount('amount').notNull(),
  receivedOn: day('received_on').notNull(),
  method: text('method').notNull(), // bank_transfer | acceptance_bill | cash | other
  reference: text('reference'),
  note: text('note'),
  /** amount − allocations: the customer's credit balance left by this payment */
  unallocated: amount('unallocated').notNull().default('0.00'),
  status: text('status').notNull().default('recorded'), // recorded | reversed
  reversedAt: instant('reversed_at'),
  reversedBy: uuid('reversed_by'),
  reverseReason: text('reverse_reason'),
  createdBy: uuid('created_by').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  index('payments_customer_idx').on(t.workspaceId, t.customerId, t.receivedOn, t.id),
  index('payments_received_idx').on(t.workspaceId, t.receivedOn, t.id),
  index('payments_owner_idx').on(t.workspaceId, t.ownerId, t.receivedOn, t.id),
]);

/**
 * One part of a payment matched to one receivable line (核销). `receivedOn` is the day the money counts
 * as received on the line: the payment's day, or the day a credit balance was allocated later. Aging
 * and the collection rate as of any date read these rows (reversed ones excluded).
 */
export const paymentAllocations = pgTable('payment_allocations', {
  ...businessColumns(),
  paymentId: uuid('payment_id').notNull(),
  receivableId: uuid('receivable_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  ownerId: uuid('owner_id').notNull(),
  amount: amount('amount').notNull(),
  receivedOn: day('received_on').notNull(),
  /** set when the payment is reversed: the allocation no longer counts */
  reversedAt: instant('reversed_at'),
  createdBy: uuid('created_by').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.paymentId], foreignColumns: [payments.workspaceId, payments.id] }),
  foreignKey({ columns: [t.workspaceId, t.receivableId], foreignColumns: [receivables.workspaceId, receivables.id] }),
  index('payment_allocations_payment_idx').on(t.workspaceId, t.paymentId),
  index('payment_allocations_receivable_idx').on(t.workspaceId, t.receivableId, t.receivedOn).where(sql`reversed_at is null`),
  index('payment_allocations_received_idx').on(t.workspaceId, t.receivedOn, t.ownerId),
]);

/**
 * A payment slip (缴款单, domain §11.2): the rep confirms a prepayment has arrived and files the slip;
 * the sales manager approves it (approval engine, document type `payment_slip`); finance then records
 * it as a payment allocated to the prepayment line, which releases shipping. Status: in_review →
 * approved | rejected | draft (returned) → recorded (payment_id set).
 */
export const paymentSlips = pgTable('payment_slips', {
  ...businessColumns(),
  receivableId: uuid('receivable_id').notNull(),
  contractId: uuid('contract_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  ownerId: uuid('owner_id').notNull(),
  amount: amount('amount').notNull(),
  receivedOn: day('received_on').notNull(),
  method: text('method').notNull(),
  reference: text('reference'),
  note: text('note'),
  status: text('status').notNull().default('in_review'),
  approvalId: uuid('approval_id'),
  paymentId: uuid('payment_id'),
  filedBy: uuid('filed_by').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.receivableId], foreignColumns: [receivables.workspaceId, receivables.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  index('payment_slips_status_idx').on(t.workspaceId, t.status, t.createdAt),
  index('payment_slips_owner_idx').on(t.workspaceId, t.ownerId, t.createdAt),
  index('payment_slips_receivable_idx').on(t.workspaceId, t.receivableId),
]);
export type PaymentSlipRow = typeof paymentSlips.$inferSelect;
