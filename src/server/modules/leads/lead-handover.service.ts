import { and, eq, sql } from 'drizzle-orm';
import { conflict, invalidField } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { leadOwnerRoles } from './leads.permissions.js';
import { findLead, findUserBrief, type LeadRow } from './leads.repository.js';
import { isOpenLead } from './leads.rules.js';
import { leads } from './leads.schema.js';
import { todayOf } from './leads.service.js';

/*
 * Lead commands for other modules' transactions (the front desk, domain §4.2). The caller has already
 * decided the command is allowed; these keep the lead's own rules: only open leads change, every
 * change bumps the version (a concurrent edit → 409) and is audited. A closed lead (converted, disqualified) is left as it is.
 */

/** Closes an open lead as not worth pursuing (作废) with the reason; false when it was not open. */
export async function disqualifyLeadInTx(tx: Tx, ctx: CommandContext, leadId: string, reason: string): Promise<boolean> {
  const before = await findLead(tx, ctx.workspace.id, leadId);
  if (!before || !isOpenLead(before.status)) return false;
  const [updated] = await tx.update(leads).set({
    status: 'disqualified', disqualifyReason: reason, recycleWarnedFor: null, version: sql`${leads.version} + 1`, updatedAt: new Date(),
  }).where(and(eq(leads.workspaceId, ctx.workspace.id), eq(leads.id, leadId), eq(leads.version, before.version))).returning();
  if (!updated) throw conflict();
  const { ownerName: _owner, ...beforeRow } = before;
  await appendAudit(tx, ctx, { entity: 'lead', entityId: leadId, action: 'disqualify', before: beforeRow, after: updated });
  return true;
}

/**
 * Moves an open lead to another sales user (who owns it from today), with the reason, audited; the
 * new owner is told unless the caller tells them itself (`notify: false`). False when nothing moved.
 */
export async function reassignLeadInTx(
  tx: Tx, ctx: CommandContext, leadId: string, toUserId: string, reason: string, options: { notify?: boolean } = {},
): Promise<boolean> {
  const owner = await findUserBrief(tx, ctx.workspace.id, toUserId);
  if (!owner || !owner.isActive || !owner.roles.some((r) => (leadOwnerRoles as readonly string[]).includes(r))) {
    throw invalidField('toUserId', 'errors.ownerNotSales');
  }
  const before = await findLead(tx, ctx.workspace.id, leadId);
  if (!before || !isOpenLead(before.status) || before.ownerId === toUserId) return false;
  const [updated] = await tx.update(leads).set({
    ownerId: toUserId, ownedSince: todayOf(ctx), recycleWarnedFor: null, version: sql`${leads.version} + 1`, updatedAt: new Date(),
  }).where(and(eq(leads.workspaceId, ctx.workspace.id), eq(leads.id, leadId), eq(leads.version, before.version))).returning();
  if (!updated) throw conflict();
  const { ownerName: _owner, ...beforeRow } = before;
  await appendAudit(tx, ctx, { entity: 'lead', entityId: leadId, action: 'reassign', before: beforeRow, after: { ...updated, reason } });
  if (options.notify !== false) await notifyReassigned(tx, ctx, updated, before.ownerId, reason);
  return true;
}

async function notifyReassigned(tx: Tx, ctx: CommandContext, lead: LeadRow, fromUserId: string | null, reason: string) {
  if (!lead.ownerId || lead.ownerId === ctx.actor.id) return;
  await emitEvent(tx, ctx.workspace.id, {
    topic: 'lead.assigned', payload: { leadId: lead.id, ownerId: lead.ownerId, fromUserId, reason, source: lead.source, by: ctx.actor.id },
    notify: {
      userIds: [lead.ownerId], kind: 'lead_assigned',
      params: { title: `${lead.number ?? ''} ${lead.company}`.trim(), company: lead.company, by: ctx.actor.name, comment: reason }, link: `/leads/${lead.id}`,
    },
  });
}
