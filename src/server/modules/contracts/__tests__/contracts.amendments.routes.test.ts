import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import type { ApprovalDto } from '../../../../shared/contracts/approvals.contract.js';
import type { AmendmentDto } from '../../../../shared/contracts/contracts.contract.js';
import { approvals } from '../../../platform/approvals/approvals.schema.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';
import { receivables } from '../../receivables/receivables.schema.js';
import { contractBody, createContract, signContractThroughApi, today, type Contract } from './contracts.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const uid = (u: string) => t.demo.userIds[u]!;
const rep1 = await t.loginAs('rep1');
const rep2 = await t.loginAs('rep2');
const manager = await t.loginAs('manager1');
const vp = await t.loginAs('vp');
const gm = await t.loginAs('gm');
const finance = await t.loginAs('finance1');
const customer = await createCustomer(rep1);
const amendmentsCount = () => countRows(t, 'contract_amendments', ws);

/** The contract body's values changed: the second line at 45,000.00 (amount 105,000.00) and a 30,000 / 75,000 plan. */
const raised = (version: number, extra: Record<string, unknown> = {}) => {
  const body = contractBody(customer.id);
  return {
    version, reason: '客户追加安装调试范围',
    lines: [body.lines[0], { ...body.lines[1]!, unitPrice: '56250.00' }], // 56,250 × 0.8 = 45,000.00
    paymentPlan: [{ kind: 'prepayment', dueDate: today(), amount: '30000.00', percent: '30' }, { kind: 'balance', dueDate: '2099-12-31', amount: '75000.00' }],
    deliveryTerms: '合同签订后 45 天内交货，买方现场验收',
    ...extra,
  };
};
const oneLine = (amount: string) => ({
  lines: [{ description: '成套设备', unit: '套', quantity: '1', unitPrice: amount, discountPct: '0', taxRate: '13' }],
  paymentPlan: [{ kind: 'balance', dueDate: today(), amount }],
});

async function propose(client: Client, c: Contract, body: Record<string, unknown>): Promise<AmendmentDto> {
  const res = await client.post(`/api/v1/contracts/${c.id}/amendments`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as AmendmentDto;
}
const current = async (id: string) => (await rep1.get(`/api/v1/contracts/${id}`)).json() as Contract;
const approvalOf = async (id: string) => (await manager.get(`/api/v1/approvals/${id}`)).json() as ApprovalDto;

describe('amendments (合同变更)', () => {
  it('a proposal keeps the contract as it is until approved; then the contract, its version, revision and receivable schedule take the new values', async () => {
    const signed = await signContractThroughApi(rep1, manager, customer.id);
    const amendment = await propose(rep1, signed, raised(signed.version));
    expect(amendment).toMatchObject({ seq: 1, status: 'pending', before: { amount: '100000.00' }, after: { amount: '105000.00', deliveryTerms: '合同签订后 45 天内交货，买方现场验收' }, requestedBy: { id: uid('rep1') } });
    const waiting = await current(signed.id);
    expect(waiting).toMatchObject({ amount: '100000.00', version: signed.version, hasPendingAmendment: true, canAmend: false, amendmentCount: 0 });
    const approval = await approvalOf(amendment.approvalId!);
    expect(approval.steps.map((s) => s.assignees.map((a) => a.id))).toEqual([[uid('manager1')]]);
    expect(approval.snapshot).toMatchObject({ number: signed.number, oldAmount: '100000.00', amount: '105000.00', isMajor: false });

    expect((await rep1.post(`/api/v1/approvals/${approval.id}/approve`, {})).statusCode).toBe(403); // the requester never approves
    expect((await manager.post(`/api/v1/approvals/${approval.id}/approve`, {})).statusCode).toBe(200);
    const amended = await current(signed.id);
    expect(amended).toMatchObject({ amount: '105000.00', version: signed.version + 1, amendmentCount: 1, hasPendingAmendment: false, canAmend: true, deliveryTerms: '合同签订后 45 天内交货，买方现场验收' });
    expect(amended.lines[1]).toMatchObject({ unitPrice: '56250.00', amount: '45000.00' });
    expect(amended.receivables.map((r) => [r.kind, r.amount, r.status])).toEqual([['prepayment', '30000.00', 'open'], ['balance', '75000.00', 'open']]);
    const history = (await finance.get(`/api/v1/contracts/${signed.id}/amendments`)).json() as { items: AmendmentDto[] };
    expect(history.items.map((a) => [a.seq, a.status, a.before.amount, a.after.amount])).toEqual([[1, 'approved', '100000.00', '105000.00']]);
    expect((await auditRows(t, ws, { entity: 'contract', entityId: signed.id })).map((a) => a.action).slice(-2)).toEqual(['amendment_proposed', 'amend']);
    expect((await auditRows(t, ws, { entity: 'receivable', entityId: signed.id })).map((a) => a.action)).toEqual(['create_schedule', 'adjust_schedule']);
  });

  it('only one amendment is pending at a time (409), and a rejected one changes nothing', async () => {
    const signed = await signContractThroughApi(rep1, manager, customer.id);
    const first = await propose(rep1, signed, raised(signed.version));
    const second = await rep1.post(`/api/v1/contracts/${signed.id}/amendments`, raised(signed.version, { reason: '再改一次' }));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('已有一项变更在审批中');
    expect((await manager.post(`/api/v1/approvals/${first.approvalId}/reject`, { reason: '价格不合理' })).statusCode).toBe(200);
    const after = await current(signed.id);
    expect(after).toMatchObject({ amount: '100000.00', version: signed.version, amendmentCount: 0, canAmend: true });
    expect(after.receivables.map((r) => r.amount)).toEqual(['30000.00', '70000.00']);
    const history = (await rep1.get(`/api/v1/contracts/${signed.id}/amendments`)).json() as { items: AmendmentDto[] };
    expect(history.items).toMatchObject([{ seq: 1, status: 'rejected', decisionComment: '价格不合理' }]);
    // once decided, the next amendment may be proposed (seq 2)
    expect((await propose(rep1, signed, raised(signed.version))).seq).toBe(2);
  });

  it('two proposals at once: one is pending, the other gets 409', async () => {
    const signed = await signContractThroughApi(rep1, manager, customer.id);
    const [a, b] = await Promise.all([
      rep1.post(`/api/v1/contracts/${signed.id}/amendments`, raised(signed.version)),
      manager.post(`/api/v1/contracts/${signed.id}/amendments`, raised(signed.version, { reason: '经理提出' })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(((await rep1.get(`/api/v1/contracts/${signed.id}/amendments`)).json() as { items: unknown[] }).items).toHaveLength(1);
  });

  it('is reviewed at the larger of old and new amount: lowering a major contract still goes to the sales VP and the GM', async () => {
    const signed = await signContractThroughApi(rep1, manager, customer.id, oneLine('999999.99'));
    // the sign helper approves as the manager: a 999,999.99 contract is not major
    const lowered = await propose(rep1, signed, { version: signed.version, reason: '降价', ...oneLine('500000.00') });
    expect((await approvalOf(lowered.approvalId!)).steps).toHaveLength(1);
    await manager.post(`/api/v1/approvals/${lowered.approvalId}/reject`, { reason: '不同意' });
    const up = await propose(rep1, signed, { version: signed.version, reason: '增加数量', ...oneLine('1000000.00') });
    const approval = await approvalOf(up.approvalId!);
    expect(approval.steps.map((s) => s.assignees.map((a) => a.id))).toEqual([[uid('manager1')], [uid('vp')], [uid('gm')]]);
    await manager.post(`/api/v1/approvals/${approval.id}/approve`, {});
    await vp.post(`/api/v1/approvals/${approval.id}/approve`, {});
    expect((await current(signed.id)).amount).toBe('999999.99'); // not applied before the last step
    await gm.post(`/api/v1/approvals/${approval.id}/approve`, {});
    expect((await current(signed.id))).toMatchObject({ amount: '1000000.00', amendmentCount: 1 });
  });

  it('a plan line can not go below what was already received on it: 422 naming the line, nothing written; equal passes', async () => {
    const signed = await signContractThroughApi(rep1, manager, customer.id);
    await t.handle.db.update(receivables).set({ received: '20000.00', status: 'partial' })
      .where(and(eq(receivables.workspaceId, ws), eq(receivables.contractId, signed.id), eq(receivables.planIndex, 0)));
    const before = await amendmentsCount();
    const plan = (first: string, second: string) => [{ kind: 'prepayment', dueDate: today(), amount: first }, { kind: 'balance', dueDate: today(), amount: second }];
    const below = await rep1.post(`/api/v1/contracts/${signed.id}/amendments`, { ...raised(signed.version), paymentPlan: plan('19999.99', '85000.01') });
    expect(below.statusCode, below.body).toBe(422);
    expect(below.json().error.details[0].path).toBe('paymentPlan.0.amount');
    expect(below.json().error.message).toBe('付款计划第 1 行已收款 20000.00，变更后金额 19999.99 不能低于已收款');
    expect(await amendmentsCount()).toBe(before);
    const equal = await propose(rep1, signed, { ...raised(signed.version), paymentPlan: plan('20000.00', '85000.00') });
    // money received meanwhile: the approval is refused with the same rule and nothing changes
    await t.handle.db.update(receivables).set({ received: '25000.00' })
      .where(and(eq(receivables.workspaceId, ws), eq(receivables.contractId, signed.id), eq(receivables.planIndex, 0)));
    const refused = await manager.post(`/api/v1/approvals/${equal.approvalId}/approve`, {});
    expect(refused.statusCode).toBe(422);
    expect(await current(signed.id)).toMatchObject({ amount: '100000.00', amendmentCount: 0, hasPendingAmendment: true });
    expect((await approvalOf(equal.approvalId!)).status).toBe('pending');
  });

  it('refuses a plan that does not add up (422), a draft (422), a stale version (409), no change (422), another rep (404) and finance (403)', async () => {
    const signed = await signContractThroughApi(rep1, manager, customer.id);
    const before = await amendmentsCount();
    const mismatch = await rep1.post(`/api/v1/contracts/${signed.id}/amendments`, raised(signed.version, { paymentPlan: [{ kind: 'balance', dueDate: today(), amount: '104999.99' }] }));
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.details[0].path).toBe('paymentPlan');
    const badLine = await rep1.post(`/api/v1/contracts/${signed.id}/amendments`, raised(signed.version, { lines: [{ description: '设备', unit: '台', quantity: '0', unitPrice: '1.00', discountPct: '0', taxRate: '13' }] }));
    expect(badLine.statusCode).toBe(400);
    expect(badLine.json().error.details[0].path).toBe('lines.0.quantity');
    const draft = await createContract(rep1, customer.id);
    expect((await rep1.post(`/api/v1/contracts/${draft.id}/amendments`, raised(draft.version))).statusCode).toBe(422);
    expect((await rep1.post(`/api/v1/contracts/${signed.id}/amendments`, raised(signed.version - 1))).statusCode).toBe(409);
    const same = contractBody(customer.id);
    const noChange = await rep1.post(`/api/v1/contracts/${signed.id}/amendments`, { version: signed.version, reason: '无', lines: same.lines, paymentPlan: same.paymentPlan, deliveryTerms: same.deliveryTerms });
    expect(noChange.statusCode).toBe(422);
    expect((await rep2.post(`/api/v1/contracts/${signed.id}/amendments`, raised(signed.version))).statusCode).toBe(404);
    expect((await rep2.get(`/api/v1/contracts/${signed.id}/amendments`)).statusCode).toBe(404);
    expect((await finance.post(`/api/v1/contracts/${signed.id}/amendments`, raised(signed.version))).statusCode).toBe(403);
    expect((await rep1.post(`/api/v1/contracts/${signed.id}/amendments`, { ...raised(signed.version), reason: '' })).statusCode).toBe(400);
    expect(await amendmentsCount()).toBe(before);
  });
});

describe('copy (复制合同)', () => {
  it('makes a new draft with a new number, the same parties, lines and plan, and no approval, signing data or quote link; the copy cannot be signed', async () => {
    const signed = await signContractThroughApi(rep1, manager, customer.id);
    const res = await rep1.post(`/api/v1/contracts/${signed.id}/copy`, {});
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json() as Contract;
    expect(copy.number).not.toBe(signed.number);
    expect(copy).toMatchObject({
      status: 'draft', approvalId: null, approvals: [], signedOn: null, quoteId: null, receivables: [], copiedFromId: signed.id, amendmentCount: 0,
      amount: signed.amount, buyerParty: signed.buyerParty, sellerParty: signed.sellerParty, lines: signed.lines, paymentPlan: signed.paymentPlan, canSign: false,
    });
    const sign = await rep1.post(`/api/v1/contracts/${copy.id}/sign`, { version: copy.version, signedOn: today() });
    expect(sign.statusCode).toBe(422);
    expect(sign.json().error.message).toBe('只有审批通过的合同可以签订');
    expect((await current(signed.id))).toMatchObject({ status: 'signed', version: signed.version });
    expect((await auditRows(t, ws, { entity: 'contract', entityId: copy.id })).map((a) => a.action)).toEqual(['copy']);
    expect((await finance.post(`/api/v1/contracts/${signed.id}/copy`, {})).statusCode).toBe(403);
    expect((await rep2.post(`/api/v1/contracts/${signed.id}/copy`, {})).statusCode).toBe(404);
  });

  it('copying an approved contract copies no approval: the copy goes through review again', async () => {
    const c = await createContract(rep1, customer.id);
    const submitted = (await rep1.post(`/api/v1/contracts/${c.id}/submit`, { version: c.version })).json() as Contract;
    await manager.post(`/api/v1/approvals/${submitted.approvalId}/approve`, {});
    const copy = (await rep1.post(`/api/v1/contracts/${c.id}/copy`, {})).json() as Contract;
    expect(copy).toMatchObject({ status: 'draft', approvalId: null, canSubmit: true, canSign: false });
    const resubmitted = (await rep1.post(`/api/v1/contracts/${copy.id}/submit`, { version: copy.version })).json() as Contract;
    expect(resubmitted.approvalId).not.toBe(submitted.approvalId);
    expect(resubmitted.status).toBe('in_review');
  });
});

describe('terminate (终止)', () => {
  it('the sales manager terminates with a reason (audited); a pending amendment and its approval are cancelled; the receivables stay', async () => {
    const signed = await signContractThroughApi(rep1, manager, customer.id);
    const pending = await propose(rep1, signed, raised(signed.version));
    const receivablesBefore = await countRows(t, 'receivables', ws);
    expect((await rep1.post(`/api/v1/contracts/${signed.id}/terminate`, { version: signed.version, reason: '客户破产' })).statusCode).toBe(403);
    expect((await manager.post(`/api/v1/contracts/${signed.id}/terminate`, { version: signed.version, reason: '' })).statusCode).toBe(400);
    expect((await manager.post(`/api/v1/contracts/${signed.id}/terminate`, { version: signed.version - 1, reason: '客户破产' })).statusCode).toBe(409);
    const res = await manager.post(`/api/v1/contracts/${signed.id}/terminate`, { version: signed.version, reason: '客户破产' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'terminated', terminatedOn: today(), terminationReason: '客户破产', canAmend: false, canTerminate: false, hasPendingAmendment: false });
    expect((res.json() as Contract).receivables.map((r) => r.status)).toEqual(['open', 'open']);
    expect(await countRows(t, 'receivables', ws)).toBe(receivablesBefore);
    const history = (await rep1.get(`/api/v1/contracts/${signed.id}/amendments`)).json() as { items: AmendmentDto[] };
    expect(history.items.map((a) => a.status)).toEqual(['cancelled']);
    const [approval] = await t.handle.db.select().from(approvals).where(and(eq(approvals.workspaceId, ws), eq(approvals.id, pending.approvalId!)));
    expect(approval!.status).toBe('cancelled');
    expect((await manager.post(`/api/v1/approvals/${pending.approvalId}/approve`, {})).statusCode).toBe(409);
    const audit = await auditRows(t, ws, { entity: 'contract', entityId: signed.id, action: 'terminate' });
    expect(audit).toHaveLength(1);
    const again = await manager.post(`/api/v1/contracts/${signed.id}/terminate`, { version: (res.json() as Contract).version, reason: '重复' });
    expect(again.statusCode).toBe(422);
  });

  it('a draft cannot be terminated', async () => {
    const draft = await createContract(rep1, customer.id);
    expect((await manager.post(`/api/v1/contracts/${draft.id}/terminate`, { version: draft.version, reason: '不需要' })).statusCode).toBe(422);
  });
});

describe('approval loopholes closed (domain §17)', () => {
  it('raising a discount after approval re-opens the contract; the old approval keeps the values approved, frozen', async () => {
    const c = await createContract(rep1, customer.id);
    const submitted = (await rep1.post(`/api/v1/contracts/${c.id}/submit`, { version: c.version })).json() as Contract;
    await manager.post(`/api/v1/approvals/${submitted.approvalId}/approve`, {});
    const approved = await current(c.id);
    expect(approved.status).toBe('approved');
    const body = contractBody(customer.id);
    // discount on the service line 20 % → 40 %: 50,000 × 0.6 = 30,000, amount 90,000; plan 30,000 / 60,000
    const edited = await rep1.patch(`/api/v1/contracts/${c.id}`, {
      ...body, customerId: undefined, version: approved.version,
      lines: [body.lines[0], { ...body.lines[1]!, discountPct: '40' }],
      paymentPlan: [{ kind: 'prepayment', dueDate: today(), amount: '30000.00' }, { kind: 'balance', dueDate: '2099-12-31', amount: '60000.00' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'draft', approvalId: null, amount: '90000.00', canSign: false });
    const old = await approvalOf(submitted.approvalId!);
    expect(old.status).toBe('cancelled');
    expect(old.snapshot).toMatchObject({ amount: '100000.00' });
    expect((old.snapshot.lines as { discountPct: string }[])[1]!.discountPct).toBe('20');
    const signAttempt = await rep1.post(`/api/v1/contracts/${c.id}/sign`, { version: (edited.json() as Contract).version, signedOn: today() });
    expect(signAttempt.statusCode).toBe(422);
    const again = (await rep1.post(`/api/v1/contracts/${c.id}/submit`, { version: (edited.json() as Contract).version })).json() as Contract;
    expect((await approvalOf(again.approvalId!)).snapshot).toMatchObject({ amount: '90000.00' });
  });
});
