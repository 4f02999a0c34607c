import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import { money, type Money } from '../../../shared/money.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { contracts } from '../contracts/contracts.schema.js';
import { receivableStatus } from './receivables.rules.js';
import { receivables } from './receivables.schema.js';

export interface OpenLineRow {
  receivableId: string; contractId: string; contractNumber: string; ownerId: string; kind: string; dueDate: IsoDate; planIndex: number;
  amount: Money; received: Money; outstanding: Money; status: string;
}

/**
 * A customer's open and partly paid receivable lines (what a payment can settle), oldest due first,
 * with the contract number; `forUpdate` locks them for the payment's transaction.
 */
export async function openLinesOfCustomer(db: Executor, workspaceId: string, customerId: string, opts: { forUpdate?: boolean } = {}): Promise<OpenLineRow[]> {
  const query = db.select({
    receivableId: receivables.id, contractId: receivables.contractId, contractNumber: contracts.number, ownerId: receivables.ownerId, kind: receivables.kind,
    dueDate: receivables.dueDate, planIndex: receivables.planIndex, amount: receivables.amount, received: receivables.received, status: receivables.status,
  }).from(receivables)
    .innerJoin(contracts, and(eq(contracts.workspaceId, receivables.workspaceId), eq(contracts.id, receivables.contractId)))
    .where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.customerId, customerId), inArray(receivables.status, ['open', 'partial'])))
    .orderBy(asc(receivables.dueDate), asc(contracts.number), asc(receivables.planIndex));
  const rows = opts.forUpdate ? await query.for('update', { of: receivables }) : await query;
  return rows.map((r) => ({ ...r, outstanding: money.sub(r.amount, r.received) }));
}

/**
 * Money received (positive) or taken back by a reversal (negative) on receivable lines, in the
 * payment's transaction: received changes, the status follows (open → partial → paid and back) and
 * paid_on is the day of the receipt that settled the line (cleared when it is no longer paid).
 * Written-off lines keep their status.
 */
export async function applyReceipts(tx: Tx, workspaceId: string, receipts: readonly { receivableId: string; amount: Money; receivedOn: IsoDate }[]) {
  for (const r of receipts) {
    const [line] = await tx.select().from(receivables).where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.id, r.receivableId))).for('update');
    if (!line) continue;
    const received = money.add(line.received, r.amount);
    const status = line.status === 'written_off' ? 'written_off' : receivableStatus(line.amount, received);
    const paidOn = status === 'paid' ? (line.status === 'paid' ? line.paidOn : r.receivedOn) : status === 'written_off' ? line.paidOn : null;
    await tx.update(receivables).set({ received, status, paidOn, version: sql`${receivables.version} + 1`, updatedAt: new Date() })
      .where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.id, line.id)));
  }
}

/**
 * The prepayment lines (预付款) of a contract not yet fully received, with what is still owed on
 * each: while any is left, the contract's goods do not ship (domain §11.2 "shipping is released").
 */
export async function unpaidPrepaymentsOf(db: Executor, workspaceId: string, contractId: string): Promise<{ receivableId: string; contractNumber: string; dueDate: IsoDate; amount: Money; outstanding: Money }[]> {
  const rows = await db.select({ receivableId: receivables.id, contractNumber: contracts.number, dueDate: receivables.dueDate, amount: receivables.amount, received: receivables.received })
    .from(receivables)
    .innerJoin(contracts, and(eq(contracts.workspaceId, receivables.workspaceId), eq(contracts.id, receivables.contractId)))
    .where(and(eq(receivables.workspaceId, workspaceId), eq(receivables.contractId, contractId), eq(receivables.kind, 'prepayment'), inArray(receivables.status, ['open', 'partial'])))
    .orderBy(asc(receivables.planIndex));
  return rows.map((r) => ({ receivableId: r.receivableId, contractNumber: r.contractNumber, dueDate: r.dueDate, amount: r.amount, outstanding: money.sub(r.amount, r.received) }));
}
