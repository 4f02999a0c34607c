import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../db/columns.js';

/** Approval flows are data: document type → ordered steps (see approvals.rules.ts for the step shape). */
export const approvalFlows = pgTable('approval_flows', {
  ...businessColumns(),
  documentType: text('document_type').notNull(),
  name: text('name').notNull(),
  steps: jsonb('steps').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('approval_flows_type_uq').on(t.workspaceId, t.documentType),
]);

/** One approval request: the flow's steps resolved at submission and frozen, with a snapshot of what is approved. */
export const approvals = pgTable('approvals', {
  ...businessColumns(),
  documentType: text('document_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  title: text('title').notNull(),
  requesterId: uuid('requester_id').notNull(),
  status: text('status').notNull(), // pending | approved | rejected | returned | cancelled
  currentStep: integer('current_step').notNull().default(0),
  snapshot: jsonb('snapshot').notNull(),
  decidedAt: instant('decided_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('approvals_requester_idx').on(t.workspaceId, t.requesterId, t.id),
  index('approvals_subject_idx').on(t.workspaceId, t.documentType, t.subjectId),
  index('approvals_status_idx').on(t.workspaceId, t.status, t.id),
]);

export const approvalSteps = pgTable('approval_steps', {
  ...businessColumns(),
  approvalId: uuid('approval_id').notNull(),
  stepIndex: integer('step_index').notNull(),
  label: text('label').notNull(),
  assigneeIds: uuid('assignee_ids').array().notNull(),
  status: text('status').notNull(), // waiting | pending | approved | rejected | returned | cancelled
  decidedBy: uuid('decided_by'),
  decidedAt: instant('decided_at'),
  comment: text('comment'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('approval_steps_order_uq').on(t.workspaceId, t.approvalId, t.stepIndex),
  index('approval_steps_inbox_idx').using('gin', t.assigneeIds).where(sql`status = 'pending'`),
]);
