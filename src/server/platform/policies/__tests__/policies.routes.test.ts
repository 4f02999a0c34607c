import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows, seedWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import { policyDefinitions } from '../policies.definitions.js';
import { policyChangeRequests, workspacePolicies } from '../policies.schema.js';

const t = await setupTestApp();

interface PolicyItem { key: string; unit: string; value: number | string; label: string; moneyThreshold: boolean }
interface Policies { version: number; items: PolicyItem[]; pendingChange: { id: string; approvalId: string | null; changes: Record<string, unknown> } | null }

async function policies(client: Client, headers?: Record<string, string>): Promise<Policies> {
  const res = await client.get('/api/v1/settings/policies', headers);
  expect(res.statusCode).toBe(200);
  return res.json() as Policies;
}
const valueOf = (p: Policies, key: string) => p.items.find((i) => i.key === key)!.value;

/** Everything a refused PATCH must leave untouched in the workspace. */
async function policyState(workspaceId: string) {
  const [stored] = await t.handle.db.select().from(workspacePolicies).where(eq(workspacePolicies.workspaceId, workspaceId));
  return {
    stored: stored ?? null,
    requests: await t.handle.db.select().from(policyChangeRequests).where(eq(policyChangeRequests.workspaceId, workspaceId)),
    audit: (await auditRows(t, workspaceId, { entity: 'policy' })).length,
    approvals: await countRows(t, 'approvals', workspaceId),
    outbox: await countRows(t, 'outbox', workspaceId),
  };
}

describe('GET /settings/policies', () => {
  it('lists every policy with its unit, value and a Chinese label by default, English on request', async () => {
    const rep1 = await t.loginAs('rep1'); // every role may read the rules it works under
    const zh = await policies(rep1);
    expect(zh.items.map((i) => i.key)).toEqual(Object.keys(policyDefinitions));
    for (const item of zh.items) {
      const def = policyDefinitions[item.key as keyof typeof policyDefinitions];
      expect(item.unit).toBe(def.unit);
      expect(item.label).toBe(def.label['zh-CN']);
    }
    expect(zh.items.find((i) => i.key === 'contracts.majorAmount')).toMatchObject({ unit: 'money', value: '1000000.00', moneyThreshold: true, label: '重大合同金额（需副总审查、总经理批准）' });
    expect(zh.items.find((i) => i.key === 'auth.maxFailedLogins')).toMatchObject({ unit: 'count', value: 5, moneyThreshold: false });

    const en = await policies(rep1, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.items.find((i) => i.key === 'contracts.majorAmount')!.label).toBe('Major contract amount (VP review, GM approval)');
    expect(en.items.every((i) => /^[\x20-\x7e]+$/.test(i.label))).toBe(true);
  });
});

describe('PATCH /settings/policies', () => {
  it('applies a non-money change at once (200), bumps the version and audits before/after', async () => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const before = await policies(admin);
    const res = await admin.patch('/api/v1/settings/policies', { version: before.version, values: { 'auth.maxFailedLogins': 7, 'penalty.monthlyRate': '0.006' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'applied', approvalId: null });
    const after = await policies(admin);
    expect(after.version).toBe(before.version + 1);
    expect(valueOf(after, 'auth.maxFailedLogins')).toBe(7);
    expect(valueOf(after, 'penalty.monthlyRate')).toBe('0.006');
    expect(res.json().policies).toEqual(after);

    const audit = await auditRows(t, w.workspaceId, { entity: 'policy' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'update', actorId: w.userIds.admin, entityId: w.workspaceId,
      before: { 'auth.maxFailedLogins': 5, 'penalty.monthlyRate': '0.005' },
      after: { 'auth.maxFailedLogins': 7, 'penalty.monthlyRate': '0.006' },
    });
    // other users see the new value
    expect(valueOf(await policies(await w.loginAs('rep1')), 'auth.maxFailedLogins')).toBe(7);
  });

  it('treats sending the current values back as no change: 200, same version, no audit row', async () => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const res = await admin.patch('/api/v1/settings/policies', { version: 1, values: { 'auth.maxFailedLogins': 5, 'contracts.majorAmount': '1000000', 'penalty.badDebtRate': '0.2' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'applied', approvalId: null, policies: { version: 1, pendingChange: null } });
    expect(await auditRows(t, w.workspaceId, { entity: 'policy' })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['above the maximum', { 'auth.lockoutMinutes': 1441 }, ['values.auth.lockoutMinutes']],
    ['below the minimum', { 'contracts.majorAmount': '-1.00' }, ['values.contracts.majorAmount']],
    ['a fraction where a whole number is required', { 'auth.maxFailedLogins': 5.5 }, ['values.auth.maxFailedLogins']],
    ['not a number', { 'expenses.gmApprovalAmount': 'abc' }, ['values.expenses.gmApprovalAmount']],
    ['an unknown key', { 'auth.maxFailedLoginz': 6 }, ['values.auth.maxFailedLoginz']],
    ['several bad keys together with a good one', { 'auth.maxFailedLogins': 6, 'auth.lockoutMinutes': 0, nope: 1 }, ['values.auth.lockoutMinutes', 'values.nope']],
  ])('refuses a value %s with 400 naming values.<key>, and changes nothing', async (_title, values, paths) => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const before = await policyState(w.workspaceId);
    const res = await admin.patch('/api/v1/settings/policies', { version: 1, values });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(paths);
    for (const path of paths) expect(body.error.message).toContain(path);
    expect(await policyState(w.workspaceId)).toEqual(before);
    expect(valueOf(await policies(admin), 'auth.maxFailedLogins')).toBe(5);
  });

  it.each<[string, unknown, string]>([
    ['without a version', { values: { 'auth.maxFailedLogins': 6 } }, 'version'],
    ['with an empty set of values', { version: 1, values: {} }, 'values'],
    ['with an unknown top-level field', { version: 1, values: { 'auth.maxFailedLogins': 6 }, force: true }, 'force'],
    ['with a boolean value', { version: 1, values: { 'auth.maxFailedLogins': true } }, 'values.auth.maxFailedLogins'],
  ])('refuses a body %s (400 naming the field) and changes nothing', async (_title, body, path) => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const before = await policyState(w.workspaceId);
    const res = await admin.patch('/api/v1/settings/policies', body as Record<string, unknown>);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await policyState(w.workspaceId)).toEqual(before);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    expect((await admin.patch('/api/v1/settings/policies', { version: 1, values: { 'auth.maxFailedLogins': 6 } })).statusCode).toBe(200);
    const before = await policyState(w.workspaceId);
    for (const values of [{ 'auth.maxFailedLogins': 9 }, { 'contracts.majorAmount': '1.00' }]) {
      const res = await admin.patch('/api/v1/settings/policies', { version: 1, values });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CONFLICT');
    }
    expect(await policyState(w.workspaceId)).toEqual(before);
    expect(valueOf(await policies(admin), 'auth.maxFailedLogins')).toBe(6);
  });

  it('holds a money-threshold change for the GM (202): unchanged until approved, then applied and audited', async () => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const res = await admin.patch('/api/v1/settings/policies', { version: 1, values: { 'expenses.gmApprovalAmount': '8000' } });
    expect(res.statusCode).toBe(202);
    const { approvalId } = res.json() as { approvalId: string };
    expect(res.json()).toMatchObject({ status: 'pending_approval', policies: { version: 1 } });

    const waiting = await policies(admin);
    expect(valueOf(waiting, 'expenses.gmApprovalAmount')).toBe('5000.00');
    expect(waiting.pendingChange).toMatchObject({ approvalId, changes: { 'expenses.gmApprovalAmount': '8000.00' } });
    const requested = await auditRows(t, w.workspaceId, { entity: 'policy' });
    expect(requested.map((r) => [r.action, r.before, r.after])).toEqual([
      ['change_requested', { 'expenses.gmApprovalAmount': '5000.00' }, { 'expenses.gmApprovalAmount': '8000.00' }],
    ]);

    const gm = await w.loginAs('gm');
    const inbox = (await gm.get('/api/v1/approvals?status=pending&assignee=me')).json().items as { id: string; snapshot: unknown }[];
    expect(inbox.map((a) => a.id)).toEqual([approvalId]);
    expect(inbox[0]!.snapshot).toEqual({ changes: { 'expenses.gmApprovalAmount': '8000.00' }, previous: { 'expenses.gmApprovalAmount': '5000.00' } });
    expect((await gm.post(`/api/v1/approvals/${approvalId}/approve`, {})).statusCode).toBe(200);

    const applied = await policies(admin);
    expect(valueOf(applied, 'expenses.gmApprovalAmount')).toBe('8000.00');
    expect(applied.pendingChange).toBeNull();
    expect(applied.version).toBe(2);
    const audit = await auditRows(t, w.workspaceId, { entity: 'policy', action: 'update' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: w.userIds.gm, before: { 'expenses.gmApprovalAmount': '5000.00' }, after: { 'expenses.gmApprovalAmount': '8000.00' } });
    const [request] = await t.handle.db.select().from(policyChangeRequests).where(eq(policyChangeRequests.workspaceId, w.workspaceId));
    expect(request).toMatchObject({ status: 'approved', requestedBy: w.userIds.admin, approvalId });
  });

  it('holds the plain values of a mixed change together with the money threshold', async () => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const res = await admin.patch('/api/v1/settings/policies', { version: 1, values: { 'auth.maxFailedLogins': 8, 'contracts.majorAmount': '1200000.00' } });
    expect(res.statusCode).toBe(202);
    const waiting = await policies(admin);
    expect(valueOf(waiting, 'auth.maxFailedLogins')).toBe(5);
    expect(valueOf(waiting, 'contracts.majorAmount')).toBe('1000000.00');
    const gm = await w.loginAs('gm');
    expect((await gm.post(`/api/v1/approvals/${res.json().approvalId}/approve`, {})).statusCode).toBe(200);
    const applied = await policies(admin);
    expect(valueOf(applied, 'auth.maxFailedLogins')).toBe(8);
    expect(valueOf(applied, 'contracts.majorAmount')).toBe('1200000.00');
  });

  it.each([
    ['reject', '金额调整过大', 'rejected'],
    ['return', '请说明理由', 'returned'],
  ])('leaves the value unchanged when the GM does %s it', async (action, reason, status) => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const res = await admin.patch('/api/v1/settings/policies', { version: 1, values: { 'contracts.majorAmount': '300000.00' } });
    expect(res.statusCode).toBe(202);
    const gm = await w.loginAs('gm');
    expect((await gm.post(`/api/v1/approvals/${res.json().approvalId}/${action}`, { reason })).statusCode).toBe(200);
    const after = await policies(admin);
    expect(valueOf(after, 'contracts.majorAmount')).toBe('1000000.00');
    expect(after.pendingChange).toBeNull();
    expect(after.version).toBe(1);
    expect(await auditRows(t, w.workspaceId, { entity: 'policy', action: 'update' })).toEqual([]);
    const [request] = await t.handle.db.select().from(policyChangeRequests).where(eq(policyChangeRequests.workspaceId, w.workspaceId));
    expect(request!.status).toBe(status);
    // with the request closed, a new money change may be asked for
    expect((await admin.patch('/api/v1/settings/policies', { version: 1, values: { 'contracts.majorAmount': '400000.00' } })).statusCode).toBe(202);
  });

  it('refuses a second money change while one is pending (422) but still applies plain changes at once', async () => {
    const w = await seedWorkspace(t, { pendingPolicyChange: true });
    const admin = await w.loginAs('admin');
    const before = await policyState(w.workspaceId);
    const second = await admin.patch('/api/v1/settings/policies', { version: 1, values: { 'expenses.gmApprovalAmount': '9000.00' } });
    expect(second.statusCode).toBe(422);
    expect(second.json().error).toMatchObject({ code: 'RULE_VIOLATION', message: '已有一项策略变更在审批中' });
    expect(await policyState(w.workspaceId)).toEqual(before);

    const plain = await admin.patch('/api/v1/settings/policies', { version: 1, values: { 'pool.claimsPerDay': 12 } });
    expect(plain.statusCode).toBe(200);
    const after = await policies(admin);
    expect(valueOf(after, 'pool.claimsPerDay')).toBe(12);
    expect(after.pendingChange).toMatchObject({ changes: { 'contracts.majorAmount': '800000.00' } });
  });

  it('refuses a money-threshold change asked for by the GM, since nobody could approve it, and writes nothing', async () => {
    const w = await seedWorkspace(t);
    const gm = await w.loginAs('gm');
    const before = await policyState(w.workspaceId);
    const res = await gm.patch('/api/v1/settings/policies', { version: 1, values: { 'contracts.majorAmount': '500000.00' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('RULE_VIOLATION');
    expect(await policyState(w.workspaceId)).toEqual(before);
  });

  it.each(['rep1', 'manager1', 'finance1'])('refuses %s changing policies (403) and writes nothing', async (username) => {
    const w = await seedWorkspace(t);
    const client = await w.loginAs(username);
    const before = await policyState(w.workspaceId);
    const res = await client.patch('/api/v1/settings/policies', { version: 1, values: { 'auth.maxFailedLogins': 50 } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await policyState(w.workspaceId)).toEqual(before);
  });
});
