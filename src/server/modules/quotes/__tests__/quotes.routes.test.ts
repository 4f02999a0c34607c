import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import type { ApprovalDto } from '../../../../shared/contracts/approvals.contract.js';
import type { ContractDto } from '../../../../shared/contracts/contracts.contract.js';
import type { EvaluationDto, QuoteDto } from '../../../../shared/contracts/quotes.contract.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';
import { builtIns, createOpportunity } from '../../opportunities/__tests__/opportunities.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const ids = t.demo.userIds as Record<string, string>;
const usernameOf = new Map(Object.entries(ids).map(([username, id]) => [id, username]));
const today = todayIn('Asia/Shanghai');
const clients = new Map<string, Client>();
async function as(username: string): Promise<Client> {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
}
const rep1 = await as('rep1');
const customer = await createCustomer(rep1);
const classA = await createCustomer(rep1, { valueClass: 'A' });
const quotesCount = () => countRows(t, 'quotes', ws);
const err = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string; details?: { path: string; message: string }[] } }).error;

async function productId(code: string): Promise<string> {
  const res = await rep1.get(`/api/v1/products?q=${encodeURIComponent(code)}&limit=5`);
  const item = (res.json() as { items: { id: string; code: string }[] }).items.find((p) => p.code === code);
  expect(item, res.body).toBeDefined();
  return item!.id;
}
// demo catalogue: EMF-50 list 12,800 floor 10,500 ±8 % (class C: band 11,776–13,824); DCS-LITE list 380,000 floor 335,000 ±5 %
const emf = await productId('EMF-50');
const dcs = await productId('DCS-LITE');

const emfLine = (over: Record<string, unknown> = {}) => ({ productId: emf, description: '电磁流量计 EMF-50', unit: '台', quantity: '2', unitPrice: '12800.00', discountPct: '0', taxRate: '13', ...over });
const body = (over: Record<string, unknown> = {}) => ({
  customerId: customer.id, validUntil: addDays(today, 30), lines: [emfLine(), { description: '现场安装调试', unit: '项', quantity: '1', unitPrice: '2000.00', discountPct: '0', taxRate: '6' }],
  paymentTerms: { prepaymentPct: '30', balanceDays: 30, text: '验收合格后开具增值税专用发票' }, deliveryTerms: '合同生效后 20 个工作日内发货', ...over,
});

async function createQuote(client: Client = rep1, over: Record<string, unknown> = {}): Promise<QuoteDto> {
  const res = await client.post('/api/v1/quotes', body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as QuoteDto;
}
async function submit(q: QuoteDto, client: Client = rep1): Promise<QuoteDto> {
  const res = await client.post(`/api/v1/quotes/${q.id}/submit`, { version: q.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as QuoteDto;
}
async function approval(id: string, who = 'gm'): Promise<ApprovalDto> {
  const res = await (await as(who)).get(`/api/v1/approvals/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ApprovalDto;
}
/** Walks the approval through every remaining step, each decided by its first assignee; returns who decided. */
async function approveAll(approvalId: string): Promise<string[]> {
  const deciders: string[] = [];
  for (;;) {
    const a = await approval(approvalId);
    if (a.status !== 'pending') return deciders;
    const who = usernameOf.get(a.steps.find((s) => s.stepIndex === a.currentStep)!.assignees[0]!.id)!;
    const res = await (await as(who)).post(`/api/v1/approvals/${approvalId}/approve`, { comment: '同意' });
    expect(res.statusCode, res.body).toBe(200);
    deciders.push(who);
  }
}
const reload = async (q: { id: string }, client: Client = rep1) => (await client.get(`/api/v1/quotes/${q.id}`)).json() as QuoteDto;
async function approvedQuote(over: Record<string, unknown> = {}): Promise<QuoteDto> {
  const q = await submit(await createQuote(rep1, over));
  await approveAll(q.approvalId!);
  return reload(q);
}

describe('drafting a quote', () => {
  it('numbers it BJ…, prices the lines with the contract arithmetic, computes the totals, and audits the creation', async () => {
    const q = await createQuote();
    expect(q.number).toMatch(/^BJ\d{6}-\d{4}$/);
    expect(q).toMatchObject({
      status: 'draft', revision: 1, total: '27600.00', approvalReasons: [], approvalLevel: 'review', needsExceptionApproval: false,
      paymentTerms: { prepaymentPct: '30', balanceDays: 30 }, owner: { id: ids.rep1 }, canEdit: true, canSubmit: true, canSend: false, canAccept: false,
    });
    expect(q.totals).toEqual({ listAmount: '27600.00', discountAmount: '0.00', discountPct: '0.00', netAmount: '24541.66', taxAmount: '3058.34', total: '27600.00' });
    expect(q.lines.map((l) => l.amount)).toEqual(['25600.00', '2000.00']);
    expect((await auditRows(t, ws, { entity: 'quote', entityId: q.id })).map((a) => a.action)).toEqual(['create']);
  });

  it.each([
    ['quantity 0', { lines: [emfLine({ quantity: '0' })] }, 'lines.0.quantity'],
    ['quantity 1e20', { lines: [emfLine({ quantity: '1e20' })] }, 'lines.0.quantity'],
    ['quantity 100000000000000000000', { lines: [emfLine({ quantity: '100000000000000000000' })] }, 'lines.0.quantity'],
    ['quantity 1,000,001 (above the sane maximum)', { lines: [emfLine({ quantity: '1000001' })] }, 'lines.0.quantity'],
    ['a discount above 100 %', { lines: [emfLine({ discountPct: '100.5' })] }, 'lines.0.discountPct'],
    ['a validity date before the quote date', { quoteDate: today, validUntil: addDays(today, -1) }, 'validUntil'],
    ['an unknown product', { lines: [emfLine({ productId: '01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99' })] }, 'lines.0.productId'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_n, over, path) => {
    const before = await quotesCount();
    const res = await rep1.post('/api/v1/quotes', body(over));
    expect(res.statusCode, res.body).toBe(400);
    expect(err(res).details!.map((d) => d.path)).toContain(path);
    expect(await quotesCount()).toBe(before);
  });

  it('names the validity error in the caller\'s language', async () => {
    const over = { validUntil: addDays(today, -1) };
    expect(err(await rep1.post('/api/v1/quotes', body(over))).details![0]!.message).toBe(`有效期不能早于报价日期（${today}）`);
    expect(err(await rep1.post('/api/v1/quotes', body(over), { 'accept-language': 'en-US' })).details![0]!.message).toContain('must not be before the quote date');
  });

  it('answers 404 for a customer outside the caller\'s scope and 400 for an opportunity of another customer', async () => {
    const theirs = await createCustomer(await as('rep3'));
    expect((await rep1.post('/api/v1/quotes', body({ customerId: theirs.id }))).statusCode).toBe(404);
    const deal = await createOpportunity(rep1, (await builtIns(rep1)).standard);
    const res = await rep1.post('/api/v1/quotes', body({ opportunityId: deal.id }));
    expect(res.statusCode).toBe(400);
    expect(err(res).details![0]).toMatchObject({ path: 'opportunityId' });
  });
});

describe('approval reasons and the dry run', () => {
  it('evaluates lines without writing: a net price below the floor names the line, the price and the floor', async () => {
    const before = await quotesCount();
    const approvalsBefore = await countRows(t, 'approvals', ws);
    const res = await rep1.post('/api/v1/quotes/evaluate', { customerId: customer.id, lines: [{ description: '调试', unit: '项', quantity: '1', unitPrice: '100.00' }, emfLine({ unitPrice: '11000.00', discountPct: '10' })] });
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json() as EvaluationDto;
    expect(e.approvalReasons).toEqual([
      { code: 'belowFloor', line: 2, price: '9900.00', floor: '10500.00' },
      { code: 'outsideFloatRange', line: 2, price: '9900.00', low: '11776.00', high: '13824.00' },
      { code: 'discountAboveLimit', discountPct: '9.95', limit: '5' },
    ]);
    expect(e).toMatchObject({ approvalLevel: 'supervisor', steps: ['销售主管审核', '销售经理审核'], lineAmounts: ['100.00', '19800.00'] });
    expect(await quotesCount()).toBe(before);
    expect(await countRows(t, 'approvals', ws)).toBe(approvalsBefore);
  });

  it('checks against the customer\'s price list: list price to a class A customer is outside its float range', async () => {
    const e = (await rep1.post('/api/v1/quotes/evaluate', { customerId: classA.id, lines: [emfLine()] })).json() as EvaluationDto;
    expect(e.approvalReasons).toEqual([{ code: 'outsideFloatRange', line: 1, price: '12800.00', low: '10833.92', high: '12718.08' }]);
  });

  it('a rep may give up to the discount limit (5 %) without an exception; 5.01 % needs one', async () => {
    const at = (pct: string) => rep1.post('/api/v1/quotes/evaluate', { customerId: customer.id, lines: [emfLine({ unitPrice: '13000.00', discountPct: pct })] });
    expect(((await at('5')).json() as EvaluationDto).approvalReasons).toEqual([]);
    expect(((await at('5.01')).json() as EvaluationDto).approvalReasons.map((r) => r.code)).toEqual(['discountAboveLimit']);
  });
});

describe('review and approval routing', () => {
  it('every quote goes to the sales supervisor and then the sales manager; approved, sent, printed and accepted into a contract', async () => {
    const deal = await createOpportunity(rep1, (await builtIns(rep1)).standard, { customerId: customer.id });
    const q = await submit(await createQuote(rep1, { opportunityId: deal.id }));
    expect(q).toMatchObject({ status: 'in_review', canEdit: true, canSubmit: false, canSend: false });
    const a = await approval(q.approvalId!);
    expect(a.steps.map((s) => [s.label, s.assignees.map((x) => usernameOf.get(x.id))])).toEqual([['销售主管审核', ['supervisor1']], ['销售经理审核', ['manager1']]]);
    expect(await approveAll(q.approvalId!)).toEqual(['supervisor1', 'manager1']);
    const approved = await reload(q);
    expect(approved).toMatchObject({ status: 'approved', canSend: true });

    const sent = await rep1.post(`/api/v1/quotes/${q.id}/send`, { version: approved.version });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', canAccept: true });

    const pdf = await rep1.get(`/api/v1/quotes/${q.id}.pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const contractsBefore = await countRows(t, 'contracts', ws);
    const accepted = await rep1.post(`/api/v1/quotes/${q.id}/accept`, { version: (sent.json() as QuoteDto).version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const { quote, contractId } = accepted.json() as { quote: QuoteDto; contractId: string };
    expect(quote).toMatchObject({ status: 'accepted', contractId, canEdit: false });
    expect(await countRows(t, 'contracts', ws)).toBe(contractsBefore + 1);
    const contract = (await rep1.get(`/api/v1/contracts/${contractId}`)).json() as ContractDto;
    expect(contract).toMatchObject({ status: 'draft', quoteId: q.id, amount: '27600.00', customer: { id: customer.id }, opportunity: { id: deal.id } });
    expect(contract.lines.map((l) => [l.productId, l.amount])).toEqual([[emf, '25600.00'], [null, '2000.00']]);
    expect(contract.paymentPlan.map((p) => [p.kind, p.dueDate, p.amount])).toEqual([['prepayment', today, '8280.00'], ['balance', addDays(today, 30), '19320.00']]);
    expect((await auditRows(t, ws, { entity: 'quote', entityId: q.id })).map((x) => x.action)).toEqual(['create', 'submit', 'approve', 'send', 'accept']);
  });

  it('an exception quote above quotes.managerMaxAmount also goes to the sales VP; the supervisor sees no cost, the manager does', async () => {
    // 2 × DCS-LITE at 380,000 less 10 % = 684,000.00 > 500,000.00, net unit 342,000 outside 361,000–399,000
    const q = await submit(await createQuote(rep1, { lines: [{ productId: dcs, description: 'DCS 控制系统', unit: '套', quantity: '2', unitPrice: '380000.00', discountPct: '10', taxRate: '13' }] }));
    expect(q).toMatchObject({ total: '684000.00', approvalLevel: 'vp', needsExceptionApproval: true });
    expect(q.approvalReasons.map((r) => r.code)).toEqual(['outsideFloatRange', 'discountAboveLimit']);
    const a = await approval(q.approvalId!);
    expect(a.steps.map((s) => s.assignees.map((x) => usernameOf.get(x.id)))).toEqual([['supervisor1'], ['manager1'], ['vp']]);
    const forSupervisor = await approval(q.approvalId!, 'supervisor1');
    expect((forSupervisor.snapshot.lines as { unitCost: string | null }[])[0]!.unitCost).toBeNull();
    const forManager = await approval(q.approvalId!, 'manager1');
    expect((forManager.snapshot.lines as { unitCost: string | null }[])[0]!.unitCost).toBe('246000.00');
    expect(await approveAll(q.approvalId!)).toEqual(['supervisor1', 'manager1', 'vp']);
    expect((await reload(q)).status).toBe('approved');
  });

  it('an exception quote within the manager\'s limit stops at the manager', async () => {
    const q = await submit(await createQuote(rep1, { lines: [emfLine({ unitPrice: '10000.00' })] }));
    expect(q).toMatchObject({ approvalLevel: 'supervisor', needsExceptionApproval: true });
    expect((await approval(q.approvalId!)).steps).toHaveLength(2);
  });

  it('segregation of duties: a rep cannot approve their own quote; a supervisor\'s own quote skips them and goes up to the manager', async () => {
    const q = await submit(await createQuote());
    const own = await rep1.post(`/api/v1/approvals/${q.approvalId}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect((await reload(q)).status).toBe('in_review');

    const supervisor = await as('supervisor1');
    const theirs = await submit(await createQuote(supervisor), supervisor);
    const a = await approval(theirs.approvalId!);
    expect(a.steps[0]!.assignees.map((x) => usernameOf.get(x.id))).toEqual(['manager1']);
    expect(a.steps[0]!.assignees.map((x) => x.id)).not.toContain(ids.supervisor1);
    expect((await supervisor.post(`/api/v1/approvals/${theirs.approvalId}/approve`, {})).statusCode).toBe(403);
  });
});

describe('approval loopholes closed (domain §17)', () => {
  it('editing a quote in review re-opens it to draft and cancels the pending approval; the approver\'s snapshot keeps the submitted values', async () => {
    const q = await submit(await createQuote());
    const edited = await rep1.patch(`/api/v1/quotes/${q.id}`, { version: q.version, ...body({ lines: [emfLine({ discountPct: '3' })] }), customerId: undefined });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'draft', revision: 1, approvalId: null, total: '24832.00' });
    const a = await approval(q.approvalId!);
    expect(a.status).toBe('cancelled');
    expect((a.snapshot.lines as { discountPct: string }[])[0]!.discountPct).toBe('0');
    expect(a.snapshot.total).toBe('27600.00');
    expect((await (await as('supervisor1')).post(`/api/v1/approvals/${q.approvalId}/approve`, {})).statusCode).not.toBe(200);
    expect((await reload(q)).status).toBe('draft');
  });

  it('raising a discount after approval makes revision 2 in draft, cancels the approval, keeps revision 1, and refuses to send it', async () => {
    const q = await approvedQuote();
    const res = await rep1.patch(`/api/v1/quotes/${q.id}`, { version: q.version, ...body({ lines: [emfLine({ discountPct: '4' })] }), customerId: undefined });
    expect(res.statusCode, res.body).toBe(200);
    const r2 = res.json() as QuoteDto;
    expect(r2).toMatchObject({ status: 'draft', revision: 2, approvalId: null, canSend: false });
    expect(r2.approvals.map((a) => a.status)).toEqual(['cancelled']);
    expect(r2.revisions).toHaveLength(1);
    expect(r2.revisions[0]).toMatchObject({ revision: 1, status: 'approved', total: '27600.00', revisedBy: { id: ids.rep1 }, supersededBy: { id: ids.rep1 } });
    const send = await rep1.post(`/api/v1/quotes/${q.id}/send`, { version: r2.version });
    expect(send.statusCode).toBe(422);
    expect(err(send).message).toContain('未经审批');
    expect((await reload(q)).status).toBe('draft');
  });

  it('lowering a price on a sent quote also starts a new revision needing approval', async () => {
    const q = await approvedQuote();
    const sent = (await rep1.post(`/api/v1/quotes/${q.id}/send`, { version: q.version })).json() as QuoteDto;
    const res = await rep1.patch(`/api/v1/quotes/${q.id}`, { version: sent.version, ...body({ lines: [emfLine({ unitPrice: '12000.00' })] }), customerId: undefined });
    expect(res.json()).toMatchObject({ status: 'draft', revision: 2, canAccept: false });
    expect((await rep1.post(`/api/v1/quotes/${q.id}/accept`, { version: (res.json() as QuoteDto).version })).statusCode).toBe(422);
  });

  it('copying an approved quote gives a new draft that carries no approval', async () => {
    const q = await approvedQuote();
    const res = await rep1.post(`/api/v1/quotes/${q.id}/copy`, {});
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json() as QuoteDto;
    expect(copy).toMatchObject({ status: 'draft', revision: 1, approvalId: null, approvals: [], total: q.total, validUntil: q.validUntil });
    expect(copy.number).not.toBe(q.number);
    expect((await rep1.post(`/api/v1/quotes/${copy.id}/send`, { version: copy.version })).statusCode).toBe(422);
    expect((await reload(q)).status).toBe('approved');
  });

  it('a stale version is refused with 409 and changes nothing', async () => {
    const q = await createQuote();
    await rep1.patch(`/api/v1/quotes/${q.id}`, { version: q.version, ...body(), customerId: undefined });
    const stale = await rep1.patch(`/api/v1/quotes/${q.id}`, { version: q.version, ...body({ lines: [emfLine({ quantity: '9' })] }), customerId: undefined });
    expect(stale.statusCode).toBe(409);
    expect((await reload(q)).lines[0]!.quantity).toBe('2');
  });
});

describe('validity and the customer\'s answer', () => {
  it('a quote past its validity is expired: listed as such and refused for submission', async () => {
    const q = await createQuote(rep1, { quoteDate: addDays(today, -40), validUntil: addDays(today, -1) });
    expect(q.status).toBe('expired');
    const list = (await rep1.get(`/api/v1/quotes?status=expired&customerId=${customer.id}&limit=200`)).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(q.id);
    const drafts = (await rep1.get(`/api/v1/quotes?status=draft&customerId=${customer.id}&limit=200`)).json() as { items: { id: string }[] };
    expect(drafts.items.map((i) => i.id)).not.toContain(q.id);
    const res = await rep1.post(`/api/v1/quotes/${q.id}/submit`, { version: q.version });
    expect(res.statusCode).toBe(422);
    expect(err(res).message).toContain(addDays(today, -1));
  });

  it('only a sent quote can be accepted; a declined one is closed with its reason', async () => {
    const q = await approvedQuote();
    expect((await rep1.post(`/api/v1/quotes/${q.id}/accept`, { version: q.version })).statusCode).toBe(422);
    const sent = (await rep1.post(`/api/v1/quotes/${q.id}/send`, { version: q.version })).json() as QuoteDto;
    const declined = await rep1.post(`/api/v1/quotes/${q.id}/decline`, { version: sent.version, reason: '客户选择了竞争对手' });
    expect(declined.json()).toMatchObject({ status: 'rejected_by_customer', declineReason: '客户选择了竞争对手', canEdit: false });
    const edit = await rep1.patch(`/api/v1/quotes/${q.id}`, { version: (declined.json() as QuoteDto).version, ...body(), customerId: undefined });
    expect(edit.statusCode).toBe(422);
  });
});

describe('who sees and does what', () => {
  it('a rep sees their own quotes only (list, detail, PDF); managers, the VP and the GM read them; finance and warehouse have no access', async () => {
    const q = await createQuote();
    const rep2 = await as('rep2');
    expect((await rep2.get(`/api/v1/quotes/${q.id}`)).statusCode).toBe(404);
    expect((await rep2.get(`/api/v1/quotes/${q.id}.pdf`)).statusCode).toBe(404);
    expect(((await rep2.get('/api/v1/quotes?limit=200')).json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(q.id);
    expect((await rep2.post(`/api/v1/quotes/${q.id}/copy`, {})).statusCode).toBe(404);
    for (const reader of ['supervisor1', 'manager1', 'vp', 'gm']) {
      const list = (await (await as(reader)).get(`/api/v1/quotes?customerId=${customer.id}&limit=200`)).json() as { items: { id: string }[] };
      expect(list.items.map((i) => i.id), reader).toContain(q.id);
    }
    expect((await (await as('vp')).get(`/api/v1/quotes/${q.id}`)).json()).toMatchObject({ canEdit: false, canSubmit: false });
    expect((await (await as('vp')).post('/api/v1/quotes', body())).statusCode).toBe(403);
    expect((await (await as('gm')).post(`/api/v1/quotes/${q.id}/submit`, { version: q.version })).statusCode).toBe(403);
    for (const outsider of ['finance1', 'warehouse1', 'cs1']) {
      expect((await (await as(outsider)).get('/api/v1/quotes')).statusCode, outsider).toBe(403);
      expect((await (await as(outsider)).get(`/api/v1/quotes/${q.id}.pdf`)).statusCode, outsider).toBe(403);
    }
    expect((await t.anonymous.get('/api/v1/quotes')).statusCode).toBe(401);
  });

  it('pages the list newest first with a cursor, filtered by owner', async () => {
    const a = await createQuote();
    const b = await createQuote();
    const first = (await rep1.get(`/api/v1/quotes?customerId=${customer.id}&ownerId=me&limit=1`)).json() as { items: { id: string }[]; nextCursor: string };
    expect(first.items.map((i) => i.id)).toEqual([b.id]);
    const second = (await rep1.get(`/api/v1/quotes?customerId=${customer.id}&ownerId=me&limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)).json() as { items: { id: string }[] };
    expect(second.items.map((i) => i.id)).toEqual([a.id]);
  });
});
