import { and, eq, sql, type SQL } from 'drizzle-orm';
import type {
  AdherenceDto, HalfDay, RouteDto, VisitItemStatus, VisitMode, VisitPlanDetailDto, VisitPlanDto, VisitPlanItemDto, VisitPlanItemInput, VisitPlanPeriod,
  VisitPlanListQuery, VisitPlanStatus, VisitWarningDto,
} from '../../../shared/contracts/visit-plans.contract.js';
import { daysBetween, isIsoDate, todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../../shared/errors.js';
import { registerApprovalSubject } from '../../platform/approvals/approvals.registry.js';
import { assertNotInApproval, submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { toUuidArray, visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { translate } from '../../platform/i18n/translate.js';
import { departments, users } from '../../platform/org/org.schema.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { contacts } from '../customers/customers.schema.js';
import { customerAccess } from '../customers/index.js';
import { opportunities } from '../opportunities/opportunities.schema.js';
import type { VisitPlanPermission } from './visit-plans.permissions.js';
import {
  adherenceRows, findPlan, findPlanFor, itemsOf, listPlanRows, ownedCustomersWithLastVisit, plansVisible, type ItemView, type VisitPlanView,
} from './visit-plans.repository.js';
import {
  adherencePercent, checkVisitPlan, customersDueForVisit, effectiveItemStatus, freeHalfDays, haversineKm, isExecutiveContact, isPeriodStart,
  isWeeklyPlanLate, lastWorkingDayOf, orderDayRoute, parentPeriodOf, periodEndOf, periodStartOf, visitIntervalsFrom, weeklyPlanDueDate, type Point,
} from './visit-plans.rules.js';
import { visitPlanItems, visitPlans } from './visit-plans.schema.js';

export const VISIT_PLAN_DOCUMENT = 'visit_plan';

export const has = (ctx: CommandContext, permission: VisitPlanPermission) => ctx.actor.permissions.has(permission);
export const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);

async function ownerInScope(db: Executor, ctx: CommandContext, userId: string): Promise<boolean> {
  const owners = await visibleOwners(db, ctx);
  return owners.kind === 'all' || owners.ids.includes(userId);
}

interface PlanPolicies { dueWeekday: number; minFreeHalfDays: number; intervals: ReturnType<typeof visitIntervalsFrom> }
async function planPolicies(db: Executor, workspaceId: string): Promise<PlanPolicies> {
  const p = await readPolicies(db, workspaceId) as Record<string, number | string>;
  return { dueWeekday: Number(p['visits.weeklyPlanDueWeekday'] ?? 5), minFreeHalfDays: Number(p['visits.freeHalfDaysPerWeek'] ?? 1), intervals: visitIntervalsFrom(p) };
}

// ── DTOs ──────────────────────────────────────────────────────────────────────────────────────

const num = (v: string | null) => (v === null ? null : Number(v));

function toPlanDto(row: VisitPlanView, asOf: IsoDate, dueWeekday: number): VisitPlanDto {
  const period = row.period as VisitPlanPeriod;
  return {
    id: row.id, ownerId: row.ownerId, ownerName: row.ownerName, period, periodStart: row.periodStart, periodEnd: periodEndOf(period, row.periodStart),
    parentId: row.parentId, status: row.status as VisitPlanStatus, dueDate: row.dueDate, submittedAt: row.submittedAt?.toISOString() ?? null,
    isLate: period === 'week' && isWeeklyPlanLate({ weekStart: row.periodStart, submittedOn: row.submittedOn }, asOf, dueWeekday),
    approvalId: row.approvalId, note: row.note, itemCount: row.itemCount, doneCount: row.doneCount, version: row.version,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

const isExecutiveItem = (i: ItemView) => i.isExecutiveBooking || (i.contactId !== null && isExecutiveContact({ title: i.contactTitle, buyingRole: i.contactBuyingRole }));

function toItemDto(i: ItemView, asOf: IsoDate): VisitPlanItemDto {
  return {
    id: i.id, customerId: i.customerId, customerName: i.customerName, valueClass: i.valueClass, latitude: num(i.latitude), longitude: num(i.longitude),
    address: i.address, contactId: i.contactId, contactName: i.contactName,
    isExecutiveContact: i.contactId !== null && isExecutiveContact({ title: i.contactTitle, buyingRole: i.contactBuyingRole }),
    opportunityId: i.opportunityId, opportunityName: i.opportunityName, plannedDate: i.plannedDate, halfDay: i.halfDay as HalfDay | null,
    plannedVisits: i.plannedVisits, purpose: i.purpose, mode: i.mode as VisitMode, isExecutiveBooking: i.isExecutiveBooking,
    status: effectiveItemStatus({ status: i.status as VisitItemStatus, plannedDate: i.plannedDate }, asOf), doneActivityId: i.doneActivityId,
    checkedInAt: i.checkedInAt?.toISOString() ?? null,
  };
}

/** A plan the caller sees (its owner in their data scope), or 404. */
async function requirePlan(db: Executor, ctx: CommandContext, id: string): Promise<VisitPlanView> {
  const row = await findPlan(db, ctx.workspace.id, id);
  if (!row || !(await ownerInScope(db, ctx, row.ownerId))) throw notFound('visitPlan');
  return row;
}

// ── queries ───────────────────────────────────────────────────────────────────────────────────

function planCursor(cursor: string | undefined): [IsoDate, string] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [periodStart, id] = key;
  if (typeof periodStart !== 'string' || !isIsoDate(periodStart) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'errors.invalidFormat');
  return [periodStart, id];
}

/** Visit plans of me and the people in my data scope (a supervisor: their team), newest period first, keyset-paged. */
export async function listVisitPlans(ctx: CommandContext, q: VisitPlanListQuery) {
  const after = planCursor(q.cursor);
  const owners = await visibleOwners(ctx.db, ctx);
  const where: SQL[] = [plansVisible(owners)];
  if (q.owner) where.push(eq(visitPlans.ownerId, q.owner === 'me' ? ctx.actor.id : q.owner));
  if (q.period) where.push(eq(visitPlans.period, q.period));
  if (q.status) where.push(eq(visitPlans.status, q.status));
  if (q.from) where.push(sql`${visitPlans.periodStart} >= ${q.from}::date`);
  if (q.to) where.push(sql`${visitPlans.periodStart} <= ${q.to}::date`);
  const rows = await listPlanRows(ctx.db, { workspaceId: ctx.workspace.id, where, after, limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.periodStart, r.id]);
  const policies = await planPolicies(ctx.db, ctx.workspace.id);
  const asOf = todayOf(ctx);
  return { items: page.items.map((r) => toPlanDto(r, asOf, policies.dueWeekday)), nextCursor: page.nextCursor };
}

/** One plan with its visits, the customers due for a visit by the end of its period, and the plan checks' warnings. */
export async function getVisitPlan(ctx: CommandContext, id: string): Promise<VisitPlanDetailDto> {
  return detailOf(ctx.db, ctx, await requirePlan(ctx.db, ctx, id));
}

async function detailOf(db: Executor, ctx: CommandContext, plan: VisitPlanView): Promise<VisitPlanDetailDto> {
  const asOf = todayOf(ctx);
  const policies = await planPolicies(db, ctx.workspace.id);
  const items = await itemsOf(db, ctx.workspace.id, [plan.id]);
  const period = plan.period as VisitPlanPeriod;
  const owned = await ownedCustomersWithLastVisit(db, ctx.workspace.id, plan.ownerId, ctx.workspace.timeZone);
  const warnings = checkVisitPlan({
    period, periodStart: plan.periodStart, intervals: policies.intervals, minFreeHalfDays: policies.minFreeHalfDays, dueWeekday: policies.dueWeekday,
    submittedOn: plan.submittedOn, asOf, keyCustomers: owned,
    items: items.map((i) => ({ id: i.id, customerId: i.customerId, plannedDate: i.plannedDate, halfDay: i.halfDay as HalfDay | null, isExecutive: isExecutiveItem(i) })),
  });
  const planned = new Set(items.map((i) => i.customerId));
  const due = customersDueForVisit(owned, lastWorkingDayOf(period, plan.periodStart), policies.intervals).slice(0, 100);
  return {
    ...toPlanDto(plan, asOf, policies.dueWeekday),
    items: items.map((i) => toItemDto(i, asOf)),
    warnings: warnings.map((w): VisitWarningDto => ({ code: w.code, customerIds: w.customerIds, itemIds: w.itemIds, message: translate(ctx.locale, `visitPlans.warnings.${w.code}`, w.params) })),
    freeHalfDays: period === 'week' ? freeHalfDays(items.map((i) => ({ plannedDate: i.plannedDate, halfDay: i.halfDay as HalfDay | null })), plan.periodStart) : null,
    dueCustomers: due.map((d) => ({
      customerId: d.customer.id, customerName: d.customer.name, valueClass: d.customer.valueClass, lastVisitOn: d.customer.lastVisitOn,
      nextDueOn: d.nextDueOn, status: d.status as 'due' | 'overdue', isPlanned: planned.has(d.customer.id),
    })),
  };
}

/** A day's visits of a plan ordered to shorten travel within each half-day (nearest neighbour + 2-opt), with the distance before and after in km. */
export async function getRoute(ctx: CommandContext, id: string, q: { date: IsoDate; startLat?: number; startLng?: number }): Promise<RouteDto> {
  const plan = await requirePlan(ctx.db, ctx, id);
  const period = plan.period as VisitPlanPeriod;
  if (q.date < plan.periodStart || q.date > periodEndOf(period, plan.periodStart)) throw invalidField('date', 'errors.routeDateOutside');
  if ((q.startLat === undefined) !== (q.startLng === undefined)) throw invalidField(q.startLat === undefined ? 'startLat' : 'startLng', 'errors.required');
  const asOf = todayOf(ctx);
  const items = (await itemsOf(ctx.db, ctx.workspace.id, [plan.id])).filter((i) => i.plannedDate === q.date);
  const located = items.filter((i) => i.latitude !== null && i.longitude !== null);
  const unlocated = items.filter((i) => i.latitude === null || i.longitude === null);
  const start: Point | null = q.startLat !== undefined && q.startLng !== undefined ? { lat: q.startLat, lng: q.startLng } : null;
  const points = located.map((i) => ({ lat: Number(i.latitude), lng: Number(i.longitude) }));
  const route = orderDayRoute(located.map((i, k) => ({ point: points[k]!, halfDay: i.halfDay as HalfDay | null })), start);
  const round = (km: number) => Math.round(km * 100) / 100;
  let previous: Point | null = start;
  const stops: RouteDto['stops'] = route.order.map((index, n) => {
    const here = points[index]!;
    const legKm = previous ? round(haversineKm(previous, here)) : null;
    previous = here;
    return { order: n + 1, item: toItemDto(located[index]!, asOf), legKm };
  });
  unlocated.forEach((i) => stops.push({ order: stops.length + 1, item: toItemDto(i, asOf), legKm: null }));
  return {
    planId: plan.id, date: q.date, start: start ? { latitude: start.lat, longitude: start.lng } : null, stops,
    distanceBeforeKm: round(route.beforeKm), distanceAfterKm: round(route.afterKm),
  };
}

/** Plan vs actual per rep over a period (within the caller's data scope; optionally one rep or one department). */
export async function getAdherence(ctx: CommandContext, q: { from: IsoDate; to: IsoDate; ownerId?: string; departmentId?: string }): Promise<AdherenceDto> {
  if (q.to < q.from || daysBetween(q.from, q.to) > 366) throw invalidField('to', 'errors.adherencePeriod');
  const owners = await visibleOwners(ctx.db, ctx);
  const conditions: SQL[] = [owners.kind === 'all' ? sql`true` : owners.ids.length === 0 ? sql`false` : sql`u.id = ANY(${toUuidArray(owners.ids)})`];
  if (q.ownerId) conditions.push(sql`u.id = ${q.ownerId === 'me' ? ctx.actor.id : q.ownerId}::uuid`);
  if (q.departmentId) {
    const [dept] = await ctx.db.select({ path: departments.path }).from(departments)
      .where(and(eq(departments.workspaceId, ctx.workspace.id), eq(departments.id, q.departmentId)));
    if (!dept) throw invalidField('departmentId', 'errors.notFound', { entity: 'department' });
    conditions.push(sql`u.department_id in (select d.id from ${departments} d where d.workspace_id = ${ctx.workspace.id} and d.path like ${`${dept.path}%`})`);
  }
  const rows = await adherenceRows(ctx.db, {
    workspaceId: ctx.workspace.id, from: q.from, to: q.to, asOf: todayOf(ctx), timeZone: ctx.workspace.timeZone, ownerWhere: sql.join(conditions, sql` and `),
  });
  return {
    from: q.from, to: q.to,
    rows: rows.map((r) => ({
      ownerId: r.ownerId, ownerName: r.ownerName, planned: r.planned, done: r.done, missed: r.missed, pending: r.planned - r.done - r.missed,
      adherencePercent: adherencePercent(r.done, r.missed), visitsDone: r.visitsDone, unplannedVisits: r.unplanned,
    })),
  };
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

const periodWord = (ctx: CommandContext, period: VisitPlanPeriod) => translate(ctx.locale, `visitPlans.period.${period}`);

/** Plans a period for me (or, for a supervisor, someone in their scope), linked to the enclosing plan of the cascade. */
export async function createVisitPlan(ctx: CommandContext, input: { period: VisitPlanPeriod; periodStart: IsoDate; ownerId?: string; parentId?: string | null; note?: string | null }): Promise<VisitPlanDetailDto> {
  if (!isPeriodStart(input.period, input.periodStart)) {
    throw invalidField('periodStart', 'errors.visitPlanPeriodStart', { period: periodWord(ctx, input.period), expected: periodStartOf(input.period, input.periodStart) });
  }
  return ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const ownerId = input.ownerId ?? ctx.actor.id;
    if (ownerId !== ctx.actor.id) {
      const [owner] = await tx.select({ roles: users.roles, isActive: users.isActive }).from(users).where(and(eq(users.workspaceId, ws), eq(users.id, ownerId)));
      if (!owner || !owner.isActive || !(await ownerInScope(tx, ctx, ownerId)) || !owner.roles.some((r) => ['sales_rep', 'sales_supervisor', 'sales_manager'].includes(r))) {
        throw invalidField('ownerId', 'errors.visitPlanOwner');
      }
    }
    if (await findPlanFor(tx, ws, ownerId, input.period, input.periodStart)) throw new AppError('CONFLICT', 'errors.visitPlanExists');
    const parentPeriod = parentPeriodOf(input.period);
    let parentId: string | null = null;
    if (input.parentId) {
      const [parent] = await tx.select().from(visitPlans).where(and(eq(visitPlans.workspaceId, ws), eq(visitPlans.id, input.parentId)));
      if (!parent || !parentPeriod || parent.ownerId !== ownerId || parent.period !== parentPeriod || parent.periodStart !== periodStartOf(parentPeriod, input.periodStart)) {
        throw invalidField('parentId', 'errors.visitPlanParent', { period: parentPeriod ? periodWord(ctx, parentPeriod) : '' });
      }
      parentId = parent.id;
    } else if (parentPeriod && input.parentId === undefined) {
      parentId = (await findPlanFor(tx, ws, ownerId, parentPeriod, periodStartOf(parentPeriod, input.periodStart)))?.id ?? null;
    }
    const policies = await planPolicies(tx, ws);
    const [created] = await tx.insert(visitPlans).values({
      workspaceId: ws, ownerId, period: input.period, periodStart: input.periodStart, parentId, note: input.note ?? null,
      dueDate: input.period === 'week' ? weeklyPlanDueDate(input.periodStart, policies.dueWeekday) : null, createdBy: ctx.actor.id,
    }).returning();
    await appendAudit(tx, ctx, { entity: 'visit_plan', entityId: created!.id, action: 'create', after: created });
    return detailOf(tx, ctx, (await findPlan(tx, ws, created!.id))!);
  });
}

/** The owner edits their own plan; a supervisor may edit the plan of someone in their scope. */
async function requireEditable(tx: Executor, ctx: CommandContext, id: string): Promise<VisitPlanView> {
  const plan = await requirePlan(tx, ctx, id);
  if (plan.ownerId !== ctx.actor.id && !has(ctx, 'visit_plan:write')) throw forbidden('errors.visitPlanNotYours');
  if (plan.status !== 'draft' && plan.status !== 'returned') throw new AppError('RULE_VIOLATION', 'errors.visitPlanLocked');
  await assertNotInApproval(tx, ctx, VISIT_PLAN_DOCUMENT, plan.id);
  return plan;
}

/** Bumps the plan's version if the caller read the current one; otherwise 409. */
async function bumpVersion(tx: Tx, ws: string, id: string, expected: number, set: Partial<typeof visitPlans.$inferInsert> = {}) {
  const [row] = await tx.update(visitPlans).set({ ...set, version: sql`${visitPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(visitPlans.workspaceId, ws), eq(visitPlans.id, id), eq(visitPlans.version, expected))).returning();
  if (!row) throw conflict();
  return row;
}

/**
 * Replaces the plan's visits (the planner's grid) in one go; send the version you read. Each visit's
 * customer must be visible to the caller, its contact and opportunity the customer's own, its day
 * within the period (week and day plans: a day and a half-day), one visit per customer and half-day.
 * Checks that only warn are reported by GET, never refused here.
 */
export async function putVisitPlanItems(ctx: CommandContext, id: string, body: { version: number; items: VisitPlanItemInput[] }): Promise<VisitPlanDetailDto> {
  return ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const plan = await requireEditable(tx, ctx, id);
    const period = plan.period as VisitPlanPeriod;
    const end = periodEndOf(period, plan.periodStart);
    const dated = period === 'week' || period === 'day';
    const seen = new Set<string>();
    const checkedCustomers = new Set<string>();
    for (const [n, item] of body.items.entries()) {
      const at = (field: string) => `items.${n}.${field}`;
      if (!checkedCustomers.has(item.customerId)) {
        if (!(await customerAccess(tx, ctx, item.customerId))) throw invalidField(at('customerId'), 'errors.visitItemCustomerNotVisible');
        checkedCustomers.add(item.customerId);
      }
      if (item.plannedDate && (item.plannedDate < plan.periodStart || item.plannedDate > end)) throw invalidField(at('plannedDate'), 'errors.visitItemDateOutside', { from: plan.periodStart, to: end });
      if (dated && !item.plannedDate) throw invalidField(at('plannedDate'), 'errors.visitItemDateRequired');
      if (dated && !item.halfDay) throw invalidField(at('halfDay'), 'errors.visitItemDateRequired');
      if (item.contactId) {
        const [c] = await tx.select({ customerId: contacts.customerId }).from(contacts).where(and(eq(contacts.workspaceId, ws), eq(contacts.id, item.contactId)));
        if (!c) throw invalidField(at('contactId'), 'errors.notFound', { entity: 'contact' });
        if (c.customerId !== item.customerId) throw invalidField(at('contactId'), 'errors.visitItemContactOther');
      }
      if (item.opportunityId) {
        const [o] = await tx.select({ customerId: opportunities.customerId }).from(opportunities).where(and(eq(opportunities.workspaceId, ws), eq(opportunities.id, item.opportunityId)));
        if (!o) throw invalidField(at('opportunityId'), 'errors.notFound', { entity: 'opportunity' });
        if (o.customerId !== item.customerId) throw invalidField(at('opportunityId'), 'errors.visitItemOpportunityOther');
      }
      if (item.plannedDate) {
        const key = `${item.customerId}:${item.plannedDate}:${item.halfDay ?? '-'}`;
        if (seen.has(key)) throw invalidField(at('customerId'), 'errors.visitItemDuplicate');
        seen.add(key);
      }
    }
    await bumpVersion(tx, ws, id, body.version);
    // keep what was already done (a check-in) on visits that stay: same customer, day and half-day
    const before = await tx.select().from(visitPlanItems).where(and(eq(visitPlanItems.workspaceId, ws), eq(visitPlanItems.planId, id)));
    const doneBefore = new Map(before.filter((b) => b.status !== 'planned').map((b) => [`${b.customerId}:${b.plannedDate}:${b.halfDay}`, b]));
    await tx.delete(visitPlanItems).where(and(eq(visitPlanItems.workspaceId, ws), eq(visitPlanItems.planId, id)));
    if (body.items.length > 0) {
      await tx.insert(visitPlanItems).values(body.items.map((item, position) => {
        const kept = doneBefore.get(`${item.customerId}:${item.plannedDate ?? null}:${item.halfDay ?? null}`);
        return {
          workspaceId: ws, planId: id, position, customerId: item.customerId, contactId: item.contactId ?? null, opportunityId: item.opportunityId ?? null,
          plannedDate: item.plannedDate ?? null, halfDay: item.halfDay ?? null, plannedVisits: item.plannedVisits ?? 1, purpose: item.purpose ?? null,
          mode: item.mode ?? (item.opportunityId ? 'funnel' : 'route'), isExecutiveBooking: item.isExecutiveBooking ?? false,
          status: kept?.status ?? 'planned', doneActivityId: kept?.doneActivityId ?? null, checkedInAt: kept?.checkedInAt ?? null,
        };
      }));
    }
    await appendAudit(tx, ctx, { entity: 'visit_plan', entityId: id, action: 'update_items', before: { items: before }, after: { items: body.items } });
    return detailOf(tx, ctx, (await findPlan(tx, ws, id))!);
  });
}

/**
 * Submits a plan to the owner's supervisor (the approval engine's "supervisor of the requester"):
 * it lands in their inbox and they approve or return it. Only the owner submits; the warnings are
 * frozen on the approval so the supervisor sees them.
 */
export async function submitVisitPlan(ctx: CommandContext, id: string, version: number): Promise<VisitPlanDetailDto> {
  return ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const plan = await requirePlan(tx, ctx, id);
    if (plan.ownerId !== ctx.actor.id) throw forbidden('errors.visitPlanNotYours');
    if (plan.status !== 'draft' && plan.status !== 'returned') throw new AppError('RULE_VIOLATION', 'errors.visitPlanNotDraft');
    const detail = await detailOf(tx, ctx, plan);
    const now = new Date();
    await bumpVersion(tx, ws, id, version, { status: 'submitted', submittedAt: now, submittedOn: todayOf(ctx) });
    const period = plan.period as VisitPlanPeriod;
    const result = await submitForApproval(tx, ctx, {
      documentType: VISIT_PLAN_DOCUMENT, subjectId: id,
      title: translate('zh-CN', 'visitPlans.approvalTitle', { owner: plan.ownerName, period: translate('zh-CN', `visitPlans.period.${period}`), start: plan.periodStart }),
      snapshot: {
        planId: id, ownerId: plan.ownerId, period, periodStart: plan.periodStart, dueDate: plan.dueDate, visits: detail.items.length,
        freeHalfDays: detail.freeHalfDays, warnings: detail.warnings.map((w) => w.code),
      },
    });
    await tx.update(visitPlans).set({ approvalId: result.approvalId }).where(and(eq(visitPlans.workspaceId, ws), eq(visitPlans.id, id)));
    await appendAudit(tx, ctx, { entity: 'visit_plan', entityId: id, action: 'submit', before: { status: plan.status }, after: { status: 'submitted', approvalId: result.approvalId, warnings: detail.warnings.map((w) => w.code) } });
    return detailOf(tx, ctx, (await findPlan(tx, ws, id))!);
  });
}

async function settlePlan(tx: Tx, ctx: CommandContext, planId: string, status: 'approved' | 'returned', approvalId: string) {
  const [row] = await tx.update(visitPlans).set({ status, version: sql`${visitPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(visitPlans.workspaceId, ctx.workspace.id), eq(visitPlans.id, planId), eq(visitPlans.status, 'submitted'))).returning();
  await appendAudit(tx, ctx, { entity: 'visit_plan', entityId: planId, action: status === 'approved' ? 'approve' : 'return', after: { status, approvalId, found: Boolean(row) } });
}

registerApprovalSubject(VISIT_PLAN_DOCUMENT, {
  defaultFlow: { name: '拜访计划审阅', steps: [{ label: '直属上级审阅', approver: { supervisorOf: 'requester' } }] },
  link: (planId) => `/visit-plans/${planId}`,
  async onApproved(tx, ctx, o) { await settlePlan(tx, ctx, o.subjectId, 'approved', o.approvalId); },
  // a rejected plan is sent back to be rewritten: there is no "rejected" plan
  async onRejected(tx, ctx, o) { await settlePlan(tx, ctx, o.subjectId, 'returned', o.approvalId); },
  async onReturned(tx, ctx, o) { await settlePlan(tx, ctx, o.subjectId, 'returned', o.approvalId); },
});
