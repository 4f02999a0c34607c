import { and, desc, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { notFound } from '../../../shared/errors.js';
import type { Database } from '../db/client.js';
import type { CommandContext } from '../http/context.js';
import { decodeIdCursor, pageFrom } from '../http/pagination.js';
import { enqueueWebhookDeliveries } from '../webhooks/webhooks.service.js';
import { notifications, outbox } from './notifications.schema.js';
import type { NotifySpec } from './outbox.js';

export async function listNotifications(ctx: CommandContext, q: { unread?: 'true' | 'false'; limit: number; cursor?: string }) {
  const mine = and(eq(notifications.workspaceId, ctx.workspace.id), eq(notifications.userId, ctx.actor.id))!;
  const conditions: SQL[] = [mine];
  if (q.unread === 'true') conditions.push(isNull(notifications.readAt));
  const before = decodeIdCursor(q.cursor);
  if (before) conditions.push(lt(notifications.id, before));
  const [rows, [count]] = await Promise.all([
    ctx.db.select().from(notifications).where(and(...conditions)).orderBy(desc(notifications.id)).limit(q.limit + 1),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(mine, isNull(notifications.readAt))),
  ]);
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  return {
    items: page.items.map((n) => ({
      id: n.id, kind: n.kind, params: n.params as Record<string, unknown>, link: n.link,
      readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
    unreadCount: count?.n ?? 0,
  };
}

export async function markRead(ctx: CommandContext, id: string | 'all') {
  const mine = and(eq(notifications.workspaceId, ctx.workspace.id), eq(notifications.userId, ctx.actor.id), isNull(notifications.readAt));
  const result = await ctx.db.update(notifications).set({ readAt: new Date() })
    .where(id === 'all' ? mine : and(mine, eq(notifications.id, id))).returning({ id: notifications.id });
  if (id !== 'all' && result.length === 0) {
    const [exists] = await ctx.db.select({ id: notifications.id }).from(notifications)
      .where(and(eq(notifications.workspaceId, ctx.workspace.id), eq(notifications.userId, ctx.actor.id), eq(notifications.id, id)));
    if (!exists) throw notFound('notification');
  }
}

/**
 * Turns committed outbox events into in-app notifications and webhook deliveries. Rows are claimed
 * with SKIP LOCKED so several nodes can dispatch at once without double effects.
 */
export async function dispatchOutbox(db: Database, batchSize = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await tx.select().from(outbox).where(isNull(outbox.dispatchedAt))
      .orderBy(outbox.createdAt).limit(batchSize).for('update', { skipLocked: true });
    for (const event of events) {
      const payload = event.payload as Record<string, unknown> & { notify?: NotifySpec | null };
      const { notify, ...data } = payload;
      if (notify && notify.userIds.length > 0) {
        await tx.insert(notifications).values(notify.userIds.map((userId) => ({
          workspaceId: event.workspaceId, userId, kind: notify.kind, params: notify.params ?? {}, link: notify.link ?? null, eventId: event.id,
        })));
      }
      await enqueueWebhookDeliveries(tx, { workspaceId: event.workspaceId, eventId: event.id, topic: event.topic, data, at: event.createdAt });
      await tx.update(outbox).set({ dispatchedAt: new Date(), attempts: sql`${outbox.attempts} + 1` })
        .where(and(eq(outbox.workspaceId, event.workspaceId), eq(outbox.id, event.id)));
    }
    return events.length;
  });
}
