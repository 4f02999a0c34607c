import type { CustomerStatementDto, ShippingLedgerDto, ShippingLedgerQuery } from '../../../shared/contracts/orders.contract.js';
import type { IsoDate } from '../../../shared/dates.js';
import { invalidField, notFound } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { CommandContext } from '../../platform/http/context.js';
import { translate } from '../../platform/i18n/translate.js';
import { customerAccess } from '../customers/index.js';
import { periodProblem, statementOf, type StatementMovement } from './orders.rules.js';
import { ledgerRows, ledgerTotals, openingBalance, statementPayments, statementShipments } from './statements.repository.js';

function assertPeriod(from: IsoDate, to: IsoDate) {
  const problem = periodProblem(from, to);
  if (problem === 'from_after_to') throw invalidField('from', 'errors.periodFromAfterTo');
  if (problem === 'too_long') throw invalidField('to', 'errors.periodTooLong');
}

/**
 * Shipping ledger (发货流水账, domain §9): every shipment that left the warehouse in the period (local
 * dates of the workspace), by shipping time, within the caller's data scope (shipment owner), with the
 * count and total summed in SQL.
 */
export async function shippingLedger(ctx: CommandContext, q: ShippingLedgerQuery): Promise<ShippingLedgerDto> {
  assertPeriod(q.from, q.to);
  const filter = {
    workspaceId: ctx.workspace.id, timeZone: ctx.workspace.timeZone, owners: await visibleOwners(ctx.db, ctx), from: q.from, to: q.to,
    customerId: q.customerId, ownerId: q.ownerId === 'me' ? ctx.actor.id : q.ownerId,
  };
  const [rows, totals] = await Promise.all([ledgerRows(ctx.db, filter), ledgerTotals(ctx.db, filter)]);
  return {
    from: q.from, to: q.to, count: totals.count, total: money.format(totals.total),
    rows: rows.map((r) => ({
      shipmentId: r.shipmentId, number: r.number, shippedOn: r.shippedOn,
      customer: { id: r.customerId, name: r.customerName }, owner: { id: r.ownerId, name: r.ownerName },
      order: { id: r.orderId, number: r.orderNumber }, contract: { id: r.contractId, number: r.contractNumber },
      carrier: r.carrier, trackingNo: r.trackingNo, amount: money.format(r.amount),
    })),
  };
}

/**
 * Customer statement (对账单) of a customer in the caller's scope (else 404): the opening balance
 * (shipped − received before the period), then by date the shipments (debit) and the payments
 * received (credit) with the running balance, and the closing balance. Payments come from the amounts
 * received on the receivables, dated by their last update, until payments are recorded one by one.
 */
export async function customerStatement(ctx: CommandContext, customerId: string, q: { from: IsoDate; to: IsoDate }): Promise<CustomerStatementDto> {
  assertPeriod(q.from, q.to);
  const access = await customerAccess(ctx.db, ctx, customerId);
  if (!access || !(access.viaScope || access.collaboration)) throw notFound('customer');
  const filter = { workspaceId: ctx.workspace.id, timeZone: ctx.workspace.timeZone, customerId, from: q.from, to: q.to };
  const [opening, shipped, paid] = await Promise.all([openingBalance(ctx.db, filter), statementShipments(ctx.db, filter), statementPayments(ctx.db, filter)]);
  const t = (key: string, params: Record<string, unknown> = {}) => translate(ctx.locale, key, params);
  const movements: StatementMovement[] = [
    ...shipped.map((s) => ({ date: s.date, kind: 'shipment' as const, reference: s.number, description: t('orders.statement.shipment', { order: s.orderNumber }), amount: s.amount })),
    ...paid.map((p) => ({ date: p.date, kind: 'payment' as const, reference: `${p.contractNumber}-${p.planIndex + 1}`, description: t('orders.statement.payment', { contract: p.contractNumber, line: p.planIndex + 1 }), amount: p.amount })),
  ];
  return {
    customer: { id: access.row.id, name: access.row.name, address: access.row.address ?? null },
    from: q.from, to: q.to, ...statementOf(opening, movements), paymentsNote: t('orders.statement.paymentsNote'),
  };
}
