import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Client, TestContext } from '../../../../../test/harness.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { approvals, approvalSteps } from '../../../platform/approvals/approvals.schema.js';
import { pipelines, pipelineStages } from '../opportunities.schema.js';

let counter = 0;

/** The stage ids of a built-in pipeline of the workspace, by stage code. */
export async function stagesByCode(t: TestContext, workspaceId: string, template: 'big_account' | 'standard') {
  const [pipeline] = await t.handle.db.select().from(pipelines).where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.template, template)));
  const stages = await t.handle.db.select().from(pipelineStages).where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.pipelineId, pipeline!.id)));
  return { pipelineId: pipeline!.id, stage: Object.fromEntries(stages.map((s) => [s.code!, s.id])) as Record<string, string> };
}

/** A new customer and an opportunity on it owned by the client's user, through the API, in a stage of a built-in pipeline. */
export async function createOpportunity(t: TestContext, client: Client, workspaceId: string, options: { stage?: string; template?: 'big_account' | 'standard'; amount?: string } = {}) {
  const n = ++counter;
  const customer = await client.post('/api/v1/customers', { name: `文档测试客户${n}有限公司` });
  expect(customer.statusCode, customer.body).toBe(201);
  const { pipelineId, stage } = await stagesByCode(t, workspaceId, options.template ?? 'big_account');
  const res = await client.post('/api/v1/opportunities', {
    name: `测试项目${n}`, customerId: customer.json().id, pipelineId, stageId: stage[options.stage ?? 'initiation'], amount: options.amount ?? '500000.00',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; version: number; stageId: string; status: string };
}

/** A valid initiation report body (signing date a month ahead of today in Shanghai). */
export function reportBody(change: Record<string, unknown> = {}) {
  return {
    projectName: '智慧园区一期', customerLead: '周总（信息中心）', expectedContractAmount: '800000.00', estimatedGrossMarginPct: '28.50',
    salesExpenseBudget: '30000.00', projectCategory: '系统集成', expectedSigningDate: addDays(todayIn('Asia/Shanghai'), 30), ...change,
  };
}

/** The approval rows started for one document of one opportunity, with their steps' assignees. */
export async function approvalsOf(t: TestContext, workspaceId: string, documentType: string, opportunityId: string) {
  const rows = await t.handle.db.select().from(approvals)
    .where(and(eq(approvals.workspaceId, workspaceId), eq(approvals.documentType, documentType), eq(approvals.subjectId, opportunityId))).orderBy(approvals.id);
  return Promise.all(rows.map(async (r) => ({
    ...r, steps: await t.handle.db.select().from(approvalSteps).where(and(eq(approvalSteps.workspaceId, workspaceId), eq(approvalSteps.approvalId, r.id))).orderBy(approvalSteps.stepIndex),
  })));
}
