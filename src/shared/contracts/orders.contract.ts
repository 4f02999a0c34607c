import { z } from 'zod';
import { ApprovalDto } from './approvals.contract.js';
import { InstantString, IsoDateString, ListQuery, MoneyString, pageOf, Person, Uuid, Version } from './common.contract.js';

export const orderStatuses = ['open', 'partially_shipped', 'shipped', 'cancelled'] as const;
export const OrderStatus = z.enum(orderStatuses).describe('open → partially_shipped → shipped (by shipments) | cancelled (by an approved cancellation)');
export type OrderStatus = z.infer<typeof OrderStatus>;
export const orderPriorities = ['normal', 'rush'] as const;
export const OrderPriority = z.enum(orderPriorities).describe('normal | rush (急单)');
export type OrderPriority = z.infer<typeof OrderPriority>;
export const orderChangeKinds = ['quantity', 'due_date', 'product', 'packaging', 'cancellation', 'rush'] as const;
export const OrderChangeKind = z.enum(orderChangeKinds);
export type OrderChangeKind = z.infer<typeof OrderChangeKind>;
export const orderChangeStatuses = ['pending', 'approved', 'rejected', 'returned'] as const;
export const OrderChangeStatus = z.enum(orderChangeStatuses);
export type OrderChangeStatus = z.infer<typeof OrderChangeStatus>;

/** Quantities: up to four decimals; the sign and the contract remainder are checked by the order rules (field or rule error naming the line). */
export const OrderQuantity = z.string().regex(/^-?\d{1,12}(\.\d{1,4})?$/, { error: 'errors.decimal' }).meta({ example: '2' });
const Packaging = z.string().trim().max(200);
const Reason = z.string().trim().min(1).max(2000);

export const OrderLineInput = z.strictObject({
  contractLineIndex: z.int().min(0).max(199).describe('position of the line on the contract (0-based)'),
  quantity: OrderQuantity.describe('> 0 and at most the contract quantity not yet held by other orders'),
  packaging: Packaging.nullish().describe('packing requirement, e.g. 木箱 / 托盘'),
});
export type OrderLineInput = z.infer<typeof OrderLineInput>;

export const CreateOrderBody = z.strictObject({
  contractId: Uuid.describe('a signed or executing contract in your data scope'),
  lines: z.array(OrderLineInput).min(1).max(200),
  dueDate: IsoDateString.describe('requested delivery date (交货日期)'),
  priority: OrderPriority.default('normal'),
  deliveryAddress: z.string().trim().max(500).nullish(),
  note: z.string().trim().max(2000).nullish(),
}).describe('unit prices and amounts come from the contract lines, never from the client');
export type CreateOrderBody = z.infer<typeof CreateOrderBody>;

export const OrderLineDto = z.object({
  contractLineIndex: z.int(),
  productId: Uuid.nullable(),
  description: z.string(),
  unit: z.string(),
  quantity: z.string().describe('ordered quantity'),
  shippedQuantity: z.string().describe('shipped so far (from the shipments)'),
  unitPrice: MoneyString.describe('net tax-inclusive unit price of the contract line (line amount / quantity)'),
  amount: MoneyString.describe('contract line amount × quantity / contract quantity, half-up to cents'),
  packaging: z.string().nullable(),
}).meta({ id: 'OrderLine' });
export type OrderLineDto = z.infer<typeof OrderLineDto>;

/** The order's values an order change replaces (before and after are both this shape). */
export const OrderValues = z.object({
  lines: z.array(OrderLineDto.omit({ shippedQuantity: true })),
  amount: MoneyString,
  dueDate: IsoDateString,
  priority: OrderPriority,
  status: OrderStatus,
}).meta({ id: 'OrderValues' });
export type OrderValues = z.infer<typeof OrderValues>;

export const OrderChangeDto = z.object({
  id: Uuid,
  orderId: Uuid,
  seq: z.int().describe('1, 2, 3 … per order'),
  kind: OrderChangeKind,
  reason: z.string(),
  before: OrderValues,
  after: OrderValues,
  status: OrderChangeStatus,
  approvalId: Uuid.nullable(),
  requestedBy: Person,
  createdAt: InstantString,
  decidedAt: InstantString.nullable(),
}).meta({ id: 'OrderChange' });
export type OrderChangeDto = z.infer<typeof OrderChangeDto>;

export const OrderSummaryDto = z.object({
  id: Uuid,
  number: z.string().describe('DD<yyyymm>-0001'),
  contract: z.object({ id: Uuid, number: z.string(), title: z.string() }),
  customer: Person,
  owner: Person,
  amount: MoneyString,
  dueDate: IsoDateString,
  priority: OrderPriority,
  status: OrderStatus,
  revision: z.int().describe('approved order changes applied'),
  hasPendingChange: z.boolean(),
  createdAt: InstantString,
  version: z.int(),
}).meta({ id: 'OrderSummary' });
export type OrderSummaryDto = z.infer<typeof OrderSummaryDto>;

export const OrderDto = OrderSummaryDto.extend({
  lines: z.array(OrderLineDto),
  deliveryAddress: z.string().nullable(),
  note: z.string().nullable(),
  shippedAmount: MoneyString.describe('value of the quantities shipped'),
  changes: z.array(OrderChangeDto).describe('change history, newest first'),
  pendingChange: OrderChangeDto.nullable(),
  pendingApproval: ApprovalDto.nullable().describe('the approval of the pending change, with its steps'),
  canChange: z.boolean().describe('the caller may request a change now'),
  canShip: z.boolean().describe('the caller may create a shipment (发货单) from this order now: it is open or partly shipped'),
}).meta({ id: 'Order' });
export type OrderDto = z.infer<typeof OrderDto>;

export const OrderListQuery = ListQuery.extend({
  status: OrderStatus.optional(),
  customerId: Uuid.optional(),
  contractId: Uuid.optional(),
  ownerId: z.union([Uuid, z.literal('me')]).optional(),
  priority: OrderPriority.optional(),
  dueFrom: IsoDateString.optional(),
  dueTo: IsoDateString.optional(),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;
export const OrderPage = pageOf(OrderSummaryDto);

const changeBase = { version: Version, reason: Reason.describe('why the customer or we need the change') };
export const RequestOrderChangeBody = z.discriminatedUnion('kind', [
  z.strictObject({
    ...changeBase, kind: z.literal('quantity'),
    lines: z.array(z.strictObject({ lineIndex: z.int().min(0).max(199).describe('position of the order line'), quantity: OrderQuantity.describe('new quantity: not below what is shipped, not above the contract remainder') })).min(1).max(200),
  }),
  z.strictObject({ ...changeBase, kind: z.literal('due_date'), dueDate: IsoDateString }),
  z.strictObject({
    ...changeBase, kind: z.literal('product'),
    lineIndex: z.int().min(0).max(199), productId: Uuid.describe('a product on the same contract'),
  }),
  z.strictObject({
    ...changeBase, kind: z.literal('packaging'),
    lines: z.array(z.strictObject({ lineIndex: z.int().min(0).max(199), packaging: Packaging.nullable() })).min(1).max(200),
  }),
  z.strictObject({ ...changeBase, kind: z.literal('cancellation') }),
  z.strictObject({ ...changeBase, kind: z.literal('rush'), dueDate: IsoDateString.optional().describe('pulled-in due date (not later than the current one)') }),
]).describe('one change at a time; approved by the sales manager (cancellations and quantity increases at or above policy orders.vpChangeAmount also by the sales VP) and applied on approval');
export type RequestOrderChangeBody = z.infer<typeof RequestOrderChangeBody>;

export const OrderableLinesDto = z.object({
  contract: z.object({ id: Uuid, number: z.string(), title: z.string(), status: z.string(), customer: Person }),
  isOrderable: z.boolean().describe('signed or executing'),
  lines: z.array(z.object({
    contractLineIndex: z.int(), productId: Uuid.nullable(), description: z.string(), unit: z.string(),
    quantity: z.string().describe('contract quantity'), ordered: z.string().describe('held by orders (a cancelled order only what it shipped)'),
    remaining: z.string(), unitPrice: MoneyString.describe('net unit price an order line takes'), lineAmount: MoneyString.describe('the contract line amount'),
  })),
}).meta({ id: 'OrderableLines' });
export type OrderableLinesDto = z.infer<typeof OrderableLinesDto>;

export const OrderChangePage = z.object({ items: z.array(OrderChangeDto) });

// ── shipping ledger (发货流水账) and customer statement (对账单) ──

export const PeriodQuery = z.strictObject({
  from: IsoDateString.describe('first day of the period'),
  to: IsoDateString.describe('last day of the period'),
});

export const ShippingLedgerQuery = PeriodQuery.extend({
  customerId: Uuid.optional(),
  ownerId: z.union([Uuid, z.literal('me')]).optional(),
});
export type ShippingLedgerQuery = z.infer<typeof ShippingLedgerQuery>;

export const ShippingLedgerRow = z.object({
  shipmentId: Uuid,
  number: z.string(),
  shippedOn: IsoDateString,
  customer: Person,
  owner: Person,
  order: z.object({ id: Uuid, number: z.string() }),
  contract: z.object({ id: Uuid, number: z.string() }),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  amount: MoneyString,
}).meta({ id: 'ShippingLedgerRow' });
export type ShippingLedgerRow = z.infer<typeof ShippingLedgerRow>;

export const ShippingLedgerDto = z.object({
  from: IsoDateString, to: IsoDateString,
  rows: z.array(ShippingLedgerRow).describe('by shipping date, then number'),
  count: z.int(),
  total: MoneyString,
}).meta({ id: 'ShippingLedger' });
export type ShippingLedgerDto = z.infer<typeof ShippingLedgerDto>;

export const StatementEntry = z.object({
  date: IsoDateString,
  kind: z.enum(['shipment', 'payment']),
  reference: z.string().describe('shipment number, or the contract number and plan line of a payment'),
  description: z.string(),
  debit: MoneyString.describe('shipped value (借方)'),
  credit: MoneyString.describe('payment received (贷方)'),
  balance: MoneyString.describe('running balance after this entry'),
}).meta({ id: 'StatementEntry' });
export type StatementEntry = z.infer<typeof StatementEntry>;

export const CustomerStatementDto = z.object({
  customer: z.object({ id: Uuid, name: z.string(), address: z.string().nullable() }),
  from: IsoDateString, to: IsoDateString,
  openingBalance: MoneyString.describe('shipped − received before the period'),
  entries: z.array(StatementEntry),
  totalDebit: MoneyString,
  totalCredit: MoneyString,
  closingBalance: MoneyString.describe('opening + debits − credits'),
  paymentsNote: z.string().describe('where the payment lines come from (until payments are recorded one by one)'),
}).meta({ id: 'CustomerStatement' });
export type CustomerStatementDto = z.infer<typeof CustomerStatementDto>;
