import { describe, expect, it } from 'vitest';
import type { ApprovalDto } from '../src/shared/contracts/approvals.contract.js';
import type { DeferralDto, DunningQueue } from '../src/shared/contracts/dunning.contract.js';
import type { PaymentSlipDto } from '../src/shared/contracts/payments.contract.js';
import type { PenaltyStatementDto } from '../src/shared/contracts/penalties.contract.js';
import type { AgingReportDto } from '../src/shared/contracts/receivables.contract.js';
import { todayIn } from '../src/shared/dates.js';
import { money } from '../src/shared/money.js';
import { seedDemoWorkspace } from '../src/server/seed/demo.js';
import { endedMonths } from '../src/server/seed/demo-penalties.js';
import { login, setupTestApp } from './harness.js';

/**
 * The running demo's collections (npm start: demoCollections + demoPenalties): a buyer opening 账龄分析,
 * 催款, 回款责任扣款 and 我的缴款单 sees overdue lines in every bucket, the ladder at work, penalties and
 * slips in every state — seeded on a second copy of the demo so the other tests' data stays as it was.
 */
const t = await setupTestApp();
const suffix = `_col${process.pid}`;
const started = Date.now();
await seedDemoWorkspace(t.handle, { usernameSuffix: suffix, name: `回款演示${suffix}`, pendingPolicyChange: false, demoCollections: true, demoPenalties: true });
const seedMs = Date.now() - started;
const as = (user: string) => login(t.app, `${user}${suffix}`);
const today = todayIn('Asia/Shanghai');

describe('demo collections', () => {
  it('the aging report has the reps\' overdue money in every bucket', async () => {
    console.log(`[demo-collections] seeding the demo with collections and penalties took ${seedMs} ms`);
    const finance = await as('finance1');
    const aging = (await finance.get('/api/v1/reports/aging?groupBy=owner')).json() as AgingReportDto;
    for (const bucket of ['1_30', '31_60', '61_90', '91_120', 'over_120'] as const) expect(money.compare(aging.totals.buckets[bucket]!, 0), bucket).toBeGreaterThan(0);
    const owners = aging.rows.filter((r) => money.compare(money.sub(r.total, r.buckets.not_due!), 0) > 0).map((r) => r.name);
    expect(owners).toEqual(expect.arrayContaining(['陈静', '杨帆', '赵磊']));
  });

  it('the dunning queue: a thank-you for a customer in good standing, notices, lawyer\'s letters and a lawsuit logged in the past, a write-off waiting', async () => {
    const finance = await as('finance1');
    const queue = (await finance.get('/api/v1/dunning')).json() as DunningQueue;
    expect(queue.items.some((l) => l.goodStanding && l.nextStep === 'thank_you')).toBe(true);
    expect([...new Set(queue.items.map((l) => l.lastStep))]).toEqual(expect.arrayContaining([null, 'notice', 'lawyer_letter', 'lawsuit']));
    expect(new Set(queue.items.map((l) => l.grade)).size).toBeGreaterThanOrEqual(3);
    expect(queue.items.filter((l) => l.writeOffPending)).toHaveLength(1);
    const logged = queue.items.flatMap((l) => l.log).filter((s) => s.step !== 'write_off');
    expect(logged.length).toBeGreaterThanOrEqual(8);
    for (const s of logged) expect(s.actedOn < today, `${s.step} on ${s.actedOn}`).toBe(true);
    expect(queue.items.some((l) => money.compare(l.outstanding, l.amount) < 0)).toBe(true); // partly paid lines
  });

  it('a deferral approved (line no longer overdue), one waiting for the VP; the write-off and a slip wait for the sales manager', async () => {
    const finance = await as('finance1');
    const approved = ((await finance.get('/api/v1/deferrals?status=approved')).json() as { items: DeferralDto[] }).items;
    const pending = ((await finance.get('/api/v1/deferrals?status=pending')).json() as { items: DeferralDto[] }).items;
    expect([approved.length, pending.length]).toEqual([1, 1]);
    const vp = await as('vp');
    const vpInbox = ((await vp.get('/api/v1/approvals?status=pending&assignee=me')).json() as { items: ApprovalDto[] }).items;
    expect(vpInbox.map((a) => a.documentType)).toContain('payment_deferral');
    const manager = await as('manager1');
    const inbox = ((await manager.get('/api/v1/approvals?status=pending&assignee=me')).json() as { items: ApprovalDto[] }).items.map((a) => a.documentType).sort();
    expect(inbox).toEqual(['bad_debt_write_off', 'payment_slip']);
  });

  it('payment slips in every state: recorded, waiting for the manager, approved waiting for finance, returned with its reason, rejected', async () => {
    const finance = await as('finance1');
    const slips = ((await finance.get('/api/v1/payment-slips?limit=100')).json() as { items: PaymentSlipDto[] }).items;
    const count = (s: string) => slips.filter((x) => x.status === s).length;
    expect({ recorded: count('recorded'), in_review: count('in_review'), approved: count('approved'), draft: count('draft'), rejected: count('rejected') })
      .toEqual({ recorded: 2, in_review: 1, approved: 1, draft: 1, rejected: 1 });
    expect(slips.find((s) => s.status === 'draft')!.decisionComment).toContain('回单号');
    const rep2 = await as('rep2');
    const mine = ((await rep2.get('/api/v1/payment-slips')).json() as { items: PaymentSlipDto[] }).items;
    expect(mine.some((s) => s.status === 'draft')).toBe(true);
  });

  it('the last three ended months show monthly deductions, one 20 % bad debt and a refund', async () => {
    const finance = await as('finance1');
    const statements = await Promise.all(endedMonths(today, 3).map(async (month) => (await finance.get(`/api/v1/penalties?month=${month}`)).json() as PenaltyStatementDto));
    const sum = (s: PenaltyStatementDto, k: 'monthly' | 'badDebt' | 'refund') => money.add(...s.people.map((p) => p[k]));
    for (const s of statements) {
      expect(s.run, s.month).not.toBeNull();
      expect(money.compare(sum(s, 'monthly'), 0), s.month).toBeGreaterThan(0);
    }
    expect(statements.filter((s) => money.compare(sum(s, 'badDebt'), 0) !== 0).map((s) => s.month)).toEqual([statements[2]!.month]);
    expect(statements.filter((s) => money.compare(sum(s, 'refund'), 0) !== 0).map((s) => s.month)).toEqual([statements[1]!.month]);
  });
});
