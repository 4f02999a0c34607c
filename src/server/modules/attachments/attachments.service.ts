import { and, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { AttachmentDto } from '../../../shared/contracts/attachments.contract.js';
import { AppError, forbidden, notFound } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { customerAccess } from '../customers/index.js';
import { contentParam, findAttachmentMeta, listAttachmentsOf, readContent, type AttachmentMeta } from './attachments.repository.js';
import { cleanFileName, mayDeleteAttachment } from './attachments.rules.js';
import { attachments } from './attachments.schema.js';

const deleter = (ctx: CommandContext) => ({ id: ctx.actor.id, mayDeleteAny: ctx.actor.permissions.has('attachment:delete_any') });

function toDto(row: AttachmentMeta, ownerId: string | null, ctx: CommandContext): AttachmentDto {
  return {
    id: row.id, customerId: row.customerId, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, sha256: row.sha256,
    uploadedBy: { id: row.uploadedBy, name: row.uploaderName ?? '—' }, canDelete: mayDeleteAttachment(row, ownerId, deleter(ctx)),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The customer as the caller sees it; out of scope → 404 customer. */
async function visibleCustomer(db: Executor, ctx: CommandContext, customerId: string) {
  const access = await customerAccess(db, ctx, customerId);
  if (!access) throw notFound('customer');
  return access;
}

/** The upload size limit in megabytes (policy attachments.maxSizeMb). */
export async function attachmentLimitMb(ctx: CommandContext): Promise<number> {
  return (await readPolicies(ctx.db, ctx.workspace.id))['attachments.maxSizeMb'];
}

export async function listAttachments(ctx: CommandContext, customerId: string) {
  const { row } = await visibleCustomer(ctx.db, ctx, customerId);
  const rows = await listAttachmentsOf(ctx.db, ctx.workspace.id, customerId);
  return { items: rows.map((r) => toDto(r, row.ownerId, ctx)) };
}

/** Adds a file to a customer the caller may edit; audited (name, size, checksum — not the bytes). */
export async function uploadAttachment(ctx: CommandContext, customerId: string, file: { fileName: string; contentType: string; content: Buffer }) {
  return ctx.db.transaction(async (tx) => {
    const access = await visibleCustomer(tx, ctx, customerId);
    if (!access.canEdit) throw forbidden();
    const [created] = await tx.insert(attachments).values({
      workspaceId: ctx.workspace.id, customerId, fileName: cleanFileName(file.fileName), contentType: file.contentType || 'application/octet-stream',
      sizeBytes: file.content.length, sha256: createHash('sha256').update(file.content).digest('hex'), content: contentParam(file.content), uploadedBy: ctx.actor.id,
    }).returning({ id: attachments.id });
    const saved = (await findAttachmentMeta(tx, ctx.workspace.id, created!.id))!;
    const { uploaderName: _name, ...audited } = saved;
    await appendAudit(tx, ctx, { entity: 'attachment', entityId: saved.id, action: 'create', after: audited });
    return toDto(saved, access.row.ownerId, ctx);
  });
}

/** A file's bytes for a caller who sees its customer; the download is audited like any view of the customer file. */
export async function downloadAttachment(ctx: CommandContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const file = await findAttachmentMeta(tx, ctx.workspace.id, id);
    if (!file || !(await customerAccess(tx, ctx, file.customerId))) throw notFound('attachment');
    const content = (await readContent(tx, ctx.workspace.id, id))!;
    await appendAudit(tx, ctx, { entity: 'attachment', entityId: id, action: 'download', after: { customerId: file.customerId, fileName: file.fileName } });
    return { file, content };
  });
}

/** Removes a file: its uploader, the customer's owner, or an administrator; audited. */
export async function deleteAttachment(ctx: CommandContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const file = await findAttachmentMeta(tx, ctx.workspace.id, id);
    if (!file) throw notFound('attachment');
    const actor = deleter(ctx);
    let ownerId: string | null = null;
    if (!actor.mayDeleteAny) {
      const access = await customerAccess(tx, ctx, file.customerId);
      if (!access) throw notFound('attachment');
      ownerId = access.row.ownerId;
    }
    if (!mayDeleteAttachment(file, ownerId, actor)) throw forbidden('errors.attachmentNotYours');
    await tx.delete(attachments).where(and(eq(attachments.workspaceId, ctx.workspace.id), eq(attachments.id, id)));
    const { uploaderName: _name, ...audited } = file;
    await appendAudit(tx, ctx, { entity: 'attachment', entityId: id, action: 'delete', before: audited });
  });
}

/** Whether a file is in the given customer's file (e.g. a check-in photo must be one of the visited customer's files). */
export async function isAttachmentOfCustomer(db: Executor, workspaceId: string, attachmentId: string, customerId: string): Promise<boolean> {
  const file = await findAttachmentMeta(db, workspaceId, attachmentId);
  return file !== null && file.customerId === customerId;
}

/** Moves a merged duplicate's files to the surviving customer (registered as a customer merge handler). */
export async function moveAttachmentsOnMerge(tx: Tx, ctx: CommandContext, merge: { survivorId: string; duplicateId: string }) {
  const moved = await tx.update(attachments).set({ customerId: merge.survivorId, updatedAt: new Date() })
    .where(and(eq(attachments.workspaceId, ctx.workspace.id), eq(attachments.customerId, merge.duplicateId))).returning({ id: attachments.id });
  return moved.length;
}

export const tooLarge = (limitMb: number) =>
  new AppError('PAYLOAD_TOO_LARGE', 'errors.attachmentTooLarge', { limit: limitMb }, [{ path: 'file', message: 'errors.attachmentTooLarge', params: { limit: limitMb } }]);
