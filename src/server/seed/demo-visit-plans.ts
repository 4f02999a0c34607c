import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { addDays, todayIn, type IsoDate } from '../../shared/dates.js';
import { approvalSteps } from '../platform/approvals/approvals.schema.js';
import { decideApproval } from '../platform/approvals/approvals.service.js';
import { contextFor } from '../platform/auth/context-for.js';
import type { DbHandle } from '../platform/db/client.js';
import { activities } from '../modules/activities/activities.schema.js';
import { contacts, customers } from '../modules/customers/customers.schema.js';
import { visitPlanItems, visitPlans } from '../modules/visit-plans/visit-plans.schema.js';
import { createVisitPlan, putVisitPlanItems, submitVisitPlan } from '../modules/visit-plans/visit-plans.service.js';
import { periodStartOf } from '../modules/visit-plans/visit-plans.rules.js';

/** City centres for demo customers that have no coordinates yet (the demo addresses start with the city). */
const cityCentres: [prefix: string, lat: number, lng: number][] = [
  ['上海', 31.2304, 121.4737], ['杭州', 30.2741, 120.1551], ['北京', 39.9042, 116.4074], ['苏州', 31.2990, 120.5853], ['天津', 39.0842, 117.2010],
];

/** A stable jitter in [-1, 1) from an id, so the same customer lands on the same spot on every run. */
function jitter(id: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 20000) / 10000 - 1;
}

/**
 * Demo visit plans (domain §7.1): plausible coordinates for demo customers that lack them (around
 * their city centre), then for rep1, rep2 and rep3 a week plan for this week (submitted and approved
 * by the supervisor, visits before today done or missed) and one for next week (rep1: a draft with
 * warnings to show), plus rep1's quarter and month plans of the cascade. Every submitted plan is
 * approved, so the demo's only pending approval stays the policy change (tests rely on it);
 * `leavePending: true` instead leaves rep2's next-week plan and rep3's week in the approvers' inboxes.
 */
export async function seedDemoVisitPlans(handle: DbHandle, p: { workspaceId: string; userIds: Record<string, string>; leavePending?: boolean }) {
  const leavePending = p.leavePending ?? false;
  const ws = p.workspaceId;
  const db = handle.db;
  const unlocated = await db.select({ id: customers.id, address: customers.address }).from(customers)
    .where(and(eq(customers.workspaceId, ws), isNull(customers.latitude)));
  const located = unlocated.flatMap((c) => {
    const centre = cityCentres.find(([prefix]) => c.address?.startsWith(prefix));
    if (!centre) return [];
    return [{ id: c.id, lat: (centre[1] + jitter(c.id, 1) * 0.09).toFixed(6), lng: (centre[2] + jitter(c.id, 2) * 0.11).toFixed(6) }];
  });
  if (located.length > 0) {
    await db.execute(sql`update ${customers} c set latitude = v.lat, longitude = v.lng
      from jsonb_to_recordset(${JSON.stringify(located)}::jsonb) as v(id uuid, lat numeric, lng numeric)
      where c.workspace_id = ${ws} and c.id = v.id`);
  }

  const today = todayIn('Asia/Shanghai');
  const thisWeek = periodStartOf('week', today);
  const nextWeek = addDays(thisWeek, 7);

  for (const [n, username] of ['rep1', 'rep2', 'rep3'].entries()) {
    const userId = p.userIds[username];
    if (!userId) continue;
    const ctx = await contextFor(handle, ws, userId);
    const owned = await db.select({ id: customers.id, valueClass: customers.valueClass }).from(customers)
      .where(and(eq(customers.workspaceId, ws), eq(customers.ownerId, userId))).orderBy(asc(customers.valueClass), asc(customers.id)).limit(16);
    if (owned.length === 0) continue;
    const executives = await db.select({ id: contacts.id, customerId: contacts.customerId }).from(contacts)
      .where(and(eq(contacts.workspaceId, ws), inArray(contacts.customerId, owned.map((c) => c.id)), eq(contacts.buyingRole, 'economic_buyer')));
    const executiveOf = new Map(executives.map((e) => [e.customerId, e.id]));

    /** visits for a week: `perDay` a day (the first in the morning), executives first; `count` visits */
    const weekItems = (monday: IsoDate, count: number, offset: number, perDay = 2) => owned.slice(offset % owned.length).concat(owned).slice(0, count).map((c, i) => ({
      customerId: c.id, contactId: i < 2 ? executiveOf.get(c.id) ?? null : null, plannedDate: addDays(monday, Math.floor(i / perDay) % 5),
      halfDay: (i % perDay === 0 || (perDay > 2 && i % perDay === 1) ? 'am' : 'pm') as 'am' | 'pm',
      purpose: i < 2 && executiveOf.has(c.id) ? '拜访决策人，汇报合作进展' : ['季度例行拜访', '回访设备使用情况', '递交技术方案', '了解明年采购计划'][i % 4]!,
      isExecutiveBooking: i < 2 && executiveOf.has(c.id),
    })).filter((item, i, all) => all.findIndex((o) => o.customerId === item.customerId && o.plannedDate === item.plannedDate && o.halfDay === item.halfDay) === i);

    if (username === 'rep1') {
      const quarter = await createVisitPlan(ctx, { period: 'quarter', periodStart: periodStartOf('quarter', today), note: '本季度重点：A/B 类客户按频率拜访' });
      await putVisitPlanItems(ctx, quarter.id, { version: quarter.version, items: owned.map((c) => ({ customerId: c.id, plannedVisits: ({ A: 12, B: 6, C: 3, D: 1 } as Record<string, number>)[c.valueClass] ?? 1 })) });
      const month = await createVisitPlan(ctx, { period: 'month', periodStart: periodStartOf('month', today) });
      await putVisitPlanItems(ctx, month.id, { version: month.version, items: owned.slice(0, 10).map((c) => ({ customerId: c.id, plannedVisits: c.valueClass === 'A' ? 4 : c.valueClass === 'B' ? 2 : 1 })) });
    }

    const current = await createVisitPlan(ctx, { period: 'week', periodStart: thisWeek });
    const filled = await putVisitPlanItems(ctx, current.id, { version: current.version, items: weekItems(thisWeek, 12, n, 4) });
    await submitVisitPlan(ctx, current.id, filled.version);
    const [submitted] = await db.select({ approvalId: visitPlans.approvalId, status: visitPlans.status }).from(visitPlans)
      .where(and(eq(visitPlans.workspaceId, ws), eq(visitPlans.id, current.id)));
    if (submitted?.approvalId && submitted.status === 'submitted' && (username !== 'rep3' || !leavePending)) {
      // approved by whoever the engine put it to (rep3's department has no manager: it goes up)
      const [step] = await db.select({ assigneeIds: approvalSteps.assigneeIds }).from(approvalSteps)
        .where(and(eq(approvalSteps.workspaceId, ws), eq(approvalSteps.approvalId, submitted.approvalId), eq(approvalSteps.status, 'pending')));
      const approver = step?.assigneeIds[0];
      if (approver) await decideApproval(await contextFor(handle, ws, approver), submitted.approvalId, 'approve', '同意，注意留出半天处理内部事务');
    }
    // visits before today: most done, some missed
    // visits before today: most done (with their visit, as a check-in leaves it), some missed
    const past = await db.select().from(visitPlanItems)
      .where(and(eq(visitPlanItems.workspaceId, ws), eq(visitPlanItems.planId, current.id), sql`${visitPlanItems.plannedDate} < ${today}::date`));
    for (const item of past.filter((_, i) => i % 4 !== 3)) {
      const at = new Date(`${item.plannedDate}T${item.halfDay === 'pm' ? '14:30' : '09:30'}:00+08:00`);
      const [visit] = await db.insert(activities).values({
        workspaceId: ws, type: 'visit', subject: item.purpose ?? '客户拜访', customerId: item.customerId, contactId: item.contactId, status: 'done',
        occurredAt: at, completedAt: at, location: '现场签到', ownerId: userId, createdBy: userId, createdAt: at, updatedAt: at,
      }).returning({ id: activities.id });
      await db.update(visitPlanItems).set({ status: 'done', doneActivityId: visit!.id, checkedInAt: at })
        .where(and(eq(visitPlanItems.workspaceId, ws), eq(visitPlanItems.id, item.id)));
      await db.update(customers).set({ lastFollowUpOn: sql`greatest(${customers.lastFollowUpOn}, ${item.plannedDate}::date)` })
        .where(and(eq(customers.workspaceId, ws), eq(customers.id, item.customerId)));
    }

    const next = await createVisitPlan(ctx, { period: 'week', periodStart: nextWeek });
    if (username === 'rep1') {
      // a crowded draft: every half-day booked and the executive on Thursday, so the checks have something to say
      const items = weekItems(nextWeek, 10, 3).map((item, i) => ({ ...item, isExecutiveBooking: i === 7, contactId: i === 7 ? executiveOf.get(item.customerId) ?? null : null }));
      await putVisitPlanItems(ctx, next.id, { version: next.version, items });
    } else {
      const nextFilled = await putVisitPlanItems(ctx, next.id, { version: next.version, items: weekItems(nextWeek, 6, n + 2) });
      if (username === 'rep2' && leavePending) await submitVisitPlan(ctx, next.id, nextFilled.version);
    }
  }
}
