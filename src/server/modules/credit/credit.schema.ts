import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';
import { customers } from '../customers/customers.schema.js';

const day = (name: string) => date(name, { mode: 'string' });
const amount = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * The credit profile (客户信用档案, domain §10) of a customer: the limit, the payment terms and the
 * grade in force since `effective_from`. At most one per customer; written only when a credit change
 * request is approved, so a customer without a row has no credit (payment on delivery by default).
 */
export const creditProfiles = pgTable('credit_profiles', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  creditLimit: amount('credit_limit').notNull(),
  termsDays: integer('terms_days').notNull(),
  grade: text('grade').notNull(), // A | B | C | D
  effectiveFrom: day('effective_from').notNull(),
  reason: text('reason').notNull(),
  /** the change request whose approval set these values */
  requestId: uuid('request_id'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  uniqueIndex('credit_profiles_customer_uq').on(t.workspaceId, t.customerId),
  // the finance list filtered by grade
  index('credit_profiles_grade_idx').on(t.workspaceId, t.grade, t.customerId),
]);

/**
 * A credit change request (信用变更申请): the profile's values before (frozen, null for a first
 * profile) and the proposed ones, with the reason, decided through the approvals engine. At most one
 * pending request per customer (partial unique index), which makes concurrent proposals safe.
 * `profile_version` is the profile version the proposer read (0: no profile yet).
 */
export const creditChangeRequests = pgTable('credit_change_requests', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  status: text('status').notNull(), // pending | approved | rejected | returned | void
  profileVersion: integer('profile_version').notNull(),
  oldLimit: amount('old_limit'),
  oldTermsDays: integer('old_terms_days'),
  oldGrade: text('old_grade'),
  newLimit: amount('new_limit').notNull(),
  newTermsDays: integer('new_terms_days').notNull(),
  newGrade: text('new_grade').notNull(),
  reason: text('reason').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  approvalId: uuid('approval_id'),
  decidedAt: instant('decided_at'),
  decisionComment: text('decision_comment'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.requestedBy], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('credit_change_requests_pending_uq').on(t.workspaceId, t.customerId).where(sql`status = 'pending'`),
  index('credit_change_requests_customer_idx').on(t.workspaceId, t.customerId, t.id),
]);

/**
 * Credit profile history (信用变更记录): one row per applied change, before and after, with who
 * asked, who gave the final approval and when it took effect. Append-only.
 */
export const creditProfileHistory = pgTable('credit_profile_history', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  requestId: uuid('request_id'),
  approvalId: uuid('approval_id'),
  oldLimit: amount('old_limit'),
  oldTermsDays: integer('old_terms_days'),
  oldGrade: text('old_grade'),
  newLimit: amount('new_limit').notNull(),
  newTermsDays: integer('new_terms_days').notNull(),
  newGrade: text('new_grade').notNull(),
  effectiveFrom: day('effective_from').notNull(),
  reason: text('reason').notNull(),
  requestedBy: uuid('requested_by'),
  approvedBy: uuid('approved_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  index('credit_profile_history_customer_idx').on(t.workspaceId, t.customerId, t.id),
]);
