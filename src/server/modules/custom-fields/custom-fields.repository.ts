import { and, asc, eq, sql } from 'drizzle-orm';
import type { CustomFieldEntity } from '../../../shared/contracts/custom-fields.contract.js';
import type { Executor } from '../../platform/db/client.js';
import { customFieldDefinitions } from './custom-fields.schema.js';

export type DefinitionRow = typeof customFieldDefinitions.$inferSelect;

/** Definitions of one entity in form order (sort order, then key). */
export async function listDefinitions(db: Executor, workspaceId: string, entity: CustomFieldEntity, includeInactive: boolean): Promise<DefinitionRow[]> {
  const conditions = [eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.entity, entity)];
  if (!includeInactive) conditions.push(eq(customFieldDefinitions.isActive, true));
  return db.select().from(customFieldDefinitions).where(and(...conditions))
    .orderBy(asc(customFieldDefinitions.sortOrder), asc(customFieldDefinitions.key));
}

export async function findDefinition(db: Executor, workspaceId: string, id: string): Promise<DefinitionRow | null> {
  const [row] = await db.select().from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.id, id)));
  return row ?? null;
}

export async function nextSortOrder(db: Executor, workspaceId: string, entity: CustomFieldEntity): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${customFieldDefinitions.sortOrder}), 0)::int` }).from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.entity, entity)));
  return (row?.n ?? 0) + 10;
}
