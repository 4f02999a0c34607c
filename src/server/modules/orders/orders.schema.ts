import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';
import { contracts } from '../contracts/contracts.schema.js';
import { customers } from '../customers/customers.schema.js';

const day = (name: string) => date(name, { mode: 'string' });
const amount = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * A sales order / delivery notice (销售订单 / 发货通知, domain §9), created from a signed contract's
 * lines: what is to be shipped, by when, how packed. Its lines travel with it as one versioned value
 * (an approved order change replaces them and bumps `revision`). Customer and owner are copied from
 * the contract so the lists and the credit check filter without a join.
 */
export const orders = pgTable('orders', {
  ...businessColumns(),
  number: text('number').notNull(),
  contractId: uuid('contract_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  ownerId: uuid('owner_id').notNull(),
  /** OrderLine[]: { contractLineIndex, productId, description, unit, quantity, unitPrice (net, tax-inclusive), amount, packaging } */
  lines: jsonb('lines').notNull(),
  /** sum of the line amounts, computed by the server */
  amount: amount('amount').notNull(),
  /** requested delivery date (交货日期) */
  dueDate: day('due_date').notNull(),
  priority: text('priority').notNull().default('normal'), // normal | rush
  deliveryAddress: text('delivery_address'),
  note: text('note'),
  status: text('status').notNull(), // open | partially_shipped | shipped | cancelled
  /** number of approved order changes applied (0 = as first issued) */
  revision: integer('revision').notNull().default(0),
  /** the order change awaiting approval, if any (one at a time) */
  pendingChangeId: uuid('pending_change_id'),
  createdBy: uuid('created_by').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.contractId], foreignColumns: [contracts.workspaceId, contracts.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('orders_number_uq').on(t.workspaceId, t.number),
  // list (newest first) and its filters: owner scope, status, customer, contract; warehouse queue by due date
  index('orders_owner_idx').on(t.workspaceId, t.ownerId, t.id),
  index('orders_status_idx').on(t.workspaceId, t.status, t.dueDate, t.id),
  index('orders_customer_idx').on(t.workspaceId, t.customerId, t.id),
  index('orders_contract_idx').on(t.workspaceId, t.contractId),
  // due-date range filter over every status, and the rush queue
  index('orders_due_idx').on(t.workspaceId, t.dueDate, t.id),
  index('orders_rush_idx').on(t.workspaceId, t.dueDate).where(sql`priority = 'rush'`),
]);

/**
 * An order change (订单变更, made-to-order realities): quantity, due date, product, packaging,
 * cancellation or rush with priority; versioned (`seq` per order) with the reason, the order's values
 * before and the values asked for, approved through the approvals engine and applied on approval.
 */
export const orderChanges = pgTable('order_changes', {
  ...businessColumns(),
  orderId: uuid('order_id').notNull(),
  /** 1, 2, 3 … per order */
  seq: integer('seq').notNull(),
  kind: text('kind').notNull(), // quantity | due_date | product | packaging | cancellation | rush
  reason: text('reason').notNull(),
  /** the order's lines/due date/priority/packaging before the change, and those asked for */
  before: jsonb('before').notNull(),
  after: jsonb('after').notNull(),
  status: text('status').notNull(), // pending | approved | rejected | cancelled
  approvalId: uuid('approval_id'),
  requestedBy: uuid('requested_by').notNull(),
  decidedAt: instant('decided_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.orderId], foreignColumns: [orders.workspaceId, orders.id] }),
  uniqueIndex('order_changes_seq_uq').on(t.workspaceId, t.orderId, t.seq),
  index('order_changes_pending_idx').on(t.workspaceId, t.status).where(sql`status = 'pending'`),
]);
