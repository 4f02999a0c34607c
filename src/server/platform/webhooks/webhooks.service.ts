import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateWebhookBody, UpdateWebhookBody } from '../../../shared/contracts/webhooks.contract.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { appendAudit } from '../audit/audit.service.js';
import { randomToken } from '../auth/passwords.js';
import type { Database, Executor } from '../db/client.js';
import type { CommandContext } from '../http/context.js';
import { MAX_ATTEMPTS, retryDelaySeconds, signDelivery, subscribes } from './webhooks.rules.js';
import { webhookDeliveries, webhooks } from './webhooks.schema.js';

type WebhookRow = typeof webhooks.$inferSelect;
export const toWebhookDto = (w: WebhookRow) => ({
  id: w.id, url: w.url, events: w.events, isActive: w.isActive, description: w.description, version: w.version, createdAt: w.createdAt.toISOString(),
});

export async function listWebhooks(ctx: CommandContext) {
  const rows = await ctx.db.select().from(webhooks).where(eq(webhooks.workspaceId, ctx.workspace.id)).orderBy(asc(webhooks.id));
  return rows.map(toWebhookDto);
}

export async function createWebhook(ctx: CommandContext, input: z.infer<typeof CreateWebhookBody>) {
  const secret = `whsec_${randomToken(24)}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(webhooks).values({
      workspaceId: ctx.workspace.id, url: input.url, events: input.events, description: input.description ?? null, secret, createdBy: ctx.actor.id,
    }).returning();
    await appendAudit(tx, ctx, { entity: 'webhook', entityId: row!.id, action: 'create', after: row });
    return { ...toWebhookDto(row!), secret };
  });
}

export async function updateWebhook(ctx: CommandContext, id: string, input: z.infer<typeof UpdateWebhookBody>) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(webhooks).where(and(eq(webhooks.workspaceId, ctx.workspace.id), eq(webhooks.id, id)));
    if (!before) throw notFound('webhook');
    const { version, ...changes } = input;
    const [row] = await tx.update(webhooks).set({ ...changes, version: sql`${webhooks.version} + 1`, updatedAt: new Date() })
      .where(and(eq(webhooks.workspaceId, ctx.workspace.id), eq(webhooks.id, id), eq(webhooks.version, version))).returning();
    if (!row) throw new AppError('CONFLICT', 'errors.staleVersion');
    await appendAudit(tx, ctx, { entity: 'webhook', entityId: id, action: 'update', before, after: row });
    return toWebhookDto(row);
  });
}

export async function listDeliveries(ctx: CommandContext, webhookId: string) {
  const [hook] = await ctx.db.select({ id: webhooks.id }).from(webhooks).where(and(eq(webhooks.workspaceId, ctx.workspace.id), eq(webhooks.id, webhookId)));
  if (!hook) throw notFound('webhook');
  const rows = await ctx.db.select().from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.workspaceId, ctx.workspace.id), eq(webhookDeliveries.webhookId, webhookId)))
    .orderBy(desc(webhookDeliveries.id)).limit(100);
  return rows.map((d) => ({
    id: d.id, eventType: d.eventType, status: d.status as 'pending' | 'delivered' | 'failed', attempts: d.attempts,
    lastStatusCode: d.lastStatusCode, lastError: d.lastError, nextAttemptAt: d.nextAttemptAt.toISOString(),
    createdAt: d.createdAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null,
  }));
}

/** Queues one delivery per active hook subscribed to the event (called by the outbox dispatcher). */
export async function enqueueWebhookDeliveries(tx: Executor, event: { workspaceId: string; eventId: string; topic: string; data: Record<string, unknown>; at: Date }) {
  const hooks = await tx.select().from(webhooks).where(and(eq(webhooks.workspaceId, event.workspaceId), eq(webhooks.isActive, true)));
  const targets = hooks.filter((h) => subscribes(h.events, event.topic));
  if (targets.length === 0) return;
  await tx.insert(webhookDeliveries).values(targets.map((h) => ({
    workspaceId: event.workspaceId, webhookId: h.id, eventId: event.eventId, eventType: event.topic, status: 'pending',
    payload: { id: event.eventId, type: event.topic, occurredAt: event.at.toISOString(), workspaceId: event.workspaceId, data: event.data },
  })));
}

export type Fetcher = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'manual' }) => Promise<{ status: number }>;

/**
 * Sends due deliveries: signed POSTs, 2xx = delivered, anything else retried with back-off until
 * MAX_ATTEMPTS, then failed. Claimed with SKIP LOCKED; the HTTP call happens outside the claim.
 */
export async function deliverDueWebhooks(db: Database, fetcher: Fetcher = fetch as unknown as Fetcher, now = new Date()): Promise<number> {
  const due = await db.transaction(async (tx) => {
    const rows = await tx.select({ d: webhookDeliveries, url: webhooks.url, secret: webhooks.secret }).from(webhookDeliveries)
      .innerJoin(webhooks, and(eq(webhooks.workspaceId, webhookDeliveries.workspaceId), eq(webhooks.id, webhookDeliveries.webhookId)))
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(webhookDeliveries.nextAttemptAt).limit(20).for('update', { of: webhookDeliveries, skipLocked: true });
    // push the claim forward so another node does not pick the same rows while we call out
    for (const r of rows) {
      await tx.update(webhookDeliveries).set({ nextAttemptAt: new Date(now.getTime() + 60_000) })
        .where(and(eq(webhookDeliveries.workspaceId, r.d.workspaceId), eq(webhookDeliveries.id, r.d.id)));
    }
    return rows;
  });
  for (const { d, url, secret } of due) {
    const body = JSON.stringify(d.payload);
    const timestamp = String(Math.floor(now.getTime() / 1000));
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetcher(url, {
        method: 'POST', body, signal: AbortSignal.timeout(10_000), redirect: 'manual', // a redirect is a failed delivery, never followed
        headers: {
          'content-type': 'application/json', 'user-agent': 'Kairos-Webhooks/1', 'x-kairos-event': d.eventType,
          'x-kairos-delivery': d.id, 'x-kairos-timestamp': timestamp, 'x-kairos-signature': signDelivery(secret, timestamp, body),
        },
      });
      statusCode = res.status;
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (e) {
      error = (e as Error).message.slice(0, 300);
    }
    const attempts = d.attempts + 1;
    const delivered = error === null;
    await db.update(webhookDeliveries).set({
      attempts, lastStatusCode: statusCode, lastError: error,
      status: delivered ? 'delivered' : attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      deliveredAt: delivered ? new Date() : null,
      nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(attempts) * 1000),
    }).where(and(eq(webhookDeliveries.workspaceId, d.workspaceId), eq(webhookDeliveries.id, d.id)));
  }
  return due.length;
}
