import { foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid, date } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';
import { contracts } from '../contracts/contracts.schema.js';
import { customers } from '../customers/customers.schema.js';
import { orders } from '../orders/orders.schema.js';

const day = (name: string) => date(name, { mode: 'string' });
const amount = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * A shipment (发货单, domain §9): part or all of an order's lines going out together, checked against
 * the customer's credit before it is created and again when it leaves, then worked by the warehouse:
 * review → pick → pack → ship (carrier, tracking) → hand-over. Its lines travel with it as one value
 * (jsonb, like orders). Contract, customer, owner and the order's rush priority are copied from the
 * order so the warehouse queue, the credit check and the ledgers filter without a join.
 *
 * status: credit_hold → pending_review → reviewed → picked → packed → shipped → delivered | cancelled
 */
export const shipments = pgTable('shipments', {
  ...businessColumns(),
  number: text('number').notNull(),
  orderId: uuid('order_id').notNull(),
  contractId: uuid('contract_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  ownerId: uuid('owner_id').notNull(),
  /** ShipmentLine[]: { orderLineIndex, quantity, amount } — amount from the order's unit price */
  lines: jsonb('lines').notNull(),
  /** sum of the line amounts, computed by the server */
  amount: amount('amount').notNull(),
  plannedDate: day('planned_date').notNull(),
  deliveryAddress: text('delivery_address'),
  note: text('note'),
  /** 0 = rush (加急), 1 = normal: the warehouse queue sorts ascending on it, copied from the order */
  priorityRank: integer('priority_rank').notNull().default(1),
  status: text('status').notNull(),
  carrier: text('carrier'),
  trackingNo: text('tracking_no'),
  reviewedAt: instant('reviewed_at'),
  reviewedBy: uuid('reviewed_by'),
  pickedAt: instant('picked_at'),
  pickedBy: uuid('picked_by'),
  packedAt: instant('packed_at'),
  packedBy: uuid('packed_by'),
  shippedAt: instant('shipped_at'),
  shippedBy: uuid('shipped_by'),
  /** when the goods were handed over to the receiver (as reported), and who recorded it */
  handedOverAt: instant('handed_over_at'),
  deliveredBy: uuid('delivered_by'),
  receiver: text('receiver'),
  cancelledAt: instant('cancelled_at'),
  cancelledBy: uuid('cancelled_by'),
  /** why the warehouse returned the delivery notice, or why sales cancelled it */
  cancelReason: text('cancel_reason'),
  /** the over-credit approval (超信用发货特批) of THIS shipment: pending | approved | rejected | returned */
  overrideStatus: text('override_status'),
  overrideApprovalId: uuid('override_approval_id'),
  overrideReason: text('override_reason'),
  /** the credit position frozen when the shipment was refused (limit, exposure, shortfall, overdue) */
  creditPosition: jsonb('credit_position'),
  createdBy: uuid('created_by').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.orderId], foreignColumns: [orders.workspaceId, orders.id] }),
  foreignKey({ columns: [t.workspaceId, t.contractId], foreignColumns: [contracts.workspaceId, contracts.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('shipments_number_uq').on(t.workspaceId, t.number),
  // warehouse queue: by status, rush first, then planned date
  index('shipments_queue_idx').on(t.workspaceId, t.status, t.priorityRank, t.plannedDate, t.id),
  // planned-date range filter over every status
  index('shipments_planned_idx').on(t.workspaceId, t.plannedDate, t.id),
  // customer filter and the credit exposure breakdown; migration 0025 adds INCLUDE (contract_id, amount) by hand
  // (the shipped value of a customer's contracts in one index-only range scan): keep it if this changes
  index('shipments_customer_idx').on(t.workspaceId, t.customerId, t.status),
  // order filter, shipped quantities per order line, open shipments of an order
  index('shipments_order_idx').on(t.workspaceId, t.orderId, t.status),
  // shipped value per contract (credit exposure breakdown)
  index('shipments_contract_idx').on(t.workspaceId, t.contractId, t.status),
  // owner data scope, newest first
  index('shipments_owner_idx').on(t.workspaceId, t.ownerId, t.id),
  // shipping ledger and customer statements: shipped-at date range
  index('shipments_shipped_idx').on(t.workspaceId, t.shippedAt, t.id),
]);
