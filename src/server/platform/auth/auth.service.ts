import { and, eq, ne } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { appendAudit, appendAuditAs } from '../audit/audit.service.js';
import type { Database } from '../db/client.js';
import { newId } from '../db/columns.js';
import type { CommandContext } from '../http/context.js';
import { users } from '../org/org.schema.js';
import { readPolicies } from '../policies/policies.service.js';
import { apiTokens, sessions } from './auth.schema.js';
import {
  clearThrottle, findThrottle, findUserByLogin, lockLogin, recordLoginFailure, type Principal,
} from './auth.repository.js';
import { hashPassword, randomToken, sha256, UNUSABLE_HASH, verifyPassword } from './passwords.js';

export interface LoginInput { login: string; password: string; ip: string | null; userAgent: string | null; requestId: string; now: Date }

/**
 * Signs a user in. The failure answer is the same whether or not the login exists, and lock-out
 * (N failures → locked for M minutes, policy values) counts per login text, known or not.
 */
export async function login(db: Database, input: LoginInput): Promise<{ principal: NonNullable<Principal>; token: string; expiresAt: Date }> {
  const loginKey = input.login.trim().toLowerCase();
  const user = await findUserByLogin(db, loginKey);
  const policy = user ? await readPolicies(db, user.workspaceId) : await readPolicies(db, null);
  const throttle = await findThrottle(db, loginKey);
  if (throttle?.lockedUntil && throttle.lockedUntil > input.now) {
    const minutes = Math.ceil((throttle.lockedUntil.getTime() - input.now.getTime()) / 60_000);
    throw new AppError('RATE_LIMITED', 'errors.loginLocked', { minutes });
  }
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_HASH);
  const who = user ? { workspaceId: user.workspaceId, actorId: user.id, actorName: user.name, requestId: input.requestId, ip: input.ip } : null;
  if (!user || !passwordOk || !user.isActive) {
    await db.transaction(async (tx) => {
      const failures = await recordLoginFailure(tx, loginKey, input.now);
      if (failures >= policy['auth.maxFailedLogins']) {
        await lockLogin(tx, loginKey, new Date(input.now.getTime() + policy['auth.lockoutMinutes'] * 60_000));
      }
      if (who) await appendAuditAs(tx, who, { entity: 'user', entityId: user!.id, action: 'login_failed', after: { failures, ip: input.ip } });
    });
    throw new AppError('UNAUTHENTICATED', 'errors.badCredentials');
  }
  const token = randomToken();
  const expiresAt = new Date(input.now.getTime() + policy['auth.sessionHours'] * 3_600_000);
  await db.transaction(async (tx) => {
    await clearThrottle(tx, loginKey);
    await tx.insert(sessions).values({
      tokenHash: sha256(token), workspaceId: user.workspaceId, userId: user.id, expiresAt,
      createdAt: input.now, lastSeenAt: input.now, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await appendAuditAs(tx, who!, { entity: 'user', entityId: user.id, action: 'login', after: { ip: input.ip } });
  });
  return { principal: user, token, expiresAt };
}

export async function logout(db: Database, ctx: CommandContext, token: string | undefined) {
  await db.transaction(async (tx) => {
    if (token) await tx.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
    await appendAudit(tx, ctx, { entity: 'user', entityId: ctx.actor.id, action: 'logout' });
  });
}

/** Changes the caller's own password and signs out every other session. */
export async function changePassword(ctx: CommandContext, input: { currentPassword: string; newPassword: string; currentToken?: string }) {
  const [row] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users)
    .where(and(eq(users.workspaceId, ctx.workspace.id), eq(users.id, ctx.actor.id)));
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new AppError('VALIDATION_FAILED', 'errors.wrongPassword', {}, [{ path: 'currentPassword', message: 'errors.wrongPassword' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.workspaceId, ctx.workspace.id), eq(users.id, ctx.actor.id)));
    const keep = input.currentToken ? sha256(input.currentToken) : '';
    await tx.delete(sessions).where(and(eq(sessions.workspaceId, ctx.workspace.id), eq(sessions.userId, ctx.actor.id), ne(sessions.tokenHash, keep)));
    await appendAudit(tx, ctx, { entity: 'user', entityId: ctx.actor.id, action: 'password_change' });
  });
}

/** Personal API token: returned once, stored only as its SHA-256. */
export async function createApiToken(ctx: CommandContext, name: string) {
  const token = `kairos_${randomToken(30)}`;
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(apiTokens).values({ id, workspaceId: ctx.workspace.id, userId: ctx.actor.id, name, prefix: token.slice(0, 14), tokenHash: sha256(token) });
    await appendAudit(tx, ctx, { entity: 'api_token', entityId: id, action: 'create', after: { name } });
  });
  return { id, name, token };
}

export async function listApiTokens(ctx: CommandContext) {
  return ctx.db.select().from(apiTokens)
    .where(and(eq(apiTokens.workspaceId, ctx.workspace.id), eq(apiTokens.userId, ctx.actor.id)))
    .orderBy(apiTokens.id);
}

export async function revokeApiToken(ctx: CommandContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const [revoked] = await tx.update(apiTokens).set({ revokedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(apiTokens.workspaceId, ctx.workspace.id), eq(apiTokens.userId, ctx.actor.id), eq(apiTokens.id, id)))
      .returning();
    if (!revoked) throw new AppError('NOT_FOUND', 'errors.notFound', { entity: 'token' });
    await appendAudit(tx, ctx, { entity: 'api_token', entityId: id, action: 'revoke' });
  });
}
