import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditPage, AuditQuery } from '../../../shared/contracts/audit.contract.js';
import type { Executor } from '../db/client.js';
import { streamXlsx, XLSX_TYPE } from '../exports/xlsx.js';
import type { CommandContext } from '../http/context.js';
import { decodeIdCursor, pageFrom } from '../http/pagination.js';
import { withErrors } from '../http/route-helpers.js';
import { appendAudit } from './audit.service.js';
import { auditLog } from './audit.schema.js';

type AuditFilter = { entity?: string; entityId?: string; actorId?: string; action?: string };

function auditConditions(workspaceId: string, q: AuditFilter): SQL[] {
  const conditions: SQL[] = [eq(auditLog.workspaceId, workspaceId)];
  if (q.entity) conditions.push(eq(auditLog.entity, q.entity));
  if (q.entityId) conditions.push(eq(auditLog.entityId, q.entityId));
  if (q.actorId) conditions.push(eq(auditLog.actorId, q.actorId));
  if (q.action) conditions.push(eq(auditLog.action, q.action));
  return conditions;
}

const EXPORT_MAX_ROWS = 200_000;

async function* auditPages(db: Executor, ctx: CommandContext, q: AuditFilter) {
  let before: string | undefined;
  for (let fetched = 0; fetched < EXPORT_MAX_ROWS;) {
    const conditions = auditConditions(ctx.workspace.id, q);
    if (before) conditions.push(lt(auditLog.id, before));
    const rows = await db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(5000);
    if (rows.length === 0) return;
    fetched += rows.length;
    before = rows[rows.length - 1]!.id;
    yield rows;
  }
}

const exportHeaders = {
  'zh-CN': ['时间', '操作人', '对象', '对象 ID', '动作', 'IP', '变更前', '变更后'],
  'en-US': ['Time', 'Actor', 'Entity', 'Entity id', 'Action', 'IP', 'Before', 'After'],
};

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', {
    schema: { tags: ['audit'], summary: 'Audit log, newest first (append-only)', querystring: AuditQuery, response: withErrors({ 200: AuditPage }) },
    preHandler: app.authorize('audit:read'),
  }, async (req) => {
    const q = req.query;
    const conditions = auditConditions(req.ctx.workspace.id, q);
    const before = decodeIdCursor(q.cursor);
    if (before) conditions.push(lt(auditLog.id, before));
    const rows = await req.ctx.db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(q.limit + 1);
    const page = pageFrom(rows, q.limit, (r) => [r.id]);
    return { items: page.items.map((r) => ({ ...r, at: r.at.toISOString() })), nextCursor: page.nextCursor };
  });

  app.get('/audit/export.xlsx', {
    schema: {
      tags: ['audit'], summary: 'Export the filtered audit log to Excel (the export itself is audited)',
      querystring: AuditQuery.omit({ limit: true, cursor: true, q: true }),
      response: withErrors({ 200: z.any().describe('xlsx file') }),
    },
    preHandler: app.authorize('audit:read'),
  }, async (req, reply) => {
    const { ctx } = req;
    // recorded before the first byte leaves, so an export can never go unrecorded
    await ctx.db.transaction((tx) => appendAudit(tx, ctx, { entity: 'audit', action: 'export', after: { filter: req.query, format: 'xlsx' } }));
    const h = exportHeaders[ctx.locale];
    const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
    type Row = typeof auditLog.$inferSelect;
    const { stream, done } = streamXlsx<Row>('audit', [
      { header: h[0]!, width: 22, value: (r) => r.at.toISOString() },
      { header: h[1]!, value: (r) => r.actorName },
      { header: h[2]!, value: (r) => r.entity },
      { header: h[3]!, width: 38, value: (r) => r.entityId },
      { header: h[4]!, value: (r) => r.action },
      { header: h[5]!, value: (r) => r.ip },
      { header: h[6]!, width: 40, value: (r) => json(r.before) },
      { header: h[7]!, width: 40, value: (r) => json(r.after) },
    ], auditPages(ctx.db, ctx, req.query));
    done.catch((error: unknown) => req.log.error({ err: error }, 'audit export failed'));
    return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.xlsx"`).send(stream);
  });
};
