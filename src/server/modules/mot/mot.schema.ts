import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { departments, users, workspaces } from '../../platform/org/org.schema.js';
import { contacts, customers } from '../customers/customers.schema.js';
import { opportunities } from '../opportunities/opportunities.schema.js';

const day = (name: string) => date(name, { mode: 'string' });

/**
 * Touchpoints (接触点, moments of truth §7.3): any contact between the customer and anyone in the
 * company — front desk, service, finance, warehouse, sales. `user_id` is the employee who met the
 * customer; `role` and `department_id` are what they acted as when it happened (kept, so reports
 * by department stay right after a transfer).
 */
export const touchpoints = pgTable('touchpoints', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  contactId: uuid('contact_id'),
  opportunityId: uuid('opportunity_id'),
  channel: text('channel').notNull(), // face_to_face | phone | email | im | other
  userId: uuid('user_id').notNull(),
  role: text('role').notNull(),
  departmentId: uuid('department_id'),
  occurredAt: instant('occurred_at').notNull(),
  impression: text('impression').notNull(),
  sentiment: text('sentiment').notNull().default('neutral'), // positive | neutral | negative
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
  foreignKey({ columns: [t.workspaceId, t.departmentId], foreignColumns: [departments.workspaceId, departments.id] }),
  // lists: newest first (occurred_at desc, id desc), by customer, by person, by channel
  index('touchpoints_occurred_idx').on(t.workspaceId, t.occurredAt, t.id),
  index('touchpoints_customer_idx').on(t.workspaceId, t.customerId, t.occurredAt, t.id),
  index('touchpoints_user_idx').on(t.workspaceId, t.userId, t.occurredAt, t.id),
  index('touchpoints_channel_idx').on(t.workspaceId, t.channel, t.occurredAt),
  index('touchpoints_opportunity_idx').on(t.workspaceId, t.opportunityId).where(sql`opportunity_id IS NOT NULL`),
]);

/**
 * Customer needs through the MOT behaviour model (§7.3): explore → propose (the promise) → execute
 * (keeping it: the fulfilment) → confirm (satisfaction 1–5 and comment). `step` is the step reached;
 * each later step keeps when and by whom it was reached, so the record is its own history.
 */
export const needs = pgTable('needs', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  opportunityId: uuid('opportunity_id'),
  title: text('title').notNull(),
  description: text('description'),
  step: text('step').notNull().default('explore'), // explore | propose | execute | confirm
  promise: text('promise'),
  promiseDueDate: day('promise_due_date'),
  fulfilment: text('fulfilment'),
  satisfactionScore: integer('satisfaction_score'),
  satisfactionComment: text('satisfaction_comment'),
  ownerId: uuid('owner_id').notNull(),
  proposedAt: instant('proposed_at'),
  proposedBy: uuid('proposed_by'),
  executedAt: instant('executed_at'),
  executedBy: uuid('executed_by'),
  confirmedAt: instant('confirmed_at'),
  confirmedBy: uuid('confirmed_by'),
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  check('needs_satisfaction_score_ck', sql`satisfaction_score IS NULL OR satisfaction_score BETWEEN 1 AND 5`),
  check('needs_step_ck', sql`step IN ('explore', 'propose', 'execute', 'confirm')`),
  // lists: keyset on id (UUIDv7) by customer, owner and step; satisfaction by owner/customer over confirmed needs
  index('needs_customer_idx').on(t.workspaceId, t.customerId, t.id),
  index('needs_owner_idx').on(t.workspaceId, t.ownerId, t.id),
  index('needs_step_idx').on(t.workspaceId, t.step, t.id),
  index('needs_confirmed_idx').on(t.workspaceId, t.confirmedAt).where(sql`satisfaction_score IS NOT NULL`),
  index('needs_opportunity_idx').on(t.workspaceId, t.opportunityId).where(sql`opportunity_id IS NOT NULL`),
]);
