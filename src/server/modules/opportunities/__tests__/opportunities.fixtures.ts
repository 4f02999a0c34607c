import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Client, TestContext } from '../../../../../test/harness.js';
import type { OpportunityDetailDto, PipelineDto } from '../../../../shared/contracts/opportunities.contract.js';
import { todayIn } from '../../../../shared/dates.js';
import { newId } from '../../../platform/db/columns.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';
import { bids, initiationReports, opportunities } from '../opportunities.schema.js';

export type Opportunity = OpportunityDetailDto;

/** The built-in pipelines as the client sees them. */
export async function builtIns(client: Client): Promise<{ big: PipelineDto; standard: PipelineDto }> {
  const res = await client.get('/api/v1/pipelines');
  expect(res.statusCode, res.body).toBe(200);
  const items = (res.json() as { items: PipelineDto[] }).items;
  return { big: items.find((p) => p.template === 'big_account')!, standard: items.find((p) => p.template === 'standard')! };
}

export const stageOf = (p: PipelineDto, code: string) => p.stages.find((s) => s.code === code)!;

/** A new customer of the client's and an opportunity on it in the given pipeline (201 expected). */
export async function createOpportunity(client: Client, pipeline: PipelineDto, extra: Record<string, unknown> = {}): Promise<Opportunity> {
  const customerId = (extra.customerId as string | undefined) ?? (await createCustomer(client)).id;
  const res = await client.post('/api/v1/opportunities', {
    name: '产线自动化改造项目', amount: '500000.00', customerId, pipelineId: pipeline.id,
    expectedCloseDate: todayIn('Asia/Shanghai'), needDescription: '二期产线改造', competitors: ['西门子'], ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Opportunity;
}

export async function opportunityRow(t: TestContext, id: string) {
  const [row] = await t.handle.db.select().from(opportunities).where(eq(opportunities.id, id));
  return row!;
}

/** Writes the initiation report of an opportunity straight into its table (the A2 service does this through approvals). */
export async function putInitiationReport(t: TestContext, workspaceId: string, opportunityId: string, status: string) {
  const [existing] = await t.handle.db.select().from(initiationReports).where(and(eq(initiationReports.workspaceId, workspaceId), eq(initiationReports.opportunityId, opportunityId)));
  if (existing) {
    await t.handle.db.update(initiationReports).set({ status }).where(eq(initiationReports.id, existing.id));
    return;
  }
  await t.handle.db.insert(initiationReports).values({
    workspaceId, id: newId(), opportunityId, projectName: '立项', projectNumber: 'XM-T', customerLead: '王总', expectedContractAmount: '500000.00',
    estimatedGrossMarginPct: '30.00', salesExpenseBudget: '20000.00', projectCategory: '系统集成', expectedSigningDate: '2027-03-01', status,
  });
}

export async function putBid(t: TestContext, workspaceId: string, opportunityId: string, status: string) {
  await t.handle.db.insert(bids).values({ workspaceId, id: newId(), opportunityId, bidPrice: '480000.00', cost: '330000.00', grossMarginPct: '31.25', status })
    .onConflictDoUpdate({ target: [bids.workspaceId, bids.opportunityId], set: { status } });
}

/** Ticks a key node through the API and returns the opportunity. */
export async function tickKeyNode(client: Client, o: Opportunity, stageId: string): Promise<Opportunity> {
  const res = await client.post(`/api/v1/opportunities/${o.id}/key-nodes/${stageId}`, { version: o.version, done: true, note: '已完成' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Opportunity;
}

export async function move(client: Client, o: Opportunity, toStageId: string, lang = 'zh-CN') {
  return client.post(`/api/v1/opportunities/${o.id}/move`, { version: o.version, toStageId, note: '推进' }, { 'accept-language': lang });
}
