import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../db/columns.js';

/** One row per workspace: the policy values that differ from the defaults, versioned as a whole. */
export const workspacePolicies = pgTable('workspace_policies', {
  workspaceId: uuid('workspace_id').primaryKey(),
  values: jsonb('values').notNull().default({}),
  version: businessColumns().version,
  updatedAt: instant('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/** A policy change that waits for approval (money thresholds). */
export const policyChangeRequests = pgTable('policy_change_requests', {
  ...businessColumns(),
  changes: jsonb('changes').notNull(),
  previous: jsonb('previous').notNull(),
  status: text('status').notNull(), // pending | approved | rejected | returned
  requestedBy: uuid('requested_by').notNull(),
  approvalId: uuid('approval_id'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('policy_change_requests_status_idx').on(t.workspaceId, t.status, t.id),
]);
