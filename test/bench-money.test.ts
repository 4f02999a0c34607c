import { beforeAll, describe, expect, it } from 'vitest';
import { rawClientOf, type RawClient } from '../scripts/bench/database.js';
import { generateMoney, MONEY_ID_TAG, type MoneyPart } from '../scripts/bench/money.js';
import { scales, type Scale } from '../scripts/bench/scales.js';
import { documentTotals, priceLines, type ContractLine } from '../src/shared/contract-amounts.js';
import { money } from '../src/shared/money.js';
import { planMismatch, validateContract, type PlanLine } from '../src/server/modules/contracts/contracts.rules.js';
import { priceOrderLine, statusFromShipped, type OrderLine } from '../src/server/modules/orders/orders.rules.js';
import { setupTestApp, type TestContext } from './harness.js';

/**
 * The benchmark's money part (scripts/bench/money.ts) writes jsonb in exactly the shapes the modules
 * read and amounts the modules' own rules would compute: checked here row by row against those rules,
 * and through the API, on a small part generated over the demo workspace.
 */
const small: Scale = { ...scales.S, historyDays: 400, contracts: 120, quotes: 60, orders: 150, shipments: 300, moneyBusyCustomers: 2, moneyBusyShare: 0.1 };
const tagged = `%-${MONEY_ID_TAG}-%`;

let t: TestContext;
let raw: RawClient;
let part: MoneyPart;
const rows = async <T>(text: string, params: unknown[] = []) => (await raw.query(text, params)).rows as T[];
const ws = () => t.demo.workspaceId;

async function generate(): Promise<MoneyPart> {
  const progress = { run: async (_name: string, work: (report: () => void) => Promise<number>) => work(() => {}) };
  return generateMoney(raw, small, { workspaceId: ws() }, progress, Date.now(), t.handle.kind === 'postgres', () => {});
}

beforeAll(async () => {
  t = await setupTestApp();
  raw = rawClientOf(t.handle);
  part = await generate();
}, 120_000);

describe('bench money part', () => {
  it('generates the counts of the scale, receivables for the signed contracts only', async () => {
    const count = async (table: string) => Number((await rows<{ n: string }>(`select count(*) as n from ${table} where workspace_id = $1 and id::text like $2`, [ws(), tagged]))[0]!.n);
    expect(await count('contracts')).toBe(small.contracts);
    expect(await count('quotes')).toBe(small.quotes);
    expect(await count('orders')).toBe(small.orders);
    expect(await count('shipments')).toBe(small.shipments);
    const unsigned = await rows(`select r.id from receivables r join contracts c on c.workspace_id = r.workspace_id and c.id = r.contract_id
      where r.workspace_id = $1 and r.id::text like $2 and c.status not in ('signed', 'executing', 'completed')`, [ws(), tagged]);
    expect(unsigned).toEqual([]);
    expect(part.busyCustomerIds).toHaveLength(2);
  });

  it('contract lines are priced as the contracts module prices them and the plan adds up to the amount to the cent', async () => {
    const contracts = await rows<{ id: string; amount: string; contract_date: string; lines: ContractLine[]; payment_plan: PlanLine[]; status: string }>(
      `select id, amount::text, contract_date::text, lines, payment_plan, status from contracts where workspace_id = $1 and id::text like $2`, [ws(), tagged]);
    expect(contracts).toHaveLength(small.contracts);
    for (const c of contracts) {
      const priced = priceLines(c.lines);
      expect(priced.lines).toEqual(c.lines);
      expect(priced.amount).toBe(c.amount);
      expect(planMismatch(c.payment_plan, c.amount)).toBeNull();
      expect(validateContract({ contractDate: c.contract_date, lines: c.lines, paymentPlan: c.payment_plan })).toEqual([]);
    }
    // one receivable per plan line of a signed contract, with the plan line's amount and due date
    const schedule = await rows<{ id: string; plan: PlanLine[]; recv: { planIndex: number; amount: string; dueDate: string }[] }>(`
      select c.id, c.payment_plan as plan, (select json_agg(json_build_object('planIndex', r.plan_index, 'amount', r.amount::text, 'dueDate', r.due_date::text) order by r.plan_index)
        from receivables r where r.workspace_id = c.workspace_id and r.contract_id = c.id) as recv
      from contracts c where c.workspace_id = $1 and c.id::text like $2 and c.status in ('signed', 'executing', 'completed')`, [ws(), tagged]);
    expect(schedule.length).toBeGreaterThan(small.contracts / 2);
    for (const s of schedule) expect(s.recv).toEqual(s.plan.map((p, i) => ({ planIndex: i, amount: p.amount, dueDate: p.dueDate })));
  });

  it('quote totals are those of the quotes module', async () => {
    const quotes = await rows<{ lines: ContractLine[]; list_amount: string; discount_amount: string; tax_amount: string; total: string }>(
      `select lines, list_amount::text, discount_amount::text, tax_amount::text, total::text from quotes where workspace_id = $1 and id::text like $2`, [ws(), tagged]);
    expect(quotes).toHaveLength(small.quotes);
    for (const q of quotes) {
      const totals = documentTotals(q.lines);
      expect([totals.listAmount, totals.discountAmount, totals.taxAmount, totals.total]).toEqual([q.list_amount, q.discount_amount, q.tax_amount, q.total]);
    }
  });

  it('orders are priced from their contract lines, never beyond them; shipments add up to the order lines and the order status follows them', async () => {
    const orders = await rows<{ id: string; status: string; amount: string; lines: OrderLine[]; contract_lines: ContractLine[] }>(`
      select o.id, o.status, o.amount::text, o.lines, c.lines as contract_lines from orders o join contracts c on c.workspace_id = o.workspace_id and c.id = o.contract_id
      where o.workspace_id = $1 and o.id::text like $2`, [ws(), tagged]);
    for (const o of orders) {
      for (const l of o.lines) {
        const c = o.contract_lines[l.contractLineIndex]!;
        expect(priceOrderLine(c, l.quantity)).toEqual({ unitPrice: l.unitPrice, amount: l.amount });
      }
      expect(money.add(...o.lines.map((l) => l.amount))).toBe(o.amount);
    }
    const overOrdered = await rows(`
      select c.id from contracts c cross join lateral jsonb_array_elements(c.lines) with ordinality as cl(v, idx)
      where c.workspace_id = $1 and c.id::text like $2 and (cl.v ->> 'quantity')::numeric < (select coalesce(sum((ol ->> 'quantity')::numeric), 0)
        from orders o, jsonb_array_elements(o.lines) ol where o.workspace_id = c.workspace_id and o.contract_id = c.id and o.status <> 'cancelled'
        and (ol ->> 'contractLineIndex')::int = cl.idx - 1)`, [ws(), tagged]);
    expect(overOrdered).toEqual([]);

    const shipped = await rows<{ order_id: string; line: number; quantity: string; amount: string; left_quantity: string }>(`
      select s.order_id, (l ->> 'orderLineIndex')::int as line, sum((l ->> 'quantity')::numeric)::text as quantity, sum((l ->> 'amount')::numeric)::text as amount,
        sum((l ->> 'quantity')::numeric) filter (where s.status in ('shipped', 'delivered'))::text as left_quantity
      from shipments s, jsonb_array_elements(s.lines) l where s.workspace_id = $1 and s.id::text like $2 group by 1, 2`, [ws(), tagged]);
    const byOrder = new Map<string, typeof shipped>();
    for (const s of shipped) byOrder.set(s.order_id, [...(byOrder.get(s.order_id) ?? []), s]);
    expect(byOrder.size).toBe(small.orders);
    for (const o of orders.filter((x) => byOrder.has(x.id))) {
      const lines = byOrder.get(o.id)!;
      // every order line is shipped exactly, and its shipments' amounts add up to the line amount
      expect(lines.map((l) => [l.line, money.parse(l.quantity).toString(), money.format(l.amount)]).sort())
        .toEqual(o.lines.map((l, i) => [i, l.quantity, l.amount]).sort());
      if (o.status !== 'cancelled') {
        expect(statusFromShipped(o.lines, new Map(lines.map((l) => [l.line, l.left_quantity ?? '0'])))).toBe(o.status);
      }
    }
  });

  it('the credit view and the shipment credit check answer for the busy customer, and the detail pages for generated documents', async () => {
    const gm = await t.loginAs('gm');
    const busy = part.busyCustomerIds[0]!;
    const credit = await gm.get(`/api/v1/customers/${busy}/credit`);
    expect(credit.statusCode).toBe(200);
    const owed = (await rows<{ s: string }>(`select coalesce(sum(amount - received), 0)::text as s from receivables
      where workspace_id = $1 and customer_id = $2 and status in ('open', 'partial')`, [ws(), busy]))[0]!.s;
    expect(credit.json().exposure).toBe(money.format(owed));
    expect(credit.json().hasProfile).toBe(true);

    const [order] = await rows<{ id: string }>(`select id from orders where workspace_id = $1 and id::text like $2 and status in ('open', 'partially_shipped') order by id limit 1`, [ws(), tagged]);
    const check = await gm.get(`/api/v1/shipments/credit-check?orderId=${order!.id}&amount=1000.00`);
    expect(check.statusCode).toBe(200);

    for (const [table, path] of [['contracts', 'contracts'], ['quotes', 'quotes'], ['orders', 'orders'], ['shipments', 'shipments'], ['invoice_requests', 'invoice-requests']]) {
      const ids = await rows<{ id: string }>(`select id from ${table} where workspace_id = $1 and id::text like $2 order by id limit 5`, [ws(), tagged]);
      expect(ids.length).toBeGreaterThan(0);
      for (const { id } of ids) expect((await gm.get(`/api/v1/${path}/${id}`)).statusCode, `${path}/${id}`).toBe(200);
    }
  });

  it('a second run replaces the part (its tagged rows are removed first) and new numbers continue after the generated ones', async () => {
    const again = await generate();
    expect(again.counts.contracts).toBe(part.counts.contracts);
    expect(again.counts.shipments).toBe(part.counts.shipments);
    const [seq] = await rows<{ n: number }>(`select max(last_value)::int as n from number_sequences where workspace_id = $1 and document_type = 'contract'`, [ws()]);
    expect(seq!.n).toBeGreaterThanOrEqual(small.contracts);
  });
});
