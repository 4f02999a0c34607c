import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { users, workspaces } from '../org/org.schema.js';
import { apiTokens, loginThrottle, sessions } from './auth.schema.js';

const principalColumns = {
  id: users.id, workspaceId: users.workspaceId, name: users.name, username: users.username, roles: users.roles,
  departmentId: users.departmentId, locale: users.locale, isActive: users.isActive, passwordHash: users.passwordHash,
  workspaceName: workspaces.name, timeZone: workspaces.timeZone,
};

export type Principal = Awaited<ReturnType<typeof findUserByLogin>>;

export async function findUserByLogin(db: Executor, login: string) {
  const key = login.toLowerCase();
  const [row] = await db.select(principalColumns).from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(or(sql`lower(${users.username}) = ${key}`, sql`lower(${users.email}) = ${key}`))
    .limit(1);
  return row ?? null;
}

function sessionLookup(db: Database) {
  return db.select({ ...principalColumns, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt }).from(sessions)
    .innerJoin(users, and(eq(users.workspaceId, sessions.workspaceId), eq(users.id, sessions.userId)))
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('hash')), sql`${sessions.expiresAt} > ${sql.placeholder('now')}::timestamptz`))
    .limit(1)
    .prepare('principal_by_session');
}
const preparedLookups = new WeakMap<Database, ReturnType<typeof sessionLookup>>();

/** Runs on every cookie request, so it is a named prepared statement (planned once per connection). */
export async function findPrincipalBySession(db: Database, tokenHash: string, now: Date) {
  let lookup = preparedLookups.get(db);
  if (!lookup) preparedLookups.set(db, (lookup = sessionLookup(db)));
  const [row] = await lookup.execute({ hash: tokenHash, now: now.toISOString() });
  return row ?? null;
}

export async function findPrincipalByApiToken(db: Executor, tokenHash: string) {
  const [row] = await db.select({ ...principalColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt }).from(apiTokens)
    .innerJoin(users, and(eq(users.workspaceId, apiTokens.workspaceId), eq(users.id, apiTokens.userId)))
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function findThrottle(db: Executor, loginKey: string) {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.loginKey, loginKey));
  return row ?? null;
}

/** Counts a failure atomically; returns the new count. */
export async function recordLoginFailure(db: Executor, loginKey: string, now: Date) {
  const [row] = await db.insert(loginThrottle).values({ loginKey, failures: 1, updatedAt: now })
    .onConflictDoUpdate({ target: loginThrottle.loginKey, set: { failures: sql`${loginThrottle.failures} + 1`, updatedAt: now } })
    .returning({ failures: loginThrottle.failures });
  return row!.failures;
}

export async function lockLogin(db: Executor, loginKey: string, until: Date) {
  await db.update(loginThrottle).set({ failures: 0, lockedUntil: until }).where(eq(loginThrottle.loginKey, loginKey));
}

export async function clearThrottle(db: Executor, loginKey: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.loginKey, loginKey));
}

/** Expired sessions are only dead weight: the scheduler deletes them. */
export async function deleteExpiredSessions(db: Executor, now: Date) {
  const removed = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ hash: sessions.tokenHash });
  return removed.length;
}
