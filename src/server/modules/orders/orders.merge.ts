import type { Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { moveOrdersToCustomer } from './orders.repository.js';

/** Customer merge (合并): the duplicate's orders belong to the survivor (their contracts move with the contracts module). */
export async function moveOrdersOnCustomerMerge(tx: Tx, ctx: CommandContext, merge: { survivorId: string; duplicateId: string }) {
  return moveOrdersToCustomer(tx, ctx.workspace.id, merge.survivorId, merge.duplicateId);
}
