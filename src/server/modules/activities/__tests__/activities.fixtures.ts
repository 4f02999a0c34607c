import { and, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Client, TestContext } from '../../../../../test/harness.js';
import { newId } from '../../../platform/db/columns.js';
import { contacts, customers } from '../../customers/customers.schema.js';
import { opportunities, pipelineStages, pipelines } from '../../opportunities/opportunities.schema.js';

/** The first demo customers owned by a user (by id), oldest first. */
export async function customersOf(t: TestContext, workspaceId: string, ownerId: string, n = 3) {
  return t.handle.db.select({ id: customers.id, name: customers.name, lastFollowUpOn: customers.lastFollowUpOn }).from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.ownerId, ownerId))).orderBy(asc(customers.id)).limit(n);
}

export async function customerRow(t: TestContext, id: string) {
  const [row] = await t.handle.db.select().from(customers).where(eq(customers.id, id));
  return row!;
}

export async function contactOf(t: TestContext, customerId: string) {
  const [row] = await t.handle.db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(eq(contacts.customerId, customerId)).limit(1);
  return row ?? null;
}

/** An opportunity straight in the database (the opportunities module's own rules are not under test here). */
export async function insertOpportunity(t: TestContext, workspaceId: string, customerId: string, ownerId: string) {
  let [stage] = await t.handle.db.select({ id: pipelineStages.id, pipelineId: pipelineStages.pipelineId }).from(pipelineStages)
    .where(eq(pipelineStages.workspaceId, workspaceId)).limit(1);
  if (!stage) {
    const pipelineId = newId();
    await t.handle.db.insert(pipelines).values({ workspaceId, id: pipelineId, name: '测试流程' });
    const stageId = newId();
    await t.handle.db.insert(pipelineStages).values({ workspaceId, id: stageId, pipelineId, position: 1, name: '接触', probability: '10.00', funnelCategory: 'above' });
    stage = { id: stageId, pipelineId };
  }
  const id = newId();
  await t.handle.db.insert(opportunities).values({
    workspaceId, id, number: `T-${id.slice(-8)}`, name: '产线改造项目', customerId, pipelineId: stage.pipelineId, stageId: stage.id,
    probability: '10.00', ownerId,
  });
  return id;
}

export interface ActivityBody { id: string; version: number; status: string; ownerId: string; customerId: string; occurredAt: string; [k: string]: unknown }

export async function logActivity(client: Client, body: Record<string, unknown>): Promise<ActivityBody> {
  const res = await client.post('/api/v1/activities', { type: 'visit', subject: '上门拜访', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ActivityBody;
}
