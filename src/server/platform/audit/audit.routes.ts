import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '../../../shared/contracts/audit.contract.js';
import { decodeIdCursor, pageFrom } from '../http/pagination.js';
import { withErrors } from '../http/route-helpers.js';
import { auditLog } from './audit.schema.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', {
    schema: { tags: ['audit'], summary: 'Audit log, newest first (append-only)', querystring: AuditQuery, response: withErrors({ 200: AuditPage }) },
    preHandler: app.authorize('audit:read'),
  }, async (req) => {
    const q = req.query;
    const conditions: SQL[] = [eq(auditLog.workspaceId, req.ctx.workspace.id)];
    if (q.entity) conditions.push(eq(auditLog.entity, q.entity));
    if (q.entityId) conditions.push(eq(auditLog.entityId, q.entityId));
    if (q.actorId) conditions.push(eq(auditLog.actorId, q.actorId));
    if (q.action) conditions.push(eq(auditLog.action, q.action));
    const before = decodeIdCursor(q.cursor);
    if (before) conditions.push(lt(auditLog.id, before));
    const rows = await req.ctx.db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(q.limit + 1);
    const page = pageFrom(rows, q.limit, (r) => [r.id]);
    return { items: page.items.map((r) => ({ ...r, at: r.at.toISOString() })), nextCursor: page.nextCursor };
  });
};
