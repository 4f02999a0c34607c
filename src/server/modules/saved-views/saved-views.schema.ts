import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';

/**
 * Saved views (保存的视图, domain §17): a named set of list filters, columns and sort. Personal views
 * are seen by their owner only; shared ones by everyone in the workspace.
 */
export const savedViews = pgTable('saved_views', {
  ...businessColumns(),
  entity: text('entity').notNull(), // customers | contacts | leads | opportunities
  name: text('name').notNull(),
  isShared: boolean('is_shared').notNull().default(false),
  filters: jsonb('filters').$type<Record<string, unknown>>().notNull().default({}),
  columns: text('columns').array(),
  sort: text('sort'),
  ownerId: uuid('owner_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('saved_views_name_uq').on(t.workspaceId, t.ownerId, t.entity, t.name),
  index('saved_views_shared_idx').on(t.workspaceId, t.entity, t.isShared),
]);
