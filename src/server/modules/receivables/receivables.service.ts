import type { ReceivableDto, ReceivableListQuery } from '../../../shared/contracts/receivables.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, invalidField } from '../../../shared/errors.js';
import { money, type Money } from '../../../shared/money.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import {
  deleteReceivables, insertReceivables, listReceivableRows, lockReceivablesOfContract, receivableNames, receivablesOfContract, rewriteReceivable, type ReceivableRow,
} from './receivables.repository.js';
import { daysOverdue } from './receivables.aging.rules.js';
import { adjustSchedule, outstanding, receivableStatus, type ScheduleProblem } from './receivables.rules.js';

async function toDtos(db: Executor, workspaceId: string, rows: readonly ReceivableRow[], asOf?: IsoDate): Promise<ReceivableDto[]> {
  const names = await receivableNames(db, workspaceId, rows);
  return rows.map((r) => {
    const c = names.contracts.get(r.contractId);
    return {
      id: r.id, contract: { id: r.contractId, number: c?.number ?? '—', title: c?.title ?? '—' },
      customer: { id: r.customerId, name: names.customers.get(r.customerId) ?? '—' },
      owner: { id: r.ownerId, name: names.users.get(r.ownerId) ?? '—' },
      planIndex: r.planIndex, kind: r.kind as ReceivableDto['kind'], dueDate: r.dueDate, amount: r.amount, received: r.received,
      outstanding: outstanding(r.amount, r.received), status: r.status as ReceivableDto['status'], paidOn: r.paidOn,
      daysOverdue: asOf && (r.status === 'open' || r.status === 'partial') ? Math.max(0, daysOverdue(r.dueDate, asOf)) : 0, version: r.version,
    };
  });
}

/**
 * The receivable schedule of a contract being signed (应收计划, domain §11.1), in the signing
 * transaction: one line per payment-plan line with its kind, due date and amount, nothing received.
 */
export async function createReceivableSchedule(tx: Tx, ctx: CommandContext, contract: {
  id: string; number: string; customerId: string; ownerId: string; paymentPlan: readonly { kind: string; dueDate: IsoDate; amount: Money }[];
}) {
  const rows = await insertReceivables(tx, contract.paymentPlan.map((p, planIndex) => ({
    workspaceId: ctx.workspace.id, contractId: contract.id, planIndex, customerId: contract.customerId, ownerId: contract.ownerId,
    kind: p.kind, dueDate: p.dueDate, amount: p.amount, received: '0.00', status: receivableStatus(p.amount, '0.00'),
  })));
  await appendAudit(tx, ctx, { entity: 'receivable', entityId: contract.id, action: 'create_schedule', after: { contract: contract.number, lines: rows.map((r) => ({ id: r.id, kind: r.kind, dueDate: r.dueDate, amount: r.amount })) } });
  return rows;
}

/** 422 naming the first plan line that would fall below what was already received on it (line numbers from 1). */
function receivedLineError(problems: readonly ScheduleProblem[]): AppError {
  const details = problems.map((p) => {
    const params = { line: p.planIndex + 1, received: p.received, amount: p.amount ?? '0.00' };
    return { path: p.amount === null ? 'paymentPlan' : `paymentPlan.${p.planIndex}.amount`, message: 'errors.planLineBelowReceived', params };
  });
  return new AppError('RULE_VIOLATION', 'errors.planLineBelowReceived', details[0]!.params, details);
}

/**
 * Whether a new payment plan can replace a signed contract's schedule: throws 422 naming the line when
 * a line would fall below (or a removed line had) money already received. Reads without locking (the
 * amendment is checked again when it is applied).
 */
export async function assertScheduleAdjustable(db: Executor, workspaceId: string, contractId: string, plan: readonly { kind: string; dueDate: IsoDate; amount: Money }[]) {
  const existing = await receivablesOfContract(db, workspaceId, contractId);
  const { problems } = adjustSchedule(existing, plan);
  if (problems.length > 0) throw receivedLineError(problems);
}

/**
 * Replaces a signed contract's receivable schedule by an amended payment plan (domain §9): line i
 * takes plan line i (received stays, status follows), extra lines are added, lines beyond the plan
 * removed; a line can not go below what was received on it (422 naming the line, nothing written).
 */
export async function adjustReceivableSchedule(tx: Tx, ctx: CommandContext, contract: {
  id: string; number: string; customerId: string; ownerId: string; paymentPlan: readonly { kind: string; dueDate: IsoDate; amount: Money }[];
}) {
  const existing = await lockReceivablesOfContract(tx, ctx.workspace.id, contract.id);
  const change = adjustSchedule(existing, contract.paymentPlan);
  if (change.problems.length > 0) throw receivedLineError(change.problems);
  for (const u of change.update) {
    await rewriteReceivable(tx, ctx.workspace.id, u.id, { kind: u.line.kind, dueDate: u.line.dueDate, amount: money.format(u.line.amount), status: u.status });
  }
  await deleteReceivables(tx, ctx.workspace.id, change.remove);
  await insertReceivables(tx, change.insert.map(({ planIndex, line }) => ({
    workspaceId: ctx.workspace.id, contractId: contract.id, planIndex, customerId: contract.customerId, ownerId: contract.ownerId,
    kind: line.kind, dueDate: line.dueDate, amount: money.format(line.amount), received: '0.00', status: receivableStatus(line.amount, '0.00'),
  })));
  await appendAudit(tx, ctx, {
    entity: 'receivable', entityId: contract.id, action: 'adjust_schedule',
    before: { lines: existing.map((r) => ({ id: r.id, planIndex: r.planIndex, kind: r.kind, dueDate: r.dueDate, amount: r.amount, received: r.received })) },
    after: { contract: contract.number, plan: contract.paymentPlan, removed: change.remove },
  });
}

/** The schedule of one contract the caller already sees (the contract's own scope check stands). */
export async function receivableScheduleOf(db: Executor, ctx: CommandContext, contractId: string): Promise<ReceivableDto[]> {
  return toDtos(db, ctx.workspace.id, await receivablesOfContract(db, ctx.workspace.id, contractId));
}

function decodeDueCursor(cursor: string | undefined): { dueDate: IsoDate; id: string } | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [dueDate, id] = key;
  if (typeof dueDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw invalidField('cursor', 'errors.invalidFormat');
  }
  return { dueDate, id };
}

/** Receivables of the caller's data scope (owner of the contract), by customer, contract, owner, status, due range and overdue as of a day, earliest due first. */
export async function listReceivables(ctx: CommandContext, q: ReceivableListQuery) {
  const asOf = q.asOf ?? todayIn(ctx.workspace.timeZone);
  const owners = await visibleOwners(ctx.db, ctx);
  const rows = await listReceivableRows(ctx.db, {
    workspaceId: ctx.workspace.id, owners, customerId: q.customerId, contractId: q.contractId, ownerId: q.ownerId, status: q.status,
    dueFrom: q.dueFrom, dueTo: q.dueTo, overdueAsOf: q.overdue === 'true' ? asOf : undefined,
    after: decodeDueCursor(q.cursor), limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.dueDate, r.id]);
  return { items: await toDtos(ctx.db, ctx.workspace.id, page.items, asOf), nextCursor: page.nextCursor };
}
