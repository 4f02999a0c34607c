import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant, newId } from '../db/columns.js';

export const webhooks = pgTable('webhooks', {
  ...businessColumns(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  events: text('events').array().notNull(),
  isActive: boolean('is_active').notNull().default(true),
  description: text('description'),
  createdBy: uuid('created_by'),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.id] })]);

export const webhookDeliveries = pgTable('webhook_deliveries', {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull().$defaultFn(newId),
  webhookId: uuid('webhook_id').notNull(),
  eventId: uuid('event_id').notNull(),
  eventType: text('event_type').notNull(),
  payload: jsonb('payload').notNull(),
  status: text('status').notNull(), // pending | delivered | failed
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  createdAt: instant('created_at').notNull().defaultNow(),
  deliveredAt: instant('delivered_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  index('webhook_deliveries_hook_idx').on(t.workspaceId, t.webhookId, t.id),
]);
