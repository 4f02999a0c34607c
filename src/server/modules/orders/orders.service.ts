import type {
  CreateOrderBody, OrderableLinesDto, OrderChangeDto, OrderDto, OrderListQuery, OrderStatus, OrderSummaryDto, RequestOrderChangeBody,
} from '../../../shared/contracts/orders.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, invalidField, notFound } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { registerApprovalSubject, type ApprovalOutcome } from '../../platform/approvals/approvals.registry.js';
import { approvalsOf, submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeIdCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { allocateNumber } from '../../platform/numbering/numbering.service.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { cancelShipmentsOfOrder } from '../shipments/index.js';
import {
  changesOfOrder, contractOfOrder, findContractInScope, decideOrderChange, findOrderChange, findOrderInScope, insertOrder, insertOrderChange, listOrderRows,
  lockContractInScope, lockOrder, namesFor, nextChangeSeq, ordersOfContract, setChangeApproval, updateOrder, warehouseUserIds,
  type ContractForOrder, type OrderChangeRow, type OrderRow,
} from './orders.repository.js';
import {
  applyOrderChange, buildOrderLines, changeBlocked, changeValue, heldQuantities, needsVpApproval, notifiesWarehouse, orderAmount,
  overContractRefusal, priceOrderLine, remainingOn, shippedValue, statusFromShipped, validateOrderLines, type ContractLineRef, type OrderLine, type OrderValues, type Refusal,
} from './orders.rules.js';
import { shippedQuantities } from './orders.shipped.js';

/** Approval document type of an order change (订单变更); the approval's subject is the change. */
export const ORDER_CHANGE_DOCUMENT = 'order_change';
/** How an order change is named in the approval title (the inbox shows titles as written). */
const CHANGE_TITLES: Record<OrderChangeDto['kind'], string> = {
  quantity: '数量变更', due_date: '交期变更', product: '产品变更', packaging: '包装变更', cancellation: '取消订单', rush: '加急',
};
/** Contract states that take orders (domain §9: orders come from the signed contract's schedule). */
const ORDERABLE = ['signed', 'executing'];

const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
const has = (ctx: CommandContext, permission: string) => ctx.actor.permissions.has(permission);
const noShipments = new Map<number, string>();

function ruleError(r: Refusal): AppError {
  return new AppError('RULE_VIOLATION', r.key, r.params, r.path ? [{ path: r.path, message: r.key, params: r.params }] : undefined);
}

const valuesOf = (row: OrderRow): OrderValues => ({
  lines: row.lines as OrderLine[], amount: row.amount, dueDate: row.dueDate, priority: row.priority as OrderValues['priority'], status: row.status as OrderStatus,
});

/** What the contract's other orders hold per contract line (a cancelled one only what it shipped). */
async function heldByOtherOrders(tx: Executor, workspaceId: string, contractId: string, exceptOrderId: string | null) {
  const others = (await ordersOfContract(tx, workspaceId, contractId)).filter((o) => o.id !== exceptOrderId);
  const cancelled = others.filter((o) => o.status === 'cancelled').map((o) => o.id);
  const shipped = await shippedQuantities(tx, workspaceId, cancelled);
  return heldQuantities(others.map((o) => ({ status: o.status, lines: o.lines as OrderLine[], shipped: shipped.get(o.id) ?? noShipments })));
}

function toChangeDto(row: OrderChangeRow, users: Map<string, string>): OrderChangeDto {
  const values = (v: unknown) => {
    const { lines, amount, dueDate, priority, status } = v as OrderValues;
    return { lines, amount, dueDate, priority, status };
  };
  return {
    id: row.id, orderId: row.orderId, seq: row.seq, kind: row.kind as OrderChangeDto['kind'], reason: row.reason,
    before: values(row.before), after: values(row.after), status: row.status as OrderChangeDto['status'], approvalId: row.approvalId,
    requestedBy: { id: row.requestedBy, name: users.get(row.requestedBy) ?? '—' },
    createdAt: row.createdAt.toISOString(), decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

function toSummary(row: OrderRow, names: Awaited<ReturnType<typeof namesFor>>): OrderSummaryDto {
  const contract = names.contracts.get(row.contractId);
  return {
    id: row.id, number: row.number,
    contract: { id: row.contractId, number: contract?.number ?? '—', title: contract?.title ?? '—' },
    customer: { id: row.customerId, name: names.customers.get(row.customerId) ?? '—' },
    owner: { id: row.ownerId, name: names.users.get(row.ownerId) ?? '—' },
    amount: row.amount, dueDate: row.dueDate, priority: row.priority as OrderSummaryDto['priority'], status: row.status as OrderStatus,
    revision: row.revision, hasPendingChange: row.pendingChangeId !== null, createdAt: row.createdAt.toISOString(), version: row.version,
  };
}

async function toDto(ctx: CommandContext, row: OrderRow): Promise<OrderDto> {
  const changes = await changesOfOrder(ctx.db, ctx.workspace.id, row.id);
  const names = await namesFor(ctx.db, ctx.workspace.id, [row], changes.map((c) => c.requestedBy));
  const shipped = (await shippedQuantities(ctx.db, ctx.workspace.id, [row.id])).get(row.id) ?? noShipments;
  const lines = row.lines as OrderLine[];
  const changeDtos = changes.map((c) => toChangeDto(c, names.users));
  const pendingChange = changeDtos.find((c) => c.status === 'pending') ?? null;
  const status = row.status as OrderStatus;
  return {
    ...toSummary(row, names),
    lines: lines.map((l, i) => ({ ...l, packaging: l.packaging ?? null, shippedQuantity: shipped.get(i) ?? '0' })),
    deliveryAddress: row.deliveryAddress, note: row.note,
    shippedAmount: shippedValue(lines, shipped),
    changes: changeDtos, pendingChange,
    pendingApproval: pendingChange ? (await approvalsOf(ctx, ORDER_CHANGE_DOCUMENT, pendingChange.id))[0] ?? null : null,
    canChange: has(ctx, 'order:change') && changeBlocked(status, row.pendingChangeId !== null) === null,
    canShip: has(ctx, 'shipment:create') && (status === 'open' || status === 'partially_shipped'),
  };
}

async function requireOrder(db: Executor, ctx: CommandContext, id: string, opts: { forUpdate?: boolean } = {}): Promise<OrderRow> {
  const row = await findOrderInScope(db, ctx.workspace.id, await visibleOwners(db, ctx), id, opts);
  if (!row) throw notFound('order');
  return row;
}

/** One order in the caller's data scope with its lines (ordered and shipped), change history and pending approval. */
export async function getOrder(ctx: CommandContext, id: string): Promise<OrderDto> {
  return toDto(ctx, await requireOrder(ctx.db, ctx, id));
}

/** Orders of the caller's data scope (by owner), newest first, by status, customer, contract, owner, priority and due date. */
export async function listOrders(ctx: CommandContext, q: OrderListQuery) {
  const owners = await visibleOwners(ctx.db, ctx);
  const rows = await listOrderRows(ctx.db, {
    workspaceId: ctx.workspace.id, owners, status: q.status, customerId: q.customerId, contractId: q.contractId,
    ownerId: q.ownerId === 'me' ? ctx.actor.id : q.ownerId, priority: q.priority, dueFrom: q.dueFrom, dueTo: q.dueTo, q: q.q,
    beforeId: decodeIdCursor(q.cursor), limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  const names = await namesFor(ctx.db, ctx.workspace.id, page.items);
  return { items: page.items.map((r) => toSummary(r, names)), nextCursor: page.nextCursor };
}

/** What a contract of the caller's scope still has to order, per line (the order form's picker). */
export async function orderableLines(ctx: CommandContext, contractId: string): Promise<OrderableLinesDto> {
  const contract = await findContractInScope(ctx.db, ctx.workspace.id, await visibleOwners(ctx.db, ctx), contractId);
  if (!contract) throw notFound('contract');
  const held = await heldByOtherOrders(ctx.db, ctx.workspace.id, contract.id, null);
  const names = await namesFor(ctx.db, ctx.workspace.id, [{ customerId: contract.customerId, ownerId: contract.ownerId, contractId: contract.id }]);
  return {
    contract: { id: contract.id, number: contract.number, title: contract.title, status: contract.status, customer: { id: contract.customerId, name: names.customers.get(contract.customerId) ?? '—' } },
    isOrderable: ORDERABLE.includes(contract.status),
    lines: (contract.lines as ContractLineRef[]).map((l, i) => ({
      contractLineIndex: i, productId: l.productId, description: l.description, unit: l.unit, quantity: l.quantity,
      ordered: held.get(i) ?? '0', remaining: remainingOn(l, held.get(i)), unitPrice: priceOrderLine(l, '1').unitPrice, lineAmount: l.amount,
    })),
  };
}

/** An order's change history, newest first. */
export async function listOrderChanges(ctx: CommandContext, id: string) {
  const row = await requireOrder(ctx.db, ctx, id);
  const changes = await changesOfOrder(ctx.db, ctx.workspace.id, row.id);
  const names = await namesFor(ctx.db, ctx.workspace.id, [], changes.map((c) => c.requestedBy));
  return { items: changes.map((c) => toChangeDto(c, names.users)) };
}

/**
 * Places a sales order / delivery notice (销售订单 / 发货通知, numbered DD<yyyymm>-0001) on a signed or
 * executing contract of the caller's scope (else 404). Each line takes a contract line and a quantity
 * above zero and at most what the contract's other orders leave (422 naming the line and the remaining
 * quantity). The contract row is locked for the check and the insert, so two orders placed at once
 * cannot both take the last quantity. Prices come from the contract line. A rush order notifies the warehouse.
 */
export async function createOrder(ctx: CommandContext, input: CreateOrderBody): Promise<OrderDto> {
  const today = todayOf(ctx);
  if (input.dueDate < today) throw invalidField('dueDate', 'errors.dueDateInPast', { today });
  const id = await ctx.db.transaction(async (tx) => {
    const contract = await lockContractInScope(tx, ctx.workspace.id, await visibleOwners(tx, ctx), input.contractId);
    if (!contract) throw notFound('contract');
    if (!ORDERABLE.includes(contract.status)) throw new AppError('RULE_VIOLATION', 'errors.contractNotOrderable', { status: contract.status });
    const contractLines = contract.lines as ContractLineRef[];
    const errors = validateOrderLines(input.lines, contractLines);
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', 'errors.validation', { fields: errors.map((e) => e.path) }, errors);
    const held = await heldByOtherOrders(tx, ctx.workspace.id, contract.id, null);
    const over = overContractRefusal(input.lines, contractLines, held, (i) => `lines.${i}.quantity`);
    if (over) throw ruleError(over);
    const lines = buildOrderLines(input.lines, contractLines);
    const number = await allocateNumber(tx, ctx.workspace, 'order');
    const row = await insertOrder(tx, {
      workspaceId: ctx.workspace.id, number, contractId: contract.id, customerId: contract.customerId, ownerId: contract.ownerId,
      lines, amount: orderAmount(lines), dueDate: input.dueDate, priority: input.priority, deliveryAddress: input.deliveryAddress?.trim() || null,
      note: input.note?.trim() || null, status: 'open', createdBy: ctx.actor.id,
    });
    await appendAudit(tx, ctx, { entity: 'order', entityId: row.id, action: 'create', after: row });
    // a rush order goes to the warehouse at once (its picking queue puts it first)
    const warehouse = row.priority === 'rush' ? await warehouseUserIds(tx, ctx.workspace.id) : [];
    const names = warehouse.length > 0 ? await namesFor(tx, ctx.workspace.id, [row]) : null;
    await emitEvent(tx, ctx.workspace.id, {
      topic: 'order.created', payload: { orderId: row.id, number, contractId: contract.id, customerId: contract.customerId, amount: row.amount, dueDate: row.dueDate, priority: row.priority, by: ctx.actor.id },
      ...(names ? { notify: { userIds: warehouse, kind: 'order_rush', params: { number, customer: names.customers.get(row.customerId) ?? '', dueDate: row.dueDate }, link: `/orders/${row.id}` } } : {}),
    });
    return row.id;
  });
  return getOrder(ctx, id);
}

/** The change's values after, checked against the order as it is now (shipments and other orders may have moved). */
async function changedValues(tx: Executor, ctx: CommandContext, order: OrderRow, contract: ContractForOrder, request: RequestOrderChangeBody, shipped: ReadonlyMap<number, string>, opts: { atApproval?: boolean } = {}) {
  const heldByOthers = await heldByOtherOrders(tx, ctx.workspace.id, contract.id, order.id);
  const result = applyOrderChange(request, { before: valuesOf(order), shipped, contractLines: contract.lines as ContractLineRef[], heldByOthers, today: todayOf(ctx) });
  if (!result.ok) {
    const { refusal } = result;
    // at the request a bad value names its field (400); at approval the values were valid once, so it is a rule the order now breaks (422)
    if (result.field && !opts.atApproval) throw invalidField(refusal.path ?? 'kind', refusal.key, refusal.params);
    throw ruleError(refusal);
  }
  return result.after;
}

/**
 * Requests an order change (订单变更) at the order version read: quantity, due date, product, packaging,
 * cancellation or rush. The change is numbered (seq), keeps the values before and after and the reason,
 * and goes for approval: the sales manager; a cancellation or quantity increase worth at least policy
 * orders.vpChangeAmount also the sales VP. It is applied when approved. Refused while another change
 * is pending, on a cancelled or fully shipped order, and by the rules of applyOrderChange.
 */
export async function requestOrderChange(ctx: CommandContext, id: string, input: RequestOrderChangeBody): Promise<OrderDto> {
  await ctx.db.transaction(async (tx) => {
    const order = await requireOrder(tx, ctx, id, { forUpdate: true });
    if (order.version !== input.version) throw conflict();
    const blocked = changeBlocked(order.status as OrderStatus, order.pendingChangeId !== null);
    if (blocked) throw ruleError(blocked);
    const contract = await contractOfOrder(tx, ctx.workspace.id, order.contractId, { forUpdate: true });
    const shipped = (await shippedQuantities(tx, ctx.workspace.id, [order.id])).get(order.id) ?? noShipments;
    const before = valuesOf(order);
    const after = await changedValues(tx, ctx, order, contract, input, shipped);
    const value = changeValue(input.kind, before, after, shippedValue(before.lines, shipped));
    const threshold = money.format((await readPolicies(tx, ctx.workspace.id))['orders.vpChangeAmount']);
    const { version: _version, ...request } = input;
    const change = await insertOrderChange(tx, {
      workspaceId: ctx.workspace.id, orderId: order.id, seq: await nextChangeSeq(tx, ctx.workspace.id, order.id), kind: input.kind,
      reason: input.reason, before, after: { ...after, request }, status: 'pending', requestedBy: ctx.actor.id,
    });
    const claimed = await updateOrder(tx, { workspaceId: ctx.workspace.id, id: order.id, expectedVersion: input.version, set: { pendingChangeId: change.id } });
    if (!claimed) throw conflict();
    const names = await namesFor(tx, ctx.workspace.id, [order]);
    const { approvalId } = await submitForApproval(tx, ctx, {
      documentType: ORDER_CHANGE_DOCUMENT, subjectId: change.id,
      title: `订单变更：${order.number} 第 ${change.seq} 次（${CHANGE_TITLES[input.kind]}）`,
      snapshot: {
        orderId: order.id, number: order.number, seq: change.seq, kind: input.kind, reason: input.reason, customerName: names.customers.get(order.customerId) ?? '',
        before, after, changeValue: value, vpChangeAmount: threshold, needsVp: needsVpApproval(input.kind, value, threshold),
      },
      excludedUserIds: [order.ownerId],
    });
    // linked without a version bump: an approval granted at once has already applied the change through onApproved
    await setChangeApproval(tx, ctx.workspace.id, change.id, approvalId);
    await appendAudit(tx, ctx, { entity: 'order', entityId: order.id, action: 'request_change', before, after: { changeId: change.id, seq: change.seq, kind: input.kind, reason: input.reason, after, approvalId } });
  });
  return getOrder(ctx, id);
}

/**
 * Applies an approved change: re-checked against the order as it is now (what shipped meanwhile), the
 * order takes the values after, `revision` + 1, its version bumps; the warehouse is notified of a rush
 * or a cancellation. A change no longer valid is refused (422) and stays pending for the approver to reject.
 */
async function applyApprovedChange(tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome) {
  const change = await findOrderChange(tx, ctx.workspace.id, outcome.subjectId);
  if (!change || change.status !== 'pending') return;
  const order = (await lockOrder(tx, ctx.workspace.id, change.orderId))!;
  const contract = await contractOfOrder(tx, ctx.workspace.id, order.contractId, { forUpdate: true });
  const shipped = (await shippedQuantities(tx, ctx.workspace.id, [order.id])).get(order.id) ?? noShipments;
  const request = { ...(change.after as { request: Omit<RequestOrderChangeBody, 'version'> }).request, version: order.version } as RequestOrderChangeBody;
  const after = await changedValues(tx, ctx, order, contract, request, shipped, { atApproval: true });
  const status: OrderStatus = after.status === 'cancelled' ? 'cancelled' : statusFromShipped(after.lines, shipped);
  const applied = await updateOrder(tx, {
    workspaceId: ctx.workspace.id, id: order.id, expectedVersion: order.version,
    set: { lines: after.lines, amount: after.amount, dueDate: after.dueDate, priority: after.priority, status, revision: order.revision + 1, pendingChangeId: null },
  });
  if (!applied) throw conflict();
  await decideOrderChange(tx, ctx.workspace.id, change.id, 'approved');
  const stoppedShipments = status === 'cancelled' ? await cancelShipmentsOfOrder(tx, ctx, order.id, change.reason) : [];
  await appendAudit(tx, ctx, {
    entity: 'order', entityId: order.id, action: 'apply_change', before: valuesOf(order),
    after: { ...valuesOf(applied), revision: applied.revision, changeId: change.id, seq: change.seq, approvalId: outcome.approvalId, stoppedShipments },
  });
  const names = await namesFor(tx, ctx.workspace.id, [order]);
  const payload = { orderId: order.id, number: order.number, changeId: change.id, seq: change.seq, kind: change.kind, status, priority: applied.priority, dueDate: applied.dueDate, stoppedShipments, by: ctx.actor.id };
  const warehouse = notifiesWarehouse(change.kind as OrderChangeDto['kind']) ? await warehouseUserIds(tx, ctx.workspace.id) : [];
  await emitEvent(tx, ctx.workspace.id, {
    topic: change.kind === 'cancellation' ? 'order.cancelled' : 'order.changed', payload,
    ...(warehouse.length > 0 ? {
      notify: {
        userIds: warehouse, kind: change.kind === 'cancellation' ? 'order_cancelled' : 'order_rush',
        params: { number: order.number, customer: names.customers.get(order.customerId) ?? '', dueDate: applied.dueDate }, link: `/orders/${order.id}`,
      },
    } : {}),
  });
}

function recordRefusal(decision: 'rejected' | 'returned') {
  return async (tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome) => {
    const change = await decideOrderChange(tx, ctx.workspace.id, outcome.subjectId, decision);
    if (!change) return;
    const order = (await lockOrder(tx, ctx.workspace.id, change.orderId))!;
    await updateOrder(tx, { workspaceId: ctx.workspace.id, id: order.id, expectedVersion: order.version, set: { pendingChangeId: null } });
    await appendAudit(tx, ctx, {
      entity: 'order', entityId: order.id, action: decision === 'rejected' ? 'reject_change' : 'return_change',
      before: { pendingChangeId: change.id }, after: { changeId: change.id, seq: change.seq, approvalId: outcome.approvalId, comment: outcome.comment },
    });
  };
}

registerApprovalSubject(ORDER_CHANGE_DOCUMENT, {
  defaultFlow: {
    name: '订单变更审批',
    steps: [
      { label: '销售经理审批', approver: { role: 'sales_manager' } },
      { label: '销售副总审批（取消或大额增量）', approver: { role: 'sales_vp' }, when: { flag: 'needsVp' } },
    ],
  },
  link: () => '/orders',
  onApproved: applyApprovedChange,
  onRejected: recordRefusal('rejected'),
  onReturned: recordRefusal('returned'),
});
