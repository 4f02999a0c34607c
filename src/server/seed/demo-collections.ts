import { and, asc, desc, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import { addDays, daysBetween, todayIn, type IsoDate } from '../../shared/dates.js';
import { money } from '../../shared/money.js';
import { decideApproval } from '../platform/approvals/approvals.service.js';
import { approvalSteps } from '../platform/approvals/approvals.schema.js';
import { contextFor } from '../platform/auth/context-for.js';
import type { DbHandle } from '../platform/db/client.js';
import type { CommandContext } from '../platform/http/context.js';
import { tasks } from '../modules/activities/activities.schema.js';
import { contracts } from '../modules/contracts/contracts.schema.js';
import { createContract, getContract, signContract, submitContract } from '../modules/contracts/index.js';
import { priceLines } from '../modules/contracts/contracts.rules.js';
import { creditInvestigations } from '../modules/credit/credit.ratings.schema.js';
import { creditProfiles } from '../modules/credit/credit.schema.js';
import { customers } from '../modules/customers/customers.schema.js';
import { dunningSteps } from '../modules/dunning/dunning.schema.js';
import { logDunningStep, requestDeferral } from '../modules/dunning/index.js';
import { filePaymentSlip, getPaymentSlip, recordPayment, recordPaymentSlip } from '../modules/payments/index.js';
import { paymentSlips } from '../modules/payments/payments.schema.js';
import { quotes } from '../modules/quotes/quotes.schema.js';
import { receivables } from '../modules/receivables/receivables.schema.js';

const SELLER = '凯罗斯智能装备有限公司';
type Rep = 'rep1' | 'rep2' | 'rep3';
type Grade = 'A' | 'B' | 'C' | 'D';
type Step = 'notice' | 'lawyer_letter' | 'lawsuit';

/**
 * One demo credit sale of the collections story. Dates are days before today (T): signed on T − signedAgo,
 * 30 % prepayment due 7 days later, 70 % balance due on T − balanceOverdue (negative = not due yet).
 */
interface Sale {
  rep: Rep; grades: Grade[]; title: string; amount: string; signedAgo: number; balanceOverdue: number;
  /** the prepayment: through the rep's payment slip (recorded by finance) or a payment finance entered directly */
  prepaidBy: 'slip' | 'payment' | 'open';
  partial?: { amount: string; daysAgo: number };
  /** dunning steps, each on the day the line was `atDays` overdue */
  steps?: { step: Step; atDays: number; note: string }[];
}

/**
 * The stories, dated from today and from the last three ended months (the penalty runs): the refund line is
 * 40 days overdue at the end of the first, the sued line reaches 120 days ten days before the end of the last.
 */
function salesFor(today: IsoDate, firstMonthEnd: IsoDate, lastMonthEnd: IsoDate): Record<string, Sale> {
  const refundDue = addDays(firstMonthEnd, -40);
  const suedDue = addDays(lastMonthEnd, -130);
  const ago = (d: IsoDate) => daysBetween(d, today);
  return {
    // 1–30: customers in good standing (grade A/B, nothing over 30 days): the queue offers a thank-you letter
    goodA: { rep: 'rep1', grades: ['A', 'B'], title: '自动化生产线改造项目合同', amount: '268000.00', signedAgo: 75, balanceOverdue: 12, prepaidBy: 'slip' },
    goodB: { rep: 'rep2', grades: ['B', 'A'], title: '智能检测工作站采购合同', amount: '156000.00', signedAgo: 100, balanceOverdue: 25, prepaidBy: 'slip', partial: { amount: '50000.00', daysAgo: 8 } },
    // 31–60: a collection notice went out
    notice: { rep: 'rep1', grades: ['C', 'B'], title: '仓储输送设备采购合同', amount: '96000.00', signedAgo: 110, balanceOverdue: 45, prepaidBy: 'payment',
      steps: [{ step: 'notice', atDays: 5, note: '催款通知书已快递至客户财务部（顺丰）' }] },
    // 61–90: partly paid, notice then lawyer's letter
    lawyer: { rep: 'rep3', grades: ['B', 'C'], title: '数控加工中心采购合同', amount: '328000.00', signedAgo: 150, balanceOverdue: 75, prepaidBy: 'payment', partial: { amount: '80000.00', daysAgo: 30 },
      steps: [{ step: 'notice', atDays: 5, note: '电话催收无果，寄送催款通知书' }, { step: 'lawyer_letter', atDays: 63, note: '委托律师事务所发出律师函' }] },
    // 91–120
    late: { rep: 'rep2', grades: ['C', 'D'], title: '环保除尘系统合同', amount: '185000.00', signedAgo: 190, balanceOverdue: 105, prepaidBy: 'payment',
      steps: [{ step: 'notice', atDays: 5, note: '寄送催款通知书' }, { step: 'lawyer_letter', atDays: 60, note: '客户以资金紧张为由拖延，发律师函' }] },
    // > 120: reaches 120 days inside the last ended month (the 20 % bad-debt deduction), sued
    sued: { rep: 'rep3', grades: ['D', 'C'], title: '包装机械成套设备合同', amount: '142000.00', signedAgo: ago(suedDue) + 90, balanceOverdue: ago(suedDue), prepaidBy: 'payment', partial: { amount: '20000.00', daysAgo: 100 },
      steps: [{ step: 'notice', atDays: 5, note: '寄送催款通知书' }, { step: 'lawyer_letter', atDays: 62, note: '发律师函' }, { step: 'lawsuit', atDays: 122, note: '已向人民法院提起诉讼，证据材料由销售整理' }] },
    // > 120, long gone (its 120th day fell before the three months the demo runs): finance asks to write it off (waits for the sales manager)
    writeOff: { rep: 'rep1', grades: ['D', 'C'], title: '车间照明改造合同', amount: '76000.00', signedAgo: 420, balanceOverdue: 300, prepaidBy: 'payment',
      steps: [{ step: 'notice', atDays: 10, note: '寄送催款通知书' }, { step: 'lawyer_letter', atDays: 60, note: '发律师函' }, { step: 'lawsuit', atDays: 125, note: '起诉；客户已停止经营' }] },
    // deferrals: one approved by the VP and the GM (no longer overdue), one waiting for the VP
    deferred: { rep: 'rep2', grades: ['B', 'A'], title: '机器人焊接单元合同', amount: '210000.00', signedAgo: 95, balanceOverdue: 20, prepaidBy: 'payment' },
    deferring: { rep: 'rep1', grades: ['B', 'A'], title: '冷链仓储监控系统合同', amount: '118000.00', signedAgo: 85, balanceOverdue: -6, prepaidBy: 'payment' },
    // overdue in the first of the three ended months, paid in full in the second: the penalties are refunded
    refund: { rep: 'rep3', grades: ['C', 'B'], title: '电气控制柜采购合同', amount: '88000.00', signedAgo: ago(refundDue) + 60, balanceOverdue: ago(refundDue), prepaidBy: 'payment' },
    // recently signed, prepayment still open: the payment slips of the reps' side
    slipRejected: { rep: 'rep1', grades: ['B', 'A', 'C'], title: '智能立体库扩容合同', amount: '240000.00', signedAgo: 6, balanceOverdue: -84, prepaidBy: 'open' },
    slipReturned: { rep: 'rep2', grades: ['B', 'A', 'C'], title: '柔性装配线合同', amount: '132000.00', signedAgo: 4, balanceOverdue: -86, prepaidBy: 'open' },
    slipApproved: { rep: 'rep3', grades: ['B', 'A', 'C'], title: '能源管理平台合同', amount: '175000.00', signedAgo: 8, balanceOverdue: -82, prepaidBy: 'open' },
  };
}

/** Approves every pending step of an approval as its first assignee (the seed's approvers; contexts cached in `approvers`). */
async function approveAll(handle: DbHandle, ws: string, approvers: Map<string, Promise<CommandContext>>, approvalId: string, comment: string) {
  for (let guard = 0; guard < 5; guard++) {
    const [step] = await handle.db.select({ assigneeIds: approvalSteps.assigneeIds }).from(approvalSteps)
      .where(and(eq(approvalSteps.workspaceId, ws), eq(approvalSteps.approvalId, approvalId), eq(approvalSteps.status, 'pending')));
    if (!step) return;
    const userId = (step.assigneeIds as string[])[0]!;
    if (!approvers.has(userId)) approvers.set(userId, contextFor(handle, ws, userId));
    await decideApproval(await approvers.get(userId)!, approvalId, 'approve', comment);
  }
}

/**
 * Demo collections (issue 6): why the rest of the demo is never overdue — its contracts are signed
 * in the last six months with a 90-day balance, and the older ones are marked paid — so this seed adds
 * a collection story on customers no other demo flow uses (no contract, quote or credit investigation;
 * overdue debt blocks their shipments). Through the same commands as the API: the reps' contracts are
 * created, reviewed and signed back-dated; prepayments come in by payment slip or direct payment on
 * their day; balances fall in every aging bucket (some partly paid); notices, lawyer's letters and a
 * lawsuit are logged and then back-dated to their day (the command logs today; only the step, its
 * to-do and its reply deadline are moved); a deferral approved, one waiting for the VP; a write-off
 * waiting for the sales manager; slips rejected, returned, waiting for the manager, waiting for finance.
 * Returns `settle`, the payment that clears the refund line — the penalty seed calls it after the
 * first ended month is run, so that month charges it and a later month refunds it.
 */
export async function seedDemoCollections(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }, options: { firstMonthEnd: IsoDate; lastMonthEnd: IsoDate }) {
  const ws = demo.workspaceId;
  const db = handle.db;
  const today = todayIn('Asia/Shanghai');
  const sales = salesFor(today, options.firstMonthEnd, options.lastMonthEnd);
  const ctx = {} as Record<Rep | 'manager1' | 'finance1', CommandContext>;
  for (const u of ['rep1', 'rep2', 'rep3', 'manager1', 'finance1'] as const) ctx[u] = await contextFor(handle, ws, demo.userIds[u]!);
  const approvers = new Map<string, Promise<CommandContext>>([[demo.userIds.manager1!, Promise.resolve(ctx.manager1)]]);

  // customers no other demo flow touches: owned by the rep, rated, without contract, quote or investigation
  const used = new Set([
    ...(await db.select({ id: contracts.customerId }).from(contracts).where(eq(contracts.workspaceId, ws))).map((r) => r.id),
    ...(await db.select({ id: quotes.customerId }).from(quotes).where(eq(quotes.workspaceId, ws))).map((r) => r.id),
    ...(await db.select({ id: creditInvestigations.customerId }).from(creditInvestigations).where(eq(creditInvestigations.workspaceId, ws))).map((r) => r.id),
  ]);
  const candidates = (await db.select({ id: customers.id, name: customers.name, ownerId: customers.ownerId, grade: creditProfiles.grade }).from(customers)
    .innerJoin(creditProfiles, and(eq(creditProfiles.workspaceId, customers.workspaceId), eq(creditProfiles.customerId, customers.id)))
    .where(and(eq(customers.workspaceId, ws), isNotNull(customers.ownerId), inArray(customers.ownerId, (['rep1', 'rep2', 'rep3'] as const).map((u) => demo.userIds[u]!))))
    .orderBy(desc(customers.id))).filter((c) => !used.has(c.id));
  const pickCustomer = (sale: Sale) => {
    for (const grade of sale.grades) {
      const c = candidates.find((x) => x.ownerId === demo.userIds[sale.rep] && x.grade === grade && !used.has(x.id));
      if (c) { used.add(c.id); return c; }
    }
    const c = candidates.find((x) => x.ownerId === demo.userIds[sale.rep] && !used.has(x.id));
    if (c) used.add(c.id);
    return c;
  };

  const lines = {} as Record<string, { prepayment: typeof receivables.$inferSelect; balance: typeof receivables.$inferSelect; customerId: string }>;
  for (const [key, sale] of Object.entries(sales)) {
    const customer = pickCustomer(sale);
    if (!customer) continue;
    const rep = ctx[sale.rep];
    const signedOn = addDays(today, -sale.signedAgo);
    const contractDate = addDays(signedOn, -5);
    const equipment = money.format(money.parse(sale.amount).times('0.8'));
    const priced = priceLines([
      { description: '成套自动化设备', unit: '套', quantity: '1', unitPrice: equipment, discountPct: '0', taxRate: '13' },
      { description: '安装调试及培训服务', unit: '项', quantity: '1', unitPrice: money.sub(sale.amount, equipment), discountPct: '0', taxRate: '6' },
    ]);
    const prepayment = money.format(money.parse(priced.amount).times('0.3'));
    const draft = await createContract(rep, {
      customerId: customer.id, title: sale.title, buyerParty: customer.name, sellerParty: SELLER, contractDate, deliveryTerms: '合同签订后 30 天内交货，验收合格后支付余款',
      lines: priced.lines.map((l) => ({ description: l.description, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct, taxRate: l.taxRate })),
      paymentPlan: [
        { kind: 'prepayment', dueDate: addDays(signedOn, 7), amount: prepayment, percent: '30', note: null },
        { kind: 'balance', dueDate: addDays(today, -sale.balanceOverdue), amount: money.sub(priced.amount, prepayment), percent: '70', note: null },
      ],
    });
    const submitted = await submitContract(rep, draft.id, { version: draft.version });
    if (submitted.approvalId) await approveAll(handle, ws, approvers, submitted.approvalId, '条款齐全，同意签订');
    const approved = await getContract(rep, draft.id);
    await signContract(rep, draft.id, { version: approved.version, signedOn });
    const rows = await db.select().from(receivables).where(and(eq(receivables.workspaceId, ws), eq(receivables.contractId, draft.id))).orderBy(asc(receivables.planIndex));
    lines[key] = { prepayment: rows[0]!, balance: rows[1]!, customerId: customer.id };
    const ref = (n: number) => `HD${addDays(today, -n).replaceAll('-', '')}${draft.number.replace(/\D/g, '').slice(-4)}`;

    // the prepayment, on its day (5 days after signing)
    const prepaidOn = addDays(signedOn, 5);
    if (sale.prepaidBy === 'slip') {
      const slip = await filePaymentSlip(rep, { receivableId: rows[0]!.id, amount: prepayment, receivedOn: prepaidOn, method: 'bank_transfer', reference: ref(sale.signedAgo - 5), note: '客户预付款已到账（网银回单）' });
      if (slip.approvalId) await approveAll(handle, ws, approvers, slip.approvalId, '预付款已到账，核准');
      await recordPaymentSlip(ctx.finance1, slip.id, { version: (await getPaymentSlip(ctx.finance1, slip.id)).version });
      // filed on the day the money arrived (the command files it now)
      await db.update(paymentSlips).set({ createdAt: new Date(`${prepaidOn}T15:00:00+08:00`) }).where(and(eq(paymentSlips.workspaceId, ws), eq(paymentSlips.id, slip.id)));
    } else if (sale.prepaidBy === 'payment') {
      await recordPayment(ctx.finance1, { customerId: customer.id, amount: prepayment, receivedOn: prepaidOn, method: 'bank_transfer', reference: ref(sale.signedAgo - 5), note: '预付款', allocations: [{ receivableId: rows[0]!.id, amount: prepayment }] });
    }
    if (sale.partial) {
      await recordPayment(ctx.finance1, { customerId: customer.id, amount: sale.partial.amount, receivedOn: addDays(today, -sale.partial.daysAgo), method: 'bank_transfer', reference: ref(sale.partial.daysAgo), note: '部分尾款', allocations: [{ receivableId: rows[1]!.id, amount: sale.partial.amount }] });
    }
    // the dunning ladder, one rung at a time on its day: logged through the command, then back-dated
    let previousTask: string | null = null;
    for (const s of sale.steps ?? []) {
      const actor = s.step === 'notice' ? ctx.finance1 : rep;
      const before = new Date();
      const logged = await logDunningStep(actor, rows[1]!.id, { step: s.step, note: s.note });
      const actedOn = addDays(rows[1]!.dueDate, s.atDays);
      const deadline = s.step === 'lawsuit' ? null : addDays(actedOn, 10);
      const at = new Date(`${actedOn}T10:30:00+08:00`);
      await db.update(dunningSteps).set({ actedOn, deadline, createdAt: at, updatedAt: at }).where(and(eq(dunningSteps.workspaceId, ws), eq(dunningSteps.id, logged.id)));
      const [task] = await db.update(tasks).set({ dueDate: deadline ?? actedOn, createdAt: at })
        .where(and(eq(tasks.workspaceId, ws), eq(tasks.customerId, customer.id), gte(tasks.createdAt, before))).returning({ id: tasks.id });
      if (previousTask) await db.update(tasks).set({ status: 'done', doneAt: at }).where(and(eq(tasks.workspaceId, ws), eq(tasks.id, previousTask)));
      previousTask = task?.id ?? null;
    }
  }

  // deferral (延期付款): approved by the VP and the GM, due date moved 45 days; another waits for the VP
  if (lines.deferred) {
    const d = await requestDeferral(ctx.rep2, { receivableId: lines.deferred.balance.id, newDueDate: addDays(today, 25), reason: '客户新厂区投产推迟，申请尾款延期支付；该客户历史回款及时' });
    if (d.approvalId) await approveAll(handle, ws, approvers, d.approvalId, '回款记录良好，同意延期');
  }
  if (lines.deferring) {
    await requestDeferral(ctx.rep1, { receivableId: lines.deferring.balance.id, newDueDate: addDays(today, 54), reason: '客户年底资金周转紧张，承诺次年 1 月底前付清尾款' });
  }
  // bad-debt write-off (呆账核销) requested by finance, waiting for the sales manager
  if (lines.writeOff) {
    await logDunningStep(ctx.finance1, lines.writeOff.balance.id, { step: 'write_off', note: '客户已停止经营，法院终结执行，申请核销' });
  }
  // the reps' payment slips: rejected then re-filed (waiting for the manager); returned (the rep fixes it); approved (finance records)
  const slip = async (key: string, rep: Rep, note: string, reference?: string) => {
    const l = lines[key];
    if (!l) return null;
    return filePaymentSlip(ctx[rep], { receivableId: l.prepayment.id, amount: l.prepayment.amount, receivedOn: addDays(today, -1), method: 'bank_transfer', ...(reference ? { reference } : {}), note });
  };
  const rejected = await slip('slipRejected', 'rep1', '客户已付预付款', `HD${today.replaceAll('-', '')}0917`);
  if (rejected?.approvalId) await decideApproval(ctx.manager1, rejected.approvalId, 'reject', '银行未见到账，回单号与流水不符');
  await slip('slipRejected', 'rep1', '已与财务核对银行流水，预付款确已到账', `HD${today.replaceAll('-', '')}0918`);
  const returned = await slip('slipReturned', 'rep2', '预付款到账');
  if (returned?.approvalId) await decideApproval(ctx.manager1, returned.approvalId, 'return', '请补填银行回单号后重新提交');
  const approvedSlip = await slip('slipApproved', 'rep3', '客户预付款已到账', `HD${today.replaceAll('-', '')}2231`);
  if (approvedSlip?.approvalId) await decideApproval(ctx.manager1, approvedSlip.approvalId, 'approve', '核准');

  return {
    contracts: Object.keys(lines).length,
    /** pays the refund line in full in the month after the first ended month (after that month's penalty run) */
    settle: async () => {
      const l = lines.refund;
      if (!l) return;
      const receivedOn = addDays(options.firstMonthEnd, 18);
      await recordPayment(ctx.finance1, { customerId: l.customerId, amount: l.balance.amount, receivedOn: receivedOn > today ? today : receivedOn, method: 'bank_transfer', reference: `HD${receivedOn.replaceAll('-', '')}0366`, note: '尾款结清', allocations: [{ receivableId: l.balance.id, amount: l.balance.amount }] });
    },
  };
}
