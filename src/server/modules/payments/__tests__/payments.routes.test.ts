import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import type { PaymentDto } from '../../../../shared/contracts/payments.contract.js';
import type { AgingLinesDto, AgingReportDto, CollectionRateDto, ReceivableDto } from '../../../../shared/contracts/receivables.contract.js';
import { addDays } from '../../../../shared/dates.js';
import { money } from '../../../../shared/money.js';
import { signContractThroughApi } from '../../contracts/__tests__/contracts.fixtures.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';
import { setCreditLimit, shipmentBody, signedOrder, today } from '../../shipments/__tests__/shipments.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const pathOf = (res: { json(): unknown }) => (res.json() as { error: { details?: { path: string }[] } }).error.details?.[0]?.path;

/** A signed contract of rep1's new customer: lines 30,000.00 due 45 days ago (prepayment) and 70,000.00 due in 10 days (balance). */
async function customerWithLines(plan?: Record<string, unknown>[]) {
  const [rep1, manager1] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1')]);
  const customer = await createCustomer(rep1);
  const contract = await signContractThroughApi(rep1, manager1, customer.id, {
    contractDate: addDays(today(), -60),
    paymentPlan: plan ?? [
      { kind: 'prepayment', dueDate: addDays(today(), -45), amount: '30000.00', percent: '30' },
      { kind: 'balance', dueDate: addDays(today(), 10), amount: '70000.00', percent: '70' },
    ],
  });
  // signed 60 days ago, so the aging as of a past day sees it
  await t.handle.db.execute(`update contracts set signed_on = '${addDays(today(), -60)}' where workspace_id = '${ws}' and id = '${contract.id}'`);
  const lines = ((await rep1.get(`/api/v1/receivables?contractId=${contract.id}`)).json() as { items: ReceivableDto[] }).items;
  return { rep1, manager1, customer, contract, lines };
}
async function record(finance: Client, body: Record<string, unknown>, status = 201) {
  const res = await finance.post('/api/v1/payments', { receivedOn: today(), method: 'bank_transfer', reference: 'HD2026001', ...body });
  expect(res.statusCode, res.body).toBe(status);
  return res;
}
const aging = async (c: Client, q: string) => (await c.get(`/api/v1/reports/aging?${q}`)).json() as AgingReportDto;

describe('recording a payment (finance)', () => {
  it('records a partial payment over two lines: received, status, paid_on updated, audited, event written', async () => {
    const { customer, lines } = await customerWithLines();
    const finance = await t.loginAs('finance1');
    const res = await record(finance, {
      customerId: customer.id, amount: '40000.00', allocations: [{ receivableId: lines[0]!.id, amount: '30000.00' }, { receivableId: lines[1]!.id, amount: '10000.00' }],
    });
    const p = res.json() as PaymentDto;
    expect(p).toMatchObject({ amount: '40000.00', allocated: '40000.00', unallocated: '0.00', status: 'recorded' });
    expect(p.allocations).toHaveLength(2);
    const after = ((await finance.get(`/api/v1/receivables?customerId=${customer.id}`)).json() as { items: ReceivableDto[] }).items;
    expect(after.map((l) => [l.received, l.status, l.paidOn])).toEqual([['30000.00', 'paid', today()], ['10000.00', 'partial', null]]);
    expect(await auditRows(t, ws, { entity: 'payment', entityId: p.id, action: 'record' })).toHaveLength(1);
    const events = await t.handle.db.execute(`select count(*)::int as n from outbox where workspace_id = '${ws}' and topic = 'payment.recorded' and payload->>'paymentId' = '${p.id}'`);
    expect(((events as { rows?: { n: number }[] }).rows ?? (events as unknown as { n: number }[]))[0]!.n).toBe(1);
  });

  it('allocates oldest due first without allocations', async () => {
    const { customer } = await customerWithLines();
    const finance = await t.loginAs('finance1');
    const p = (await record(finance, { customerId: customer.id, amount: '35000.00' })).json() as PaymentDto;
    expect(p.allocations.map((a) => [a.kind, a.amount])).toEqual([['prepayment', '30000.00'], ['balance', '5000.00']]);
  });

  it('refuses a payment dated tomorrow naming receivedOn, and writes nothing', async () => {
    const { customer } = await customerWithLines();
    const finance = await t.loginAs('finance1');
    const before = await countRows(t, 'payments', ws);
    const res = await record(finance, { customerId: customer.id, amount: '100.00', receivedOn: addDays(today(), 1) }, 422);
    expect([codeOf(res), pathOf(res)]).toEqual(['RULE_VIOLATION', 'receivedOn']);
    expect(await countRows(t, 'payments', ws)).toBe(before);
  });

  it('refuses a payment larger than all open lines without a choice for the rest, and writes nothing; keeps it as customer credit when asked', async () => {
    const { customer } = await customerWithLines();
    const finance = await t.loginAs('finance1');
    const [payments, allocations] = [await countRows(t, 'payments', ws), await countRows(t, 'payment_allocations', ws)];
    const res = await record(finance, { customerId: customer.id, amount: '100000.01' }, 422);
    expect([codeOf(res), pathOf(res)]).toEqual(['RULE_VIOLATION', 'remainder']);
    expect(res.json().error.message).toContain('0.01');
    expect([await countRows(t, 'payments', ws), await countRows(t, 'payment_allocations', ws)]).toEqual([payments, allocations]);
    const lines = ((await finance.get(`/api/v1/receivables?customerId=${customer.id}`)).json() as { items: ReceivableDto[] }).items;
    expect(lines.every((l) => l.received === '0.00' && l.status === 'open')).toBe(true);
    const kept = (await record(finance, { customerId: customer.id, amount: '100000.01', remainder: 'customer_credit' })).json() as PaymentDto;
    expect(kept.unallocated).toBe('0.01');
    expect((await finance.get(`/api/v1/customers/${customer.id}/balance`)).json()).toMatchObject({ outstanding: '0.00', creditBalance: '0.01' });
  });

  it('refuses an allocation above a line\'s outstanding naming the line (en-US too)', async () => {
    const { customer, lines } = await customerWithLines();
    const finance = await t.loginAs('finance1');
    const res = await finance.post('/api/v1/payments', { customerId: customer.id, amount: '30000.01', receivedOn: today(), allocations: [{ receivableId: lines[0]!.id, amount: '30000.01' }] }, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(422);
    expect(pathOf(res)).toBe('allocations.0.amount');
    expect(res.json().error.message).toContain('30000.00');
  });

  it('reverses a wrong payment with a reason: the lines get their money back', async () => {
    const { customer } = await customerWithLines();
    const finance = await t.loginAs('finance1');
    const p = (await record(finance, { customerId: customer.id, amount: '30000.00' })).json() as PaymentDto;
    const res = await finance.post(`/api/v1/payments/${p.id}/reverse`, { reason: '银行回单录错客户', version: p.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reversed', allocated: '0.00' });
    const lines = ((await finance.get(`/api/v1/receivables?customerId=${customer.id}`)).json() as { items: ReceivableDto[] }).items;
    expect(lines.map((l) => [l.received, l.status, l.paidOn])).toEqual([['0.00', 'open', null], ['0.00', 'open', null]]);
  });
});

describe('who may record and read', () => {
  it('a rep, a manager and the GM cannot record a payment (403); the rep sees only own receivables and payments', async () => {
    const { customer } = await customerWithLines();
    for (const who of ['rep1', 'manager1', 'gm', 'warehouse1']) {
      const res = await (await t.loginAs(who)).post('/api/v1/payments', { customerId: customer.id, amount: '1.00', receivedOn: today() });
      expect(res.statusCode, who).toBe(403);
    }
    const finance = await t.loginAs('finance1');
    await record(finance, { customerId: customer.id, amount: '1.00' });
    const rep2 = await t.loginAs('rep2');
    expect(((await rep2.get(`/api/v1/receivables?customerId=${customer.id}`)).json() as { items: unknown[] }).items).toHaveLength(0);
    expect(((await rep2.get(`/api/v1/payments?customerId=${customer.id}`)).json() as { items: unknown[] }).items).toHaveLength(0);
    const rep1 = await t.loginAs('rep1');
    expect(((await rep1.get(`/api/v1/payments?customerId=${customer.id}`)).json() as { items: unknown[] }).items).toHaveLength(1);
    expect((await (await t.loginAs('warehouse1')).get('/api/v1/receivables')).statusCode).toBe(403);
  });
});

describe('receivables list, aging and collection rate', () => {
  it('lists overdue lines with days overdue as of a day', async () => {
    const { customer, rep1 } = await customerWithLines();
    const items = ((await rep1.get(`/api/v1/receivables?customerId=${customer.id}&overdue=true&asOf=${today()}`)).json() as { items: ReceivableDto[] }).items;
    expect(items.map((l) => [l.kind, l.daysOverdue])).toEqual([['prepayment', 45]]);
  });

  it('buckets outstanding money as of today and as of a past day (payments after it do not count), with drill-down', async () => {
    const { customer, rep1 } = await customerWithLines();
    const row = (r: AgingReportDto) => r.rows.find((x) => x.key === customer.id);
    const before = row(await aging(rep1, `asOf=${today()}&groupBy=customer`))!;
    expect(before.buckets).toMatchObject({ '31_60': '30000.00', not_due: '70000.00' });
    const finance = await t.loginAs('finance1');
    await record(finance, { customerId: customer.id, amount: '10000.00' });
    expect(row(await aging(rep1, `asOf=${today()}`))!.buckets['31_60']).toBe('20000.00');
    // as of yesterday the payment had not arrived; 44 days overdue then
    expect(row(await aging(rep1, `asOf=${addDays(today(), -1)}`))!.buckets['31_60']).toBe('30000.00');
    // as of 20 days ago: 25 days overdue
    expect(row(await aging(rep1, `asOf=${addDays(today(), -20)}`))!.buckets['1_30']).toBe('30000.00');
    const lines = (await rep1.get(`/api/v1/reports/aging/lines?customerId=${customer.id}&bucket=31_60`)).json() as AgingLinesDto;
    expect(lines.items.map((l) => [l.outstanding, l.daysOverdue])).toEqual([['20000.00', 45]]);
    expect(row(await aging(await t.loginAs('rep2'), `asOf=${today()}`))).toBeUndefined();
    const xlsx = await rep1.get(`/api/v1/reports/aging.xlsx?asOf=${today()}&groupBy=owner`);
    expect(xlsx.statusCode).toBe(200);
  });

  it('as of yesterday still counts a line paid in full today and a line written off today; not as of today', async () => {
    const { customer, rep1, lines } = await customerWithLines();
    const finance = await t.loginAs('finance1');
    await record(finance, { customerId: customer.id, amount: '30000.00', allocations: [{ receivableId: lines.find((l) => l.kind === 'prepayment')!.id, amount: '30000.00' }] });
    const balance = lines.find((l) => l.kind === 'balance')!;
    await t.handle.db.execute(`update receivables set status = 'written_off', written_off_on = '${today()}' where workspace_id = '${ws}' and id = '${balance.id}'`);
    const row = (r: AgingReportDto) => r.rows.find((x) => x.key === customer.id);
    expect(row(await aging(rep1, `asOf=${addDays(today(), -1)}`))!.buckets).toMatchObject({ '31_60': '30000.00', not_due: '70000.00' });
    expect(row(await aging(rep1, `asOf=${today()}`))).toBeUndefined();
  });

  it('answers the largest groups up to limit, with totals and the number of groups over all of them', async () => {
    await customerWithLines();
    const { customer } = await customerWithLines();
    const finance = await t.loginAs('finance1');
    await record(finance, { customerId: customer.id, amount: '10000.00' });
    const all = await aging(finance, `asOf=${today()}&groupBy=customer&limit=1000`);
    const top = await aging(finance, `asOf=${today()}&groupBy=customer&limit=1`);
    expect(all.rows.length).toBe(all.groups);
    expect(all.groups).toBeGreaterThanOrEqual(2);
    expect(top.groups).toBe(all.groups);
    expect(top.rows).toEqual([all.rows[0]]);
    expect(top.totals).toEqual(all.totals);
    expect(all.rows.reduce((sum, r) => money.add(sum, r.total), '0.00')).toBe(all.totals.total);
    expect(all.rows.map((r) => r.total)).toEqual([...all.rows.map((r) => r.total)].sort((a, b) => money.compare(b, a)));
    const bad = await finance.get(`/api/v1/reports/aging?limit=0`);
    expect([bad.statusCode, pathOf(bad)]).toEqual([400, 'limit']);
  });

  it('computes the collection rate per owner: collected in the period ÷ due in the period', async () => {
    const { customer } = await customerWithLines([{ kind: 'balance', dueDate: '2031-03-10', amount: '100000.00', percent: '100' }]);
    const finance = await t.loginAs('finance1');
    await record(finance, { customerId: customer.id, amount: '25000.00' });
    const res = (await finance.get(`/api/v1/reports/collection-rate?from=2031-03-01&to=2031-03-31&groupBy=owner`)).json() as CollectionRateDto;
    expect(res.totals).toMatchObject({ due: '100000.00', collected: '0.00' }); // the 25,000.00 came in today, not in March 2031
    const r2 = (await finance.get(`/api/v1/reports/collection-rate?from=${today()}&to=2031-03-31&groupBy=team`)).json() as CollectionRateDto;
    expect(money.compare(r2.totals.collected, '25000.00')).toBeGreaterThanOrEqual(0); // other tests' payments of today count too
  });
});

describe('prepayment before shipping', () => {
  it.each([
    ['nothing received', null, 422],
    ['half received', '15000.00', 422],
    ['all received', '30000.00', 201],
  ])('a shipment when the prepayment has %s → %i (an over-credit limit does not matter)', async (_name, paid, status) => {
    const [rep1, manager1, finance] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1'), t.loginAs('finance1')]);
    const customer = await createCustomer(rep1);
    await setCreditLimit(t, customer.id, '1000000.00');
    const { orderId, contract } = await signedOrder(t, rep1, manager1, customer.id, {
      contract: { paymentPlan: [{ kind: 'prepayment', dueDate: today(), amount: '30000.00', percent: '30' }, { kind: 'balance', dueDate: '2099-12-31', amount: '70000.00', percent: '70' }] },
    });
    if (paid) await record(finance, { customerId: customer.id, amount: paid });
    // the shipment form's preview tells before anything is pressed
    const preview = (await rep1.get(`/api/v1/shipments/credit-check?orderId=${orderId}&amount=30000.00`)).json() as { prepaymentOwed: string | null };
    expect(preview.prepaymentOwed).toBe(paid === null ? '30000.00' : paid === '15000.00' ? '15000.00' : null);
    const res = await rep1.post('/api/v1/shipments', shipmentBody(orderId, [{ orderLineIndex: 0, quantity: '1' }], { creditHold: true }));
    expect(res.statusCode, res.body).toBe(status);
    if (status === 422) {
      expect(res.json().error.message).toContain(contract.number);
      expect(res.json().error.message).toContain(paid ? '15000.00' : '30000.00');
      expect(res.json().error.details[1].message).toContain('预付款');
    }
  });
});

