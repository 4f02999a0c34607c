import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS_ID_TAG, generateCollections, type CollectionsPart } from '../scripts/bench/collections.js';
import { rawClientOf, type RawClient } from '../scripts/bench/database.js';
import { generateMoney, MONEY_ID_TAG, type MoneyPart } from '../scripts/bench/money.js';
import { scales, type Scale } from '../scripts/bench/scales.js';
import { addDays, todayIn } from '../src/shared/dates.js';
import { money } from '../src/shared/money.js';
import { deferralCap } from '../src/server/modules/dunning/dunning.rules.js';
import { receivableStatus } from '../src/server/modules/receivables/receivables.rules.js';
import { setupTestApp, type TestContext } from './harness.js';

/**
 * The benchmark's collections part (scripts/bench/collections.ts) leaves the receivable lines, payments
 * and allocations as the payments module would have: checked here row by row against the modules'
 * rules, and through the API, on a small part generated over the demo workspace after a small money part.
 */
const small: Scale = { ...scales.S, historyDays: 400, contracts: 200, quotes: 20, orders: 40, shipments: 60, moneyBusyCustomers: 2, moneyBusyShare: 0.1, payments: 900 };
const moneyTag = `%-${MONEY_ID_TAG}-%`;
const tag = `%-${COLLECTIONS_ID_TAG}-%`;

let t: TestContext;
let raw: RawClient;
let moneyPart: MoneyPart;
let part: CollectionsPart;
const rows = async <T>(text: string, params: unknown[] = []) => (await raw.query(text, params)).rows as T[];
const ws = () => t.demo.workspaceId;
const progress = { run: async (_name: string, work: (report: () => void) => Promise<number>) => work(() => {}) };

async function generate(): Promise<CollectionsPart> {
  return generateCollections(raw, small, { workspaceId: ws() }, progress, Date.now(), t.handle.kind === 'postgres', () => {});
}

interface LineRow {
  id: string; amount: string; received: string; status: string; due_date: string; deferred_from: string | null; paid_on: string | null;
  written_off_on: string | null; signed_on: string; counted: string; last_on: string | null; allocations: number;
}

beforeAll(async () => {
  t = await setupTestApp();
  raw = rawClientOf(t.handle);
  moneyPart = await generateMoney(raw, small, { workspaceId: ws() }, progress, Date.now(), t.handle.kind === 'postgres', () => {});
  part = await generate();
}, 180_000);

describe('bench collections part', () => {
  it('writes the payments of the scale, about 1 % reversed, some over several lines, a few leaving customer credit', async () => {
    expect(part.counts.payments).toBe(small.payments);
    expect(part.counts.reversedPayments).toBe(Math.round(small.payments * 0.01));
    expect(part.counts.multiLinePayments).toBeGreaterThan(0);
    expect(part.counts.allocations).toBeGreaterThan(part.counts.payments! - part.counts.reversedPayments!);
    expect(part.counts.writtenOffLines).toBeGreaterThan(0);
    expect(part.counts.deferredLines).toBeGreaterThan(0);
    expect(part.counts.dunningSteps).toBeGreaterThan(0);
    expect(part.asOf).toBe(todayIn('Asia/Shanghai'));
  });

  it('every line holds received = its allocations that are not reversed, the status of the rules and paid_on of the settling payment', async () => {
    const lines = await rows<LineRow>(`
      select r.id, r.amount::text, r.received::text, r.status, r.due_date::text, r.deferred_from::text, r.paid_on::text, r.written_off_on::text,
        c.signed_on::text, coalesce(a.counted, 0)::text as counted, a.last_on::text, coalesce(a.n, 0)::int as allocations
      from receivables r join contracts c on c.workspace_id = r.workspace_id and c.id = r.contract_id
      left join (select receivable_id, sum(amount) filter (where reversed_at is null) as counted, max(received_on) filter (where reversed_at is null) as last_on,
        count(*) as n from payment_allocations where workspace_id = $1 group by receivable_id) a on a.receivable_id = r.id
      where r.workspace_id = $1 and r.id::text like $2`, [ws(), moneyTag]);
    expect(lines.length).toBe(part.counts.receivableLines);
    const today = todayIn('Asia/Shanghai');
    const seen = new Set<string>();
    for (const l of lines) {
      expect(money.format(l.received), l.id).toBe(money.format(l.counted));
      if (l.status === 'written_off') {
        expect(l.written_off_on, l.id).not.toBeNull();
        expect(l.paid_on).toBeNull();
        expect(money.compare(l.received, l.amount)).toBeLessThan(0);
      } else {
        expect(l.written_off_on).toBeNull();
        expect(l.status, l.id).toBe(receivableStatus(l.amount, l.received));
        expect(l.paid_on, l.id).toBe(l.status === 'paid' ? l.last_on : null);
      }
      if (l.deferred_from) {
        expect(l.due_date > l.deferred_from).toBe(true);
        expect(l.due_date <= deferralCap(l.deferred_from, 3)).toBe(true);
      }
      if (l.paid_on) expect(l.paid_on <= today).toBe(true);
      seen.add(l.status);
    }
    expect([...seen].sort()).toEqual(['open', 'paid', 'partial', 'written_off']);
  });

  it('payments add up: amount = allocations + unallocated; reversed ones count nowhere; allocations dated on their payment, never in the future nor before signing', async () => {
    const payments = await rows<{ id: string; amount: string; unallocated: string; status: string; received_on: string; customer_id: string; allocated: string; reversed: number; n: number; other_customer: number }>(`
      select p.id, p.amount::text, p.unallocated::text, p.status, p.received_on::text, p.customer_id, coalesce(sum(a.amount), 0)::text as allocated,
        count(*) filter (where a.reversed_at is not null)::int as reversed, count(a.id)::int as n,
        count(*) filter (where a.customer_id <> p.customer_id or a.received_on <> p.received_on)::int as other_customer
      from payments p left join payment_allocations a on a.workspace_id = p.workspace_id and a.payment_id = p.id
      where p.workspace_id = $1 and p.id::text like $2 group by p.workspace_id, p.id`, [ws(), tag]);
    expect(payments.length).toBe(small.payments);
    for (const p of payments) {
      expect(p.n, p.id).toBeGreaterThan(0);
      expect(p.other_customer, p.id).toBe(0);
      expect(money.format(p.amount)).toBe(money.add(p.allocated, p.unallocated));
      if (p.status === 'reversed') {
        expect(p.reversed).toBe(p.n);
      } else {
        expect(p.status).toBe('recorded');
        expect(p.reversed).toBe(0);
      }
    }
    const bad = await rows(`
      select a.id from payment_allocations a join receivables r on r.workspace_id = a.workspace_id and r.id = a.receivable_id
      join contracts c on c.workspace_id = r.workspace_id and c.id = r.contract_id
      where a.workspace_id = $1 and a.id::text like $2 and (a.received_on > $3::date or a.received_on < c.signed_on or a.amount <= 0 or a.customer_id <> r.customer_id)`,
    [ws(), tag, todayIn('Asia/Shanghai')]);
    expect(bad).toEqual([]);
  });

  it('the unpaid lines spread over every aging bucket and the dunning log is plausible', async () => {
    const today = todayIn('Asia/Shanghai');
    for (const key of ['unpaid_not_due', 'unpaid_d1_30', 'unpaid_over_120']) expect(part.counts[key], key).toBeGreaterThan(0);
    // each step on a line overdue that day and still owed then (written-off lines: the write-off step on its day)
    const steps = await rows<{ id: string; step: string; acted_on: string; due_date: string; paid_on: string | null; written_off_on: string | null; deadline: string | null }>(`
      select s.id, s.step, s.acted_on::text, r.due_date::text, r.paid_on::text, r.written_off_on::text, s.deadline::text
      from dunning_steps s join receivables r on r.workspace_id = s.workspace_id and r.id = s.receivable_id where s.workspace_id = $1 and s.id::text like $2`, [ws(), tag]);
    expect(steps.length).toBe(part.counts.dunningSteps);
    for (const s of steps) {
      expect(s.acted_on > s.due_date, s.id).toBe(true);
      expect(s.acted_on <= today).toBe(true);
      if (s.paid_on) expect(s.acted_on < s.paid_on, s.id).toBe(true);
      if (s.step === 'write_off') expect(s.acted_on).toBe(s.written_off_on);
      else if (s.written_off_on) expect(s.acted_on < s.written_off_on).toBe(true);
      expect(s.deadline).toBe(['thank_you', 'notice', 'lawyer_letter'].includes(s.step) ? addDays(s.acted_on, 10) : null);
    }
    const deferred = await rows(`select r.id from receivables r where r.workspace_id = $1 and r.deferred_from is not null and not exists (
      select 1 from deferral_requests d where d.workspace_id = r.workspace_id and d.receivable_id = r.id and d.status = 'approved' and d.new_due_date = r.due_date)`, [ws()]);
    expect(deferred).toEqual([]);
  });

  it('the API reads them: customer balance, aging and the dunning queue', async () => {
    const gm = await t.loginAs('gm');
    const busy = moneyPart.busyCustomerIds[0]!;
    const balance = await gm.get(`/api/v1/customers/${busy}/balance`);
    expect(balance.statusCode).toBe(200);
    const [owed] = await rows<{ outstanding: string; credit: string }>(`select
      (select coalesce(sum(amount - received), 0) from receivables where workspace_id = $1 and customer_id = $2 and status in ('open', 'partial'))::text as outstanding,
      (select coalesce(sum(unallocated), 0) from payments where workspace_id = $1 and customer_id = $2 and status = 'recorded')::text as credit`, [ws(), busy]);
    expect(balance.json().outstanding).toBe(money.format(owed!.outstanding));
    expect(balance.json().creditBalance).toBe(money.format(owed!.credit));

    const aging = await gm.get(`/api/v1/reports/aging?asOf=${part.asOf}&groupBy=customer`);
    expect(aging.statusCode).toBe(200);
    const [sum] = await rows<{ s: string }>(`select coalesce(sum(amount - received), 0)::text as s from receivables
      where workspace_id = $1 and status in ('open', 'partial') and amount > received`, [ws()]);
    expect(aging.json().totals.total).toBe(money.format(sum!.s));
    for (const b of ['not_due', '1_30', 'over_120']) expect(money.compare(aging.json().totals.buckets[b], 0), b).toBeGreaterThan(0);
    // 60 days back: payments received after that day are still owed as of it
    const earlier = await gm.get(`/api/v1/reports/aging?asOf=${addDays(part.asOf, -60)}&groupBy=team`);
    expect(earlier.statusCode).toBe(200);
    expect(earlier.json().totals.lines).toBeGreaterThan(0);

    const finance = await t.loginAs('finance1');
    const queue = await finance.get(`/api/v1/dunning?asOf=${part.asOf}`);
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.length).toBeGreaterThan(0);
    expect(queue.json().items.some((i: { lastStep: string | null }) => i.lastStep !== null)).toBe(true);
  });

  it('a second run replaces the part: the same payments over the same lines', async () => {
    const again = await generate();
    expect(again.counts).toEqual(part.counts);
  });
});
