import { and, eq, sql } from 'drizzle-orm';
import type {
  AccuracyDto, AdjustForecastBody, ForecastDto, ForecastFiguresDto, ForecastReportDto, SubmitForecastBody,
} from '../../../shared/contracts/forecasts.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, invalidField, notFound, ruleViolation } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { MAX_REPORT_PERIOD_MONTHS, monthEnd, monthOf, monthStart, monthsBetween, parseReportPeriod, shiftMonth } from '../../../shared/periods.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners, visibleTo } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { findDepartment } from '../../platform/org/org.repository.js';
import { users } from '../../platform/org/org.schema.js';
import { FORECAST_MONTHS_AHEAD, forecastAccuracy, mayAdjust, submitWindow } from './forecasts.rules.js';
import type { ForecastPermission } from './forecasts.permissions.js';
import {
  accuracyRows, findForecast, findForecastOf, forecastSumsByMonth, listForecasts as listForecastRows, lockForecast, lockForecastOf,
  opportunityFiguresByMonth, peopleWhere, supervisorOf, updateForecast, type ForecastListRow, type OwnerFilter,
} from './forecasts.repository.js';
import { forecastSubmissions } from './forecasts.schema.js';

const has = (ctx: CommandContext, permission: ForecastPermission) => ctx.actor.permissions.has(permission);
const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);

/** The actor's data scope as an owner filter (forecasts are attributed to the rep who owns the opportunities). */
async function scopeOf(db: Executor, ctx: CommandContext): Promise<OwnerFilter> {
  const owners = await visibleOwners(db, ctx);
  return (column) => visibleTo(owners, column);
}

async function isInScope(db: Executor, ctx: CommandContext, userId: string): Promise<boolean> {
  const owners = await visibleOwners(db, ctx);
  return owners.kind === 'all' || owners.ids.includes(userId);
}

function toDto(ctx: CommandContext, row: ForecastListRow, ownerInScope: boolean): ForecastDto {
  const open = submitWindow(row.month, todayOf(ctx)) === 'open';
  return {
    id: row.id, version: row.version, ownerId: row.ownerId, ownerName: row.ownerName, month: row.month,
    submittedAmount: row.submittedAmount, submittedNote: row.submittedNote, submittedAt: row.submittedAt.toISOString(),
    systemWeighted: row.systemWeighted, systemCommit: row.systemCommit,
    adjustedAmount: row.adjustedAmount, adjustedBy: row.adjustedBy, adjustedByName: row.adjustedByName,
    adjustedAt: row.adjustedAt ? row.adjustedAt.toISOString() : null, adjustNote: row.adjustNote,
    canAdjust: open && has(ctx, 'forecast:adjust') && mayAdjust(ctx.actor.id, row.ownerId, ownerInScope) === 'ok',
    canResubmit: open && has(ctx, 'forecast:submit') && row.ownerId === ctx.actor.id,
  };
}

function assertWindow(month: string, asOf: IsoDate) {
  const window = submitWindow(month, asOf);
  if (window === 'ended') throw ruleViolation('errors.forecastMonthEnded', { month });
  if (window === 'too_far') throw ruleViolation('errors.forecastMonthTooFar', { months: FORECAST_MONTHS_AHEAD });
}

function assertAmount(amount: string) {
  if (money.compare(amount, 0) < 0) throw invalidField('amount', 'errors.forecastAmountNegative');
}

/** One person's weighted pipeline, commit and won of one month, as the system sees them now. */
async function figuresOf(db: Executor, workspaceId: string, ownerId: string, month: string) {
  const [row] = await opportunityFiguresByMonth(db, {
    workspaceId, from: monthStart(month), to: monthEnd(month), ownerWhere: (column) => sql`${column} = ${ownerId}::uuid`,
  });
  return { weighted: row?.weighted ?? '0.00', commit: row?.commit ?? '0.00', won: row?.won ?? '0.00' };
}

// ── queries ───────────────────────────────────────────────────────────────────────────────────

/** Forecasts of the people in my data scope, newest month first (a rep: their own). */
export async function listForecasts(ctx: CommandContext, q: { limit: number; cursor?: string; month?: string; ownerId?: string; orgNodeId?: string }) {
  const key = decodeCursor(q.cursor);
  let after: { month: string; id: string } | undefined;
  if (key) {
    const [month, id] = key;
    if (typeof month !== 'string' || typeof id !== 'string') throw invalidField('cursor', 'errors.invalidFormat');
    after = { month, id };
  }
  const filter = peopleWhere({ workspaceId: ctx.workspace.id, scope: await scopeOf(ctx.db, ctx), ownerId: q.ownerId, orgNodeId: q.orgNodeId });
  const rows = await listForecastRows(ctx.db, {
    workspaceId: ctx.workspace.id, where: filter(sql`${forecastSubmissions.ownerId}`), month: q.month, after, limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.month, r.id]);
  // every listed row is in scope by construction
  return { items: page.items.map((r) => toDto(ctx, r, true)), nextCursor: page.nextCursor };
}

/** One forecast in my scope (404 otherwise). */
export async function getForecast(ctx: CommandContext, id: string): Promise<ForecastDto> {
  const row = await findForecast(ctx.db, ctx.workspace.id, id);
  if (!row || !(await isInScope(ctx.db, ctx, row.ownerId))) throw notFound('forecast');
  return toDto(ctx, row, true);
}

/** A person's figures of one month next to their submission: what the form shows before submitting. */
export async function forecastFigures(ctx: CommandContext, q: { month?: string; ownerId?: string }): Promise<ForecastFiguresDto> {
  const month = q.month ?? monthOf(todayOf(ctx));
  const ownerId = q.ownerId ?? ctx.actor.id;
  if (!(await isInScope(ctx.db, ctx, ownerId))) throw notFound('user');
  const [owner] = await ctx.db.select({ name: users.name }).from(users).where(and(eq(users.workspaceId, ctx.workspace.id), eq(users.id, ownerId)));
  if (!owner) throw notFound('user');
  const [figures, submission] = await Promise.all([figuresOf(ctx.db, ctx.workspace.id, ownerId, month), findForecastOf(ctx.db, ctx.workspace.id, ownerId, month)]);
  return {
    ownerId, ownerName: owner.name, month, ...figures, mayChange: submitWindow(month, todayOf(ctx)) === 'open',
    submission: submission ? toDto(ctx, submission, true) : null,
  };
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

/**
 * The rep submits their own forecast of a month (domain §6.3), with a snapshot of the system's
 * weighted pipeline and commit for that month. Re-submitting before the month ends updates it (the
 * version read must be sent; a manager's adjustment stays as it was). Notifies the rep's supervisor.
 */
export async function submitForecast(ctx: CommandContext, input: SubmitForecastBody): Promise<{ created: boolean; forecast: ForecastDto }> {
  assertAmount(input.amount);
  assertWindow(input.month, todayOf(ctx));
  const ws = ctx.workspace.id;
  const { id, created } = await ctx.db.transaction(async (tx) => {
    const existing = await lockForecastOf(tx, ws, ctx.actor.id, input.month);
    const figures = await figuresOf(tx, ws, ctx.actor.id, input.month);
    const now = new Date();
    const values = {
      submittedAmount: money.format(input.amount), submittedNote: input.note || null, submittedAt: now,
      systemWeighted: figures.weighted, systemCommit: figures.commit,
    };
    let saved;
    if (existing) {
      if (input.version === undefined) throw conflict('errors.forecastExists', { month: input.month });
      saved = await updateForecast(tx, { workspaceId: ws, id: existing.id, expectedVersion: input.version, set: values });
      if (!saved) throw conflict();
      await appendAudit(tx, ctx, { entity: 'forecast', entityId: saved.id, action: 'resubmit', before: existing, after: saved });
    } else {
      [saved] = await tx.insert(forecastSubmissions).values({ workspaceId: ws, id: newId(), ownerId: ctx.actor.id, month: input.month, ...values, createdAt: now, updatedAt: now }).returning();
      await appendAudit(tx, ctx, { entity: 'forecast', entityId: saved!.id, action: 'submit', after: saved });
    }
    const supervisor = await supervisorOf(tx, ws, ctx.actor.id);
    await emitEvent(tx, ws, {
      topic: 'forecast.submitted',
      payload: { forecastId: saved!.id, ownerId: ctx.actor.id, month: input.month, amount: saved!.submittedAmount, resubmitted: Boolean(existing) },
      ...(supervisor ? {
        notify: { userIds: [supervisor], kind: 'forecast_submitted', params: { name: ctx.actor.name, month: input.month, amount: saved!.submittedAmount }, link: `/forecasts?month=${input.month}` },
      } : {}),
    });
    return { id: saved!.id, created: !existing };
  });
  return { created, forecast: await getForecast(ctx, id) };
}

/**
 * A manager adjusts a rep's forecast (domain §6.3): the rep's own figure is kept beside it. Only
 * for people in the manager's scope (else 404), never their own (segregation of duties), and only
 * until the month ends. The rep is told.
 */
export async function adjustForecast(ctx: CommandContext, id: string, input: AdjustForecastBody): Promise<ForecastDto> {
  assertAmount(input.amount);
  const ws = ctx.workspace.id;
  await ctx.db.transaction(async (tx) => {
    const row = await lockForecast(tx, ws, id);
    if (!row) throw notFound('forecast');
    const verdict = mayAdjust(ctx.actor.id, row.ownerId, await isInScope(tx, ctx, row.ownerId));
    if (verdict === 'out_of_scope') throw notFound('forecast');
    if (verdict === 'own') throw new AppError('SEGREGATION_OF_DUTIES', 'errors.forecastOwnAdjust');
    assertWindow(row.month, todayOf(ctx));
    const saved = await updateForecast(tx, {
      workspaceId: ws, id, expectedVersion: input.version,
      set: { adjustedAmount: money.format(input.amount), adjustedBy: ctx.actor.id, adjustedAt: new Date(), adjustNote: input.note },
    });
    if (!saved) throw conflict();
    await appendAudit(tx, ctx, { entity: 'forecast', entityId: id, action: 'adjust', before: row, after: saved });
    await emitEvent(tx, ws, {
      topic: 'forecast.adjusted',
      payload: { forecastId: id, ownerId: row.ownerId, month: row.month, submitted: row.submittedAmount, adjusted: saved.adjustedAmount, by: ctx.actor.id },
      notify: { userIds: [row.ownerId], kind: 'forecast_adjusted', params: { name: ctx.actor.name, month: row.month, amount: saved.adjustedAmount }, link: `/forecasts?month=${row.month}` },
    });
  });
  return getForecast(ctx, id);
}

// ── accuracy and report ───────────────────────────────────────────────────────────────────────

/** Forecast accuracy per person per month (won / forecast, for the submitted and the adjusted figure). */
export async function forecastAccuracyReport(ctx: CommandContext, q: { ownerId?: string; orgNodeId?: string; from?: string; to?: string }): Promise<AccuracyDto> {
  const to = q.to ?? (q.from && q.from > monthOf(todayOf(ctx)) ? q.from : monthOf(todayOf(ctx)));
  const from = q.from ?? shiftMonth(to, -5);
  const span = monthsBetween(from, to).length;
  if (from > to || span > MAX_REPORT_PERIOD_MONTHS) throw invalidField(q.from ? 'from' : 'to', 'errors.accuracyRange');
  const ownerWhere = peopleWhere({ workspaceId: ctx.workspace.id, scope: await scopeOf(ctx.db, ctx), ownerId: q.ownerId, orgNodeId: q.orgNodeId });
  const rows = await accuracyRows(ctx.db, { workspaceId: ctx.workspace.id, fromMonth: from, toMonth: to, from: monthStart(from), to: monthEnd(to), ownerWhere });
  return {
    from, to,
    items: rows.map((r) => ({
      ...r, won: money.format(r.won),
      submittedAccuracy: forecastAccuracy(r.won, r.submitted), adjustedAccuracy: forecastAccuracy(r.won, r.adjusted),
    })),
  };
}

/** Parses the `period` filter (see src/shared/periods.ts) or answers 400 naming `period`. */
export function reportPeriodOf(ctx: CommandContext, period: string | undefined) {
  const parsed = parseReportPeriod(period, todayOf(ctx));
  if (!parsed) throw invalidField('period', 'errors.reportPeriod');
  return { ...parsed, text: period?.trim() || monthOf(todayOf(ctx)) };
}

/**
 * The forecast report (domain §6.3, §15): per month of the period, weighted pipeline, commit (best
 * few), Σ submitted and Σ adjusted forecasts, won, and the target (null until targets exist) —
 * within the caller's data scope, filtered by org node and owner.
 */
export async function forecastReport(ctx: CommandContext, q: { period?: string; orgNodeId?: string; ownerId?: string }): Promise<ForecastReportDto> {
  const period = reportPeriodOf(ctx, q.period);
  if (q.orgNodeId && !(await findDepartment(ctx.db, ctx.workspace.id, q.orgNodeId))) {
    throw invalidField('orgNodeId', 'errors.unknownReference', { entity: 'department' });
  }
  const ownerId = q.ownerId === 'me' ? ctx.actor.id : q.ownerId;
  // the filters narrow the caller's scope, never widen it: a department or person outside it gives zeros
  const ownerWhere = peopleWhere({ workspaceId: ctx.workspace.id, scope: await scopeOf(ctx.db, ctx), ownerId, orgNodeId: q.orgNodeId });
  const [figures, sums] = await Promise.all([
    opportunityFiguresByMonth(ctx.db, { workspaceId: ctx.workspace.id, from: period.from, to: period.to, ownerWhere }),
    forecastSumsByMonth(ctx.db, { workspaceId: ctx.workspace.id, fromMonth: period.months[0]!, toMonth: period.months.at(-1)!, ownerWhere }),
  ]);
  const figuresBy = new Map(figures.map((f) => [f.month, f]));
  const sumsBy = new Map(sums.map((s) => [s.month, s]));
  const months = period.months.map((month) => {
    const f = figuresBy.get(month);
    const s = sumsBy.get(month);
    return {
      month, weighted: money.format(f?.weighted ?? 0), commit: money.format(f?.commit ?? 0),
      submitted: money.format(s?.submitted ?? 0), adjusted: money.format(s?.adjusted ?? 0), won: money.format(f?.won ?? 0), target: null,
    };
  });
  const total = (k: 'weighted' | 'commit' | 'submitted' | 'adjusted' | 'won') => money.add(...months.map((m) => m[k]));
  return {
    period: period.text, from: period.from, to: period.to, months,
    totals: { weighted: total('weighted'), commit: total('commit'), submitted: total('submitted'), adjusted: total('adjusted'), won: total('won'), target: null },
  };
}

/** Records an export of the forecast report before its first byte leaves. */
export async function auditForecastExport(ctx: CommandContext, q: { period: string; from: string; to: string; orgNodeId?: string; ownerId?: string }) {
  await ctx.db.transaction((tx) => appendAudit(tx, ctx, { entity: 'forecast_report', action: 'export', after: { ...q, format: 'xlsx' } }));
}
