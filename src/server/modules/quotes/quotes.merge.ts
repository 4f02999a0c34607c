import type { Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { moveQuotesToContact, moveQuotesToCustomer } from './quotes.repository.js';

/** Customer merge (合并): the duplicate's quotes belong to the survivor. */
export const moveQuotesOnCustomerMerge = (tx: Tx, ctx: CommandContext, merge: { survivorId: string; duplicateId: string }) =>
  moveQuotesToCustomer(tx, ctx.workspace.id, merge.survivorId, merge.duplicateId);

/** Contact merge: quotes addressed to the duplicate contact name the survivor. */
export const moveQuotesOnContactMerge = (tx: Tx, ctx: CommandContext, merge: { survivorId: string; duplicateId: string }) =>
  moveQuotesToContact(tx, ctx.workspace.id, merge.survivorId, merge.duplicateId);
