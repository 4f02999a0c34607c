import { z } from 'zod';
import { InstantString, IsoDateString, ListQuery, MoneyString, pageOf, Person, QuantityString, Uuid, Version } from './common.contract.js';

export const shipmentStatuses = ['credit_hold', 'pending_review', 'reviewed', 'picked', 'packed', 'shipped', 'delivered', 'cancelled'] as const;
export const ShipmentStatus = z.enum(shipmentStatuses).describe('credit_hold → pending_review → reviewed → picked → packed → shipped → delivered | cancelled');
export type ShipmentStatus = z.infer<typeof ShipmentStatus>;
export const overrideStatuses = ['pending', 'approved', 'rejected', 'returned'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const ShipmentLineInput = z.strictObject({
  orderLineIndex: z.int().min(0).max(199).describe('position of the line on the order (0-based)'),
  quantity: QuantityString.describe('> 0 and at most ordered − shipped − held by other open shipments'),
});

export const CreateShipmentBody = z.strictObject({
  orderId: Uuid.describe('an open order in your data scope'),
  lines: z.array(ShipmentLineInput).min(1).max(200),
  plannedDate: IsoDateString.describe('planned shipping date'),
  deliveryAddress: z.string().trim().max(500).nullish().describe('default: the order\'s delivery address'),
  note: z.string().max(2000).nullish(),
  creditHold: z.boolean().default(false).describe('true: when the credit check refuses, save the shipment in status credit_hold (nothing ships) instead of answering 422'),
});
export type CreateShipmentBody = z.infer<typeof CreateShipmentBody>;

export const OverrideRequestBody = z.strictObject({ reason: text(2000).describe('why this shipment should go despite the credit check') });
export const VersionBody = z.strictObject({ version: Version });
export const ReviewShipmentBody = z.strictObject({
  version: Version,
  decision: z.enum(['approve', 'return']).describe('approve the delivery notice, or return it to sales (the shipment is cancelled with the reason)'),
  reason: z.string().trim().max(2000).optional().describe('required when returning'),
});
export const ShipShipmentBody = z.strictObject({ version: Version, carrier: text(100), trackingNo: text(100) });
export const DeliverShipmentBody = z.strictObject({ version: Version, receiver: text(100), handedOverAt: InstantString.describe('when the goods were handed over (ISO 8601 instant)') });
export const CancelShipmentBody = z.strictObject({ version: Version, reason: text(2000) });

export const OverdueLineDto = z.object({
  receivableId: Uuid, contractId: Uuid, contractNumber: z.string(), dueDate: IsoDateString, outstanding: MoneyString, daysOverdue: z.int(),
});
export type OverdueLineDto = z.infer<typeof OverdueLineDto>;

export const CreditVerdict = z.enum(['pass', 'over_limit', 'overdue', 'over_limit_and_overdue']);
export type CreditVerdict = z.infer<typeof CreditVerdict>;

export const CreditPositionDto = z.object({
  customerId: Uuid,
  customerName: z.string(),
  hasProfile: z.boolean().describe('false: no credit granted (limit 0.00: cash before delivery)'),
  limit: MoneyString,
  exposureNow: MoneyString.describe('the customer\'s exposure now (outstanding receivables, domain §9)'),
  shipmentAmount: MoneyString,
  exposureWithShipment: MoneyString.describe('exposure of everything else + this shipment\'s value'),
  available: MoneyString.describe('limit − exposure with this shipment (negative: the shortfall)'),
  shortfall: MoneyString.describe('how far the exposure with this shipment is above the limit (0.00 within it)'),
  overdueLines: z.array(OverdueLineDto).describe('open receivable lines due before asOf, oldest first'),
  asOf: IsoDateString,
  verdict: CreditVerdict,
  hasOverride: z.boolean().describe('an approved over-credit override is on record for this shipment: it passes'),
  passes: z.boolean(),
  prepaymentOwed: MoneyString.nullable().optional()
    .describe('what is still owed on the contract\'s prepayment lines: while it is not null the shipment is refused whatever the credit (no override lifts it)'),
}).meta({ id: 'CreditPosition' });
export type CreditPositionDto = z.infer<typeof CreditPositionDto>;

export const CreditCheckQuery = z.strictObject({
  orderId: Uuid.optional(),
  amount: MoneyString.optional().describe('value of the shipment being prepared (with orderId)'),
  shipmentId: Uuid.optional().describe('or: the position of an existing shipment'),
  asOf: IsoDateString.optional(),
});

export const ShipmentLineDto = z.object({
  orderLineIndex: z.int(),
  description: z.string(),
  unit: z.string(),
  packaging: z.string().nullable(),
  quantity: z.string(),
  unitPrice: MoneyString,
  amount: MoneyString,
});

export const ShipmentStepDto = z.object({
  step: z.enum(['created', 'reviewed', 'picked', 'packed', 'shipped', 'delivered', 'cancelled']),
  at: InstantString,
  by: Person.nullable(),
});

export const ShipmentSummaryDto = z.object({
  id: Uuid,
  number: z.string(),
  order: z.object({ id: Uuid, number: z.string() }),
  contract: z.object({ id: Uuid, number: z.string() }),
  customer: Person,
  owner: Person,
  amount: MoneyString,
  plannedDate: IsoDateString,
  isRush: z.boolean(),
  status: ShipmentStatus,
  overrideStatus: z.enum(overrideStatuses).nullable(),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  updatedAt: InstantString,
  version: z.int(),
}).meta({ id: 'ShipmentSummary' });
export type ShipmentSummaryDto = z.infer<typeof ShipmentSummaryDto>;

export const ShipmentDto = ShipmentSummaryDto.extend({
  lines: z.array(ShipmentLineDto),
  deliveryAddress: z.string().nullable(),
  note: z.string().nullable(),
  receiver: z.string().nullable(),
  handedOverAt: InstantString.nullable(),
  cancelReason: z.string().nullable(),
  overrideApprovalId: Uuid.nullable(),
  overrideReason: z.string().nullable(),
  creditPosition: CreditPositionDto.nullable().describe('the position frozen when the credit check refused it'),
  steps: z.array(ShipmentStepDto).describe('timeline'),
  createdAt: InstantString,
  canRequestOverride: z.boolean(),
  canCancel: z.boolean(),
  nextWarehouseStep: z.enum(['review', 'pick', 'pack', 'ship', 'deliver']).nullable().describe('the step the warehouse may take now (null for other roles)'),
}).meta({ id: 'Shipment' });
export type ShipmentDto = z.infer<typeof ShipmentDto>;

export const ShipmentListQuery = ListQuery.extend({
  status: z.union([ShipmentStatus, z.literal('queue')]).optional().describe('queue: every status the warehouse still works on (pending_review … shipped)'),
  customerId: Uuid.optional(),
  orderId: Uuid.optional(),
  plannedFrom: IsoDateString.optional(),
  plannedTo: IsoDateString.optional(),
});
export type ShipmentListQuery = z.infer<typeof ShipmentListQuery>;
export const ShipmentPage = pageOf(ShipmentSummaryDto);
