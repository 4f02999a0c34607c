import { and, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import { leadSources, type LeadSource } from '../../../shared/contracts/leads.contract.js';
import type {
  AutoRoutedBy, DailyReportDto, MakeUpStatus, OverrideDto, ReceptionVisitDto, RegisterVisitBody, RoutedBy, RosterDto, VisitKind,
} from '../../../shared/contracts/reception.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, forbidden, invalidField, notFound } from '../../../shared/errors.js';
import { registerApprovalSubject } from '../../platform/approvals/approvals.registry.js';
import { submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners, visibleTo } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeIdCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { allocateNumber } from '../../platform/numbering/numbering.service.js';
import { findCustomerMatch } from '../customers/index.js';
import { createLeadInTx, disqualifyLeadInTx, reassignLeadInTx } from '../leads/index.js';
import type { ReceptionPermission } from './reception.permissions.js';
import {
  activeHoldersOf, activeSalesUsers, countVisits, findVisit, listOverrides as listOverrideRows, listVisits as listVisitRows, lockRotation,
  lockVisit, makeUpsOf, oldestOwedMakeUp, onDutyMembers, rosterBetween, userNames, type MakeUpRow, type VisitRow,
} from './reception.repository.js';
import {
  datesOf, mayReassign, periodError, routeByRelationship, routeByRotation, summariseDaily, type CustomerMatch, type DailyCountRow,
} from './reception.rules.js';
import { receptionMakeUps, receptionOverrides, receptionRoster, receptionRotations, receptionVisits } from './reception.schema.js';

export const MAKE_UP_DOCUMENT = 'reception_make_up';
export const VISIT_NUMBERING = 'reception_visit';

const has = (ctx: CommandContext, permission: ReceptionPermission) => ctx.actor.permissions.has(permission);
const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
const isManager = (ctx: CommandContext) => ctx.actor.roles.some((r) => r === 'sales_manager' || r === 'sales_supervisor');

// ── scope ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Which visits the caller sees: the front desk today's, whoever they went to; everyone else the
 * visits assigned to people within their data scope (a rep: their own).
 */
async function visitScope(db: Executor, ctx: CommandContext): Promise<SQL> {
  const owners = await visibleOwners(db, ctx);
  // one person (a rep): plain equality, so the (workspace, assignee, id) index also gives the order
  const byAssignee = owners.kind === 'users' && owners.ids.length === 1
    ? eq(receptionVisits.assigneeId, owners.ids[0]!) : visibleTo(owners, receptionVisits.assigneeId);
  if (!has(ctx, 'reception:desk')) return byAssignee;
  return or(eq(receptionVisits.visitDate, todayOf(ctx)), byAssignee)!;
}

async function requireVisibleVisit(db: Executor, ctx: CommandContext, id: string, lock = false): Promise<VisitRow> {
  const row = lock ? await lockVisit(db, ctx.workspace.id, id) : await findVisit(db, ctx.workspace.id, id);
  if (!row) throw notFound('reception_visit');
  if (has(ctx, 'reception:desk') && row.visitDate === todayOf(ctx)) return row;
  const owners = await visibleOwners(db, ctx);
  if (owners.kind !== 'all' && !owners.ids.includes(row.assigneeId)) throw notFound('reception_visit');
  return row;
}

async function inScope(db: Executor, ctx: CommandContext, userId: string): Promise<boolean> {
  const owners = await visibleOwners(db, ctx);
  return owners.kind === 'all' || owners.ids.includes(userId);
}

// ── DTO ───────────────────────────────────────────────────────────────────────────────────────

async function toVisitDtos(db: Executor, ctx: CommandContext, rows: VisitRow[]): Promise<ReceptionVisitDto[]> {
  const names = await userNames(db, ctx.workspace.id, rows.flatMap((r) => [r.assigneeId, r.autoAssigneeId, r.registeredBy, r.saysKnownRepId, r.marketSurveyBy]));
  const makeUps = await makeUpsOf(db, ctx.workspace.id, rows.map((r) => r.id));
  const person = (id: string) => ({ id, name: names.get(id) ?? '—' });
  const today = todayOf(ctx);
  const out: ReceptionVisitDto[] = [];
  for (const r of rows) {
    const makeUp = makeUps.get(r.id) ?? null;
    const isAssignee = r.assigneeId === ctx.actor.id && has(ctx, 'reception:market_survey');
    out.push({
      id: r.id, number: r.number, visitDate: r.visitDate, kind: r.kind as VisitKind, company: r.company, contactName: r.contactName,
      phone: r.phone, source: r.source as LeadSource, saysKnownRep: r.saysKnownRepId ? person(r.saysKnownRepId) : null,
      customer: r.customerId ? { id: r.customerId, matchedBy: r.matchedBy as 'creditCode' | 'name' | 'phone', ownerId: r.matchedOwnerId } : null,
      isReturning: r.autoRoutedBy === 'existing_owner',
      routedBy: r.routedBy as RoutedBy, autoRoutedBy: r.autoRoutedBy as RoutedBy,
      autoAssignee: person(r.autoAssigneeId), assignee: person(r.assigneeId), isMakeUpTurn: r.isMakeUpTurn, leadId: r.leadId,
      registeredBy: person(r.registeredBy), registeredAt: r.createdAt.toISOString(),
      marketSurvey: r.marketSurveyAt ? { confirmedAt: r.marketSurveyAt.toISOString(), note: r.marketSurveyNote ?? '', by: person(r.marketSurveyBy ?? r.assigneeId) } : null,
      makeUp: makeUp ? { id: makeUp.id, status: makeUp.status as MakeUpStatus, approvalId: makeUp.approvalId, reason: makeUp.reason } : null,
      access: {
        canReassign: has(ctx, 'reception:reassign') && mayReassign({
          isDesk: has(ctx, 'reception:desk'), isManager: isManager(ctx), inScope: await inScope(db, ctx, r.assigneeId), visitDate: r.visitDate, today,
        }),
        canMarkSurvey: isAssignee && r.marketSurveyAt === null && r.visitDate === today,
        canRequestMakeUp: isAssignee && r.marketSurveyAt !== null && (makeUp === null || makeUp.status === 'returned'),
      },
      version: r.version,
    });
  }
  return out;
}

async function reloadVisit(db: Executor, ctx: CommandContext, id: string): Promise<ReceptionVisitDto> {
  const row = await findVisit(db, ctx.workspace.id, id);
  if (!row) throw notFound('reception_visit');
  return (await toVisitDtos(db, ctx, [row]))[0]!;
}

// ── registration and routing ──────────────────────────────────────────────────────────────────

async function isActiveSales(db: Executor, workspaceId: string, userId: string): Promise<boolean> {
  return (await activeSalesUsers(db, workspaceId, [userId])).length > 0;
}

/**
 * Registers a walk-in or call (domain §4.2) in one transaction: routes it (existing owner → named rep →
 * make-up turn → duty rotation → all reps when nobody is on duty), numbers the visit, creates the
 * lead for the assignee, audits the decision and notifies the assignee.
 */
export async function registerVisit(ctx: CommandContext, input: RegisterVisitBody): Promise<ReceptionVisitDto> {
  const ws = ctx.workspace.id;
  const today = todayOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const namedRep = input.saysKnownRep ?? null;
    if (namedRep && !(await isActiveSales(tx, ws, namedRep))) throw invalidField('saysKnownRep', 'errors.knownRepNotSales');
    const found = await findCustomerMatch(tx, ws, { name: input.company, phone: input.phone, creditCode: input.creditCode });
    const match: CustomerMatch | null = found
      ? { customerId: found.customerId, field: found.field, ownerId: found.ownerId, isOwnerEligible: found.ownerId ? await isActiveSales(tx, ws, found.ownerId) : false }
      : null;

    let decision = routeByRelationship(match, namedRep ? { id: namedRep } : null);
    let rotationNote: Record<string, unknown> | null = null;
    if (!decision) {
      // the day's rotation row serialises every rotation decision of the workspace for that day
      const rotation = await lockRotation(tx, ws, today);
      const onDuty = await onDutyMembers(tx, ws, today);
      const allReps = onDuty.length > 0 ? [] : (await activeSalesUsers(tx, ws, undefined, true)).map((u) => u.id);
      const owed = await oldestOwedMakeUp(tx, ws);
      decision = routeByRotation({ onDuty, allReps, lastUserId: rotation.lastUserId, owedMakeUp: owed ? { id: owed.id, userId: owed.userId } : null });
      if (!decision) throw new AppError('RULE_VIOLATION', 'errors.noSalesRepAvailable');
      rotationNote = { onDuty, fallbackPool: allReps, lastUserId: rotation.lastUserId, makeUpId: decision.makeUpId };
      const notifyManagers = decision.routedBy === 'no_roster_fallback' && !rotation.fallbackNotified;
      if (decision.advancesRotation || notifyManagers) {
        await tx.update(receptionRotations).set({
          ...(decision.advancesRotation ? { lastUserId: decision.assigneeId, turns: sql`${receptionRotations.turns} + 1` } : {}),
          ...(notifyManagers ? { fallbackNotified: true } : {}),
          version: sql`${receptionRotations.version} + 1`, updatedAt: new Date(),
        }).where(and(eq(receptionRotations.workspaceId, ws), eq(receptionRotations.id, rotation.id)));
      }
      if (notifyManagers) {
        await emitEvent(tx, ws, {
          topic: 'reception.no_roster', payload: { date: today },
          notify: { userIds: await activeHoldersOf(tx, ws, 'sales_manager'), kind: 'reception_no_roster', params: { title: today, date: today }, link: '/reception/roster' },
        });
      }
    }

    const visitId = newId();
    const number = await allocateNumber(tx, ctx.workspace, VISIT_NUMBERING);
    const lead = await createLeadInTx(tx, ctx, {
      company: input.company, contactName: input.contactName ?? null, phone: input.phone ?? null, source: input.source,
      ownerId: decision.assigneeId, customerId: match?.customerId ?? null, needDescription: input.needDescription ?? null, receptionVisitId: visitId,
    }, { notify: false }); // the assignee is told once, below, with why the visit went to them
    const [visit] = await tx.insert(receptionVisits).values({
      workspaceId: ws, id: visitId, number, visitDate: today, kind: input.kind, company: input.company,
      contactName: input.contactName ?? null, phone: input.phone ?? null, source: input.source, saysKnownRepId: namedRep,
      customerId: match?.customerId ?? null, matchedBy: match?.field ?? null, matchedOwnerId: match?.ownerId ?? null,
      autoRoutedBy: decision.routedBy, autoAssigneeId: decision.assigneeId, routedBy: decision.routedBy, assigneeId: decision.assigneeId,
      isMakeUpTurn: decision.makeUpId !== null, leadId: lead.id, registeredBy: ctx.actor.id,
    }).returning();
    if (decision.makeUpId) {
      await tx.update(receptionMakeUps).set({ status: 'used', usedVisitId: visitId, version: sql`${receptionMakeUps.version} + 1`, updatedAt: new Date() })
        .where(and(eq(receptionMakeUps.workspaceId, ws), eq(receptionMakeUps.id, decision.makeUpId)));
    }
    await appendAudit(tx, ctx, {
      entity: 'reception_visit', entityId: visitId, action: 'route',
      after: { ...visit, decision, match, namedRep, rotation: rotationNote, leadId: lead.id },
    });
    await emitEvent(tx, ws, {
      topic: 'reception.visit_assigned', payload: { visitId, assigneeId: decision.assigneeId, routedBy: decision.routedBy, leadId: lead.id },
      notify: {
        userIds: [decision.assigneeId], kind: 'reception_assigned',
        params: { title: input.company, company: input.company, kind: input.kind, routedBy: decision.routedBy, contact: input.contactName ?? '' },
        link: '/reception/mine',
      },
    });
    return reloadVisit(tx, ctx, visitId);
  });
}

// ── lists ─────────────────────────────────────────────────────────────────────────────────────

export interface VisitListInput {
  limit: number; cursor?: string; q?: string; date?: IsoDate; from?: IsoDate; to?: IsoDate;
  assigneeId?: string; kind?: VisitKind; source?: LeadSource;
}

/** Visits the caller sees, newest first: the desk today's, reps their own, managers their departments'. */
export async function listVisits(ctx: CommandContext, q: VisitListInput) {
  const today = todayOf(ctx);
  const where: SQL[] = [await visitScope(ctx.db, ctx)];
  if (q.date) where.push(eq(receptionVisits.visitDate, q.date));
  if (q.from) where.push(gte(receptionVisits.visitDate, q.from));
  if (q.to) where.push(lte(receptionVisits.visitDate, q.to));
  if (q.assigneeId) where.push(eq(receptionVisits.assigneeId, q.assigneeId === 'me' ? ctx.actor.id : q.assigneeId));
  if (q.kind) where.push(eq(receptionVisits.kind, q.kind));
  if (q.source) where.push(eq(receptionVisits.source, q.source));
  if (q.q?.trim()) where.push(sql`${receptionVisits.company} ILIKE ${`%${q.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const onlyDesk = has(ctx, 'reception:desk') && !has(ctx, 'reception:market_survey') && (await visibleOwners(ctx.db, ctx)).kind !== 'all';
  if (onlyDesk && ((q.date && q.date !== today) || (q.from && q.from > today) || (q.to && q.to < today))) throw forbidden('errors.deskTodayOnly');
  const rows = await listVisitRows(ctx.db, { workspaceId: ctx.workspace.id, where, beforeId: decodeIdCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  return { items: await toVisitDtos(ctx.db, ctx, page.items), nextCursor: page.nextCursor };
}

export async function getVisit(ctx: CommandContext, id: string): Promise<ReceptionVisitDto> {
  const row = await requireVisibleVisit(ctx.db, ctx, id);
  return (await toVisitDtos(ctx.db, ctx, [row]))[0]!;
}

// ── manual override ───────────────────────────────────────────────────────────────────────────

/**
 * Overrides the assignment of a visit (the front desk on the day, a sales manager or supervisor
 * within their scope): records who moved it from whom to whom and why, audited; the visit's lead moves
 * to the new assignee; both reps are told.
 */
export async function reassignVisit(ctx: CommandContext, id: string, input: { toUserId: string; reason: string }): Promise<ReceptionVisitDto> {
  const ws = ctx.workspace.id;
  return ctx.db.transaction(async (tx) => {
    const visit = await requireVisibleVisit(tx, ctx, id, true);
    const allowed = mayReassign({
      isDesk: has(ctx, 'reception:desk'), isManager: isManager(ctx), inScope: await inScope(tx, ctx, visit.assigneeId), visitDate: visit.visitDate, today: todayOf(ctx),
    });
    if (!allowed) throw forbidden('errors.reassignNotAllowed');
    if (!(await isActiveSales(tx, ws, input.toUserId))) throw invalidField('toUserId', 'errors.reassignTargetNotSales');
    if (!has(ctx, 'reception:desk') && !(await inScope(tx, ctx, input.toUserId))) throw invalidField('toUserId', 'errors.reassignNotAllowed');
    if (input.toUserId === visit.assigneeId) throw invalidField('toUserId', 'errors.reassignSameAssignee');
    const [updated] = await tx.update(receptionVisits).set({
      assigneeId: input.toUserId, routedBy: 'manual_override', version: sql`${receptionVisits.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(receptionVisits.workspaceId, ws), eq(receptionVisits.id, id))).returning();
    // the visit's lead follows it; the reassignment notice below tells the new assignee
    if (visit.leadId) await reassignLeadInTx(tx, ctx, visit.leadId, input.toUserId, input.reason, { notify: false });
    const overrideId = newId();
    await tx.insert(receptionOverrides).values({
      workspaceId: ws, id: overrideId, visitId: id, fromUserId: visit.assigneeId, toUserId: input.toUserId, reason: input.reason, actorId: ctx.actor.id,
    });
    await appendAudit(tx, ctx, {
      entity: 'reception_visit', entityId: id, action: 'reassign', before: visit,
      after: { ...updated, overrideId, reason: input.reason, autoRoutedBy: visit.autoRoutedBy, autoAssigneeId: visit.autoAssigneeId },
    });
    await emitEvent(tx, ws, {
      topic: 'reception.visit_reassigned', payload: { visitId: id, fromUserId: visit.assigneeId, toUserId: input.toUserId, reason: input.reason, leadId: visit.leadId },
      notify: {
        userIds: [input.toUserId, visit.assigneeId], kind: 'reception_reassigned',
        params: { title: visit.company, company: visit.company, by: ctx.actor.name, comment: input.reason }, link: '/reception/mine',
      },
    });
    return reloadVisit(tx, ctx, id);
  });
}

export interface OverrideListInput { limit: number; cursor?: string; from?: IsoDate; to?: IsoDate }

/** The overrides report: who overrode which automatic assignment, to whom and why (domain §4.2). */
export async function listOverrides(ctx: CommandContext, q: OverrideListInput): Promise<{ items: OverrideDto[]; nextCursor: string | null }> {
  const tz = ctx.workspace.timeZone;
  const owners = await visibleOwners(ctx.db, ctx);
  const where: SQL[] = [or(visibleTo(owners, receptionOverrides.fromUserId), visibleTo(owners, receptionOverrides.toUserId))!];
  if (q.from) where.push(sql`${receptionOverrides.createdAt} >= (${q.from}::date)::timestamp at time zone ${tz}`);
  if (q.to) where.push(sql`${receptionOverrides.createdAt} < ((${q.to}::date) + 1)::timestamp at time zone ${tz}`);
  const rows = await listOverrideRows(ctx.db, { workspaceId: ctx.workspace.id, where, beforeId: decodeIdCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.o.id]);
  const names = await userNames(ctx.db, ctx.workspace.id, page.items.flatMap((r) => [r.o.fromUserId, r.o.toUserId, r.o.actorId, r.v.autoAssigneeId]));
  const person = (id: string) => ({ id, name: names.get(id) ?? '—' });
  return {
    items: page.items.map(({ o, v }) => ({
      id: o.id, visitId: v.id, visitNumber: v.number, visitDate: v.visitDate, company: v.company,
      autoRoutedBy: v.autoRoutedBy as AutoRoutedBy, autoAssignee: person(v.autoAssigneeId),
      from: person(o.fromUserId), to: person(o.toUserId), reason: o.reason, by: person(o.actorId), at: o.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

// ── market survey and make-up customer ────────────────────────────────────────────────────────

async function requireAssignedVisit(tx: Executor, ctx: CommandContext, id: string): Promise<VisitRow> {
  const visit = await requireVisibleVisit(tx, ctx, id, true);
  if (visit.assigneeId !== ctx.actor.id) throw forbidden('errors.notVisitAssignee');
  return visit;
}

/**
 * The assigned rep and the visitor confirm at the desk that the visit is market research, not a
 * purchase (domain §4.2 step 3) — so on the day of the visit: the confirmation time and note are
 * recorded, audited, and the visit's lead is disqualified with the note as the reason.
 */
export async function markMarketSurvey(ctx: CommandContext, id: string, input: { note: string }): Promise<ReceptionVisitDto> {
  return ctx.db.transaction(async (tx) => {
    const visit = await requireAssignedVisit(tx, ctx, id);
    if (visit.marketSurveyAt) throw new AppError('RULE_VIOLATION', 'errors.marketSurveyAlready');
    if (visit.visitDate !== todayOf(ctx)) throw new AppError('RULE_VIOLATION', 'errors.marketSurveyAtDesk');
    const [updated] = await tx.update(receptionVisits).set({
      marketSurveyAt: new Date(), marketSurveyNote: input.note, marketSurveyBy: ctx.actor.id, version: sql`${receptionVisits.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(receptionVisits.workspaceId, ctx.workspace.id), eq(receptionVisits.id, id))).returning();
    await appendAudit(tx, ctx, { entity: 'reception_visit', entityId: id, action: 'market_survey', before: visit, after: updated });
    if (visit.leadId) await disqualifyLeadInTx(tx, ctx, visit.leadId, input.note);
    return reloadVisit(tx, ctx, id);
  });
}

interface MakeUpSnapshot { makeUpId: string; visitId: string; visitNumber: string | null; company: string; userId: string; userName: string; reason: string; surveyNote: string }

/**
 * Asks for a make-up customer (补客户) after a confirmed market survey: one per visit (again only
 * after the approver returned it). Approval: the requester's supervisor, then the sales manager.
 */
export async function requestMakeUp(ctx: CommandContext, id: string, input: { reason: string }) {
  const ws = ctx.workspace.id;
  return ctx.db.transaction(async (tx) => {
    const visit = await requireAssignedVisit(tx, ctx, id);
    if (!visit.marketSurveyAt) throw new AppError('RULE_VIOLATION', 'errors.makeUpNeedsSurvey');
    const existing = (await makeUpsOf(tx, ws, [id])).get(id) ?? null;
    if (existing && existing.status !== 'returned') throw new AppError('RULE_VIOLATION', 'errors.makeUpAlready');
    const makeUpId = existing?.id ?? newId();
    if (existing) {
      await tx.update(receptionMakeUps).set({ status: 'pending', reason: input.reason, version: sql`${receptionMakeUps.version} + 1`, updatedAt: new Date() })
        .where(and(eq(receptionMakeUps.workspaceId, ws), eq(receptionMakeUps.id, makeUpId)));
    } else {
      await tx.insert(receptionMakeUps).values({ workspaceId: ws, id: makeUpId, visitId: id, userId: ctx.actor.id, reason: input.reason, status: 'pending' });
    }
    const snapshot: MakeUpSnapshot = {
      makeUpId, visitId: id, visitNumber: visit.number, company: visit.company, userId: ctx.actor.id, userName: ctx.actor.name,
      reason: input.reason, surveyNote: visit.marketSurveyNote ?? '',
    };
    const result = await submitForApproval(tx, ctx, {
      documentType: MAKE_UP_DOCUMENT, subjectId: makeUpId, title: `补客户：${ctx.actor.name}（${visit.company} 为市场调查）`, snapshot: { ...snapshot },
    });
    await tx.update(receptionMakeUps).set({ approvalId: result.approvalId }).where(and(eq(receptionMakeUps.workspaceId, ws), eq(receptionMakeUps.id, makeUpId)));
    await appendAudit(tx, ctx, { entity: 'reception_visit', entityId: id, action: 'make_up_requested', after: { ...snapshot, approvalId: result.approvalId } });
    return { makeUpId, approvalId: result.approvalId, status: result.status };
  });
}

async function settleMakeUp(tx: Tx, ctx: CommandContext, snapshot: MakeUpSnapshot, status: 'approved' | 'rejected' | 'returned', approvalId: string) {
  const now = new Date();
  const [row] = await tx.update(receptionMakeUps).set({
    status, grantedAt: status === 'approved' ? now : null, version: sql`${receptionMakeUps.version} + 1`, updatedAt: now,
  }).where(and(eq(receptionMakeUps.workspaceId, ctx.workspace.id), eq(receptionMakeUps.id, snapshot.makeUpId), eq(receptionMakeUps.status, 'pending'))).returning();
  await appendAudit(tx, ctx, { entity: 'reception_visit', entityId: snapshot.visitId, action: `make_up_${status}`, after: { makeUp: row as MakeUpRow | undefined, approvalId } });
}

registerApprovalSubject(MAKE_UP_DOCUMENT, {
  defaultFlow: {
    name: '补客户审批',
    steps: [
      { label: '直属上级审批', approver: { supervisorOf: 'requester' } },
      { label: '销售经理审批', approver: { role: 'sales_manager' } },
    ],
  },
  link: () => '/reception/mine',
  async onApproved(tx, ctx, o) { await settleMakeUp(tx, ctx, o.snapshot as unknown as MakeUpSnapshot, 'approved', o.approvalId); },
  async onRejected(tx, ctx, o) { await settleMakeUp(tx, ctx, o.snapshot as unknown as MakeUpSnapshot, 'rejected', o.approvalId); },
  async onReturned(tx, ctx, o) { await settleMakeUp(tx, ctx, o.snapshot as unknown as MakeUpSnapshot, 'returned', o.approvalId); },
});

// ── duty roster ───────────────────────────────────────────────────────────────────────────────

function assertPeriod(from: IsoDate, to: IsoDate) {
  const error = periodError(from, to);
  if (error) throw invalidField('to', error);
}

/** The duty roster (值班表) of a period, every date listed, with the users who may be put on duty. */
export async function getRoster(ctx: CommandContext, q: { from: IsoDate; to: IsoDate }): Promise<RosterDto> {
  assertPeriod(q.from, q.to);
  const rows = await rosterBetween(ctx.db, ctx.workspace.id, q.from, q.to);
  const byDate = new Map(datesOf(q.from, q.to).map((d) => [d, [] as { id: string; name: string }[]]));
  for (const r of rows) byDate.get(r.dutyDate)?.push({ id: r.userId, name: r.name });
  const candidates = (await activeSalesUsers(ctx.db, ctx.workspace.id)).map((u) => ({ id: u.id, name: u.name }));
  return { from: q.from, to: q.to, days: [...byDate.entries()].map(([date, members]) => ({ date, members })), candidates };
}

/**
 * Replaces the roster of from…to (the sales manager's week grid): each listed date gets its members
 * in rotation order, unlisted dates are cleared. Days before today stay as they were (they are the
 * record routing decisions were made on). Audited with before and after.
 */
export async function putRoster(ctx: CommandContext, q: { from: IsoDate; to: IsoDate }, body: { days: { date: IsoDate; userIds: string[] }[] }) {
  assertPeriod(q.from, q.to);
  if (q.from < todayOf(ctx)) throw invalidField('from', 'errors.rosterPast');
  const seen = new Set<string>();
  body.days.forEach((d, i) => {
    if (d.date < q.from || d.date > q.to || seen.has(d.date)) throw invalidField(`days.${i}.date`, 'errors.rosterDateOutside');
    seen.add(d.date);
    if (new Set(d.userIds).size !== d.userIds.length) throw invalidField(`days.${i}.userIds`, 'errors.rosterDuplicateMember');
  });
  const ws = ctx.workspace.id;
  await ctx.db.transaction(async (tx) => {
    const ids = [...new Set(body.days.flatMap((d) => d.userIds))];
    const sales = new Set((await activeSalesUsers(tx, ws, ids)).map((u) => u.id));
    body.days.forEach((d, i) => d.userIds.forEach((u, j) => {
      if (!sales.has(u)) throw invalidField(`days.${i}.userIds.${j}`, 'errors.rosterMemberNotSales');
    }));
    const before = await rosterBetween(tx, ws, q.from, q.to);
    await tx.delete(receptionRoster).where(and(eq(receptionRoster.workspaceId, ws), gte(receptionRoster.dutyDate, q.from), lte(receptionRoster.dutyDate, q.to)));
    const rows = body.days.flatMap((d) => d.userIds.map((userId, position) => ({ workspaceId: ws, dutyDate: d.date, userId, position, createdBy: ctx.actor.id })));
    if (rows.length > 0) await tx.insert(receptionRoster).values(rows);
    const asMap = (list: { dutyDate: string; userId: string }[]) => {
      const out: Record<string, string[]> = {};
      for (const r of list) (out[r.dutyDate] ??= []).push(r.userId);
      return out;
    };
    await appendAudit(tx, ctx, { entity: 'reception_roster', action: 'update', before: { from: q.from, to: q.to, days: asMap(before) }, after: { from: q.from, to: q.to, days: asMap(rows) } });
  });
  return getRoster(ctx, q);
}

// ── daily report ──────────────────────────────────────────────────────────────────────────────

/** The period of a report query: one date (default today) or from…to. */
export function reportPeriod(ctx: CommandContext, q: { date?: IsoDate; from?: IsoDate; to?: IsoDate }): { from: IsoDate; to: IsoDate } {
  const from = q.from ?? q.date ?? q.to ?? todayOf(ctx);
  const to = q.to ?? q.date ?? (q.from ? q.from : from);
  assertPeriod(from, to);
  return { from, to };
}

/**
 * The daily reception report (domain §4.2 step 4): walk-ins new vs returning and calls per day and
 * channel — the desk and the GM/VP see all, managers their departments', per data scope.
 */
export async function dailyReport(ctx: CommandContext, q: { date?: IsoDate; from?: IsoDate; to?: IsoDate }): Promise<DailyReportDto> {
  const { from, to } = reportPeriod(ctx, q);
  const scope = has(ctx, 'reception:desk') ? sql`true` : visibleTo(await visibleOwners(ctx.db, ctx), receptionVisits.assigneeId);
  const counted = await countVisits(ctx.db, ctx.workspace.id, from, to, scope);
  return summariseDaily(from, to, leadSources, counted as DailyCountRow[]);
}

/** Records an export of the daily report before its first byte leaves. */
export async function auditReportExport(ctx: CommandContext, period: { from: IsoDate; to: IsoDate }) {
  await ctx.db.transaction((tx) => appendAudit(tx, ctx, { entity: 'reception_report', action: 'export', after: { ...period, format: 'xlsx' } }));
}
