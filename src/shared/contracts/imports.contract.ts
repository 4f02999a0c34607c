import { z } from 'zod';
import { InstantString, Uuid } from './common.contract.js';

/** Import and export of customers, contacts and leads (domain §16; api.md "Customers and leads"). */

export const importEntities = ['customers', 'contacts', 'leads'] as const;
export const ImportEntity = z.enum(importEntities);
export type ImportEntity = z.infer<typeof ImportEntity>;

export const duplicateModes = ['skip', 'update', 'stop'] as const;
export const DuplicateMode = z.enum(duplicateModes);

/** The upload limit of one import file. */
export const MAX_IMPORT_MB = 50;
/** Content types an import body may have (the raw file: no multipart). */
export const importContentTypes = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'] as const;

export const ImportParams = z.strictObject({ entity: ImportEntity.describe('customers, contacts or leads').meta({ example: 'customers' }) });
/** The raw file: CSV or xlsx bytes as the request body (no multipart). */
export const ImportFileBody = z.any().describe('the file itself: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) or xlsx bytes, at most 50 MB');
export const DeleteTemplateBody = z.strictObject({}).nullish().describe('optional; may be omitted');

export const ImportQuery = z.strictObject({
  dryRun: z.enum(['true', 'false']).default('true').describe('true (default): check every row and write nothing'),
  onDuplicate: DuplicateMode.default('skip').describe('a row matching an existing record: skip it, update the record with its non-empty cells, or stop (row error)'),
  mode: z.enum(['all', 'batches']).default('all').describe('all: one transaction, any bad row writes nothing; batches: each batch commits alone'),
  batchSize: z.coerce.number().int().min(1).max(10000).default(1000),
  mapping: z.string().max(20000).optional().describe('JSON {"file header": "field" | null}, overriding the automatic mapping; null ignores a column'),
  templateId: Uuid.optional().describe('a saved mapping template (GET /import-templates); `mapping` overrides it'),
  fileName: z.string().trim().max(255).optional(),
});

export const ImportRowError = z.object({
  row: z.int().describe('the row as Excel shows it (the header is row 1)'),
  column: z.string().describe('the header as in the file'),
  field: z.string(),
  reason: z.string().describe('localised'),
});

export const ImportReport = z.object({
  entity: ImportEntity,
  dryRun: z.boolean(),
  outcome: z.enum(['dry_run', 'committed', 'rejected', 'partial', 'failed'])
    .describe('dry_run: nothing written; committed: written; rejected: rows with errors, nothing written; partial: some batches written; failed: nothing written'),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable().describe('CSV only: utf-8, utf-8-bom, gb18030, utf-16le/be'),
  totalRows: z.int(),
  columns: z.array(z.object({ column: z.string(), field: z.string().nullable() })).describe('how each file column was mapped (null: ignored)'),
  counts: z.object({
    created: z.int(), updated: z.int(), skipped: z.int(),
    duplicates: z.int().describe('rows matching an existing record or an earlier row, however handled'),
    invalidRows: z.int(),
  }).describe('for a dry run: what the import would do'),
  errors: z.array(ImportRowError),
  errorsTruncated: z.boolean().describe('more than 1,000 errors: only the first are listed'),
  batches: z.array(z.object({
    index: z.int(), fromRow: z.int(), toRow: z.int(), rows: z.int(), status: z.enum(['committed', 'failed']), reason: z.string().nullable(),
  })),
  failure: z.string().nullable(),
}).meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportJobDto = z.object({
  id: Uuid,
  entity: ImportEntity,
  status: z.enum(['queued', 'running', 'done', 'failed']),
  fileName: z.string().nullable(),
  totalRows: z.int(),
  processedRows: z.int(),
  report: ImportReport.nullable(),
  error: z.string().nullable(),
  createdAt: InstantString,
  startedAt: InstantString.nullable(),
  finishedAt: InstantString.nullable(),
}).meta({ id: 'ImportJob' });
export type ImportJobDto = z.infer<typeof ImportJobDto>;

export const ColumnMapping = z.record(z.string().max(200), z.string().max(60).nullable())
  .refine((m) => Object.keys(m).length <= 300, { error: 'errors.tooBig' });

export const ImportTemplateDto = z.object({
  id: Uuid,
  entity: ImportEntity,
  name: z.string(),
  mapping: z.record(z.string(), z.string().nullable()),
  isShared: z.boolean(),
  owner: z.object({ id: Uuid, name: z.string() }),
  isMine: z.boolean(),
  version: z.int(),
  createdAt: InstantString,
}).meta({ id: 'ImportTemplate' });
export type ImportTemplateDto = z.infer<typeof ImportTemplateDto>;

export const ImportTemplateQuery = z.strictObject({ entity: ImportEntity.optional() });
export const CreateImportTemplateBody = z.strictObject({
  entity: ImportEntity,
  name: z.string().trim().min(1).max(60),
  mapping: ColumnMapping,
  isShared: z.boolean().default(false).describe('shared with the workspace (managers and supervisors)'),
}).meta({ id: 'CreateImportTemplate' });

export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];
