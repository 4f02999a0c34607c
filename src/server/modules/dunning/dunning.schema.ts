import { sql } from 'drizzle-orm';
import { date, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';
import { receivables } from '../receivables/receivables.schema.js';

const day = (name: string) => date(name, { mode: 'string' });

/**
 * A deferred-payment request (延期付款申请, domain §11.2) on one receivable line: the due date it had,
 * the original contract due date the 3-month cap counts from, the new date asked and why; decided
 * through the approvals engine (sales VP, then GM). At most one pending request per line.
 */
export const deferralRequests = pgTable('deferral_requests', {
  ...businessColumns(),
  receivableId: uuid('receivable_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  currentDueDate: day('current_due_date').notNull(),
  originalDueDate: day('original_due_date').notNull(),
  newDueDate: day('new_due_date').notNull(),
  reason: text('reason').notNull(),
  status: text('status').notNull(), // pending | approved | rejected | returned
  approvalId: uuid('approval_id'),
  decidedAt: instant('decided_at'),
  decidedOn: day('decided_on'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.receivableId], foreignColumns: [receivables.workspaceId, receivables.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.workspaceId, t.requestedBy], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('deferral_requests_pending_uq').on(t.workspaceId, t.receivableId).where(sql`status = 'pending'`),
  index('deferral_requests_receivable_idx').on(t.workspaceId, t.receivableId, t.id),
  index('deferral_requests_status_idx').on(t.workspaceId, t.status, t.decidedOn),
]);

/**
 * One logged dunning step (催款记录) on a receivable line: which rung, the day, who, a note. A letter
 * step (thank-you, notice, lawyer's letter) prints from its row. A write-off is logged `pending`
 * when finance requests it and becomes `done` (the line written off) or `rejected` by the approval.
 */
export const dunningSteps = pgTable('dunning_steps', {
  ...businessColumns(),
  receivableId: uuid('receivable_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  step: text('step').notNull(), // thank_you | notice | lawyer_letter | lawsuit | write_off
  status: text('status').notNull(), // done | pending | rejected
  actedOn: day('acted_on').notNull(),
  actedBy: uuid('acted_by').notNull(),
  note: text('note'),
  /** the reply deadline printed on a collection letter */
  deadline: day('deadline'),
  approvalId: uuid('approval_id'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.receivableId], foreignColumns: [receivables.workspaceId, receivables.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.workspaceId, t.actedBy], foreignColumns: [users.workspaceId, users.id] }),
  index('dunning_steps_receivable_idx').on(t.workspaceId, t.receivableId, t.actedOn),
  uniqueIndex('dunning_steps_write_off_pending_uq').on(t.workspaceId, t.receivableId).where(sql`step = 'write_off' and status = 'pending'`),
]);

/**
 * The to-do the daily dunning sweep gave a line's owner for one rung (催款待办): at most one per
 * (line, step) ever, so the sweep is idempotent — running it again (or the next day) finds the row
 * and creates nothing. `closedOn` is set when the to-do went stale (the step was logged, the line paid,
 * written off or no longer overdue) and its task was closed.
 */
export const dunningTodos = pgTable('dunning_todos', {
  workspaceId: uuid('workspace_id').notNull(),
  receivableId: uuid('receivable_id').notNull(),
  step: text('step').notNull(),
  taskId: uuid('task_id').notNull(),
  ownerId: uuid('owner_id').notNull(),
  /** the asOf of the sweep that created it */
  createdOn: day('created_on').notNull(),
  closedOn: day('closed_on'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.receivableId, t.step] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.receivableId], foreignColumns: [receivables.workspaceId, receivables.id] }).onDelete('cascade'),
  index('dunning_todos_open_idx').on(t.workspaceId, t.receivableId).where(sql`closed_on is null`),
]);
