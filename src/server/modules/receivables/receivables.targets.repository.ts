import { and, eq, inArray, sql } from 'drizzle-orm';
import { toUuidArray, visibleTo } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { departments, users, workspaces } from '../../platform/org/org.schema.js';
import { collectionTargets, type CollectionTargetRow } from './receivables.targets.schema.js';

/** Roles whose holders own customers and contracts, so carry a collection target. */
export const TARGET_ROLES = ['sales_rep', 'sales_supervisor', 'sales_manager'] as const;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

export interface TargetPersonRow {
  userId: string; name: string; teamId: string | null; teamName: string | null;
  targetId: string | null; amount: string | null; proposedAmount: string | null; version: number | null; note: string | null;
  setByName: string | null; setAt: Date | string | null;
}

/**
 * The people of a month's target table within the caller's scope, with their stored target: active
 * sales people, plus anyone who has a target that month or money on the table (`alsoIds`: owners of
 * proposed or collected money, e.g. a rep who has since left). By team, then name. One statement.
 */
export async function targetPeople(db: Executor, p: { workspaceId: string; owners: VisibleOwners; period: string; alsoIds: string[] }): Promise<TargetPersonRow[]> {
  const result = await db.execute(sql`
    select u.id::text as "userId", u.name, u.department_id::text as "teamId", d.name as "teamName",
      t.id::text as "targetId", t.amount::text as amount, t.proposed_amount::text as "proposedAmount", t.version, t.note,
      s.name as "setByName", t.updated_at as "setAt"
    from ${users} u
    left join ${collectionTargets} t on t.workspace_id = u.workspace_id and t.period = ${p.period} and t.user_id = u.id
    left join ${departments} d on d.workspace_id = u.workspace_id and d.id = u.department_id
    left join ${users} s on s.workspace_id = t.workspace_id and s.id = t.set_by
    where u.workspace_id = ${p.workspaceId} and ${visibleTo(p.owners, sql`u.id`)}
      and ((u.is_active and u.roles && ${`{${TARGET_ROLES.join(',')}}`}::text[]) or t.id is not null or u.id = any(${toUuidArray(p.alsoIds)}))
    order by d.name nulls last, u.name, u.id`);
  return rowsOf<TargetPersonRow>(result);
}

/** The users of the workspace among `ids`, with their roles (to check who may carry a target). */
export async function usersByIds(db: Executor, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, roles: users.roles }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids)));
}

/** The stored targets of a month for some people, locked for the command's transaction. */
export async function lockTargets(db: Executor, workspaceId: string, period: string, userIds: string[]): Promise<CollectionTargetRow[]> {
  return db.select().from(collectionTargets)
    .where(and(eq(collectionTargets.workspaceId, workspaceId), eq(collectionTargets.period, period), inArray(collectionTargets.userId, userIds))).for('update');
}

/** Changes a target when it still has the version read; none returned means a stale version. */
export async function updateTarget(db: Executor, p: { workspaceId: string; id: string; expectedVersion: number; set: Pick<CollectionTargetRow, 'amount' | 'proposedAmount' | 'setBy' | 'note'> }) {
  const [row] = await db.update(collectionTargets)
    .set({ ...p.set, version: sql`${collectionTargets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(collectionTargets.workspaceId, p.workspaceId), eq(collectionTargets.id, p.id), eq(collectionTargets.version, p.expectedVersion)))
    .returning();
  return row;
}

/** The day the workspace was created (targets cannot be set for months before it). */
export async function workspaceCreatedAt(db: Executor, workspaceId: string): Promise<Date> {
  const [row] = await db.select({ createdAt: workspaces.createdAt }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row!.createdAt;
}
