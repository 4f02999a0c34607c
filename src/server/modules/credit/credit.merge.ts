import { AppError } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { findPendingRequest, moveCreditRecords } from './credit.repository.js';

/**
 * Customer merge (合并): the duplicate's credit requests and history move to the survivor. The
 * survivor's own profile wins; the duplicate's profile moves only when the survivor has none. A
 * change waiting for approval on either customer stops the merge (decide it first).
 */
export async function moveCreditOnCustomerMerge(tx: Tx, ctx: CommandContext, merge: { survivorId: string; duplicateId: string }) {
  for (const id of [merge.survivorId, merge.duplicateId]) {
    if (await findPendingRequest(tx, ctx.workspace.id, id)) throw new AppError('RULE_VIOLATION', 'errors.creditChangePending');
  }
  const { removedProfile, moved } = await moveCreditRecords(tx, ctx.workspace.id, merge.survivorId, merge.duplicateId);
  if (removedProfile) {
    await appendAudit(tx, ctx, { entity: 'credit_profile', entityId: merge.duplicateId, action: 'merge_removed', before: removedProfile, after: { survivorId: merge.survivorId } });
  }
  return moved;
}
