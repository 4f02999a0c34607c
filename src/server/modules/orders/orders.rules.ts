import type { OrderChangeKind, OrderLineInput, OrderPriority, OrderStatus, RequestOrderChangeBody } from '../../../shared/contracts/orders.contract.js';
import { daysBetween, type IsoDate } from '../../../shared/dates.js';
import type { ErrorDetail } from '../../../shared/errors.js';
import { money, type Money } from '../../../shared/money.js';

/** The part of a contract line an order needs (contracts.rules ContractLine). */
export interface ContractLineRef { productId: string | null; description: string; unit: string; quantity: string; amount: Money }
/** One line of an order as stored (orders.lines). */
export interface OrderLine {
  contractLineIndex: number; productId: string | null; description: string; unit: string;
  quantity: string; unitPrice: Money; amount: Money; packaging: string | null;
}
/** The values of an order an order change replaces; kept before and after on the change. */
export interface OrderValues { lines: OrderLine[]; amount: Money; dueDate: IsoDate; priority: OrderPriority; status: OrderStatus }
/** Quantities per contract line (index → quantity). */
export type QuantityByLine = ReadonlyMap<number, string>;

/** A business refusal: message key and the numbers it names (→ 422 RULE_VIOLATION). */
export interface Refusal { key: string; params: Record<string, unknown>; path?: string }

const qty = (value: string) => money.parse(value).toString();
const sumQty = (...values: string[]) => values.reduce((s, v) => s.plus(v), money.parse(0)).toString();

/**
 * Order line pricing: the unit price is the contract line's net tax-inclusive unit price
 * (line amount / quantity, shown to the cent); the amount is line amount × quantity / contract
 * quantity, rounded half-up once, so ordering the whole contract quantity gives exactly the line amount.
 */
export function priceOrderLine(line: ContractLineRef, quantity: string): { unitPrice: Money; amount: Money } {
  const unitPrice = money.format(money.parse(line.amount).div(line.quantity));
  const amount = money.format(money.parse(line.amount).times(quantity).div(line.quantity));
  return { unitPrice, amount };
}

export const orderAmount = (lines: readonly { amount: Money }[]): Money => money.add(...lines.map((l) => l.amount));

/** What is still free on a contract line: contract quantity − what other orders hold (never below 0). */
export function remainingOn(line: ContractLineRef, held: string | undefined): string {
  const rest = money.parse(line.quantity).minus(held ?? '0');
  return rest.isNegative() ? '0' : rest.toString();
}

/**
 * Field checks of the lines of a new order (400 naming the field): the contract line exists, is named
 * once, and the quantity is above zero.
 */
export function validateOrderLines(lines: readonly OrderLineInput[], contractLines: readonly ContractLineRef[]): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (l.contractLineIndex >= contractLines.length) errors.push({ path: `lines.${i}.contractLineIndex`, message: 'errors.contractLineUnknown' });
    else if (seen.has(l.contractLineIndex)) errors.push({ path: `lines.${i}.contractLineIndex`, message: 'errors.contractLineTwice' });
    seen.add(l.contractLineIndex);
    if (money.compare(l.quantity, 0) <= 0) errors.push({ path: `lines.${i}.quantity`, message: 'errors.quantityPositive' });
  });
  return errors;
}

/**
 * No contract line is ordered beyond its quantity (订单数量不得超过合同剩余数量): per line, the quantity
 * asked for must not exceed the contract quantity minus what other (non-cancelled) orders hold.
 * Returns the first refusal, naming the line and its remaining quantity, or null.
 */
export function overContractRefusal(
  asked: readonly { contractLineIndex: number; quantity: string }[], contractLines: readonly ContractLineRef[], heldByOthers: QuantityByLine, pathOf: (i: number) => string,
): Refusal | null {
  for (const [i, a] of asked.entries()) {
    const line = contractLines[a.contractLineIndex]!;
    const remaining = remainingOn(line, heldByOthers.get(a.contractLineIndex));
    if (money.compare(a.quantity, remaining) > 0) {
      return { key: 'errors.orderOverContract', path: pathOf(i), params: { line: a.contractLineIndex + 1, description: line.description, quantity: qty(a.quantity), remaining, unit: line.unit } };
    }
  }
  return null;
}

/** The lines of a new order from the contract lines, priced. */
export function buildOrderLines(lines: readonly OrderLineInput[], contractLines: readonly ContractLineRef[]): OrderLine[] {
  return lines.map((l) => {
    const c = contractLines[l.contractLineIndex]!;
    return { contractLineIndex: l.contractLineIndex, productId: c.productId, description: c.description, unit: c.unit, quantity: qty(l.quantity), ...priceOrderLine(c, l.quantity), packaging: l.packaging?.trim() || null };
  });
}

/** Quantities an order holds per contract line: all of a live order, only what was shipped of a cancelled one. */
export function heldQuantities(orders: readonly { status: string; lines: readonly OrderLine[]; shipped: ReadonlyMap<number, string> }[]): Map<number, string> {
  const held = new Map<number, string>();
  for (const o of orders) {
    o.lines.forEach((l, i) => {
      const amount = o.status === 'cancelled' ? (o.shipped.get(i) ?? '0') : l.quantity;
      held.set(l.contractLineIndex, sumQty(held.get(l.contractLineIndex) ?? '0', amount));
    });
  }
  return held;
}

/** Order status from what has shipped: nothing → open, everything → shipped, else partially shipped. */
export function statusFromShipped(lines: readonly OrderLine[], shipped: ReadonlyMap<number, string>): OrderStatus {
  const shippedAny = lines.some((_, i) => money.compare(shipped.get(i) ?? '0', 0) > 0);
  if (!shippedAny) return 'open';
  return lines.every((l, i) => money.compare(shipped.get(i) ?? '0', l.quantity) >= 0) ? 'shipped' : 'partially_shipped';
}

/** Value of the shipped quantities at the order's unit prices. */
export function shippedValue(lines: readonly OrderLine[], shipped: ReadonlyMap<number, string>): Money {
  return money.add(...lines.map((l, i) => {
    const s = shipped.get(i) ?? '0';
    if (money.compare(s, 0) <= 0) return '0';
    return money.compare(s, l.quantity) >= 0 ? l.amount : money.parse(l.amount).times(s).div(l.quantity);
  }));
}

/** Whether a change may be requested: not on a cancelled or fully shipped order, never while another is pending. */
export function changeBlocked(status: OrderStatus, hasPending: boolean): Refusal | null {
  if (hasPending) return { key: 'errors.orderChangePending', params: {} };
  if (status === 'cancelled') return { key: 'errors.orderCancelled', params: {} };
  if (status === 'shipped') return { key: 'errors.orderFullyShipped', params: {} };
  return null;
}

export interface ChangeInputs {
  before: OrderValues;
  /** shipped per order line index */
  shipped: ReadonlyMap<number, string>;
  contractLines: readonly ContractLineRef[];
  /** quantities held per contract line by the contract's other orders */
  heldByOthers: QuantityByLine;
  today: IsoDate;
}

export type ChangeResult = { ok: true; after: OrderValues } | { ok: false; refusal: Refusal; field?: boolean };

const refuse = (key: string, params: Record<string, unknown> = {}, path?: string, field = false): ChangeResult => ({ ok: false, refusal: { key, params, ...(path ? { path } : {}) }, field });

function withLines(before: OrderValues, lines: OrderLine[]): OrderValues {
  return { ...before, lines, amount: orderAmount(lines) };
}

/**
 * An order change (订单变更) applied to the order's values: the values after, or the rule that refuses it.
 * Quantity: not below what is shipped, not above the contract remainder. Product: only to a product on
 * the same contract (the line moves to that contract line, same quantity, its price). Cancellation: not
 * of a fully shipped order. Rush: priority rush, the due date only pulled in (never later). Due dates
 * are not in the past.
 */
export function applyOrderChange(input: RequestOrderChangeBody, c: ChangeInputs): ChangeResult {
  const { before } = c;
  switch (input.kind) {
    case 'quantity': {
      const lines = before.lines.map((l) => ({ ...l }));
      for (const [i, change] of input.lines.entries()) {
        const line = lines[change.lineIndex];
        if (!line) return refuse('errors.orderLineUnknown', {}, `lines.${i}.lineIndex`, true);
        if (money.compare(change.quantity, 0) <= 0) return refuse('errors.quantityPositive', {}, `lines.${i}.quantity`, true);
        const shipped = c.shipped.get(change.lineIndex) ?? '0';
        if (money.compare(change.quantity, shipped) < 0) {
          return refuse('errors.quantityBelowShipped', { line: change.lineIndex + 1, description: line.description, quantity: qty(change.quantity), shipped: qty(shipped), unit: line.unit }, `lines.${i}.quantity`);
        }
        const contractLine = c.contractLines[line.contractLineIndex]!;
        lines[change.lineIndex] = { ...line, quantity: qty(change.quantity), ...priceOrderLine(contractLine, change.quantity) };
      }
      // other lines of this order on the same contract line hold quantity too
      const mine = new Map<number, string>();
      lines.forEach((l) => mine.set(l.contractLineIndex, sumQty(mine.get(l.contractLineIndex) ?? '0', l.quantity)));
      const over = overContractRefusal([...mine].map(([contractLineIndex, quantity]) => ({ contractLineIndex, quantity })), c.contractLines, c.heldByOthers, () => 'lines');
      if (over) return { ok: false, refusal: over };
      return { ok: true, after: withLines(before, lines) };
    }
    case 'due_date': {
      if (input.dueDate < c.today) return refuse('errors.dueDateInPast', { today: c.today }, 'dueDate', true);
      return { ok: true, after: { ...before, dueDate: input.dueDate } };
    }
    case 'product': {
      const line = before.lines[input.lineIndex];
      if (!line) return refuse('errors.orderLineUnknown', {}, 'lineIndex', true);
      if (money.compare(c.shipped.get(input.lineIndex) ?? '0', 0) > 0) return refuse('errors.productChangeAfterShipping', { line: input.lineIndex + 1 }, 'lineIndex');
      const target = c.contractLines.findIndex((l) => l.productId === input.productId);
      if (target < 0) return refuse('errors.productNotOnContract', {}, 'productId');
      if (target === line.contractLineIndex) return refuse('errors.changeChangesNothing', {}, 'productId', true);
      const contractLine = c.contractLines[target]!;
      const lines = before.lines.map((l, i) => (i === input.lineIndex
        ? { ...l, contractLineIndex: target, productId: contractLine.productId, description: contractLine.description, unit: contractLine.unit, ...priceOrderLine(contractLine, l.quantity) }
        : l));
      const held = new Map(c.heldByOthers);
      lines.forEach((l, i) => { if (i !== input.lineIndex) held.set(l.contractLineIndex, sumQty(held.get(l.contractLineIndex) ?? '0', l.quantity)); });
      const over = overContractRefusal([{ contractLineIndex: target, quantity: line.quantity }], c.contractLines, held, () => 'productId');
      if (over) return { ok: false, refusal: over };
      return { ok: true, after: withLines(before, lines) };
    }
    case 'packaging': {
      const lines = before.lines.map((l) => ({ ...l }));
      for (const [i, change] of input.lines.entries()) {
        const line = lines[change.lineIndex];
        if (!line) return refuse('errors.orderLineUnknown', {}, `lines.${i}.lineIndex`, true);
        lines[change.lineIndex] = { ...line, packaging: change.packaging?.trim() || null };
      }
      return { ok: true, after: { ...before, lines } };
    }
    case 'cancellation': {
      if (before.lines.every((l, i) => money.compare(c.shipped.get(i) ?? '0', l.quantity) >= 0)) return refuse('errors.orderFullyShipped');
      return { ok: true, after: { ...before, status: 'cancelled' } };
    }
    case 'rush': {
      const dueDate = input.dueDate ?? before.dueDate;
      if (dueDate > before.dueDate) return refuse('errors.rushLaterDueDate', { dueDate: before.dueDate }, 'dueDate', true);
      if (input.dueDate && input.dueDate < c.today) return refuse('errors.dueDateInPast', { today: c.today }, 'dueDate', true);
      if (before.priority === 'rush' && dueDate === before.dueDate) return refuse('errors.changeChangesNothing', {}, 'dueDate', true);
      return { ok: true, after: { ...before, priority: 'rush', dueDate } };
    }
  }
}

/**
 * Value a change moves, for the approval chain: a cancellation moves the unshipped value; a quantity
 * change the increase of the order amount (0 for a decrease); other kinds move none.
 */
export function changeValue(kind: OrderChangeKind, before: OrderValues, after: OrderValues, shippedAmount: Money): Money {
  if (kind === 'cancellation') return money.sub(before.amount, shippedAmount);
  if (kind === 'quantity') {
    const increase = money.sub(after.amount, before.amount);
    return money.compare(increase, 0) > 0 ? increase : '0.00';
  }
  return '0.00';
}

/** The sales VP also approves a cancellation or a quantity increase whose value reaches the policy threshold (orders.vpChangeAmount). */
export function needsVpApproval(kind: OrderChangeKind, value: Money, threshold: Money): boolean {
  return (kind === 'cancellation' || kind === 'quantity') && money.compare(value, 0) > 0 && money.compare(value, threshold) >= 0;
}

/** The warehouse is told of rush orders and cancellations when they are applied (they change its picking queue). */
export const notifiesWarehouse = (kind: OrderChangeKind): boolean => kind === 'rush' || kind === 'cancellation';

// ── customer statement (对账单) ──

export interface StatementMovement { date: IsoDate; kind: 'shipment' | 'payment'; reference: string; description: string; amount: Money }

/**
 * The statement's running balance: opening balance, then by date (shipments before payments on the
 * same day) each shipment adds (debit) and each payment subtracts (credit); closing = opening + debits − credits.
 */
export function statementOf(openingBalance: Money, movements: readonly StatementMovement[]) {
  const sorted = [...movements].sort((a, b) => (a.date === b.date ? (a.kind === b.kind ? a.reference.localeCompare(b.reference) : a.kind === 'shipment' ? -1 : 1) : a.date < b.date ? -1 : 1));
  let balance = money.parse(openingBalance);
  let totalDebit = money.parse(0);
  let totalCredit = money.parse(0);
  const entries = sorted.map((m) => {
    const debit = m.kind === 'shipment' ? money.format(m.amount) : '0.00';
    const credit = m.kind === 'payment' ? money.format(m.amount) : '0.00';
    balance = balance.plus(debit).minus(credit);
    totalDebit = totalDebit.plus(debit);
    totalCredit = totalCredit.plus(credit);
    return { date: m.date, kind: m.kind, reference: m.reference, description: m.description, debit, credit, balance: money.format(balance) };
  });
  return { openingBalance: money.format(openingBalance), entries, totalDebit: money.format(totalDebit), totalCredit: money.format(totalCredit), closingBalance: money.format(balance) };
}

/** A report period: from not after to, at most 366 days (one statement year). */
export function periodProblem(from: IsoDate, to: IsoDate): 'from_after_to' | 'too_long' | null {
  if (from > to) return 'from_after_to';
  return daysBetween(from, to) > 366 ? 'too_long' : null;
}
