import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { addDays, daysBetween, todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, notFound } from '../../../shared/errors.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.service.js';
import type { Database } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import { byOwner, inKeysetBatches } from '../../platform/jobs/keyset-batches.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeIdCursor, pageFrom } from '../../platform/http/pagination.js';
import { outbox } from '../../platform/notifications/notifications.schema.js';
import { workspaces } from '../../platform/org/org.schema.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { claimPolicyOf, claimRefusal, requireSalesUser } from '../customers/index.js';
import {
  countClaimsOn, countOpenOwned, findLead, lastPoolEvent, leadFilterConditions, listLeadRows, lockKey,
} from './leads.repository.js';
import { leadPoolEvents, leads } from './leads.schema.js';
import { canSeePhone, leadDto, recycleDaysOf, requireEditable, todayOf, toLeadDto } from './leads.service.js';

const openStatus = inArray(leads.status, ['new', 'contacted', 'qualified']);

/** Leads in the lead pool (线索池), newest first; open to everyone who may claim. */
export async function listLeadPool(ctx: CommandContext, q: { limit: number; cursor?: string; q?: string; source?: string }) {
  const where: SQL[] = [isNull(leads.ownerId), openStatus, ...leadFilterConditions(ctx.workspace.timeZone, { source: q.source, q: q.q?.trim() || undefined })];
  const rows = await listLeadRows(ctx.db, { workspaceId: ctx.workspace.id, where, beforeId: decodeIdCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  const recycleDays = await recycleDaysOf(ctx.db, ctx.workspace.id);
  const phones = canSeePhone(ctx);
  return { items: page.items.map((r) => toLeadDto(r, recycleDays, phones)), nextCursor: page.nextCursor };
}

/**
 * Claims a pool lead (领取), under the customers' pool rules: the owned cap (counting open leads),
 * the daily claim limit and the former owner's cool-down. The owner is set only `WHERE owner_id IS
 * NULL`, so of two simultaneous claims exactly one wins and the other gets 409.
 */
export async function claimLead(ctx: CommandContext, id: string) {
  const today = todayOf(ctx);
  const ws = ctx.workspace.id;
  return ctx.db.transaction(async (tx) => {
    await lockKey(tx, `lead-claim:${ws}:${ctx.actor.id}`);
    const row = await findLead(tx, ws, id);
    if (!row) throw notFound('lead');
    if (row.ownerId !== null) {
      if (row.ownerId === ctx.actor.id) throw conflict('errors.leadAlreadyYours');
      // it was in the pool a moment ago: saying so leaks nothing; any other lead stays unknown
      if ((await lastPoolEvent(tx, ws, id))?.kind === 'claim') throw conflict('errors.leadNotInPool');
      throw notFound('lead');
    }
    if (!['new', 'contacted', 'qualified'].includes(row.status)) throw notFound('lead');
    const policy = claimPolicyOf(await readPolicies(tx, ws));
    const situation = {
      ownedCount: await countOpenOwned(tx, ws, ctx.actor.id),
      claimsToday: await countClaimsOn(tx, ws, ctx.actor.id, today),
      formerOwnerId: row.formerOwnerId, releasedOn: row.releasedOn,
    };
    switch (claimRefusal(ctx.actor.id, situation, policy, today)) {
      case 'owned_cap': throw new AppError('RULE_VIOLATION', 'errors.leadPoolOwnedCap', { cap: policy.ownedCap });
      case 'claims_per_day': throw new AppError('RULE_VIOLATION', 'errors.leadPoolClaimsPerDay', { limit: policy.claimsPerDay });
      case 'cooldown': {
        const until = addDays(row.releasedOn!, policy.reclaimCooldownDays);
        throw new AppError('RULE_VIOLATION', 'errors.leadPoolCooldown', { days: daysBetween(today, until), until });
      }
      case null: break;
    }
    const me = await requireSalesUser(tx, ctx, ctx.actor.id, 'id');
    const [claimed] = await tx.update(leads).set({
      ownerId: me.id, ownedSince: today, recycleWarnedFor: null, version: sql`${leads.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(leads.workspaceId, ws), eq(leads.id, id), isNull(leads.ownerId))).returning();
    if (!claimed) throw conflict('errors.leadNotInPool');
    await tx.insert(leadPoolEvents).values({ workspaceId: ws, leadId: id, kind: 'claim', userId: me.id, actorId: me.id, onDate: today });
    const { ownerName: _ownerName, ...before } = row;
    await appendAudit(tx, ctx, { entity: 'lead', entityId: id, action: 'claim', before, after: claimed });
    return leadDto(tx, ctx, claimed, me.name);
  });
}

/** Returns a lead to the lead pool (退回线索池): the former owner's cool-down starts today. */
export async function releaseLead(ctx: CommandContext, id: string, reason: string | undefined) {
  const today = todayOf(ctx);
  const ws = ctx.workspace.id;
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireEditable(tx, ctx, id);
    const [released] = await tx.update(leads).set({
      ownerId: null, formerOwnerId: row.ownerId, releasedOn: today, ownedSince: null, recycleWarnedFor: null,
      version: sql`${leads.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(leads.workspaceId, ws), eq(leads.id, id), eq(leads.ownerId, row.ownerId))).returning();
    if (!released) throw conflict();
    await tx.insert(leadPoolEvents).values({ workspaceId: ws, leadId: id, kind: 'release', userId: row.ownerId, actorId: ctx.actor.id, onDate: today, reason: reason ?? null });
    const { ownerName: _ownerName, ...before } = row;
    await appendAudit(tx, ctx, { entity: 'lead', entityId: id, action: 'release', before, after: { ...released, reason: reason ?? null } });
    return leadDto(tx, ctx, released, null);
  });
}

// ── the recycle sweep ────────────────────────────────────────────────────────────────────────

export interface LeadSweepResult { asOf: IsoDate; recycled: number; warned: number }

/**
 * The lead-pool recycle sweep of one workspace as of a date (§17): open owned leads not followed up
 * for N days (policy leadPool.noFollowUpDays) — counted from the later of the last follow-up and the
 * day the owner got it, as `leadRecycleDueOn` — return to the pool; owners are warned once per lead
 * per recycle day within the pool's warning window. Batches with SKIP LOCKED: running it twice, or
 * on two nodes, has the effect of running it once.
 */
export async function leadRecycleSweep(db: Database, who: AuditActor, asOf: IsoDate, batchSize = 2000): Promise<LeadSweepResult> {
  const ws = who.workspaceId;
  const policies = await readPolicies(db, ws);
  const recycleDays = policies['leadPool.noFollowUpDays'];
  const warningDays = policies['pool.recycleWarningDays'];
  const due = sql<string>`(greatest(${leads.lastFollowUpOn}, ${leads.ownedSince}) + ${recycleDays}::int)`;
  const dueText = sql<string>`(${due})::text`;
  const owned = and(eq(leads.workspaceId, ws), isNotNull(leads.ownerId), isNotNull(leads.ownedSince), openStatus);

  const recycled = await inKeysetBatches(db, batchSize, async (tx, after) => {
    const rows = await tx.select({ id: leads.id, ownerId: leads.ownerId, company: leads.company, due: dueText })
      .from(leads).where(and(owned, after ? gt(leads.id, after) : undefined, sql`${due} <= ${asOf}::date`))
      .orderBy(asc(leads.id)).limit(batchSize).for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await tx.update(leads).set({
      ownerId: null, formerOwnerId: sql`${leads.ownerId}`, releasedOn: asOf, ownedSince: null, recycleWarnedFor: null,
      version: sql`${leads.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(leads.workspaceId, ws), inArray(leads.id, ids)));
    await tx.insert(leadPoolEvents).values(rows.map((r) => ({
      workspaceId: ws, leadId: r.id, kind: 'recycle', userId: r.ownerId, actorId: who.actorId, onDate: asOf, reason: 'no_follow_up',
    })));
    await tx.insert(auditLog).values(rows.map((r) => ({
      workspaceId: ws, actorId: who.actorId, actorName: who.actorName, entity: 'lead', entityId: r.id, action: 'recycle',
      before: { ownerId: r.ownerId }, after: { ownerId: null, recycleOn: r.due, asOf }, requestId: who.requestId ?? null, ip: who.ip ?? null,
    })));
    await tx.insert(outbox).values([...byOwner(rows)].map(([ownerId, lost]) => ({
      id: newId(), workspaceId: ws, topic: 'lead.recycled',
      payload: {
        ownerId, leadIds: lost.map((r) => r.id), asOf,
        notify: {
          userIds: [ownerId], kind: 'lead_recycled', link: '/leads/pool',
          params: { count: lost.length, title: lost.slice(0, 5).map((r) => r.company).join('、') },
        },
      },
    })));
    return rows.map((r) => r.id);
  });

  const warned = await inKeysetBatches(db, batchSize, async (tx, after) => {
    const rows = await tx.select({ id: leads.id, ownerId: leads.ownerId, company: leads.company, due: dueText })
      .from(leads)
      .where(and(owned, after ? gt(leads.id, after) : undefined, sql`${due} > ${asOf}::date`, sql`${due} - ${warningDays}::int <= ${asOf}::date`,
        sql`${leads.recycleWarnedFor} IS DISTINCT FROM ${due}`))
      .orderBy(asc(leads.id)).limit(batchSize).for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    // bookkeeping only: neither version nor updated_at move, so nobody's edit conflicts with a warning
    await tx.update(leads).set({ recycleWarnedFor: due })
      .where(and(eq(leads.workspaceId, ws), inArray(leads.id, rows.map((r) => r.id))));
    await tx.insert(outbox).values(rows.map((r) => ({
      id: newId(), workspaceId: ws, topic: 'lead.recycle_warning',
      payload: {
        leadId: r.id, ownerId: r.ownerId, recycleOn: r.due,
        notify: {
          userIds: [r.ownerId!], kind: 'lead_recycle_warning', link: `/leads/${r.id}`,
          params: { title: r.company, recycleOn: r.due, daysLeft: daysBetween(asOf, r.due) },
        },
      },
    })));
    return rows.map((r) => r.id);
  });
  return { asOf, recycled, warned };
}

/** The admin endpoint's sweep: this workspace, as of a date (default today in its zone), by the caller. */
export async function runLeadRecycleSweep(ctx: CommandContext, asOf: IsoDate | undefined) {
  return leadRecycleSweep(ctx.db, {
    workspaceId: ctx.workspace.id, actorId: ctx.actor.id, actorName: ctx.actor.name, requestId: ctx.requestId, ip: ctx.ip,
  }, asOf ?? todayOf(ctx));
}

/** The scheduler's job: every workspace, as of today in its own time zone. */
export async function recycleLeadPoolsOfAllWorkspaces(db: Database, now: Date = new Date()): Promise<LeadSweepResult[]> {
  const all = await db.select({ id: workspaces.id, timeZone: workspaces.timeZone }).from(workspaces).orderBy(desc(workspaces.id));
  const results: LeadSweepResult[] = [];
  for (const w of all) results.push(await leadRecycleSweep(db, { workspaceId: w.id, actorId: null, actorName: 'system' }, todayIn(w.timeZone, now)));
  return results;
}
