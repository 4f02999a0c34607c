import { foreignKey, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns.js';
import { workspaces } from '../../platform/org/org.schema.js';

/**
 * A workspace's print template per kind of document (打印模板, domain §17): one row per kind, the
 * one in force. `body` null = the built-in default prints (after a reset); the row stays so the
 * version keeps counting and a stale editor gets 409.
 */
export const printTemplates = pgTable('print_templates', {
  ...businessColumns(),
  kind: text('kind').notNull(), // quote | contract | delivery_note
  body: text('body'),
  updatedBy: uuid('updated_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  uniqueIndex('print_templates_kind_uq').on(t.workspaceId, t.kind),
]);
