import { date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';
import { contacts, customers } from '../customers/customers.schema.js';
import { opportunities } from '../opportunities/opportunities.schema.js';

const day = (name: string) => date(name, { mode: 'string' });
const amount = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * A quotation (报价单, domain §8): lines, payment and delivery terms, validity. Lines travel with the
 * quote as one versioned value (approved, frozen and revised together); totals and approval reasons
 * are computed by the server when the quote is written. `status` stores draft | in_review | approved |
 * sent | accepted | rejected_by_customer; "expired" is computed from valid_until, never stored.
 */
export const quotes = pgTable('quotes', {
  ...businessColumns(),
  number: text('number').notNull(),
  revision: integer('revision').notNull().default(1),
  customerId: uuid('customer_id').notNull(),
  opportunityId: uuid('opportunity_id'),
  contactId: uuid('contact_id'),
  quoteDate: day('quote_date').notNull(),
  validUntil: day('valid_until').notNull(),
  /** QuoteLine[] (priced): see quotes.rules.ts */
  lines: jsonb('lines').notNull(),
  listAmount: amount('list_amount').notNull(),
  discountAmount: amount('discount_amount').notNull(),
  taxAmount: amount('tax_amount').notNull(),
  total: amount('total').notNull(),
  prepaymentPct: numeric('prepayment_pct', { precision: 5, scale: 2 }).notNull().default('0'),
  balanceDays: integer('balance_days').notNull().default(30),
  paymentText: text('payment_text'),
  deliveryTerms: text('delivery_terms'),
  notes: text('notes'),
  /** ApprovalReason[] computed at the last write */
  approvalReasons: jsonb('approval_reasons').notNull().default([]),
  approvalLevel: text('approval_level').notNull().default('review'),
  status: text('status').notNull(),
  ownerId: uuid('owner_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  /** who made the current revision, and when */
  revisedBy: uuid('revised_by').notNull(),
  revisedAt: instant('revised_at').notNull().defaultNow(),
  /** the approval currently attached (pending or granted); cleared when an edit re-opens the quote */
  approvalId: uuid('approval_id'),
  submittedBy: uuid('submitted_by'),
  sentAt: instant('sent_at'),
  decidedAt: instant('decided_at'),
  declineReason: text('decline_reason'),
  /** the contract drafted on acceptance (owned by the contracts module; no FK across the module door) */
  contractId: uuid('contract_id'),
  /** the quote this one was copied from (the copy carries no approval) */
  copiedFrom: uuid('copied_from'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }),
  foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('quotes_number_uq').on(t.workspaceId, t.number),
  // list (newest first) and its filters: owner scope, status (+ validity for "expired"), customer, opportunity
  index('quotes_owner_idx').on(t.workspaceId, t.ownerId, t.id),
  index('quotes_status_idx').on(t.workspaceId, t.status, t.validUntil, t.id),
  index('quotes_customer_idx').on(t.workspaceId, t.customerId, t.id),
  index('quotes_opportunity_idx').on(t.workspaceId, t.opportunityId, t.id),
]);

/**
 * Earlier revisions of a quote (报价版本): the full snapshot of revision n, written when an edit of the
 * approved or sent quote starts revision n + 1. Never updated.
 */
export const quoteRevisions = pgTable('quote_revisions', {
  ...businessColumns(),
  quoteId: uuid('quote_id').notNull(),
  revision: integer('revision').notNull(),
  /** the quote row as it stood (lines, totals, terms, status, approval) */
  snapshot: jsonb('snapshot').notNull(),
  supersededBy: uuid('superseded_by').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.quoteId], foreignColumns: [quotes.workspaceId, quotes.id] }),
  uniqueIndex('quote_revisions_uq').on(t.workspaceId, t.quoteId, t.revision),
]);
