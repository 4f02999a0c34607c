import { and, eq } from 'drizzle-orm';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { auditRows, countRows, seedWorkspace, type ExtraWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import { MAX_ATTEMPTS, retryDelaySeconds } from '../webhooks.rules.js';
import { webhookDeliveries, webhooks } from '../webhooks.schema.js';
import { deliverDueWebhooks, type Fetcher } from '../webhooks.service.js';

const t = await setupTestApp();

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); })));
});

interface Received { headers: IncomingHttpHeaders; body: string; method: string }

/** A real HTTP receiver on 127.0.0.1 (random port) answering with the statuses given, the last one repeated. */
async function startReceiver(statuses: number[]) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), method: req.method ?? '' });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/kairos`, received };
}

const fetcher: Fetcher = (url, init) => fetch(url, init);
const seconds = (base: Date, s: number) => new Date(base.getTime() + s * 1000);

/** What a receiver does: recompute HMAC-SHA256 over "<timestamp>.<raw body>" and compare in constant time. */
function hasValidSignature(r: Received, secret: string) {
  const expected = `sha256=${createHmac('sha256', secret).update(`${String(r.headers['x-kairos-timestamp'])}.${r.body}`).digest('hex')}`;
  const given = String(r.headers['x-kairos-signature'] ?? '');
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** A demo workspace whose own seeding events were dispatched before any webhook existed. */
async function seedDispatched() {
  const w = await seedWorkspace(t);
  await t.dispatch();
  return w;
}

async function register(admin: Client, url: string, events: string[] = ['approval.*']) {
  const res = await admin.post('/api/v1/webhooks', { url, events, description: '审批同步到 OA' });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; secret: string; version: number };
}

/** Admin asks for a money-threshold change: one `approval.requested` event in the outbox, dispatched. */
async function raiseApprovalEvent(w: ExtraWorkspace, admin: Client) {
  const res = await admin.patch('/api/v1/settings/policies', { version: 1, values: { 'contracts.majorAmount': '880000.00' } });
  expect(res.statusCode).toBe(202);
  await t.dispatch();
  return res.json().approvalId as string;
}

async function deliveriesOf(webhookId: string) {
  return t.handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId)).orderBy(webhookDeliveries.id);
}

describe('webhooks', () => {
  it('registers a webhook for admin and shows its signing secret only once', async () => {
    const w = await seedDispatched();
    const admin = await w.loginAs('admin');
    const created = await register(admin, 'https://oa.example.com/kairos');
    expect(created.secret).toMatch(/^whsec_.{20,}$/);
    expect(created).toMatchObject({ url: 'https://oa.example.com/kairos', events: ['approval.*'], isActive: true, description: '审批同步到 OA', version: 1 });

    const list = await admin.get('/api/v1/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).not.toHaveProperty('secret');
    expect(list.body).not.toContain(created.secret);
    expect(list.json().eventTypes).toContain('approval.requested');

    const audit = await auditRows(t, w.workspaceId, { entity: 'webhook', entityId: created.id });
    expect(audit.map((r) => r.action)).toEqual(['create']);
    expect(JSON.stringify(audit[0]!.after)).not.toContain(created.secret);

    const patched = await admin.patch(`/api/v1/webhooks/${created.id}`, { version: 1, isActive: false });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ isActive: false, version: 2 });
    expect(patched.body).not.toContain(created.secret);
    const stale = await admin.patch(`/api/v1/webhooks/${created.id}`, { version: 1, isActive: true });
    expect(stale.statusCode).toBe(409);
    expect((await admin.get('/api/v1/webhooks')).json().items[0].isActive).toBe(false);
  });

  it('queues an approval event after dispatch and delivers it as a signed POST; a 2xx marks it delivered', async () => {
    const w = await seedDispatched();
    const admin = await w.loginAs('admin');
    const receiver = await startReceiver([204]);
    const hook = await register(admin, receiver.url);
    const approvalId = await raiseApprovalEvent(w, admin);

    const queued = await admin.get(`/api/v1/webhooks/${hook.id}/deliveries`);
    expect(queued.statusCode).toBe(200);
    expect(queued.json().items).toMatchObject([{ eventType: 'approval.requested', status: 'pending', attempts: 0, lastStatusCode: null, deliveredAt: null }]);
    expect(receiver.received).toHaveLength(0); // nothing is sent inside the business transaction

    const now = seconds(new Date(), 1);
    await deliverDueWebhooks(t.handle.db, fetcher, now);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-kairos-event']).toBe('approval.requested');
    expect(request!.headers['x-kairos-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(request!.headers['x-kairos-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(hasValidSignature(request!, hook.secret)).toBe(true);
    expect(hasValidSignature({ ...request!, body: request!.body.replace('policy_change', 'policy_chang3') }, hook.secret)).toBe(false);
    expect(hasValidSignature(request!, 'whsec_wrong')).toBe(false);
    const payload = JSON.parse(request!.body);
    expect(payload).toMatchObject({ type: 'approval.requested', workspaceId: w.workspaceId, data: { approvalId, documentType: 'policy_change' } });
    expect(payload.data).not.toHaveProperty('notify');

    const [row] = await deliveriesOf(hook.id);
    expect(request!.headers['x-kairos-delivery']).toBe(row!.id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 204, lastError: null });
    expect(row!.deliveredAt).not.toBeNull();
    const listed = (await admin.get(`/api/v1/webhooks/${hook.id}/deliveries`)).json().items;
    expect(listed).toMatchObject([{ id: row!.id, status: 'delivered', attempts: 1, lastStatusCode: 204 }]);

    // a delivered event is not sent again
    await deliverDueWebhooks(t.handle.db, fetcher, seconds(now, 86_400));
    expect(receiver.received).toHaveLength(1);
  });

  it('retries a 500 answer later with growing back-off and ends failed after MAX_ATTEMPTS', async () => {
    const w = await seedDispatched();
    const admin = await w.loginAs('admin');
    const receiver = await startReceiver([500]);
    const hook = await register(admin, receiver.url);
    await raiseApprovalEvent(w, admin);

    let now = seconds(new Date(), 1);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDueWebhooks(t.handle.db, fetcher, now);
      expect(receiver.received).toHaveLength(attempt);
      const [row] = await deliveriesOf(hook.id);
      expect(row).toMatchObject({ attempts: attempt, lastStatusCode: 500, lastError: 'HTTP 500', deliveredAt: null });
      if (attempt < MAX_ATTEMPTS) {
        expect(row!.status).toBe('pending');
        const delay = retryDelaySeconds(attempt);
        expect(row!.nextAttemptAt.getTime()).toBe(seconds(now, delay).getTime());
        // not due one second early
        await deliverDueWebhooks(t.handle.db, fetcher, seconds(now, delay - 1));
        expect(receiver.received).toHaveLength(attempt);
        now = seconds(now, delay);
      } else {
        expect(row!.status).toBe('failed');
      }
    }
    // each try is freshly signed for its own timestamp, and the same delivery id is kept
    expect(receiver.received.every((r) => hasValidSignature(r, hook.secret))).toBe(true);
    expect(new Set(receiver.received.map((r) => r.headers['x-kairos-delivery'])).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.headers['x-kairos-timestamp'])).size).toBe(MAX_ATTEMPTS);

    // a failed delivery is never picked up again
    await deliverDueWebhooks(t.handle.db, fetcher, seconds(now, 30 * 86_400));
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
    expect((await admin.get(`/api/v1/webhooks/${hook.id}/deliveries`)).json().items).toMatchObject([{ status: 'failed', attempts: MAX_ATTEMPTS, lastStatusCode: 500 }]);
  });

  it('recovers after a failed try: a later 2xx marks the delivery delivered', async () => {
    const w = await seedDispatched();
    const admin = await w.loginAs('admin');
    const receiver = await startReceiver([503, 200]);
    const hook = await register(admin, receiver.url);
    await raiseApprovalEvent(w, admin);
    const now = seconds(new Date(), 1);
    await deliverDueWebhooks(t.handle.db, fetcher, now);
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503 });
    await deliverDueWebhooks(t.handle.db, fetcher, seconds(now, retryDelaySeconds(1)));
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null });
    expect(receiver.received).toHaveLength(2);
  });

  it('keeps a delivery pending with the error when the receiver cannot be reached', async () => {
    const w = await seedDispatched();
    const admin = await w.loginAs('admin');
    const gone = await startReceiver([200]);
    const unreachable = gone.url.replace(/:\d+\//, ':9/'); // discard port: nothing listens
    const hook = await register(admin, unreachable);
    await raiseApprovalEvent(w, admin);
    await deliverDueWebhooks(t.handle.db, fetcher, seconds(new Date(), 1));
    const [row] = await deliveriesOf(hook.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(row!.lastError).toBeTruthy();
  });

  it('queues deliveries only for active hooks subscribed to the event', async () => {
    // local URLs where nothing listens: a later delivery run must never reach the internet
    const w = await seedDispatched();
    const admin = await w.loginAs('admin');
    const all = await register(admin, 'http://127.0.0.1:9/a', ['*']);
    const exact = await register(admin, 'http://127.0.0.1:9/b', ['approval.requested']);
    const other = await register(admin, 'http://127.0.0.1:9/c', ['approval.approved']);
    const off = await register(admin, 'http://127.0.0.1:9/d', ['approval.*']);
    expect((await admin.patch(`/api/v1/webhooks/${off.id}`, { version: 1, isActive: false })).statusCode).toBe(200);
    await raiseApprovalEvent(w, admin);
    expect((await deliveriesOf(all.id)).map((d) => d.eventType)).toEqual(['approval.requested']);
    expect((await deliveriesOf(exact.id)).map((d) => d.eventType)).toEqual(['approval.requested']);
    expect(await deliveriesOf(other.id)).toEqual([]);
    expect(await deliveriesOf(off.id)).toEqual([]);
  });

  it.each(['gm', 'rep1', 'finance1'])('refuses %s managing webhooks (403) and writes nothing', async (username) => {
    const w = await seedDispatched();
    const admin = await w.loginAs('admin');
    const hook = await register(admin, 'https://oa.example.com/kairos');
    const client = await w.loginAs(username);
    expect((await client.get('/api/v1/webhooks')).statusCode).toBe(403);
    expect((await client.get(`/api/v1/webhooks/${hook.id}/deliveries`)).statusCode).toBe(403);
    const res = await client.post('/api/v1/webhooks', { url: 'https://evil.example.com/', events: ['*'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await countRows(t, 'webhooks', w.workspaceId)).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an ftp URL', { url: 'ftp://oa.example.com/hook', events: ['*'] }, 'url'],
    ['text that is not a URL', { url: 'not a url', events: ['*'] }, 'url'],
    ['a javascript: URL', { url: 'javascript:alert(1)', events: ['*'] }, 'url'],
    ['a URL over 500 characters', { url: `https://oa.example.com/${'a'.repeat(500)}`, events: ['*'] }, 'url'],
    ['no URL', { events: ['*'] }, 'url'],
    ['no events', { url: 'https://oa.example.com/hook', events: [] }, 'events'],
    ['an unknown field', { url: 'https://oa.example.com/hook', events: ['*'], secret: 'mine' }, 'secret'],
  ])('refuses %s (400 naming the field) and writes nothing', async (_title, body, path) => {
    const w = await seedDispatched();
    const admin = await w.loginAs('admin');
    const res = await admin.post('/api/v1/webhooks', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await countRows(t, 'webhooks', w.workspaceId)).toBe(0);
    expect(await auditRows(t, w.workspaceId, { entity: 'webhook' })).toEqual([]);
  });

  it("answers 404 for the deliveries of an unknown webhook or another workspace's webhook", async () => {
    const w = await seedDispatched();
    const other = await seedDispatched();
    const hook = await register(await other.loginAs('admin'), 'https://oa.example.com/other');
    const admin = await w.loginAs('admin');
    expect((await admin.get(`/api/v1/webhooks/${hook.id}/deliveries`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/webhooks/01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99/deliveries')).statusCode).toBe(404);
    const patch = await admin.patch(`/api/v1/webhooks/${hook.id}`, { version: 1, isActive: false });
    expect(patch.statusCode).toBe(404);
    const [untouched] = await t.handle.db.select().from(webhooks).where(and(eq(webhooks.workspaceId, other.workspaceId), eq(webhooks.id, hook.id)));
    expect(untouched!.isActive).toBe(true);
  });
});
