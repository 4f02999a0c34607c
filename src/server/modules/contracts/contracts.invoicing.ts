import type { Executor } from '../../platform/db/client.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { CommandContext } from '../../platform/http/context.js';
import { findContractInScope } from './contracts.repository.js';

export interface InvoicingContract { id: string; number: string; title: string; customerId: string; ownerId: string; amount: string; status: string }

/**
 * A contract in the caller's data scope as invoice requests see it (number, customer, owner, amount,
 * status), optionally locked FOR UPDATE so concurrent requests against it queue up; null → 404.
 */
export async function findContractForInvoicing(db: Executor, ctx: CommandContext, id: string, opts: { forUpdate?: boolean } = {}): Promise<InvoicingContract | null> {
  const row = await findContractInScope(db, ctx.workspace.id, await visibleOwners(db, ctx), id, opts);
  return row ? { id: row.id, number: row.number, title: row.title, customerId: row.customerId, ownerId: row.ownerId, amount: row.amount, status: row.status } : null;
}
