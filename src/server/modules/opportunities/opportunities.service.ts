import { and, eq, sql } from 'drizzle-orm';
import type {
  AddOpportunityCollaboratorBody, CloseOpportunityBody, CreateOpportunityBody, FunnelCategory, KanbanDto, KanbanQuery, KeyNodeBody, MoveOpportunityBody,
  OpportunityDetailDto, OpportunityDto, OpportunityListQuery, OpportunitySignals, SetOpportunityContactsBody, UpdateOpportunityBody,
} from '../../../shared/contracts/opportunities.contract.js';
import type { LeadSource } from '../../../shared/contracts/leads.contract.js';
import { addDays, todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, decodeIdCursor, pageFrom } from '../../platform/http/pagination.js';
import { translate } from '../../platform/i18n/translate.js';
import { emitEvent, type NotifySpec } from '../../platform/notifications/outbox.js';
import { allocateNumber } from '../../platform/numbering/numbering.service.js';
import { users } from '../../platform/org/org.schema.js';
import { findDepartment } from '../../platform/org/org.repository.js';
import { customerAccess, recordDeal, resolveOwner, type OwnershipGrants } from '../customers/index.js';
import type { OpportunityPermission } from './opportunities.permissions.js';
import {
  activeOpportunityCollaborations, collaboratorsOf, contactIdsOfCustomer, contactsOf, countContacts, findCollaboration, findOpportunity, hasSignedContract, historyOf, kanbanCards, kanbanTotals,
  listOpportunityRows, loadGateEvidence, lockOpportunity, opportunityFilterConditions, refreshStageFlowColumns, sortKeyOf, visibleOpportunities,
  type OpportunityListRow, type OpportunityRow, type OpportunitySort,
} from './opportunities.repository.js';
import {
  daysInStage, earliestCloseDate, isCloseDateTooFarPast, isDecisionDateMissing, isLossReason, isProbabilityInBand, lossReasons, moveRefusal,
  opportunitySearchText, weightedAmount, type FunnelBands, type GateStage, type MoveRefusal,
} from './opportunities.rules.js';
import { opportunities, opportunityCollaborators, opportunityContacts, opportunityStageHistory } from './opportunities.schema.js';
import { stagesOf, type StageRow } from './pipelines.repository.js';
import { funnelBandsOf, pipelineUsableBy, requirePipeline, toPipelineDto, toStageDto, trimProbability } from './pipelines.service.js';
import { findPipeline } from './pipelines.repository.js';

export const PROJECT_DOCUMENT = 'project';

const has = (ctx: CommandContext, permission: OpportunityPermission) => ctx.actor.permissions.has(permission);
const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);

// ── what the caller may see and do ────────────────────────────────────────────────────────────

export interface OpportunityAccess {
  row: OpportunityListRow;
  /** the owner is within the caller's data scope */
  viaScope: boolean;
  collaboration: 'read' | 'write' | null;
  /** edit, move, tick key nodes: in scope or a write collaborator, with the update permission */
  canEdit: boolean;
  /** close, share, hand over: in the caller's own scope */
  canManage: boolean;
}

/** How the caller sees one opportunity, or null (→ 404): owner in their data scope, or an active collaboration. */
export async function opportunityAccess(db: Executor, ctx: CommandContext, id: string): Promise<OpportunityAccess | null> {
  const row = await findOpportunity(db, ctx.workspace.id, id);
  if (!row) return null;
  const owners = await visibleOwners(db, ctx);
  const viaScope = owners.kind === 'all' || owners.ids.includes(row.ownerId);
  const collaboration = viaScope ? null : ((await findCollaboration(db, ctx.workspace.id, id, ctx.actor.id, todayOf(ctx)))?.access as 'read' | 'write' | undefined) ?? null;
  if (!viaScope && !collaboration) return null;
  const mayUpdate = has(ctx, 'opportunity:update');
  return { row, viaScope, collaboration, canEdit: mayUpdate && (viaScope || collaboration === 'write'), canManage: mayUpdate && viaScope };
}

async function requireOpportunity(db: Executor, ctx: CommandContext, id: string): Promise<OpportunityAccess> {
  const access = await opportunityAccess(db, ctx, id);
  if (!access) throw notFound('opportunity');
  return access;
}

/** An open opportunity the caller may change (`manage`: close, share, hand over), locked for the transaction, at the version they read. */
async function requireChangeable(tx: Tx, ctx: CommandContext, id: string, version: number | undefined, options: { manage?: boolean; permission?: OpportunityPermission } = {}) {
  const access = await requireOpportunity(tx, ctx, id);
  if (!(options.manage ? access.canManage : access.canEdit)) throw forbidden();
  if (options.permission && !has(ctx, options.permission)) throw forbidden();
  const locked = await lockOpportunity(tx, ctx.workspace.id, id);
  if (!locked) throw notFound('opportunity');
  if (version !== undefined && locked.version !== version) throw conflict();
  if (locked.status !== 'open') throw new AppError('RULE_VIOLATION', 'errors.opportunityClosed', { status: locked.status });
  return { access, row: locked };
}

// ── DTOs ──────────────────────────────────────────────────────────────────────────────────────

interface View { now: Date; timeZone: string; asOf: IsoDate; decisionDays: number }

async function viewOf(db: Executor, ctx: CommandContext, asOf?: IsoDate): Promise<View> {
  const bands = await funnelBandsOf(db, ctx.workspace.id);
  return { now: new Date(), timeZone: ctx.workspace.timeZone, asOf: asOf ?? todayOf(ctx), decisionDays: bands.decisionDays };
}

export function toOpportunityDto(row: OpportunityListRow, view: View): OpportunityDto {
  const probability = trimProbability(row.probability);
  return {
    id: row.id, number: row.number, name: row.name, customerId: row.customerId, customerName: row.customerName,
    pipelineId: row.pipelineId, stageId: row.stageId, stageName: row.stageName, funnelCategory: row.funnelCategory as FunnelCategory,
    status: row.status as OpportunityDto['status'], amount: row.amount, probability, weightedAmount: weightedAmount(row.amount, row.probability),
    expectedCloseDate: row.expectedCloseDate, ownerId: row.ownerId, ownerName: row.ownerName ?? '—', departmentId: row.departmentId,
    source: row.source as LeadSource | null, leadId: row.leadId, competitors: row.competitors,
    stageEnteredAt: row.stageEnteredAt.toISOString(), daysInStage: daysInStage(row.stageEnteredAt, view.now, view.timeZone),
    isDecisionDateMissing: isDecisionDateMissing(row, view.asOf, view.decisionDays),
    closedOn: row.closedOn, customFields: row.customFields as OpportunityDto['customFields'], version: row.version,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

async function detailOf(db: Executor, ctx: CommandContext, access: OpportunityAccess): Promise<OpportunityDetailDto> {
  const row = access.row;
  const ws = ctx.workspace.id;
  const [contactRows, collaboratorRows] = [await contactsOf(db, ws, row.id), await collaboratorsOf(db, ws, row.id)];
  return {
    ...toOpportunityDto(row, await viewOf(db, ctx)),
    needDescription: row.needDescription, signals: row.signals as OpportunitySignals,
    keyNodes: row.keyNodes as OpportunityDetailDto['keyNodes'],
    contacts: contactRows.map((c) => ({ contactId: c.contactId, name: c.name, title: c.title, buyingRole: c.buyingRole as OpportunityDetailDto['contacts'][number]['buyingRole'] })),
    collaborators: collaboratorRows.map((c) => ({ userId: c.userId, name: c.name, access: c.access as 'read' | 'write', expiresOn: c.expiresOn })),
    closeReason: row.closeReason, closeSummary: row.closeSummary, canEdit: access.canEdit && row.status === 'open',
  };
}

async function reloadDetail(db: Executor, ctx: CommandContext, id: string): Promise<OpportunityDetailDto> {
  return detailOf(db, ctx, await requireOpportunity(db, ctx, id));
}

// ── input checks ──────────────────────────────────────────────────────────────────────────────

const opportunityOwnership: OwnershipGrants = {
  own: 'opportunity:own', assign: 'opportunity:assign', route: 'opportunity:route',
  cannotOwn: 'errors.cannotOwnOpportunities', outOfScope: 'errors.opportunityAssignOutOfScope',
};

function assertAmount(amount: string | undefined) {
  if (amount !== undefined && money.parse(amount).lt(0)) throw invalidField('amount', 'errors.amountNegative');
}

function assertCloseDate(ctx: CommandContext, date: IsoDate | null | undefined) {
  const asOf = todayOf(ctx);
  if (date && isCloseDateTooFarPast(date, asOf)) throw invalidField('expectedCloseDate', 'errors.closeDateTooFarPast', { earliest: earliestCloseDate(asOf) });
}

function assertProbability(probability: string, category: FunnelCategory, bands: FunnelBands) {
  if (!isProbabilityInBand(probability, category, bands)) {
    throw invalidField('probability', `errors.probabilityBand.${category}`, { inFunnelMin: bands.inFunnelMin, bestFewAbove: bands.bestFewAbove });
  }
}

function assertNoCustomFields(customFields: Record<string, unknown> | undefined) {
  // custom-field definitions exist for customers, contacts and leads only (custom-fields module)
  const key = Object.keys(customFields ?? {})[0];
  if (key !== undefined) throw invalidField(`customFields.${key}`, 'errors.unknownField');
}

async function assertContacts(tx: Executor, ctx: CommandContext, customerId: string, list: readonly { contactId: string }[]) {
  const found = await contactIdsOfCustomer(tx, ctx.workspace.id, customerId, list.map((c) => c.contactId));
  const bad = list.findIndex((c) => !found.has(c.contactId));
  if (bad >= 0) throw invalidField(`contacts.${bad}.contactId`, 'errors.contactNotOfCustomer');
}

async function replaceContacts(tx: Executor, workspaceId: string, opportunityId: string, list: readonly { contactId: string; buyingRole?: string | null }[]) {
  await tx.delete(opportunityContacts).where(and(eq(opportunityContacts.workspaceId, workspaceId), eq(opportunityContacts.opportunityId, opportunityId)));
  const unique = [...new Map(list.map((c) => [c.contactId, c])).values()];
  if (unique.length > 0) {
    await tx.insert(opportunityContacts).values(unique.map((c) => ({ workspaceId, opportunityId, contactId: c.contactId, buyingRole: c.buyingRole ?? null })));
  }
}

/** Writes a stage-history row and refreshes the opportunity's derived funnel columns (a few rows). */
async function addHistory(tx: Executor, ctx: CommandContext, row: Omit<typeof opportunityStageHistory.$inferInsert, 'workspaceId' | 'id' | 'actorId'>) {
  await tx.insert(opportunityStageHistory).values({ ...row, workspaceId: ctx.workspace.id, id: newId(), actorId: ctx.actor.id });
  await refreshStageFlowColumns(tx, ctx.workspace.id, { opportunityId: row.opportunityId });
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

/**
 * Creates an opportunity on a customer the caller sees and may edit, in a pipeline they may use;
 * numbered XM<year>-0001; probability defaults to the stage's and must stay inside its band; the
 * contacts must be the customer's. Writes the first stage-history row.
 */
export async function createOpportunity(ctx: CommandContext, input: CreateOpportunityBody): Promise<OpportunityDetailDto> {
  assertAmount(input.amount);
  assertCloseDate(ctx, input.expectedCloseDate);
  assertNoCustomFields(input.customFields);
  const id = await ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const customer = await customerAccess(tx, ctx, input.customerId);
    if (!customer || !(customer.viaScope || customer.collaboration === 'write')) throw invalidField('customerId', 'errors.unknownReference', { entity: 'customer' });
    const pipeline = await findPipeline(tx, ws, input.pipelineId);
    if (!pipeline) throw invalidField('pipelineId', 'errors.unknownReference', { entity: 'pipeline' });
    if (!pipeline.isActive) throw invalidField('pipelineId', 'errors.pipelineInactive');
    if (!(await pipelineUsableBy(tx, ctx, pipeline))) throw invalidField('pipelineId', 'errors.pipelineNotUsable');
    const stage = input.stageId ? pipeline.stages.find((s) => s.id === input.stageId) : pipeline.stages[0];
    if (!stage) throw invalidField('stageId', 'errors.unknownPipelineStage');
    if (stage.funnelCategory === 'order') throw invalidField('stageId', 'errors.moveIntoOrder');
    const bands = await funnelBandsOf(tx, ws);
    const probability = input.probability ?? trimProbability(stage.probability);
    assertProbability(probability, stage.funnelCategory as FunnelCategory, bands);
    const owner = await resolveOwner(tx, ctx, input.ownerId, opportunityOwnership);
    if (!owner) throw invalidField('ownerId', 'errors.cannotOwnOpportunities');
    if (input.contacts) await assertContacts(tx, ctx, input.customerId, input.contacts);

    const number = await allocateNumber(tx, ctx.workspace, PROJECT_DOCUMENT);
    const now = new Date();
    const [created] = await tx.insert(opportunities).values({
      workspaceId: ws, id: newId(), number, name: input.name, customerId: input.customerId, pipelineId: pipeline.id, stageId: stage.id,
      amount: money.format(input.amount), probability, expectedCloseDate: input.expectedCloseDate ?? null, ownerId: owner.id,
      departmentId: owner.departmentId, source: input.source ?? null, leadId: input.leadId ?? null, competitors: input.competitors ?? [],
      needDescription: input.needDescription ?? null, signals: input.signals ?? {}, searchText: opportunitySearchText(input.name, number),
      createdBy: ctx.actor.id, stageEnteredAt: now, createdAt: now, updatedAt: now,
    }).returning();
    if (input.contacts) await replaceContacts(tx, ws, created!.id, input.contacts);
    await addHistory(tx, ctx, { opportunityId: created!.id, kind: 'create', toStageId: stage.id, at: now });
    await appendAudit(tx, ctx, { entity: 'opportunity', entityId: created!.id, action: 'create', after: { ...created, contacts: input.contacts ?? [] } });
    if (owner.id !== ctx.actor.id) {
      await emitEvent(tx, ws, {
        topic: 'opportunity.assigned', payload: { opportunityId: created!.id, ownerId: owner.id, by: ctx.actor.id },
        notify: { userIds: [owner.id], kind: 'opportunity_assigned', params: { title: `${number} ${input.name}`, by: ctx.actor.name }, link: `/opportunities/${created!.id}` },
      });
    }
    return created!.id;
  });
  return reloadDetail(ctx.db, ctx, id);
}

/** Edits an open opportunity (not its stage: that moves through /move); probability stays inside the stage band. */
export async function updateOpportunity(ctx: CommandContext, id: string, input: UpdateOpportunityBody): Promise<OpportunityDetailDto> {
  assertAmount(input.amount);
  assertCloseDate(ctx, input.expectedCloseDate);
  assertNoCustomFields(input.customFields);
  await ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const { access, row: before } = await requireChangeable(tx, ctx, id, input.version);
    if (input.probability !== undefined) assertProbability(input.probability, access.row.funnelCategory as FunnelCategory, await funnelBandsOf(tx, ws));
    let ownerPatch: { ownerId: string; departmentId: string | null } | Record<string, never> = {};
    if (input.ownerId !== undefined && input.ownerId !== before.ownerId) {
      if (!access.canManage) throw forbidden();
      const owner = await resolveOwner(tx, ctx, input.ownerId, opportunityOwnership);
      if (!owner) throw invalidField('ownerId', 'errors.cannotOwnOpportunities');
      ownerPatch = { ownerId: owner.id, departmentId: owner.departmentId };
    }
    if (input.contacts) await assertContacts(tx, ctx, before.customerId, input.contacts);
    const { version, contacts, customFields: _cf, ownerId: _o, amount, ...rest } = input;
    const [updated] = await tx.update(opportunities).set({
      ...rest, ...ownerPatch,
      ...(amount !== undefined ? { amount: money.format(amount) } : {}),
      ...(rest.name !== undefined ? { searchText: opportunitySearchText(rest.name, before.number) } : {}),
      version: sql`${opportunities.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(opportunities.workspaceId, ws), eq(opportunities.id, id), eq(opportunities.version, version))).returning();
    if (!updated) throw conflict();
    // the stage history carries the owner and department for the funnel's data scope
    if ('ownerId' in ownerPatch) await refreshStageFlowColumns(tx, ws, { opportunityId: id });
    if (contacts) await replaceContacts(tx, ws, id, contacts);
    await appendAudit(tx, ctx, { entity: 'opportunity', entityId: id, action: 'update', before, after: { ...updated, ...(contacts ? { contacts } : {}) } });
  });
  return reloadDetail(ctx.db, ctx, id);
}

function refusalError(ctx: CommandContext, refusal: MoveRefusal): AppError {
  const at = (key: string, params: Record<string, unknown> = {}) =>
    new AppError('RULE_VIOLATION', key, params, [{ path: 'toStageId', message: key, params }]);
  switch (refusal.kind) {
    case 'unknown_stage': return invalidField('toStageId', 'errors.unknownPipelineStage');
    case 'closed': return new AppError('RULE_VIOLATION', 'errors.opportunityClosed');
    case 'same_stage': return at('errors.sameStage');
    case 'into_order': return at('errors.moveIntoOrder');
    case 'required_fields': {
      const separator = ctx.locale === 'zh-CN' ? '、' : ', ';
      return at('errors.gateRequiredFields', { stage: refusal.stage, fields: refusal.fields.map((f) => translate(ctx.locale, `fields.${f}`)).join(separator) });
    }
    case 'approval': return at(refusal.approval === 'initiation_report' ? 'errors.gateInitiationReport' : 'errors.gateBidPrice', { stage: refusal.stage });
    case 'key_node': return at('errors.gateKeyNode', { stage: refusal.stage, keyNode: refusal.keyNode });
  }
}

const gateStage = (s: StageRow): GateStage => ({
  id: s.id, position: s.position, name: s.name, funnelCategory: s.funnelCategory as FunnelCategory,
  requiredFields: s.requiredFields as GateStage['requiredFields'], requiredApprovals: s.requiredApprovals as GateStage['requiredApprovals'], keyNode: s.keyNode,
});

/**
 * Moves an opportunity to another stage of its pipeline (the only way its stage changes). Forward
 * moves pass the gates of every stage left (required fields, approvals, key node); back moves need
 * none. The probability resets to the new stage's; the history records the days spent in the stage left.
 */
export async function moveOpportunity(ctx: CommandContext, id: string, input: MoveOpportunityBody): Promise<OpportunityDetailDto> {
  await ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const access = await requireOpportunity(tx, ctx, id);
    if (!access.canEdit || !has(ctx, 'opportunity:move')) throw forbidden();
    const row = await lockOpportunity(tx, ws, id);
    if (!row) throw notFound('opportunity');
    if (row.version !== input.version) throw conflict();
    const stages = await stagesOf(tx, ws, row.pipelineId);
    const refusal = moveRefusal({
      status: row.status, stageId: row.stageId, amount: row.amount, expectedCloseDate: row.expectedCloseDate,
      contactCount: await countContacts(tx, ws, id), competitors: row.competitors, needDescription: row.needDescription,
      signals: row.signals as Record<string, unknown>, keyNodes: row.keyNodes as Record<string, { done?: boolean }>,
    }, stages.map(gateStage), input.toStageId, await loadGateEvidence(tx, ws, id));
    if (refusal) throw refusalError(ctx, refusal);
    const target = stages.find((s) => s.id === input.toStageId)!;
    const now = new Date();
    const [moved] = await tx.update(opportunities).set({
      stageId: target.id, probability: trimProbability(target.probability), stageEnteredAt: now, version: sql`${opportunities.version} + 1`, updatedAt: now,
    }).where(and(eq(opportunities.workspaceId, ws), eq(opportunities.id, id), eq(opportunities.version, input.version))).returning();
    if (!moved) throw conflict();
    const days = daysInStage(row.stageEnteredAt, now, ctx.workspace.timeZone);
    await addHistory(tx, ctx, { opportunityId: id, kind: 'move', fromStageId: row.stageId, toStageId: target.id, daysInStage: days, note: input.note ?? null, at: now });
    await appendAudit(tx, ctx, { entity: 'opportunity', entityId: id, action: 'move', before: row, after: moved });
    await emitEvent(tx, ws, {
      topic: 'opportunity.moved',
      payload: { opportunityId: id, number: row.number, fromStageId: row.stageId, toStageId: target.id, daysInStage: days, ownerId: row.ownerId, by: ctx.actor.id },
    });
  });
  return reloadDetail(ctx.db, ctx, id);
}

/** Ticks (or unticks) the key node (关键节点) of one of the pipeline's stages on the checklist. */
export async function setKeyNode(ctx: CommandContext, id: string, stageId: string, input: KeyNodeBody): Promise<OpportunityDetailDto> {
  await ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const { row } = await requireChangeable(tx, ctx, id, input.version);
    const stage = (await stagesOf(tx, ws, row.pipelineId)).find((s) => s.id === stageId);
    if (!stage) throw invalidField('stageId', 'errors.unknownPipelineStage');
    if (!stage.keyNode) throw invalidField('stageId', 'errors.stageHasNoKeyNode');
    const entry = input.done
      ? { done: true, note: input.note ?? null, doneAt: new Date().toISOString(), doneBy: ctx.actor.id }
      : { done: false, note: input.note ?? null, doneAt: null, doneBy: null };
    const keyNodes = { ...(row.keyNodes as Record<string, unknown>), [stageId]: entry };
    const [updated] = await tx.update(opportunities).set({ keyNodes, version: sql`${opportunities.version} + 1`, updatedAt: new Date() })
      .where(and(eq(opportunities.workspaceId, ws), eq(opportunities.id, id), eq(opportunities.version, input.version))).returning();
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, { entity: 'opportunity', entityId: id, action: input.done ? 'key_node_done' : 'key_node_undone', before: { keyNodes: row.keyNodes }, after: { keyNodes, stageId, keyNode: stage.keyNode } });
  });
  return reloadDetail(ctx.db, ctx, id);
}

/**
 * Closes an opportunity: lost with a listed reason and a stage summary (阶段总结), won with a
 * summary and a signed contract linked to it (422 otherwise); won moves it to the order stage at 100 %
 * and records the deal on the customer.
 */
export async function closeOpportunity(ctx: CommandContext, id: string, input: CloseOpportunityBody): Promise<OpportunityDetailDto> {
  if (input.outcome === 'lost' && !isLossReason(input.reason)) throw invalidField('reason', 'errors.lossReason');
  await ctx.db.transaction(async (tx) => {
    const { row } = await requireChangeable(tx, ctx, id, input.version, { manage: true, permission: 'opportunity:close' });
    await closeLockedOpportunity(tx, ctx, row, { outcome: input.outcome, reason: input.outcome === 'lost' ? input.reason! : null, summary: input.summary });
  });
  return reloadDetail(ctx.db, ctx, id);
}

/**
 * The close itself, inside the caller's transaction, on an open opportunity row already locked and
 * checked at the version read (the close endpoint and the no-bid report both end here): status,
 * history row with days in stage, the deal date on the customer when won, audit and the event.
 */
export async function closeLockedOpportunity(
  tx: Tx, ctx: CommandContext, row: typeof opportunities.$inferSelect,
  close: { outcome: 'won' | 'lost'; reason: string | null; summary: string; notify?: NotifySpec },
) {
  const ws = ctx.workspace.id;
  const now = new Date();
  const today = todayOf(ctx);
  let stagePatch = {};
  let toStageId: string | null = null;
  if (close.outcome === 'won') {
    // a deal is won when its contract is signed (domain §6, §9): no signed contract, no win
    if (!(await hasSignedContract(tx, ws, row.id))) throw new AppError('RULE_VIOLATION', 'errors.wonNeedsSignedContract');
    const order = (await stagesOf(tx, ws, row.pipelineId)).find((s) => s.funnelCategory === 'order');
    if (order) {
      toStageId = order.id;
      stagePatch = { stageId: order.id, probability: trimProbability(order.probability), stageEnteredAt: now };
    }
  }
  const [closed] = await tx.update(opportunities).set({
    ...stagePatch, status: close.outcome, closedOn: today, closeReason: close.reason, closeSummary: close.summary,
    version: sql`${opportunities.version} + 1`, updatedAt: now,
  }).where(and(eq(opportunities.workspaceId, ws), eq(opportunities.id, row.id), eq(opportunities.version, row.version))).returning();
  if (!closed) throw conflict();
  const days = daysInStage(row.stageEnteredAt, now, ctx.workspace.timeZone);
  await addHistory(tx, ctx, { opportunityId: row.id, kind: 'close', fromStageId: row.stageId, toStageId, outcome: close.outcome, daysInStage: days, note: close.summary, at: now });
  if (close.outcome === 'won') await recordDeal(tx, ws, row.customerId, today);
  await appendAudit(tx, ctx, { entity: 'opportunity', entityId: row.id, action: `close_${close.outcome}`, before: row, after: closed });
  await emitEvent(tx, ws, {
    topic: 'opportunity.closed',
    payload: { opportunityId: row.id, number: row.number, outcome: close.outcome, reason: closed.closeReason, amount: row.amount, customerId: row.customerId, ownerId: row.ownerId, by: ctx.actor.id },
    ...(close.notify ? { notify: close.notify } : {}),
  });
  return closed;
}

/** Replaces the contacts on the deal with their buying roles on it; each must be the customer's. */
export async function setOpportunityContacts(ctx: CommandContext, id: string, input: SetOpportunityContactsBody): Promise<OpportunityDetailDto> {
  await ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const { row } = await requireChangeable(tx, ctx, id, input.version);
    await assertContacts(tx, ctx, row.customerId, input.contacts);
    const before = await contactsOf(tx, ws, id);
    await replaceContacts(tx, ws, id, input.contacts);
    const [updated] = await tx.update(opportunities).set({ version: sql`${opportunities.version} + 1`, updatedAt: new Date() })
      .where(and(eq(opportunities.workspaceId, ws), eq(opportunities.id, id), eq(opportunities.version, input.version))).returning();
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, { entity: 'opportunity', entityId: id, action: 'set_contacts', before: { contacts: before }, after: { contacts: input.contacts } });
  });
  return reloadDetail(ctx.db, ctx, id);
}

/** Shares an opportunity with a colleague (协作人), read or read-write, optionally until a date; repeating it changes the terms. */
export async function addOpportunityCollaborator(ctx: CommandContext, id: string, input: AddOpportunityCollaboratorBody) {
  const today = todayOf(ctx);
  if (input.expiresOn && input.expiresOn < today) throw invalidField('expiresOn', 'errors.expiryInPast');
  return ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const access = await requireOpportunity(tx, ctx, id);
    if (!access.canManage || !has(ctx, 'opportunity:share')) throw forbidden();
    const [user] = await tx.select({ id: users.id, name: users.name, roles: users.roles, isActive: users.isActive }).from(users)
      .where(and(eq(users.workspaceId, ws), eq(users.id, input.userId)));
    if (!user || !user.isActive || user.roles.every((r) => r === 'admin')) throw invalidField('userId', 'errors.collaboratorNotBusiness');
    if (user.id === access.row.ownerId) throw invalidField('userId', 'errors.collaboratorIsOwner');
    const values = { access: input.access, expiresOn: input.expiresOn ?? null, addedBy: ctx.actor.id };
    const [existing] = await tx.select().from(opportunityCollaborators).where(and(
      eq(opportunityCollaborators.workspaceId, ws), eq(opportunityCollaborators.opportunityId, id), eq(opportunityCollaborators.userId, user.id)));
    const [saved] = await tx.insert(opportunityCollaborators).values({ workspaceId: ws, opportunityId: id, userId: user.id, ...values })
      .onConflictDoUpdate({ target: [opportunityCollaborators.workspaceId, opportunityCollaborators.opportunityId, opportunityCollaborators.userId], set: values })
      .returning();
    await appendAudit(tx, ctx, { entity: 'opportunity', entityId: id, action: 'share', before: existing ?? null, after: saved });
    await emitEvent(tx, ws, {
      topic: 'opportunity.shared', payload: { opportunityId: id, userId: user.id, access: input.access, expiresOn: values.expiresOn },
      notify: { userIds: [user.id], kind: 'opportunity_shared', params: { title: `${access.row.number} ${access.row.name}`, by: ctx.actor.name, access: input.access }, link: `/opportunities/${id}` },
    });
    return { created: !existing, collaborator: { userId: user.id, name: user.name, access: input.access, expiresOn: values.expiresOn } };
  });
}

export async function removeOpportunityCollaborator(ctx: CommandContext, id: string, userId: string) {
  await ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    const access = await requireOpportunity(tx, ctx, id);
    if (!access.canManage || !has(ctx, 'opportunity:share')) throw forbidden();
    const [removed] = await tx.delete(opportunityCollaborators).where(and(
      eq(opportunityCollaborators.workspaceId, ws), eq(opportunityCollaborators.opportunityId, id), eq(opportunityCollaborators.userId, userId))).returning();
    if (!removed) throw notFound('collaborator');
    await appendAudit(tx, ctx, { entity: 'opportunity', entityId: id, action: 'unshare', before: removed });
  });
}

// ── queries ───────────────────────────────────────────────────────────────────────────────────

export async function getOpportunity(ctx: CommandContext, id: string): Promise<OpportunityDetailDto> {
  return reloadDetail(ctx.db, ctx, id);
}

/** The stage history (create, moves, close) with days in each stage left. */
export async function getOpportunityHistory(ctx: CommandContext, id: string) {
  await requireOpportunity(ctx.db, ctx, id);
  const rows = await historyOf(ctx.db, ctx.workspace.id, id);
  return {
    items: rows.map((h) => ({
      id: h.id, kind: h.kind as 'create' | 'move' | 'close' | 'reopen', fromStageId: h.fromStageId, fromStageName: h.fromStageName,
      toStageId: h.toStageId, toStageName: h.toStageName, outcome: h.outcome as 'won' | 'lost' | null, daysInStage: h.daysInStage,
      note: h.note, actorId: h.actorId, actorName: h.actorName, at: h.at.toISOString(),
    })),
  };
}

async function scopeOf(ctx: CommandContext) {
  const owners = await visibleOwners(ctx.db, ctx);
  const collaboratingOn = owners.kind === 'all' ? [] : await activeOpportunityCollaborations(ctx.db, ctx.workspace.id, ctx.actor.id, todayOf(ctx));
  return visibleOpportunities(owners, collaboratingOn);
}

function listCursor(sort: OpportunitySort, cursor: string | undefined): (string | number)[] | undefined {
  if (sort === 'newest') {
    const id = decodeIdCursor(cursor);
    return id ? [id] : undefined;
  }
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [value, id] = key;
  if (typeof value !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'errors.invalidFormat');
  const valid = sort === 'amount' ? /^-?\d+(\.\d+)?$/.test(value) : sort === 'closeDate' ? /^\d{4}-\d{2}-\d{2}$/.test(value) : !Number.isNaN(Date.parse(value));
  if (!valid) throw invalidField('cursor', 'errors.invalidFormat');
  return [value, id];
}

/** Opportunities the caller sees (data scope + collaborations), filtered, sorted, keyset-paged. */
export async function listOpportunities(ctx: CommandContext, q: OpportunityListQuery) {
  const view = await viewOf(ctx.db, ctx, q.asOf);
  if (q.orgNodeId && !(await findDepartment(ctx.db, ctx.workspace.id, q.orgNodeId))) {
    throw invalidField('orgNodeId', 'errors.unknownReference', { entity: 'department' });
  }
  const where = [await scopeOf(ctx), ...opportunityFilterConditions({
    pipelineId: q.pipelineId, stageId: q.stageId, status: q.status, funnelCategory: q.funnelCategory,
    ownerId: q.ownerId === 'me' ? ctx.actor.id : q.ownerId, departmentId: q.departmentId, customerId: q.customerId,
    orgNode: q.orgNodeId ? { workspaceId: ctx.workspace.id, id: q.orgNodeId } : undefined,
    closeFrom: q.closeFrom, closeTo: q.closeTo, closedFrom: q.closedFrom, closedTo: q.closedTo, q: q.q?.trim() || undefined,
    bestFewUndatedAfter: q.bestFewUndated === 'true' ? addDays(view.asOf, view.decisionDays) : undefined,
  })];
  const rows = await listOpportunityRows(ctx.db, { workspaceId: ctx.workspace.id, where, sort: q.sort, after: listCursor(q.sort, q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => sortKeyOf(r, q.sort));
  return { items: page.items.map((r) => toOpportunityDto(r, view)), nextCursor: page.nextCursor };
}

/** Kanban of one pipeline: per stage the count, amount and weighted amount of open opportunities in scope, and the first cards. */
export async function getKanban(ctx: CommandContext, q: KanbanQuery): Promise<KanbanDto> {
  const pipeline = await requirePipeline(ctx.db, ctx, q.pipelineId);
  const where = [await scopeOf(ctx), ...opportunityFilterConditions({ ownerId: q.ownerId === 'me' ? ctx.actor.id : q.ownerId, departmentId: q.departmentId })];
  const ws = ctx.workspace.id;
  const totals = await kanbanTotals(ctx.db, ws, pipeline.id, where);
  const cards = await kanbanCards(ctx.db, ws, pipeline.id, pipeline.stages.map((s) => s.id), where, q.cardsPerColumn);
  const view = await viewOf(ctx.db, ctx);
  return {
    pipeline: toPipelineDto(pipeline),
    columns: pipeline.stages.map((s) => {
      const t = totals.get(s.id);
      return {
        stage: toStageDto(s), count: t?.count ?? 0, amount: t?.amount ?? '0.00', weightedAmount: t?.weighted ?? '0.00',
        cards: cards.filter((c) => c.stageId === s.id).map((c) => toOpportunityDto(c, view)),
      };
    }),
  };
}

/** The loss reasons the close dialog offers, in the caller's language. */
export function listLossReasons(ctx: CommandContext) {
  return { items: lossReasons.map((code) => ({ code, label: translate(ctx.locale, `lossReasons.${code}`) })) };
}

export type { OpportunityRow };
