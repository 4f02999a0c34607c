import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';
import { activities } from '../activities/activities.schema.js';
import { customers } from '../customers/customers.schema.js';
import { opportunities } from '../opportunities/opportunities.schema.js';

const day = (name: string) => date(name, { mode: 'string' });

/**
 * Visit plans (拜访计划, domain §7.1): the cascade quarter → month → week (starting Monday) → day,
 * one plan per owner and period. `status` draft | submitted | approved | returned; a submitted plan
 * goes to the owner's supervisor through the approval engine (`approval_id`). `due_date` is the
 * week plan's due Friday.
 */
export const visitPlans = pgTable('visit_plans', {
  ...businessColumns(),
  ownerId: uuid('owner_id').notNull(),
  period: text('period').notNull(), // quarter | month | week | day
  periodStart: day('period_start').notNull(),
  parentId: uuid('parent_id'),
  status: text('status').notNull().default('draft'), // draft | submitted | approved | returned
  dueDate: day('due_date'),
  submittedAt: instant('submitted_at'),
  /** the calendar day (workspace zone) it was last submitted: lateness is judged on it */
  submittedOn: day('submitted_on'),
  approvalId: uuid('approval_id'),
  note: text('note'),
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  foreignKey({ columns: [t.workspaceId, t.parentId], foreignColumns: [t.workspaceId, t.id] }),
  uniqueIndex('visit_plans_owner_period_uq').on(t.workspaceId, t.ownerId, t.period, t.periodStart),
  // list: by period start (team view), and "not yet submitted" for the Friday reminder
  index('visit_plans_period_idx').on(t.workspaceId, t.period, t.periodStart),
  // the list's keyset order (period start desc, id desc; scanned backwards)
  index('visit_plans_list_idx').on(t.workspaceId, t.periodStart, t.id),
  index('visit_plans_parent_idx').on(t.workspaceId, t.parentId).where(sql`parent_id IS NOT NULL`),
]);

/**
 * A planned visit: customer (contact, opportunity for funnel visits), day and half-day, purpose,
 * mode route | funnel, an executive booking flag. `status` planned | done | missed; a check-in marks
 * it done and points `done_activity_id` at the visit activity.
 */
export const visitPlanItems = pgTable('visit_plan_items', {
  ...businessColumns(),
  planId: uuid('plan_id').notNull(),
  position: integer('position').notNull(),
  customerId: uuid('customer_id').notNull(),
  contactId: uuid('contact_id'),
  opportunityId: uuid('opportunity_id'),
  plannedDate: day('planned_date'),
  halfDay: text('half_day'), // am | pm
  plannedVisits: integer('planned_visits').notNull().default(1),
  purpose: text('purpose'),
  mode: text('mode').notNull().default('route'), // route | funnel
  isExecutiveBooking: boolean('is_executive_booking').notNull().default(false),
  status: text('status').notNull().default('planned'), // planned | done | missed
  doneActivityId: uuid('done_activity_id'),
  checkedInAt: instant('checked_in_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.planId], foreignColumns: [visitPlans.workspaceId, visitPlans.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }),
  foreignKey({ columns: [t.workspaceId, t.doneActivityId], foreignColumns: [activities.workspaceId, activities.id] }),
  index('visit_plan_items_plan_idx').on(t.workspaceId, t.planId, t.position),
  // adherence by day, and "is this customer already planned"
  index('visit_plan_items_date_idx').on(t.workspaceId, t.plannedDate).where(sql`planned_date IS NOT NULL`),
  index('visit_plan_items_customer_idx').on(t.workspaceId, t.customerId),
]);

/** A field check-in (签到) from a phone: where and when (server time) the rep was, attached to the visit. */
export const visitCheckIns = pgTable('visit_check_ins', {
  ...businessColumns(),
  userId: uuid('user_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  planItemId: uuid('plan_item_id'),
  activityId: uuid('activity_id').notNull(),
  latitude: numeric('latitude', { precision: 9, scale: 6 }).notNull(),
  longitude: numeric('longitude', { precision: 9, scale: 6 }).notNull(),
  accuracyMeters: numeric('accuracy_meters', { precision: 10, scale: 1 }),
  address: text('address'),
  note: text('note'),
  photoAttachmentId: uuid('photo_attachment_id'),
  distanceFromCustomerKm: numeric('distance_from_customer_km', { precision: 10, scale: 3 }),
  checkedAt: instant('checked_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.planItemId], foreignColumns: [visitPlanItems.workspaceId, visitPlanItems.id] }),
  foreignKey({ columns: [t.workspaceId, t.activityId], foreignColumns: [activities.workspaceId, activities.id] }),
  index('visit_check_ins_user_idx').on(t.workspaceId, t.userId, t.checkedAt),
  index('visit_check_ins_customer_idx').on(t.workspaceId, t.customerId, t.checkedAt),
]);

/** The Friday reminder sweep's bookkeeping: one reminder per rep per plan week, however often it runs. */
export const visitPlanReminders = pgTable('visit_plan_reminders', {
  workspaceId: uuid('workspace_id').notNull(),
  userId: uuid('user_id').notNull(),
  weekStart: day('week_start').notNull(),
  remindedAt: instant('reminded_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.userId, t.weekStart] }),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
]);
