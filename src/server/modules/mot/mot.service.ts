import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type {
  AdvanceNeedBody, CreateNeedBody, CreateTouchpointBody, NeedDto, NeedListQuery, NeedStep, SatisfactionDto, SatisfactionQuery,
  Sentiment, TouchpointChannel, TouchpointDto, TouchpointListQuery, UpdateNeedBody,
} from '../../../shared/contracts/mot.contract.js';
import type { RoleCode } from '../../../shared/contracts/org.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, invalidField, notFound, type ErrorDetail } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { permissionsOf } from '../../platform/authz/permissions.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, decodeIdCursor, pageFrom } from '../../platform/http/pagination.js';
import { translate } from '../../platform/i18n/translate.js';
import { customerAccess, visibleCustomersWhere } from '../customers/index.js';
import type { MotPermission } from './mot.permissions.js';
import {
  confirmedBetween, contactCustomerId, customerOptions, findCustomerName, findNeedView, findTouchpointView, findUser, listNeedRows, listTouchpointRows,
  needFilterConditions, opportunityCustomerId, satisfactionRows, touchpointFilterConditions, type NeedView, type TouchpointView,
} from './mot.repository.js';
import { advanceRefusal, editRefusal, isFutureInstant, nextStep, type AdvanceRefusal } from './mot.rules.js';
import { needs, touchpoints } from './mot.schema.js';

const has = (ctx: CommandContext, permission: MotPermission) => ctx.actor.permissions.has(permission);
const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
const stepName = (ctx: CommandContext, step: NeedStep) => translate(ctx.locale, `mot.step.${step}`);

// ── who may do what ────────────────────────────────────────────────────────────────────────────

/** A customer the caller can see (their scope, a collaboration or the pool), or — for the front desk — any customer of the workspace. */
async function requireRecordableCustomer(db: Executor, ctx: CommandContext, customerId: string, options: { anyForDesk: boolean }) {
  const access = await customerAccess(db, ctx, customerId);
  if (access) return access.row;
  if (options.anyForDesk && has(ctx, 'touchpoint:record_any')) {
    if ((await findCustomerName(db, ctx.workspace.id, customerId)) !== null) return null;
  }
  throw notFound('customer');
}

/** The person a touchpoint or need is about: me, or an active employee within my data scope (and, for needs, one who works needs). */
async function requirePerson(db: Executor, ctx: CommandContext, userId: string | undefined, path: string, options: { worksNeeds?: boolean } = {}) {
  const id = userId ?? ctx.actor.id;
  const user = await findUser(db, ctx.workspace.id, id);
  const owners = await visibleOwners(db, ctx);
  const inScope = id === ctx.actor.id || owners.kind === 'all' || owners.ids.includes(id);
  const works = !options.worksNeeds || (user !== null && permissionsOf(user.roles as RoleCode[]).includes('need:update'));
  if (!user || !user.isActive || !inScope || !works) throw invalidField(path, 'errors.motUserOutOfScope');
  return user;
}

/** Contacts and opportunities linked to a touchpoint or need must belong to its customer. */
async function assertBelongs(db: Executor, ctx: CommandContext, customerId: string, refs: { contactId?: string | null; opportunityId?: string | null }) {
  if (refs.contactId) {
    const owner = await contactCustomerId(db, ctx.workspace.id, refs.contactId);
    if (owner !== customerId) throw invalidField('contactId', 'errors.contactOtherCustomer');
  }
  if (refs.opportunityId) {
    const owner = await opportunityCustomerId(db, ctx.workspace.id, refs.opportunityId);
    if (owner !== customerId) throw invalidField('opportunityId', 'errors.opportunityOtherCustomer');
  }
}

/** What the caller sees of touchpoints: those of customers they can see, and those they met or recorded themselves. */
async function visibleTouchpoints(ctx: CommandContext): Promise<SQL> {
  const customersSeen = await visibleCustomersWhere(ctx.db, ctx);
  return or(customersSeen, eq(touchpoints.userId, ctx.actor.id), eq(touchpoints.createdBy, ctx.actor.id))!;
}

/** What the caller sees of needs: those of customers they can see, and the needs they own. */
async function visibleNeeds(db: Executor, ctx: CommandContext): Promise<SQL> {
  const customersSeen = await visibleCustomersWhere(db, ctx);
  return or(customersSeen, eq(needs.ownerId, ctx.actor.id))!;
}

/** Needs are edited and advanced by their owner, or by those whose data scope covers the owner. */
async function canEditNeed(db: Executor, ctx: CommandContext, ownerId: string): Promise<boolean> {
  if (!has(ctx, 'need:update')) return false;
  const owners = await visibleOwners(db, ctx);
  return ownerId === ctx.actor.id || owners.kind === 'all' || owners.ids.includes(ownerId);
}

// ── DTOs ───────────────────────────────────────────────────────────────────────────────────────

function toTouchpointDto(row: TouchpointView): TouchpointDto {
  return {
    id: row.id, customerId: row.customerId, customerName: row.customerName, contactId: row.contactId, contactName: row.contactName,
    opportunityId: row.opportunityId, channel: row.channel as TouchpointChannel, userId: row.userId, userName: row.userName, role: row.role,
    departmentId: row.departmentId, departmentName: row.departmentName, occurredAt: row.occurredAt.toISOString(), impression: row.impression,
    sentiment: row.sentiment as Sentiment, createdBy: row.createdBy, version: row.version, createdAt: row.createdAt.toISOString(),
  };
}

function toNeedDto(row: NeedView, canEdit: boolean): NeedDto {
  return {
    id: row.id, customerId: row.customerId, customerName: row.customerName, opportunityId: row.opportunityId, title: row.title,
    description: row.description, step: row.step as NeedStep, promise: row.promise, promiseDueDate: row.promiseDueDate, fulfilment: row.fulfilment,
    satisfactionScore: row.satisfactionScore, satisfactionComment: row.satisfactionComment, ownerId: row.ownerId, ownerName: row.ownerName,
    exploredAt: row.createdAt.toISOString(), proposedAt: row.proposedAt?.toISOString() ?? null, executedAt: row.executedAt?.toISOString() ?? null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null, canEdit: canEdit && row.step !== 'confirm',
    version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

async function needDto(db: Executor, ctx: CommandContext, id: string): Promise<NeedDto> {
  const row = await findNeedView(db, ctx.workspace.id, id, sql`true`);
  if (!row) throw notFound('need');
  return toNeedDto(row, await canEditNeed(db, ctx, row.ownerId));
}

// ── touchpoints ────────────────────────────────────────────────────────────────────────────────

/** Customers the caller may record a touchpoint or need on, by name or pinyin (the front desk: any). */
export async function listMotCustomerOptions(ctx: CommandContext, q: { q?: string; limit: number }) {
  const visible = has(ctx, 'touchpoint:record_any') ? sql`true` : await visibleCustomersWhere(ctx.db, ctx);
  return { items: await customerOptions(ctx.db, { workspaceId: ctx.workspace.id, visible, q: q.q?.trim() || undefined, limit: q.limit }) };
}

/**
 * Records a touchpoint (接触点): anyone in the company who met the customer — by channel, who, when
 * and the impression left. The person's role and department are kept as they were at the time.
 */
export async function createTouchpoint(ctx: CommandContext, input: CreateTouchpointBody): Promise<TouchpointDto> {
  const now = new Date();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (isFutureInstant(occurredAt, now)) throw invalidField('occurredAt', 'errors.occurredInFuture');
  return ctx.db.transaction(async (tx) => {
    await requireRecordableCustomer(tx, ctx, input.customerId, { anyForDesk: true });
    await assertBelongs(tx, ctx, input.customerId, input);
    const person = await requirePerson(tx, ctx, input.userId, 'userId');
    const [created] = await tx.insert(touchpoints).values({
      workspaceId: ctx.workspace.id, customerId: input.customerId, contactId: input.contactId ?? null, opportunityId: input.opportunityId ?? null,
      channel: input.channel, userId: person.id, role: person.roles[0] ?? 'other', departmentId: person.departmentId,
      occurredAt, impression: input.impression, sentiment: input.sentiment, createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
    }).returning();
    await appendAudit(tx, ctx, { entity: 'touchpoint', entityId: created!.id, action: 'create', after: created });
    return toTouchpointDto((await findTouchpointView(tx, ctx.workspace.id, created!.id))!);
  });
}

function touchpointCursor(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [at, id] = key;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'errors.invalidFormat');
  return [at, id];
}

/** Touchpoints the caller sees (customers in their scope, and their own), filtered, latest first. */
export async function listTouchpoints(ctx: CommandContext, q: TouchpointListQuery) {
  const after = touchpointCursor(q.cursor);
  const where = [await visibleTouchpoints(ctx), ...touchpointFilterConditions(ctx.workspace.timeZone, {
    customerId: q.customerId, channel: q.channel, sentiment: q.sentiment, userId: q.userId === 'me' ? ctx.actor.id : q.userId, from: q.from, to: q.to,
  })];
  const rows = await listTouchpointRows(ctx.db, { workspaceId: ctx.workspace.id, where, after, limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.occurredAt.toISOString(), r.id]);
  return { items: page.items.map(toTouchpointDto), nextCursor: page.nextCursor };
}

// ── needs ──────────────────────────────────────────────────────────────────────────────────────

/** Opens a customer need at explore, owned by the caller (or someone in their scope who works needs). */
export async function createNeed(ctx: CommandContext, input: CreateNeedBody): Promise<NeedDto> {
  return ctx.db.transaction(async (tx) => {
    await requireRecordableCustomer(tx, ctx, input.customerId, { anyForDesk: false });
    await assertBelongs(tx, ctx, input.customerId, { opportunityId: input.opportunityId });
    const owner = await requirePerson(tx, ctx, input.ownerId, 'ownerId', { worksNeeds: true });
    const now = new Date();
    const [created] = await tx.insert(needs).values({
      workspaceId: ctx.workspace.id, customerId: input.customerId, opportunityId: input.opportunityId ?? null, title: input.title,
      description: input.description ?? null, step: 'explore', ownerId: owner.id, createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
    }).returning();
    await appendAudit(tx, ctx, { entity: 'need', entityId: created!.id, action: 'create', after: created });
    return needDto(tx, ctx, created!.id);
  });
}

/** A need the caller sees and may edit (404 when unseen, 403 when seen but not theirs to edit). */
async function requireEditableNeed(tx: Executor, ctx: CommandContext, id: string): Promise<NeedView> {
  const row = await findNeedView(tx, ctx.workspace.id, id, await visibleNeeds(tx, ctx));
  if (!row) throw notFound('need');
  if (!(await canEditNeed(tx, ctx, row.ownerId))) throw new AppError('FORBIDDEN', 'errors.forbidden');
  return row;
}

/** Edits a need's title, description, opportunity or owner; step data only while the need stands at that step. */
export async function updateNeed(ctx: CommandContext, id: string, input: UpdateNeedBody): Promise<NeedDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireEditableNeed(tx, ctx, id);
    if (before.version !== input.version) throw conflict();
    const { version, ...changes } = input;
    const refusal = editRefusal(before.step as NeedStep, Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined));
    if (refusal?.closed) throw new AppError('RULE_VIOLATION', 'errors.needClosed');
    if (refusal) {
      const atStep = (field: string): NeedStep => (field === 'fulfilment' ? 'execute' : 'propose');
      throw new AppError('RULE_VIOLATION', 'errors.needStepFieldNotEditable', { step: stepName(ctx, atStep(refusal.fields[0]!)) },
        refusal.fields.map((f) => ({ path: f, message: 'errors.needStepFieldNotEditable', params: { step: stepName(ctx, atStep(f)) } })));
    }
    if (changes.opportunityId) await assertBelongs(tx, ctx, before.customerId, { opportunityId: changes.opportunityId });
    if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId) await requirePerson(tx, ctx, changes.ownerId, 'ownerId', { worksNeeds: true });
    if (changes.promiseDueDate && changes.promiseDueDate < todayOf(ctx) && changes.promiseDueDate !== before.promiseDueDate) {
      throw invalidField('promiseDueDate', 'errors.promiseDueInPast');
    }
    const [updated] = await tx.update(needs).set({ ...changes, version: sql`${needs.version} + 1`, updatedAt: new Date() })
      .where(and(eq(needs.workspaceId, ctx.workspace.id), eq(needs.id, id), eq(needs.version, version))).returning();
    if (!updated) throw conflict();
    const { customerName: _c, ownerName: _o, ...beforeRow } = before;
    await appendAudit(tx, ctx, { entity: 'need', entityId: id, action: 'update', before: beforeRow, after: updated });
    return needDto(tx, ctx, id);
  });
}

function advanceError(ctx: CommandContext, refusal: AdvanceRefusal): AppError {
  switch (refusal.kind) {
    case 'alreadyConfirmed': return new AppError('RULE_VIOLATION', 'errors.needAlreadyConfirmed');
    case 'outOfOrder': {
      const params = { from: stepName(ctx, refusal.from), to: stepName(ctx, refusal.to), next: stepName(ctx, refusal.expected) };
      return new AppError('RULE_VIOLATION', 'errors.needStepOrder', params, [{ path: 'to', message: 'errors.needStepOrder', params }]);
    }
    case 'fields': {
      const to = stepName(ctx, refusal.to);
      const keyOf = { required: 'errors.required', notForStep: 'errors.notForThisStep', satisfactionScore: 'errors.satisfactionScore', dueDateInPast: 'errors.promiseDueInPast' } as const;
      const details: ErrorDetail[] = refusal.problems.map((p) => ({ path: p.field, message: keyOf[p.problem], params: { to } }));
      return new AppError('VALIDATION_FAILED', 'errors.needStepData', { to, fields: refusal.problems.map((p) => p.field) }, details);
    }
  }
}

/**
 * Moves a need to its next MOT step, strictly in order, with that step's data: the promise at
 * propose, its fulfilment at execute, the customer's satisfaction (1–5) and comment at confirm.
 */
export async function advanceNeed(ctx: CommandContext, id: string, input: AdvanceNeedBody): Promise<NeedDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireEditableNeed(tx, ctx, id);
    if (before.version !== input.version) throw conflict();
    const from = before.step as NeedStep;
    const refusal = advanceRefusal(from, input, todayOf(ctx));
    if (refusal) throw advanceError(ctx, refusal);
    const now = new Date();
    const by = ctx.actor.id;
    const to = nextStep(from)!;
    // the data of the step reached (advanceRefusal has checked it is there)
    const stepData = to === 'propose' ? { promise: input.promise!.trim(), promiseDueDate: input.promiseDueDate ?? null, proposedAt: now, proposedBy: by }
      : to === 'execute' ? { fulfilment: input.fulfilment!.trim(), executedAt: now, executedBy: by }
        : { satisfactionScore: input.satisfactionScore!, satisfactionComment: input.comment!.trim(), confirmedAt: now, confirmedBy: by };
    const [updated] = await tx.update(needs).set({ step: to, ...stepData, version: sql`${needs.version} + 1`, updatedAt: now })
      .where(and(eq(needs.workspaceId, ctx.workspace.id), eq(needs.id, id), eq(needs.version, input.version))).returning();
    if (!updated) throw conflict();
    const { customerName: _c, ownerName: _o, ...beforeRow } = before;
    await appendAudit(tx, ctx, { entity: 'need', entityId: id, action: `advance_${to}`, before: beforeRow, after: updated });
    return needDto(tx, ctx, id);
  });
}

/** One need the caller sees. */
export async function getNeed(ctx: CommandContext, id: string): Promise<NeedDto> {
  const row = await findNeedView(ctx.db, ctx.workspace.id, id, await visibleNeeds(ctx.db, ctx));
  if (!row) throw notFound('need');
  return toNeedDto(row, await canEditNeed(ctx.db, ctx, row.ownerId));
}

/** Needs the caller sees (customers in their scope, and their own), filtered, newest first. */
export async function listNeeds(ctx: CommandContext, q: NeedListQuery) {
  const where = [await visibleNeeds(ctx.db, ctx), ...needFilterConditions({
    customerId: q.customerId, opportunityId: q.opportunityId, step: q.step, ownerId: q.ownerId === 'me' ? ctx.actor.id : q.ownerId, q: q.q?.trim() || undefined,
  })];
  const rows = await listNeedRows(ctx.db, { workspaceId: ctx.workspace.id, where, beforeId: decodeIdCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  const owners = await visibleOwners(ctx.db, ctx);
  const mayUpdate = has(ctx, 'need:update');
  const editable = (ownerId: string) => mayUpdate && (ownerId === ctx.actor.id || owners.kind === 'all' || owners.ids.includes(ownerId));
  return { items: page.items.map((r) => toNeedDto(r, editable(r.ownerId))), nextCursor: page.nextCursor };
}

/** Customer satisfaction (average of confirmed needs' scores) per customer or per owner, within the caller's scope. */
export async function needSatisfaction(ctx: CommandContext, q: SatisfactionQuery): Promise<SatisfactionDto> {
  const where = [
    await visibleNeeds(ctx.db, ctx),
    ...needFilterConditions({ customerId: q.customerId, ownerId: q.ownerId }),
    ...confirmedBetween(ctx.workspace.timeZone, q.from, q.to),
  ];
  const { rows, overall } = await satisfactionRows(ctx.db, { workspaceId: ctx.workspace.id, groupBy: q.groupBy, where, limit: q.limit });
  return { groupBy: q.groupBy, items: rows, overall };
}
