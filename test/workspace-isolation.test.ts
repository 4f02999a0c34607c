import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { approvals } from '../src/server/platform/approvals/approvals.schema.js';
import { apiTokens } from '../src/server/platform/auth/auth.schema.js';
import { notifications } from '../src/server/platform/notifications/notifications.schema.js';
import { departments, territories, users } from '../src/server/platform/org/org.schema.js';
import { webhooks } from '../src/server/platform/webhooks/webhooks.schema.js';
import { seedDemoWorkspace } from '../src/server/seed/demo.js';
import { countRows } from './fixtures.js';
import { Client, login, setupTestApp } from './harness.js';

/*
 * Two companies in one database: A (the demo workspace) and B (a second copy, logins suffixed _b).
 * Both have a pending policy change in their GM's inbox, a notification, a webhook and an API token.
 */
const t = await setupTestApp({ pendingPolicyChange: true });
const a = t.demo;
const b = await seedDemoWorkspace(t.handle, { usernameSuffix: '_b', name: '乙方贸易有限公司', pendingPolicyChange: true });
await t.dispatch();

const loginB = (username: string) => login(t.app, `${username}_b`);

async function pendingApprovalOf(workspaceId: string) {
  const [row] = await t.handle.db.select().from(approvals).where(and(eq(approvals.workspaceId, workspaceId), eq(approvals.status, 'pending')));
  return row!;
}
async function notificationOf(workspaceId: string, userId: string) {
  const [row] = await t.handle.db.select().from(notifications).where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId)));
  return row!;
}

const adminB = await loginB('admin');
const webhookB = (await adminB.post('/api/v1/webhooks', { url: 'https://b.example.com/hook', events: ['approval.approved'] })).json() as { id: string; version: number };
const rep1B = await loginB('rep1');
const tokenB = (await rep1B.post('/api/v1/auth/tokens', { name: '乙方集成' })).json() as { id: string; token: string };

const ids = {
  user: b.userIds.rep1!,
  department: b.departmentIds.sales1,
  territory: b.territoryIds.shanghai,
  approval: (await pendingApprovalOf(b.workspaceId)).id,
  notification: (await notificationOf(b.workspaceId, b.userIds.gm!)).id,
  webhook: webhookB.id,
  token: tokenB.id,
};

/** Every row of B that the 404 probes point at, to prove none of them changed. */
async function rowsOfB() {
  const db = t.handle.db;
  const ws = b.workspaceId;
  return {
    user: (await db.select().from(users).where(and(eq(users.workspaceId, ws), eq(users.id, ids.user))))[0],
    department: (await db.select().from(departments).where(and(eq(departments.workspaceId, ws), eq(departments.id, ids.department))))[0],
    territory: (await db.select().from(territories).where(and(eq(territories.workspaceId, ws), eq(territories.id, ids.territory))))[0],
    approval: (await db.select().from(approvals).where(and(eq(approvals.workspaceId, ws), eq(approvals.id, ids.approval))))[0],
    notification: (await db.select().from(notifications).where(and(eq(notifications.workspaceId, ws), eq(notifications.id, ids.notification))))[0],
    webhook: (await db.select().from(webhooks).where(and(eq(webhooks.workspaceId, ws), eq(webhooks.id, ids.webhook))))[0],
    token: (await db.select().from(apiTokens).where(and(eq(apiTokens.workspaceId, ws), eq(apiTokens.id, ids.token))))[0],
    audit: await countRows(t, 'audit_log', ws),
  };
}

describe('workspace isolation', () => {
  it.each<[string, string, (c: { admin: Client; gm: Client; rep: Client }) => Promise<{ statusCode: number; json: () => { error: { code: string } } }>]>([
    ['read a user of B', 'GET /users/:id', ({ rep }) => rep.get(`/api/v1/users/${ids.user}`)],
    ['change a user of B', 'PATCH /users/:id', ({ admin }) => admin.patch(`/api/v1/users/${ids.user}`, { version: 1, name: '被改名', roles: ['gm'] })],
    ['change a department of B', 'PATCH /departments/:id', ({ admin }) => admin.patch(`/api/v1/departments/${ids.department}`, { version: 1, name: '被改名' })],
    ['change a territory of B', 'PATCH /territories/:id', ({ admin }) => admin.patch(`/api/v1/territories/${ids.territory}`, { version: 1, name: '被改名' })],
    ['open an approval of B', 'GET /approvals/:id', ({ gm }) => gm.get(`/api/v1/approvals/${ids.approval}`)],
    ['approve an approval of B', 'POST /approvals/:id/approve', ({ gm }) => gm.post(`/api/v1/approvals/${ids.approval}/approve`, { comment: '越权' })],
    ['reject an approval of B', 'POST /approvals/:id/reject', ({ gm }) => gm.post(`/api/v1/approvals/${ids.approval}/reject`, { reason: '越权' })],
    ['return an approval of B', 'POST /approvals/:id/return', ({ gm }) => gm.post(`/api/v1/approvals/${ids.approval}/return`, { reason: '越权' })],
    ['mark a notification of B read', 'POST /notifications/:id/read', ({ gm }) => gm.post(`/api/v1/notifications/${ids.notification}/read`)],
    ['change a webhook of B', 'PATCH /webhooks/:id', ({ admin }) => admin.patch(`/api/v1/webhooks/${ids.webhook}`, { version: 1, isActive: false })],
    ['read the deliveries of a webhook of B', 'GET /webhooks/:id/deliveries', ({ admin }) => admin.get(`/api/v1/webhooks/${ids.webhook}/deliveries`)],
    ['revoke an API token of B', 'DELETE /auth/tokens/:id', ({ rep }) => rep.delete(`/api/v1/auth/tokens/${ids.token}`)],
  ])('a user of A who tries to %s (%s) gets 404 and B is untouched', async (_what, _route, act) => {
    const before = await rowsOfB();
    const clients = { admin: await t.loginAs('admin'), gm: await t.loginAs('gm'), rep: await t.loginAs('rep1') };
    const res = await act(clients);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(await rowsOfB()).toEqual(before);
  });

  it('B\'s records stay usable by B after A\'s attempts: the token still works and the approval is still B\'s GM\'s to decide', async () => {
    await (await t.loginAs('rep1')).delete(`/api/v1/auth/tokens/${ids.token}`);
    await (await t.loginAs('gm')).post(`/api/v1/approvals/${ids.approval}/reject`, { reason: '越权' });
    expect((await new Client(t.app, null, { authorization: `Bearer ${tokenB.token}` }).get('/api/v1/auth/me')).json().user.workspaceId).toBe(b.workspaceId);
    const inbox = (await (await loginB('gm')).get('/api/v1/approvals?status=pending&assignee=me')).json().items;
    expect(inbox.map((x: { id: string }) => x.id)).toEqual([ids.approval]);
  });

  it('A cannot point at B\'s records from its own: B\'s department, territory or user as a reference is unknown (400)', async () => {
    const admin = await t.loginAs('admin');
    const usersBefore = await countRows(t, 'users', a.workspaceId);
    const deptsBefore = await countRows(t, 'departments', a.workspaceId);
    const base = { username: `iso${process.pid}`, name: '跨公司', password: 'cross-pass-1', roles: ['sales_rep'] };
    expect((await admin.post('/api/v1/users', { ...base, departmentId: ids.department })).json().error.details[0].path).toBe('departmentId');
    expect((await admin.post('/api/v1/users', { ...base, territoryIds: [ids.territory] })).json().error.details[0].path).toBe('territoryIds.0');
    expect((await admin.post('/api/v1/departments', { name: '挂到乙方', parentId: ids.department })).json().error.details[0].path).toBe('parentId');
    expect((await admin.post('/api/v1/departments', { name: '乙方经理', managerId: ids.user })).json().error.details[0].path).toBe('managerId');
    expect((await admin.post('/api/v1/territories', { name: '乙方区域下', parentId: ids.territory })).json().error.details[0].path).toBe('parentId');
    expect(await countRows(t, 'users', a.workspaceId)).toBe(usersBefore);
    expect(await countRows(t, 'departments', a.workspaceId)).toBe(deptsBefore);
  });

  it('lists never include B\'s rows: users, departments, territories, approvals, audit, notifications, webhooks, tokens', async () => {
    const admin = await t.loginAs('admin');
    const gm = await t.loginAs('gm');
    const rep = await t.loginAs('rep1');
    await admin.post('/api/v1/webhooks', { url: 'https://a.example.com/hook', events: ['approval.approved'] });
    await rep.post('/api/v1/auth/tokens', { name: '甲方集成' });
    const bIds = new Set<string>([...Object.values(b.userIds), ...Object.values(b.departmentIds), ...Object.values(b.territoryIds), ...Object.values(ids)]);
    const leaks = (items: { id: string }[]) => items.filter((i) => bIds.has(i.id));

    const usersList = (await admin.get('/api/v1/users?limit=200')).json().items;
    expect(usersList.length).toBeGreaterThanOrEqual(13);
    expect(usersList.every((u: { workspaceId: string }) => u.workspaceId === a.workspaceId)).toBe(true);
    expect((await rep.get('/api/v1/users?q=rep1&limit=200')).json().items.map((u: { username: string }) => u.username)).toEqual(['rep1']);
    const lists: [string, { id: string }[]][] = [
      ['users', usersList],
      ['departments', (await rep.get('/api/v1/departments')).json().items],
      ['territories', (await rep.get('/api/v1/territories')).json().items],
      ['approvals', (await gm.get('/api/v1/approvals?limit=200')).json().items],
      ['audit', (await gm.get('/api/v1/audit?limit=200')).json().items],
      ['notifications', (await gm.get('/api/v1/notifications?limit=200')).json().items],
      ['webhooks', (await admin.get('/api/v1/webhooks')).json().items],
      ['tokens', (await rep.get('/api/v1/auth/tokens')).json().items],
    ];
    for (const [name, items] of lists) {
      expect(items.length, `${name} shows A's own rows`).toBeGreaterThan(0);
      expect(leaks(items), name).toEqual([]);
    }
    expect((await gm.get('/api/v1/departments')).json().items).toHaveLength(6);
    expect((await gm.get(`/api/v1/audit?actorId=${b.userIds.admin}`)).json().items).toEqual([]);
    expect((await gm.get(`/api/v1/audit?entityId=${ids.approval}`)).json().items).toEqual([]);
    expect((await gm.get('/api/v1/notifications')).json().unreadCount).toBe(
      (await t.handle.db.select().from(notifications).where(and(eq(notifications.workspaceId, a.workspaceId), eq(notifications.userId, a.userIds.gm!), isNull(notifications.readAt)))).length,
    );
  });

  it('A\'s settings stay A\'s: a policy, approval flow or numbering change in A leaves B as it was', async () => {
    const adminA = await t.loginAs('admin');
    const gmB = await loginB('gm');
    const snapshotB = async () => ({
      policies: (await gmB.get('/api/v1/settings/policies')).json(),
      flows: (await gmB.get('/api/v1/approval-flows')).json(),
      numbering: (await adminB.get('/api/v1/numbering-rules')).json(),
    });
    const before = await snapshotB();
    const policiesA = (await adminA.get('/api/v1/settings/policies')).json();
    expect((await adminA.patch('/api/v1/settings/policies', { version: policiesA.version, values: { 'pool.claimsPerDay': 17 } })).statusCode).toBe(200);
    expect((await adminA.put('/api/v1/approval-flows/policy_change', { version: 1, steps: [{ label: '副总审批', approver: { role: 'sales_vp' } }] })).statusCode).toBe(200);
    expect((await adminA.put('/api/v1/numbering-rules/contract', { version: 1, prefix: 'AHT', reset: 'monthly', padding: 5 })).statusCode).toBe(200);
    expect(await snapshotB()).toEqual(before);
  });

  it('a B token opens nothing of A: A\'s user, approval and departments are not found through it', async () => {
    const asB = new Client(t.app, null, { authorization: `Bearer ${tokenB.token}` });
    expect((await asB.get(`/api/v1/users/${a.userIds.rep1}`)).statusCode).toBe(404);
    expect((await asB.get(`/api/v1/approvals/${(await pendingApprovalOf(a.workspaceId)).id}`)).statusCode).toBe(404);
    const depts = (await asB.get('/api/v1/departments')).json().items.map((d: { id: string }) => d.id);
    expect(depts).not.toContain(a.departmentIds.sales1);
    expect(depts).toContain(b.departmentIds.sales1);
  });
});
