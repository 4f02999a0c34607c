import { and, eq } from 'drizzle-orm';
import type { TestContext } from '../../../../../test/harness.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { signContractThroughApi } from '../../contracts/__tests__/contracts.fixtures.js';
import { creditProfiles } from '../../credit/credit.schema.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';
import { receivables } from '../../receivables/receivables.schema.js';

/** A signed contract of rep1 whose first receivable line (30,000.00 of 100,000.00) is due `daysAgo` days before today; optionally a credit grade. */
export async function lineOverdue(t: TestContext, daysAgo: number, grade?: 'A' | 'B' | 'C' | 'D') {
  const ws = t.demo.workspaceId;
  const today = todayIn('Asia/Shanghai');
  const [rep1, manager1] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1')]);
  const customer = await createCustomer(rep1);
  const contract = await signContractThroughApi(rep1, manager1, customer.id);
  const [line] = await t.handle.db.select().from(receivables)
    .where(and(eq(receivables.workspaceId, ws), eq(receivables.contractId, contract.id), eq(receivables.planIndex, 0)));
  const dueDate = addDays(today, -daysAgo);
  await t.handle.db.update(receivables).set({ dueDate }).where(and(eq(receivables.workspaceId, ws), eq(receivables.id, line!.id)));
  if (grade) await t.handle.db.insert(creditProfiles).values({ workspaceId: ws, customerId: customer.id, creditLimit: '500000.00', termsDays: 60, grade, effectiveFrom: today, reason: '测试' });
  return { receivableId: line!.id, contractId: contract.id, customerId: customer.id, customerName: customer.name, dueDate, rep1, manager1 };
}
