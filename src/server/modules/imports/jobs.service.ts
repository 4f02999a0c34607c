import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { notFound } from '../../../shared/errors.js';
import type { Database } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { translate } from '../../platform/i18n/translate.js';
import type { ImportEntity } from './columns.rules.js';
import { importJobs } from './imports.schema.js';
import { runImport, type ImportOptions, type ImportReport, type PreparedFile } from './imports.service.js';

type JobRow = typeof importJobs.$inferSelect;

/** Jobs running in this process, with their progress (PGlite cannot read it from the database during the import's transaction). */
const live = new Map<string, { processedRows: number }>();
const HEARTBEAT_MS = 15_000;
/** A queued or running job whose heartbeat is older than this was interrupted (restart, crash). */
export const STALE_AFTER_MS = 120_000;

export function toJobDto(row: JobRow, locale: CommandContext['locale']) {
  const progress = live.get(row.id);
  return {
    id: row.id, entity: row.entity as ImportEntity, status: row.status as 'queued' | 'running' | 'done' | 'failed', fileName: row.fileName,
    totalRows: row.totalRows, processedRows: Math.max(row.processedRows, progress?.processedRows ?? 0),
    report: (row.report as ImportReport | null) ?? null, error: row.errorKey ? translate(locale, row.errorKey) : null,
    createdAt: row.createdAt.toISOString(), startedAt: row.startedAt?.toISOString() ?? null, finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

const byId = (workspaceId: string, id: string) => and(eq(importJobs.workspaceId, workspaceId), eq(importJobs.id, id));

/**
 * Queues a large import as a job and starts it in this process once the job row is committed; the
 * caller polls GET /imports/jobs/{id}. The parsed file stays in memory: a restart fails the job
 * (see failInterruptedImports), which in all-or-nothing mode wrote nothing.
 */
export async function startImportJob(ctx: CommandContext, file: PreparedFile, options: ImportOptions) {
  const now = new Date();
  const [job] = await ctx.db.insert(importJobs).values({
    workspaceId: ctx.workspace.id, entity: file.importer.entity, status: 'queued', fileName: options.fileName ?? null,
    options: { onDuplicate: options.onDuplicate, mode: options.mode, batchSize: options.batchSize }, totalRows: file.reads.length,
    createdBy: ctx.actor.id, heartbeatAt: now,
  }).returning();
  const id = job!.id;
  live.set(id, { processedRows: 0 });
  setImmediate(() => void runJob(ctx, id, file, options));
  return toJobDto(job!, ctx.locale);
}

async function runJob(ctx: CommandContext, id: string, file: PreparedFile, options: ImportOptions) {
  const db = ctx.db;
  const beat = setInterval(() => {
    void db.update(importJobs).set({ heartbeatAt: new Date(), processedRows: live.get(id)?.processedRows ?? 0 }).where(byId(ctx.workspace.id, id)).catch(() => undefined);
  }, HEARTBEAT_MS);
  try {
    await db.update(importJobs).set({ status: 'running', startedAt: new Date(), heartbeatAt: new Date() }).where(byId(ctx.workspace.id, id));
    const report = await runImport(ctx, file, options, id, async (processedRows) => {
      live.set(id, { processedRows });
      if (options.mode === 'batches') await db.update(importJobs).set({ processedRows, heartbeatAt: new Date() }).where(byId(ctx.workspace.id, id));
    });
    await db.update(importJobs).set({ status: 'done', report, processedRows: file.reads.length, finishedAt: new Date(), heartbeatAt: new Date() }).where(byId(ctx.workspace.id, id));
  } catch (error) {
    await db.update(importJobs).set({ status: 'failed', errorKey: 'imports.jobFailed', finishedAt: new Date() }).where(byId(ctx.workspace.id, id)).catch(() => undefined);
    console.error(`import job ${id} failed`, error);
  } finally {
    clearInterval(beat);
    live.delete(id);
  }
}

/** One of my import jobs, with its progress and, once done, its report. */
export async function getImportJob(ctx: CommandContext, id: string) {
  const [row] = await ctx.db.select().from(importJobs).where(and(byId(ctx.workspace.id, id), eq(importJobs.createdBy, ctx.actor.id)));
  if (!row) throw notFound('importJob');
  return toJobDto(row, ctx.locale);
}

/** Fails queued or running jobs whose heartbeat stopped (the process that ran them is gone), in every workspace. */
export async function failInterruptedImports(db: Database, now: Date = new Date()) {
  const stale = await db.select({ id: importJobs.id, workspaceId: importJobs.workspaceId }).from(importJobs)
    .where(and(inArray(importJobs.status, ['queued', 'running']), lt(importJobs.heartbeatAt, new Date(now.getTime() - STALE_AFTER_MS))));
  const gone = stale.filter((j) => !live.has(j.id));
  for (const job of gone) {
    await db.update(importJobs).set({ status: 'failed', errorKey: 'imports.interrupted', finishedAt: now, version: sql`${importJobs.version} + 1` })
      .where(and(byId(job.workspaceId, job.id), inArray(importJobs.status, ['queued', 'running'])));
  }
  return gone.length;
}
