import { and, desc, eq, inArray } from 'drizzle-orm';
import { todayIn } from '../../shared/dates.js';
import { isValidCreditCode } from '../../shared/credit-code.js';
import { money } from '../../shared/money.js';
import { decideApproval } from '../platform/approvals/approvals.service.js';
import { contextFor } from '../platform/auth/context-for.js';
import type { DbHandle } from '../platform/db/client.js';
import { contracts } from '../modules/contracts/contracts.schema.js';
import { proposeAmendment, type ContractLine, type PlanLine } from '../modules/contracts/index.js';
import { customers } from '../modules/customers/customers.schema.js';
import { createInvoiceRequest, getInvoiceRequest, issueInvoice, submitInvoiceRequest } from '../modules/invoices/index.js';

/**
 * Demo amendments and invoice requests (issue 5), through the same commands as the API: rep2 proposes
 * an amendment of a signed contract (spare parts added, balance raised) that waits for the sales
 * manager; two invoice requests — one issued by finance with its courier, one waiting for approval.
 */
export async function seedDemoInvoicesAndAmendments(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }) {
  const ws = demo.workspaceId;
  const signed = await handle.db.select().from(contracts)
    .where(and(eq(contracts.workspaceId, ws), eq(contracts.ownerId, demo.userIds.rep2!), inArray(contracts.status, ['signed', 'executing'])))
    .orderBy(desc(contracts.signedOn), desc(contracts.id)).limit(2);
  if (signed.length < 2) return { amendments: 0, invoiceRequests: 0 };
  const rep = await contextFor(handle, ws, demo.userIds.rep2!);
  const manager = await contextFor(handle, ws, demo.userIds.manager1!);
  const finance = await contextFor(handle, ws, demo.userIds.finance1!);

  // 合同变更: 备品备件 added, the balance line carries the extra amount
  const [amended, invoiced] = signed as [typeof signed[number], typeof signed[number]];
  const lines = (amended.lines as ContractLine[]).map((l) => ({ productId: l.productId ?? null, description: l.description, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct, taxRate: l.taxRate }));
  const plan = (amended.paymentPlan as PlanLine[]).map((p) => ({ kind: p.kind, dueDate: p.dueDate, amount: p.amount, percent: null, note: p.note ?? null }));
  const last = plan[plan.length - 1]!;
  last.amount = money.add(last.amount, '12000.00');
  await proposeAmendment(rep, amended.id, {
    version: amended.version, reason: '客户要求增加一套备品备件，尾款相应增加',
    lines: [...lines, { productId: null, description: '备品备件（易损件包）', unit: '套', quantity: '1', unitPrice: '12000.00', discountPct: '0', taxRate: '13' }],
    paymentPlan: plan, deliveryTerms: amended.deliveryTerms,
  });

  // 开票申请: the buyer's details from the customer file, the bank as the customer gave it
  const [buyer] = await handle.db.select().from(customers).where(and(eq(customers.workspaceId, ws), eq(customers.id, invoiced.customerId)));
  const taxNumber = buyer?.creditCode && isValidCreditCode(buyer.creditCode) ? buyer.creditCode : '91310115MA1K3YJ44F';
  const party = {
    contractId: invoiced.id, invoiceType: 'vat_special' as const, title: buyer?.name ?? invoiced.buyerParty, taxNumber,
    bankName: '中国工商银行上海张江支行', bankAccount: '1001234509000012345', address: buyer?.address ?? '上海市浦东新区张江路 88 号', phone: buyer?.phone ?? '021-50800000',
  };
  const prepayment = (invoiced.paymentPlan as PlanLine[])[0]!.amount;
  const first = await createInvoiceRequest(rep, { ...party, amount: prepayment, note: '预付款发票' });
  const submitted = await submitInvoiceRequest(rep, first.id, { version: first.version });
  if (submitted.approvalId) await decideApproval(manager, submitted.approvalId, 'approve', '同意开票');
  const ready = await getInvoiceRequest(finance, first.id);
  const today = todayIn(finance.workspace.timeZone);
  await issueInvoice(finance, first.id, { version: ready.version, invoiceNumber: `2431200000${today.replaceAll('-', '')}01`, issuedOn: today, courier: '顺丰速运', trackingNo: 'SF1408623357712' });
  const second = await createInvoiceRequest(rep, { ...party, amount: '50000.00', note: '首批到货部分，客户财务月底前需要' });
  await submitInvoiceRequest(rep, second.id, { version: second.version });
  return { amendments: 1, invoiceRequests: 2 };
}
