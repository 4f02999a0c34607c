import type { CreditExecutionReport, DeferralsOpenReport } from '../../../shared/contracts/dunning.contract.js';
import { addDays, addMonths } from '../../../shared/dates.js';
import { money } from '../../../shared/money.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { CommandContext } from '../../platform/http/context.js';
import { customerExposure, isOverLimit } from '../credit/index.js';
import { deferralApprovedOn, deferredLinesOpenAt, namesFor, overdueLines, overrideShipments, profiledCustomers } from './dunning.repository.js';
import { daysOverdue } from './dunning.rules.js';

/** The last day of a month 'YYYY-MM'. */
const monthEnd = (month: string) => addDays(addMonths(`${month}-01`, 1), -1);

/**
 * The monthly credit-execution audit (信用执行情况, domain §10 "finance audits credit execution
 * monthly"), within the caller's scope: shipments of the month made on an approved over-credit
 * override; customers whose exposure at month end is above their limit; lines past their terms at
 * month end (open or partial, due before the last day) with days overdue — terms exceeded are reported
 * to the sales manager and GM.
 */
export async function creditExecutionReport(ctx: CommandContext, month: string): Promise<CreditExecutionReport> {
  const db = ctx.db;
  const ws = ctx.workspace.id;
  const asOf = monthEnd(month);
  const owners = await visibleOwners(db, ctx);
  const shipped = await overrideShipments(db, { workspaceId: ws, owners, from: `${month}-01`, to: asOf, timeZone: ctx.workspace.timeZone });
  const profiles = await profiledCustomers(db, { workspaceId: ws, owners });
  const exposures = await customerExposure(db, ws, profiles.map((p) => p.customerId), asOf);
  const over = profiles.filter((p) => isOverLimit(p.limit, exposures.get(p.customerId) ?? '0.00'));
  const late = await overdueLines(db, { workspaceId: ws, owners, asOf: addDays(asOf, 1), limit: 2000 });
  const names = await namesFor(db, ws, {
    contractIds: late.map((l) => l.contractId), customerIds: [...shipped.map((s) => s.customerId), ...late.map((l) => l.customerId)],
    userIds: [...shipped.map((s) => s.ownerId), ...over.map((o) => o.ownerId ?? ''), ...late.map((l) => l.ownerId)],
  });
  const person = (id: string, map: Map<string, { name: string }>) => ({ id, name: map.get(id)?.name ?? '—' });
  return {
    month, asOf,
    overrideShipments: shipped.map((s) => ({
      shipmentId: s.id, number: s.number, customer: person(s.customerId, names.customers), owner: person(s.ownerId, names.users),
      amount: money.format(s.amount), shippedOn: s.shippedOn, approvalId: s.approvalId,
    })),
    overLimit: over.map((o) => {
      const exposure = exposures.get(o.customerId) ?? '0.00';
      return {
        customer: { id: o.customerId, name: o.name }, owner: o.ownerId ? person(o.ownerId, names.users) : null, grade: o.grade,
        limit: money.format(o.limit), exposure: money.format(exposure), over: money.sub(exposure, o.limit),
      };
    }),
    termsExceeded: late.map((l) => ({
      receivableId: l.id, contractNumber: names.contracts.get(l.contractId)?.number ?? '—', customer: person(l.customerId, names.customers),
      owner: person(l.ownerId, names.users), dueDate: l.dueDate, deferredFrom: l.deferredFrom, outstanding: money.sub(l.amount, l.received),
      daysOverdue: daysOverdue(l.dueDate, asOf),
    })),
  };
}

/**
 * Deferred payments not cleared by 31 December (domain §10 "all deferred payments must be cleared by
 * 31 December each year"): lines with an approved deferral that were neither paid nor written off by
 * that day, in the caller's scope. The amount shown is what is owed today (payments after 31 December
 * of a line still open are not told apart; a line paid later shows its full amount as open then).
 */
export async function deferralsOpenReport(ctx: CommandContext, year: number): Promise<DeferralsOpenReport> {
  const db = ctx.db;
  const asOf = `${year}-12-31`;
  const owners = await visibleOwners(db, ctx);
  const rows = (await deferredLinesOpenAt(db, { workspaceId: ctx.workspace.id, owners, asOf })).filter((r) => (r.deferredFrom ?? '') <= asOf);
  const approved = await deferralApprovedOn(db, ctx.workspace.id, rows.map((r) => r.id));
  const kept = rows.filter((r) => { const on = approved.get(r.id); return on === undefined || on <= asOf; });
  const names = await namesFor(db, ctx.workspace.id, { contractIds: kept.map((r) => r.contractId), customerIds: kept.map((r) => r.customerId), userIds: kept.map((r) => r.ownerId) });
  const items = kept.map((r) => ({
    receivableId: r.id, contractNumber: names.contracts.get(r.contractId)?.number ?? '—',
    customer: { id: r.customerId, name: names.customers.get(r.customerId)?.name ?? '—' }, owner: { id: r.ownerId, name: names.users.get(r.ownerId)?.name ?? '—' },
    originalDueDate: r.deferredFrom!, deferredTo: r.dueDate,
    outstanding: r.status === 'open' || r.status === 'partial' ? money.sub(r.amount, r.received) : money.format(r.amount),
    status: r.status, approvedOn: approved.get(r.id) ?? null,
  }));
  return { year, asOf, items, total: items.reduce((sum, i) => money.add(sum, i.outstanding), '0.00') };
}
