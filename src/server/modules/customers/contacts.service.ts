import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ContactDto, CreateContactBody, UpdateContactBody } from '../../../shared/contracts/customers.contract.js';
import { AppError, conflict, invalidField, notFound } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { pageFrom } from '../../platform/http/pagination.js';
import { searchKeysFor } from '../../platform/search/search-keys.rules.js';
import { mergeCustomFieldValues, validateCustomFields } from '../custom-fields/index.js';
import { findContact, listContactsOf, reportingLines, type ContactRow } from './contacts.repository.js';
import { maskPhone, mergedValues, normalisePhone, wouldCreateReportingCycle } from './customers.rules.js';
import { contacts } from './customers.schema.js';
import { customerAccess, has, requireVisible, requireWritable, sortCursor } from './customers.service.js';

export function toContactDto(c: ContactRow, canSeePhone: boolean): ContactDto {
  const phone = (value: string | null) => (canSeePhone ? value : maskPhone(value));
  return {
    id: c.id, customerId: c.customerId, name: c.name, title: c.title, department: c.department, mobile: phone(c.mobile), phone: phone(c.phone),
    email: c.email, im: c.im, birthday: c.birthday, notes: c.notes, reportsToId: c.reportsToId,
    buyingRole: c.buyingRole as ContactDto['buyingRole'], attitude: c.attitude as ContactDto['attitude'], influence: c.influence as ContactDto['influence'],
    customFields: c.customFields as Record<string, unknown>, version: c.version, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
  };
}

/** Normalised phone numbers of the input (for the duplicate check and reception matching); bad numbers name their field. */
function phonesOf(input: { mobile?: string | null; phone?: string | null }) {
  const one = (value: string | null | undefined, path: string) => {
    if (value === undefined) return undefined;
    if (value === null || value.trim() === '') return null;
    const digits = normalisePhone(value);
    if (digits.length < 5) throw invalidField(path, 'errors.phone');
    return digits;
  };
  return { mobileNormalised: one(input.mobile, 'mobile'), phoneNormalised: one(input.phone, 'phone') };
}

async function assertReportsTo(tx: Executor, ctx: CommandContext, customerId: string, contactId: string | null, reportsToId: string | null | undefined) {
  if (!reportsToId) return;
  const manager = await findContact(tx, ctx.workspace.id, reportsToId);
  if (!manager || manager.customerId !== customerId) throw invalidField('reportsToId', 'errors.reportsToOtherCustomer');
  if (contactId && wouldCreateReportingCycle(contactId, reportsToId, await reportingLines(tx, ctx.workspace.id, customerId))) {
    throw invalidField('reportsToId', 'errors.reportsToCycle');
  }
}

/** A contact with its customer's access; absent or out of scope → 404 contact. */
async function contactInScope(db: Executor, ctx: CommandContext, id: string, write: boolean) {
  const contact = await findContact(db, ctx.workspace.id, id);
  const access = contact ? await customerAccess(db, ctx, contact.customerId) : null;
  if (!contact || !access) throw notFound('contact');
  if (write && !access.canEdit) throw new AppError('FORBIDDEN', 'errors.forbidden');
  return { contact, access };
}

/** Contacts of a customer the caller sees, by name. */
export async function listContacts(ctx: CommandContext, customerId: string, q: { limit: number; cursor?: string; q?: string }) {
  await requireVisible(ctx.db, ctx, customerId);
  const rows = await listContactsOf(ctx.db, { workspaceId: ctx.workspace.id, customerId, q: q.q?.trim() || undefined, after: sortCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.name, r.id]);
  const canSeePhone = has(ctx, 'customer:read_phone');
  return { items: page.items.map((c) => toContactDto(c, canSeePhone)), nextCursor: page.nextCursor };
}

/** Adds a contact (with buying role, attitude, influence and reports-to) to a customer the caller may edit. */
export async function createContact(ctx: CommandContext, customerId: string, input: z.infer<typeof CreateContactBody>) {
  phonesOf(input);
  return ctx.db.transaction(async (tx) => createContactInTx(tx, ctx, customerId, input));
}

/** `createContact` inside the caller's transaction (lead conversion). */
export async function createContactInTx(tx: Tx, ctx: CommandContext, customerId: string, input: z.infer<typeof CreateContactBody>): Promise<ContactDto> {
  const phones = phonesOf(input);
  await requireWritable(tx, ctx, customerId);
  await assertReportsTo(tx, ctx, customerId, null, input.reportsToId);
  const customFields = await validateCustomFields(tx, ctx.workspace.id, 'contacts', input.customFields ?? {}, { partial: false });
  const now = new Date();
  const [created] = await tx.insert(contacts).values({
    workspaceId: ctx.workspace.id, customerId, name: input.name, title: input.title ?? null, department: input.department ?? null,
    mobile: input.mobile ?? null, mobileNormalised: phones.mobileNormalised ?? null, phone: input.phone ?? null, phoneNormalised: phones.phoneNormalised ?? null,
    email: input.email ?? null, im: input.im ?? null, birthday: input.birthday ?? null, notes: input.notes ?? null, reportsToId: input.reportsToId ?? null,
    buyingRole: input.buyingRole ?? null, attitude: input.attitude ?? null, influence: input.influence ?? null, customFields, searchText: searchKeysFor(input.name),
    createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
  }).returning();
  await appendAudit(tx, ctx, { entity: 'contact', entityId: created!.id, action: 'create', after: created });
  return toContactDto(created!, has(ctx, 'customer:read_phone'));
}

export async function getContact(ctx: CommandContext, id: string) {
  const { contact } = await contactInScope(ctx.db, ctx, id, false);
  return toContactDto(contact, has(ctx, 'customer:read_phone'));
}

export async function updateContact(ctx: CommandContext, id: string, input: z.infer<typeof UpdateContactBody>) {
  const phones = phonesOf(input);
  return ctx.db.transaction(async (tx) => {
    const { contact: before } = await contactInScope(tx, ctx, id, true);
    if (before.version !== input.version) throw conflict();
    if (input.reportsToId === id) throw invalidField('reportsToId', 'errors.reportsToCycle');
    await assertReportsTo(tx, ctx, before.customerId, id, input.reportsToId);
    const { version, customFields, ...changes } = input;
    const [updated] = await tx.update(contacts).set({
      ...changes,
      ...(changes.name !== undefined ? { searchText: searchKeysFor(changes.name) } : {}),
      ...(customFields !== undefined ? {
        customFields: mergeCustomFieldValues(before.customFields as Record<string, unknown>, await validateCustomFields(tx, ctx.workspace.id, 'contacts', customFields, { partial: true })),
      } : {}),
      ...(phones.mobileNormalised !== undefined ? { mobileNormalised: phones.mobileNormalised } : {}),
      ...(phones.phoneNormalised !== undefined ? { phoneNormalised: phones.phoneNormalised } : {}),
      version: sql`${contacts.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(contacts.workspaceId, ctx.workspace.id), eq(contacts.id, id), eq(contacts.version, version))).returning();
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, { entity: 'contact', entityId: id, action: 'update', before, after: updated });
    return toContactDto(updated, has(ctx, 'customer:read_phone'));
  });
}

export interface ContactMergeHandler { (tx: Tx, ctx: CommandContext, merge: { survivorId: string; duplicateId: string }): Promise<number | void> }
const contactMergeHandlers = new Map<string, ContactMergeHandler>();

/** Modules that keep records about contacts register a handler that moves them to the surviving contact. */
export function registerContactMergeHandler(name: string, handler: ContactMergeHandler) {
  contactMergeHandlers.set(name, handler);
}

const MERGED_CONTACT_FIELDS = [
  'title', 'department', 'mobile', 'mobileNormalised', 'phone', 'phoneNormalised', 'email', 'im', 'birthday', 'notes', 'buyingRole', 'attitude', 'influence',
] as const satisfies readonly (keyof ContactRow)[];

/**
 * Merges a duplicate contact of the same customer into this one: people reporting to the duplicate
 * report to the survivor, blanks are filled, registered modules move their records; audited.
 */
export async function mergeContacts(ctx: CommandContext, survivorId: string, duplicateId: string) {
  if (survivorId === duplicateId) throw invalidField('duplicateId', 'errors.mergeSelf');
  return ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const { contact: survivor } = await contactInScope(tx, ctx, survivorId, true);
    const { contact: duplicate } = await contactInScope(tx, ctx, duplicateId, true);
    if (survivor.customerId !== duplicate.customerId) throw invalidField('duplicateId', 'errors.contactsOfDifferentCustomers');
    const movedReports = await tx.update(contacts).set({ reportsToId: survivorId, updatedAt: new Date() })
      .where(and(eq(contacts.workspaceId, ws), eq(contacts.reportsToId, duplicateId), sql`${contacts.id} <> ${survivorId}`)).returning({ id: contacts.id });
    const moduleMoves: Record<string, number> = {};
    for (const [name, handler] of contactMergeHandlers) moduleMoves[name] = (await handler(tx, ctx, { survivorId, duplicateId })) ?? 0;
    const filled = mergedValues(survivor, duplicate, MERGED_CONTACT_FIELDS);
    // the survivor cannot keep reporting to the removed duplicate
    const reportsToId = survivor.reportsToId === duplicateId ? (duplicate.reportsToId === survivorId ? null : duplicate.reportsToId) : survivor.reportsToId;
    const [updated] = await tx.update(contacts).set({
      ...filled, reportsToId, customFields: { ...(duplicate.customFields as object), ...(survivor.customFields as object) },
      version: sql`${contacts.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(contacts.workspaceId, ws), eq(contacts.id, survivorId))).returning();
    await tx.delete(contacts).where(and(eq(contacts.workspaceId, ws), eq(contacts.id, duplicateId)));
    await appendAudit(tx, ctx, { entity: 'contact', entityId: survivorId, action: 'merge', before: { survivor, duplicate }, after: { survivor: updated, movedReports: movedReports.length, moduleMoves } });
    await appendAudit(tx, ctx, { entity: 'contact', entityId: duplicateId, action: 'merged_into', before: duplicate, after: { survivorId } });
    return { contact: toContactDto(updated!, has(ctx, 'customer:read_phone')), movedReports: movedReports.length };
  });
}
