import type { CreditExecutionReport, DeferralsOpenReport } from '../../../shared/contracts/dunning.contract.js';
import { addDays, addMonths } from '../../../shared/dates.js';
import { money } from '../../../shared/money.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import { moneyColumn, streamXlsx } from '../../platform/exports/xlsx.js';
import type { CommandContext } from '../../platform/http/context.js';
import { translate } from '../../platform/i18n/translate.js';
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

// ── xlsx exports ──────────────────────────────────────────────────────────────────────────────

/**
 * The credit-execution audit as a workbook: one sheet, one line per item, a section column (override
 * shipment / over limit / past terms) so the three lists can be filtered apart in Excel.
 */
export async function creditExecutionXlsx(ctx: CommandContext, month: string) {
  const r = await creditExecutionReport(ctx, month);
  await ctx.db.transaction((tx) => appendAudit(tx, ctx, { entity: 'report', action: 'export', after: { report: 'credit_execution', month, format: 'xlsx' } }));
  const t = (key: string) => translate(ctx.locale, `dunning.export.${key}`);
  interface Row { section: string; number: string | null; customer: string; owner: string | null; grade: string | null; date: string | null; amount: string | null; limit: string | null; exposure: string | null; over: string | null; daysOverdue: number | null }
  const rows: Row[] = [
    ...r.overrideShipments.map((s) => ({ section: t('overrideShipments'), number: s.number, customer: s.customer.name, owner: s.owner.name, grade: null, date: s.shippedOn, amount: s.amount, limit: null, exposure: null, over: null, daysOverdue: null })),
    ...r.overLimit.map((o) => ({ section: t('overLimit'), number: null, customer: o.customer.name, owner: o.owner?.name ?? null, grade: o.grade, date: r.asOf, amount: null, limit: o.limit, exposure: o.exposure, over: o.over, daysOverdue: null })),
    ...r.termsExceeded.map((l) => ({ section: t('termsExceeded'), number: l.contractNumber, customer: l.customer.name, owner: l.owner.name, grade: null, date: l.dueDate, amount: l.outstanding, limit: null, exposure: null, over: null, daysOverdue: l.daysOverdue })),
  ];
  async function* pages() { yield rows; }
  return streamXlsx<Row>(`${t('creditExecution')} ${month}`, [
    { header: t('section'), width: 16, value: (x) => x.section },
    { header: t('number'), width: 20, value: (x) => x.number },
    { header: t('customer'), width: 30, value: (x) => x.customer },
    { header: t('owner'), width: 12, value: (x) => x.owner },
    { header: t('grade'), width: 10, value: (x) => x.grade },
    { header: t('date'), width: 12, value: (x) => x.date },
    moneyColumn<Row>(t('amount'), (x) => x.amount),
    moneyColumn<Row>(t('limit'), (x) => x.limit),
    moneyColumn<Row>(t('exposure'), (x) => x.exposure),
    moneyColumn<Row>(t('over'), (x) => x.over),
    { header: t('daysOverdue'), width: 10, value: (x) => x.daysOverdue },
  ], pages());
}

/** The year-end list of deferrals not cleared as a workbook, with a total line. */
export async function deferralsOpenXlsx(ctx: CommandContext, year: number) {
  const r = await deferralsOpenReport(ctx, year);
  await ctx.db.transaction((tx) => appendAudit(tx, ctx, { entity: 'report', action: 'export', after: { report: 'deferrals_open', year, format: 'xlsx' } }));
  const t = (key: string) => translate(ctx.locale, `dunning.export.${key}`);
  type Row = Omit<DeferralsOpenReport['items'][number], 'customer' | 'owner' | 'receivableId'> & { customer: string; owner: string };
  const rows: Row[] = r.items.map((i) => ({ ...i, customer: i.customer.name, owner: i.owner.name }));
  const total: Row = { contractNumber: '', customer: t('total'), owner: '', originalDueDate: '', deferredTo: '', approvedOn: null, outstanding: r.total, status: '' };
  async function* pages() { yield [...rows, total]; }
  return streamXlsx<Row>(`${t('deferralsOpen')} ${year}`, [
    { header: t('customer'), width: 30, value: (x) => x.customer },
    { header: t('contract'), width: 20, value: (x) => x.contractNumber || null },
    { header: t('owner'), width: 12, value: (x) => x.owner || null },
    { header: t('originalDueDate'), width: 14, value: (x) => x.originalDueDate || null },
    { header: t('deferredTo'), width: 14, value: (x) => x.deferredTo || null },
    { header: t('approvedOn'), width: 14, value: (x) => x.approvedOn },
    moneyColumn<Row>(t('outstanding'), (x) => x.outstanding),
    { header: t('status'), width: 12, value: (x) => x.status || null },
  ], pages());
}
