import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users } from '../../platform/org/org.schema.js';
import { customers } from '../customers/customers.schema.js';

const day = (name: string) => date(name, { mode: 'string' });

/**
 * Credit investigations (信用调查, domain §10): prepared by customer service in five parts (the
 * typed parts as JSON; part 4, business with us, computed and frozen into `business_history` on
 * submit), reviewed by finance into the evaluation form (信用调查评定表). status draft → submitted →
 * reviewed. `next_due_on` is the yearly update date; `renewal_task_id` the to-do the sweep created
 * for it (at most one per investigation, which makes the sweep idempotent).
 */
export const creditInvestigations = pgTable('credit_investigations', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  status: text('status').notNull(), // draft | submitted | reviewed
  basic: jsonb('basic').notNull(),
  bank: jsonb('bank').notNull(),
  financials: jsonb('financials').notNull(),
  other: jsonb('other').notNull(),
  attachmentIds: jsonb('attachment_ids').notNull(),
  customerConfirmed: boolean('customer_confirmed').notNull().default(false),
  businessHistory: jsonb('business_history'),
  preparedBy: uuid('prepared_by').notNull(),
  submittedAt: instant('submitted_at'),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: instant('reviewed_at'),
  evaluation: text('evaluation'),
  suggestedGrade: text('suggested_grade'),
  nextDueOn: day('next_due_on'),
  renewalTaskId: uuid('renewal_task_id'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.preparedBy], foreignColumns: [users.workspaceId, users.id] }),
  index('credit_investigations_customer_idx').on(t.workspaceId, t.customerId, t.id),
  // the yearly-update sweep: reviewed investigations without a renewal task, by due date
  index('credit_investigations_due_idx').on(t.workspaceId, t.nextDueOn).where(sql`status = 'reviewed' and renewal_task_id is null`),
]);

/**
 * Credit ratings (信用评级): the five dimensions' indicator scores and the policy weights used, the
 * total (0–100, 2 decimals) and the grade by the policy thresholds; who rated, when and why.
 * Append-only: the customer's grade history.
 */
export const creditRatings = pgTable('credit_ratings', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  investigationId: uuid('investigation_id'),
  dimensions: jsonb('dimensions').notNull(),
  total: numeric('total', { precision: 5, scale: 2 }).notNull(),
  grade: text('grade').notNull(),
  previousGrade: text('previous_grade'),
  suggestedTermsDays: integer('suggested_terms_days').notNull(),
  reason: text('reason').notNull(),
  ratedBy: uuid('rated_by').notNull(),
  ratedOn: day('rated_on').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.ratedBy], foreignColumns: [users.workspaceId, users.id] }),
  index('credit_ratings_customer_idx').on(t.workspaceId, t.customerId, t.id),
]);

/**
 * Downgrade triggers (降级触发, domain §10) recorded with evidence. Each gives finance a re-rating
 * to-do; the next rating of the customer answers every open trigger (status rated, rating_id).
 */
export const creditDowngradeTriggers = pgTable('credit_downgrade_triggers', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  kind: text('kind').notNull(),
  occurredOn: day('occurred_on').notNull(),
  evidence: text('evidence').notNull(),
  attachmentIds: jsonb('attachment_ids').notNull(),
  status: text('status').notNull(), // open | rated
  recordedBy: uuid('recorded_by').notNull(),
  taskId: uuid('task_id'),
  ratingId: uuid('rating_id'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.recordedBy], foreignColumns: [users.workspaceId, users.id] }),
  index('credit_downgrade_triggers_customer_idx').on(t.workspaceId, t.customerId, t.id),
  index('credit_downgrade_triggers_open_idx').on(t.workspaceId, t.customerId).where(sql`status = 'open'`),
]);
