import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { initiationReports, opportunities } from '../opportunities.schema.js';
import { approvalsOf, createOpportunity, reportBody, stagesByCode } from './opportunity-documents.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const uid = (u: string) => t.demo.userIds[u]!;
const rep1 = await t.loginAs('rep1');
const rep2 = await t.loginAs('rep2');
const supervisor = await t.loginAs('supervisor1');
const manager = await t.loginAs('manager1');
const gm = await t.loginAs('gm');
const finance = await t.loginAs('finance1');

const url = (id: string) => `/api/v1/opportunities/${id}/initiation-report`;

describe('initiation report (立项报告): write, submit, approve', () => {
  it('a rep writes the report, submits it, the supervisor and then the sales manager approve it, and the move past 立项 is allowed', async () => {
    const opp = await createOpportunity(t, rep1, ws);
    expect((await rep1.get(url(opp.id))).json()).toBeNull();

    const created = await rep1.put(url(opp.id), reportBody());
    expect(created.statusCode, created.body).toBe(201);
    const report = created.json();
    expect(report).toMatchObject({ status: 'draft', projectNumber: opp.number, expectedContractAmount: '800000.00', estimatedGrossMarginPct: '28.50', version: 1, canEdit: true, approvalId: null });

    const edited = await rep1.put(url(opp.id), reportBody({ version: 1, salesExpenseBudget: '35000.00' }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ salesExpenseBudget: '35000.00', version: 2, status: 'draft' });

    // with the key node ticked, the gate still refuses the move while the report is not approved
    const { stage } = await stagesByCode(t, ws, 'big_account');
    const ticked = await rep1.post(`/api/v1/opportunities/${opp.id}/key-nodes/${stage.initiation}`, { version: opp.version, done: true });
    expect(ticked.statusCode, ticked.body).toBe(200);
    const early = await rep1.post(`/api/v1/opportunities/${opp.id}/move`, { version: ticked.json().version, toStageId: stage.proposal }, { 'accept-language': 'en-US' });
    expect(early.statusCode, early.body).toBe(422);
    expect(early.json().error.message).toContain('initiation report must be approved');

    const submitted = await rep1.post(`${url(opp.id)}/submit`, { version: 2 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'pending', canEdit: false });
    const approvalId = submitted.json().approvalId as string;

    const [approval] = await approvalsOf(t, ws, 'initiation_report', opp.id);
    expect(approval!.id).toBe(approvalId);
    expect(approval!.steps.map((s) => s.assigneeIds)).toEqual([[uid('supervisor1')], [uid('manager1')]]); // below the GM threshold: no GM step
    expect(approval!.snapshot).toMatchObject({ projectNumber: opp.number, expectedContractAmount: '800000.00', needsGmApproval: false, gmThreshold: '1000000.00' });

    // in approval the report cannot be changed
    const locked = await rep1.put(url(opp.id), reportBody({ version: 3 }));
    expect(locked.statusCode).toBe(422);
    expect(locked.json().error.code).toBe('RULE_VIOLATION');

    // the requester cannot decide; the manager is not on the first step yet
    expect((await rep1.post(`/api/v1/approvals/${approvalId}/approve`, {})).statusCode).toBe(403);
    expect((await manager.post(`/api/v1/approvals/${approvalId}/approve`, {})).statusCode).toBe(403);
    expect((await supervisor.post(`/api/v1/approvals/${approvalId}/approve`, { comment: '同意立项' })).statusCode).toBe(200);
    expect((await rep1.get(url(opp.id))).json().status).toBe('pending');
    const inbox = (await manager.get('/api/v1/approvals?status=pending&assignee=me')).json().items as { id: string }[];
    expect(inbox.map((a) => a.id)).toContain(approvalId);
    expect((await manager.post(`/api/v1/approvals/${approvalId}/approve`, {})).statusCode).toBe(200);

    const approved = (await rep1.get(url(opp.id))).json();
    expect(approved).toMatchObject({ status: 'approved', canEdit: false });
    expect(approved.decidedAt).not.toBeNull();
    expect((await rep1.put(url(opp.id), reportBody({ version: approved.version }))).json().error.code).toBe('RULE_VIOLATION');

    const audit = await auditRows(t, ws, { entity: 'initiation_report', entityId: report.id });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'submit', 'approve']);

    const moved = await rep1.post(`/api/v1/opportunities/${opp.id}/move`, { version: ticked.json().version, toStageId: stage.proposal });
    expect(moved.statusCode, moved.body).toBe(200);
    // past 立项 the report is history
    const late = await rep1.put(url(opp.id), reportBody({ version: approved.version }));
    expect(late.statusCode).toBe(422);
  });

  it('from the policy threshold up (1,000,000.00 inclusive) the GM approves last', async () => {
    const opp = await createOpportunity(t, rep1, ws);
    await rep1.put(url(opp.id), reportBody({ expectedContractAmount: '1000000.00' }));
    const submitted = await rep1.post(`${url(opp.id)}/submit`, { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const [approval] = await approvalsOf(t, ws, 'initiation_report', opp.id);
    expect(approval!.steps.map((s) => s.assigneeIds)).toEqual([[uid('supervisor1')], [uid('manager1')], [uid('gm')]]);
    expect(approval!.snapshot).toMatchObject({ needsGmApproval: true });
  });

  it.each([['reject', 'rejected'], ['return', 'returned']] as const)('after %s the rep edits the report and submits it again: a second approval', async (decision, status) => {
    const opp = await createOpportunity(t, rep1, ws);
    await rep1.put(url(opp.id), reportBody());
    const first = (await rep1.post(`${url(opp.id)}/submit`, { version: 1 })).json();
    const decided = await supervisor.post(`/api/v1/approvals/${first.approvalId}/${decision}`, { reason: '毛利率测算依据不足' });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = (await rep1.get(url(opp.id))).json();
    expect(after).toMatchObject({ status, canEdit: true });

    const edited = await rep1.put(url(opp.id), reportBody({ version: after.version, estimatedGrossMarginPct: '31.00' }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().status).toBe('draft');
    const again = await rep1.post(`${url(opp.id)}/submit`, { version: edited.json().version });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().approvalId).not.toBe(first.approvalId);
    const all = await approvalsOf(t, ws, 'initiation_report', opp.id);
    expect(all.map((a) => a.status)).toEqual([status, 'pending']);
    expect(all[1]!.snapshot).toMatchObject({ estimatedGrossMarginPct: '31.00' });
  });

  it('two simultaneous submits of one version start one approval; the other gets 409', async () => {
    const opp = await createOpportunity(t, rep1, ws);
    await rep1.put(url(opp.id), reportBody());
    const results = await Promise.all([rep1.post(`${url(opp.id)}/submit`, { version: 1 }), rep1.post(`${url(opp.id)}/submit`, { version: 1 })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await approvalsOf(t, ws, 'initiation_report', opp.id)).toHaveLength(1);
  });

  it('a stale version on update gets 409 and changes nothing; an update without version names the field', async () => {
    const opp = await createOpportunity(t, rep1, ws);
    await rep1.put(url(opp.id), reportBody());
    await rep1.put(url(opp.id), reportBody({ version: 1, projectName: '第二版' }));
    const stale = await rep1.put(url(opp.id), reportBody({ version: 1, projectName: '迟到的修改' }));
    expect(stale.statusCode).toBe(409);
    const missing = await rep1.put(url(opp.id), reportBody({ projectName: '没有版本号' }), { 'accept-language': 'en-US' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toEqual(['version']);
    expect((await rep1.get(url(opp.id))).json()).toMatchObject({ projectName: '第二版', version: 2 });
  });
});

describe('who may see and write the report', () => {
  it('another rep gets 404 for my opportunity’s report (read, write, submit); my supervisor reads it; finance may not', async () => {
    const opp = await createOpportunity(t, rep1, ws);
    await rep1.put(url(opp.id), reportBody());
    for (const res of [await rep2.get(url(opp.id)), await rep2.put(url(opp.id), reportBody({ version: 1 })), await rep2.post(`${url(opp.id)}/submit`, { version: 1 })]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await supervisor.get(url(opp.id))).json().projectNumber).toBe(opp.number);
    expect((await gm.get(url(opp.id))).json()).toMatchObject({ canEdit: false }); // the GM reads but runs no deals
    expect((await gm.put(url(opp.id), reportBody({ version: 1 }))).statusCode).toBe(403);
    expect((await finance.get(url(opp.id))).statusCode).toBe(403);
    expect((await t.anonymous.get(url(opp.id))).statusCode).toBe(401);
    expect((await rep1.get(url(opp.id))).json().version).toBe(1);
  });

  it('a write collaborator may write the report; a read collaborator only reads it', async () => {
    const opp = await createOpportunity(t, rep1, ws);
    const share = await rep1.post(`/api/v1/opportunities/${opp.id}/collaborators`, { userId: uid('rep2'), access: 'read' });
    expect(share.statusCode, share.body).toBeLessThan(300);
    expect((await rep2.get(url(opp.id))).json()).toBeNull();
    expect((await rep2.put(url(opp.id), reportBody())).statusCode).toBe(403);
    await rep1.post(`/api/v1/opportunities/${opp.id}/collaborators`, { userId: uid('rep2'), access: 'write' });
    expect((await rep2.put(url(opp.id), reportBody())).statusCode).toBe(201);
  });
});

describe('bad input and the wrong stage', () => {
  it.each([
    ['expectedContractAmount', { expectedContractAmount: '12.345' }],
    ['expectedContractAmount', { expectedContractAmount: '-1.00' }],
    ['estimatedGrossMarginPct', { estimatedGrossMarginPct: '100.01' }],
    ['expectedSigningDate', { expectedSigningDate: addDays(todayIn('Asia/Shanghai'), -1) }],
    ['expectedSigningDate', { expectedSigningDate: '2026-02-30' }],
    ['projectName', { projectName: '   ' }],
    ['customerLead', { customerLead: undefined }],
    ['projectNumber', { projectNumber: 'XM-HACK' }],
  ])('%s: %o → 400 naming the field in zh-CN and en-US, nothing written', async (path, change) => {
    const opp = await createOpportunity(t, rep1, ws);
    const before = await countRows(t, 'initiation_reports', ws);
    const zh = await rep1.put(url(opp.id), reportBody(change));
    const en = await rep1.put(url(opp.id), reportBody(change), { 'accept-language': 'en-US' });
    for (const res of [zh, en]) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(zh.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(en.json().error.message).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await countRows(t, 'initiation_reports', ws)).toBe(before);
  });

  it('a standard-sale opportunity has no initiation report; a closed one cannot get one', async () => {
    const standard = await createOpportunity(t, rep1, ws, { template: 'standard', stage: 'preparation' });
    const res = await rep1.put(url(standard.id), reportBody(), { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('no stage that requires the initiation report');

    const opp = await createOpportunity(t, rep1, ws);
    await t.handle.db.update(opportunities).set({ status: 'lost' }).where(and(eq(opportunities.workspaceId, ws), eq(opportunities.id, opp.id)));
    expect((await rep1.put(url(opp.id), reportBody())).statusCode).toBe(422);
    expect(await t.handle.db.select().from(initiationReports).where(eq(initiationReports.opportunityId, opp.id))).toHaveLength(0);
  });

  it('submitting a report that does not exist is refused with a message; an unknown opportunity is 404', async () => {
    const opp = await createOpportunity(t, rep1, ws);
    const res = await rep1.post(`${url(opp.id)}/submit`, { version: 1 }, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('Save the initiation report before submitting it');
    expect((await rep1.get(url('01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99'))).statusCode).toBe(404);
  });
});
