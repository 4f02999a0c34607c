import { expect } from 'vitest';
import type { Client, TestContext } from '../../../../../test/harness.js';
import type { ContractDto } from '../../../../shared/contracts/contracts.contract.js';
import { todayIn } from '../../../../shared/dates.js';
import { newId } from '../../../platform/db/columns.js';
import { contracts } from '../contracts.schema.js';

export type Contract = ContractDto;
export const today = () => todayIn('Asia/Shanghai');

/** A valid contract body: two lines adding up to 100,000.00 and a 30 % / 70 % plan. */
export function contractBody(customerId: string, extra: Record<string, unknown> = {}) {
  const date = today();
  return {
    customerId, title: '产线自动化改造合同', buyerParty: '上海远航机械有限公司', sellerParty: '凯罗斯智能装备有限公司', contractDate: date,
    lines: [
      { description: '自动化控制柜', unit: '台', quantity: '2', unitPrice: '30000.00', discountPct: '0', taxRate: '13' },
      { description: '安装调试服务', unit: '项', quantity: '1', unitPrice: '50000.00', discountPct: '20', taxRate: '6' },
    ],
    paymentPlan: [
      { kind: 'prepayment', dueDate: date, amount: '30000.00', percent: '30' },
      { kind: 'balance', dueDate: '2099-12-31', amount: '70000.00', percent: '70' },
    ],
    deliveryTerms: '合同签订后 30 天内交货，买方现场验收',
    ...extra,
  };
}

/** Creates a contract through the API (201 expected). */
export async function createContract(client: Client, customerId: string, extra: Record<string, unknown> = {}): Promise<Contract> {
  const res = await client.post('/api/v1/contracts', contractBody(customerId, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Contract;
}

/**
 * Drives a contract through the real flow for an opportunity: drafted by `owner`, submitted, approved
 * by the sales manager (a contract under the major threshold), signed today. Returns the signed contract.
 */
export async function signContractThroughApi(owner: Client, manager: Client, customerId: string, extra: Record<string, unknown> = {}): Promise<Contract> {
  const draft = await createContract(owner, customerId, extra);
  const submitted = await owner.post(`/api/v1/contracts/${draft.id}/submit`, { version: draft.version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const approvalId = (submitted.json() as Contract).approvalId!;
  const approved = await manager.post(`/api/v1/approvals/${approvalId}/approve`, {});
  expect(approved.statusCode, approved.body).toBe(200);
  const current = (await owner.get(`/api/v1/contracts/${draft.id}`)).json() as Contract;
  const signed = await owner.post(`/api/v1/contracts/${draft.id}/sign`, { version: current.version, signedOn: today() });
  expect(signed.statusCode, signed.body).toBe(200);
  return signed.json() as Contract;
}

/** Writes a signed contract for an opportunity straight into the table (for tests of other modules that only need the link). */
export async function putSignedContract(t: TestContext, p: { workspaceId: string; customerId: string; opportunityId: string; ownerId: string; amount?: string }) {
  const amount = p.amount ?? '100000.00';
  await t.handle.db.insert(contracts).values({
    workspaceId: p.workspaceId, id: newId(), number: `HT-T-${newId().slice(-8)}`, customerId: p.customerId, opportunityId: p.opportunityId,
    title: '测试合同', buyerParty: '甲方', sellerParty: '乙方', contractDate: today(), signedOn: today(),
    lines: [{ productId: null, description: '货物', unit: '批', quantity: '1', unitPrice: amount, discountPct: '0', taxRate: '13', amount, taxAmount: '0.00' }],
    paymentPlan: [{ kind: 'balance', dueDate: today(), amount }], amount, status: 'signed', ownerId: p.ownerId, createdBy: p.ownerId,
  });
}
