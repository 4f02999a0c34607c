import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedWorkspace, auditRows, type ExtraWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import { appendAudit } from '../../audit/audit.service.js';
import { contextFor } from '../../auth/context-for.js';
import type { Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import type { CommandContext } from '../../http/context.js';
import { outbox } from '../../notifications/notifications.schema.js';
import { policyChangeRequests, workspacePolicies } from '../../policies/policies.schema.js';
import { registerApprovalSubject, type ApprovalOutcome } from '../approvals.registry.js';
import { approvals, approvalSteps } from '../approvals.schema.js';
import { submitForApproval } from '../approvals.service.js';

const t = await setupTestApp({ pendingPolicyChange: true });

/*
 * A test-only document type with a two-step flow: the requester's supervisor, then the sales manager
 * from 5000.00 up. Each callback writes an audit row in the decision's transaction (so a rollback
 * takes it away too) and throws when the snapshot asks it to.
 */
const PURCHASE = 'test_purchase';
async function recordCallback(tx: Tx, ctx: CommandContext, kind: string, outcome: ApprovalOutcome) {
  await appendAudit(tx, ctx, { entity: PURCHASE, entityId: outcome.subjectId, action: `on_${kind}`, after: { approvalId: outcome.approvalId, comment: outcome.comment } });
  if (outcome.snapshot.failIn === kind) throw new Error(`callback ${kind} failed on purpose`);
}
registerApprovalSubject(PURCHASE, {
  defaultFlow: {
    name: '测试采购审批',
    steps: [
      { label: '主管审批', approver: { supervisorOf: 'requester' } },
      { label: '经理审批', approver: { role: 'sales_manager' }, when: { field: 'amount', op: 'gte', value: '5000.00' } },
    ],
  },
  onApproved: (tx, ctx, outcome) => recordCallback(tx, ctx, 'approved', outcome),
  onRejected: (tx, ctx, outcome) => recordCallback(tx, ctx, 'rejected', outcome),
  onReturned: (tx, ctx, outcome) => recordCallback(tx, ctx, 'returned', outcome),
});

const ws = t.demo.workspaceId;
const id = (username: string) => t.demo.userIds[username]!;

/** Submits a purchase as a demo user of the main workspace, the way a module does: inside its own transaction. */
async function submitPurchase(username: string, snapshot: { amount: string; failIn?: string }, subjectId = newId()) {
  const ctx = await contextFor(t.handle, ws, id(username));
  const result = await t.handle.db.transaction((tx) => submitForApproval(tx, ctx, { documentType: PURCHASE, subjectId, title: `采购申请 ${snapshot.amount}`, snapshot }));
  return { ...result, subjectId };
}

async function approvalRow(approvalId: string) {
  const [row] = await t.handle.db.select().from(approvals).where(and(eq(approvals.workspaceId, ws), eq(approvals.id, approvalId)));
  return row!;
}
async function stepRows(approvalId: string) {
  return t.handle.db.select().from(approvalSteps).where(eq(approvalSteps.approvalId, approvalId)).orderBy(approvalSteps.stepIndex);
}
async function eventsFor(approvalId: string) {
  return t.handle.db.select().from(outbox).where(sql`${outbox.payload}->>'approvalId' = ${approvalId}`).orderBy(outbox.id);
}
async function notificationFor(client: Client, approvalId: string) {
  const res = await client.get('/api/v1/notifications?limit=200');
  expect(res.statusCode).toBe(200);
  const body = res.json() as { items: { kind: string; link: string; params: Record<string, unknown>; readAt: string | null }[]; unreadCount: number };
  return { body, items: body.items.filter((n) => n.link === `/inbox/${approvalId}`) };
}

/** Money-threshold policy change requested by admin in a fresh workspace; returns the approval id. */
async function requestPolicyChange(w: ExtraWorkspace, amount: string) {
  const admin = await w.loginAs('admin');
  const current = (await admin.get('/api/v1/settings/policies')).json() as { version: number };
  const res = await admin.patch('/api/v1/settings/policies', { version: current.version, values: { 'contracts.majorAmount': amount } });
  expect(res.statusCode).toBe(202);
  return res.json().approvalId as string;
}
async function majorAmount(client: Client) {
  const body = (await client.get('/api/v1/settings/policies')).json() as { items: { key: string; value: string }[] };
  return body.items.find((i) => i.key === 'contracts.majorAmount')!.value;
}

describe('to-do inbox and detail (seeded pending policy change)', () => {
  it("lists the pending policy change in the GM's inbox, and not in rep1's", async () => {
    const gm = await t.loginAs('gm');
    const res = await gm.get('/api/v1/approvals?status=pending&assignee=me');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { documentType: string; status: string; requester: { id: string }; canDecide: boolean; title: string }[];
    const policy = items.filter((a) => a.documentType === 'policy_change');
    expect(policy).toHaveLength(1);
    expect(policy[0]).toMatchObject({ status: 'pending', requester: { id: id('admin'), name: '系统管理员' }, canDecide: true });
    expect(policy[0]!.title).toContain('重大合同金额');

    const rep1 = await t.loginAs('rep1');
    const repInbox = await rep1.get('/api/v1/approvals?status=pending&assignee=me');
    expect(repInbox.statusCode).toBe(200);
    expect(repInbox.json().items).toEqual([]);
  });

  it('shows the requester the values and steps frozen at submission, and hides the approval from an unrelated rep', async () => {
    const admin = await t.loginAs('admin');
    const mine = (await admin.get('/api/v1/approvals?requester=me&documentType=policy_change&status=pending')).json().items as { id: string }[];
    expect(mine).toHaveLength(1);
    const approvalId = mine[0]!.id;

    const gm = await t.loginAs('gm');
    const res = await gm.get(`/api/v1/approvals/${approvalId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: approvalId, documentType: 'policy_change', status: 'pending', currentStep: 0, canDecide: true, decidedAt: null,
      requester: { id: id('admin'), name: '系统管理员' },
      snapshot: { changes: { 'contracts.majorAmount': '800000.00' }, previous: { 'contracts.majorAmount': '1000000.00' } },
      steps: [{ stepIndex: 0, label: '总经理审批', assignees: [{ id: id('gm'), name: '王建国' }], status: 'pending', decidedBy: null, decidedAt: null, comment: null }],
    });
    // the requester sees it but cannot decide it
    expect((await admin.get(`/api/v1/approvals/${approvalId}`)).json().canDecide).toBe(false);
    // a rep outside the flow and outside the requester's scope does not learn it exists
    const rep1 = await t.loginAs('rep1');
    const hidden = await rep1.get(`/api/v1/approvals/${approvalId}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('NOT_FOUND');
  });
});

describe('multi-step routing (test-only subject driven through submitForApproval)', () => {
  it('routes rep1 → supervisor1 → manager1 for 5000.00, notifies each assignee in turn, and runs onApproved once at the end', async () => {
    const { approvalId, status, subjectId } = await submitPurchase('rep1', { amount: '5000.00' });
    expect(status).toBe('pending');
    const steps = await stepRows(approvalId);
    expect(steps.map((s) => [s.label, s.assigneeIds, s.status])).toEqual([
      ['主管审批', [id('supervisor1')], 'pending'],
      ['经理审批', [id('manager1')], 'waiting'],
    ]);
    const submitted = await auditRows(t, ws, { entity: 'approval', entityId: approvalId, action: 'submit' });
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ actorId: id('rep1'), after: { documentType: PURCHASE, subjectId, snapshot: { amount: '5000.00' } } });

    await t.dispatch();
    const supervisor = await t.loginAs('supervisor1');
    const manager = await t.loginAs('manager1');
    expect((await notificationFor(supervisor, approvalId)).items.map((n) => n.kind)).toEqual(['approval_requested']);
    expect((await notificationFor(manager, approvalId)).items).toEqual([]);
    const managerInboxBefore = (await manager.get('/api/v1/approvals?status=pending&assignee=me')).json().items as { id: string }[];
    expect(managerInboxBefore.map((a) => a.id)).not.toContain(approvalId);

    const first = await supervisor.post(`/api/v1/approvals/${approvalId}/approve`, { comment: '同意' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'pending', currentStep: 1, steps: [{ status: 'approved', decidedBy: { id: id('supervisor1') }, comment: '同意' }, { status: 'pending' }] });
    expect(await auditRows(t, ws, { entity: PURCHASE, entityId: subjectId })).toEqual([]); // not approved yet

    await t.dispatch();
    expect((await notificationFor(manager, approvalId)).items.map((n) => n.kind)).toEqual(['approval_requested']);
    const managerInbox = (await manager.get('/api/v1/approvals?status=pending&assignee=me')).json().items as { id: string }[];
    expect(managerInbox.map((a) => a.id)).toContain(approvalId);

    const second = await manager.post(`/api/v1/approvals/${approvalId}/approve`, {});
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: 'approved', steps: [{ status: 'approved' }, { status: 'approved', decidedBy: { id: id('manager1') } }] });
    expect(second.json().decidedAt).not.toBeNull();
    expect((await auditRows(t, ws, { entity: PURCHASE, entityId: subjectId })).map((r) => r.action)).toEqual(['on_approved']);
    const decisions = await auditRows(t, ws, { entity: 'approval', entityId: approvalId, action: 'approve' });
    expect(decisions.map((r) => r.actorId)).toEqual([id('supervisor1'), id('manager1')]);

    await t.dispatch();
    const rep1 = await t.loginAs('rep1');
    const toRequester = await notificationFor(rep1, approvalId);
    expect(toRequester.items.map((n) => n.kind)).toEqual(['approval_approved']);
    expect(toRequester.items[0]!.params).toMatchObject({ by: '张伟' });
  });

  it('skips the manager step for 4999.99: the supervisor alone approves', async () => {
    const { approvalId, subjectId } = await submitPurchase('rep1', { amount: '4999.99' });
    const steps = await stepRows(approvalId);
    expect(steps.map((s) => s.assigneeIds)).toEqual([[id('supervisor1')]]);
    const supervisor = await t.loginAs('supervisor1');
    const res = await supervisor.post(`/api/v1/approvals/${approvalId}/approve`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('approved');
    expect((await auditRows(t, ws, { entity: PURCHASE, entityId: subjectId })).map((r) => r.action)).toEqual(['on_approved']);
  });

  it('sends a rep of 销售二部 (no manager) straight to the sales manager', async () => {
    const { approvalId } = await submitPurchase('rep3', { amount: '100.00' });
    expect((await stepRows(approvalId)).map((s) => s.assigneeIds)).toEqual([[id('manager1')]]);
  });

  it('refuses a second submission of the same document while it is in approval, and writes nothing', async () => {
    const { subjectId } = await submitPurchase('rep1', { amount: '10.00' });
    const before = await t.handle.db.select().from(approvals).where(eq(approvals.subjectId, subjectId));
    await expect(submitPurchase('rep1', { amount: '20.00' }, subjectId)).rejects.toMatchObject({ code: 'RULE_VIOLATION', messageKey: 'errors.documentInApproval' });
    expect(await t.handle.db.select().from(approvals).where(eq(approvals.subjectId, subjectId))).toEqual(before);
  });

  it('rejects with a reason: the approval closes, later steps are cancelled, onRejected runs and the requester is told why', async () => {
    const { approvalId, subjectId } = await submitPurchase('rep1', { amount: '8000.00' });
    const supervisor = await t.loginAs('supervisor1');
    const res = await supervisor.post(`/api/v1/approvals/${approvalId}/reject`, { reason: '预算不足' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', steps: [{ status: 'rejected', comment: '预算不足' }, { status: 'cancelled' }] });
    expect((await auditRows(t, ws, { entity: PURCHASE, entityId: subjectId })).map((r) => r.action)).toEqual(['on_rejected']);
    const decision = await auditRows(t, ws, { entity: 'approval', entityId: approvalId, action: 'reject' });
    expect(decision).toHaveLength(1);
    expect(decision[0]).toMatchObject({ actorId: id('supervisor1'), before: { status: 'pending' }, after: { status: 'rejected', comment: '预算不足' } });

    await t.dispatch();
    const rep1 = await t.loginAs('rep1');
    const told = await notificationFor(rep1, approvalId);
    expect(told.items.map((n) => n.kind)).toEqual(['approval_rejected']);
    expect(told.items[0]!.params).toMatchObject({ comment: '预算不足', by: '刘洋' });
    // the manager step never opened, so the manager was never asked
    expect((await notificationFor(await t.loginAs('manager1'), approvalId)).items).toEqual([]);
  });

  it('returns for change with a reason: onReturned runs and the document can be submitted again', async () => {
    const { approvalId, subjectId } = await submitPurchase('rep1', { amount: '300.00' });
    const supervisor = await t.loginAs('supervisor1');
    const res = await supervisor.post(`/api/v1/approvals/${approvalId}/return`, { reason: '请补充报价单' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', steps: [{ status: 'returned', comment: '请补充报价单' }] });
    expect((await auditRows(t, ws, { entity: PURCHASE, entityId: subjectId })).map((r) => r.action)).toEqual(['on_returned']);
    await t.dispatch();
    expect((await notificationFor(await t.loginAs('rep1'), approvalId)).items.map((n) => n.kind)).toEqual(['approval_returned']);
    const again = await submitPurchase('rep1', { amount: '320.00' }, subjectId);
    expect(again.status).toBe('pending');
    expect(again.approvalId).not.toBe(approvalId);
  });

  it.each([
    ['reject', {}],
    ['reject', { reason: '   ' }],
    ['return', {}],
  ])('refuses to %s without a reason (400 naming reason) and changes nothing', async (action, body) => {
    const { approvalId } = await submitPurchase('rep1', { amount: '50.00' });
    const before = await approvalRow(approvalId);
    const supervisor = await t.loginAs('supervisor1');
    const res = await supervisor.post(`/api/v1/approvals/${approvalId}/${action}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['reason']);
    expect(await approvalRow(approvalId)).toEqual(before);
    expect((await stepRows(approvalId))[0]!.status).toBe('pending');
    expect(await auditRows(t, ws, { entity: 'approval', entityId: approvalId, action })).toEqual([]);
  });

  it('refuses the requester approving their own document (403 SEGREGATION_OF_DUTIES) and changes nothing', async () => {
    const { approvalId } = await submitPurchase('rep1', { amount: '60.00' });
    const rep1 = await t.loginAs('rep1');
    const res = await rep1.post(`/api/v1/approvals/${approvalId}/approve`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SEGREGATION_OF_DUTIES');
    expect((await approvalRow(approvalId)).status).toBe('pending');
    expect(await auditRows(t, ws, { entity: 'approval', entityId: approvalId, action: 'approve' })).toEqual([]);
  });

  it('refuses a manager who can see the approval but is not on the current step (403), and hides it from another rep (404)', async () => {
    const { approvalId } = await submitPurchase('rep1', { amount: '6000.00' });
    const manager = await t.loginAs('manager1');
    const early = await manager.post(`/api/v1/approvals/${approvalId}/approve`, {});
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('FORBIDDEN');
    const rep2 = await t.loginAs('rep2');
    const outsider = await rep2.post(`/api/v1/approvals/${approvalId}/approve`, {});
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().error.code).toBe('NOT_FOUND');
    expect((await stepRows(approvalId)).map((s) => s.status)).toEqual(['pending', 'waiting']);
    expect(await auditRows(t, ws, { entity: 'approval', entityId: approvalId, action: 'approve' })).toEqual([]);
  });

  it('refuses a second decision on a closed approval (409) and keeps the first one', async () => {
    const { approvalId } = await submitPurchase('rep1', { amount: '70.00' });
    const supervisor = await t.loginAs('supervisor1');
    expect((await supervisor.post(`/api/v1/approvals/${approvalId}/approve`, {})).statusCode).toBe(200);
    for (const [action, body] of [['approve', {}], ['reject', { reason: '改主意了' }], ['return', { reason: '再看看' }]] as const) {
      const res = await supervisor.post(`/api/v1/approvals/${approvalId}/${action}`, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CONFLICT');
    }
    expect((await approvalRow(approvalId)).status).toBe('approved');
    expect((await stepRows(approvalId))[0]).toMatchObject({ status: 'approved', comment: null });
    expect((await auditRows(t, ws, { entity: 'approval', entityId: approvalId })).map((r) => r.action)).toEqual(['submit', 'approve']);
  });

  it('rolls the whole decision back when the onApproved callback fails: still pending, no audit, no event', async () => {
    const { approvalId, subjectId } = await submitPurchase('rep1', { amount: '80.00', failIn: 'approved' });
    const eventsBefore = await eventsFor(approvalId);
    const supervisor = await t.loginAs('supervisor1');
    const res = await supervisor.post(`/api/v1/approvals/${approvalId}/approve`, { comment: '同意' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.body).not.toContain('on purpose');

    expect(await approvalRow(approvalId)).toMatchObject({ status: 'pending', version: 1, decidedAt: null });
    expect((await stepRows(approvalId))[0]).toMatchObject({ status: 'pending', decidedBy: null, comment: null });
    expect(await auditRows(t, ws, { entity: PURCHASE, entityId: subjectId })).toEqual([]);
    expect((await auditRows(t, ws, { entity: 'approval', entityId: approvalId })).map((r) => r.action)).toEqual(['submit']);
    expect(await eventsFor(approvalId)).toEqual(eventsBefore);
    // the step is still open: the supervisor still has it in the inbox
    const inbox = (await supervisor.get('/api/v1/approvals?status=pending&assignee=me')).json().items as { id: string }[];
    expect(inbox.map((a) => a.id)).toContain(approvalId);
  });
});

describe('policy change approval (each test in its own workspace)', () => {
  it('notifies the GM of a pending change after dispatch, with an unread count that drops when read', async () => {
    const w = await seedWorkspace(t, { pendingPolicyChange: true });
    const gm = await w.loginAs('gm');
    const before = (await gm.get('/api/v1/notifications')).json();
    expect(before).toMatchObject({ items: [], unreadCount: 0 }); // nothing until the outbox is dispatched

    await t.dispatch();
    const res = await gm.get('/api/v1/notifications');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { id: string; kind: string; link: string; params: Record<string, unknown>; readAt: string | null }[]; unreadCount: number };
    expect(body.unreadCount).toBe(1);
    expect(body.items).toHaveLength(1);
    const [approval] = (await gm.get('/api/v1/approvals?status=pending&assignee=me')).json().items as { id: string }[];
    expect(body.items[0]).toMatchObject({ kind: 'approval_requested', link: `/inbox/${approval!.id}`, readAt: null, params: { requester: '系统管理员' } });
    expect(String(body.items[0]!.params.title)).toContain('重大合同金额');

    // dispatching again does not notify twice
    await t.dispatch();
    expect((await gm.get('/api/v1/notifications')).json().items).toHaveLength(1);

    // someone else cannot mark the GM's notification read
    const vp = await w.loginAs('vp');
    const foreign = await vp.post(`/api/v1/notifications/${body.items[0]!.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect((await gm.get('/api/v1/notifications')).json().unreadCount).toBe(1);

    expect((await gm.post(`/api/v1/notifications/${body.items[0]!.id}/read`)).statusCode).toBe(204);
    const after = (await gm.get('/api/v1/notifications')).json();
    expect(after.unreadCount).toBe(0);
    expect(after.items[0].readAt).not.toBeNull();
    // nobody else in the workspace was notified
    expect((await vp.get('/api/v1/notifications')).json().items).toEqual([]);
  });

  it('applies the change when the GM approves, notifies the requester, and audits submit, decision and policy update', async () => {
    const w = await seedWorkspace(t);
    const approvalId = await requestPolicyChange(w, '750000.00');
    const gm = await w.loginAs('gm');
    expect(await majorAmount(gm)).toBe('1000000.00');

    const res = await gm.post(`/api/v1/approvals/${approvalId}/approve`, { comment: '同意调整' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', steps: [{ status: 'approved', decidedBy: { id: w.userIds.gm }, comment: '同意调整' }] });
    expect(await majorAmount(gm)).toBe('750000.00');

    const approvalAudit = await auditRows(t, w.workspaceId, { entity: 'approval', entityId: approvalId });
    expect(approvalAudit.map((r) => [r.action, r.actorId])).toEqual([['submit', w.userIds.admin], ['approve', w.userIds.gm]]);
    const policyAudit = await auditRows(t, w.workspaceId, { entity: 'policy', action: 'update' });
    expect(policyAudit).toHaveLength(1);
    expect(policyAudit[0]).toMatchObject({ actorId: w.userIds.gm, before: { 'contracts.majorAmount': '1000000.00' }, after: { 'contracts.majorAmount': '750000.00' } });

    await t.dispatch();
    const admin = await w.loginAs('admin');
    const notes = (await admin.get('/api/v1/notifications')).json();
    expect(notes.unreadCount).toBe(1);
    expect(notes.items[0]).toMatchObject({ kind: 'approval_approved', link: `/inbox/${approvalId}`, params: { by: '王建国', comment: '同意调整' } });
  });

  it('lets two simultaneous approvals of one step produce exactly one effect; the other gets 409', async () => {
    const w = await seedWorkspace(t);
    const gmA = await w.loginAs('gm');
    const gmB = await w.loginAs('gm'); // two sessions, as if two browser tabs
    const amounts = ['700000.00', '710000.00', '720000.00', '730000.00', '740000.00'];
    for (const [round, amount] of amounts.entries()) {
      const approvalId = await requestPolicyChange(w, amount);
      const results = await Promise.all([
        gmA.post(`/api/v1/approvals/${approvalId}/approve`, {}),
        gmB.post(`/api/v1/approvals/${approvalId}/approve`, {}),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('CONFLICT');
      expect(await majorAmount(gmA)).toBe(amount);
      expect(await auditRows(t, w.workspaceId, { entity: 'approval', entityId: approvalId, action: 'approve' })).toHaveLength(1);
      expect(await auditRows(t, w.workspaceId, { entity: 'policy', action: 'update' })).toHaveLength(round + 1);
      const [stored] = await t.handle.db.select().from(workspacePolicies).where(eq(workspacePolicies.workspaceId, w.workspaceId));
      expect(stored!.version).toBe(round + 2); // applied exactly once per round
      expect((await eventsFor(approvalId)).map((e) => e.topic)).toEqual(['approval.requested', 'approval.approved']);
    }
  });

  it('lets an approval and a rejection racing on one step produce exactly one outcome', async () => {
    const w = await seedWorkspace(t);
    const gmA = await w.loginAs('gm');
    const gmB = await w.loginAs('gm');
    const approvalId = await requestPolicyChange(w, '650000.00');
    const [approve, reject] = await Promise.all([
      gmA.post(`/api/v1/approvals/${approvalId}/approve`, {}),
      gmB.post(`/api/v1/approvals/${approvalId}/reject`, { reason: '不同意' }),
    ]);
    expect([approve.statusCode, reject.statusCode].sort()).toEqual([200, 409]);
    const approved = approve.statusCode === 200;
    const decisions = await auditRows(t, w.workspaceId, { entity: 'approval', entityId: approvalId });
    expect(decisions.map((r) => r.action)).toEqual(['submit', approved ? 'approve' : 'reject']);
    expect(await majorAmount(gmA)).toBe(approved ? '650000.00' : '1000000.00');
    const [request] = await t.handle.db.select().from(policyChangeRequests).where(eq(policyChangeRequests.approvalId, approvalId));
    expect(request!.status).toBe(approved ? 'approved' : 'rejected');
  });

  it('keeps the frozen steps of a pending approval when admin edits the flow; only new submissions follow the new flow', async () => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const gm = await w.loginAs('gm');
    const vp = await w.loginAs('vp');
    const oldApproval = await requestPolicyChange(w, '900000.00');
    const frozen = (await gm.get(`/api/v1/approvals/${oldApproval}`)).json();

    const flows = (await admin.get('/api/v1/approval-flows')).json().items as { documentType: string; version: number; steps: unknown[] }[];
    const policyFlow = flows.find((f) => f.documentType === 'policy_change')!;
    expect(policyFlow.steps).toEqual([{ label: '总经理审批', approver: { role: 'gm' } }]);
    const newSteps = [{ label: '副总审批', approver: { role: 'sales_vp' } }];
    const edited = await admin.put('/api/v1/approval-flows/policy_change', { version: policyFlow.version, steps: newSteps });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ documentType: 'policy_change', steps: newSteps, version: policyFlow.version + 1 });
    const flowAudit = await auditRows(t, w.workspaceId, { entity: 'approval_flow', entityId: 'policy_change' });
    expect(flowAudit).toHaveLength(1);
    expect(flowAudit[0]).toMatchObject({ actorId: w.userIds.admin, action: 'update', after: newSteps });

    // a stale edit is refused and changes nothing
    const stale = await admin.put('/api/v1/approval-flows/policy_change', { version: policyFlow.version, steps: [{ label: 'x', approver: { role: 'finance' } }] });
    expect(stale.statusCode).toBe(409);
    // only admins edit flows
    expect((await gm.put('/api/v1/approval-flows/policy_change', { version: policyFlow.version + 1, steps: newSteps })).statusCode).toBe(403);

    // the old approval still waits on the GM, exactly as frozen
    expect((await gm.get(`/api/v1/approvals/${oldApproval}`)).json()).toEqual(frozen);
    expect(((await vp.get('/api/v1/approvals?status=pending&assignee=me')).json().items as unknown[])).toEqual([]);
    expect((await gm.post(`/api/v1/approvals/${oldApproval}/approve`, {})).statusCode).toBe(200);
    expect(await majorAmount(gm)).toBe('900000.00');

    // the next submission goes to the VP
    const newApproval = await requestPolicyChange(w, '950000.00');
    const fresh = (await vp.get(`/api/v1/approvals/${newApproval}`)).json();
    expect(fresh.steps).toMatchObject([{ label: '副总审批', assignees: [{ id: w.userIds.vp }], status: 'pending' }]);
    expect(((await gm.get('/api/v1/approvals?status=pending&assignee=me')).json().items as unknown[])).toEqual([]);
    expect((await gm.post(`/api/v1/approvals/${newApproval}/approve`, {})).statusCode).toBe(403);
  });
});
