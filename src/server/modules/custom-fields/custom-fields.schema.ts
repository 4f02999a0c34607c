import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns.js';
import { workspaces } from '../../platform/org/org.schema.js';

/**
 * Custom field definitions (自定义字段, domain §17): the values live in each record's `custom_fields`
 * JSONB column under `key`; a definition is deactivated, never deleted, so values stay readable.
 * `key`, `entity` and `kind` are fixed once created (values already stored depend on them).
 */
export const customFieldDefinitions = pgTable('custom_field_definitions', {
  ...businessColumns(),
  entity: text('entity').notNull(), // customers | contacts | leads
  key: text('key').notNull(),
  labelZh: text('label_zh').notNull(),
  labelEn: text('label_en').notNull(),
  kind: text('kind').notNull(), // text | number | money | date | select | multiSelect
  options: jsonb('options').$type<string[]>().notNull().default([]),
  isRequired: boolean('is_required').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  isActive: boolean('is_active').notNull().default(true),
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  uniqueIndex('custom_field_definitions_key_uq').on(t.workspaceId, t.entity, t.key),
  index('custom_field_definitions_entity_idx').on(t.workspaceId, t.entity, t.sortOrder),
]);
