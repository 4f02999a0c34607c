import { and, eq, sql } from 'drizzle-orm';
import type { CheckInDto, NearCustomerDto } from '../../../shared/contracts/visit-plans.contract.js';
import { forbidden, invalidField, ruleViolation } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { CommandContext } from '../../platform/http/context.js';
import { findOwnActivity, recordVisitInTx, type ActivityRow } from '../activities/index.js';
import { isAttachmentOfCustomer } from '../attachments/index.js';
import { customerAccess, visibleCustomersWhere } from '../customers/index.js';
import { customersNear } from './visit-plans.repository.js';
import { boundingBox, checkInCoordinateProblem, haversineKm } from './visit-plans.rules.js';
import { visitCheckIns, visitPlanItems, visitPlans } from './visit-plans.schema.js';
import { todayOf } from './visit-plans.service.js';

/** Customers within a radius of a point, nearest first, among those the caller may see (bounding box on the index, then haversine). */
export async function customersNearPoint(ctx: CommandContext, q: { lat: number; lng: number; radiusKm: number; limit: number }): Promise<{ items: NearCustomerDto[] }> {
  const problem = checkInCoordinateProblem(q.lat, q.lng);
  if (problem) throw invalidField(problem.field === 'latitude' ? 'lat' : 'lng', problem.key);
  const scope = await visibleCustomersWhere(ctx.db, ctx);
  const rows = await customersNear(ctx.db, {
    workspaceId: ctx.workspace.id, lat: q.lat, lng: q.lng, radiusKm: q.radiusKm, box: boundingBox({ lat: q.lat, lng: q.lng }, q.radiusKm), scope, limit: q.limit,
  });
  return {
    items: rows.map((r) => ({
      id: r.id, name: r.name, valueClass: r.valueClass, status: r.status, address: r.address, latitude: Number(r.latitude), longitude: Number(r.longitude),
      distanceKm: Math.round(Number(r.distanceKm) * 1000) / 1000, ownerId: r.ownerId, ownerName: r.ownerName, lastFollowUpOn: r.lastFollowUpOn,
    })),
  };
}

export interface CheckInInput {
  latitude: number; longitude: number; accuracyMeters?: number | null; address?: string | null; note?: string | null;
  planItemId?: string; activityId?: string; customerId?: string; photoAttachmentId?: string | null;
}

/**
 * A field check-in (签到) from a phone browser: where (validated coordinates, address text) and when
 * (server time) the rep was, with an optional photo from the customer's files. It completes the
 * visit: a planned visit activity is marked done, otherwise a done visit is logged; the plan item
 * (given, or the caller's visit of that customer planned for today) is marked done; the customer's
 * follow-up clock restarts. One transaction, audited.
 */
export async function createCheckIn(ctx: CommandContext, input: CheckInInput): Promise<CheckInDto> {
  const problem = checkInCoordinateProblem(input.latitude, input.longitude);
  if (problem) throw invalidField(problem.field, problem.key);
  if (!input.planItemId && !input.activityId && !input.customerId) throw invalidField('planItemId', 'errors.checkInTarget');
  const ws = ctx.workspace.id;
  const today = todayOf(ctx);
  return ctx.db.transaction(async (tx) => {
    let item: typeof visitPlanItems.$inferSelect | null = null;
    if (input.planItemId) {
      const [row] = await tx.select({ item: visitPlanItems, ownerId: visitPlans.ownerId }).from(visitPlanItems)
        .innerJoin(visitPlans, and(eq(visitPlans.workspaceId, visitPlanItems.workspaceId), eq(visitPlans.id, visitPlanItems.planId)))
        .where(and(eq(visitPlanItems.workspaceId, ws), eq(visitPlanItems.id, input.planItemId)));
      if (!row) throw invalidField('planItemId', 'errors.notFound', { entity: 'visitPlanItem' });
      if (row.ownerId !== ctx.actor.id) throw forbidden('errors.visitPlanNotYours');
      if (row.item.status === 'done') throw ruleViolation('errors.checkInItemDone');
      item = row.item;
    }
    let activity: ActivityRow | null = null;
    if (input.activityId) {
      const row = await findOwnActivity(tx, ctx, input.activityId);
      if (!row) throw invalidField('activityId', 'errors.notFound', { entity: 'activity' });
      if (row.type !== 'visit') throw invalidField('activityId', 'errors.checkInActivityType');
      if (row.status !== 'planned') throw ruleViolation('errors.checkInActivityDone');
      activity = row;
    }
    const customerId = item?.customerId ?? activity?.customerId ?? input.customerId!;
    if (item && activity && activity.customerId !== item.customerId) throw invalidField('activityId', 'errors.checkInActivityOtherCustomer');
    const customer = await customerAccess(tx, ctx, customerId);
    if (!customer) throw invalidField(input.planItemId ? 'planItemId' : input.activityId ? 'activityId' : 'customerId', 'errors.visitItemCustomerNotVisible');
    if (input.photoAttachmentId && !(await isAttachmentOfCustomer(tx, ws, input.photoAttachmentId, customerId))) {
      throw invalidField('photoAttachmentId', 'errors.checkInPhoto');
    }
    if (!item) {
      // the caller's visit of this customer planned for today, if any, is the one being made
      const [planned] = await tx.select({ item: visitPlanItems }).from(visitPlanItems)
        .innerJoin(visitPlans, and(eq(visitPlans.workspaceId, visitPlanItems.workspaceId), eq(visitPlans.id, visitPlanItems.planId)))
        .where(and(eq(visitPlanItems.workspaceId, ws), eq(visitPlanItems.customerId, customerId), eq(visitPlanItems.plannedDate, today),
          eq(visitPlanItems.status, 'planned'), eq(visitPlans.ownerId, ctx.actor.id)))
        .orderBy(sql`case ${visitPlans.period} when 'day' then 0 else 1 end`).limit(1);
      item = planned?.item ?? null;
    }

    const now = new Date();
    const location = input.address ?? null;
    const visit = await recordVisitInTx(tx, ctx, {
      planned: activity, customerId, contactId: item?.contactId ?? null, opportunityId: item?.opportunityId ?? null,
      subject: item?.purpose ?? `拜访 ${customer.row.name}`, notes: input.note ?? null, location,
    });
    if (!visit) throw ruleViolation('errors.checkInActivityDone');
    const activityId = visit.id;
    if (item) {
      const [doneItem] = await tx.update(visitPlanItems).set({ status: 'done', doneActivityId: activityId, checkedInAt: now, version: sql`${visitPlanItems.version} + 1`, updatedAt: now })
        .where(and(eq(visitPlanItems.workspaceId, ws), eq(visitPlanItems.id, item.id), sql`${visitPlanItems.status} <> 'done'`)).returning();
      if (!doneItem) throw ruleViolation('errors.checkInItemDone');
    }
    const hasLocation = customer.row.latitude !== null && customer.row.longitude !== null;
    const distance = hasLocation ? haversineKm({ lat: input.latitude, lng: input.longitude }, { lat: Number(customer.row.latitude), lng: Number(customer.row.longitude) }) : null;
    const [checkIn] = await tx.insert(visitCheckIns).values({
      workspaceId: ws, userId: ctx.actor.id, customerId, planItemId: item?.id ?? null, activityId,
      latitude: input.latitude.toFixed(6), longitude: input.longitude.toFixed(6),
      accuracyMeters: input.accuracyMeters === undefined || input.accuracyMeters === null ? null : input.accuracyMeters.toFixed(1),
      address: location, note: input.note ?? null, photoAttachmentId: input.photoAttachmentId ?? null,
      distanceFromCustomerKm: distance === null ? null : distance.toFixed(3), checkedAt: now,
    }).returning();
    await appendAudit(tx, ctx, { entity: 'check_in', entityId: checkIn!.id, action: 'create', after: checkIn });
    return {
      id: checkIn!.id, userId: ctx.actor.id, customerId, customerName: customer.row.name, planItemId: item?.id ?? null, activityId,
      latitude: Number(checkIn!.latitude), longitude: Number(checkIn!.longitude), accuracyMeters: checkIn!.accuracyMeters === null ? null : Number(checkIn!.accuracyMeters),
      address: checkIn!.address, note: checkIn!.note, photoAttachmentId: checkIn!.photoAttachmentId,
      distanceFromCustomerKm: checkIn!.distanceFromCustomerKm === null ? null : Number(checkIn!.distanceFromCustomerKm), checkedAt: now.toISOString(),
    };
  });
}
