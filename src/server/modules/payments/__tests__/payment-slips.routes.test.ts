import { describe, expect, it } from 'vitest';
import { auditRows } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import type { PaymentSlipDto } from '../../../../shared/contracts/payments.contract.js';
import type { ReceivableDto } from '../../../../shared/contracts/receivables.contract.js';
import { addDays } from '../../../../shared/dates.js';
import { signContractThroughApi } from '../../contracts/__tests__/contracts.fixtures.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';
import { today } from '../../shipments/__tests__/shipments.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const pathOf = (res: { json(): unknown }) => (res.json() as { error: { details?: { path: string }[] } }).error.details?.[0]?.path;

async function contractWithPrepayment() {
  const [rep1, manager1] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1')]);
  const customer = await createCustomer(rep1);
  const contract = await signContractThroughApi(rep1, manager1, customer.id, {
    paymentPlan: [
      { kind: 'prepayment', dueDate: today(), amount: '30000.00', percent: '30' },
      { kind: 'balance', dueDate: addDays(today(), 30), amount: '70000.00', percent: '70' },
    ],
  });
  const lines = ((await rep1.get(`/api/v1/receivables?contractId=${contract.id}`)).json() as { items: ReceivableDto[] }).items;
  return { rep1, manager1, customer, contract, prepayment: lines.find((l) => l.kind === 'prepayment')!, balance: lines.find((l) => l.kind === 'balance')! };
}

describe('payment slips (缴款单): rep files → sales manager approves → finance records', () => {
  it('walks the whole flow: the prepayment line ends paid, the slip recorded with its payment, each step audited', async () => {
    const { rep1, manager1, prepayment } = await contractWithPrepayment();
    const filed = await rep1.post('/api/v1/payment-slips', { receivableId: prepayment.id, amount: '30000.00', receivedOn: today(), reference: 'HD-SLIP-1' });
    expect(filed.statusCode, filed.body).toBe(201);
    const slip = filed.json() as PaymentSlipDto;
    expect(slip).toMatchObject({ status: 'in_review', amount: '30000.00', contract: { number: prepayment.contract.number } });
    expect(slip.approvalId).not.toBeNull();

    const finance = await t.loginAs('finance1');
    // not approved yet: finance cannot record it
    const early = await finance.post(`/api/v1/payment-slips/${slip.id}/record`, { version: slip.version });
    expect(early.statusCode).toBe(422);
    expect((early.json() as { error: { message: string } }).error.message).toContain('尚未经销售经理核准');

    const approved = await manager1.post(`/api/v1/approvals/${slip.approvalId}/approve`, { comment: '预付款已到账' });
    expect(approved.statusCode, approved.body).toBe(200);
    const afterApproval = (await finance.get(`/api/v1/payment-slips/${slip.id}`)).json() as PaymentSlipDto;
    expect(afterApproval.status).toBe('approved');

    const recorded = await finance.post(`/api/v1/payment-slips/${slip.id}/record`, { version: afterApproval.version });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const done = recorded.json() as PaymentSlipDto;
    expect(done.status).toBe('recorded');
    expect(done.paymentId).not.toBeNull();
    const line = ((await finance.get(`/api/v1/receivables?contractId=${prepayment.contract.id}`)).json() as { items: ReceivableDto[] }).items.find((l) => l.id === prepayment.id)!;
    expect(line).toMatchObject({ received: '30000.00', status: 'paid', paidOn: today() });
    expect(await auditRows(t, ws, { entity: 'payment_slip', entityId: slip.id })).toHaveLength(3); // file, approve, record

    // recorded once only
    const again = await finance.post(`/api/v1/payment-slips/${slip.id}/record`, { version: done.version });
    expect(again.statusCode).toBe(422);
  });

  it('refuses a slip for a balance line, above the outstanding, or dated tomorrow, naming the field', async () => {
    const { rep1, prepayment, balance } = await contractWithPrepayment();
    const cases: [Record<string, unknown>, string][] = [
      [{ receivableId: balance.id, amount: '1000.00', receivedOn: today() }, 'receivableId'],
      [{ receivableId: prepayment.id, amount: '30000.01', receivedOn: today() }, 'amount'],
      [{ receivableId: prepayment.id, amount: '1000.00', receivedOn: addDays(today(), 1) }, 'receivedOn'],
    ];
    for (const [body, path] of cases) {
      const res = await rep1.post('/api/v1/payment-slips', body);
      expect(res.statusCode, res.body).toBe(422);
      expect(pathOf(res)).toBe(path);
    }
  });

  it('per role: finance cannot file, a rep cannot record, another rep does not see the line', async () => {
    const { manager1, prepayment } = await contractWithPrepayment();
    const finance = await t.loginAs('finance1');
    const byFinance = await finance.post('/api/v1/payment-slips', { receivableId: prepayment.id, amount: '1000.00', receivedOn: today() });
    expect(byFinance.statusCode).toBe(403);
    const rep2 = await t.loginAs('rep2');
    const other = await rep2.post('/api/v1/payment-slips', { receivableId: prepayment.id, amount: '1000.00', receivedOn: today() });
    expect(other.statusCode).toBe(404);
    const rep1 = await t.loginAs('rep1');
    const slip = (await rep1.post('/api/v1/payment-slips', { receivableId: prepayment.id, amount: '1000.00', receivedOn: today() })).json() as PaymentSlipDto;
    await manager1.post(`/api/v1/approvals/${slip.approvalId}/approve`, {});
    const byRep = await rep1.post(`/api/v1/payment-slips/${slip.id}/record`, { version: slip.version + 1 });
    expect(byRep.statusCode).toBe(403);
    expect(codeOf(byRep)).toBe('FORBIDDEN');
    const list = (await rep2.get('/api/v1/payment-slips')).json() as { items: PaymentSlipDto[] };
    expect(list.items.find((s) => s.id === slip.id)).toBeUndefined();
  });
});

describe('resubmitting a returned slip (POST /payment-slips/{id}/resubmit)', () => {
  /** rep1 files 30,000.00 without a bank slip number; the manager returns it asking for one. */
  async function returnedSlip() {
    const ctx = await contractWithPrepayment();
    const slip = (await ctx.rep1.post('/api/v1/payment-slips', { receivableId: ctx.prepayment.id, amount: '30000.00', receivedOn: today() })).json() as PaymentSlipDto;
    const back = await ctx.manager1.post(`/api/v1/approvals/${slip.approvalId}/return`, { reason: '请补填银行回单号' });
    expect(back.statusCode, back.body).toBe(200);
    const returned = (await ctx.rep1.get(`/api/v1/payment-slips/${slip.id}`)).json() as PaymentSlipDto;
    expect(returned).toMatchObject({ status: 'draft', decisionComment: '请补填银行回单号' });
    return { ...ctx, slip: returned };
  }

  it('the filer corrects it and sends it again: a new approval round, the returned one kept; approved, finance records it', async () => {
    const { rep1, manager1, slip, prepayment } = await returnedSlip();
    const res = await rep1.post(`/api/v1/payment-slips/${slip.id}/resubmit`, { version: slip.version, amount: '29000.00', receivedOn: addDays(today(), -1), reference: 'HD-RESUBMIT-1' });
    expect(res.statusCode, res.body).toBe(200);
    const again = res.json() as PaymentSlipDto;
    expect(again).toMatchObject({ status: 'in_review', amount: '29000.00', receivedOn: addDays(today(), -1), reference: 'HD-RESUBMIT-1', decisionComment: null });
    expect(again.approvalId).not.toBe(slip.approvalId);
    expect(again.version).toBeGreaterThan(slip.version);
    // the returned round stays in the history, the new one waits in the manager's inbox
    const old = (await manager1.get(`/api/v1/approvals/${slip.approvalId}`)).json() as { status: string };
    expect(old.status).toBe('returned');
    const inbox = (await manager1.get('/api/v1/approvals?assignee=me&documentType=payment_slip&limit=100')).json() as { items: { id: string }[] };
    expect(inbox.items.map((a) => a.id)).toContain(again.approvalId);
    expect(inbox.items.map((a) => a.id)).not.toContain(slip.approvalId);

    expect((await manager1.post(`/api/v1/approvals/${again.approvalId}/approve`, {})).statusCode).toBe(200);
    const finance = await t.loginAs('finance1');
    const approved = (await finance.get(`/api/v1/payment-slips/${slip.id}`)).json() as PaymentSlipDto;
    expect(approved.status).toBe('approved');
    const recorded = await finance.post(`/api/v1/payment-slips/${slip.id}/record`, { version: approved.version });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const line = ((await finance.get(`/api/v1/receivables?contractId=${prepayment.contract.id}`)).json() as { items: ReceivableDto[] }).items.find((l) => l.id === prepayment.id)!;
    expect(line).toMatchObject({ received: '29000.00', status: 'partial' });
    const actions = (await auditRows(t, ws, { entity: 'payment_slip', entityId: slip.id })).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['file', 'return', 'resubmit', 'approve', 'record']));
  });

  it('only the filer: the supervisor who sees the slip gets 403, another rep 404; nothing changes', async () => {
    const { slip } = await returnedSlip();
    const supervisor = await t.loginAs('supervisor1');
    const bySupervisor = await supervisor.post(`/api/v1/payment-slips/${slip.id}/resubmit`, { version: slip.version, amount: '30000.00', receivedOn: today() });
    expect(bySupervisor.statusCode, bySupervisor.body).toBe(403);
    expect((bySupervisor.json() as { error: { message: string } }).error.message).toContain('只有填写这张缴款单的人');
    const rep2 = await t.loginAs('rep2');
    const byRep2 = await rep2.post(`/api/v1/payment-slips/${slip.id}/resubmit`, { version: slip.version, amount: '30000.00', receivedOn: today() });
    expect(byRep2.statusCode).toBe(404);
    const finance = await t.loginAs('finance1');
    expect((await finance.post(`/api/v1/payment-slips/${slip.id}/resubmit`, { version: slip.version, amount: '30000.00', receivedOn: today() })).statusCode).toBe(403);
    const rep1 = await t.loginAs('rep1');
    expect(((await rep1.get(`/api/v1/payment-slips/${slip.id}`)).json() as PaymentSlipDto)).toMatchObject({ status: 'draft', version: slip.version });
  });

  it('only a returned slip: in review, approved or rejected → 422 in both languages', async () => {
    const { rep1, manager1, prepayment } = await contractWithPrepayment();
    const slip = (await rep1.post('/api/v1/payment-slips', { receivableId: prepayment.id, amount: '1000.00', receivedOn: today() })).json() as PaymentSlipDto;
    const inReview = await rep1.post(`/api/v1/payment-slips/${slip.id}/resubmit`, { version: slip.version, amount: '1000.00', receivedOn: today() });
    expect(inReview.statusCode, inReview.body).toBe(422);
    expect((inReview.json() as { error: { message: string } }).error.message).toContain('只有被退回的缴款单');
    const english = await rep1.post(`/api/v1/payment-slips/${slip.id}/resubmit`, { version: slip.version, amount: '1000.00', receivedOn: today() }, { 'accept-language': 'en-US' });
    expect((english.json() as { error: { message: string } }).error.message).toContain('Only a returned payment slip');
    await manager1.post(`/api/v1/approvals/${slip.approvalId}/reject`, { reason: '金额与回单不符' });
    const rejected = (await rep1.get(`/api/v1/payment-slips/${slip.id}`)).json() as PaymentSlipDto;
    expect(rejected).toMatchObject({ status: 'rejected', decisionComment: '金额与回单不符' });
    const res = await rep1.post(`/api/v1/payment-slips/${slip.id}/resubmit`, { version: rejected.version, amount: '1000.00', receivedOn: today() });
    expect(res.statusCode).toBe(422);
  });

  it('a stale version → 409 and nothing changes; the corrected amount is checked like a new slip', async () => {
    const { rep1, slip } = await returnedSlip();
    const stale = await rep1.post(`/api/v1/payment-slips/${slip.id}/resubmit`, { version: slip.version - 1, amount: '30000.00', receivedOn: today() });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(codeOf(stale)).toBe('CONFLICT');
    const tooMuch = await rep1.post(`/api/v1/payment-slips/${slip.id}/resubmit`, { version: slip.version, amount: '30000.01', receivedOn: today() });
    expect(tooMuch.statusCode).toBe(422);
    expect(pathOf(tooMuch)).toBe('amount');
    const tomorrow = await rep1.post(`/api/v1/payment-slips/${slip.id}/resubmit`, { version: slip.version, amount: '30000.00', receivedOn: addDays(today(), 1) });
    expect(pathOf(tomorrow)).toBe('receivedOn');
    const after = (await rep1.get(`/api/v1/payment-slips/${slip.id}`)).json() as PaymentSlipDto;
    expect(after).toMatchObject({ status: 'draft', version: slip.version, amount: '30000.00', approvalId: slip.approvalId });
  });

  it('the rep\'s list shows each slip with its status and the returned slip\'s reason', async () => {
    const { rep1, slip } = await returnedSlip();
    const mine = (await rep1.get('/api/v1/payment-slips?status=draft')).json() as { items: PaymentSlipDto[] };
    expect(mine.items.find((s) => s.id === slip.id)).toMatchObject({ status: 'draft', decisionComment: '请补填银行回单号' });
  });
});
