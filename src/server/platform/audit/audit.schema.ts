import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, newId } from '../db/columns.js';

/** Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Ids are UUIDv7, so id order is time order. */
export const auditLog = pgTable('audit_log', {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull().$defaultFn(newId),
  at: instant('at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  action: text('action').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  requestId: text('request_id'),
  ip: text('ip'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('audit_entity_idx').on(t.workspaceId, t.entity, t.entityId, t.id),
  index('audit_actor_idx').on(t.workspaceId, t.actorId, t.id),
  index('audit_action_idx').on(t.workspaceId, t.action, t.id),
]);
