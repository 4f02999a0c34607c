import type { Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { moveReceivablesToCustomer } from '../receivables/index.js';
import { moveContractsToCustomer } from './contracts.repository.js';

/** Customer merge (合并): the duplicate's contracts and their receivables belong to the survivor. */
export async function moveContractsOnCustomerMerge(tx: Tx, ctx: CommandContext, merge: { survivorId: string; duplicateId: string }) {
  const moved = await moveContractsToCustomer(tx, ctx.workspace.id, merge.survivorId, merge.duplicateId);
  await moveReceivablesToCustomer(tx, ctx.workspace.id, merge.survivorId, merge.duplicateId);
  return moved;
}
