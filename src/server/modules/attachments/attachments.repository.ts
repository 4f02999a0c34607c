import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { users } from '../../platform/org/org.schema.js';
import { attachments } from './attachments.schema.js';

/** Everything but the bytes. */
const meta = {
  id: attachments.id, workspaceId: attachments.workspaceId, customerId: attachments.customerId, fileName: attachments.fileName,
  contentType: attachments.contentType, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256, uploadedBy: attachments.uploadedBy,
  createdAt: attachments.createdAt, uploaderName: users.name,
};
export type AttachmentMeta = { [K in keyof typeof meta]: K extends 'uploaderName' ? string | null : (typeof attachments.$inferSelect)[K & keyof typeof attachments.$inferSelect] };

const uploaderJoin = and(eq(users.workspaceId, attachments.workspaceId), eq(users.id, attachments.uploadedBy));

/** Files of a customer, newest first, without their bytes. */
export async function listAttachmentsOf(db: Executor, workspaceId: string, customerId: string): Promise<AttachmentMeta[]> {
  return db.select(meta).from(attachments).leftJoin(users, uploaderJoin)
    .where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.customerId, customerId)))
    .orderBy(desc(attachments.id)) as Promise<AttachmentMeta[]>;
}

export async function findAttachmentMeta(db: Executor, workspaceId: string, id: string): Promise<AttachmentMeta | null> {
  const [row] = await db.select(meta).from(attachments).leftJoin(users, uploaderJoin)
    .where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.id, id)));
  return (row as AttachmentMeta | undefined) ?? null;
}

/**
 * A file's bytes. They travel as base64 text: PGlite's bytea codec converts byte by byte and takes
 * seconds on a 20 MB file, base64 is decoded natively on both drivers.
 */
export async function readContent(db: Executor, workspaceId: string, id: string): Promise<Buffer | null> {
  const [row] = await db.select({ base64: sql<string>`encode(${attachments.content}, 'base64')` }).from(attachments)
    .where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.id, id)));
  return row ? Buffer.from(row.base64, 'base64') : null;
}

/** The bytes as a parameter (hex text decoded by the database, for the same reason as readContent). */
export const contentParam = (content: Buffer) => sql`decode(${content.toString('hex')}, 'hex')`;
