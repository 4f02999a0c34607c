import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import { departments, workspaces } from '../../platform/org/org.schema.js';
import { opportunities, pipelines, pipelineStages } from './opportunities.schema.js';
import { builtInPipelines } from './pipelines.templates.js';

export type PipelineRow = typeof pipelines.$inferSelect;
export type StageRow = typeof pipelineStages.$inferSelect;
export type PipelineWithStages = PipelineRow & { stages: StageRow[] };

export async function findPipelineRow(db: Executor, workspaceId: string, id: string): Promise<PipelineRow | null> {
  const [row] = await db.select().from(pipelines).where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id)));
  return row ?? null;
}

/** A pipeline's stages in order. */
export async function stagesOf(db: Executor, workspaceId: string, pipelineId: string): Promise<StageRow[]> {
  return db.select().from(pipelineStages)
    .where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.pipelineId, pipelineId)))
    .orderBy(asc(pipelineStages.position));
}

export async function findPipeline(db: Executor, workspaceId: string, id: string): Promise<PipelineWithStages | null> {
  const row = await findPipelineRow(db, workspaceId, id);
  return row ? { ...row, stages: await stagesOf(db, workspaceId, id) } : null;
}

/** Every pipeline of the workspace with its stages (two queries), in display order. */
export async function listPipelinesWithStages(db: Executor, workspaceId: string, options: { activeOnly: boolean }): Promise<PipelineWithStages[]> {
  const rows = await db.select().from(pipelines)
    .where(and(eq(pipelines.workspaceId, workspaceId), ...(options.activeOnly ? [eq(pipelines.isActive, true)] : [])))
    .orderBy(asc(pipelines.position), asc(pipelines.id));
  if (rows.length === 0) return [];
  const stages = await db.select().from(pipelineStages)
    .where(and(eq(pipelineStages.workspaceId, workspaceId), inArray(pipelineStages.pipelineId, rows.map((r) => r.id))))
    .orderBy(asc(pipelineStages.position));
  return rows.map((r) => ({ ...r, stages: stages.filter((s) => s.pipelineId === r.id) }));
}

/** Department id → path, for the department restriction of pipelines. */
export async function departmentPaths(db: Executor, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: departments.id, path: departments.path }).from(departments).where(eq(departments.workspaceId, workspaceId));
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** How many opportunities sit in each of these stages (a stage in use cannot be removed). */
export async function countOpportunitiesInStages(db: Executor, workspaceId: string, stageIds: string[]): Promise<Map<string, number>> {
  if (stageIds.length === 0) return new Map();
  const rows = await db.select({ stageId: opportunities.stageId, n: sql<number>`count(*)::int` }).from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), inArray(opportunities.stageId, stageIds))).groupBy(opportunities.stageId);
  return new Map(rows.map((r) => [r.stageId, Number(r.n)]));
}

/**
 * Seeds the built-in pipelines (big account, standard sale) into a workspace that lacks them.
 * Idempotent: the partial unique index on (workspace, template) makes a second run insert nothing,
 * also when two processes start at once.
 */
export async function ensureBuiltInPipelines(db: Executor, workspaceId: string): Promise<number> {
  let created = 0;
  for (const def of builtInPipelines) {
    const id = newId();
    const inserted = await db.insert(pipelines).values({
      workspaceId, id, name: def.name, template: def.template, description: def.description, position: def.position,
    }).onConflictDoNothing().returning({ id: pipelines.id });
    if (inserted.length === 0) continue;
    created += 1;
    await db.insert(pipelineStages).values(def.stages.map((s, position) => ({
      workspaceId, id: newId(), pipelineId: id, position, code: s.code, name: s.name, probability: s.probability,
      funnelCategory: s.funnelCategory, requiredFields: s.requiredFields, requiredApprovals: s.requiredApprovals,
      keyNode: s.keyNode, exitCriteria: s.exitCriteria,
    })));
  }
  return created;
}

/** At start: every workspace gets the built-in pipelines it lacks (workspaces created before this module). */
export async function ensureBuiltInPipelinesOfAllWorkspaces(db: Database): Promise<number> {
  const rows = await db.select({ id: workspaces.id }).from(workspaces);
  let created = 0;
  for (const w of rows) created += await db.transaction((tx) => ensureBuiltInPipelines(tx, w.id));
  return created;
}
