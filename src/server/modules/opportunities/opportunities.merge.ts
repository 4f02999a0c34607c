import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { opportunities, opportunityContacts } from './opportunities.schema.js';

type Merge = { survivorId: string; duplicateId: string };

/** Opportunities of a merged-away customer belong to the survivor (their contacts move with the customer). */
export async function moveOpportunitiesOnCustomerMerge(tx: Tx, ctx: CommandContext, { survivorId, duplicateId }: Merge) {
  const rows = await tx.update(opportunities).set({ customerId: survivorId, version: sql`${opportunities.version} + 1`, updatedAt: new Date() })
    .where(and(eq(opportunities.workspaceId, ctx.workspace.id), eq(opportunities.customerId, duplicateId))).returning({ id: opportunities.id });
  return rows.length;
}

/**
 * Deals that named a merged-away contact name the survivor instead; where the survivor is already
 * on the deal, its own buying role wins and the duplicate's row goes.
 */
export async function moveOpportunityContactsOnContactMerge(tx: Tx, ctx: CommandContext, { survivorId, duplicateId }: Merge) {
  const ws = ctx.workspace.id;
  await tx.delete(opportunityContacts).where(and(
    eq(opportunityContacts.workspaceId, ws), eq(opportunityContacts.contactId, duplicateId),
    sql`exists (select 1 from ${opportunityContacts} s where s.workspace_id = ${ws} and s.opportunity_id = ${opportunityContacts.opportunityId} and s.contact_id = ${survivorId})`,
  ));
  const rows = await tx.update(opportunityContacts).set({ contactId: survivorId })
    .where(and(eq(opportunityContacts.workspaceId, ws), eq(opportunityContacts.contactId, duplicateId))).returning({ id: opportunityContacts.opportunityId });
  return rows.length;
}
