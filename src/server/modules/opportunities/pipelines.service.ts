import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type {
  CreatePipelineBody, FunnelCategory, PipelineDto, PipelineStageDto, PipelineStageInput, PipelineTemplate, RequirableField, StageApproval, UpdatePipelineBody,
} from '../../../shared/contracts/opportunities.contract.js';
import { AppError, conflict, notFound, type ErrorDetail } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import type { CommandContext } from '../../platform/http/context.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { isPipelineUsable, pipelineProblems, type FunnelBands } from './opportunities.rules.js';
import { refreshStageFlowColumns } from './opportunities.repository.js';
import { pipelines, pipelineStages } from './opportunities.schema.js';
import {
  countOpportunitiesInStages, departmentPaths, findPipeline, listPipelinesWithStages, type PipelineWithStages, type StageRow,
} from './pipelines.repository.js';

export function toStageDto(s: StageRow): PipelineStageDto {
  return {
    id: s.id, position: s.position, code: s.code, name: s.name, probability: trimProbability(s.probability),
    funnelCategory: s.funnelCategory as FunnelCategory, requiredFields: s.requiredFields as RequirableField[],
    requiredApprovals: s.requiredApprovals as StageApproval[], keyNode: s.keyNode, exitCriteria: s.exitCriteria,
  };
}

/** numeric(5,2) arrives as "25.00"; the API shows "25" (and "50.01" as is). */
export function trimProbability(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

export function toPipelineDto(p: PipelineWithStages): PipelineDto {
  return {
    id: p.id, name: p.name, template: p.template as PipelineTemplate | null, description: p.description, isActive: p.isActive,
    departmentIds: p.departmentIds, position: p.position, stages: p.stages.map(toStageDto), version: p.version,
  };
}

/** The funnel band limits of the workspace (policies §6.1). */
export async function funnelBandsOf(db: Executor, workspaceId: string): Promise<FunnelBands & { decisionDays: number }> {
  const p = await readPolicies(db, workspaceId);
  return { inFunnelMin: p['funnel.inFunnelMinPercent'], bestFewAbove: p['funnel.bestFewMinPercent'], decisionDays: p['funnel.bestFewDecisionDays'] };
}

const manages = (ctx: CommandContext) => ctx.actor.permissions.has('pipeline:manage');

/** Whether the caller may use (and see) a pipeline: administrators and company-wide readers every one, others by department. */
export async function pipelineUsableBy(db: Executor, ctx: CommandContext, p: { departmentIds: string[] }): Promise<boolean> {
  if (p.departmentIds.length === 0 || manages(ctx) || ctx.actor.dataScope === 'all') return true;
  const paths = await departmentPaths(db, ctx.workspace.id);
  const mine = ctx.actor.departmentId ? paths.get(ctx.actor.departmentId) ?? null : null;
  return isPipelineUsable(p.departmentIds, { seesAll: false, departmentPath: mine }, (id) => paths.get(id));
}

/** A pipeline the caller may see, else 404. */
export async function requirePipeline(db: Executor, ctx: CommandContext, id: string): Promise<PipelineWithStages> {
  const p = await findPipeline(db, ctx.workspace.id, id);
  if (!p || !(await pipelineUsableBy(db, ctx, p)) || (!p.isActive && !manages(ctx))) throw notFound('pipeline');
  return p;
}

/** Active pipelines the caller may use (administrators: inactive ones too when asked). */
export async function listPipelines(ctx: CommandContext, q: { includeInactive?: 'true' | 'false' }) {
  const all = await listPipelinesWithStages(ctx.db, ctx.workspace.id, { activeOnly: !(manages(ctx) && q.includeInactive === 'true') });
  const items: PipelineDto[] = [];
  for (const p of all) if (await pipelineUsableBy(ctx.db, ctx, p)) items.push(toPipelineDto(p));
  return { items };
}

export async function getPipeline(ctx: CommandContext, id: string): Promise<PipelineDto> {
  return toPipelineDto(await requirePipeline(ctx.db, ctx, id));
}

/** Field errors of a stage list: band, one order stage last, unique names (paths `stages.<i>.…`). */
async function assertStages(db: Executor, ctx: CommandContext, stages: readonly PipelineStageInput[]) {
  const bands = await funnelBandsOf(db, ctx.workspace.id);
  const details: ErrorDetail[] = pipelineProblems(stages, bands).map((problem) => {
    switch (problem.kind) {
      case 'band': return { path: `stages.${problem.index}.probability`, message: `errors.probabilityBand.${problem.category}`, params: { ...bands } };
      case 'order_count': return { path: 'stages', message: 'errors.pipelineOrderStage' };
      case 'order_not_last': return { path: `stages.${problem.index}.funnelCategory`, message: 'errors.pipelineOrderStage' };
      case 'duplicate_name': return { path: `stages.${problem.index}.name`, message: 'errors.pipelineDuplicateStage' };
    }
  });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', details[0]!.message, details[0]!.params ?? {}, details);
}

async function assertDepartments(db: Executor, ctx: CommandContext, ids: readonly string[]) {
  const paths = await departmentPaths(db, ctx.workspace.id);
  const unknown = ids.findIndex((id) => !paths.has(id));
  if (unknown >= 0) {
    throw new AppError('VALIDATION_FAILED', 'errors.unknownReference', { entity: 'department' }, [{ path: `departmentIds.${unknown}`, message: 'errors.unknownReference', params: { entity: 'department' } }]);
  }
}

const stageValues = (s: PipelineStageInput) => ({
  name: s.name, probability: s.probability, funnelCategory: s.funnelCategory, requiredFields: [...new Set(s.requiredFields)],
  requiredApprovals: [...new Set(s.requiredApprovals)], keyNode: s.keyNode ?? null, exitCriteria: s.exitCriteria ?? null,
});

/** Creates a custom pipeline (administrators). */
export async function createPipeline(ctx: CommandContext, input: CreatePipelineBody): Promise<PipelineDto> {
  return ctx.db.transaction(async (tx) => {
    await assertStages(tx, ctx, input.stages);
    await assertDepartments(tx, ctx, input.departmentIds);
    const ws = ctx.workspace.id;
    const [{ next } = { next: 0 }] = await tx.select({ next: sql<number>`coalesce(max(${pipelines.position}) + 1, 0)::int` }).from(pipelines).where(eq(pipelines.workspaceId, ws));
    const id = newId();
    await tx.insert(pipelines).values({ workspaceId: ws, id, name: input.name, description: input.description ?? null, departmentIds: input.departmentIds, position: Number(next) });
    await tx.insert(pipelineStages).values(input.stages.map((s, position) => ({ workspaceId: ws, id: newId(), pipelineId: id, position, code: null, ...stageValues(s) })));
    const created = (await findPipeline(tx, ws, id))!;
    await appendAudit(tx, ctx, { entity: 'pipeline', entityId: id, action: 'create', after: created });
    return toPipelineDto(created);
  });
}

/**
 * Edits a pipeline (administrators): name, departments, active flag, and the stage list — stages
 * named by id are kept (and updated), new ones added, missing ones removed unless an opportunity
 * still sits in them (422). Built-in stages keep their code.
 */
export async function updatePipeline(ctx: CommandContext, id: string, input: UpdatePipelineBody): Promise<PipelineDto> {
  return ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const before = await findPipeline(tx, ws, id);
    if (!before) throw notFound('pipeline');
    if (before.version !== input.version) throw conflict();
    if (input.departmentIds) await assertDepartments(tx, ctx, input.departmentIds);
    const [updated] = await tx.update(pipelines).set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.departmentIds !== undefined ? { departmentIds: input.departmentIds } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      version: sql`${pipelines.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(pipelines.workspaceId, ws), eq(pipelines.id, id), eq(pipelines.version, input.version))).returning();
    if (!updated) throw conflict();
    if (input.stages) await replaceStages(tx, ctx, before, input.stages);
    const after = (await findPipeline(tx, ws, id))!;
    await appendAudit(tx, ctx, { entity: 'pipeline', entityId: id, action: 'update', before, after });
    return toPipelineDto(after);
  });
}

async function replaceStages(tx: Tx, ctx: CommandContext, before: PipelineWithStages, stages: readonly PipelineStageInput[]) {
  const ws = ctx.workspace.id;
  await assertStages(tx, ctx, stages);
  const existing = new Map(before.stages.map((s) => [s.id, s]));
  const unknown = stages.findIndex((s) => s.id !== undefined && !existing.has(s.id));
  if (unknown >= 0) {
    throw new AppError('VALIDATION_FAILED', 'errors.unknownPipelineStage', {}, [{ path: `stages.${unknown}.id`, message: 'errors.unknownPipelineStage' }]);
  }
  const kept = new Set(stages.map((s) => s.id).filter((s): s is string => s !== undefined));
  const removed = before.stages.filter((s) => !kept.has(s.id));
  const inUse = await countOpportunitiesInStages(tx, ws, removed.map((s) => s.id));
  const blocking = removed.find((s) => (inUse.get(s.id) ?? 0) > 0);
  if (blocking) throw new AppError('RULE_VIOLATION', 'errors.stageInUse', { stage: blocking.name, count: inUse.get(blocking.id) });
  const inPipeline = and(eq(pipelineStages.workspaceId, ws), eq(pipelineStages.pipelineId, before.id));
  if (removed.length > 0) await tx.delete(pipelineStages).where(and(inPipeline, inArray(pipelineStages.id, removed.map((s) => s.id))));
  // positions are unique per pipeline: park the kept stages below zero, then write the final order
  await tx.update(pipelineStages).set({ position: sql`-1 - ${pipelineStages.position}` }).where(and(inPipeline, sql`${pipelineStages.position} >= 0`));
  for (const [position, s] of stages.entries()) {
    if (s.id) {
      await tx.update(pipelineStages).set({ position, ...stageValues(s), version: sql`${pipelineStages.version} + 1`, updatedAt: new Date() })
        .where(and(inPipeline, eq(pipelineStages.id, s.id)));
    } else {
      await tx.insert(pipelineStages).values({ workspaceId: ws, id: newId(), pipelineId: before.id, position, code: null, ...stageValues(s) });
    }
  }
  // nothing should remain parked; a leftover would be a bug
  const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(pipelineStages).where(and(inPipeline, lt(pipelineStages.position, 0)));
  if (Number(n) > 0) throw new Error('pipeline stages left unplaced');
  // the stage history carries the entered stage's position (the funnel's "advanced"): recompute the
  // pipeline's rows when a kept stage moved or one was removed (rare, set-based, only changed rows written)
  const moved = stages.some((s, position) => s.id !== undefined && existing.get(s.id)!.position !== position);
  if (moved || removed.length > 0) await refreshStageFlowColumns(tx, ws, { pipelineId: before.id });
}
