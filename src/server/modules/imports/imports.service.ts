import { AppError, forbidden } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { CommandContext } from '../../platform/http/context.js';
import { translate } from '../../platform/i18n/translate.js';
import { fieldLabel, mapColumns, type ImportEntity, type MappingOverride } from './columns.rules.js';
import { fileError, readSheet, type Sheet } from './file-reader.js';
import type { EntityImporter, Planned } from './importer.js';
import { lockImports, type Writer } from './imports.repository.js';
import { importerFor } from './importers.js';
import { findTemplateFor } from './templates.service.js';
import { readRow, type DuplicateMode, type ReadRow } from './rows.rules.js';

export interface ImportOptions {
  dryRun: boolean;
  onDuplicate: DuplicateMode;
  mode: 'all' | 'batches';
  batchSize: number;
  mapping?: MappingOverride;
  templateId?: string;
  fileName?: string;
}

export interface ImportReport {
  entity: ImportEntity;
  dryRun: boolean;
  /** dry_run: nothing written; committed: every good row written; rejected: errors, nothing written; partial: some batches written; failed: nothing written */
  outcome: 'dry_run' | 'committed' | 'rejected' | 'partial' | 'failed';
  format: 'csv' | 'xlsx';
  encoding: string | null;
  totalRows: number;
  columns: { column: string; field: string | null }[];
  counts: { created: number; updated: number; skipped: number; duplicates: number; invalidRows: number };
  errors: { row: number; column: string; field: string; reason: string }[];
  errorsTruncated: boolean;
  batches: { index: number; fromRow: number; toRow: number; rows: number; status: 'committed' | 'failed'; reason: string | null }[];
  failure: string | null;
}

/** Real imports above this many rows run as a background job (202 + poll); smaller ones answer at once. */
export const SYNC_ROW_LIMIT = 2000;
const MAX_REPORTED_ERRORS = 1000;
const DUPLICATE_REASONS = new Set(['errors.duplicateCustomer', 'errors.duplicateCustomerInPool', 'imports.duplicateInFile', 'imports.matchesSeveral', 'imports.duplicateContact', 'imports.duplicateLead']);

/** A file read and mapped, ready to plan. */
export interface PreparedFile { importer: EntityImporter; sheet: Sheet; reads: ReadRow[]; columns: ImportReport['columns'] }

/** Reads and maps a file; file-level problems (encoding, missing required column, unknown target) are 400s naming the column. */
export async function prepareFile(ctx: CommandContext, entity: ImportEntity, bytes: Uint8Array, options: Pick<ImportOptions, 'mapping' | 'templateId'>): Promise<PreparedFile> {
  const importer = importerFor(entity);
  if (!ctx.actor.permissions.has(importer.permission)) throw forbidden();
  const template = options.templateId ? await findTemplateFor(ctx, entity, options.templateId) : null;
  const override = { ...(template?.mapping ?? {}), ...(options.mapping ?? {}) };
  const sheet = await readSheet(bytes);
  const mapping = mapColumns(importer.def, sheet.headers, override);
  if (mapping.unknownTargets.length > 0) throw fileError('imports.unknownTarget', { field: mapping.unknownTargets.join(', ') });
  if (mapping.missing.length > 0) {
    const column = mapping.missing.map((group) => group.map((f) => fieldLabel(importer.def, f, ctx.locale)).join(' / ')).join(', ');
    throw new AppError('VALIDATION_FAILED', 'imports.missingColumn', { column }, [{ path: '(file)', message: 'imports.missingColumn', params: { column } }]);
  }
  const reads = sheet.rows.map((r) => readRow(importer.def, sheet.headers, mapping.targets, r, sheet.cellIssues));
  return { importer, sheet, reads, columns: sheet.headers.map((column, i) => ({ column, field: mapping.targets[i] ?? null })) };
}

function reportOf(ctx: CommandContext, file: PreparedFile, options: ImportOptions, planned: readonly Planned[], outcome: ImportReport['outcome'], extra: Partial<ImportReport> = {}): ImportReport {
  const errors = file.reads.flatMap((r) => r.errors).sort((a, b) => a.row - b.row);
  const count = (action: string) => planned.filter((p) => p.decision.action === action).length;
  const written = outcome === 'committed' || outcome === 'dry_run' || outcome === 'partial';
  return {
    entity: file.importer.entity, dryRun: options.dryRun, outcome, format: file.sheet.format, encoding: file.sheet.encoding, totalRows: file.reads.length,
    columns: file.columns,
    counts: {
      created: written ? count('create') : 0, updated: written ? count('update') : 0, skipped: count('skip'),
      duplicates: count('skip') + count('update') + errors.filter((e) => DUPLICATE_REASONS.has(e.reason)).length,
      invalidRows: new Set(errors.map((e) => e.row)).size,
    },
    errors: errors.slice(0, MAX_REPORTED_ERRORS).map((e) => ({ row: e.row, column: e.column, field: e.field, reason: translate(ctx.locale, e.reason, e.params) })),
    errorsTruncated: errors.length > MAX_REPORTED_ERRORS,
    batches: [], failure: null, ...extra,
  };
}

const writerOf = (ctx: CommandContext): Writer => ({ workspaceId: ctx.workspace.id, timeZone: ctx.workspace.timeZone, actorId: ctx.actor.id, actorName: ctx.actor.name, requestId: ctx.requestId, ip: ctx.ip });
const hasErrors = (reads: readonly ReadRow[]) => reads.some((r) => r.errors.length > 0);

/** Checks every row and reports what an import would do; writes nothing at all. */
export async function dryRun(ctx: CommandContext, file: PreparedFile, options: ImportOptions): Promise<ImportReport> {
  const planned = await file.importer.plan(ctx.db, ctx, file.reads, options.onDuplicate);
  return reportOf(ctx, file, options, planned, 'dry_run');
}

async function auditImport(ctx: CommandContext, report: ImportReport, options: ImportOptions, jobId: string | null, tx = ctx.db) {
  await appendAudit(tx, ctx, {
    entity: 'import', entityId: jobId, action: 'import',
    after: { entity: report.entity, fileName: options.fileName ?? null, outcome: report.outcome, totalRows: report.totalRows, counts: report.counts, onDuplicate: options.onDuplicate, mode: options.mode, batches: report.batches.length },
  });
}

export type Progress = (processedRows: number) => void | Promise<void>;

/**
 * Imports a file (domain §16). All-or-nothing (default): one transaction plans (duplicates checked in
 * it) and writes; any bad row rejects the file and nothing is written. `batches`: each batch commits
 * alone; a batch with a bad row (or a conflict) fails and the others stand.
 */
export async function runImport(ctx: CommandContext, file: PreparedFile, options: ImportOptions, jobId: string | null, progress: Progress = () => undefined): Promise<ImportReport> {
  const { importer, reads } = file;
  const writer = writerOf(ctx);
  if (options.mode === 'all') {
    try {
      const result = await ctx.db.transaction(async (tx) => {
        await lockImports(tx, ctx.workspace.id);
        const planned = await importer.plan(tx, ctx, reads, options.onDuplicate);
        if (hasErrors(reads)) return reportOf(ctx, file, options, planned, 'rejected');
        await importer.write(tx, writer, planned);
        const report = reportOf(ctx, file, options, planned, 'committed');
        await auditImport(ctx, report, options, jobId, tx);
        return report;
      });
      await progress(reads.length);
      return result;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return reportOf(ctx, file, options, [], 'failed', { failure: translate(ctx.locale, 'imports.concurrentDuplicate') });
    }
  }

  const planned = await importer.plan(ctx.db, ctx, reads, options.onDuplicate);
  const byRow = new Map(planned.map((p) => [p.row, p]));
  const batches: ImportReport['batches'] = [];
  const committed: Planned[] = [];
  for (let i = 0, index = 1; i < reads.length; i += options.batchSize, index++) {
    const slice = reads.slice(i, i + options.batchSize);
    const batch = slice.map((r) => byRow.get(r.row)).filter((p): p is Planned => p !== undefined);
    const entry = { index, fromRow: slice[0]!.row, toRow: slice.at(-1)!.row, rows: slice.length, status: 'committed' as 'committed' | 'failed', reason: null as string | null };
    if (hasErrors(slice)) {
      entry.status = 'failed';
      entry.reason = translate(ctx.locale, 'imports.batchHasErrors', { count: slice.filter((r) => r.errors.length > 0).length });
    } else {
      try {
        await ctx.db.transaction(async (tx) => {
          await lockImports(tx, ctx.workspace.id);
            await importer.write(tx, writer, batch);
        });
        committed.push(...batch);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        entry.status = 'failed';
        entry.reason = translate(ctx.locale, 'imports.concurrentDuplicate');
      }
    }
    batches.push(entry);
    await progress(Math.min(reads.length, i + slice.length));
  }
  const allCommitted = batches.every((b) => b.status === 'committed');
  const outcome = allCommitted ? 'committed' : committed.length > 0 || batches.some((b) => b.status === 'committed') ? 'partial' : 'failed';
  const report = reportOf(ctx, file, options, planned, outcome, { batches });
  report.counts.created = committed.filter((p) => p.decision.action === 'create').length;
  report.counts.updated = committed.filter((p) => p.decision.action === 'update').length;
  await auditImport(ctx, report, options, jobId);
  return report;
}

