import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { invoiceRequests } from './invoices.schema.js';

/** Customer merge (合并): the duplicate's invoice requests belong to the survivor. */
export async function moveInvoiceRequestsOnCustomerMerge(tx: Tx, ctx: CommandContext, merge: { survivorId: string; duplicateId: string }) {
  const rows = await tx.update(invoiceRequests).set({ customerId: merge.survivorId, version: sql`${invoiceRequests.version} + 1`, updatedAt: new Date() })
    .where(and(eq(invoiceRequests.workspaceId, ctx.workspace.id), eq(invoiceRequests.customerId, merge.duplicateId))).returning({ id: invoiceRequests.id });
  return rows.length;
}
