import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams, NoContent } from '../../../shared/contracts/common.contract.js';
import { CustomerListQuery } from '../../../shared/contracts/customers.contract.js';
import { LeadListQuery } from '../../../shared/contracts/leads.contract.js';
import {
  CreateImportTemplateBody, DeleteTemplateBody, ImportFileBody, ImportJobDto, ImportParams, ImportQuery, ImportReport, ImportTemplateDto, ImportTemplateQuery, importContentTypes, MAX_IMPORT_MB,
} from '../../../shared/contracts/imports.contract.js';
import { AppError } from '../../../shared/errors.js';
import { XLSX_TYPE } from '../../platform/exports/xlsx.js';
import { sendError } from '../../platform/http/error-handler.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { foldCustomFieldQuery } from '../custom-fields/index.js';
import type { MappingOverride } from './columns.rules.js';
import { exportEntity, type ExportFormat } from './exports.service.js';
import { fileError } from './file-reader.js';
import { dryRun, prepareFile, runImport, SYNC_ROW_LIMIT } from './imports.service.js';
import { getImportJob, startImportJob } from './jobs.service.js';
import { createTemplate, deleteTemplate, listTemplates } from './templates.service.js';

const MAX_BYTES = MAX_IMPORT_MB * 1024 * 1024;

function parseMapping(text: string | undefined): MappingOverride | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try { value = JSON.parse(text); } catch { value = undefined; }
  const ok = typeof value === 'object' && value !== null && !Array.isArray(value)
    && Object.values(value).every((v) => v === null || typeof v === 'string');
  if (!ok) throw new AppError('VALIDATION_FAILED', 'imports.badMapping', {}, [{ path: 'mapping', message: 'imports.badMapping' }]);
  return value as MappingOverride;
}

/** Bodies over the limit answer 413 PAYLOAD_TOO_LARGE (not the generic 400) with a localised message naming the limit. */
function tooLargeHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return sendError(reply, request, new AppError('PAYLOAD_TOO_LARGE', 'imports.fileTooLarge', { max: MAX_IMPORT_MB }, [{ path: '(file)', message: 'imports.fileTooLarge', params: { max: MAX_IMPORT_MB } }]));
  }
  throw error;
}

const ExportQuery = CustomerListQuery.omit({ limit: true, cursor: true });
const LeadExportQuery = LeadListQuery.omit({ limit: true, cursor: true });

/** Import (dry run, real run, background jobs, mapping templates) and export of customers and contacts (domain §16). */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['imports'];
  // the file is the raw body (no multipart): CSV or xlsx bytes, up to 50 MB on these routes only
  app.addContentTypeParser([...importContentTypes], { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_req, body, done) => done(null, body));

  app.post('/imports/:entity', {
    schema: {
      tags, summary: `Import a CSV (UTF-8, UTF-8 BOM or GBK) or xlsx file sent as the raw body (${importContentTypes.join(', ')}; at most ${MAX_IMPORT_MB} MB → 413). Dry run by default. Real imports over ${SYNC_ROW_LIMIT} rows answer 202 with a job to poll.`,
      params: ImportParams, querystring: ImportQuery, consumes: [...importContentTypes], body: ImportFileBody,
      response: withErrors({ 200: ImportReport, 202: ImportJobDto, 413: ErrorResponse }),
    },
    bodyLimit: MAX_BYTES,
    errorHandler: tooLargeHandler,
    preHandler: app.authorize('import:use'),
  }, async (req, reply) => {
    const bytes = req.body as unknown;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw fileError('imports.fileMissing');
    const q = req.query;
    const options = {
      dryRun: q.dryRun === 'true', onDuplicate: q.onDuplicate, mode: q.mode, batchSize: q.batchSize,
      mapping: parseMapping(q.mapping), templateId: q.templateId, fileName: q.fileName,
    };
    const file = await prepareFile(req.ctx, req.params.entity, bytes, options);
    if (options.dryRun) return reply.status(200).send(await dryRun(req.ctx, file, options));
    if (file.reads.length > SYNC_ROW_LIMIT) return reply.status(202).send(await startImportJob(req.ctx, file, options));
    return reply.status(200).send(await runImport(req.ctx, file, options, null));
  });

  app.get('/imports/jobs/:id', {
    schema: { tags, summary: 'An import job of mine: status, progress, and the report once done', params: IdParams, response: withErrors({ 200: ImportJobDto }) },
    preHandler: app.authorize('import:use'),
  }, async (req) => getImportJob(req.ctx, req.params.id));

  app.get('/import-templates', {
    schema: { tags, summary: 'My column-mapping templates and the shared ones', querystring: ImportTemplateQuery, response: withErrors({ 200: z.object({ items: z.array(ImportTemplateDto) }) }) },
    preHandler: app.authorize('import:use'),
  }, async (req) => listTemplates(req.ctx, req.query.entity));

  app.post('/import-templates', {
    schema: { tags, summary: 'Save a column mapping (file header → field) as a template, personal or shared', body: CreateImportTemplateBody, response: withErrors({ 201: ImportTemplateDto }) },
    preHandler: app.authorize('import:use'),
  }, async (req, reply) => reply.status(201).send(await createTemplate(req.ctx, req.body)));

  app.delete('/import-templates/:id', {
    schema: { tags, summary: 'Delete one of my templates', params: IdParams, body: DeleteTemplateBody, response: withErrors({ 204: NoContent }) },
    preHandler: app.authorize('import:use'),
  }, async (req, reply) => {
    await deleteTemplate(req.ctx, req.params.id);
    return reply.status(204).send(null);
  });

  for (const entity of ['customers', 'contacts', 'leads'] as const) {
    for (const format of ['xlsx', 'csv'] as const satisfies readonly ExportFormat[]) {
      app.get(`/exports/${entity}.${format}`, {
        schema: {
          tags, summary: entity === 'leads'
            ? `Export the lead list as ${format} with the same filters as GET /leads (data scope applies; formula-looking cells neutralised; audited)`
            : `Export the ${entity === 'customers' ? 'customer list' : 'contacts of the customer list'} as ${format} with the same filters as GET /customers (data scope and phone masking apply; formula-looking cells neutralised; audited)`,
          querystring: entity === 'leads' ? LeadExportQuery : ExportQuery, response: withErrors({ 200: z.any().describe(`${format} file`) }),
        },
        ...(entity === 'leads' ? {} : { preValidation: foldCustomFieldQuery }),
        preHandler: app.authorize('export:use'),
      }, async (req, reply) => {
        const stream = await exportEntity(req.ctx, entity, format, req.query);
        const name = `${entity}-${new Date().toISOString().slice(0, 10)}.${format}`;
        return reply.type(format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(stream);
      });
    }
  }
};
