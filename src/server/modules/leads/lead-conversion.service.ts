import { and, eq, sql } from 'drizzle-orm';
import type { ConvertLeadBody, LeadStatus, OpportunityDraft } from '../../../shared/contracts/leads.contract.js';
import { AppError, conflict, forbidden, invalidField } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { CommandContext } from '../../platform/http/context.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { createContactInTx, createCustomerInTx, customerAccess, duplicateErrorFor, findDuplicateFor } from '../customers/index.js';
import { qualificationOf } from './leads.rules.js';
import { leads } from './leads.schema.js';
import { assertTransition, has, leadDto, requireEditable, requireLead } from './leads.service.js';

/** Field errors of the customers module, named as they sit in the convert body (customer.name, contact.mobile …). */
async function under<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.details.length > 0 && error.code === 'VALIDATION_FAILED') {
      throw new AppError(error.code, error.messageKey, error.params, error.details.map((d) => ({ ...d, path: `${prefix}.${d.path}` })));
    }
    throw error;
  }
}

/**
 * What converting would find (the dialog shows it before confirming): the customer the duplicate
 * check matches by credit code, name or phone, and whether the caller sees it (then conversion
 * links to it) or not (then conversion is refused naming its owner).
 */
export async function previewConversion(ctx: CommandContext, id: string, q: { name?: string; creditCode?: string }) {
  const { row } = await requireLead(ctx.db, ctx, id);
  const finding = await under('customer', () => findDuplicateFor(ctx.db, ctx, {
    name: q.name || row.company, creditCode: q.creditCode || undefined, phone: row.phone ?? undefined,
  }));
  if (!finding) return { match: null };
  return { match: { field: finding.field, visible: finding.visible, customerId: finding.customerId, customerName: finding.customerName, ownerName: finding.ownerName } };
}

/**
 * Converts a qualified lead (domain §4.1) in one transaction: links to the customer named, or to the
 * one the duplicate check finds when the caller sees it, or creates the customer (a match the caller
 * cannot see → 409 DUPLICATE naming its owner); adds the contact; marks the lead converted. Any
 * failure leaves nothing written. The opportunity is drafted for the opportunities module.
 */
export async function convertLead(ctx: CommandContext, id: string, input: ConvertLeadBody) {
  if (input.customerId && input.customer) throw invalidField('customerId', 'errors.convertCustomerChoice');
  return ctx.db.transaction(async (tx) => {
    const { row: before } = await requireEditable(tx, ctx, id);
    if (!has(ctx, 'lead:convert')) throw forbidden();
    if (before.version !== input.version) throw conflict();
    assertTransition(before.status as LeadStatus, 'converted', qualificationOf(before.qualification));

    let customerId: string;
    let linkedExisting = true;
    if (input.customerId) {
      const access = await customerAccess(tx, ctx, input.customerId);
      if (!access || !(access.viaScope || access.collaboration === 'write')) throw invalidField('customerId', 'errors.unknownReference', { entity: 'customer' });
      customerId = input.customerId;
    } else {
      const customer = {
        name: input.customer?.name ?? before.company,
        creditCode: input.customer?.creditCode ?? null,
        industry: input.customer?.industry !== undefined ? input.customer.industry : before.industry,
        territoryId: input.customer?.territoryId !== undefined ? input.customer.territoryId : before.territoryId,
      };
      const finding = await under('customer', () => findDuplicateFor(tx, ctx, { name: customer.name, creditCode: customer.creditCode, phone: before.phone }));
      if (finding && !finding.visible) throw duplicateErrorFor(finding);
      if (finding?.customerId) {
        customerId = finding.customerId;
      } else {
        const created = await under('customer', () => createCustomerInTx(tx, ctx, {
          ...customer, valueClass: input.customer?.valueClass ?? 'C', status: 'prospect', ownerId: before.ownerId,
          customFields: {},
        }));
        customerId = created.id;
        linkedExisting = false;
      }
    }

    const contactInput = input.contact === undefined
      ? (before.contactName ? { name: before.contactName, title: before.title, mobile: before.phone, email: before.email, im: before.im } : null)
      : input.contact;
    const contact = contactInput
      ? await under('contact', () => createContactInTx(tx, ctx, customerId, { ...contactInput, email: contactInput.email || null }))
      : null;

    const [converted] = await tx.update(leads).set({
      status: 'converted', convertedCustomerId: customerId, convertedContactId: contact?.id ?? null, convertedAt: new Date(),
      customerId, recycleWarnedFor: null, version: sql`${leads.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(leads.workspaceId, ctx.workspace.id), eq(leads.id, id), eq(leads.version, input.version))).returning();
    if (!converted) throw conflict();
    const { ownerName, ...beforeRow } = before;
    await appendAudit(tx, ctx, { entity: 'lead', entityId: id, action: 'convert', before: beforeRow, after: { ...converted, linkedExisting } });
    const opportunityDraft: OpportunityDraft = {
      customerId, contactId: contact?.id ?? null, name: `${before.company}${before.needDescription ? ` - ${before.needDescription.slice(0, 40)}` : ''}`,
      source: before.source as OpportunityDraft['source'], needDescription: before.needDescription, estimatedAmount: before.estimatedAmount, leadId: id,
    };
    await emitEvent(tx, ctx.workspace.id, { topic: 'lead.converted', payload: { leadId: id, customerId, contactId: contact?.id ?? null, linkedExisting, opportunityDraft } });
    return { lead: await leadDto(tx, ctx, converted, ownerName), customerId, contactId: contact?.id ?? null, linkedExisting, opportunityDraft };
  });
}
