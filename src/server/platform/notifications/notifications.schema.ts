import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, newId } from '../db/columns.js';

/** Events written in the business transaction; dispatched (notifications, webhooks) after commit. */
export const outbox = pgTable('outbox', {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull().$defaultFn(newId),
  topic: text('topic').notNull(),
  payload: jsonb('payload').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
  dispatchedAt: instant('dispatched_at'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('outbox_pending_idx').on(t.createdAt).where(sql`dispatched_at IS NULL`),
]);

export const notifications = pgTable('notifications', {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull().$defaultFn(newId),
  userId: uuid('user_id').notNull(),
  kind: text('kind').notNull(),
  params: jsonb('params').notNull().default({}),
  link: text('link'),
  eventId: uuid('event_id'),
  readAt: instant('read_at'),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('notifications_user_idx').on(t.workspaceId, t.userId, t.id),
  index('notifications_unread_idx').on(t.workspaceId, t.userId).where(sql`read_at IS NULL`),
]);
