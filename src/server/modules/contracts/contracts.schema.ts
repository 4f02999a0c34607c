import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';
import { customers } from '../customers/customers.schema.js';
import { opportunities } from '../opportunities/opportunities.schema.js';

const day = (name: string) => date(name, { mode: 'string' });
const amount = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * A sales contract (销售合同, domain §9): parties, lines, the payment plan and the delivery terms.
 * Lines and plan travel with the contract as one versioned value (they are approved, frozen and
 * amended together); `amount` is the sum of the line amounts, computed by the server. The quote it
 * came from is kept without a foreign key until the quotes module exists.
 */
export const contracts = pgTable('contracts', {
  ...businessColumns(),
  number: text('number').notNull(),
  customerId: uuid('customer_id').notNull(),
  opportunityId: uuid('opportunity_id'),
  quoteId: uuid('quote_id'),
  title: text('title').notNull(),
  /** the customer's signing party (甲方) and ours (乙方) as printed on the contract */
  buyerParty: text('buyer_party').notNull(),
  sellerParty: text('seller_party').notNull(),
  contractDate: day('contract_date').notNull(),
  /** ContractLine[]: see contracts.rules.ts */
  lines: jsonb('lines').notNull(),
  /** PaymentPlanLine[]: see contracts.rules.ts */
  paymentPlan: jsonb('payment_plan').notNull(),
  amount: amount('amount').notNull(),
  deliveryTerms: text('delivery_terms'),
  status: text('status').notNull(), // draft | in_review | approved | signed | executing | completed | terminated
  ownerId: uuid('owner_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  /** the approval currently attached (pending or granted); cleared when an edit re-opens the contract */
  approvalId: uuid('approval_id'),
  submittedBy: uuid('submitted_by'),
  signedOn: day('signed_on'),
  signedBy: uuid('signed_by'),
  /** approved amendments applied so far (合同变更次数): the contract's revision shown to users */
  amendmentCount: integer('amendment_count').notNull().default(0),
  /** the contract this draft was copied from (a copy carries no approval, signing or quote link) */
  copiedFromId: uuid('copied_from_id'),
  terminatedOn: day('terminated_on'),
  terminatedBy: uuid('terminated_by'),
  terminationReason: text('termination_reason'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('contracts_number_uq').on(t.workspaceId, t.number),
  // list (newest first) and its filters: owner scope, status, customer, signed date
  index('contracts_owner_idx').on(t.workspaceId, t.ownerId, t.id),
  index('contracts_status_idx').on(t.workspaceId, t.status, t.id),
  index('contracts_customer_idx').on(t.workspaceId, t.customerId, t.id),
  index('contracts_signed_on_idx').on(t.workspaceId, t.signedOn).where(sql`signed_on is not null`),
  // close-won check: a signed contract on the opportunity
  index('contracts_opportunity_idx').on(t.workspaceId, t.opportunityId).where(sql`opportunity_id is not null`),
]);

/**
 * A contract amendment (合同变更, domain §9): the values before (frozen when proposed) and the proposed
 * ones — lines, payment plan, delivery terms and the amount they add up to — with the reason, decided
 * through its own approval. At most one pending per contract (partial unique index, safe under
 * concurrency); `seq` numbers a contract's amendments 1, 2, 3 … and the history keeps every one.
 * `contract_version` is the contract version the proposer read: applied only if it still holds.
 */
export const contractAmendments = pgTable('contract_amendments', {
  ...businessColumns(),
  contractId: uuid('contract_id').notNull(),
  seq: integer('seq').notNull(),
  reason: text('reason').notNull(),
  /** AmendmentValues: { amount, lines, paymentPlan, deliveryTerms } */
  before: jsonb('before').notNull(),
  after: jsonb('after').notNull(),
  status: text('status').notNull(), // pending | approved | rejected | returned | cancelled | void
  contractVersion: integer('contract_version').notNull(),
  approvalId: uuid('approval_id'),
  requestedBy: uuid('requested_by').notNull(),
  decidedAt: instant('decided_at'),
  decisionComment: text('decision_comment'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.contractId], foreignColumns: [contracts.workspaceId, contracts.id] }),
  foreignKey({ columns: [t.workspaceId, t.requestedBy], foreignColumns: [users.workspaceId, users.id] }),
  // the history of one contract in order, and one sequence number each
  uniqueIndex('contract_amendments_seq_uq').on(t.workspaceId, t.contractId, t.seq),
  uniqueIndex('contract_amendments_pending_uq').on(t.workspaceId, t.contractId).where(sql`status = 'pending'`),
]);
