import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import { money, type Money } from '../../../shared/money.js';
import type { Executor } from '../../platform/db/client.js';
import { contracts } from '../contracts/contracts.schema.js';
import { invoiceRequests } from '../invoices/invoices.schema.js';
import { outstandingReceivablesSql } from '../receivables/index.js';
import { receivables } from '../receivables/receivables.schema.js';
import { shipments } from '../shipments/shipments.schema.js';
import { contractExposureParts, type ExposureParts } from './credit.rules.js';

/**
 * A customer's credit exposure as of a date, as SQL over a customer id (domain §9):
 *   open receivables + signed-but-unshipped order value + shipped-but-unbilled value.
 *
 * Signing a contract creates its whole receivable schedule (team decision), so the customer's
 * outstanding receivables (amount − received of open lines) ARE those three parts together: the
 * total is that outstanding sum and nothing is counted twice. The breakdown into the three parts is
 * computed per contract from the shipped value and the invoiced value (exposureBreakdown below).
 * The credit view, the finance list and its over-limit filter, the export and the shipment credit
 * check all read exposure through this fragment or through the functions below.
 */
export function exposureSql(p: { workspaceId: string; customerId: SQL; asOf: IsoDate }): SQL<string> {
  return sql<string>`(${outstandingReceivablesSql(p.workspaceId, p.customerId)})::numeric(18,2)`;
}

/** The exposure of each customer as of a date (see exposureSql). */
export async function customerExposure(tx: Executor, workspaceId: string, customerIds: readonly string[], asOf: IsoDate): Promise<Map<string, Money>> {
  const result = new Map<string, Money>();
  if (customerIds.length === 0) return result;
  const ids = [...new Set(customerIds)];
  const rows = await tx.execute(sql`
    select c.id::text as id, ${exposureSql({ workspaceId, customerId: sql`c.id`, asOf })}::text as exposure
    from unnest(${`{${ids.join(',')}}`}::uuid[]) as c(id)`);
  for (const row of rowsOf<{ id: string; exposure: string }>(rows)) result.set(row.id, money.format(row.exposure));
  return result;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

export interface ContractExposure extends ExposureParts { contractId: string; contractNumber: string; outstanding: Money }
export interface ExposureBreakdown extends ExposureParts { total: Money; contracts: ContractExposure[] }

/**
 * A customer's exposure split into signed-but-unshipped, shipped-but-unbilled and billed-but-unpaid
 * (open receivables), per contract and in total; the parts add up to the total (the outstanding
 * receivables). One query: receivables, shipped value and issued invoice value are each aggregated per
 * contract over the customer first (index-only range scans, migration 0025), then joined — a customer
 * with ~1,000 contracts answers in ~11 ms instead of one shipments and one invoices subquery per contract.
 * With `contractId`, only that contract's row (and totals of that contract alone): the shipment check
 * needs one contract's part, not the customer's ~1,000 rows (bench L: 11 ms of SQL per check).
 */
export async function exposureBreakdown(tx: Executor, workspaceId: string, customerId: string, opts: { contractId?: string } = {}): Promise<ExposureBreakdown> {
  const only = (column: SQL) => (opts.contractId ? sql` and ${column} = ${opts.contractId}` : sql``);
  const result = await tx.execute(sql`
    with owed as (
      select r.contract_id, sum(case when r.status in ('open', 'partial') then r.amount - r.received else 0 end) as outstanding, sum(r.received) as received
      from ${receivables} r where r.workspace_id = ${workspaceId} and r.customer_id = ${customerId}${only(sql`r.contract_id`)}
      group by r.contract_id),
    shipped as (
      select s.contract_id, sum(s.amount) as shipped from ${shipments} s
      where s.workspace_id = ${workspaceId} and s.customer_id = ${customerId} and s.status in ('shipped', 'delivered')${only(sql`s.contract_id`)}
      group by s.contract_id),
    invoiced as (
      select i.contract_id, sum(i.amount) as invoiced from ${invoiceRequests} i
      where i.workspace_id = ${workspaceId} and i.customer_id = ${customerId} and i.status = 'issued'${only(sql`i.contract_id`)}
      group by i.contract_id)
    select o.contract_id::text as "contractId", c.number as "contractNumber", o.outstanding::text as outstanding, o.received::text as received,
      coalesce(s.shipped, 0)::text as shipped, coalesce(i.invoiced, 0)::text as invoiced
    from owed o
    -- the customer predicate lets the planner read the customer's contracts by contracts_customer_idx (it
    -- misjudges the aggregate's size and would otherwise scan every contract of the workspace)
    join ${contracts} c on c.workspace_id = ${workspaceId} and c.customer_id = ${customerId} and c.id = o.contract_id
    left join shipped s on s.contract_id = o.contract_id
    left join invoiced i on i.contract_id = o.contract_id
    where o.outstanding > 0
    order by c.number`);
  const rows = rowsOf<{ contractId: string; contractNumber: string; outstanding: string; received: string; shipped: string; invoiced: string }>(result);
  const list: ContractExposure[] = rows.map((r) => ({
    contractId: r.contractId, contractNumber: r.contractNumber, outstanding: money.format(r.outstanding),
    ...contractExposureParts({ outstanding: r.outstanding, received: r.received, shipped: r.shipped, invoiced: r.invoiced }),
  }));
  const sum = (pick: (c: ContractExposure) => Money) => money.add(...list.map(pick));
  return {
    total: sum((c) => c.outstanding), signedUnshipped: sum((c) => c.signedUnshipped), shippedUnbilled: sum((c) => c.shippedUnbilled),
    openReceivables: sum((c) => c.openReceivables), contracts: list,
  };
}

export interface OpenReceivable { receivableId: string; contractId: string; contractNumber: string; dueDate: IsoDate; outstanding: Money }

/** A customer's open receivable lines due before asOf (candidates for "debt overdue beyond its terms"), oldest first. */
export async function receivablesDueBefore(tx: Executor, workspaceId: string, customerId: string, asOf: IsoDate): Promise<OpenReceivable[]> {
  const result = await tx.execute(sql`
    select r.id::text as "receivableId", r.contract_id::text as "contractId", c.number as "contractNumber",
      r.due_date::text as "dueDate", (r.amount - r.received)::text as outstanding
    from ${receivables} r
    join ${contracts} c on c.workspace_id = r.workspace_id and c.id = r.contract_id
    where r.workspace_id = ${workspaceId} and r.customer_id = ${customerId} and r.status in ('open', 'partial') and r.due_date < ${asOf}
    order by r.due_date, r.id
    limit 50`);
  return rowsOf<OpenReceivable>(result).map((r) => ({ ...r, outstanding: money.format(r.outstanding) }));
}
