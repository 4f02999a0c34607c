import { and, eq, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import type { CommandContext, VisibleOwners } from '../http/context.js';
import { departments, users } from '../org/org.schema.js';
import { visibleDepartmentIds } from './scope.rules.js';

async function resolveVisibleOwners(db: Executor, ctx: CommandContext): Promise<VisibleOwners> {
  const { actor } = ctx;
  switch (actor.dataScope) {
    case 'all': return { kind: 'all' };
    case 'none': return { kind: 'users', ids: [] };
    case 'own': return { kind: 'users', ids: [actor.id] };
    default: {
      const tree = await db.select({ id: departments.id, path: departments.path, managerId: departments.managerId })
        .from(departments).where(eq(departments.workspaceId, actor.workspaceId));
      const deptIds = visibleDepartmentIds(actor.dataScope, actor, tree);
      if (deptIds.length === 0) return { kind: 'users', ids: [actor.id] };
      const members = await db.select({ id: users.id }).from(users)
        .where(and(eq(users.workspaceId, actor.workspaceId), sql`${users.departmentId} = ANY(${toUuidArray(deptIds)})`));
      return { kind: 'users', ids: [...new Set([actor.id, ...members.map((m) => m.id)])] };
    }
  }
}

/** Whose records the actor may see, computed once per request. */
export function visibleOwners(db: Executor, ctx: CommandContext): Promise<VisibleOwners> {
  ctx.scopeCache ??= resolveVisibleOwners(db, ctx);
  return ctx.scopeCache;
}

/** The WHERE fragment every scoped repository query starts from: owner column within the actor's data scope. */
export function visibleTo(owners: VisibleOwners, ownerColumn: AnyColumn | SQL): SQL {
  if (owners.kind === 'all') return sql`true`;
  if (owners.ids.length === 0) return sql`false`;
  return sql`${ownerColumn} = ANY(${toUuidArray(owners.ids)})`;
}

/** A uuid[] parameter that works the same on node-postgres and PGlite. */
export function toUuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
