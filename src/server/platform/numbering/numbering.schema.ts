import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { businessColumns } from '../db/columns.js';

/** 编号规则: prefix + date + sequence, reset per period. */
export const numberingRules = pgTable('numbering_rules', {
  ...businessColumns(),
  documentType: text('document_type').notNull(),
  prefix: text('prefix').notNull(),
  reset: text('reset').notNull(), // yearly | monthly | daily | never
  padding: integer('padding').notNull().default(4),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.documentType] })]);

/** The last number handed out per document type and period; bumped by one atomic upsert. */
export const numberSequences = pgTable('number_sequences', {
  workspaceId: uuid('workspace_id').notNull(),
  documentType: text('document_type').notNull(),
  periodKey: text('period_key').notNull(),
  lastValue: integer('last_value').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.documentType, t.periodKey] })]);
