import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RoleCode } from '../../../shared/contracts/org.contract.js';
import { AppError } from '../../../shared/errors.js';
import { dataScopeOf, permissionsOf, type Permission } from '../authz/permissions.js';
import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '../db/client.js';
import type { Actor, CommandContext } from '../http/context.js';
import { localeFrom } from '../i18n/translate.js';
import { apiTokens, sessions } from './auth.schema.js';
import { findPrincipalByApiToken, findPrincipalBySession } from './auth.repository.js';
import { sha256 } from './passwords.js';

export const SESSION_COOKIE = 'kairos_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_EVERY_MS = 5 * 60_000;

declare module 'fastify' {
  interface FastifyRequest { ctx: CommandContext }
  interface FastifyInstance { authorize(permission: Permission): (request: FastifyRequest) => Promise<void> }
  interface FastifyContextConfig { public?: boolean }
}

async function principalFor(request: FastifyRequest, handle: DbHandle) {
  const header = request.headers.authorization;
  const now = new Date();
  if (header?.startsWith('Bearer ')) {
    const hash = sha256(header.slice(7).trim());
    const principal = await findPrincipalByApiToken(handle.db, hash);
    if (principal && (!principal.lastUsedAt || now.getTime() - principal.lastUsedAt.getTime() > TOUCH_EVERY_MS)) {
      await handle.db.update(apiTokens).set({ lastUsedAt: now })
        .where(and(eq(apiTokens.workspaceId, principal.workspaceId), eq(apiTokens.id, principal.tokenId)));
    }
    return principal ? { principal, via: 'token' as const } : null;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const hash = sha256(token);
  const principal = await findPrincipalBySession(handle.db, hash, now);
  if (principal && now.getTime() - principal.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // sliding expiry, written at most every few minutes
    const lifetimeMs = principal.expiresAt.getTime() - principal.lastSeenAt.getTime();
    await handle.db.update(sessions).set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + lifetimeMs) })
      .where(eq(sessions.tokenHash, hash));
  }
  return principal ? { principal, via: 'session' as const } : null;
}

/**
 * Every /api/v1 route is authenticated unless it says `config: { public: true }`. Cookie sessions
 * must send `X-Requested-With: kairos` on mutating requests (CSRF guard); bearer tokens need not.
 */
export const authenticatePlugin = fp(async (app: FastifyInstance, opts: { handle: DbHandle }) => {
  app.decorateRequest('ctx', null as unknown as CommandContext);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config?.public) return;
    const found = await principalFor(request, opts.handle);
    if (!found || !found.principal.isActive) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
    if (found.via === 'session' && !SAFE_METHODS.has(request.method) && request.headers['x-requested-with'] !== 'kairos') {
      throw new AppError('FORBIDDEN', 'errors.csrf');
    }
    const p = found.principal;
    const roles = p.roles as RoleCode[];
    const actor: Actor = {
      id: p.id, workspaceId: p.workspaceId, name: p.name, username: p.username, roles, departmentId: p.departmentId,
      permissions: new Set(permissionsOf(roles)), dataScope: dataScopeOf(roles), locale: p.locale, via: found.via,
    };
    request.ctx = {
      db: opts.handle.db, dbKind: opts.handle.kind, actor,
      workspace: { id: p.workspaceId, name: p.workspaceName, timeZone: p.timeZone },
      requestId: request.id, ip: request.ip ?? null, locale: localeFrom(request.headers['accept-language']),
    };
  });
  app.decorate('authorize', (permission: Permission) => async (request: FastifyRequest) => {
    if (!request.ctx?.actor.permissions.has(permission)) throw new AppError('FORBIDDEN', 'errors.forbidden');
  });
});
