import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../src/server/platform/audit/audit.schema.js';
import { seedDemoWorkspace } from '../src/server/seed/demo.js';
import { login, type Client, type TestContext } from './harness.js';

let seeded = 0;

export interface ExtraWorkspace {
  workspaceId: string;
  userIds: Record<string, string>;
  /** signs in a demo user of this workspace by their plain name (`gm`, `rep1` …) */
  loginAs(username: string): Promise<Client>;
}

/**
 * Seeds one more copy of the demo workspace into the test database (users get a unique suffix), so
 * a test that changes workspace-wide state (policies, flows, numbering) starts from a clean slate.
 */
export async function seedWorkspace(t: TestContext, options: { pendingPolicyChange?: boolean } = {}): Promise<ExtraWorkspace> {
  const suffix = `_w${process.pid}x${seeded++}`;
  const ws = await seedDemoWorkspace(t.handle, { usernameSuffix: suffix, name: `测试公司${suffix}`, pendingPolicyChange: options.pendingPolicyChange ?? false });
  return { workspaceId: ws.workspaceId, userIds: ws.userIds, loginAs: (username) => login(t.app, `${username}${suffix}`) };
}

/** Audit rows of one workspace matching entity/action (and entity id), oldest first. */
export async function auditRows(t: TestContext, workspaceId: string, filter: { entity?: string; action?: string; entityId?: string } = {}) {
  const conditions = [eq(auditLog.workspaceId, workspaceId)];
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  return t.handle.db.select().from(auditLog).where(and(...conditions)).orderBy(auditLog.id);
}

/** Number of rows in a table, to prove a refused request wrote nothing. */
export async function countRows(t: TestContext, table: string, workspaceId?: string): Promise<number> {
  const where = workspaceId ? sql` where workspace_id = ${workspaceId}` : sql``;
  const result = await t.handle.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}${where}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return Number(rows[0]!.n);
}
