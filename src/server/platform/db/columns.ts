import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';

export const newId = (): string => uuidv7();

/** Columns every business table carries (architecture C6). */
export const businessColumns = () => ({
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull().$defaultFn(newId),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const instant = (name: string) => timestamp(name, { withTimezone: true });
