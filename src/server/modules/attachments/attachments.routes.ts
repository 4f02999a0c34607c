import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AttachmentDto, AttachmentList } from '../../../shared/contracts/attachments.contract.js';
import { EmptyBody, ErrorResponse, IdParams, NoContent } from '../../../shared/contracts/common.contract.js';
import { invalidField } from '../../../shared/errors.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { contentDisposition, maxBytes } from './attachments.rules.js';
import {
  attachmentLimitMb, deleteAttachment, downloadAttachment, listAttachments, tooLarge, uploadAttachment,
} from './attachments.service.js';

/** Documents the multipart form; @fastify/multipart reads it from the stream, so the parsed body is empty. */
const UploadForm = z.object({ file: z.string().meta({ format: 'binary' }).describe('the file (one part named "file")') }).partial().nullish();

/** The policy's ceiling: no upload is ever read beyond it, whatever the policy says. */
const HARD_LIMIT_MB = 100;

/** Files of a customer (附件): upload (multipart), list, download, delete. */
export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['attachments'];
  await app.register(multipart, { limits: { fileSize: maxBytes(HARD_LIMIT_MB), files: 1, fields: 0, parts: 2 } });

  app.get('/customers/:id/attachments', {
    schema: { tags, summary: 'Files of a customer, newest first', params: IdParams, response: withErrors({ 200: AttachmentList }) },
    preHandler: app.authorize('attachment:read'),
  }, async (req) => listAttachments(req.ctx, req.params.id));

  app.post('/customers/:id/attachments', {
    schema: {
      tags, summary: 'Upload a file to a customer (multipart/form-data, one part named "file"; larger than the policy attachments.maxSizeMb → 413)',
      params: IdParams, consumes: ['multipart/form-data'], body: UploadForm, response: withErrors({ 201: AttachmentDto, 413: ErrorResponse }),
    },
    preHandler: app.authorize('attachment:upload'),
  }, async (req, reply) => {
    if (!req.isMultipart()) throw invalidField('file', 'errors.attachmentMissing');
    const limitMb = await attachmentLimitMb(req.ctx);
    const part = await req.file({ limits: { fileSize: maxBytes(limitMb) } });
    if (!part) throw invalidField('file', 'errors.attachmentMissing');
    let content: Buffer;
    try {
      content = await part.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limitMb);
      throw error;
    }
    if (content.length === 0) throw invalidField('file', 'errors.attachmentMissing');
    const saved = await uploadAttachment(req.ctx, req.params.id, { fileName: part.filename, contentType: part.mimetype, content });
    return reply.status(201).send(saved);
  });

  app.get('/attachments/:id/download', {
    schema: { tags, summary: 'Download a file (Content-Disposition carries the UTF-8 file name); audited', params: IdParams, response: withErrors({ 200: z.unknown().describe('the file\'s bytes, with its content type') }) },
    preHandler: app.authorize('attachment:read'),
  }, async (req, reply) => {
    const { file, content } = await downloadAttachment(req.ctx, req.params.id);
    return reply.type(file.contentType).header('content-disposition', contentDisposition(file.fileName)).send(content);
  });

  app.delete('/attachments/:id', {
    schema: { tags, summary: 'Delete a file (its uploader, the customer\'s owner or an administrator)', params: IdParams, body: EmptyBody, response: withErrors({ 204: NoContent }) },
    preHandler: app.authorize('attachment:delete'),
  }, async (req, reply) => {
    await deleteAttachment(req.ctx, req.params.id);
    return reply.status(204).send(null);
  });
};
