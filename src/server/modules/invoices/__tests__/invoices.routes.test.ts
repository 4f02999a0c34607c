import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import type { InvoicePrefillDto, InvoiceRequestDto, InvoiceRequestSummaryDto } from '../../../../shared/contracts/invoices.contract.js';
import { addDays } from '../../../../shared/dates.js';
import { money } from '../../../../shared/money.js';
import { contracts } from '../../contracts/contracts.schema.js';
import { createContract, signContractThroughApi, today } from '../../contracts/__tests__/contracts.fixtures.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const uid = (u: string) => t.demo.userIds[u]!;
const rep1 = await t.loginAs('rep1');
const rep2 = await t.loginAs('rep2');
const manager = await t.loginAs('manager1');
const gm = await t.loginAs('gm');
const finance = await t.loginAs('finance1');
const warehouse = await t.loginAs('warehouse1');
const customer = await createCustomer(rep1, { address: '深圳市南山区科技园 1 号' });
const requestsCount = () => countRows(t, 'invoice_requests', ws);

const body = (contractId: string, extra: Record<string, unknown> = {}) => ({
  contractId, invoiceType: 'vat_special', title: customer.name, taxNumber: customer.creditCode as string,
  bankName: '招商银行深圳科技园支行', bankAccount: '755912345610801', address: '深圳市南山区科技园 1 号', phone: '0755-86000000',
  amount: '30000.00', ...extra,
});

async function request(client: Client, contractId: string, extra: Record<string, unknown> = {}): Promise<InvoiceRequestDto> {
  const res = await client.post('/api/v1/invoice-requests', body(contractId, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as InvoiceRequestDto;
}

async function approved(contractId: string, extra: Record<string, unknown> = {}): Promise<InvoiceRequestDto> {
  const r = await request(rep1, contractId, extra);
  const submitted = (await rep1.post(`/api/v1/invoice-requests/${r.id}/submit`, { version: r.version })).json() as InvoiceRequestDto;
  expect((await manager.post(`/api/v1/approvals/${submitted.approvalId}/approve`, {})).statusCode).toBe(200);
  return (await finance.get(`/api/v1/invoice-requests/${r.id}`)).json() as InvoiceRequestDto;
}

const signed = await signContractThroughApi(rep1, manager, customer.id);

describe('requesting an invoice (开票申请)', () => {
  it('prefills the title, tax number, address and phone from the customer file, then from the customer\'s last request', async () => {
    const buyer = await createCustomer(rep1, { address: '广州市天河区 8 号' });
    const c = await signContractThroughApi(rep1, manager, buyer.id);
    const first = (await rep1.get(`/api/v1/invoice-requests/prefill?contractId=${c.id}`)).json() as InvoicePrefillDto;
    expect(first).toMatchObject({ source: 'customer', title: buyer.name, taxNumber: buyer.creditCode, address: '广州市天河区 8 号', phone: buyer.phone, bankName: null, invoiceable: '100000.00', issued: '0.00' });
    await request(rep1, c.id, { title: buyer.name, taxNumber: buyer.creditCode, bankName: '工商银行广州分行', amount: '10000.00' });
    const next = (await rep1.get(`/api/v1/invoice-requests/prefill?contractId=${c.id}`)).json() as InvoicePrefillDto;
    expect(next).toMatchObject({ source: 'last_request', bankName: '工商银行广州分行', invoiceable: '90000.00' });
  });

  it('numbers a draft FP<yyyymm>-0001 with the contract\'s customer and owner, and audits it', async () => {
    const r = await request(rep1, signed.id, { amount: '1.00' });
    expect(r.number).toMatch(/^FP\d{6}-\d{4}$/);
    expect(r).toMatchObject({ status: 'draft', amount: '1.00', contract: { id: signed.id, number: signed.number }, customer: { id: customer.id }, owner: { id: uid('rep1') }, requestedBy: { id: uid('rep1') }, canSubmit: true, canIssue: false });
    expect((await auditRows(t, ws, { entity: 'invoice_request', entityId: r.id })).map((a) => a.action)).toEqual(['create']);
  });

  it('at the boundary: exactly the invoiceable amount passes, one cent more is refused with 422 naming the invoiceable amount, and nothing is written', async () => {
    const c = await signContractThroughApi(rep1, manager, customer.id);
    await request(rep1, c.id, { amount: '40000.00' });
    const before = await requestsCount();
    const over = await rep1.post('/api/v1/invoice-requests', body(c.id, { amount: '60000.01' }));
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'amount' }] });
    expect(over.json().error.message).toBe('开票金额 60000.01 超过合同可开票金额 60000.00（合同金额 100000.00，已申请 40000.00）');
    const en = await rep1.post('/api/v1/invoice-requests', body(c.id, { amount: '60000.01' }), { 'accept-language': 'en-US' });
    expect(en.json().error.message).toContain('invoiceable amount 60000.00');
    expect(await requestsCount()).toBe(before);
    await request(rep1, c.id, { amount: '60000.00' });
    expect(((await rep1.get(`/api/v1/invoice-requests/prefill?contractId=${c.id}`)).json() as InvoicePrefillDto).invoiceable).toBe('0.00');
  });

  it('two requests at once for more than the rest together: the contract row lock lets one through, the other is refused', async () => {
    const c = await signContractThroughApi(rep1, manager, customer.id);
    const [a, b] = await Promise.all([
      rep1.post('/api/v1/invoice-requests', body(c.id, { amount: '60000.00' })),
      manager.post('/api/v1/invoice-requests', body(c.id, { amount: '60000.00' })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 422]);
    const list = (await rep1.get(`/api/v1/invoice-requests?contractId=${c.id}`)).json() as { items: InvoiceRequestSummaryDto[] };
    expect(list.items.map((i) => i.amount)).toEqual(['60000.00']);
  });

  it('a rejected or cancelled request gives its amount back', async () => {
    const c = await signContractThroughApi(rep1, manager, customer.id);
    const r = await request(rep1, c.id, { amount: '100000.00' });
    const submitted = (await rep1.post(`/api/v1/invoice-requests/${r.id}/submit`, { version: r.version })).json() as InvoiceRequestDto;
    expect(submitted.status).toBe('in_review');
    expect((await manager.post(`/api/v1/approvals/${submitted.approvalId}/reject`, { reason: '金额有误' })).statusCode).toBe(200);
    expect(((await rep1.get(`/api/v1/invoice-requests/${r.id}`)).json() as InvoiceRequestDto).status).toBe('rejected');
    const again = await request(rep1, c.id, { amount: '100000.00' });
    expect((await rep1.post(`/api/v1/invoice-requests/${again.id}/cancel`, { version: again.version })).json()).toMatchObject({ status: 'cancelled' });
    await request(rep1, c.id, { amount: '100000.00' });
  });

  it.each([
    ['a tax number of 16 characters', { taxNumber: '1234567890123456' }, ['taxNumber'], '纳税人识别号应为 15、18 或 20 位'],
    ['a credit code with a wrong check character', { taxNumber: '91350100M000100Y44' }, ['taxNumber'], '统一社会信用代码校验位不正确'],
    ['a special invoice without bank and account', { bankName: '', bankAccount: null }, ['bankName', 'bankAccount'], '开具增值税专用发票必须填写'],
    ['amount 0', { amount: '0.00' }, ['amount'], '开票金额必须大于 0'],
    ['a 3-decimal amount', { amount: '1.001' }, ['amount'], null],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, change, paths, message) => {
    const before = await requestsCount();
    const res = await rep1.post('/api/v1/invoice-requests', body(signed.id, change));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(paths);
    if (message) expect(res.json().error.details[0].message).toBe(message);
    expect(await requestsCount()).toBe(before);
  });

  it('accepts a normal invoice without bank details and a 15-character tax number', async () => {
    const r = await request(rep1, signed.id, { invoiceType: 'vat_normal', bankName: null, bankAccount: null, address: null, phone: null, taxNumber: '440300123456789', amount: '2.00' });
    expect(r).toMatchObject({ invoiceType: 'vat_normal', taxNumber: '440300123456789', bankName: null });
  });

  it('refuses a contract that is not signed (422), one outside the caller\'s scope (404), and requests from finance and warehouse (403)', async () => {
    const draft = await createContract(rep1, customer.id);
    const res = await rep1.post('/api/v1/invoice-requests', body(draft.id));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('只有已签订或执行中的合同可以申请开票');
    expect((await rep2.post('/api/v1/invoice-requests', body(signed.id))).statusCode).toBe(404);
    expect((await rep2.get(`/api/v1/invoice-requests/prefill?contractId=${signed.id}`)).statusCode).toBe(404);
    expect((await finance.post('/api/v1/invoice-requests', body(signed.id))).statusCode).toBe(403);
    expect((await warehouse.get('/api/v1/invoice-requests')).statusCode).toBe(403);
    const terminated = await signContractThroughApi(rep1, manager, customer.id);
    await t.handle.db.update(contracts).set({ status: 'terminated' }).where(and(eq(contracts.workspaceId, ws), eq(contracts.id, terminated.id)));
    expect((await rep1.post('/api/v1/invoice-requests', body(terminated.id))).statusCode).toBe(422);
  });
});

describe('approval and issue (开票)', () => {
  it('the sales manager approves (never the requester); finance issues with number, date and courier; sales cannot issue', async () => {
    const r = await request(rep1, signed.id, { amount: '5000.00' });
    const submitted = (await rep1.post(`/api/v1/invoice-requests/${r.id}/submit`, { version: r.version })).json() as InvoiceRequestDto;
    const approval = (await manager.get(`/api/v1/approvals/${submitted.approvalId}`)).json() as { steps: { assignees: { id: string }[] }[]; snapshot: Record<string, unknown> };
    expect(approval.steps.map((s) => s.assignees.map((a) => a.id))).toEqual([[uid('manager1')]]);
    expect(approval.snapshot).toMatchObject({ amount: '5000.00', title: customer.name, contractNumber: signed.number });
    expect((await rep1.post(`/api/v1/approvals/${submitted.approvalId}/approve`, {})).statusCode).toBe(403);
    expect((await finance.post(`/api/v1/invoice-requests/${r.id}/issue`, { version: submitted.version, invoiceNumber: '24442000000012345678', issuedOn: today() })).statusCode).toBe(422); // not approved yet
    await manager.post(`/api/v1/approvals/${submitted.approvalId}/approve`, {});
    const ready = (await finance.get(`/api/v1/invoice-requests/${r.id}`)).json() as InvoiceRequestDto;
    expect(ready).toMatchObject({ status: 'approved', canIssue: true });
    const queue = (await finance.get('/api/v1/invoice-requests?status=approved&limit=200')).json() as { items: InvoiceRequestSummaryDto[] };
    expect(queue.items.map((i) => i.id)).toContain(r.id);
    const issue = { version: ready.version, invoiceNumber: '24442000000012345678', issuedOn: today(), courier: '顺丰速运', trackingNo: 'SF1234567890' };
    expect((await rep1.post(`/api/v1/invoice-requests/${r.id}/issue`, issue)).statusCode).toBe(403);
    expect((await manager.post(`/api/v1/invoice-requests/${r.id}/issue`, issue)).statusCode).toBe(403);
    const future = await finance.post(`/api/v1/invoice-requests/${r.id}/issue`, { ...issue, issuedOn: addDays(today(), 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('issuedOn');
    const badNumber = await finance.post(`/api/v1/invoice-requests/${r.id}/issue`, { ...issue, invoiceNumber: '123' });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().error.details[0].path).toBe('invoiceNumber');
    const res = await finance.post(`/api/v1/invoice-requests/${r.id}/issue`, issue);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'issued', invoiceNumber: '24442000000012345678', issuedOn: today(), courier: '顺丰速运', trackingNo: 'SF1234567890', issuedBy: { id: uid('finance1') }, canIssue: false });
    expect((await auditRows(t, ws, { entity: 'invoice_request', entityId: r.id })).map((a) => a.action)).toEqual(['create', 'submit', 'approve', 'issue']);
    expect((await finance.post(`/api/v1/invoice-requests/${r.id}/issue`, { ...issue, version: (res.json() as InvoiceRequestDto).version })).statusCode).toBe(422);

    // the same invoice number on another request is refused
    const other = await approved(signed.id, { amount: '1000.00' });
    const dup = await finance.post(`/api/v1/invoice-requests/${other.id}/issue`, { ...issue, version: other.version });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].path).toBe('invoiceNumber');
  });

  it('a sales manager\'s own request goes up (to the GM: nobody is above the sales department); the issued sum per contract feeds the credit breakdown', async () => {
    const c = await signContractThroughApi(rep1, manager, customer.id);
    const breakdown = async () => ((await finance.get(`/api/v1/customers/${customer.id}/credit`)).json() as { exposureBreakdown: { signedUnshipped: string; openReceivables: string } }).exposureBreakdown;
    const before = await breakdown();
    const own = await request(manager, c.id, { amount: '7000.00' });
    const submitted = (await manager.post(`/api/v1/invoice-requests/${own.id}/submit`, { version: own.version })).json() as InvoiceRequestDto;
    const approval = (await gm.get(`/api/v1/approvals/${submitted.approvalId}`)).json() as { steps: { assignees: { id: string }[] }[] };
    expect(approval.steps.map((s) => s.assignees.map((a) => a.id))).toEqual([[uid('gm')]]);
    expect((await manager.post(`/api/v1/approvals/${submitted.approvalId}/approve`, {})).statusCode).toBe(403);
    expect((await gm.post(`/api/v1/approvals/${submitted.approvalId}/approve`, {})).statusCode).toBe(200);
    const ready = (await finance.get(`/api/v1/invoice-requests/${own.id}`)).json() as InvoiceRequestDto;
    const issued = await finance.post(`/api/v1/invoice-requests/${own.id}/issue`, { version: ready.version, invoiceNumber: '12345678', issuedOn: today() });
    expect(issued.statusCode, issued.body).toBe(200);
    await approved(c.id, { amount: '3000.00' }); // approved, not issued: not billed yet
    // issued, unpaid, not shipped: 7,000 moves from signed-but-unshipped to billed-but-unpaid; the approved 3,000 moves nothing
    expect(await breakdown()).toMatchObject({ openReceivables: money.add(before.openReceivables, '7000'), signedUnshipped: money.sub(before.signedUnshipped, '7000') });
    expect(((await rep1.get(`/api/v1/invoice-requests/prefill?contractId=${c.id}`)).json() as InvoicePrefillDto)).toMatchObject({ issued: '7000.00', invoiceable: '90000.00' });
  });

  it('lists within scope: another rep sees none of rep1\'s requests, finance and the manager see them', async () => {
    const r = await request(rep1, signed.id, { amount: '3.00' });
    const ids = async (client: Client) => ((await client.get(`/api/v1/invoice-requests?customerId=${customer.id}&limit=200`)).json() as { items: { id: string }[] }).items.map((i) => i.id);
    expect(await ids(rep2)).not.toContain(r.id);
    expect(await ids(finance)).toContain(r.id);
    expect(await ids(manager)).toContain(r.id);
    expect((await rep2.get(`/api/v1/invoice-requests/${r.id}`)).statusCode).toBe(404);
    const first = (await rep1.get(`/api/v1/invoice-requests?contractId=${signed.id}&limit=1`)).json() as { items: { id: string }[]; nextCursor: string };
    expect(first.items[0]!.id).toBe(r.id);
    const second = (await rep1.get(`/api/v1/invoice-requests?contractId=${signed.id}&limit=1&cursor=${first.nextCursor}`)).json() as { items: { id: string }[] };
    expect(second.items[0]!.id).not.toBe(r.id);
  });
});
