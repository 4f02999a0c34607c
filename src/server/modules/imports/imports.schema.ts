import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';

/**
 * One import of one file (domain §16) that runs in the background: large files answer 202 with the
 * job, the web polls it. `report` holds the row-level report once done. A job whose heartbeat stops
 * (the process restarted) is failed by the sweep; all-or-nothing imports wrote nothing then.
 */
export const importJobs = pgTable('import_jobs', {
  ...businessColumns(),
  entity: text('entity').notNull(), // customers | contacts | leads
  status: text('status').notNull().default('queued'), // queued | running | done | failed
  fileName: text('file_name'),
  options: jsonb('options').notNull().default({}),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  report: jsonb('report'),
  errorKey: text('error_key'),
  createdBy: uuid('created_by').notNull(),
  startedAt: instant('started_at'),
  finishedAt: instant('finished_at'),
  heartbeatAt: instant('heartbeat_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.createdBy], foreignColumns: [users.workspaceId, users.id] }),
  index('import_jobs_creator_idx').on(t.workspaceId, t.createdBy, t.id),
  index('import_jobs_live_idx').on(t.workspaceId, t.status, t.heartbeatAt).where(sql`status in ('queued', 'running')`),
]);

/** Saved column mappings (file header → field) per entity, personal or shared with the workspace. */
export const importTemplates = pgTable('import_templates', {
  ...businessColumns(),
  entity: text('entity').notNull(),
  name: text('name').notNull(),
  mapping: jsonb('mapping').notNull().default({}),
  ownerId: uuid('owner_id').notNull(),
  isShared: boolean('is_shared').notNull().default(false),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('import_templates_name_uq').on(t.workspaceId, t.entity, t.ownerId, t.name),
  index('import_templates_shared_idx').on(t.workspaceId, t.entity, t.isShared),
]);
