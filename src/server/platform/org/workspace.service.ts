import { sql } from 'drizzle-orm';
import type { RoleCode } from '../../../shared/contracts/org.contract.js';
import { appendAuditAs } from '../audit/audit.service.js';
import { hashPassword } from '../auth/passwords.js';
import type { Database } from '../db/client.js';
import { newId } from '../db/columns.js';
import { users, workspaces } from './org.schema.js';

export interface NewWorkspace {
  name: string;
  timeZone?: string;
  admin: { username: string; email?: string; name: string; password: string };
}

/** Creates a workspace with its first administrator, in one transaction. */
export async function createWorkspace(db: Database, input: NewWorkspace) {
  const workspaceId = newId();
  const adminId = newId();
  const passwordHash = await hashPassword(input.admin.password);
  await db.transaction(async (tx) => {
    await tx.insert(workspaces).values({ id: workspaceId, name: input.name, timeZone: input.timeZone ?? 'Asia/Shanghai' });
    await tx.insert(users).values({
      id: adminId, workspaceId, username: input.admin.username, email: input.admin.email ?? null, name: input.admin.name,
      passwordHash, roles: ['admin'] satisfies RoleCode[],
    });
    await appendAuditAs(tx, { workspaceId, actorId: null, actorName: 'system' }, { entity: 'workspace', entityId: workspaceId, action: 'create', after: { name: input.name, admin: input.admin.username } });
  });
  return { workspaceId, adminId };
}

export async function countWorkspaces(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(workspaces);
  return row?.n ?? 0;
}
