import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import { money, type Money } from '../../../shared/money.js';
import type { Executor } from '../../platform/db/client.js';
import { outstandingReceivablesSql } from '../receivables/index.js';

/**
 * A customer's credit exposure as of a date, as SQL over a customer id (domain §9):
 *   open receivables + signed-but-unshipped order value + shipped-but-unbilled value.
 *
 * Signing a contract creates its whole receivable schedule, so until orders and shipments exist the
 * outstanding receivables already hold the signed-but-unshipped value; the orders and shipments modules
 * add their parts HERE (a correlated sum over their table, filtered by `workspace_id`, the customer
 * and `asOf`) and take care not to count a signed amount twice, and nowhere else: the credit view, the finance list and
 * its over-limit filter, the export and the shipment credit check all read exposure through this
 * fragment or through customerExposure below.
 */
export function exposureSql(p: { workspaceId: string; customerId: SQL; asOf: IsoDate }): SQL<string> {
  const parts: SQL[] = [
    outstandingReceivablesSql(p.workspaceId, p.customerId), // open receivables, as of now (payments come with issue 6)
    sql`0::numeric(18,2)`, // signed-but-unshipped order value (contracts/orders module)
    sql`0::numeric(18,2)`, // shipped-but-unbilled value (shipments module)
  ];
  return sql<string>`(${sql.join(parts, sql` + `)})::numeric(18,2)`;
}

/** The exposure of each customer as of a date (see exposureSql). */
export async function customerExposure(tx: Executor, workspaceId: string, customerIds: readonly string[], asOf: IsoDate): Promise<Map<string, Money>> {
  const result = new Map<string, Money>();
  if (customerIds.length === 0) return result;
  const ids = [...new Set(customerIds)];
  const rows = await tx.execute(sql`
    select c.id::text as id, ${exposureSql({ workspaceId, customerId: sql`c.id`, asOf })}::text as exposure
    from unnest(${`{${ids.join(',')}}`}::uuid[]) as c(id)`);
  for (const row of ((rows as { rows?: { id: string; exposure: string }[] }).rows ?? (rows as unknown as { id: string; exposure: string }[]))) {
    result.set(row.id, money.format(row.exposure));
  }
  return result;
}
