import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { receptionVisits } from './reception.schema.js';

/** Visits matched to a merged-away customer count for the survivor (the daily report's "returning" stays as routed). */
export async function moveVisitsOnCustomerMerge(tx: Tx, ctx: CommandContext, merge: { survivorId: string; duplicateId: string }) {
  const moved = await tx.update(receptionVisits).set({ customerId: merge.survivorId, updatedAt: new Date() })
    .where(and(eq(receptionVisits.workspaceId, ctx.workspace.id), eq(receptionVisits.customerId, merge.duplicateId)))
    .returning({ id: receptionVisits.id });
  return moved.length;
}
