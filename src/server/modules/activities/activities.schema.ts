import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';
import { customers } from '../customers/customers.schema.js';
import { opportunities } from '../opportunities/opportunities.schema.js';

const day = (name: string) => date(name, { mode: 'string' });

/**
 * Activities (销售活动, domain §7.2): visit, call, email, meeting, demo, message, task. `status`
 * planned | done | cancelled. `occurred_at` is when it happened (done) or is planned for; the
 * timeline orders by it. Contact ids are plain uuids (a contact merge removes the duplicate; the
 * merge handler re-points them). Visible to whoever sees the owner (data scope) or the customer.
 */
export const activities = pgTable('activities', {
  ...businessColumns(),
  type: text('type').notNull(), // visit | call | email | meeting | demo | message | task
  subject: text('subject').notNull(),
  notes: text('notes'),
  customerId: uuid('customer_id').notNull(),
  contactId: uuid('contact_id'),
  opportunityId: uuid('opportunity_id'),
  status: text('status').notNull().default('planned'), // planned | done | cancelled
  occurredAt: instant('occurred_at').notNull(),
  durationMinutes: integer('duration_minutes'),
  location: text('location'),
  outcome: text('outcome'),
  completedAt: instant('completed_at'),
  ownerId: uuid('owner_id').notNull(),
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  // list + timeline: keyset on (occurred_at, id) newest first, by scope and by each filter
  index('activities_occurred_idx').on(t.workspaceId, t.occurredAt, t.id),
  index('activities_owner_idx').on(t.workspaceId, t.ownerId, t.occurredAt, t.id),
  index('activities_customer_idx').on(t.workspaceId, t.customerId, t.occurredAt, t.id),
  index('activities_opportunity_idx').on(t.workspaceId, t.opportunityId, t.occurredAt, t.id).where(sql`opportunity_id IS NOT NULL`),
  index('activities_contact_idx').on(t.workspaceId, t.contactId).where(sql`contact_id IS NOT NULL`),
  index('activities_type_idx').on(t.workspaceId, t.type, t.occurredAt),
  index('activities_status_idx').on(t.workspaceId, t.status, t.occurredAt),
]);

/**
 * Call reports (访问报告, §7.2): written before (purpose), during (notes) and right after a visit or
 * call; one per activity at most, or standalone. `message` holds the sections budget, orgChart,
 * decisionModel, competitors (and `other`). `status` draft | sent.
 */
export const callReports = pgTable('call_reports', {
  ...businessColumns(),
  activityId: uuid('activity_id'),
  reportDate: day('report_date').notNull(),
  customerId: uuid('customer_id').notNull(),
  contactId: uuid('contact_id'),
  opportunityId: uuid('opportunity_id'),
  company: text('company').notNull(),
  contactName: text('contact_name'),
  phone: text('phone'),
  address: text('address'),
  purpose: text('purpose'),
  notes: text('notes'),
  message: jsonb('message').notNull().default({}),
  /** the action items as written ([{ action, assigneeId, dueDate, reminderAt }]); sending turns them into tasks */
  actionItems: jsonb('action_items').notNull().default([]),
  status: text('status').notNull().default('draft'), // draft | sent
  sentAt: instant('sent_at'),
  authorId: uuid('author_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }),
  foreignKey({ columns: [t.workspaceId, t.activityId], foreignColumns: [activities.workspaceId, activities.id] }),
  foreignKey({ columns: [t.workspaceId, t.authorId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('call_reports_activity_uq').on(t.workspaceId, t.activityId).where(sql`activity_id IS NOT NULL`),
  index('call_reports_author_idx').on(t.workspaceId, t.authorId, t.reportDate, t.id),
  index('call_reports_customer_idx').on(t.workspaceId, t.customerId, t.reportDate, t.id),
  index('call_reports_opportunity_idx').on(t.workspaceId, t.opportunityId, t.reportDate, t.id).where(sql`opportunity_id IS NOT NULL`),
  index('call_reports_date_idx').on(t.workspaceId, t.reportDate, t.id),
  index('call_reports_status_idx').on(t.workspaceId, t.status, t.reportDate),
  index('call_reports_contact_idx').on(t.workspaceId, t.contactId).where(sql`contact_id IS NOT NULL`),
]);

/** TO (direct supervisor + people who must act) and CC of a call report. */
export const callReportRecipients = pgTable('call_report_recipients', {
  workspaceId: uuid('workspace_id').notNull(),
  callReportId: uuid('call_report_id').notNull(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').notNull(), // to | cc
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.callReportId, t.userId] }),
  foreignKey({ columns: [t.workspaceId, t.callReportId], foreignColumns: [callReports.workspaceId, callReports.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
  // "call reports addressed to me"
  index('call_report_recipients_user_idx').on(t.workspaceId, t.userId, t.callReportId),
]);

/**
 * Tasks (action items, 待办): from a call report's action items (created when it is sent) or
 * standalone. `status` open | done. `reminded_for` is the due date the assignee was last reminded
 * about, so the reminder sweep notifies once per task per due date.
 */
export const tasks = pgTable('tasks', {
  ...businessColumns(),
  action: text('action').notNull(),
  assigneeId: uuid('assignee_id').notNull(),
  dueDate: day('due_date').notNull(),
  reminderAt: instant('reminder_at'),
  remindedFor: day('reminded_for'),
  status: text('status').notNull().default('open'), // open | done
  doneAt: instant('done_at'),
  customerId: uuid('customer_id'),
  opportunityId: uuid('opportunity_id'),
  callReportId: uuid('call_report_id'),
  /** the item's position in its call report, so re-sending never duplicates a task */
  itemIndex: integer('item_index'),
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.assigneeId], foreignColumns: [users.workspaceId, users.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }),
  foreignKey({ columns: [t.workspaceId, t.callReportId], foreignColumns: [callReports.workspaceId, callReports.id] }),
  uniqueIndex('tasks_call_report_item_uq').on(t.workspaceId, t.callReportId, t.itemIndex).where(sql`call_report_id IS NOT NULL`),
  index('tasks_assignee_idx').on(t.workspaceId, t.assigneeId, t.status, t.dueDate, t.id),
  index('tasks_due_open_idx').on(t.workspaceId, t.dueDate).where(sql`status = 'open'`),
  index('tasks_customer_idx').on(t.workspaceId, t.customerId, t.createdAt).where(sql`customer_id IS NOT NULL`),
  index('tasks_opportunity_idx').on(t.workspaceId, t.opportunityId, t.createdAt).where(sql`opportunity_id IS NOT NULL`),
]);
