import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { needs, touchpoints } from './mot.schema.js';

type Merge = { survivorId: string; duplicateId: string };

/** Touchpoints and needs of a merged-away customer move to the survivor (before the duplicate is removed). */
export async function moveMotOnCustomerMerge(tx: Tx, ctx: CommandContext, { survivorId, duplicateId }: Merge) {
  const ws = ctx.workspace.id;
  const now = new Date();
  const moved = await tx.update(touchpoints).set({ customerId: survivorId, version: sql`${touchpoints.version} + 1`, updatedAt: now })
    .where(and(eq(touchpoints.workspaceId, ws), eq(touchpoints.customerId, duplicateId))).returning({ id: touchpoints.id });
  const movedNeeds = await tx.update(needs).set({ customerId: survivorId, version: sql`${needs.version} + 1`, updatedAt: now })
    .where(and(eq(needs.workspaceId, ws), eq(needs.customerId, duplicateId))).returning({ id: needs.id });
  return moved.length + movedNeeds.length;
}

/** Touchpoints with a merged-away contact name the surviving contact instead. */
export async function moveMotOnContactMerge(tx: Tx, ctx: CommandContext, { survivorId, duplicateId }: Merge) {
  const rows = await tx.update(touchpoints).set({ contactId: survivorId, version: sql`${touchpoints.version} + 1`, updatedAt: new Date() })
    .where(and(eq(touchpoints.workspaceId, ctx.workspace.id), eq(touchpoints.contactId, duplicateId))).returning({ id: touchpoints.id });
  return rows.length;
}
