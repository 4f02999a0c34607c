import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { leads } from './leads.schema.js';

type Merge = { survivorId: string; duplicateId: string };

/** Leads that name (or were converted into) a merged-away customer name the survivor instead. */
export async function moveLeadsOnCustomerMerge(tx: Tx, ctx: CommandContext, { survivorId, duplicateId }: Merge) {
  const ws = ctx.workspace.id;
  const moved = { version: sql`${leads.version} + 1`, updatedAt: new Date() };
  const linked = await tx.update(leads).set({ customerId: survivorId, ...moved })
    .where(and(eq(leads.workspaceId, ws), eq(leads.customerId, duplicateId))).returning({ id: leads.id });
  const converted = await tx.update(leads).set({ convertedCustomerId: survivorId, ...moved })
    .where(and(eq(leads.workspaceId, ws), eq(leads.convertedCustomerId, duplicateId))).returning({ id: leads.id });
  return new Set([...linked, ...converted].map((l) => l.id)).size;
}

/** Leads converted into a merged-away contact name the surviving contact instead. */
export async function moveLeadsOnContactMerge(tx: Tx, ctx: CommandContext, { survivorId, duplicateId }: Merge) {
  const rows = await tx.update(leads).set({ convertedContactId: survivorId, version: sql`${leads.version} + 1`, updatedAt: new Date() })
    .where(and(eq(leads.workspaceId, ctx.workspace.id), eq(leads.convertedContactId, duplicateId))).returning({ id: leads.id });
  return rows.length;
}
