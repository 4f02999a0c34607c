import { and, asc, eq, gt, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import { money } from '../../../shared/money.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { visibleTo } from '../../platform/authz/scope.js';
import { users } from '../../platform/org/org.schema.js';
import { contracts } from '../contracts/contracts.schema.js';
import { customers } from '../customers/customers.schema.js';
import { receivables } from '../receivables/receivables.schema.js';
import { shipments } from '../shipments/shipments.schema.js';
import { orders } from './orders.schema.js';

/** Shipment states in which the goods have left the warehouse (they count on the ledger and the statement). */
const SHIPPED = ['shipped', 'delivered'];

/** Start of a local day as an instant (`date::timestamp at time zone tz`), so range filters stay sargable on timestamptz. */
const dayStart = (date: IsoDate, timeZone: string) => sql`((${date}::date)::timestamp at time zone ${timeZone})`;
const dayEnd = (date: IsoDate, timeZone: string) => sql`(((${date}::date + 1))::timestamp at time zone ${timeZone})`;
const localDate = (column: AnyColumn | SQL, timeZone: string) => sql<string>`to_char((${column} at time zone ${timeZone})::date, 'YYYY-MM-DD')`;

export interface LedgerFilter { workspaceId: string; timeZone: string; owners: VisibleOwners; from: IsoDate; to: IsoDate; customerId?: string; ownerId?: string }

function ledgerWhere(f: LedgerFilter): SQL {
  const where: SQL[] = [
    eq(shipments.workspaceId, f.workspaceId), inArray(shipments.status, SHIPPED), visibleTo(f.owners, shipments.ownerId),
    sql`${shipments.shippedAt} >= ${dayStart(f.from, f.timeZone)}`, sql`${shipments.shippedAt} < ${dayEnd(f.to, f.timeZone)}`,
  ];
  if (f.customerId) where.push(eq(shipments.customerId, f.customerId));
  if (f.ownerId) where.push(eq(shipments.ownerId, f.ownerId));
  return and(...where)!;
}

/** The shipments of the ledger period in scope, by shipping time then number, with the names the ledger shows. */
export async function ledgerRows(db: Executor, f: LedgerFilter) {
  return db.select({
    shipmentId: shipments.id, number: shipments.number, shippedOn: localDate(shipments.shippedAt, f.timeZone),
    customerId: shipments.customerId, customerName: customers.name, ownerId: shipments.ownerId, ownerName: users.name,
    orderId: shipments.orderId, orderNumber: orders.number, contractId: shipments.contractId, contractNumber: contracts.number,
    carrier: shipments.carrier, trackingNo: shipments.trackingNo, amount: shipments.amount,
  }).from(shipments)
    .innerJoin(customers, and(eq(customers.workspaceId, shipments.workspaceId), eq(customers.id, shipments.customerId)))
    .innerJoin(users, and(eq(users.workspaceId, shipments.workspaceId), eq(users.id, shipments.ownerId)))
    .innerJoin(orders, and(eq(orders.workspaceId, shipments.workspaceId), eq(orders.id, shipments.orderId)))
    .innerJoin(contracts, and(eq(contracts.workspaceId, shipments.workspaceId), eq(contracts.id, shipments.contractId)))
    .where(ledgerWhere(f)).orderBy(asc(shipments.shippedAt), asc(shipments.number));
}

/** Count and total of the ledger, summed in SQL. */
export async function ledgerTotals(db: Executor, f: LedgerFilter): Promise<{ count: number; total: string }> {
  const [row] = await db.select({ count: sql<number>`count(*)::int`, total: sql<string>`coalesce(sum(${shipments.amount}), 0)::text` })
    .from(shipments).where(ledgerWhere(f));
  return { count: Number(row?.count ?? 0), total: row?.total ?? '0' };
}

export interface StatementFilter { workspaceId: string; timeZone: string; customerId: string; from: IsoDate; to: IsoDate }

/**
 * Opening balance of a customer statement, in SQL: value shipped before the period minus what was
 * received before it (a receivable's receipt is dated by its last update until payments are recorded
 * one by one).
 */
export async function openingBalance(db: Executor, f: StatementFilter): Promise<string> {
  const start = dayStart(f.from, f.timeZone);
  const [[shipped], [received]] = await Promise.all([
    db.select({ total: sql<string>`coalesce(sum(${shipments.amount}), 0)::text` }).from(shipments).where(and(
      eq(shipments.workspaceId, f.workspaceId), eq(shipments.customerId, f.customerId), inArray(shipments.status, SHIPPED), sql`${shipments.shippedAt} < ${start}`,
    )),
    db.select({ total: sql<string>`coalesce(sum(${receivables.received}), 0)::text` }).from(receivables).where(and(
      eq(receivables.workspaceId, f.workspaceId), eq(receivables.customerId, f.customerId), gt(receivables.received, '0'), sql`${receivables.updatedAt} < ${start}`,
    )),
  ]);
  return money.sub(shipped?.total ?? '0', received?.total ?? '0');
}

/** The customer's shipments in the period (debits). */
export async function statementShipments(db: Executor, f: StatementFilter) {
  return db.select({ date: localDate(shipments.shippedAt, f.timeZone), number: shipments.number, orderNumber: orders.number, amount: shipments.amount })
    .from(shipments)
    .innerJoin(orders, and(eq(orders.workspaceId, shipments.workspaceId), eq(orders.id, shipments.orderId)))
    .where(and(
      eq(shipments.workspaceId, f.workspaceId), eq(shipments.customerId, f.customerId), inArray(shipments.status, SHIPPED),
      sql`${shipments.shippedAt} >= ${dayStart(f.from, f.timeZone)}`, sql`${shipments.shippedAt} < ${dayEnd(f.to, f.timeZone)}`,
    ));
}

/** Amounts received on the customer's receivables in the period (credits), dated by the receivable's last update. */
export async function statementPayments(db: Executor, f: StatementFilter) {
  return db.select({ date: localDate(receivables.updatedAt, f.timeZone), contractNumber: contracts.number, planIndex: receivables.planIndex, amount: receivables.received })
    .from(receivables)
    .innerJoin(contracts, and(eq(contracts.workspaceId, receivables.workspaceId), eq(contracts.id, receivables.contractId)))
    .where(and(
      eq(receivables.workspaceId, f.workspaceId), eq(receivables.customerId, f.customerId), gt(receivables.received, '0'),
      sql`${receivables.updatedAt} >= ${dayStart(f.from, f.timeZone)}`, sql`${receivables.updatedAt} < ${dayEnd(f.to, f.timeZone)}`,
    ));
}
