import { and, asc, eq, or } from 'drizzle-orm';
import { AppError, forbidden, notFound } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { CommandContext } from '../../platform/http/context.js';
import { users } from '../../platform/org/org.schema.js';
import type { ImportEntity } from './columns.rules.js';
import { importTemplates } from './imports.schema.js';

type TemplateRow = typeof importTemplates.$inferSelect;

const toDto = (row: TemplateRow, ownerName: string | null, actorId: string) => ({
  id: row.id, entity: row.entity as ImportEntity, name: row.name, mapping: row.mapping as Record<string, string | null>,
  isShared: row.isShared, owner: { id: row.ownerId, name: ownerName ?? '—' }, isMine: row.ownerId === actorId,
  version: row.version, createdAt: row.createdAt.toISOString(),
});

const visible = (ctx: CommandContext) => or(eq(importTemplates.ownerId, ctx.actor.id), eq(importTemplates.isShared, true));

/** My mapping templates and those shared in the workspace, for one entity (or all). */
export async function listTemplates(ctx: CommandContext, entity?: ImportEntity) {
  const rows = await ctx.db.select({ t: importTemplates, ownerName: users.name }).from(importTemplates)
    .leftJoin(users, and(eq(users.workspaceId, importTemplates.workspaceId), eq(users.id, importTemplates.ownerId)))
    .where(and(eq(importTemplates.workspaceId, ctx.workspace.id), visible(ctx), entity ? eq(importTemplates.entity, entity) : undefined))
    .orderBy(asc(importTemplates.name), asc(importTemplates.id));
  return { items: rows.map((r) => toDto(r.t, r.ownerName, ctx.actor.id)) };
}

/** A template the caller may use for this entity, or 404. */
export async function findTemplateFor(ctx: CommandContext, entity: ImportEntity, id: string) {
  const [row] = await ctx.db.select().from(importTemplates)
    .where(and(eq(importTemplates.workspaceId, ctx.workspace.id), eq(importTemplates.id, id), eq(importTemplates.entity, entity), visible(ctx)));
  if (!row) throw notFound('importTemplate');
  return { ...row, mapping: row.mapping as Record<string, string | null> };
}

/** Saves a mapping (file header → field) under a name; sharing it with everyone needs import:share_template. */
export async function createTemplate(ctx: CommandContext, input: { entity: ImportEntity; name: string; mapping: Record<string, string | null>; isShared: boolean }) {
  if (input.isShared && !ctx.actor.permissions.has('import:share_template')) throw forbidden('imports.shareTemplateForbidden');
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx.insert(importTemplates).values({
      workspaceId: ctx.workspace.id, entity: input.entity, name: input.name, mapping: input.mapping, ownerId: ctx.actor.id, isShared: input.isShared,
    }).returning().catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('DUPLICATE', 'imports.templateNameTaken', {}, [{ path: 'name', message: 'imports.templateNameTaken' }]);
      throw error;
    });
    await appendAudit(tx, ctx, { entity: 'import_template', entityId: created!.id, action: 'create', after: created });
    return toDto(created!, ctx.actor.name, ctx.actor.id);
  });
}

/** Deletes one of my templates (a shared template is deleted by its owner). */
export async function deleteTemplate(ctx: CommandContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx.delete(importTemplates)
      .where(and(eq(importTemplates.workspaceId, ctx.workspace.id), eq(importTemplates.id, id), eq(importTemplates.ownerId, ctx.actor.id))).returning();
    if (!removed) throw notFound('importTemplate');
    await appendAudit(tx, ctx, { entity: 'import_template', entityId: id, action: 'delete', before: removed });
  });
}
