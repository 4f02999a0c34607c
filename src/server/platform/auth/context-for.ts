import { and, eq } from 'drizzle-orm';
import type { RoleCode } from '../../../shared/contracts/org.contract.js';
import { newId } from '../db/columns.js';
import { dataScopeOf, permissionsOf } from '../authz/permissions.js';
import type { DbHandle } from '../db/client.js';
import type { CommandContext } from '../http/context.js';
import { users, workspaces } from '../org/org.schema.js';

/** A command context acting as a given user outside HTTP (seeding, scripts, scheduled jobs). */
export async function contextFor(handle: DbHandle, workspaceId: string, userId: string): Promise<CommandContext> {
  const [row] = await handle.db.select({ u: users, w: workspaces }).from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
  if (!row) throw new Error(`user ${userId} not found in workspace ${workspaceId}`);
  const roles = row.u.roles as RoleCode[];
  return {
    db: handle.db, dbKind: handle.kind,
    actor: {
      id: row.u.id, workspaceId, name: row.u.name, username: row.u.username, roles, departmentId: row.u.departmentId,
      permissions: new Set(permissionsOf(roles)), dataScope: dataScopeOf(roles), locale: row.u.locale, via: 'token',
    },
    workspace: { id: workspaceId, name: row.w.name, timeZone: row.w.timeZone },
    requestId: `system-${newId()}`, ip: null, locale: 'zh-CN',
  };
}
