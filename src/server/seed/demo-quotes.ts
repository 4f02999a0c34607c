import { and, eq, inArray } from 'drizzle-orm';
import { addDays, todayIn } from '../../shared/dates.js';
import { decideApproval } from '../platform/approvals/approvals.service.js';
import { contextFor } from '../platform/auth/context-for.js';
import type { DbHandle } from '../platform/db/client.js';
import { customers } from '../modules/customers/customers.schema.js';
import { products } from '../modules/products/products.schema.js';
import { createQuote, getQuote, sendQuote, submitQuote } from '../modules/quotes/index.js';

/**
 * Three demo quotes through the same commands as the API: one reviewed and sent to the customer, one
 * exception quote (10 % off a DCS system, above the manager's limit) reviewed by the supervisor and the
 * manager and now waiting on the sales VP, and one draft with a line below the floor price.
 */
export async function seedDemoQuotes(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }) {
  const { db } = handle;
  const ws = demo.workspaceId;
  const today = todayIn('Asia/Shanghai');
  const byCode = new Map((await db.select({ id: products.id, code: products.code, name: products.name, unit: products.unit }).from(products)
    .where(and(eq(products.workspaceId, ws), inArray(products.code, ['EMF-50', 'DCS-LITE', 'SRV-INST', 'PT-300'])))).map((p) => [p.code, p]));
  const owned = await db.select({ id: customers.id, ownerId: customers.ownerId }).from(customers)
    .where(and(eq(customers.workspaceId, ws), inArray(customers.ownerId, [demo.userIds.rep1!, demo.userIds.rep2!])));
  const rep1Customers = owned.filter((c) => c.ownerId === demo.userIds.rep1);
  const rep2Customer = owned.find((c) => c.ownerId === demo.userIds.rep2);
  const [emf, dcs, srv, pt] = ['EMF-50', 'DCS-LITE', 'SRV-INST', 'PT-300'].map((c) => byCode.get(c));
  if (!emf || !dcs || !srv || !pt || rep1Customers.length < 2 || !rep2Customer) return { quotes: 0 };

  const rep1 = await contextFor(handle, ws, demo.userIds.rep1!);
  const rep2 = await contextFor(handle, ws, demo.userIds.rep2!);
  const supervisor = await contextFor(handle, ws, demo.userIds.supervisor1!);
  const manager = await contextFor(handle, ws, demo.userIds.manager1!);
  const line = (p: { id: string; name: string; unit: string }, quantity: string, unitPrice: string, discountPct = '0', taxRate = '13') =>
    ({ productId: p.id, description: p.name, unit: p.unit, quantity, unitPrice, discountPct, taxRate });
  const terms = { prepaymentPct: '30', balanceDays: 30, text: '验收合格后 30 天内付清余款，开具 13% 增值税专用发票' };

  // 1. reviewed by the supervisor and the manager, then sent to the customer
  const sent = await createQuote(rep1, {
    customerId: rep1Customers[0]!.id, validUntil: addDays(today, 30), paymentTerms: terms, deliveryTerms: '合同生效后 15 个工作日内送货到厂，含运费',
    lines: [line(emf, '4', '12800.00', '3'), line(srv, '4', '800.00', '0', '6')],
  });
  const submitted = await submitQuote(rep1, sent.id, { version: sent.version });
  await decideApproval(supervisor, submitted.approvalId!, 'approve', '价格在区间内，同意');
  await decideApproval(manager, submitted.approvalId!, 'approve', '同意报价');
  await sendQuote(rep1, sent.id, { version: (await getQuote(rep1, sent.id)).version });

  // 2. an exception above the manager's limit: waits on the sales VP
  const big = await createQuote(rep1, {
    customerId: rep1Customers[1]!.id, validUntil: addDays(today, 20), paymentTerms: { prepaymentPct: '40', balanceDays: 60, text: '分两期付款' },
    deliveryTerms: '合同生效后 45 天内完成安装调试', notes: '客户要求整体九折，竞争对手报价 66 万',
    lines: [line(dcs, '2', '380000.00', '10')],
  });
  const inReview = await submitQuote(rep1, big.id, { version: big.version });
  await decideApproval(supervisor, inReview.approvalId!, 'approve', '竞争激烈，建议同意');
  await decideApproval(manager, inReview.approvalId!, 'approve', '超出本人权限，提请副总审批');

  // 3. a draft with a line below the floor price (the builder shows why it needs approval)
  await createQuote(rep2, {
    customerId: rep2Customer.id, validUntil: addDays(today, 15), paymentTerms: { prepaymentPct: '0', balanceDays: 30 },
    lines: [line(pt, '10', '5400.00')],
  });
  return { quotes: 3 };
}

