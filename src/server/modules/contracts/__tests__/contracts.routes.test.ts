import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import type { ApprovalDto } from '../../../../shared/contracts/approvals.contract.js';
import type { ReceivableDto } from '../../../../shared/contracts/receivables.contract.js';
import { addDays } from '../../../../shared/dates.js';
import { approvals } from '../../../platform/approvals/approvals.schema.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';
import { builtIns, createOpportunity } from '../../opportunities/__tests__/opportunities.fixtures.js';
import { contractBody, createContract, signContractThroughApi, today, type Contract } from './contracts.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const uid = (u: string) => t.demo.userIds[u]!;
const rep1 = await t.loginAs('rep1');
const rep2 = await t.loginAs('rep2');
const rep3 = await t.loginAs('rep3');
const manager = await t.loginAs('manager1');
const vp = await t.loginAs('vp');
const gm = await t.loginAs('gm');
const finance = await t.loginAs('finance1');
const warehouse = await t.loginAs('warehouse1');
const customer = await createCustomer(rep1);
const contractsCount = () => countRows(t, 'contracts', ws);

async function approvalOf(c: Contract): Promise<ApprovalDto> {
  const res = await manager.get(`/api/v1/approvals/${c.approvalId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ApprovalDto;
}

async function submit(c: Contract): Promise<Contract> {
  const res = await rep1.post(`/api/v1/contracts/${c.id}/submit`, { version: c.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Contract;
}

/** One-line contract of the given amount with a single balance payment. */
const ofAmount = (amount: string) => ({
  lines: [{ description: '成套设备', unit: '套', quantity: '1', unitPrice: amount, discountPct: '0', taxRate: '13' }],
  paymentPlan: [{ kind: 'balance', dueDate: today(), amount }],
});

describe('drafting a contract', () => {
  it('numbers it, computes line amounts and the amount from the lines, and audits the creation', async () => {
    const c = await createContract(rep1, customer.id);
    expect(c.number).toMatch(/^HT\d{4}-\d{4}$/);
    expect(c).toMatchObject({ status: 'draft', amount: '100000.00', owner: { id: uid('rep1') }, customer: { id: customer.id }, canEdit: true, canSubmit: true, canSign: false, receivables: [], approvals: [] });
    expect(c.lines.map((l) => [l.amount, l.taxAmount])).toEqual([['60000.00', '6902.65'], ['40000.00', '2264.15']]);
    expect(c.taxAmount).toBe('9166.80');
    expect((await auditRows(t, ws, { entity: 'contract', entityId: c.id })).map((a) => a.action)).toEqual(['create']);
  });

  it('never takes an amount from the client', async () => {
    const res = await rep1.post('/api/v1/contracts', { ...contractBody(customer.id), amount: '1.00' });
    expect(res.statusCode).toBe(400);
  });

  it.each([
    ['a 3-decimal price', { lines: [{ description: '设备', unit: '台', quantity: '1', unitPrice: '100000.001', discountPct: '0', taxRate: '13' }] }, 'lines.0.unitPrice'],
    ['a negative quantity', { lines: [{ description: '设备', unit: '台', quantity: '-1', unitPrice: '100000.00', discountPct: '0', taxRate: '13' }] }, 'lines.0.quantity'],
    ['a due date before the contract date', { paymentPlan: [{ kind: 'prepayment', dueDate: addDays(today(), -1), amount: '30000.00' }, { kind: 'balance', dueDate: today(), amount: '70000.00' }] }, 'paymentPlan.0.dueDate'],
    ['a 3-decimal plan amount', { paymentPlan: [{ kind: 'balance', dueDate: today(), amount: '100000.000' }] }, 'paymentPlan.0.amount'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, change, path) => {
    const before = await contractsCount();
    const res = await rep1.post('/api/v1/contracts', contractBody(customer.id, change));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await contractsCount()).toBe(before);
  });

  it.each([['0.01 short', '69999.99', '-0.01'], ['0.01 over', '70000.01', '0.01']])('refuses a plan %s of the amount with 422 naming paymentPlan (zh-CN and en-US), and writes nothing', async (_n, balance, difference) => {
    const before = await contractsCount();
    const body = contractBody(customer.id, { paymentPlan: [{ kind: 'prepayment', dueDate: today(), amount: '30000.00' }, { kind: 'balance', dueDate: today(), amount: balance }] });
    const zh = await rep1.post('/api/v1/contracts', body);
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'paymentPlan' }] });
    expect(zh.json().error.message).toContain(`相差 ${difference}`);
    const en = await rep1.post('/api/v1/contracts', body, { 'accept-language': 'en-US' });
    expect(en.json().error.message).toContain('not the contract amount 100000.00');
    expect(await contractsCount()).toBe(before);
  });

  it('answers 404 for a customer outside the caller\'s data scope, and 400 for an opportunity of another customer', async () => {
    const theirs = await createCustomer(rep3);
    const before = await contractsCount();
    const res = await rep1.post('/api/v1/contracts', contractBody(theirs.id));
    expect(res.statusCode).toBe(404);
    const { standard } = await builtIns(rep1);
    const deal = await createOpportunity(rep1, standard);
    const wrong = await rep1.post('/api/v1/contracts', contractBody(customer.id, { opportunityId: deal.id }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({ path: 'opportunityId', message: '该销售机会不属于此客户' });
    expect(await contractsCount()).toBe(before);
  });
});

describe('who sees and does what', () => {
  it('a rep sees their own contracts only; the manager and finance read them; warehouse has no access', async () => {
    const c = await createContract(rep1, customer.id);
    expect((await rep2.get(`/api/v1/contracts/${c.id}`)).statusCode).toBe(404);
    const rep2List = (await rep2.get('/api/v1/contracts?limit=200')).json() as { items: { id: string }[] };
    expect(rep2List.items.map((i) => i.id)).not.toContain(c.id);
    for (const reader of [manager, finance, gm]) {
      const list = (await reader.get(`/api/v1/contracts?customerId=${customer.id}&status=draft&limit=200`)).json() as { items: { id: string }[] };
      expect(list.items.map((i) => i.id)).toContain(c.id);
    }
    expect((await finance.get(`/api/v1/contracts/${c.id}`)).json()).toMatchObject({ id: c.id, canEdit: false, canSubmit: false, canSign: false });
    expect((await finance.post('/api/v1/contracts', contractBody(customer.id))).statusCode).toBe(403);
    expect((await warehouse.get('/api/v1/contracts')).statusCode).toBe(403);
    expect((await warehouse.get(`/api/v1/contracts/${c.id}`)).statusCode).toBe(403);
    expect((await warehouse.get('/api/v1/receivables')).statusCode).toBe(403);
    expect((await rep2.patch(`/api/v1/contracts/${c.id}`, { version: c.version, ...contractBody(customer.id), customerId: undefined })).statusCode).toBe(404);
  });

  it('pages the list newest first with a cursor', async () => {
    const a = await createContract(rep1, customer.id);
    const b = await createContract(rep1, customer.id);
    const first = (await rep1.get(`/api/v1/contracts?customerId=${customer.id}&limit=1`)).json() as { items: { id: string }[]; nextCursor: string };
    expect(first.items.map((i) => i.id)).toEqual([b.id]);
    const second = (await rep1.get(`/api/v1/contracts?customerId=${customer.id}&limit=1&cursor=${first.nextCursor}`)).json() as { items: { id: string }[] };
    expect(second.items.map((i) => i.id)).toEqual([a.id]);
  });
});

describe('review (合同评审)', () => {
  it('below the major threshold (999,999.99) the sales manager alone approves, on frozen values; the submitter cannot approve', async () => {
    const c = await submit(await createContract(rep1, customer.id, ofAmount('999999.99')));
    expect(c).toMatchObject({ status: 'in_review', isMajor: false, canEdit: true, canSubmit: false });
    const approval = await approvalOf(c);
    expect(approval.steps.map((s) => s.assignees.map((a) => a.id))).toEqual([[uid('manager1')]]);
    expect(approval.snapshot).toMatchObject({ number: c.number, amount: '999999.99', isMajor: false, paymentPlan: [{ kind: 'balance', amount: '999999.99' }] });
    expect((await rep1.post(`/api/v1/approvals/${approval.id}/approve`, {})).statusCode).toBe(403);
    expect((await manager.post(`/api/v1/approvals/${approval.id}/approve`, {})).statusCode).toBe(200);
    expect((await rep1.get(`/api/v1/contracts/${c.id}`)).json()).toMatchObject({ status: 'approved', canSign: true, canEdit: true });
    expect((await auditRows(t, ws, { entity: 'contract', entityId: c.id })).map((a) => a.action)).toEqual(['create', 'submit', 'approve']);
  });

  it('at 1,000,000.00 the contract is major: sales manager review, sales VP review, GM approval', async () => {
    const c = await submit(await createContract(rep1, customer.id, ofAmount('1000000.00')));
    expect(c.isMajor).toBe(true);
    const approval = await approvalOf(c);
    expect(approval.steps.map((s) => s.assignees.map((a) => a.id))).toEqual([[uid('manager1')], [uid('vp')], [uid('gm')]]);
    expect((await gm.post(`/api/v1/approvals/${approval.id}/approve`, {})).statusCode).toBe(403); // not the GM's turn yet
    expect((await manager.post(`/api/v1/approvals/${approval.id}/approve`, {})).statusCode).toBe(200);
    expect((await vp.post(`/api/v1/approvals/${approval.id}/approve`, {})).statusCode).toBe(200);
    expect((await rep1.get(`/api/v1/contracts/${c.id}`)).json().status).toBe('in_review');
    expect((await gm.post(`/api/v1/approvals/${approval.id}/approve`, {})).statusCode).toBe(200);
    expect((await rep1.get(`/api/v1/contracts/${c.id}`)).json().status).toBe('approved');
  });

  it('a returned contract is a draft again and can be re-submitted', async () => {
    const c = await submit(await createContract(rep1, customer.id));
    expect((await manager.post(`/api/v1/approvals/${c.approvalId}/return`, { reason: '付款比例请调整' })).statusCode).toBe(200);
    const back = (await rep1.get(`/api/v1/contracts/${c.id}`)).json() as Contract;
    expect(back).toMatchObject({ status: 'draft', approvalId: null, canSubmit: true });
    expect((await rep1.post(`/api/v1/contracts/${c.id}/submit`, { version: back.version })).statusCode).toBe(200);
  });

  it('editing a contract in review re-opens it to draft and cancels the pending approval (the approver can no longer approve it)', async () => {
    const c = await submit(await createContract(rep1, customer.id));
    const edited = await rep1.patch(`/api/v1/contracts/${c.id}`, { version: c.version, ...contractBody(customer.id, { title: '改过的合同' }), customerId: undefined });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'draft', title: '改过的合同', approvalId: null });
    expect((await manager.post(`/api/v1/approvals/${c.approvalId}/approve`, {})).statusCode).toBe(409);
    const [row] = await t.handle.db.select().from(approvals).where(and(eq(approvals.workspaceId, ws), eq(approvals.id, c.approvalId!)));
    expect(row!.status).toBe('cancelled');
  });

  it('editing an approved contract re-opens approval: back to draft, the granted approval void, it cannot be signed', async () => {
    const c = await submit(await createContract(rep1, customer.id));
    await manager.post(`/api/v1/approvals/${c.approvalId}/approve`, {});
    const approved = (await rep1.get(`/api/v1/contracts/${c.id}`)).json() as Contract;
    const edited = await rep1.patch(`/api/v1/contracts/${c.id}`, { version: approved.version, ...contractBody(customer.id, ofAmount('2000000.00')), customerId: undefined });
    expect(edited.statusCode, edited.body).toBe(200);
    const draft = edited.json() as Contract;
    expect(draft).toMatchObject({ status: 'draft', amount: '2000000.00', canSign: false });
    expect(draft.approvals.map((a) => a.status)).toEqual(['cancelled']);
    expect((await rep1.post(`/api/v1/contracts/${c.id}/sign`, { version: draft.version, signedOn: today() })).statusCode).toBe(422);
    expect((await auditRows(t, ws, { entity: 'contract', entityId: c.id })).map((a) => a.action)).toEqual(['create', 'submit', 'approve', 'update_reopen']);
  });

  it('two edits at the same version: one wins, the other gets 409', async () => {
    const c = await createContract(rep1, customer.id);
    const body = (title: string) => ({ version: c.version, ...contractBody(customer.id, { title }), customerId: undefined });
    const [a, b] = await Promise.all([rep1.patch(`/api/v1/contracts/${c.id}`, body('甲')), manager.patch(`/api/v1/contracts/${c.id}`, body('乙'))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await rep1.get(`/api/v1/contracts/${c.id}`)).json().version).toBe(c.version + 1);
  });
});

describe('signing (签订) creates the receivable schedule', () => {
  it('refuses to sign a draft, a future date, a signer who is neither owner nor manager, and creates no receivable', async () => {
    const receivablesBefore = await countRows(t, 'receivables', ws);
    const c = await createContract(rep1, customer.id);
    expect((await rep1.post(`/api/v1/contracts/${c.id}/sign`, { version: c.version, signedOn: today() })).statusCode).toBe(422);
    const s = await submit(c);
    await manager.post(`/api/v1/approvals/${s.approvalId}/approve`, {});
    const approved = (await rep1.get(`/api/v1/contracts/${c.id}`)).json() as Contract;
    const future = await rep1.post(`/api/v1/contracts/${c.id}/sign`, { version: approved.version, signedOn: addDays(today(), 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('signedOn');
    expect((await finance.post(`/api/v1/contracts/${c.id}/sign`, { version: approved.version, signedOn: today() })).statusCode).toBe(403);
    expect(await countRows(t, 'receivables', ws)).toBe(receivablesBefore);
  });

  it('one receivable per plan line (kind, due date, amount, received 0.00, open); listed by customer and status within scope', async () => {
    const signed = await signContractThroughApi(rep1, manager, customer.id);
    expect(signed).toMatchObject({ status: 'signed', signedOn: today(), canEdit: false, canSign: false });
    expect(signed.receivables.map((r) => [r.kind, r.dueDate, r.amount, r.received, r.status, r.owner.id])).toEqual([
      ['prepayment', today(), '30000.00', '0.00', 'open', uid('rep1')],
      ['balance', '2099-12-31', '70000.00', '0.00', 'open', uid('rep1')],
    ]);
    const list = (await finance.get(`/api/v1/receivables?customerId=${customer.id}&status=open`)).json() as { items: ReceivableDto[] };
    expect(list.items.filter((r) => r.contract.id === signed.id).map((r) => r.amount)).toEqual(['30000.00', '70000.00']);
    expect(((await rep2.get(`/api/v1/receivables?customerId=${customer.id}`)).json() as { items: unknown[] }).items).toEqual([]);
    expect(((await rep1.get(`/api/v1/receivables?customerId=${customer.id}&status=paid`)).json() as { items: unknown[] }).items).toEqual([]);
    const page = (await rep1.get(`/api/v1/receivables?contractId=${signed.id}&limit=1`)).json() as { items: ReceivableDto[]; nextCursor: string };
    expect(page.items[0]!.kind).toBe('prepayment');
    const next = (await rep1.get(`/api/v1/receivables?contractId=${signed.id}&limit=1&cursor=${page.nextCursor}`)).json() as { items: ReceivableDto[]; nextCursor: string | null };
    expect(next).toMatchObject({ items: [{ kind: 'balance' }], nextCursor: null });
    const signedList = (await rep1.get(`/api/v1/contracts?status=signed&signedFrom=${today()}&signedTo=${today()}`)).json() as { items: { id: string }[] };
    expect(signedList.items.map((i) => i.id)).toContain(signed.id);
    const edit = await rep1.patch(`/api/v1/contracts/${signed.id}`, { version: signed.version, ...contractBody(customer.id), customerId: undefined });
    expect(edit.statusCode).toBe(422);
    expect((await auditRows(t, ws, { entity: 'receivable', entityId: signed.id })).map((a) => a.action)).toEqual(['create_schedule']);
  });

  it('signing adds what is still owed to the customer\'s credit exposure, which lowers the available credit', async () => {
    const buyer = await createCustomer(rep1);
    expect((await finance.get(`/api/v1/customers/${buyer.id}/credit`)).json()).toMatchObject({ limit: '0.00', exposure: '0.00', available: '0.00' });
    await signContractThroughApi(rep1, manager, buyer.id);
    expect((await finance.get(`/api/v1/customers/${buyer.id}/credit`)).json()).toMatchObject({ exposure: '100000.00', available: '-100000.00' });
    const list = (await finance.get(`/api/v1/credit-profiles?q=${encodeURIComponent(buyer.name)}`)).json() as { items: { customerId: string; exposure: string; isOverLimit: boolean }[] };
    expect(list.items.find((i) => i.customerId === buyer.id)).toMatchObject({ exposure: '100000.00', isOverLimit: true });
  });

  it('the sales manager may record the signing of a rep\'s contract', async () => {
    const c = await submit(await createContract(rep1, customer.id));
    await manager.post(`/api/v1/approvals/${c.approvalId}/approve`, {});
    const approved = (await manager.get(`/api/v1/contracts/${c.id}`)).json() as Contract;
    expect(approved.canSign).toBe(true);
    const res = await manager.post(`/api/v1/contracts/${c.id}/sign`, { version: approved.version, signedOn: today() });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Contract).receivables).toHaveLength(2);
  });
});

describe('customer merge (合并)', () => {
  it('moves the duplicate\'s contracts and their receivables to the survivor', async () => {
    const supervisor = await t.loginAs('supervisor1');
    const duplicate = await createCustomer(rep1);
    const survivor = await createCustomer(rep1);
    const signed = await signContractThroughApi(rep1, manager, duplicate.id);
    const merged = await supervisor.post(`/api/v1/customers/${survivor.id}/merge`, { duplicateId: duplicate.id });
    expect(merged.statusCode, merged.body).toBe(200);
    const after = (await rep1.get(`/api/v1/contracts/${signed.id}`)).json() as Contract;
    expect(after.customer.id).toBe(survivor.id);
    expect(after.receivables.map((r) => r.customer.id)).toEqual([survivor.id, survivor.id]);
    const listed = (await finance.get(`/api/v1/receivables?customerId=${survivor.id}`)).json() as { items: ReceivableDto[] };
    expect(listed.items.map((r) => r.contract.id)).toEqual([signed.id, signed.id]);
  });
});
