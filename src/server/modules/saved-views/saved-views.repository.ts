import { and, asc, eq, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { users } from '../../platform/org/org.schema.js';
import { savedViews } from './saved-views.schema.js';

export type SavedViewRow = typeof savedViews.$inferSelect & { ownerName: string | null };

const withOwner = { view: savedViews, ownerName: users.name };
const ownerJoin = and(eq(users.workspaceId, savedViews.workspaceId), eq(users.id, savedViews.ownerId));

/** The caller's own views and the shared ones of an entity, by name. */
export async function listVisibleViews(db: Executor, workspaceId: string, entity: string, actorId: string): Promise<SavedViewRow[]> {
  const rows = await db.select(withOwner).from(savedViews).leftJoin(users, ownerJoin)
    .where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.entity, entity), or(eq(savedViews.ownerId, actorId), eq(savedViews.isShared, true))))
    .orderBy(asc(savedViews.name), asc(savedViews.id));
  return rows.map((r) => ({ ...r.view, ownerName: r.ownerName }));
}

export async function findView(db: Executor, workspaceId: string, id: string): Promise<SavedViewRow | null> {
  const [row] = await db.select(withOwner).from(savedViews).leftJoin(users, ownerJoin)
    .where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.id, id)));
  return row ? { ...row.view, ownerName: row.ownerName } : null;
}
