import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { activities, callReports, tasks } from './activities.schema.js';

type Merge = { survivorId: string; duplicateId: string };

/** Activities, call reports and tasks about a merged-away customer move to the survivor. */
export async function moveActivitiesOnCustomerMerge(tx: Tx, ctx: CommandContext, { survivorId, duplicateId }: Merge) {
  const ws = ctx.workspace.id;
  const now = new Date();
  const a = await tx.update(activities).set({ customerId: survivorId, version: sql`${activities.version} + 1`, updatedAt: now })
    .where(and(eq(activities.workspaceId, ws), eq(activities.customerId, duplicateId))).returning({ id: activities.id });
  const r = await tx.update(callReports).set({ customerId: survivorId, version: sql`${callReports.version} + 1`, updatedAt: now })
    .where(and(eq(callReports.workspaceId, ws), eq(callReports.customerId, duplicateId))).returning({ id: callReports.id });
  const t = await tx.update(tasks).set({ customerId: survivorId, version: sql`${tasks.version} + 1`, updatedAt: now })
    .where(and(eq(tasks.workspaceId, ws), eq(tasks.customerId, duplicateId))).returning({ id: tasks.id });
  return a.length + r.length + t.length;
}

/** Activities and call reports naming a merged-away contact name the surviving contact instead. */
export async function moveActivitiesOnContactMerge(tx: Tx, ctx: CommandContext, { survivorId, duplicateId }: Merge) {
  const ws = ctx.workspace.id;
  const now = new Date();
  const a = await tx.update(activities).set({ contactId: survivorId, version: sql`${activities.version} + 1`, updatedAt: now })
    .where(and(eq(activities.workspaceId, ws), eq(activities.contactId, duplicateId))).returning({ id: activities.id });
  const r = await tx.update(callReports).set({ contactId: survivorId, version: sql`${callReports.version} + 1`, updatedAt: now })
    .where(and(eq(callReports.workspaceId, ws), eq(callReports.contactId, duplicateId))).returning({ id: callReports.id });
  return a.length + r.length;
}
