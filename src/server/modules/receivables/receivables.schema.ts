import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns.js';
import { users } from '../../platform/org/org.schema.js';
import { contracts } from '../contracts/contracts.schema.js';
import { customers } from '../customers/customers.schema.js';

const day = (name: string) => date(name, { mode: 'string' });
const amount = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * A receivable line (应收款, domain §11.1): one per payment-plan line of a signed contract, with its
 * due date and amount; payments received are matched to it (received, status open → partial →
 * paid, or written_off by an approved bad-debt write-off). Owner and customer are copied from the contract so the finance lists filter without a join.
 */
export const receivables = pgTable('receivables', {
  ...businessColumns(),
  contractId: uuid('contract_id').notNull(),
  /** position of the plan line on the contract (0-based); one receivable per plan line */
  planIndex: integer('plan_index').notNull(),
  customerId: uuid('customer_id').notNull(),
  ownerId: uuid('owner_id').notNull(),
  kind: text('kind').notNull(), // prepayment | progress | balance
  dueDate: day('due_date').notNull(),
  amount: amount('amount').notNull(),
  received: amount('received').notNull().default('0.00'),
  status: text('status').notNull(), // open | partial | paid | written_off
  /** the day the line became fully paid (the payment that settled it): the month penalties are refunded in */
  paidOn: day('paid_on'),
  /** the due date before an approved deferral (延期付款) moved it; null when never deferred */
  deferredFrom: day('deferred_from'),
  /** the day a bad-debt write-off (呆账核销) was approved; the line is then written_off */
  writtenOffOn: day('written_off_on'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.contractId], foreignColumns: [contracts.workspaceId, contracts.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('receivables_plan_line_uq').on(t.workspaceId, t.contractId, t.planIndex),
  // migration 0025 adds INCLUDE (contract_id, amount, received) by hand (exposure, overdue lines and the
  // breakdown read without the heap); keep it if this changes
  index('receivables_customer_idx').on(t.workspaceId, t.customerId, t.status, t.dueDate, t.id),
  index('receivables_owner_idx').on(t.workspaceId, t.ownerId, t.dueDate, t.id),
  index('receivables_status_idx').on(t.workspaceId, t.status, t.dueDate, t.id),
  // the dunning queue's cursor and the daily dunning sweep walk the open lines by (due date, id)
  index('receivables_open_due_idx').on(t.workspaceId, t.dueDate, t.id).where(sql`status in ('open', 'partial')`),
]);
