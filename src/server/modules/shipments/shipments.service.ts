import type {
  CreateShipmentBody, CreditPositionDto, ShipmentDto, ShipmentListQuery, ShipmentStatus, ShipmentSummaryDto,
} from '../../../shared/contracts/shipments.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, invalidField, notFound, type ErrorDetail } from '../../../shared/errors.js';
import { money, type Money } from '../../../shared/money.js';
import { registerApprovalSubject, type ApprovalOutcome } from '../../platform/approvals/approvals.registry.js';
import { cancelApprovalsOf, submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { allocateNumber } from '../../platform/numbering/numbering.service.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { customerExposure, exposureBreakdown, receivablesDueBefore } from '../credit/index.js';
import { unpaidPrepaymentsOf } from '../receivables/index.js';
import {
  creditLimitOf, customerNameOf, userNameOf, findOrder, findOrderInScope, findShipment, findShipmentInScope, heldByLine, insertShipment, linkOverrideApproval, listShipmentRows, markContractExecuting,
  namesFor, setOrderStatus, shipmentsOfOrder, shippedByOrderLine, updateShipment, type OrderRow, type ShipmentRow,
} from './shipments.repository.js';
import {
  checkCredit, nextShipmentStatus, prepaymentBlock, orderStatusAfterShipping, otherExposureOf, overrideApprovalFlags, priceShipmentLines, stoppedByOrderCancellation, warehouseStepOf,
  type CreditCheckResult, type OrderLineLike, type ShipmentAction, type ShipmentLine,
} from './shipments.rules.js';

/** Approval document type of an over-credit shipment (超信用发货特批); the subject is the shipment. */
export const SHIPMENT_OVERRIDE_DOCUMENT = 'shipment_credit_override';

const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
const has = (ctx: CommandContext, permission: string) => ctx.actor.permissions.has(permission);
const NO_CREDIT = '0.00';
/** Statuses the warehouse still works on (the work queue tab "all open"). */
const QUEUE_STATUSES = ['pending_review', 'reviewed', 'picked', 'packed', 'shipped'] as const;

// ── credit position ────────────────────────────────────────────────────────────────────────────

interface PositionInput { customerId: string; customerName: string; contractId: string; amount: Money; hasOverride: boolean; asOf: IsoDate }

/**
 * The credit position of a shipment (domain §9, team decision on exposure): limit (0.00 without a
 * credit profile: cash before delivery), exposure now, exposure with this shipment, the overdue lines
 * and the verdict.
 */
async function creditPosition(db: Executor, ctx: CommandContext, p: PositionInput): Promise<{ dto: CreditPositionDto; result: CreditCheckResult }> {
  // one after the other: inside a transaction the queries share one connection
  const limitRow = await creditLimitOf(db, ctx.workspace.id, p.customerId);
  // the customer's total in one sum; the breakdown of this shipment's contract only
  const exposureNow = (await customerExposure(db, ctx.workspace.id, [p.customerId], p.asOf)).get(p.customerId) ?? NO_CREDIT;
  const contractPart = (await exposureBreakdown(db, ctx.workspace.id, p.customerId, { contractId: p.contractId })).contracts[0]?.signedUnshipped ?? NO_CREDIT;
  const due = await receivablesDueBefore(db, ctx.workspace.id, p.customerId, p.asOf);
  const unpaid = prepaymentBlock(await unpaidPrepaymentsOf(db, ctx.workspace.id, p.contractId));
  const limit = limitRow ? money.format(limitRow) : NO_CREDIT;
  const result = checkCredit({
    limit, otherExposure: otherExposureOf(exposureNow, p.amount, contractPart), shipmentAmount: p.amount, openLines: due, asOf: p.asOf, hasOverride: p.hasOverride,
  });
  return {
    result,
    dto: {
      customerId: p.customerId, customerName: p.customerName, hasProfile: limitRow !== null, limit, exposureNow,
      shipmentAmount: money.format(p.amount), exposureWithShipment: result.exposureWithShipment, available: result.available, shortfall: result.shortfall,
      overdueLines: result.overdue.map((o) => ({ receivableId: o.receivableId, contractId: o.contractId, contractNumber: o.contractNumber, dueDate: o.dueDate, outstanding: o.outstanding, daysOverdue: o.daysOverdue })),
      asOf: p.asOf, verdict: result.verdict, hasOverride: p.hasOverride, passes: result.passes, prepaymentOwed: unpaid?.outstanding ?? null,
    },
  };
}

/** The 422 a refused credit check answers: the message names the limit, the exposure with this shipment and the shortfall, or the oldest overdue line. */
function creditRefusal(position: CreditPositionDto): AppError {
  const oldest = position.overdueLines[0];
  const params = {
    limit: position.limit, exposure: position.exposureWithShipment, shortfall: position.shortfall,
    ...(oldest ? { contractNumber: oldest.contractNumber, outstanding: oldest.outstanding, dueDate: oldest.dueDate, days: oldest.daysOverdue } : {}),
  };
  const key = position.verdict === 'over_limit' ? 'errors.creditLimitExceeded' : position.verdict === 'overdue' ? 'errors.creditOverdueDebt' : 'errors.creditLimitAndOverdue';
  const details: ErrorDetail[] = [
    { path: 'credit.limit', message: 'shipments.detail.money', params: { amount: position.limit } },
    { path: 'credit.exposureWithShipment', message: 'shipments.detail.money', params: { amount: position.exposureWithShipment } },
    { path: 'credit.shortfall', message: 'shipments.detail.money', params: { amount: position.shortfall } },
    ...position.overdueLines.slice(0, 5).map((o, i) => ({ path: `credit.overdueLines.${i}`, message: 'shipments.detail.overdue', params: { dueDate: o.dueDate, days: o.daysOverdue, outstanding: o.outstanding } })),
  ];
  return new AppError('RULE_VIOLATION', key, params, details);
}

/** Refuses (422 naming the contract and what is still owed) a shipment whose contract's prepayment is not fully received; no override lifts it. */
async function assertPrepaymentReceived(db: Executor, ctx: CommandContext, contractId: string) {
  const block = prepaymentBlock(await unpaidPrepaymentsOf(db, ctx.workspace.id, contractId));
  if (!block) return;
  const params = { contractNumber: block.contractNumber, outstanding: block.outstanding };
  throw new AppError('RULE_VIOLATION', 'errors.prepaymentNotReceived', params, [
    { path: 'contractId', message: 'errors.prepaymentNotReceived', params },
    ...block.lines.map((l, i) => ({ path: `prepayment.${i}`, message: 'shipments.detail.prepaymentOwed', params: { dueDate: l.dueDate, outstanding: l.outstanding } })),
  ]);
}

// ── DTOs ─────────────────────────────────────────────────────────────────────────────────────

type Names = Awaited<ReturnType<typeof namesFor>>;
const person = (names: Names, id: string | null) => (id ? { id, name: names.users.get(id) ?? '—' } : null);

function toSummary(row: ShipmentRow, names: Names): ShipmentSummaryDto {
  return {
    id: row.id, number: row.number,
    order: { id: row.orderId, number: names.orders.get(row.orderId) ?? '—' },
    contract: { id: row.contractId, number: names.contracts.get(row.contractId) ?? '—' },
    customer: { id: row.customerId, name: names.customers.get(row.customerId) ?? '—' },
    owner: { id: row.ownerId, name: names.users.get(row.ownerId) ?? '—' },
    amount: row.amount, plannedDate: row.plannedDate, isRush: row.priorityRank === 0, status: row.status as ShipmentStatus,
    overrideStatus: (row.overrideStatus ?? null) as ShipmentSummaryDto['overrideStatus'],
    carrier: row.carrier, trackingNo: row.trackingNo, updatedAt: row.updatedAt.toISOString(), version: row.version,
  };
}

const orderLinesOf = (order: OrderRow | null) => ((order?.lines ?? []) as OrderLineLike[]);

function stepsOf(row: ShipmentRow, names: Names): ShipmentDto['steps'] {
  const steps: ShipmentDto['steps'] = [{ step: 'created', at: row.createdAt.toISOString(), by: person(names, row.createdBy) }];
  const add = (step: ShipmentDto['steps'][number]['step'], at: Date | null, by: string | null) => { if (at) steps.push({ step, at: at.toISOString(), by: person(names, by) }); };
  add('reviewed', row.reviewedAt, row.reviewedBy);
  add('picked', row.pickedAt, row.pickedBy);
  add('packed', row.packedAt, row.packedBy);
  add('shipped', row.shippedAt, row.shippedBy);
  add('delivered', row.handedOverAt, row.deliveredBy);
  add('cancelled', row.cancelledAt, row.cancelledBy);
  return steps;
}

async function toDto(ctx: CommandContext, row: ShipmentRow): Promise<ShipmentDto> {
  const [names, order] = await Promise.all([namesFor(ctx.db, ctx.workspace.id, [row]), findOrder(ctx.db, ctx.workspace.id, row.orderId)]);
  const orderLines = orderLinesOf(order);
  const status = row.status as ShipmentStatus;
  return {
    ...toSummary(row, names),
    lines: (row.lines as ShipmentLine[]).map((l) => {
      const o = orderLines[l.orderLineIndex];
      return {
        orderLineIndex: l.orderLineIndex, description: o?.description ?? '—', unit: o?.unit ?? '', packaging: o?.packaging ?? null,
        quantity: l.quantity, unitPrice: o?.unitPrice ?? '0.00', amount: l.amount,
      };
    }),
    deliveryAddress: row.deliveryAddress, note: row.note, receiver: row.receiver, handedOverAt: row.handedOverAt?.toISOString() ?? null,
    cancelReason: row.cancelReason, overrideApprovalId: row.overrideApprovalId, overrideReason: row.overrideReason,
    creditPosition: (row.creditPosition ?? null) as CreditPositionDto | null,
    steps: stepsOf(row, names), createdAt: row.createdAt.toISOString(),
    canRequestOverride: has(ctx, 'shipment:override_request') && status === 'credit_hold' && row.overrideStatus !== 'pending' && row.overrideStatus !== 'approved',
    canCancel: has(ctx, 'shipment:cancel') && nextShipmentStatus(status, 'cancel') !== null && row.overrideStatus !== 'pending',
    nextWarehouseStep: has(ctx, 'shipment:warehouse') ? warehouseStepOf(status) : null,
  };
}

async function requireShipment(db: Executor, ctx: CommandContext, id: string, opts: { forUpdate?: boolean } = {}): Promise<ShipmentRow> {
  const row = await findShipmentInScope(db, ctx.workspace.id, await visibleOwners(db, ctx), id, opts);
  if (!row) throw notFound('shipment');
  return row;
}

// ── queries ──────────────────────────────────────────────────────────────────────────────────

/** One shipment in the caller's scope with lines, timeline and the frozen credit position. */
export async function getShipment(ctx: CommandContext, id: string): Promise<ShipmentDto> {
  return toDto(ctx, await requireShipment(ctx.db, ctx, id));
}

function queueCursor(cursor: string | undefined) {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [rank, plannedDate, id] = key;
  if (typeof rank !== 'number' || typeof plannedDate !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'errors.invalidFormat');
  return { rank, plannedDate, id };
}

/**
 * Shipments in the caller's scope (the warehouse sees all), rush first, then by planned date: the
 * warehouse work queue. Filters status (or "queue": every status still worked on), customer, order,
 * planned date range; cursor-paged.
 */
export async function listShipments(ctx: CommandContext, q: ShipmentListQuery) {
  const owners = await visibleOwners(ctx.db, ctx);
  const rows = await listShipmentRows(ctx.db, {
    workspaceId: ctx.workspace.id, owners,
    statuses: q.status === 'queue' ? QUEUE_STATUSES : q.status ? [q.status] : undefined,
    customerId: q.customerId, orderId: q.orderId, plannedFrom: q.plannedFrom, plannedTo: q.plannedTo, q: q.q,
    after: queueCursor(q.cursor), limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.priorityRank, r.plannedDate, r.id]);
  const names = await namesFor(ctx.db, ctx.workspace.id, page.items);
  return { items: page.items.map((r) => toSummary(r, names)), nextCursor: page.nextCursor };
}

/**
 * The credit position BEFORE shipping: of an order's shipment being prepared (orderId + amount) or of
 * an existing shipment (shipmentId, with its override if approved).
 */
export async function previewCredit(ctx: CommandContext, q: { orderId?: string; amount?: string; shipmentId?: string; asOf?: IsoDate }): Promise<CreditPositionDto> {
  const asOf = q.asOf ?? todayOf(ctx);
  const owners = await visibleOwners(ctx.db, ctx);
  if (q.shipmentId) {
    const row = await requireShipment(ctx.db, ctx, q.shipmentId);
    const names = await namesFor(ctx.db, ctx.workspace.id, [row]);
    return (await creditPosition(ctx.db, ctx, {
      customerId: row.customerId, customerName: names.customers.get(row.customerId) ?? '—', contractId: row.contractId, amount: row.amount,
      hasOverride: row.overrideStatus === 'approved', asOf,
    })).dto;
  }
  if (!q.orderId) throw invalidField('orderId', 'errors.required');
  if (!q.amount) throw invalidField('amount', 'errors.required');
  if (money.compare(q.amount, 0) < 0) throw invalidField('amount', 'errors.notNegative');
  const order = await findOrderInScope(ctx.db, ctx.workspace.id, owners, q.orderId);
  if (!order) throw notFound('order');
  return (await creditPosition(ctx.db, ctx, {
    customerId: order.customerId, customerName: await customerNameOf(ctx.db, ctx.workspace.id, order.customerId), contractId: order.contractId, amount: money.format(q.amount), hasOverride: false, asOf,
  })).dto;
}

// ── commands: sales ──────────────────────────────────────────────────────────────────────────

/**
 * Creates a shipment (发货单, numbered FH<yyyymm>-0001) from an order in the caller's scope: quantities
 * at most ordered − shipped − held by other open shipments of each line (the order row is locked), the
 * amount from the order's prices, then the credit check (domain §9). Refused → 422 and nothing is
 * written; with creditHold the refused shipment is saved on credit hold instead (nothing ships).
 */
export async function createShipment(ctx: CommandContext, input: CreateShipmentBody): Promise<ShipmentDto> {
  const id = await ctx.db.transaction(async (tx) => {
    const order = await findOrderInScope(tx, ctx.workspace.id, await visibleOwners(tx, ctx), input.orderId, { forUpdate: true });
    if (!order) throw notFound('order');
    if (order.status !== 'open' && order.status !== 'partially_shipped') throw new AppError('RULE_VIOLATION', 'errors.orderNotShippable', { status: order.status });
    const priced = priceShipmentLines(orderLinesOf(order), input.lines, await heldByLine(tx, ctx.workspace.id, order.id));
    if ('details' in priced) {
      const over = priced.details.find((d) => d.message === 'errors.shipmentOverOrdered');
      if (over) throw new AppError('RULE_VIOLATION', over.message, over.params ?? {}, priced.details);
      throw new AppError('VALIDATION_FAILED', 'errors.validation', { fields: priced.details.map((d) => d.path) }, priced.details);
    }
    const { dto: position, result } = await creditPosition(tx, ctx, {
      customerId: order.customerId, customerName: await customerNameOf(tx, ctx.workspace.id, order.customerId), contractId: order.contractId, amount: priced.amount, hasOverride: false, asOf: todayOf(ctx),
    });
    if (!result.passes && !input.creditHold) throw creditRefusal(position);
    await assertPrepaymentReceived(tx, ctx, order.contractId);
    const number = await allocateNumber(tx, ctx.workspace, 'shipment');
    const row = await insertShipment(tx, {
      workspaceId: ctx.workspace.id, number, orderId: order.id, contractId: order.contractId, customerId: order.customerId, ownerId: order.ownerId,
      lines: priced.lines, amount: priced.amount, plannedDate: input.plannedDate, deliveryAddress: input.deliveryAddress ?? order.deliveryAddress ?? null,
      note: input.note ?? null, priorityRank: order.priority === 'rush' ? 0 : 1, status: result.passes ? 'pending_review' : 'credit_hold',
      creditPosition: result.passes ? null : position, createdBy: ctx.actor.id,
    });
    await appendAudit(tx, ctx, { entity: 'shipment', entityId: row.id, action: result.passes ? 'create' : 'create_credit_hold', after: row });
    return row.id;
  });
  return getShipment(ctx, id);
}

interface OverrideSnapshot { shipmentId: string; number: string; customerName: string; ownerName: string; amount: Money; reason: string; position: CreditPositionDto }

/**
 * Asks for the over-credit override of ONE shipment on credit hold (超信用发货特批, domain §9): the
 * credit position is re-computed and frozen on the approval; finance approves a shortfall below policy
 * credit.overrideGmShortfall when nothing is overdue, the GM anything larger or any overdue debt. Neither
 * the requester nor the order's owner approves it (domain §1.1).
 */
export async function requestOverride(ctx: CommandContext, id: string, input: { reason: string }): Promise<ShipmentDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireShipment(tx, ctx, id, { forUpdate: true });
    if (row.status !== 'credit_hold') throw new AppError('RULE_VIOLATION', 'errors.overrideNotNeeded');
    if (row.overrideStatus === 'pending' || row.overrideStatus === 'approved') throw conflict('errors.overridePending');
    const { dto: position } = await creditPosition(tx, ctx, {
      customerId: row.customerId, customerName: await customerNameOf(tx, ctx.workspace.id, row.customerId), contractId: row.contractId, amount: row.amount, hasOverride: false, asOf: todayOf(ctx),
    });
    const policies = await readPolicies(tx, ctx.workspace.id);
    const flags = overrideApprovalFlags(position.shortfall, position.overdueLines.length > 0, money.format(policies['credit.overrideGmShortfall']));
    const snapshot: OverrideSnapshot = {
      shipmentId: row.id, number: row.number, customerName: position.customerName, ownerName: await userNameOf(tx, ctx.workspace.id, row.ownerId),
      amount: row.amount, reason: input.reason, position,
    };
    const claimed = await updateShipment(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: row.version, set: { overrideStatus: 'pending', overrideReason: input.reason, creditPosition: position } });
    if (!claimed) throw conflict();
    const { approvalId } = await submitForApproval(tx, ctx, {
      documentType: SHIPMENT_OVERRIDE_DOCUMENT, subjectId: row.id,
      title: `超信用发货特批：${position.customerName} ${row.number}（发货 ${row.amount}，额度 ${position.limit}，超出 ${position.shortfall}）`,
      snapshot: { ...snapshot, shortfall: position.shortfall, ...flags } as unknown as Record<string, unknown>,
      excludedUserIds: [row.ownerId],
    });
    await linkOverrideApproval(tx, ctx.workspace.id, row.id, approvalId);
    await appendAudit(tx, ctx, { entity: 'shipment', entityId: row.id, action: 'override_request', after: { approvalId, reason: input.reason, position, ...flags } });
  });
  return getShipment(ctx, id);
}

/** Cancels a shipment not yet picked (sales): its quantities are free again. */
export async function cancelShipment(ctx: CommandContext, id: string, input: { version: number; reason: string }): Promise<ShipmentDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireShipment(tx, ctx, id, { forUpdate: true });
    if (row.version !== input.version) throw conflict();
    const to = nextShipmentStatus(row.status as ShipmentStatus, 'cancel');
    if (!to || row.overrideStatus === 'pending') throw new AppError('RULE_VIOLATION', 'errors.shipmentWrongStatus', { status: row.status });
    const updated = await updateShipment(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: input.version, set: { status: to, cancelledAt: new Date(), cancelledBy: ctx.actor.id, cancelReason: input.reason } });
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, { entity: 'shipment', entityId: id, action: 'cancel', before: { status: row.status }, after: { status: to, reason: input.reason } });
  });
  return getShipment(ctx, id);
}

/**
 * The order was cancelled (an approved order change, in its transaction): its shipments whose goods
 * have not left are cancelled with the change's reason, and a pending over-credit override with them;
 * shipped and delivered ones stay. Returns the numbers of the shipments stopped.
 */
export async function cancelShipmentsOfOrder(tx: Tx, ctx: CommandContext, orderId: string, reason: string): Promise<string[]> {
  const stopped: string[] = [];
  for (const row of await shipmentsOfOrder(tx, ctx.workspace.id, orderId, stoppedByOrderCancellation)) {
    const set = { status: 'cancelled', cancelledAt: new Date(), cancelledBy: ctx.actor.id, cancelReason: reason };
    if (!(await updateShipment(tx, { workspaceId: ctx.workspace.id, id: row.id, expectedVersion: row.version, set }))) throw conflict();
    const approvals = row.overrideStatus === 'pending' ? await cancelApprovalsOf(tx, ctx, SHIPMENT_OVERRIDE_DOCUMENT, row.id, 'order_cancelled') : [];
    await appendAudit(tx, ctx, { entity: 'shipment', entityId: row.id, action: 'order_cancelled', before: { status: row.status }, after: { status: 'cancelled', reason, cancelledApprovals: approvals } });
    stopped.push(row.number);
  }
  return stopped;
}

// ── commands: warehouse ──────────────────────────────────────────────────────────────────────

type WarehouseInput =
  | { action: 'review'; version: number }
  | { action: 'return'; version: number; reason: string }
  | { action: 'pick' | 'pack'; version: number }
  | { action: 'ship'; version: number; carrier: string; trackingNo: string }
  | { action: 'deliver'; version: number; receiver: string; handedOverAt: Date };

/**
 * One warehouse step (domain §9), only from the right status, at the version read, audited:
 * review (approve or return with reason), pick, pack, ship (carrier and tracking; the credit check runs
 * again — time has passed — and the order and contract follow), hand-over (receiver and when).
 */
export async function warehouseStep(ctx: CommandContext, id: string, input: WarehouseInput): Promise<ShipmentDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireShipment(tx, ctx, id, { forUpdate: true });
    if (row.version !== input.version) throw conflict();
    const action: ShipmentAction = input.action;
    const to = nextShipmentStatus(row.status as ShipmentStatus, action);
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.shipmentWrongStatus', { status: row.status });
    const now = new Date();
    let set: Partial<ShipmentRow>;
    switch (input.action) {
      case 'review': set = { reviewedAt: now, reviewedBy: ctx.actor.id }; break;
      case 'return': set = { cancelledAt: now, cancelledBy: ctx.actor.id, cancelReason: input.reason }; break;
      case 'pick': set = { pickedAt: now, pickedBy: ctx.actor.id }; break;
      case 'pack': set = { packedAt: now, packedBy: ctx.actor.id }; break;
      case 'ship': {
        const { dto: position, result } = await creditPosition(tx, ctx, {
          customerId: row.customerId, customerName: await customerNameOf(tx, ctx.workspace.id, row.customerId), contractId: row.contractId, amount: row.amount,
          hasOverride: row.overrideStatus === 'approved', asOf: todayOf(ctx),
        });
        if (!result.passes) throw creditRefusal(position);
        await assertPrepaymentReceived(tx, ctx, row.contractId);
        set = { shippedAt: now, shippedBy: ctx.actor.id, carrier: input.carrier, trackingNo: input.trackingNo };
        break;
      }
      case 'deliver': set = { handedOverAt: input.handedOverAt, deliveredBy: ctx.actor.id, receiver: input.receiver }; break;
    }
    const updated = await updateShipment(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: input.version, set: { ...set, status: to } });
    if (!updated) throw conflict();
    const after: Record<string, unknown> = { status: to, ...set };
    if (input.action === 'ship') {
      const order = await findOrder(tx, ctx.workspace.id, row.orderId, { forUpdate: true });
      const shipped = (await shippedByOrderLine(tx, ctx.workspace.id, [row.orderId])).get(row.orderId) ?? new Map<number, string>();
      if (order && order.status !== 'cancelled') {
        const orderStatus = orderStatusAfterShipping(orderLinesOf(order), shipped);
        await setOrderStatus(tx, ctx.workspace.id, order.id, orderStatus);
        after.orderStatus = orderStatus;
      }
      after.contractExecuting = await markContractExecuting(tx, ctx.workspace.id, row.contractId);
      await emitEvent(tx, ctx.workspace.id, {
        topic: 'shipment.shipped',
        payload: { shipmentId: id, number: row.number, orderId: row.orderId, contractId: row.contractId, customerId: row.customerId, amount: row.amount, carrier: set.carrier, trackingNo: set.trackingNo, by: ctx.actor.id },
      });
    }
    await appendAudit(tx, ctx, { entity: 'shipment', entityId: id, action: input.action, before: { status: row.status }, after });
  });
  return getShipment(ctx, id);
}

// ── approvals ────────────────────────────────────────────────────────────────────────────────

function recordOverride(decision: 'approved' | 'rejected' | 'returned') {
  return async (tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome) => {
    const row = await findShipment(tx, ctx.workspace.id, outcome.subjectId, { forUpdate: true });
    if (!row || row.status !== 'credit_hold' || row.overrideStatus !== 'pending') return;
    const status = decision === 'approved' ? nextShipmentStatus('credit_hold', 'override_approved')! : 'credit_hold';
    await updateShipment(tx, { workspaceId: ctx.workspace.id, id: row.id, expectedVersion: row.version, set: { status, overrideStatus: decision, overrideApprovalId: outcome.approvalId } });
    await appendAudit(tx, ctx, {
      entity: 'shipment', entityId: row.id, action: `override_${decision}`,
      before: { status: row.status, overrideStatus: row.overrideStatus }, after: { status, overrideStatus: decision, approvalId: outcome.approvalId, comment: outcome.comment },
    });
  };
}

registerApprovalSubject(SHIPMENT_OVERRIDE_DOCUMENT, {
  defaultFlow: {
    name: '超信用发货特批',
    steps: [
      { label: '财务总监特批', approver: { role: 'finance' }, when: { flag: 'financeApproves' } },
      { label: '总经理特批', approver: { role: 'gm' }, when: { flag: 'gmApproves' } },
    ],
  },
  link: (shipmentId) => `/shipments/${shipmentId}`,
  onApproved: recordOverride('approved'),
  onRejected: recordOverride('rejected'),
  onReturned: recordOverride('returned'),
});
