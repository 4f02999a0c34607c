import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows, seedWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import { sqlState } from '../../db/errors.js';
import { auditLog } from '../audit.schema.js';
import { appendAuditAs } from '../audit.service.js';

const t = await setupTestApp();

interface Entry { id: string; entity: string; entityId: string | null; actorId: string | null; action: string; before: unknown; after: unknown; requestId: string | null; ip: string | null }
async function audit(client: Client, query: string): Promise<{ items: Entry[]; nextCursor: string | null }> {
  const res = await client.get(`/api/v1/audit?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** Writes `n` audit rows of a probe entity straight through the audit service. */
async function writeProbeRows(workspaceId: string, entity: string, n: number) {
  for (let i = 0; i < n; i++) {
    await t.handle.db.transaction((tx) => appendAuditAs(tx, { workspaceId, actorId: null, actorName: 'probe' }, { entity, entityId: `row-${i}`, action: 'probe', after: { i } }));
  }
}

describe('GET /audit', () => {
  it('filters by entity, entity id, actor and action, and shows only the own workspace', async () => {
    const w = await seedWorkspace(t);
    const other = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    await other.loginAs('admin'); // writes a login row in the other workspace
    expect((await admin.patch('/api/v1/settings/policies', { version: 1, values: { 'pool.claimsPerDay': 11 } })).statusCode).toBe(200);
    await w.loginAs('rep1');
    const gm = await w.loginAs('gm');

    const policy = await audit(gm, 'entity=policy');
    expect(policy.items).toHaveLength(1);
    expect(policy.items[0]).toMatchObject({ entity: 'policy', entityId: w.workspaceId, action: 'update', actorId: w.userIds.admin, before: { 'pool.claimsPerDay': 10 }, after: { 'pool.claimsPerDay': 11 }, ip: '127.0.0.1' });
    expect(policy.items[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const logins = await audit(gm, 'action=login');
    expect(logins.items.map((e) => e.entityId).sort()).toEqual([w.userIds.admin, w.userIds.rep1, w.userIds.gm].sort());
    expect(logins.items.every((e) => e.entity === 'user' && e.action === 'login')).toBe(true);

    const rep1Logins = await audit(gm, `entity=user&entityId=${w.userIds.rep1}`);
    expect(rep1Logins.items.map((e) => e.action)).toEqual(['login']);

    const byAdmin = await audit(gm, `actorId=${w.userIds.admin}`);
    expect(byAdmin.items.map((e) => e.action).sort()).toEqual(['login', 'update']);
    expect(byAdmin.items.every((e) => e.actorId === w.userIds.admin)).toBe(true);

    const combined = await audit(gm, `actorId=${w.userIds.admin}&action=update&entity=policy&entityId=${w.workspaceId}`);
    expect(combined.items.map((e) => e.id)).toEqual(policy.items.map((e) => e.id));
    expect((await audit(gm, `actorId=${w.userIds.rep1}&entity=policy`)).items).toEqual([]);

    // nothing from the other workspace, even by its user's id
    expect((await audit(gm, `actorId=${other.userIds.admin}`)).items).toEqual([]);
    const all = await audit(gm, 'limit=200');
    expect(all.items.some((e) => e.entityId === other.userIds.admin)).toBe(false);
  });

  it('pages newest first through a cursor without duplicates or gaps, even while new rows arrive', async () => {
    const w = await seedWorkspace(t);
    await writeProbeRows(w.workspaceId, 'paging_probe', 7);
    const gm = await w.loginAs('gm');
    const expected = (await auditRows(t, w.workspaceId, { entity: 'paging_probe' })).map((r) => r.id).reverse();
    expect(expected).toHaveLength(7);

    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await audit(gm, `entity=paging_probe&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((e) => e.id));
      pageSizes.push(page.items.length);
      cursor = page.nextCursor;
      // a row written mid-way is newer than the cursor: it must not push anything into later pages
      if (pageSizes.length === 1) await writeProbeRows(w.workspaceId, 'paging_probe', 1);
    } while (cursor);

    expect(pageSizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('ends with a null cursor when the last page is exactly full', async () => {
    const w = await seedWorkspace(t);
    await writeProbeRows(w.workspaceId, 'exact_probe', 4);
    const gm = await w.loginAs('gm');
    const first = await audit(gm, 'entity=exact_probe&limit=2');
    expect(first.items).toHaveLength(2);
    const second = await audit(gm, `entity=exact_probe&limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ['a cursor that is not one of ours', 'cursor=not-a-cursor', 'cursor'],
    ['a limit above 200', 'limit=201', 'limit'],
    ['an actor id that is not a UUID', 'actorId=42', 'actorId'],
    ['an unknown filter', 'who=me', 'who'],
  ])('refuses %s with 400 naming the field', async (_title, query, path) => {
    const gm = await t.loginAs('gm');
    const res = await gm.get(`/api/v1/audit?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it.each(['rep1', 'manager1', 'finance1'])('refuses %s reading the audit log (403)', async (username) => {
    const client = await t.loginAs(username);
    const res = await client.get('/api/v1/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});

describe('append-only audit log', () => {
  async function oneRow(workspaceId: string) {
    await writeProbeRows(workspaceId, 'tamper_probe', 1);
    const [row] = await auditRows(t, workspaceId, { entity: 'tamper_probe' });
    return row!;
  }
  async function expectRefused(statement: Promise<unknown>) {
    const error = await statement.then(() => null, (e: unknown) => e);
    expect(error, 'the database accepted the change').not.toBeNull();
    expect(sqlState(error)).toBe('42501'); // insufficient_privilege, raised by the trigger
  }

  it.each([
    ['UPDATE', (id: string) => sql`update audit_log set action = 'forged', actor_name = 'someone else' where id = ${id}`],
    ['DELETE', (id: string) => sql`delete from audit_log where id = ${id}`],
    ['TRUNCATE', () => sql`truncate audit_log`],
  ])('refuses %s through the database itself, and the row stays as written', async (_op, statement) => {
    const w = await seedWorkspace(t);
    const row = await oneRow(w.workspaceId);
    const total = await countRows(t, 'audit_log');
    await expectRefused(t.handle.db.execute(statement(row.id)));
    expect((await auditRows(t, w.workspaceId, { entity: 'tamper_probe' }))).toEqual([row]);
    expect(await countRows(t, 'audit_log')).toBe(total);
  });

  it('refuses an update through the ORM inside a transaction and rolls the whole transaction back', async () => {
    const w = await seedWorkspace(t);
    const row = await oneRow(w.workspaceId);
    await expectRefused(t.handle.db.transaction(async (tx) => {
      await appendAuditAs(tx, { workspaceId: w.workspaceId, actorId: null, actorName: 'probe' }, { entity: 'tamper_probe', action: 'cover_up' });
      await tx.update(auditLog).set({ after: { forged: true } }).where(and(eq(auditLog.workspaceId, w.workspaceId), eq(auditLog.id, row.id)));
    }));
    expect(await auditRows(t, w.workspaceId, { entity: 'tamper_probe' })).toEqual([row]);
  });

  it('writes no audit row for requests that fail validation or authorisation', async () => {
    const w = await seedWorkspace(t, { pendingPolicyChange: true });
    const admin = await w.loginAs('admin');
    const gm = await w.loginAs('gm');
    const rep1 = await w.loginAs('rep1');
    const [pending] = (await gm.get('/api/v1/approvals?status=pending&assignee=me')).json().items as { id: string }[];
    const before = await countRows(t, 'audit_log', w.workspaceId);

    const refused = await Promise.all([
      admin.patch('/api/v1/settings/policies', { version: 1, values: { 'auth.maxFailedLogins': 1000 } }),
      admin.patch('/api/v1/settings/policies', { version: 1, values: { 'auth.maxFailedLogins': 6 }, extra: 1 }),
      admin.put('/api/v1/numbering-rules/contract', { version: 1, prefix: '合同', reset: 'yearly', padding: 4 }),
      admin.post('/api/v1/webhooks', { url: 'ftp://example.com/hook', events: ['approval.requested'] }),
      admin.put('/api/v1/approval-flows/policy_change', { version: 1, steps: [] }),
      gm.post(`/api/v1/approvals/${pending!.id}/reject`, { reason: '' }),
      rep1.patch('/api/v1/settings/policies', { version: 1, values: { 'auth.maxFailedLogins': 6 } }),
    ]);
    expect(refused.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400, 400, 403]);
    expect(await countRows(t, 'audit_log', w.workspaceId)).toBe(before);
  });
});
