import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateSavedViewBody, SavedViewDto, SavedViewEntity, UpdateSavedViewBody } from '../../../shared/contracts/saved-views.contract.js';
import { AppError, conflict, forbidden, notFound } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { CommandContext } from '../../platform/http/context.js';
import { findView, listVisibleViews, type SavedViewRow } from './saved-views.repository.js';
import { mayEditView, maySeeView } from './saved-views.rules.js';
import { savedViews } from './saved-views.schema.js';

const editor = (ctx: CommandContext) => ({ id: ctx.actor.id, mayManageShared: ctx.actor.permissions.has('saved_view:manage_shared') });

function toDto(row: SavedViewRow, ctx: CommandContext): SavedViewDto {
  return {
    id: row.id, entity: row.entity as SavedViewEntity, name: row.name, isShared: row.isShared, filters: row.filters, columns: row.columns,
    sort: row.sort, ownerId: row.ownerId, ownerName: row.ownerName, canEdit: mayEditView(row, editor(ctx)),
    version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('DUPLICATE', 'errors.savedViewNameTaken', {}, [{ path: 'name', message: 'errors.savedViewNameTaken' }]);
  throw error;
}

export async function listSavedViews(ctx: CommandContext, entity: SavedViewEntity) {
  const rows = await listVisibleViews(ctx.db, ctx.workspace.id, entity, ctx.actor.id);
  return { items: rows.map((r) => toDto(r, ctx)) };
}

/** Saves the current filters (and columns, sort) of a list under a name, personal or shared. */
export async function createSavedView(ctx: CommandContext, input: z.infer<typeof CreateSavedViewBody>) {
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx.insert(savedViews).values({
      workspaceId: ctx.workspace.id, entity: input.entity, name: input.name, isShared: input.isShared, filters: input.filters,
      columns: input.columns ?? null, sort: input.sort ?? null, ownerId: ctx.actor.id,
    }).returning().catch(nameTaken);
    await appendAudit(tx, ctx, { entity: 'saved_view', entityId: created!.id, action: 'create', after: created });
    return toDto({ ...created!, ownerName: ctx.actor.name }, ctx);
  });
}

/** A view the caller sees and may edit: someone else's personal view is not found, a shared one not theirs is forbidden. */
async function requireEditable(tx: Parameters<typeof findView>[0], ctx: CommandContext, id: string) {
  const view = await findView(tx, ctx.workspace.id, id);
  if (!view || !maySeeView(view, ctx.actor.id)) throw notFound('savedView');
  if (!mayEditView(view, editor(ctx))) throw forbidden('errors.savedViewNotYours');
  return view;
}

/** Renames, re-shares or changes a view (send the version you read). */
export async function updateSavedView(ctx: CommandContext, id: string, input: z.infer<typeof UpdateSavedViewBody>) {
  return ctx.db.transaction(async (tx) => {
    const before = await requireEditable(tx, ctx, id);
    const { version, ...changes } = input;
    const [updated] = await tx.update(savedViews).set({ ...changes, version: sql`${savedViews.version} + 1`, updatedAt: new Date() })
      .where(and(eq(savedViews.workspaceId, ctx.workspace.id), eq(savedViews.id, id), eq(savedViews.version, version)))
      .returning().catch(nameTaken);
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, { entity: 'saved_view', entityId: id, action: 'update', before, after: updated });
    return toDto({ ...updated, ownerName: before.ownerName }, ctx);
  });
}

export async function deleteSavedView(ctx: CommandContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await requireEditable(tx, ctx, id);
    await tx.delete(savedViews).where(and(eq(savedViews.workspaceId, ctx.workspace.id), eq(savedViews.id, id)));
    await appendAudit(tx, ctx, { entity: 'saved_view', entityId: id, action: 'delete', before });
  });
}
