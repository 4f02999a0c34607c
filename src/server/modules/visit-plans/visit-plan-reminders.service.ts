import { and, eq, sql } from 'drizzle-orm';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { notFound } from '../../../shared/errors.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import type { AuditActor } from '../../platform/audit/audit.service.js';
import { toUuidArray } from '../../platform/authz/scope.js';
import type { Database } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import type { CommandContext } from '../../platform/http/context.js';
import { translate, type Locale } from '../../platform/i18n/translate.js';
import { outbox } from '../../platform/notifications/notifications.schema.js';
import { users, workspaces } from '../../platform/org/org.schema.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { repsWithoutWeekPlan } from './visit-plans.repository.js';
import { isoWeekday, nextWeekStart, weeklyPlanDueDate } from './visit-plans.rules.js';
import { visitPlanReminders } from './visit-plans.schema.js';

export interface PlanReminderResult { asOf: IsoDate; weekStart: IsoDate; reminded: number }

/**
 * The Friday reminder (domain §7.1: the weekly plan for next week is due every Friday): from the due
 * weekday to Sunday, every active sales rep and supervisor without a submitted plan for next week
 * gets one `visit_plan_due` notification. The reminder rows (one per person and plan week) are
 * inserted with ON CONFLICT DO NOTHING in the same transaction, so running it again — the same day,
 * the next day or on two nodes — reminds nobody twice.
 */
export async function weeklyPlanReminderSweep(db: Database, who: AuditActor, asOf: IsoDate): Promise<PlanReminderResult> {
  const ws = who.workspaceId;
  const [workspace] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, ws));
  if (!workspace) throw notFound('workspace');
  const dueWeekday = Number((await readPolicies(db, ws) as Record<string, number | string>)['visits.weeklyPlanDueWeekday'] ?? 5);
  const weekStart = nextWeekStart(asOf);
  if (isoWeekday(asOf) < dueWeekday) return { asOf, weekStart, reminded: 0 };
  const dueDate = weeklyPlanDueDate(weekStart, dueWeekday);
  return db.transaction(async (tx) => {
    const missing = await repsWithoutWeekPlan(tx, ws, weekStart);
    if (missing.length === 0) return { asOf, weekStart, reminded: 0 };
    const fresh = await tx.insert(visitPlanReminders).values(missing.map((userId) => ({ workspaceId: ws, userId, weekStart })))
      .onConflictDoNothing().returning({ userId: visitPlanReminders.userId });
    if (fresh.length === 0) return { asOf, weekStart, reminded: 0 };
    const people = await tx.select({ id: users.id, locale: users.locale }).from(users)
      .where(and(eq(users.workspaceId, ws), sql`${users.id} = ANY(${toUuidArray(fresh.map((f) => f.userId))})`));
    await tx.insert(outbox).values(people.map((p) => ({
      id: newId(), workspaceId: ws, topic: 'visit_plan.due',
      payload: {
        userId: p.id, weekStart, dueDate, asOf,
        notify: {
          userIds: [p.id], kind: 'visit_plan_due', link: `/visit-plans/planner?week=${weekStart}`,
          params: { title: translate((p.locale === 'en-US' ? 'en-US' : 'zh-CN') as Locale, 'visitPlans.reminderTitle', { weekStart, dueDate }), weekStart, dueDate },
        },
      },
    })));
    await tx.insert(auditLog).values({
      workspaceId: ws, actorId: who.actorId, actorName: who.actorName, entity: 'visit_plan', entityId: people[0]!.id, action: 'remind',
      after: { asOf, weekStart, userIds: people.map((p) => p.id) }, requestId: who.requestId ?? null, ip: who.ip ?? null,
    });
    return { asOf, weekStart, reminded: people.length };
  });
}

export async function runWeeklyPlanReminder(ctx: CommandContext, asOf: IsoDate | undefined): Promise<PlanReminderResult> {
  return weeklyPlanReminderSweep(ctx.db, { workspaceId: ctx.workspace.id, actorId: ctx.actor.id, actorName: ctx.actor.name, requestId: ctx.requestId, ip: ctx.ip },
    asOf ?? todayIn(ctx.workspace.timeZone));
}

/** The scheduler's job: every workspace, as of today in its own zone. */
export async function remindWeeklyPlansOfAllWorkspaces(db: Database, now: Date = new Date()): Promise<PlanReminderResult[]> {
  const all = await db.select({ id: workspaces.id, timeZone: workspaces.timeZone }).from(workspaces);
  const results: PlanReminderResult[] = [];
  for (const w of all) results.push(await weeklyPlanReminderSweep(db, { workspaceId: w.id, actorId: null, actorName: 'system' }, todayIn(w.timeZone, now)));
  return results;
}
