import { and, eq, sql, type SQL } from 'drizzle-orm';
import type {
  CreateLeadBody, LeadDetailDto, LeadDto, LeadListQuery, LeadSource, LeadStatus, UpdateLeadBody,
} from '../../../shared/contracts/leads.contract.js';
import { RecognitionSignals } from '../../../shared/contracts/mot.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners, visibleTo } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeIdCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { allocateNumber } from '../../platform/numbering/numbering.service.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { assertTerritory, maskPhone, normalisePhone, requireSalesUser, resolveOwner, type OwnershipGrants } from '../customers/index.js';
import { mergeCustomFieldValues, validateCustomFields } from '../custom-fields/index.js';
import type { LeadPermission } from './leads.permissions.js';
import {
  countLeadsByStatus, findLead, leadFilterConditions, listLeadRows, type LeadRow, type LeadWithOwner,
} from './leads.repository.js';
import {
  isOpenLead, isQualifiable, leadRecycleDueOn, leadSearchText, mergeQualification, missingForQualified, qualificationOf, transitionRefusal,
} from './leads.rules.js';
import { leads } from './leads.schema.js';

/** Stored signals as the contract has them (anything unknown in the jsonb is dropped). */
const signalsOf = (stored: unknown): LeadDto['signals'] => {
  const parsed = RecognitionSignals.safeParse(stored);
  return parsed.success ? parsed.data : {};
};

export const LEAD_DOCUMENT = 'lead';

export const has = (ctx: CommandContext, permission: LeadPermission) => ctx.actor.permissions.has(permission);
export const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
/** Lead phones follow the customers' rule (domain §17): roles without the phone permission see them masked. */
export const canSeePhone = (ctx: CommandContext): boolean => ctx.actor.permissions.has('customer:read_phone');

// ── what the caller may see and do ────────────────────────────────────────────────────────────

export interface LeadAccess {
  row: LeadWithOwner;
  /** the owner is within the caller's data scope (or the scope is "all") */
  viaScope: boolean;
  /** an unowned lead seen through the lead pool by someone who may claim */
  viaPool: boolean;
  /** edit, convert, disqualify, release: an owned, open lead within the caller's scope */
  canEdit: boolean;
}

/** How the caller sees one lead, or null when they do not (→ 404): their data scope, or the pool when they may claim. */
export async function leadAccess(db: Executor, ctx: CommandContext, id: string): Promise<LeadAccess | null> {
  const row = await findLead(db, ctx.workspace.id, id);
  if (!row) return null;
  const owners = await visibleOwners(db, ctx);
  const viaScope = owners.kind === 'all' || (row.ownerId !== null && owners.ids.includes(row.ownerId));
  const viaPool = row.ownerId === null && has(ctx, 'lead:claim');
  if (!viaScope && !viaPool) return null;
  return { row, viaScope, viaPool, canEdit: viaScope && row.ownerId !== null && has(ctx, 'lead:update') };
}

export async function requireLead(db: Executor, ctx: CommandContext, id: string): Promise<LeadAccess> {
  const access = await leadAccess(db, ctx, id);
  if (!access) throw notFound('lead');
  return access;
}

/** A lead the caller may work on: owned (not in the pool), in their scope, still open. */
export async function requireEditable(db: Executor, ctx: CommandContext, id: string, options: { reopening?: boolean } = {}): Promise<LeadAccess & { row: LeadWithOwner & { ownerId: string } }> {
  const access = await requireLead(db, ctx, id);
  if (access.row.ownerId === null) throw new AppError('RULE_VIOLATION', 'errors.leadInPool');
  if (!access.canEdit) throw forbidden();
  const reopens = options.reopening && access.row.status === 'disqualified';
  if (!isOpenLead(access.row.status) && !reopens) throw new AppError('RULE_VIOLATION', 'errors.leadClosed', { status: access.row.status });
  return access as LeadAccess & { row: LeadWithOwner & { ownerId: string } };
}

// ── DTOs ──────────────────────────────────────────────────────────────────────────────────────

export function toLeadDto(row: LeadWithOwner, recycleDays: number, canSeePhone: boolean): LeadDto {
  const qualification = qualificationOf(row.qualification);
  const recycleOn = row.ownerId && row.ownedSince
    ? leadRecycleDueOn({ status: row.status, ownedSince: row.ownedSince, lastFollowUpOn: row.lastFollowUpOn }, recycleDays)
    : null;
  return {
    id: row.id, number: row.number, company: row.company, contactName: row.contactName, title: row.title, phone: canSeePhone ? row.phone : maskPhone(row.phone),
    email: row.email, im: row.im, region: row.region, territoryId: row.territoryId, industry: row.industry,
    source: row.source as LeadSource, needDescription: row.needDescription, needTriggers: row.needTriggers as LeadDto['needTriggers'],
    estimatedAmount: row.estimatedAmount, qualification, signals: signalsOf(row.signals), isQualifiable: isQualifiable(qualification),
    missingForQualified: missingForQualified(qualification), status: row.status as LeadStatus, disqualifyReason: row.disqualifyReason,
    ownerId: row.ownerId, ownerName: row.ownerName, inPool: row.ownerId === null, ownedSince: row.ownedSince,
    lastFollowUpOn: row.lastFollowUpOn, recycleOn, formerOwnerId: row.formerOwnerId, releasedOn: row.releasedOn,
    customerId: row.customerId, receptionVisitId: row.receptionVisitId, convertedCustomerId: row.convertedCustomerId,
    convertedContactId: row.convertedContactId, convertedAt: row.convertedAt?.toISOString() ?? null,
    customFields: row.customFields as Record<string, unknown>, version: row.version,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

export async function recycleDaysOf(db: Executor, workspaceId: string): Promise<number> {
  return (await readPolicies(db, workspaceId))['leadPool.noFollowUpDays'];
}

export async function leadDto(db: Executor, ctx: CommandContext, row: LeadRow, ownerName: string | null): Promise<LeadDto> {
  return toLeadDto({ ...row, ownerName }, await recycleDaysOf(db, ctx.workspace.id), canSeePhone(ctx));
}

// ── owners ────────────────────────────────────────────────────────────────────────────────────

const leadOwnership: OwnershipGrants = {
  own: 'lead:own', assign: 'lead:assign', route: 'lead:route',
  cannotOwn: 'errors.cannotOwnLeads', outOfScope: 'errors.leadAssignOutOfScope',
};

function phoneNormalisedOf(phone: string | null | undefined): string | null | undefined {
  if (phone === undefined) return undefined;
  if (phone === null || phone.trim() === '') return null;
  const digits = normalisePhone(phone);
  if (digits.length < 5) throw invalidField('phone', 'errors.phone');
  return digits;
}

/** Tells the owner a lead was assigned to them (not when they took it themselves). */
async function notifyAssigned(tx: Executor, ctx: CommandContext, lead: LeadRow) {
  if (!lead.ownerId || lead.ownerId === ctx.actor.id) return;
  await emitEvent(tx, ctx.workspace.id, {
    topic: 'lead.assigned', payload: { leadId: lead.id, ownerId: lead.ownerId, source: lead.source, by: ctx.actor.id },
    notify: {
      userIds: [lead.ownerId], kind: 'lead_assigned',
      params: { title: `${lead.number ?? ''} ${lead.company}`.trim(), company: lead.company, by: ctx.actor.name }, link: `/leads/${lead.id}`,
    },
  });
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

type NewLead = Omit<typeof leads.$inferInsert, 'workspaceId' | 'id' | 'number' | 'createdBy' | 'ownedSince' | 'searchText'>;

async function insertLead(tx: Tx, ctx: CommandContext, values: NewLead, action: string, options: { notify?: boolean } = {}): Promise<LeadRow> {
  const number = await allocateNumber(tx, ctx.workspace, LEAD_DOCUMENT);
  const now = new Date();
  const [created] = await tx.insert(leads).values({
    ...values, workspaceId: ctx.workspace.id, number, createdBy: ctx.actor.id, searchText: leadSearchText(values.company, values.contactName),
    ownedSince: values.ownerId ? todayOf(ctx) : null, createdAt: now, updatedAt: now,
  }).returning();
  await appendAudit(tx, ctx, { entity: 'lead', entityId: created!.id, action, after: created });
  if (options.notify !== false) await notifyAssigned(tx, ctx, created!);
  return created!;
}

/**
 * For the front desk (reception, domain §4.2): writes a lead in the caller's transaction with its
 * audit row and a `lead.assigned` notification to the owner — unless the caller tells the owner itself
 * (`notify: false`). The caller has already routed it.
 */
export async function createLeadInTx(tx: Tx, ctx: CommandContext, input: {
  company: string; contactName: string | null; phone: string | null; source: LeadSource; ownerId: string | null;
  customerId: string | null; needDescription?: string | null; receptionVisitId?: string | null;
}, options: { notify?: boolean } = {}): Promise<{ id: string; number: string | null }> {
  if (input.ownerId) await requireSalesUser(tx, ctx, input.ownerId, 'ownerId');
  const created = await insertLead(tx, ctx, {
    company: input.company, contactName: input.contactName, phone: input.phone, phoneNormalised: phoneNormalisedOf(input.phone) ?? null,
    source: input.source, ownerId: input.ownerId, customerId: input.customerId, needDescription: input.needDescription ?? null,
    receptionVisitId: input.receptionVisitId ?? null,
  }, 'create', options);
  return { id: created.id, number: created.number };
}

/** Creates a lead for the caller (or, with lead:assign, for a rep in their scope or the pool). */
export async function createLead(ctx: CommandContext, input: CreateLeadBody): Promise<LeadDto> {
  const phoneNormalised = phoneNormalisedOf(input.phone);
  return ctx.db.transaction(async (tx) => {
    const owner = await resolveOwner(tx, ctx, input.ownerId, leadOwnership);
    await assertTerritory(tx, ctx, input.territoryId);
    const qualification = mergeQualification(qualificationOf({}), input.qualification ?? {});
    const customFields = await validateCustomFields(tx, ctx.workspace.id, 'leads', input.customFields ?? {}, { partial: false });
    const created = await insertLead(tx, ctx, {
      company: input.company, contactName: input.contactName ?? null, title: input.title ?? null, phone: input.phone ?? null,
      phoneNormalised: phoneNormalised ?? null, email: input.email || null, im: input.im ?? null, region: input.region ?? null,
      territoryId: input.territoryId ?? null, industry: input.industry ?? null, source: input.source,
      needDescription: input.needDescription ?? null, needTriggers: [...new Set(input.needTriggers ?? [])],
      estimatedAmount: input.estimatedAmount ?? null, qualification, signals: input.signals ?? {}, customFields, ownerId: owner?.id ?? null,
    }, 'create');
    return leadDto(tx, ctx, created, owner?.name ?? null);
  });
}

/**
 * Edits a lead and moves it along new → contacted → qualified (or reopens a disqualified one as new).
 * Qualified needs money, authority, need and timing confirmed (422 naming what is missing); an edit
 * by the owner counts as a follow-up.
 */
export async function updateLead(ctx: CommandContext, id: string, input: UpdateLeadBody): Promise<LeadDto> {
  const phoneNormalised = phoneNormalisedOf(input.phone);
  return ctx.db.transaction(async (tx) => {
    const { row: before } = await requireEditable(tx, ctx, id, { reopening: input.status === 'new' });
    if (before.version !== input.version) throw conflict();
    await assertTerritory(tx, ctx, input.territoryId);
    const qualification = input.qualification ? mergeQualification(qualificationOf(before.qualification), input.qualification) : qualificationOf(before.qualification);
    const from = before.status as LeadStatus;
    const to = input.status ?? from;
    assertTransition(from, to, qualification);
    const { version, qualification: _q, needTriggers, email, phone, customFields, ...rest } = input;
    const today = todayOf(ctx);
    const [updated] = await tx.update(leads).set({
      ...rest,
      ...(phone !== undefined ? { phone, phoneNormalised: phoneNormalised ?? null } : {}),
      ...(rest.company !== undefined || rest.contactName !== undefined
        ? { searchText: leadSearchText(rest.company ?? before.company, rest.contactName !== undefined ? rest.contactName : before.contactName) } : {}),
      ...(email !== undefined ? { email: email || null } : {}),
      ...(needTriggers !== undefined ? { needTriggers: [...new Set(needTriggers)] } : {}),
      ...(customFields !== undefined ? {
        customFields: mergeCustomFieldValues(before.customFields as Record<string, unknown>, await validateCustomFields(tx, ctx.workspace.id, 'leads', customFields, { partial: true })),
      } : {}),
      qualification, status: to, ...(from === 'disqualified' ? { disqualifyReason: null } : {}),
      ...(before.ownerId === ctx.actor.id ? { lastFollowUpOn: today, recycleWarnedFor: null } : {}),
      version: sql`${leads.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(leads.workspaceId, ctx.workspace.id), eq(leads.id, id), eq(leads.version, version))).returning();
    if (!updated) throw conflict();
    const { ownerName, ...beforeRow } = before;
    await appendAudit(tx, ctx, { entity: 'lead', entityId: id, action: from !== to ? `status_${to}` : 'update', before: beforeRow, after: updated });
    return leadDto(tx, ctx, updated, ownerName);
  });
}

export function assertTransition(from: LeadStatus, to: LeadStatus, qualification: ReturnType<typeof qualificationOf>) {
  const refusal = transitionRefusal(from, to, qualification);
  if (!refusal) return;
  if (refusal.reason === 'not_allowed') {
    throw new AppError('RULE_VIOLATION', 'errors.leadTransition', { from, to }, [{ path: 'status', message: 'errors.leadTransition', params: { from, to } }]);
  }
  const letters = refusal.missing.map((k) => ({ money: 'M', authority: 'A', need: 'N', timing: 'T' })[k]);
  throw new AppError('RULE_VIOLATION', 'errors.leadNotQualified', { missing: letters }, refusal.missing.map((k) => ({
    path: `qualification.${k}`, message: 'errors.qualificationItemUnconfirmed',
  })));
}

/** Closes a lead as not worth pursuing (作废), with the reason; it leaves the recycle clock. */
export async function disqualifyLead(ctx: CommandContext, id: string, input: { reason: string; version?: number }): Promise<LeadDto> {
  return ctx.db.transaction(async (tx) => {
    const { row: before } = await requireEditable(tx, ctx, id);
    if (input.version !== undefined && input.version !== before.version) throw conflict();
    assertTransition(before.status as LeadStatus, 'disqualified', qualificationOf(before.qualification));
    const [updated] = await tx.update(leads).set({
      status: 'disqualified', disqualifyReason: input.reason, recycleWarnedFor: null, version: sql`${leads.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(leads.workspaceId, ctx.workspace.id), eq(leads.id, id), eq(leads.version, before.version))).returning();
    if (!updated) throw conflict();
    const { ownerName, ...beforeRow } = before;
    await appendAudit(tx, ctx, { entity: 'lead', entityId: id, action: 'disqualify', before: beforeRow, after: updated });
    return leadDto(tx, ctx, updated, ownerName);
  });
}

// ── queries ───────────────────────────────────────────────────────────────────────────────────

/** One lead with what the caller may do with it. */
export async function getLead(ctx: CommandContext, id: string): Promise<LeadDetailDto> {
  const access = await requireLead(ctx.db, ctx, id);
  const dto = toLeadDto(access.row, await recycleDaysOf(ctx.db, ctx.workspace.id), canSeePhone(ctx));
  const open = isOpenLead(access.row.status);
  return {
    ...dto,
    access: {
      canEdit: access.canEdit && open,
      canConvert: access.canEdit && open && has(ctx, 'lead:convert'),
      canRelease: access.canEdit && open && has(ctx, 'lead:release'),
      canClaim: access.row.ownerId === null && has(ctx, 'lead:claim'),
      canReopen: access.canEdit && access.row.status === 'disqualified',
    },
  };
}

type LeadFilterInput = Omit<LeadListQuery, 'limit' | 'cursor'>;

/** The WHERE of every lead list and count: the caller's data scope, then the filters. */
async function scopedWhere(ctx: CommandContext, q: LeadFilterInput): Promise<SQL[]> {
  const owners = await visibleOwners(ctx.db, ctx);
  return [visibleTo(owners, leads.ownerId), ...leadFilterConditions(ctx.workspace.timeZone, {
    status: q.status, source: q.source, ownerId: q.ownerId === 'me' ? ctx.actor.id : q.ownerId,
    createdFrom: q.createdFrom, createdTo: q.createdTo, q: q.q?.trim() || undefined,
  })];
}

/** Leads the caller sees (their data scope; pool leads only for those who see all), filtered, newest first. */
export async function listLeads(ctx: CommandContext, q: LeadListQuery) {
  const where = await scopedWhere(ctx, q);
  const rows = await listLeadRows(ctx.db, { workspaceId: ctx.workspace.id, where, beforeId: decodeIdCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  const recycleDays = await recycleDaysOf(ctx.db, ctx.workspace.id);
  const phones = canSeePhone(ctx);
  return { items: page.items.map((r) => toLeadDto(r, recycleDays, phones)), nextCursor: page.nextCursor };
}

/** How many leads the caller sees under the list filters, by status (same scope as the list). */
export async function countLeads(ctx: CommandContext, q: LeadFilterInput) {
  const rows = await countLeadsByStatus(ctx.db, ctx.workspace.id, await scopedWhere(ctx, q));
  const byStatus = { new: 0, contacted: 0, qualified: 0, converted: 0, disqualified: 0 } as Record<LeadStatus, number>;
  for (const r of rows) byStatus[r.status as LeadStatus] = r.n;
  return { total: rows.reduce((sum, r) => sum + r.n, 0), byStatus };
}

// ── for other modules (through index.ts) ─────────────────────────────────────────────────────

/** Records a follow-up (activity, visit, call) on a lead: its recycle clock restarts from that day. */
export async function recordLeadFollowUp(tx: Executor, workspaceId: string, leadId: string, on: IsoDate) {
  await tx.update(leads).set({ lastFollowUpOn: sql`greatest(${leads.lastFollowUpOn}, ${on}::date)`, recycleWarnedFor: null })
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.id, leadId)));
}
