import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Version } from '../../../shared/contracts/common.contract.js';
import { AppError } from '../../../shared/errors.js';
import { todayIn } from '../../../shared/dates.js';
import { appendAudit } from '../audit/audit.service.js';
import { withErrors } from '../http/route-helpers.js';
import { defaultNumberingRules, formatNumber, type NumberingReset } from './numbering.rules.js';
import { numberingRules } from './numbering.schema.js';

const Reset = z.enum(['yearly', 'monthly', 'daily', 'never']);
const RuleDto = z.object({ documentType: z.string(), prefix: z.string(), reset: Reset, padding: z.int(), example: z.string(), version: z.int() }).meta({ id: 'NumberingRule' });
const UpdateRuleBody = z.strictObject({
  version: Version,
  prefix: z.string().trim().min(1).max(10).regex(/^[A-Za-z0-9_-]+$/, { error: 'errors.invalidFormat' }),
  reset: Reset,
  padding: z.int().min(2).max(10),
});
const DocumentTypeParams = z.strictObject({ documentType: z.string().max(64).meta({ example: 'contract' }) });

export const numberingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['settings'];
  const list = async (workspaceId: string, timeZone: string, db: Parameters<typeof appendAudit>[0]) => {
    const stored = await db.select().from(numberingRules).where(eq(numberingRules.workspaceId, workspaceId));
    const today = todayIn(timeZone);
    return Object.entries(defaultNumberingRules).map(([documentType, def]) => {
      const row = stored.find((r) => r.documentType === documentType);
      const rule = row ? { prefix: row.prefix, reset: row.reset as NumberingReset, padding: row.padding } : def;
      return { documentType, ...rule, example: formatNumber(rule, today, 1), version: row?.version ?? 1 };
    });
  };

  app.get('/numbering-rules', {
    schema: { tags, summary: 'Auto-numbering rules (编号规则) per document type', response: withErrors({ 200: z.object({ items: z.array(RuleDto) }) }) },
    preHandler: app.authorize('numbering:manage'),
  }, async (req) => ({ items: await list(req.ctx.workspace.id, req.ctx.workspace.timeZone, req.ctx.db) }));

  app.put('/numbering-rules/:documentType', {
    schema: { tags, summary: 'Change a numbering rule', params: DocumentTypeParams, body: UpdateRuleBody, response: withErrors({ 200: RuleDto }) },
    preHandler: app.authorize('numbering:manage'),
  }, async (req) => {
    const { ctx } = req;
    const { documentType } = req.params;
    if (!defaultNumberingRules[documentType]) throw new AppError('NOT_FOUND', 'errors.notFound', { entity: 'record' });
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(numberingRules).where(and(eq(numberingRules.workspaceId, ctx.workspace.id), eq(numberingRules.documentType, documentType)));
      if ((row?.version ?? 1) !== req.body.version) throw new AppError('CONFLICT', 'errors.staleVersion');
      const { version: _v, ...rule } = req.body;
      if (row) {
        await tx.update(numberingRules).set({ ...rule, version: sql`${numberingRules.version} + 1`, updatedAt: new Date() })
          .where(and(eq(numberingRules.workspaceId, ctx.workspace.id), eq(numberingRules.documentType, documentType)));
      } else {
        await tx.insert(numberingRules).values({ workspaceId: ctx.workspace.id, documentType, ...rule, version: 2 });
      }
      await appendAudit(tx, ctx, { entity: 'numbering_rule', entityId: documentType, action: 'update', before: row ?? defaultNumberingRules[documentType], after: rule });
    });
    const items = await list(ctx.workspace.id, ctx.workspace.timeZone, ctx.db);
    return items.find((i) => i.documentType === documentType)!;
  });
};
