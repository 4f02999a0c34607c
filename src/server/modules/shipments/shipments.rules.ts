import type { CreditVerdict, ShipmentStatus } from '../../../shared/contracts/shipments.contract.js';
import { daysBetween, type IsoDate } from '../../../shared/dates.js';
import type { ErrorDetail } from '../../../shared/errors.js';
import { money, type Money } from '../../../shared/money.js';

// ── credit check (授信执行, domain §9) ──────────────────────────────────────────────────────────

export interface OpenReceivableLine { receivableId: string; contractId: string; contractNumber: string; dueDate: IsoDate; outstanding: Money }
export interface OverdueLine extends OpenReceivableLine { daysOverdue: number }

/**
 * Debt overdue beyond its terms: open receivable lines whose due date is before asOf (the due date
 * itself is not overdue), oldest first, with the days overdue.
 */
export function overdueLines(lines: readonly OpenReceivableLine[], asOf: IsoDate): OverdueLine[] {
  return lines
    .filter((l) => l.dueDate < asOf && money.compare(l.outstanding, 0) > 0)
    .map((l) => ({ ...l, outstanding: money.format(l.outstanding), daysOverdue: daysBetween(l.dueDate, asOf) }))
    .sort((a, b) => (a.dueDate === b.dueDate ? a.receivableId.localeCompare(b.receivableId) : a.dueDate < b.dueDate ? -1 : 1));
}

export interface CreditCheckInput {
  /** the customer's credit limit; a customer without a credit profile has limit 0.00 (cash before delivery) */
  limit: Money;
  /** exposure of everything except the value this shipment moves (see shipmentCreditBase) */
  otherExposure: Money;
  shipmentAmount: Money;
  openLines: readonly OpenReceivableLine[];
  asOf: IsoDate;
  /** an approved over-credit override is on record for THIS shipment */
  hasOverride: boolean;
}

export interface CreditCheckResult {
  exposureWithShipment: Money;
  available: Money;
  shortfall: Money;
  overdue: OverdueLine[];
  verdict: CreditVerdict;
  /** verdict pass, or an override approved for this shipment */
  passes: boolean;
}

/**
 * The credit check before shipment (domain §9): exposure with this shipment (= other exposure + this
 * shipment's value) at or below the limit passes, one cent more is refused; any open receivable line
 * due before asOf refuses too. An approved override for this very shipment lets it through.
 */
export function checkCredit(input: CreditCheckInput): CreditCheckResult {
  const exposureWithShipment = money.add(input.otherExposure, input.shipmentAmount);
  const available = money.sub(input.limit, exposureWithShipment);
  const isOver = money.compare(exposureWithShipment, input.limit) > 0;
  const overdue = overdueLines(input.openLines, input.asOf);
  const verdict: CreditVerdict = isOver && overdue.length > 0 ? 'over_limit_and_overdue' : isOver ? 'over_limit' : overdue.length > 0 ? 'overdue' : 'pass';
  return {
    exposureWithShipment, available, shortfall: isOver ? money.sub(exposureWithShipment, input.limit) : '0.00', overdue, verdict,
    passes: verdict === 'pass' || input.hasOverride,
  };
}

/**
 * The exposure a shipment is checked against (team decision on credit exposure): the customer's
 * exposure is its outstanding receivables, which already hold the signed-but-unshipped value of its
 * contracts; shipping moves value from that part to shipped-but-unbilled and adds nothing. So "other
 * exposure" is the total less the part of this shipment's value still counted as signed-but-unshipped
 * on its contract; anything beyond that part (e.g. a contract already paid) is new exposure.
 */
export function otherExposureOf(totalExposure: Money, shipmentAmount: Money, contractSignedUnshipped: Money): Money {
  const moved = money.compare(shipmentAmount, contractSignedUnshipped) <= 0 ? shipmentAmount : contractSignedUnshipped;
  const positiveMoved = money.compare(moved, 0) > 0 ? moved : '0.00';
  return money.sub(totalExposure, positiveMoved);
}

/** Who approves an over-credit shipment: finance below the policy shortfall with no overdue debt, else the GM. */
export function overrideApprovalFlags(shortfall: Money, hasOverdue: boolean, gmShortfall: Money): { financeApproves: boolean; gmApproves: boolean } {
  const gmApproves = hasOverdue || money.compare(shortfall, gmShortfall) >= 0;
  return { financeApproves: !gmApproves, gmApproves };
}

// ── prepayment before shipping (domain §11.2) ─────────────────────────────────────────────────────

export interface UnpaidPrepayment { receivableId: string; contractNumber: string; dueDate: IsoDate; outstanding: Money }

/**
 * Prepayment first (预付款未到不发货, domain §11.2 "finance records; shipping is released"): a shipment
 * of a contract with any prepayment line not fully received is refused, whatever its due date, and an
 * approved over-credit override does not lift it (the override is about credit, the prepayment is
 * cash before delivery). Returns what is still owed on the contract's prepayment lines, or null.
 */
export function prepaymentBlock(lines: readonly UnpaidPrepayment[]): { contractNumber: string; outstanding: Money; lines: UnpaidPrepayment[] } | null {
  const owed = lines.filter((l) => money.compare(l.outstanding, 0) > 0);
  if (owed.length === 0) return null;
  return { contractNumber: owed[0]!.contractNumber, outstanding: money.add(...owed.map((l) => l.outstanding)), lines: owed };
}

// ── status flow ─────────────────────────────────────────────────────────────────────────────────

export type ShipmentAction = 'override_approved' | 'review' | 'return' | 'pick' | 'pack' | 'ship' | 'deliver' | 'cancel' | 'order_cancelled';

const transitions: Record<ShipmentAction, Partial<Record<ShipmentStatus, ShipmentStatus>>> = {
  override_approved: { credit_hold: 'pending_review' },
  review: { pending_review: 'reviewed' },
  return: { pending_review: 'cancelled' },
  pick: { reviewed: 'picked' },
  pack: { picked: 'packed' },
  ship: { packed: 'shipped' },
  deliver: { shipped: 'delivered' },
  cancel: { credit_hold: 'cancelled', pending_review: 'cancelled', reviewed: 'cancelled' },
  // the order was cancelled: everything whose goods have not left stops, picked and packed goods go back to stock
  order_cancelled: { credit_hold: 'cancelled', pending_review: 'cancelled', reviewed: 'cancelled', picked: 'cancelled', packed: 'cancelled' },
};

/** The status an action leads to from a status, or null when the action is not allowed there. */
export function nextShipmentStatus(status: ShipmentStatus, action: ShipmentAction): ShipmentStatus | null {
  return transitions[action][status] ?? null;
}

/** Statuses a cancelled order stops (the goods have not left). */
export const stoppedByOrderCancellation = Object.keys(transitions.order_cancelled) as ShipmentStatus[];

/** The warehouse step available in a status. */
export function warehouseStepOf(status: ShipmentStatus): 'review' | 'pick' | 'pack' | 'ship' | 'deliver' | null {
  switch (status) {
    case 'pending_review': return 'review';
    case 'reviewed': return 'pick';
    case 'picked': return 'pack';
    case 'packed': return 'ship';
    case 'shipped': return 'deliver';
    default: return null;
  }
}

/** Statuses holding order quantities (everything but cancelled). */
export const holdingStatuses = ['credit_hold', 'pending_review', 'reviewed', 'picked', 'packed', 'shipped', 'delivered'] as const satisfies readonly ShipmentStatus[];
/** Statuses whose goods have left (count as shipped for the order and the exposure). */
export const shippedStatuses = ['shipped', 'delivered'] as const satisfies readonly ShipmentStatus[];

// ── quantities and amounts ──────────────────────────────────────────────────────────────────────

export interface OrderLineLike { description: string; unit: string; quantity: string; unitPrice: Money; amount: Money; packaging?: string | null }
export interface HeldLine { quantity: string; amount: Money }
export interface ShipmentLine { orderLineIndex: number; quantity: string; amount: Money }

export interface LinesRefusal { details: ErrorDetail[] }

/**
 * Prices the lines of a new shipment from the order: each quantity above zero, a line named once, and
 * never more than ordered − held by other shipments (shipped or open) of that line. The amount is the
 * order line's amount × quantity / ordered quantity, half-up to cents; the shipment that completes a
 * line takes the remainder, so a line's shipments add up to its amount exactly.
 */
export function priceShipmentLines(
  orderLines: readonly OrderLineLike[], requested: readonly { orderLineIndex: number; quantity: string }[], held: ReadonlyMap<number, HeldLine>,
): { lines: ShipmentLine[]; amount: Money } | LinesRefusal {
  const details: ErrorDetail[] = [];
  const seen = new Set<number>();
  const lines: ShipmentLine[] = [];
  requested.forEach((r, i) => {
    const line = orderLines[r.orderLineIndex];
    if (!line) { details.push({ path: `lines.${i}.orderLineIndex`, message: 'errors.unknownOrderLine', params: { line: r.orderLineIndex + 1 } }); return; }
    if (seen.has(r.orderLineIndex)) { details.push({ path: `lines.${i}.orderLineIndex`, message: 'errors.orderLineTwice', params: { line: r.orderLineIndex + 1 } }); return; }
    seen.add(r.orderLineIndex);
    if (money.compare(r.quantity, 0) <= 0) { details.push({ path: `lines.${i}.quantity`, message: 'errors.quantityPositive' }); return; }
    const h = held.get(r.orderLineIndex) ?? { quantity: '0', amount: '0.00' };
    const remaining = money.parse(line.quantity).minus(h.quantity);
    if (money.parse(r.quantity).gt(remaining)) {
      details.push({
        path: `lines.${i}.quantity`, message: 'errors.shipmentOverOrdered',
        params: { line: r.orderLineIndex + 1, description: line.description, quantity: money.parse(r.quantity).toString(), ordered: money.parse(line.quantity).toString(), held: money.parse(h.quantity).toString(), remaining: remaining.toString() },
      });
      return;
    }
    const completes = money.parse(r.quantity).eq(remaining);
    const amount = completes
      ? money.sub(line.amount, h.amount)
      : money.format(money.parse(line.amount).times(r.quantity).dividedBy(line.quantity));
    lines.push({ orderLineIndex: r.orderLineIndex, quantity: money.parse(r.quantity).toString(), amount });
  });
  if (details.length > 0) return { details };
  return { lines, amount: money.add(...lines.map((l) => l.amount)) };
}

/** The order's status once shipped quantities are known: every line fully shipped → shipped, some → partially_shipped. */
export function orderStatusAfterShipping(orderLines: readonly { quantity: string }[], shipped: ReadonlyMap<number, string>): 'open' | 'partially_shipped' | 'shipped' {
  let any = false;
  let all = true;
  orderLines.forEach((l, i) => {
    const q = shipped.get(i) ?? '0';
    if (money.compare(q, 0) > 0) any = true;
    if (money.compare(q, l.quantity) < 0) all = false;
  });
  return all && any ? 'shipped' : any ? 'partially_shipped' : 'open';
}
