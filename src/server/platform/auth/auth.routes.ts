import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenDto, ChangePasswordBody, CreatedToken, CreateTokenBody, LoginBody, LoginResponse, MeResponse,
} from '../../../shared/contracts/auth.contract.js';
import { IdParams, NoContent } from '../../../shared/contracts/common.contract.js';
import type { RoleCode } from '../../../shared/contracts/org.contract.js';
import { dataScopeOf, permissionsOf } from '../authz/permissions.js';
import type { DbHandle } from '../db/client.js';
import { withErrors } from '../http/route-helpers.js';
import { changePassword, createApiToken, listApiTokens, login, logout, revokeApiToken } from './auth.service.js';
import { SESSION_COOKIE } from './authenticate.js';

export const authRoutes: FastifyPluginAsyncZod<{ handle: DbHandle; loginRateLimitPerMinute: number }> = async (app, opts) => {
  app.post('/auth/login', {
    schema: { tags: ['auth'], summary: 'Sign in', security: [], body: LoginBody, response: withErrors({ 200: LoginResponse }) },
    config: {
      public: true,
      rateLimit: {
        max: opts.loginRateLimitPerMinute, timeWindow: '1 minute',
        // counted once the body is parsed, so the key really is address + login (at onRequest there is no body yet,
        // which made one bucket per address: a whole office behind one NAT address locked out together)
        hook: 'preValidation',
        keyGenerator: (req) => `${req.ip}|${String((req.body as { login?: unknown } | undefined)?.login ?? '').toLowerCase()}`,
      },
    },
  }, async (request, reply) => {
    const { principal, token, expiresAt } = await login(opts.handle.db, {
      ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id, now: new Date(),
    });
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true, sameSite: 'lax', path: '/', secure: request.protocol === 'https', expires: expiresAt,
    });
    return {
      user: {
        id: principal.id, name: principal.name, username: principal.username, roles: principal.roles as RoleCode[],
        workspaceId: principal.workspaceId, workspaceName: principal.workspaceName, departmentId: principal.departmentId, locale: principal.locale,
      },
    };
  });

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: withErrors({ 204: NoContent }) } }, async (request, reply) => {
    await logout(opts.handle.db, request.ctx, request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in user and permissions', response: withErrors({ 200: MeResponse }) } }, async (request) => {
    const { actor, workspace } = request.ctx;
    return {
      user: {
        id: actor.id, name: actor.name, username: actor.username, roles: actor.roles, workspaceId: workspace.id,
        workspaceName: workspace.name, departmentId: actor.departmentId, locale: actor.locale,
      },
      permissions: permissionsOf(actor.roles),
      dataScope: dataScopeOf(actor.roles),
    };
  });

  app.post('/auth/password', {
    schema: { tags: ['auth'], summary: 'Change my password (signs out my other sessions)', body: ChangePasswordBody, response: withErrors({ 204: NoContent }) },
  }, async (request, reply) => {
    await changePassword(request.ctx, { ...request.body, currentToken: request.cookies[SESSION_COOKIE] });
    return reply.status(204).send(null);
  });

  app.get('/auth/tokens', {
    schema: { tags: ['auth'], summary: 'My personal API tokens', response: withErrors({ 200: z.object({ items: z.array(ApiTokenDto) }) }) },
    preHandler: app.authorize('token:manage'),
  }, async (request) => ({
    items: (await listApiTokens(request.ctx)).map((t) => ({
      id: t.id, name: t.name, prefix: t.prefix, createdAt: t.createdAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null,
    })),
  }));

  app.post('/auth/tokens', {
    schema: { tags: ['auth'], summary: 'Create a personal API token (shown once)', body: CreateTokenBody, response: withErrors({ 201: CreatedToken }) },
    preHandler: app.authorize('token:manage'),
  }, async (request, reply) => reply.status(201).send(await createApiToken(request.ctx, request.body.name)));

  app.delete('/auth/tokens/:id', {
    schema: { tags: ['auth'], summary: 'Revoke a token', params: IdParams, response: withErrors({ 204: NoContent }) },
    preHandler: app.authorize('token:manage'),
  }, async (request, reply) => {
    await revokeApiToken(request.ctx, request.params.id);
    return reply.status(204).send(null);
  });
};
