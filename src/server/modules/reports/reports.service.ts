import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { FunnelCategory } from '../../../shared/contracts/opportunities.contract.js';
import type {
  ActivityReportDto, ActivityReportQuery, FunnelReportDto, FunnelReportQuery,
} from '../../../shared/contracts/reports.contract.js';
import { daysBetween, todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, invalidField } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { parseReportPeriod } from '../../../shared/periods.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners, visibleTo } from '../../platform/authz/scope.js';
import type { CommandContext } from '../../platform/http/context.js';
import { opportunities } from '../opportunities/opportunities.schema.js';
import { activeOpportunityCollaborations, getPipeline, listPipelines, visibleOpportunities } from '../opportunities/index.js';
import { getAdherence } from '../visit-plans/index.js';
import {
  closedFigures, departmentExists, filterNames, inDepartmentTree, openFigures, repActivityRows, stageFlow,
} from './reports.repository.js';
import {
  conversionPercent, funnelCategoryRows, percentOf, roundDays, sumActivityCounts, teamSubtotals, winRatePercent,
} from './reports.rules.js';

/** The activity report reads visit-plan adherence, which covers at most 366 days. */
const MAX_ACTIVITY_REPORT_DAYS = 366;

interface Filters { period?: string | undefined; asOf?: IsoDate | undefined; orgNodeId?: string | undefined; ownerId?: string | undefined }
interface Resolved { from: IsoDate; to: IsoDate; asOf: IsoDate; orgNodeId: string | undefined; ownerId: string | undefined }

/** The period (400 naming `period` when unreadable), `me` → the caller, and the department checked. */
async function resolveFilters(ctx: CommandContext, q: Filters): Promise<Resolved> {
  const asOf = q.asOf ?? todayIn(ctx.workspace.timeZone);
  const period = parseReportPeriod(q.period, asOf);
  if (!period) throw invalidField('period', 'errors.reportPeriod');
  if (q.orgNodeId && !(await departmentExists(ctx.db, ctx.workspace.id, q.orgNodeId))) {
    throw invalidField('orgNodeId', 'errors.unknownReference', { entity: 'department' });
  }
  return { from: period.from, to: period.to, asOf, orgNodeId: q.orgNodeId, ownerId: q.ownerId === 'me' ? ctx.actor.id : q.ownerId };
}

/** The pipeline asked for, or the first active one the caller may use; an unknown one → 400 naming `pipelineId`. */
async function reportPipeline(ctx: CommandContext, pipelineId: string | undefined) {
  if (pipelineId) {
    try {
      return await getPipeline(ctx, pipelineId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw invalidField('pipelineId', 'errors.unknownReference', { entity: 'pipeline' });
      throw error;
    }
  }
  const [first] = (await listPipelines(ctx, {})).items;
  if (!first) throw invalidField('pipelineId', 'errors.unknownReference', { entity: 'pipeline' });
  return first;
}

/**
 * The funnel report (domain §15, §6.1/6.2) of one pipeline: open opportunities now by category and
 * stage (count, amount, weighted), stage-to-stage conversion and median days in stage over the
 * period, won and lost in the period — all within the caller's data scope.
 */
export async function funnelReport(ctx: CommandContext, q: FunnelReportQuery): Promise<FunnelReportDto> {
  const f = await resolveFilters(ctx, q);
  const pipeline = await reportPipeline(ctx, q.pipelineId);
  const owners = await visibleOwners(ctx.db, ctx);
  const collaboratingOn = owners.kind === 'all' ? [] : await activeOpportunityCollaborations(ctx.db, ctx.workspace.id, ctx.actor.id, f.asOf);
  // the same conditions twice: over `opportunities` (open and closed figures) and over the stage history `h`
  // (the stage flow), which carries the opportunity's owner and department
  const conditions = (c: { id: SQL | AnyColumn; ownerId: SQL | AnyColumn; departmentId: SQL | AnyColumn }) => {
    const where: SQL[] = [visibleOpportunities(owners, collaboratingOn, c)];
    if (f.ownerId) where.push(sql`${c.ownerId} = ${f.ownerId}`);
    if (f.orgNodeId) where.push(inDepartmentTree(ctx.workspace.id, sql`${c.departmentId}`, f.orgNodeId));
    return sql.join(where, sql` and `);
  };
  const scope = {
    workspaceId: ctx.workspace.id, from: f.from, to: f.to, timeZone: ctx.workspace.timeZone, pipelineId: pipeline.id,
    where: conditions({ id: opportunities.id, ownerId: opportunities.ownerId, departmentId: opportunities.departmentId }),
    historyWhere: conditions({ id: sql`h.opportunity_id`, ownerId: sql`h.owner_id`, departmentId: sql`h.department_id` }),
  };
  const open = await openFigures(ctx.db, scope);
  const flow = await stageFlow(ctx.db, scope);
  const closed = await closedFigures(ctx.db, scope);

  const lastPosition = Math.max(...pipeline.stages.map((s) => s.position));
  const all = open.find((r) => r.stageId === null && r.category === null);
  return {
    from: f.from, to: f.to, asOf: f.asOf,
    pipeline: { id: pipeline.id, name: pipeline.name, template: pipeline.template },
    categories: funnelCategoryRows(
      open.filter((r) => r.stageId === null && r.category !== null)
        .map((r) => ({ category: r.category as FunnelCategory, count: r.count, amount: r.amount, weightedAmount: r.weighted })),
      closed.won,
    ),
    stages: pipeline.stages.map((s) => {
      const o = open.find((r) => r.stageId === s.id);
      const fl = flow.find((r) => r.stageId === s.id);
      const entered = fl?.entered ?? 0;
      const advanced = fl?.advanced ?? 0;
      return {
        stageId: s.id, code: s.code, name: s.name, position: s.position, funnelCategory: s.funnelCategory, probability: s.probability,
        count: o?.count ?? 0, amount: money.format(o?.amount ?? '0'), weightedAmount: money.format(o?.weighted ?? '0'),
        entered, advanced, conversionPercent: conversionPercent(entered, advanced, s.position === lastPosition),
        exited: fl?.exited ?? 0, medianDaysInStage: roundDays(fl?.medianDays ?? null),
      };
    }),
    totals: {
      openCount: all?.count ?? 0, openAmount: money.format(all?.amount ?? '0'), weightedAmount: money.format(all?.weighted ?? '0'),
      wonCount: closed.won.count, wonAmount: money.format(closed.won.amount),
      lostCount: closed.lost.count, lostAmount: money.format(closed.lost.amount),
      winRatePercent: winRatePercent(closed.won.count, closed.lost.count),
    },
  };
}

/**
 * The activity report (domain §15, §7): per rep and per team, activities done by type, call reports
 * sent, tasks done and overdue, and visit-plan adherence (planned visits done vs missed, from the
 * visit-plans module) — within the caller's data scope.
 */
export async function activityReport(ctx: CommandContext, q: ActivityReportQuery): Promise<ActivityReportDto> {
  const f = await resolveFilters(ctx, q);
  if (daysBetween(f.from, f.to) > MAX_ACTIVITY_REPORT_DAYS) throw invalidField('period', 'errors.activityReportPeriod');
  const userWhere: SQL[] = [visibleTo(await visibleOwners(ctx.db, ctx), sql`u.id`)];
  if (f.ownerId) userWhere.push(sql`u.id = ${f.ownerId}`);
  if (f.orgNodeId) userWhere.push(inDepartmentTree(ctx.workspace.id, sql`u.department_id`, f.orgNodeId));
  const rows = await repActivityRows(ctx.db, {
    workspaceId: ctx.workspace.id, from: f.from, to: f.to, timeZone: ctx.workspace.timeZone, asOf: f.asOf, userWhere: sql.join(userWhere, sql` and `),
  });
  const adherence = await getAdherence(ctx, { from: f.from, to: f.to, ownerId: f.ownerId, departmentId: f.orgNodeId });
  const reps = rows.map((r) => {
    const a = adherence.rows.find((x) => x.ownerId === r.userId);
    const planned = { visitsPlanned: a?.planned ?? 0, plannedVisitsDone: a?.done ?? 0, plannedVisitsMissed: a?.missed ?? 0 };
    return { ...r, ...planned, adherencePercent: percentOf(planned.plannedVisitsDone, planned.plannedVisitsDone + planned.plannedVisitsMissed) };
  });
  return { from: f.from, to: f.to, asOf: f.asOf, reps, teams: teamSubtotals(reps), totals: sumActivityCounts(reps) };
}

/** Records an export of a report (which one, with which filters, in which format) before its first byte leaves. */
export async function auditReportExport(ctx: CommandContext, report: 'funnel' | 'activities', filters: Record<string, unknown>, format: 'xlsx' | 'pdf' = 'xlsx') {
  await ctx.db.transaction((tx) => appendAudit(tx, ctx, { entity: 'report', action: 'export', after: { report, ...filters, format } }));
}

/** The names a printed report shows for its department and owner filters (null: not filtered). */
export async function reportFilterNames(ctx: CommandContext, q: { orgNodeId?: string | undefined; ownerId?: string | undefined }) {
  const ownerId = q.ownerId === 'me' ? ctx.actor.id : q.ownerId;
  return filterNames(ctx.db, ctx.workspace.id, { departmentId: q.orgNodeId, userId: ownerId });
}
