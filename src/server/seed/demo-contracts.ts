import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { addDays, todayIn, type IsoDate } from '../../shared/dates.js';
import { money } from '../../shared/money.js';
import { decideApproval } from '../platform/approvals/approvals.service.js';
import { contextFor } from '../platform/auth/context-for.js';
import type { DbHandle } from '../platform/db/client.js';
import { newId } from '../platform/db/columns.js';
import { allocateNumbers } from '../platform/numbering/numbering.service.js';
import { contracts } from '../modules/contracts/contracts.schema.js';
import { createContract, submitContract } from '../modules/contracts/index.js';
import { priceLines, type PlanLine } from '../modules/contracts/contracts.rules.js';
import { customers } from '../modules/customers/customers.schema.js';
import { opportunities } from '../modules/opportunities/opportunities.schema.js';
import { receivables } from '../modules/receivables/receivables.schema.js';
import { prng } from './demo-random.js';

const SELLER = '凯罗斯智能装备有限公司';
const delivery = ['合同签订后 30 天内交货，买方现场验收合格后开具发票', '分两批交货：首批 45 天内，余量 90 天内；运费由卖方承担', '设备到厂后 15 天内完成安装调试，验收报告签字即视为交付'];

/** Two lines (equipment and installation) adding up to `amount` exactly, and a 30 % prepayment / balance plan. */
function termsFor(amount: string, contractDate: IsoDate, signedOn: IsoDate) {
  const equipment = money.format(money.parse(amount).times('0.8'));
  const service = money.sub(amount, equipment);
  const priced = priceLines([
    { description: '成套自动化设备', unit: '套', quantity: '1', unitPrice: equipment, discountPct: '0', taxRate: '13' },
    { description: '安装调试及培训服务', unit: '项', quantity: '1', unitPrice: service, discountPct: '0', taxRate: '6' },
  ]);
  const prepayment = money.format(money.parse(priced.amount).times('0.3'));
  const plan: PlanLine[] = [
    { kind: 'prepayment', dueDate: addDays(signedOn, 7), amount: prepayment, percent: '30', note: null },
    { kind: 'balance', dueDate: addDays(signedOn, 90), amount: money.sub(priced.amount, prepayment), percent: '70', note: null },
  ];
  return { lines: priced.lines, amount: priced.amount, paymentPlan: plan, contractDate };
}

/**
 * Demo contracts (issue 5): every won demo deal has its signed contract (signed on the close date;
 * older ones executing or completed) with its receivable schedule — completed ones paid, executing ones
 * with the prepayment received — plus drafts and a terminated contract. With `pendingReviews`, reps also
 * send contracts through the real review flow: two waiting in review (one major) and one approved.
 */
export async function seedDemoContracts(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }, options: { seed?: number; pendingReviews?: boolean } = {}) {
  const rand = prng(options.seed ?? 20261201);
  const ws = demo.workspaceId;
  const db = handle.db;
  const today = todayIn('Asia/Shanghai');
  const won = await db.select({ id: opportunities.id, name: opportunities.name, customerId: opportunities.customerId, ownerId: opportunities.ownerId, amount: opportunities.amount, closedOn: opportunities.closedOn })
    .from(opportunities).where(and(eq(opportunities.workspaceId, ws), eq(opportunities.status, 'won'), isNotNull(opportunities.closedOn)))
    .orderBy(opportunities.closedOn);
  const customerIds = [...new Set(won.map((o) => o.customerId))];
  const names = new Map((customerIds.length ? await db.select({ id: customers.id, name: customers.name }).from(customers)
    .where(and(eq(customers.workspaceId, ws), inArray(customers.id, customerIds))) : []).map((c) => [c.id, c.name]));
  const repCustomers = await db.select({ id: customers.id, name: customers.name, ownerId: customers.ownerId }).from(customers)
    .where(and(eq(customers.workspaceId, ws), inArray(customers.ownerId, ['rep1', 'rep2', 'rep3'].map((u) => demo.userIds[u]!))));

  const contractValues: (typeof contracts.$inferInsert)[] = [];
  const receivableValues: (typeof receivables.$inferInsert)[] = [];
  await db.transaction(async (tx) => {
    const standalone = repCustomers.length > 0 ? 4 : 0;
    const numbers = await allocateNumbers(tx, { id: ws, timeZone: 'Asia/Shanghai' }, 'contract', won.length + standalone);
    won.forEach((o, i) => {
      const signedOn = o.closedOn!;
      const age = won.length - i; // oldest first
      const status = age > won.length * 0.6 ? 'completed' : age > won.length * 0.3 ? 'executing' : 'signed';
      const terms = termsFor(money.compare(o.amount, 0) > 0 ? o.amount : '50000.00', addDays(signedOn, -rand.int(3, 14)), signedOn);
      const id = newId();
      contractValues.push({
        workspaceId: ws, id, number: numbers[i]!, customerId: o.customerId, opportunityId: o.id, title: `${o.name}合同`,
        buyerParty: names.get(o.customerId) ?? '客户', sellerParty: SELLER, ...terms, deliveryTerms: rand.pick(delivery),
        status, ownerId: o.ownerId, createdBy: o.ownerId, signedOn, signedBy: o.ownerId,
      });
      terms.paymentPlan.forEach((p, planIndex) => {
        const paid = status === 'completed' || (status === 'executing' && p.kind === 'prepayment') || (p.dueDate < today && rand.chance(0.5));
        receivableValues.push({
          workspaceId: ws, contractId: id, planIndex, customerId: o.customerId, ownerId: o.ownerId, kind: p.kind, dueDate: p.dueDate,
          amount: p.amount, received: paid ? p.amount : '0.00', status: paid ? 'paid' : 'open',
        });
      });
    });
    // drafts of the reps and one contract terminated after signing
    const states = ['draft', 'draft', 'draft', 'terminated'] as const;
    for (let k = 0; k < standalone; k++) {
      const c = repCustomers[k % repCustomers.length]!;
      const contractDate = addDays(today, -rand.int(0, 40));
      const terms = termsFor(money.format(rand.int(6, 90) * 10000), contractDate, contractDate);
      const status = states[k]!;
      const id = newId();
      contractValues.push({
        workspaceId: ws, id, number: numbers[won.length + k]!, customerId: c.id, opportunityId: null, title: `${c.name}年度采购合同`,
        buyerParty: c.name, sellerParty: SELLER, ...terms, deliveryTerms: rand.pick(delivery), status, ownerId: c.ownerId!, createdBy: c.ownerId!,
        ...(status === 'terminated' ? { signedOn: contractDate, signedBy: c.ownerId! } : {}),
      });
      if (status === 'terminated') {
        terms.paymentPlan.forEach((p, planIndex) => receivableValues.push({
          workspaceId: ws, contractId: id, planIndex, customerId: c.id, ownerId: c.ownerId!, kind: p.kind, dueDate: p.dueDate, amount: p.amount,
          received: p.kind === 'prepayment' ? p.amount : '0.00', status: p.kind === 'prepayment' ? 'paid' : 'open',
        }));
      }
    }
    for (let i = 0; i < contractValues.length; i += 200) await tx.insert(contracts).values(contractValues.slice(i, i + 200));
    for (let i = 0; i < receivableValues.length; i += 200) await tx.insert(receivables).values(receivableValues.slice(i, i + 200));
  });

  let reviewed = 0;
  const rep1Customer = repCustomers.find((c) => c.ownerId === demo.userIds.rep1);
  const rep2Customer = repCustomers.find((c) => c.ownerId === demo.userIds.rep2);
  if (options.pendingReviews && rep1Customer && rep2Customer) {
    const body = (customer: { id: string; name: string }, title: string, amount: string) => {
      const terms = termsFor(amount, today, today);
      return {
        customerId: customer.id, title, buyerParty: customer.name, sellerParty: SELLER, contractDate: today, deliveryTerms: delivery[0]!,
        lines: terms.lines.map((l) => ({ description: l.description, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct, taxRate: l.taxRate })),
        paymentPlan: terms.paymentPlan,
      };
    };
    const rep1 = await contextFor(handle, ws, demo.userIds.rep1!);
    const rep2 = await contextFor(handle, ws, demo.userIds.rep2!);
    const manager = await contextFor(handle, ws, demo.userIds.manager1!);
    for (const [ctx, customer, title, amount] of [
      [rep1, rep1Customer, '智能仓储系统集成合同', '1280000.00'],
      [rep1, rep1Customer, '检测设备采购合同', '186000.00'],
      [rep2, rep2Customer, '控制柜批量采购合同', '96000.00'],
    ] as const) {
      const draft = await createContract(ctx, body(customer, title, amount));
      const submitted = await submitContract(ctx, draft.id, { version: draft.version });
      if (ctx === rep2 && submitted.approvalId) await decideApproval(manager, submitted.approvalId, 'approve', '条款齐全，同意');
      reviewed++;
    }
  }
  return { contracts: contractValues.length + reviewed, receivables: receivableValues.length };
}
