import { and, eq, sql } from 'drizzle-orm';
import type {
  ActivityDto, ActivityListQuery, ActivityStatus, ActivityType, CompleteActivityBody, CreateActivityBody, UpdateActivityBody,
} from '../../../shared/contracts/activities.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { customerAccess, recordFollowUp } from '../customers/index.js';
import type { ActivityPermission } from './activities.permissions.js';
import {
  activitiesVisible, activityFilterConditions, findActivity, findContact, findOpportunity, isOpportunityCollaborator, listActivityRows,
  type ActivityView,
} from './activities.repository.js';
import { defaultActivityStatus, isFollowUp } from './activities.rules.js';
import { activities } from './activities.schema.js';

export const has = (ctx: CommandContext, permission: ActivityPermission) => ctx.actor.permissions.has(permission);
export const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
export const dayOf = (ctx: CommandContext, instant: Date): IsoDate => todayIn(ctx.workspace.timeZone, instant);

/** A keyset cursor of (sort value, id), validated. */
export function pairCursor(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [value, id] = key;
  if (typeof value !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(Date.parse(value))) {
    throw invalidField('cursor', 'errors.invalidFormat');
  }
  return [value, id];
}

export async function ownerVisible(db: Executor, ctx: CommandContext, userId: string | null): Promise<boolean> {
  const owners = await visibleOwners(db, ctx);
  return owners.kind === 'all' || (userId !== null && owners.ids.includes(userId));
}

// ── the records an activity points at ─────────────────────────────────────────────────────────

export interface Links { customerId: string; customerName: string; contactId: string | null; opportunityId: string | null }

/**
 * The customer, contact and opportunity a record is about, checked: the customer visible to the
 * caller (else 400 naming `customerId`), the contact one of its contacts, the opportunity one of its
 * opportunities and visible too. The customer may be given through the opportunity alone.
 */
export async function resolveLinks(db: Executor, ctx: CommandContext, input: { customerId?: string | null; contactId?: string | null; opportunityId?: string | null }): Promise<Links> {
  const ws = ctx.workspace.id;
  const opportunity = input.opportunityId ? await findOpportunity(db, ws, input.opportunityId) : null;
  if (input.opportunityId && !opportunity) throw invalidField('opportunityId', 'errors.notFound', { entity: 'opportunity' });
  const customerId = input.customerId ?? opportunity?.customerId;
  if (!customerId) throw invalidField('customerId', 'errors.activityCustomerRequired');
  const customer = await customerAccess(db, ctx, customerId);
  if (!customer) throw invalidField('customerId', 'errors.notFound', { entity: 'customer' });
  if (opportunity) {
    if (opportunity.customerId !== customerId) throw invalidField('opportunityId', 'errors.activityOpportunityOtherCustomer');
  }
  if (input.contactId) {
    const contact = await findContact(db, ws, input.contactId);
    if (!contact) throw invalidField('contactId', 'errors.notFound', { entity: 'contact' });
    if (contact.customerId !== customerId) throw invalidField('contactId', 'errors.activityContactOtherCustomer');
  }
  return { customerId, customerName: customer.row.name, contactId: input.contactId ?? null, opportunityId: input.opportunityId ?? null };
}

/** Whether the caller sees an opportunity: its owner in their scope, a collaborator, or its customer visible to them. */
export async function opportunityVisible(db: Executor, ctx: CommandContext, opportunityId: string) {
  const opportunity = await findOpportunity(db, ctx.workspace.id, opportunityId);
  if (!opportunity) return null;
  if (await ownerVisible(db, ctx, opportunity.ownerId)) return opportunity;
  if (await isOpportunityCollaborator(db, ctx.workspace.id, opportunityId, ctx.actor.id, todayOf(ctx))) return opportunity;
  if (await customerAccess(db, ctx, opportunity.customerId)) return opportunity;
  return null;
}

// ── DTO ───────────────────────────────────────────────────────────────────────────────────────

export function toActivityDto(row: ActivityView): ActivityDto {
  return {
    id: row.id, type: row.type as ActivityType, subject: row.subject, notes: row.notes, customerId: row.customerId, customerName: row.customerName,
    contactId: row.contactId, opportunityId: row.opportunityId, opportunityName: row.opportunityName, status: row.status as ActivityStatus,
    occurredAt: row.occurredAt.toISOString(), durationMinutes: row.durationMinutes, location: row.location, outcome: row.outcome,
    completedAt: row.completedAt?.toISOString() ?? null, ownerId: row.ownerId, ownerName: row.ownerName, callReportId: row.callReportId,
    version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

async function reload(db: Executor, ctx: CommandContext, id: string): Promise<ActivityDto> {
  return toActivityDto((await findActivity(db, ctx.workspace.id, id))!);
}

/** An activity the caller sees (its owner in their data scope), or 404. */
export async function requireActivity(db: Executor, ctx: CommandContext, id: string): Promise<ActivityView> {
  const row = await findActivity(db, ctx.workspace.id, id);
  if (!row || !(await ownerVisible(db, ctx, row.ownerId))) throw notFound('activity');
  return row;
}

// ── queries ───────────────────────────────────────────────────────────────────────────────────

/** Activities in the caller's data scope, filtered, newest first. */
export async function listActivities(ctx: CommandContext, q: ActivityListQuery) {
  const owners = await visibleOwners(ctx.db, ctx);
  const where = [activitiesVisible(owners), ...activityFilterConditions(ctx.workspace.timeZone, {
    customerId: q.customerId, opportunityId: q.opportunityId, ownerId: q.ownerId === 'me' ? ctx.actor.id : q.ownerId,
    type: q.type, status: q.status, from: q.from, to: q.to,
  })];
  const rows = await listActivityRows(ctx.db, { workspaceId: ctx.workspace.id, where, after: pairCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.occurredAt.toISOString(), r.id]);
  return { items: page.items.map(toActivityDto), nextCursor: page.nextCursor };
}

export async function getActivity(ctx: CommandContext, id: string): Promise<ActivityDto> {
  return toActivityDto(await requireActivity(ctx.db, ctx, id));
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

/** A done follow-up (visit, call, meeting, demo) restarts the customer's pool-recycle clock from its day. */
async function recordIfFollowUp(tx: Executor, ctx: CommandContext, row: { type: string; status: string; customerId: string; occurredAt: Date }) {
  if (row.status === 'done' && isFollowUp(row.type)) {
    const on = dayOf(ctx, row.occurredAt);
    // a follow-up cannot count from a future day
    await recordFollowUp(tx, ctx.workspace.id, row.customerId, on > todayOf(ctx) ? todayOf(ctx) : on);
  }
}

/** Logs or plans an activity for the caller (or for someone in their data scope). */
export async function createActivity(ctx: CommandContext, input: CreateActivityBody): Promise<ActivityDto> {
  return ctx.db.transaction(async (tx) => {
    const ownerId = input.ownerId ?? ctx.actor.id;
    if (ownerId !== ctx.actor.id && !(await ownerVisible(tx, ctx, ownerId))) throw invalidField('ownerId', 'errors.activityNotYours');
    const links = await resolveLinks(tx, ctx, input);
    const occurredAt = new Date(input.occurredAt);
    const now = new Date();
    const status = input.status ?? defaultActivityStatus(occurredAt, now);
    const [created] = await tx.insert(activities).values({
      workspaceId: ctx.workspace.id, type: input.type, subject: input.subject, notes: input.notes ?? null,
      customerId: links.customerId, contactId: links.contactId, opportunityId: links.opportunityId, status, occurredAt,
      durationMinutes: input.durationMinutes ?? null, location: input.location ?? null, outcome: input.outcome ?? null,
      completedAt: status === 'done' ? now : null, ownerId, createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
    }).returning();
    await recordIfFollowUp(tx, ctx, created!);
    await appendAudit(tx, ctx, { entity: 'activity', entityId: created!.id, action: 'create', after: created });
    return reload(tx, ctx, created!.id);
  });
}

/** Edits a planned activity (or cancels it); done and cancelled ones are history. */
export async function updateActivity(ctx: CommandContext, id: string, input: UpdateActivityBody): Promise<ActivityDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireActivity(tx, ctx, id);
    if (before.version !== input.version) throw conflict();
    if (before.status !== 'planned') throw new AppError('RULE_VIOLATION', 'errors.activityClosed');
    const links = input.contactId !== undefined || input.opportunityId !== undefined
      ? await resolveLinks(tx, ctx, {
        customerId: before.customerId,
        contactId: input.contactId !== undefined ? input.contactId : before.contactId,
        opportunityId: input.opportunityId !== undefined ? input.opportunityId : before.opportunityId,
      })
      : null;
    const { version, occurredAt, contactId: _c, opportunityId: _o, ...rest } = input;
    const [updated] = await tx.update(activities).set({
      ...rest, ...(occurredAt ? { occurredAt: new Date(occurredAt) } : {}),
      ...(links ? { contactId: links.contactId, opportunityId: links.opportunityId } : {}),
      version: sql`${activities.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(activities.workspaceId, ctx.workspace.id), eq(activities.id, id), eq(activities.version, version))).returning();
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, { entity: 'activity', entityId: id, action: input.status === 'cancelled' ? 'cancel' : 'update', before, after: updated });
    return reload(tx, ctx, id);
  });
}

/**
 * Marks an activity done (its outcome written down). A visit, call, meeting or demo done counts as a
 * follow-up: the customer's last follow-up day moves to its day, which postpones the pool recycle.
 */
export async function completeActivity(ctx: CommandContext, id: string, input: CompleteActivityBody): Promise<ActivityDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireActivity(tx, ctx, id);
    if (!has(ctx, 'activity:update')) throw forbidden();
    if (before.version !== input.version) throw conflict();
    if (before.status === 'done') throw new AppError('RULE_VIOLATION', 'errors.activityAlreadyDone');
    if (before.status === 'cancelled') throw new AppError('RULE_VIOLATION', 'errors.activityCancelled');
    const now = new Date();
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : before.occurredAt > now ? now : before.occurredAt;
    const [updated] = await tx.update(activities).set({
      status: 'done', completedAt: now, occurredAt,
      ...(input.outcome !== undefined ? { outcome: input.outcome } : {}), ...(input.notes !== undefined ? { notes: input.notes } : {}),
      version: sql`${activities.version} + 1`, updatedAt: now,
    }).where(and(eq(activities.workspaceId, ctx.workspace.id), eq(activities.id, id), eq(activities.version, input.version))).returning();
    if (!updated) throw conflict();
    await recordIfFollowUp(tx, ctx, updated);
    await appendAudit(tx, ctx, { entity: 'activity', entityId: id, action: 'complete', before, after: updated });
    return reload(tx, ctx, id);
  });
}

// ── door for field check-ins (visit-plans module) ─────────────────────────────────────────────

export type ActivityRow = typeof activities.$inferSelect;

/** One of the caller's own activities, or null (someone else's does not exist for a check-in). */
export async function findOwnActivity(db: Executor, ctx: CommandContext, id: string): Promise<ActivityRow | null> {
  const [row] = await db.select().from(activities).where(and(eq(activities.workspaceId, ctx.workspace.id), eq(activities.id, id)));
  return row && row.ownerId === ctx.actor.id ? row : null;
}

/**
 * The visit a field check-in makes, inside the check-in's transaction: the caller's planned visit
 * activity is completed now, or a done visit is logged; either restarts the customer's follow-up
 * clock. Audited. Null when the planned activity was completed meanwhile.
 */
export async function recordVisitInTx(tx: Executor, ctx: CommandContext, visit: {
  planned: ActivityRow | null; customerId: string; contactId: string | null; opportunityId: string | null;
  subject: string; notes: string | null; location: string | null;
}): Promise<ActivityRow | null> {
  const ws = ctx.workspace.id;
  const now = new Date();
  if (visit.planned) {
    const [done] = await tx.update(activities).set({
      status: 'done', completedAt: now, occurredAt: now, location: visit.location ?? visit.planned.location, version: sql`${activities.version} + 1`, updatedAt: now,
    }).where(and(eq(activities.workspaceId, ws), eq(activities.id, visit.planned.id), eq(activities.status, 'planned'))).returning();
    if (!done) return null;
    await recordIfFollowUp(tx, ctx, done);
    await appendAudit(tx, ctx, { entity: 'activity', entityId: done.id, action: 'complete', before: visit.planned, after: done });
    return done;
  }
  const [created] = await tx.insert(activities).values({
    workspaceId: ws, type: 'visit', subject: visit.subject, notes: visit.notes, customerId: visit.customerId,
    contactId: visit.contactId, opportunityId: visit.opportunityId, status: 'done', occurredAt: now, location: visit.location,
    completedAt: now, ownerId: ctx.actor.id, createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
  }).returning();
  await recordIfFollowUp(tx, ctx, created!);
  await appendAudit(tx, ctx, { entity: 'activity', entityId: created!.id, action: 'create', after: created });
  return created!;
}
