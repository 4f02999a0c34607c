import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { addDays, daysBetween, todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, notFound } from '../../../shared/errors.js';
import { assertNotInApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.service.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import type { Database, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import { byOwner, inKeysetBatches } from '../../platform/jobs/keyset-batches.js';
import type { CommandContext } from '../../platform/http/context.js';
import { pageFrom } from '../../platform/http/pagination.js';
import { outbox } from '../../platform/notifications/notifications.schema.js';
import { workspaces } from '../../platform/org/org.schema.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import {
  countClaimsOn, countLocked, countOwned, filterConditions, findCustomer, lastPoolEvent, listCustomers as listCustomerRows, lockKeys,
} from './customers.repository.js';
import { customerCollaborators, customerPoolEvents, customers } from './customers.schema.js';
import {
  customerView, requireManageable, requireSalesUser, sortCursor, todayOf, toCustomerDto, TRANSFER_DOCUMENT,
} from './customers.service.js';
import { normaliseCompanyName } from './customers.rules.js';
import { claimPolicyOf, claimRefusal, mayLock, recyclePolicyOf, type RecyclePolicy, type ValueClass } from './pool.rules.js';

// ── the pool (公海) ──────────────────────────────────────────────────────────────────────────

/** Customers in the public pool, most recently released first; open to everyone who may claim. */
export async function listPool(ctx: CommandContext, q: { limit: number; cursor?: string; q?: string; valueClass?: string; territoryId?: string; industry?: string }) {
  const where: SQL[] = [isNull(customers.ownerId), ...filterConditions(ctx.workspace.id, ctx.workspace.timeZone, {
    valueClass: q.valueClass, territoryId: q.territoryId, industry: q.industry,
    q: q.q?.trim() || undefined, qNormalised: q.q ? normaliseCompanyName(q.q) || undefined : undefined,
  })];
  const rows = await listCustomerRows(ctx.db, {
    workspaceId: ctx.workspace.id, where, sort: 'updatedAt', order: 'desc', after: sortCursor(q.cursor), limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.sortValue, r.id]);
  const view = await customerView(ctx.db, ctx);
  return { items: page.items.map((r) => toCustomerDto(r, view)), nextCursor: page.nextCursor };
}

/**
 * Claims a pool customer (领取): under the owned cap and the daily claim limit, and past the former
 * owner's cool-down. The owner is set only `WHERE owner_id IS NULL`, so of two simultaneous claims
 * exactly one wins and the other gets 409. One rep's claims are serialised (advisory lock) so the
 * caps hold under concurrency too. The date is always today: a claim cannot be back-dated.
 */
export async function claimCustomer(ctx: CommandContext, id: string) {
  const today = todayOf(ctx);
  const ws = ctx.workspace.id;
  return ctx.db.transaction(async (tx) => {
    await lockKeys(tx, [`customer-claim:${ws}:${ctx.actor.id}`]);
    const row = await findCustomer(tx, ws, id);
    if (!row) throw notFound('customer');
    if (row.ownerId !== null) {
      if (row.ownerId === ctx.actor.id) throw conflict('errors.alreadyYours');
      // it was in the public pool a moment ago: saying so leaks nothing; any other customer stays unknown
      if ((await lastPoolEvent(tx, ws, id))?.kind === 'claim') throw conflict('errors.notInPool');
      throw notFound('customer');
    }
    const policy = claimPolicyOf(await readPolicies(tx, ws));
    const situation = {
      ownedCount: await countOwned(tx, ws, ctx.actor.id),
      claimsToday: await countClaimsOn(tx, ws, ctx.actor.id, today),
      formerOwnerId: row.formerOwnerId, releasedOn: row.releasedOn,
    };
    switch (claimRefusal(ctx.actor.id, situation, policy, today)) {
      case 'owned_cap': throw new AppError('RULE_VIOLATION', 'errors.poolOwnedCap', { cap: policy.ownedCap });
      case 'claims_per_day': throw new AppError('RULE_VIOLATION', 'errors.poolClaimsPerDay', { limit: policy.claimsPerDay });
      case 'cooldown': {
        const until = addDays(row.releasedOn!, policy.reclaimCooldownDays);
        throw new AppError('RULE_VIOLATION', 'errors.poolCooldown', { days: daysBetween(today, until), until });
      }
      case null: break;
    }
    const me = await requireSalesUser(tx, ctx, ctx.actor.id, 'id');
    const [claimed] = await tx.update(customers).set({
      ownerId: me.id, departmentId: me.departmentId, ownedSince: today, isLocked: false, lockedBy: null, recycleWarnedFor: null,
      version: sql`${customers.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(customers.workspaceId, ws), eq(customers.id, id), isNull(customers.ownerId))).returning();
    if (!claimed) throw conflict('errors.notInPool');
    await tx.insert(customerPoolEvents).values({ workspaceId: ws, customerId: id, kind: 'claim', userId: me.id, actorId: me.id, onDate: today });
    const { ownerName: _ownerName, ...before } = row;
    await appendAudit(tx, ctx, { entity: 'customer', entityId: id, action: 'claim', before, after: claimed });
    return toCustomerDto({ ...claimed, ownerName: me.name }, await customerView(tx, ctx));
  });
}

/** Returns a customer to the pool (退回公海): the former owner's cool-down starts today; collaborations end. */
export async function releaseCustomer(ctx: CommandContext, id: string, reason: string | undefined) {
  const today = todayOf(ctx);
  const ws = ctx.workspace.id;
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireManageable(tx, ctx, id);
    await assertNotInApproval(tx, ctx, TRANSFER_DOCUMENT, id);
    const [released] = await tx.update(customers).set({
      ownerId: null, departmentId: null, formerOwnerId: row.ownerId, releasedOn: today, ownedSince: null,
      isLocked: false, lockedBy: null, recycleWarnedFor: null, version: sql`${customers.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(customers.workspaceId, ws), eq(customers.id, id), eq(customers.ownerId, row.ownerId))).returning();
    if (!released) throw conflict();
    const ended = await tx.delete(customerCollaborators)
      .where(and(eq(customerCollaborators.workspaceId, ws), eq(customerCollaborators.customerId, id))).returning();
    await tx.insert(customerPoolEvents).values({ workspaceId: ws, customerId: id, kind: 'release', userId: row.ownerId, actorId: ctx.actor.id, onDate: today, reason: reason ?? null });
    const { ownerName: _ownerName, ...before } = row;
    await appendAudit(tx, ctx, { entity: 'customer', entityId: id, action: 'release', before: { ...before, collaborators: ended }, after: { ...released, reason: reason ?? null } });
    return toCustomerDto({ ...released, ownerName: null }, await customerView(tx, ctx));
  });
}

/** Locks a customer (锁定) so that it never returns to the pool, within the owner's lock cap. */
export async function lockCustomer(ctx: CommandContext, id: string, reason: string | undefined) {
  const ws = ctx.workspace.id;
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireManageable(tx, ctx, id);
    await lockKeys(tx, [`customer-lock:${ws}:${row.ownerId}`]);
    if (row.isLocked) throw conflict('errors.alreadyLocked');
    const lockCap = (await readPolicies(tx, ws))['pool.lockCap'];
    if (!mayLock(await countLocked(tx, ws, row.ownerId), lockCap)) throw new AppError('RULE_VIOLATION', 'errors.lockCap', { cap: lockCap });
    return setLock(tx, ctx, row, true, reason);
  });
}

export async function unlockCustomer(ctx: CommandContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireManageable(tx, ctx, id);
    if (!row.isLocked) throw conflict('errors.notLocked');
    return setLock(tx, ctx, row, false, undefined);
  });
}

async function setLock(tx: Executor, ctx: CommandContext, row: NonNullable<Awaited<ReturnType<typeof findCustomer>>>, locked: boolean, reason: string | undefined) {
  const [updated] = await tx.update(customers).set({
    isLocked: locked, lockedBy: locked ? ctx.actor.id : null, recycleWarnedFor: null, version: sql`${customers.version} + 1`, updatedAt: new Date(),
  }).where(and(eq(customers.workspaceId, ctx.workspace.id), eq(customers.id, row.id), eq(customers.version, row.version))).returning();
  if (!updated) throw conflict();
  const { ownerName, ...before } = row;
  await appendAudit(tx, ctx, { entity: 'customer', entityId: row.id, action: locked ? 'lock' : 'unlock', before, after: { ...updated, reason: reason ?? null } });
  return toCustomerDto({ ...updated, ownerName }, await customerView(tx, ctx));
}

// ── the recycle sweep ────────────────────────────────────────────────────────────────────────

/**
 * The recycle rule of `recycleDueOn` (pool.rules.ts) in SQL: the day a customer returns to the pool
 * is the earlier of (last follow-up or owned-since) + N and (last deal or owned-since) + M, N and M
 * per value class.
 */
function recycleDates(policy: RecyclePolicy, timeZone: string) {
  const perClass = (days: Record<ValueClass, number>) =>
    sql`(case ${customers.valueClass} when 'A' then ${days.A}::int when 'B' then ${days.B}::int when 'C' then ${days.C}::int else ${days.D}::int end)`;
  const since = sql`coalesce(${customers.ownedSince}, (${customers.createdAt} at time zone ${timeZone})::date)`;
  const byFollowUp = sql`(greatest(${customers.lastFollowUpOn}, ${since}) + ${perClass(policy.noFollowUpDays)})`;
  const byDeal = sql`(greatest(${customers.lastDealOn}, ${since}) + ${perClass(policy.noDealDays)})`;
  const due = sql<string>`least(${byFollowUp}, ${byDeal})`;
  return {
    due,
    dueText: sql<string>`(${due})::text`,
    reason: sql<'no_follow_up' | 'no_deal'>`(case when ${byFollowUp} <= ${byDeal} then 'no_follow_up' else 'no_deal' end)`,
  };
}

export interface SweepResult { asOf: IsoDate; recycled: number; warned: number }

/**
 * The pool recycle sweep of one workspace as of a date (domain §5.3, §17): owned, unlocked customers
 * whose recycle day has come return to the pool (pool event + audit + a note to the former owner);
 * owners of customers due within the warning window are warned once per customer per recycle day.
 * Set-based in batches, each batch its own transaction with SKIP LOCKED, so running it twice — or on
 * two nodes at once — has the effect of running it once.
 */
export async function recycleSweep(db: Database, who: AuditActor, asOf: IsoDate, batchSize = 2000): Promise<SweepResult> {
  const ws = who.workspaceId;
  const [workspace] = await db.select({ timeZone: workspaces.timeZone }).from(workspaces).where(eq(workspaces.id, ws));
  if (!workspace) throw notFound('workspace');
  const policy = recyclePolicyOf(await readPolicies(db, ws));
  const { due, dueText, reason } = recycleDates(policy, workspace.timeZone);
  const owned = and(eq(customers.workspaceId, ws), isNotNull(customers.ownerId), eq(customers.isLocked, false));

  const recycled = await inKeysetBatches(db, batchSize, async (tx, after) => {
    const rows = await tx.select({ id: customers.id, ownerId: customers.ownerId, name: customers.name, reason, due: dueText })
      .from(customers).where(and(owned, after ? gt(customers.id, after) : undefined, sql`${due} <= ${asOf}::date`))
      .orderBy(asc(customers.id)).limit(batchSize).for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const now = new Date();
    await tx.update(customers).set({
      ownerId: null, departmentId: null, formerOwnerId: sql`${customers.ownerId}`, releasedOn: asOf, ownedSince: null,
      lockedBy: null, recycleWarnedFor: null, version: sql`${customers.version} + 1`, updatedAt: now,
    }).where(and(eq(customers.workspaceId, ws), inArray(customers.id, ids)));
    await tx.delete(customerCollaborators).where(and(eq(customerCollaborators.workspaceId, ws), inArray(customerCollaborators.customerId, ids)));
    await tx.insert(customerPoolEvents).values(rows.map((r) => ({
      workspaceId: ws, customerId: r.id, kind: 'recycle', userId: r.ownerId, actorId: who.actorId, onDate: asOf, reason: r.reason,
    })));
    await tx.insert(auditLog).values(rows.map((r) => ({
      workspaceId: ws, actorId: who.actorId, actorName: who.actorName, entity: 'customer', entityId: r.id, action: 'recycle',
      before: { ownerId: r.ownerId }, after: { ownerId: null, reason: r.reason, recycleOn: r.due, asOf },
      requestId: who.requestId ?? null, ip: who.ip ?? null,
    })));
    await tx.insert(outbox).values([...byOwner(rows)].map(([ownerId, lost]) => ({
      id: newId(), workspaceId: ws, topic: 'customer.recycled',
      payload: {
        ownerId, customerIds: lost.map((r) => r.id), asOf,
        notify: { userIds: [ownerId], kind: 'customer_recycled', params: { count: lost.length, customers: lost.slice(0, 5).map((r) => r.name).join('、') }, link: '/customers/pool' },
      },
    })));
    return rows.map((r) => r.id);
  });

  const warned = await inKeysetBatches(db, batchSize, async (tx, after) => {
    const rows = await tx.select({ id: customers.id, ownerId: customers.ownerId, name: customers.name, due: dueText })
      .from(customers)
      .where(and(owned, after ? gt(customers.id, after) : undefined, sql`${due} > ${asOf}::date`, sql`${due} - ${policy.warningDays}::int <= ${asOf}::date`,
        sql`${customers.recycleWarnedFor} IS DISTINCT FROM ${due}`))
      .orderBy(asc(customers.id)).limit(batchSize).for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    // bookkeeping only: neither version nor updated_at move, so nobody's edit conflicts with a warning
    await tx.update(customers).set({ recycleWarnedFor: due })
      .where(and(eq(customers.workspaceId, ws), inArray(customers.id, rows.map((r) => r.id))));
    await tx.insert(outbox).values(rows.map((r) => ({
      id: newId(), workspaceId: ws, topic: 'customer.recycle_warning',
      payload: {
        customerId: r.id, ownerId: r.ownerId, recycleOn: r.due,
        notify: { userIds: [r.ownerId!], kind: 'customer_recycle_warning', params: { customer: r.name, recycleOn: r.due, daysLeft: daysBetween(asOf, r.due) }, link: `/customers/${r.id}` },
      },
    })));
    return rows.map((r) => r.id);
  });
  return { asOf, recycled, warned };
}

/** The admin endpoint's sweep: this workspace, as of a date (default today in its zone), by the caller. */
export async function runRecycleSweep(ctx: CommandContext, asOf: IsoDate | undefined) {
  return recycleSweep(ctx.db, {
    workspaceId: ctx.workspace.id, actorId: ctx.actor.id, actorName: ctx.actor.name, requestId: ctx.requestId, ip: ctx.ip,
  }, asOf ?? todayOf(ctx));
}

/** The scheduler's job: every workspace, as of today in its own time zone. */
export async function recyclePoolsOfAllWorkspaces(db: Database, now: Date = new Date()): Promise<SweepResult[]> {
  const all = await db.select({ id: workspaces.id, timeZone: workspaces.timeZone }).from(workspaces).orderBy(desc(workspaces.id));
  const results: SweepResult[] = [];
  for (const w of all) results.push(await recycleSweep(db, { workspaceId: w.id, actorId: null, actorName: 'system' }, todayIn(w.timeZone, now)));
  return results;
}

