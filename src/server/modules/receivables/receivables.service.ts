import type { ReceivableDto, ReceivableListQuery } from '../../../shared/contracts/receivables.contract.js';
import type { IsoDate } from '../../../shared/dates.js';
import { invalidField } from '../../../shared/errors.js';
import type { Money } from '../../../shared/money.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { insertReceivables, listReceivableRows, receivableNames, receivablesOfContract, type ReceivableRow } from './receivables.repository.js';
import { outstanding, receivableStatus } from './receivables.rules.js';

async function toDtos(db: Executor, workspaceId: string, rows: readonly ReceivableRow[]): Promise<ReceivableDto[]> {
  const names = await receivableNames(db, workspaceId, rows);
  return rows.map((r) => {
    const c = names.contracts.get(r.contractId);
    return {
      id: r.id, contract: { id: r.contractId, number: c?.number ?? '—', title: c?.title ?? '—' },
      customer: { id: r.customerId, name: names.customers.get(r.customerId) ?? '—' },
      owner: { id: r.ownerId, name: names.users.get(r.ownerId) ?? '—' },
      planIndex: r.planIndex, kind: r.kind as ReceivableDto['kind'], dueDate: r.dueDate, amount: r.amount, received: r.received,
      outstanding: outstanding(r.amount, r.received), status: r.status as ReceivableDto['status'], version: r.version,
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

/** Receivables of the caller's data scope (owner of the contract), by customer, contract and status, earliest due first. */
export async function listReceivables(ctx: CommandContext, q: ReceivableListQuery) {
  const owners = await visibleOwners(ctx.db, ctx);
  const rows = await listReceivableRows(ctx.db, {
    workspaceId: ctx.workspace.id, owners, customerId: q.customerId, contractId: q.contractId, status: q.status,
    after: decodeDueCursor(q.cursor), limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.dueDate, r.id]);
  return { items: await toDtos(ctx.db, ctx.workspace.id, page.items), nextCursor: page.nextCursor };
}
