import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { RoleCode } from '../src/shared/contracts/org.contract.js';
import { approvals } from '../src/server/platform/approvals/approvals.schema.js';
import { countRows, seedWorkspace, type ExtraWorkspace } from './fixtures.js';
import { setupTestApp, type Client } from './harness.js';

/*
 * One test per role (domain §0): what each demo login can and cannot see or do with the platform
 * endpoints. Each test works in its own freshly seeded workspace (with the pending policy change the
 * demo ships), so a permitted change made by one role never affects another role's test.
 */
const t = await setupTestApp();

type Status = 200 | 201 | 204 | 403 | 404;
interface Probe {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  url: (w: World) => string;
  body?: (w: World) => Record<string, unknown>;
  /** expected status per role; the rest of the roles get `otherwise` */
  allowed: Partial<Record<RoleCode, Status>>;
  otherwise: Status;
}
interface World { ws: ExtraWorkspace; pendingApprovalId: string; policyVersion: number; seq: number }

const everyone = (status: Status): Partial<Record<RoleCode, Status>> => ({
  admin: status, gm: status, sales_vp: status, sales_manager: status, sales_supervisor: status, sales_rep: status,
  cs_manager: status, cs_specialist: status, finance: status, warehouse: status, receptionist: status,
});

/** an id no record has: probes of record endpoints answer 404 to whoever holds the permission */
const UNKNOWN_ID = '01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99';

const probes: Probe[] = [
  { name: 'see who they are', method: 'GET', url: () => '/api/v1/auth/me', allowed: everyone(200), otherwise: 403 },
  { name: 'list users (pickers)', method: 'GET', url: () => '/api/v1/users', allowed: everyone(200), otherwise: 403 },
  { name: 'read one user', method: 'GET', url: (w) => `/api/v1/users/${w.ws.userIds.rep1}`, allowed: everyone(200), otherwise: 403 },
  {
    name: 'create a user', method: 'POST', url: () => '/api/v1/users',
    body: (w) => ({ username: `probe${process.pid}x${w.seq}`, name: '探针', password: 'probe-pass-1', roles: ['receptionist'] }),
    allowed: { admin: 201 }, otherwise: 403,
  },
  { name: 'change a user', method: 'PATCH', url: (w) => `/api/v1/users/${w.ws.userIds.rep2}`, body: () => ({ version: 1, name: '改名' }), allowed: { admin: 200 }, otherwise: 403 },
  { name: 'see the department tree', method: 'GET', url: () => '/api/v1/departments', allowed: everyone(200), otherwise: 403 },
  { name: 'create a department', method: 'POST', url: () => '/api/v1/departments', body: () => ({ name: '探针部门' }), allowed: { admin: 201 }, otherwise: 403 },
  { name: 'see the territory tree', method: 'GET', url: () => '/api/v1/territories', allowed: everyone(200), otherwise: 403 },
  { name: 'create a territory', method: 'POST', url: () => '/api/v1/territories', body: () => ({ name: '探针区域' }), allowed: { admin: 201 }, otherwise: 403 },
  { name: 'see roles and their permissions', method: 'GET', url: () => '/api/v1/roles', allowed: { admin: 200, gm: 200 }, otherwise: 403 },
  { name: 'read the audit log', method: 'GET', url: () => '/api/v1/audit', allowed: { admin: 200, gm: 200 }, otherwise: 403 },
  { name: 'export the audit log', method: 'GET', url: () => '/api/v1/audit/export.xlsx', allowed: { admin: 200, gm: 200 }, otherwise: 403 },
  { name: 'read policies', method: 'GET', url: () => '/api/v1/settings/policies', allowed: everyone(200), otherwise: 403 },
  {
    name: 'change a policy', method: 'PATCH', url: () => '/api/v1/settings/policies',
    body: (w) => ({ version: w.policyVersion, values: { 'pool.claimsPerDay': 12 } }), allowed: { admin: 200, gm: 200 }, otherwise: 403,
  },
  { name: 'open their to-do inbox', method: 'GET', url: () => '/api/v1/approvals?status=pending&assignee=me', allowed: everyone(200), otherwise: 403 },
  {
    // data scope: the admin requested it, the GM must decide it, roles that see all records see it; the rest do not
    name: 'open the pending policy change', method: 'GET', url: (w) => `/api/v1/approvals/${w.pendingApprovalId}`,
    allowed: { admin: 200, gm: 200, sales_vp: 200, cs_manager: 200, cs_specialist: 200, finance: 200, warehouse: 200 }, otherwise: 404,
  },
  {
    // the GM is the approver; roles seeing all records are told they are not the assignee, the others do not even see it
    name: 'approve the pending policy change', method: 'POST', url: (w) => `/api/v1/approvals/${w.pendingApprovalId}/approve`, body: () => ({ comment: '同意' }),
    allowed: { gm: 200, sales_vp: 403, cs_manager: 403, cs_specialist: 403, finance: 403, warehouse: 403, admin: 403 }, otherwise: 404,
  },
  { name: 'see approval flows', method: 'GET', url: () => '/api/v1/approval-flows', allowed: everyone(200), otherwise: 403 },
  {
    name: 'change an approval flow', method: 'PUT', url: () => '/api/v1/approval-flows/policy_change',
    body: () => ({ version: 1, steps: [{ label: '总经理审批', approver: { role: 'gm' } }] }), allowed: { admin: 200 }, otherwise: 403,
  },
  { name: 'read their notifications', method: 'GET', url: () => '/api/v1/notifications', allowed: everyone(200), otherwise: 403 },
  { name: 'list webhooks', method: 'GET', url: () => '/api/v1/webhooks', allowed: { admin: 200 }, otherwise: 403 },
  {
    name: 'register a webhook', method: 'POST', url: () => '/api/v1/webhooks',
    body: () => ({ url: 'https://hooks.example.com/kairos', events: ['approval.approved'] }), allowed: { admin: 201 }, otherwise: 403,
  },
  { name: 'see numbering rules', method: 'GET', url: () => '/api/v1/numbering-rules', allowed: { admin: 200 }, otherwise: 403 },
  { name: 'list their API tokens', method: 'GET', url: () => '/api/v1/auth/tokens', allowed: everyone(200), otherwise: 403 },
  { name: 'create an API token', method: 'POST', url: () => '/api/v1/auth/tokens', body: () => ({ name: '探针令牌' }), allowed: everyone(201), otherwise: 403 },
  {
    // products (domain §8): the front desk and the administrator see no catalogue
    name: 'browse the product catalogue', method: 'GET', url: () => '/api/v1/products',
    allowed: { gm: 200, sales_vp: 200, sales_manager: 200, sales_supervisor: 200, sales_rep: 200, cs_manager: 200, cs_specialist: 200, finance: 200, warehouse: 200 }, otherwise: 403,
  },
  {
    // only the sales VP and manager create products (their first prices go for approval); finance never sets prices (§1.1)
    name: 'create a product', method: 'POST', url: () => '/api/v1/products',
    body: (w) => ({ code: `PROBE-${process.pid}-${w.seq}`, name: '探针产品', kind: 'product', unit: '台', taxRate: '13', listPrice: '100.00', floorPrice: '90.00', floatRange: '5', cost: '60.00' }),
    allowed: { sales_vp: 201, sales_manager: 201 }, otherwise: 403,
  },
  {
    name: 'browse price lists', method: 'GET', url: () => '/api/v1/price-lists',
    allowed: { gm: 200, sales_vp: 200, sales_manager: 200, sales_supervisor: 200, sales_rep: 200, finance: 200 }, otherwise: 403,
  },
  {
    // customer credit (domain §10): finance and the managers list it; warehouse, CS specialist, front desk, admin and reps do not
    name: 'list customer credit', method: 'GET', url: () => '/api/v1/credit-profiles',
    allowed: { gm: 200, sales_vp: 200, sales_manager: 200, sales_supervisor: 200, cs_manager: 200, finance: 200 }, otherwise: 403,
  },
  {
    // those who may read credit reach the (unknown) customer and get 404; the rest are refused by permission
    name: "read a customer's credit", method: 'GET', url: () => `/api/v1/customers/${UNKNOWN_ID}/credit`,
    allowed: { gm: 404, sales_vp: 404, sales_manager: 404, sales_supervisor: 404, sales_rep: 404, cs_manager: 404, finance: 404 }, otherwise: 403,
  },
  {
    // only the sales manager and finance propose credit changes (never CS, §1.1, nor a rep)
    name: 'propose a credit change', method: 'POST', url: () => `/api/v1/customers/${UNKNOWN_ID}/credit/change-requests`,
    body: () => ({ version: 0, limit: '1000.00', grade: 'B', reason: '探针' }), allowed: { sales_manager: 404, finance: 404 }, otherwise: 403,
  },
  {
    // contracts (domain §9): the sales side within its scope, the GM, the sales VP and finance read them; warehouse, CS, front desk and admin do not
    name: 'list contracts', method: 'GET', url: () => '/api/v1/contracts',
    allowed: { gm: 200, sales_vp: 200, sales_manager: 200, sales_supervisor: 200, sales_rep: 200, finance: 200 }, otherwise: 403,
  },
  {
    name: 'read a contract', method: 'GET', url: () => `/api/v1/contracts/${UNKNOWN_ID}`,
    allowed: { gm: 404, sales_vp: 404, sales_manager: 404, sales_supervisor: 404, sales_rep: 404, finance: 404 }, otherwise: 403,
  },
  {
    // only those who run deals draft contracts (the GM and VP approve them, finance never sells); the unknown customer is 404 to them
    name: 'draft a contract', method: 'POST', url: () => '/api/v1/contracts',
    body: () => ({
      customerId: UNKNOWN_ID, title: '探针合同', buyerParty: '甲方', sellerParty: '乙方', contractDate: '2026-11-01',
      lines: [{ description: '货物', unit: '批', quantity: '1', unitPrice: '100.00' }], paymentPlan: [{ kind: 'balance', dueDate: '2026-11-01', amount: '100.00' }],
    }),
    allowed: { sales_manager: 404, sales_supervisor: 404, sales_rep: 404 }, otherwise: 403,
  },
  {
    name: 'sign a contract', method: 'POST', url: () => `/api/v1/contracts/${UNKNOWN_ID}/sign`, body: () => ({ version: 1, signedOn: '2026-11-01' }),
    allowed: { sales_manager: 404, sales_supervisor: 404, sales_rep: 404 }, otherwise: 403,
  },
  {
    // receivables (domain §11): finance and the sales side within its scope; warehouse, CS, front desk and admin do not
    name: 'list receivables', method: 'GET', url: () => '/api/v1/receivables',
    allowed: { gm: 200, sales_vp: 200, sales_manager: 200, sales_supervisor: 200, sales_rep: 200, finance: 200 }, otherwise: 403,
  },
];

/** Tables a refused request must leave untouched (with the audit log). */
const watchedTables = ['users', 'departments', 'territories', 'webhooks', 'api_tokens', 'approval_flows', 'workspace_policies', 'audit_log', 'products', 'price_change_requests', 'credit_change_requests', 'contracts', 'receivables'];
async function snapshot(workspaceId: string) {
  return Object.fromEntries(await Promise.all(watchedTables.map(async (table) => [table, await countRows(t, table, workspaceId)] as const)));
}

const roleUsers: [RoleCode, string, string][] = [
  ['admin', 'admin', 'manages users, org, flows, webhooks and numbering, reads the audit log — but sees no business data and decides no approval'],
  ['gm', 'gm', 'reads the audit log and roles, changes policies and approves the pending policy change, but manages no users'],
  ['sales_vp', 'vp', 'sees everything in the workspace but administers nothing and is not the policy approver'],
  ['sales_manager', 'manager1', 'sees their department tree; no audit log, no user or org administration'],
  ['sales_supervisor', 'supervisor1', 'sees their team; no audit log, no user or org administration'],
  ['sales_rep', 'rep1', 'reads users for pickers and policies, but cannot list the audit log, create users or change policies, and sees only own records'],
  ['cs_manager', 'csm', 'reads, does not administer'],
  ['cs_specialist', 'cs1', 'reads, does not administer'],
  ['finance', 'finance1', 'reads, does not administer'],
  ['warehouse', 'warehouse1', 'reads, does not administer'],
  ['receptionist', 'reception1', 'sees only own records; reads, does not administer'],
];

const expectedScope: Record<RoleCode, string> = {
  admin: 'none', gm: 'all', sales_vp: 'all', sales_manager: 'department_tree', sales_supervisor: 'department_tree', sales_rep: 'own',
  cs_manager: 'all', cs_specialist: 'all', finance: 'all', warehouse: 'all', receptionist: 'own',
};

async function call(client: Client, probe: Probe, w: World) {
  const url = probe.url(w);
  switch (probe.method) {
    case 'GET': return client.get(url);
    case 'POST': return client.post(url, probe.body?.(w) ?? {});
    case 'PATCH': return client.patch(url, probe.body!(w));
    case 'PUT': return client.put(url, probe.body!(w));
  }
}

describe('what each role can and cannot do on the platform', () => {
  it.each(roleUsers)('%s (%s) %s', async (role, username) => {
    const ws = await seedWorkspace(t, { pendingPolicyChange: true });
    const [pending] = await t.handle.db.select({ id: approvals.id }).from(approvals)
      .where(and(eq(approvals.workspaceId, ws.workspaceId), eq(approvals.status, 'pending')));
    const client = await ws.loginAs(username);
    const policies = (await client.get('/api/v1/settings/policies')).json();
    const world: World = { ws, pendingApprovalId: pending!.id, policyVersion: policies.version, seq: 0 };

    const me = (await client.get('/api/v1/auth/me')).json();
    expect(me.user.roles).toEqual([role]);
    expect(me.dataScope).toBe(expectedScope[role]);

    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const probe of probes) {
      world.seq++;
      const status = probe.allowed[role] ?? probe.otherwise;
      const before = status >= 400 ? await snapshot(ws.workspaceId) : null;
      const res = await call(client, probe, world);
      outcomes.push(`${probe.name}: ${res.statusCode}`);
      expected.push(`${probe.name}: ${status}`);
      if (status >= 400) {
        expect(res.json().error.code, probe.name).toBe(status === 403 ? 'FORBIDDEN' : 'NOT_FOUND');
        expect(await snapshot(ws.workspaceId), `${probe.name} wrote nothing`).toEqual(before);
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('only the GM finds the pending policy change in the to-do inbox; the requesting admin sees it under "mine"', async () => {
    const ws = await seedWorkspace(t, { pendingPolicyChange: true });
    const inbox = async (username: string, query = 'status=pending&assignee=me') => (await (await ws.loginAs(username)).get(`/api/v1/approvals?${query}`)).json().items;
    expect((await inbox('gm')).map((a: { documentType: string }) => a.documentType)).toEqual(['policy_change']);
    for (const username of ['admin', 'vp', 'manager1', 'rep1', 'finance1', 'reception1']) expect(await inbox(username), username).toEqual([]);
    expect((await inbox('admin', 'requester=me')).map((a: { canDecide: boolean }) => a.canDecide)).toEqual([false]);
  });

  it('a sales rep reads the policies but cannot change them, and the value stays as it was', async () => {
    const ws = await seedWorkspace(t);
    const rep = await ws.loginAs('rep1');
    const read = await rep.get('/api/v1/settings/policies');
    expect(read.statusCode).toBe(200);
    const item = read.json().items.find((i: { key: string }) => i.key === 'pool.claimsPerDay');
    const refused = await rep.patch('/api/v1/settings/policies', { version: read.json().version, values: { 'pool.claimsPerDay': item.value + 5 } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toEqual({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
    const after = (await rep.get('/api/v1/settings/policies')).json().items.find((i: { key: string }) => i.key === 'pool.claimsPerDay');
    expect(after.value).toBe(item.value);
  });
});
