import type { AgingLinesDto, AgingLinesQuery, AgingQuery, AgingReportDto, CollectionRateDto, CollectionRateQuery } from '../../../shared/contracts/receivables.contract.js';
import { todayIn } from '../../../shared/dates.js';
import { invalidField } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import { moneyColumn, streamXlsx } from '../../platform/exports/xlsx.js';
import type { CommandContext } from '../../platform/http/context.js';
import { translate } from '../../platform/i18n/translate.js';
import { agingLineRows, agingRows, collectionRows, type AgingRow } from './receivables.aging.repository.js';
import { agingBucket, agingBuckets, collectionRate, type AgingBucket } from './receivables.aging.rules.js';


/**
 * The aging report (账龄分析, domain §11.1) of the caller's scope as of a day, per customer, owner or
 * team: outstanding money in the buckets not due, 1–30, 31–60, 61–90, 91–120, > 120 days overdue, the
 * overdue part and the totals. Payments received after asOf do not count.
 */
export async function getAging(ctx: CommandContext, q: AgingQuery, opts: { allRows?: boolean } = {}): Promise<AgingReportDto> {
  const asOf = q.asOf ?? todayIn(ctx.workspace.timeZone);
  const { rows, totals, groups } = await agingRows(ctx.db, {
    workspaceId: ctx.workspace.id, owners: await visibleOwners(ctx.db, ctx), asOf, groupBy: q.groupBy, limit: opts.allRows ? undefined : q.limit,
  });
  const fallback = translate(ctx.locale, q.groupBy === 'team' ? 'receivables.aging.noTeam' : 'receivables.aging.unknown');
  const figures = (r: AgingRow) => ({
    buckets: Object.fromEntries(agingBuckets.map((b) => [b, money.format(r.buckets[b])])) as Record<AgingBucket, string>,
    total: money.format(r.total), overdue: money.format(r.overdue), lines: r.lines,
  });
  return {
    asOf, groupBy: q.groupBy, groups,
    rows: rows.map((r) => ({ key: r.key, name: r.name ?? fallback, ...figures(r) })),
    totals: figures(totals),
  };
}

/** The lines behind an aging cell (drill-down): bucket and one of customer, owner or team, as of a day. */
export async function getAgingLines(ctx: CommandContext, q: AgingLinesQuery): Promise<AgingLinesDto> {
  const asOf = q.asOf ?? todayIn(ctx.workspace.timeZone);
  const rows = await agingLineRows(ctx.db, {
    workspaceId: ctx.workspace.id, owners: await visibleOwners(ctx.db, ctx), asOf, bucket: q.bucket, customerId: q.customerId, ownerId: q.ownerId, teamId: q.teamId, limit: q.limit,
  });
  return {
    asOf,
    items: rows.map((r) => ({
      receivableId: r.receivableId, contract: { id: r.contractId, number: r.contractNumber }, customer: { id: r.customerId, name: r.customerName },
      owner: { id: r.ownerId, name: r.ownerName ?? '—' }, kind: r.kind as AgingLinesDto['items'][number]['kind'], dueDate: r.dueDate, amount: money.format(r.amount),
      outstanding: money.format(r.outstanding), daysOverdue: Math.max(0, Number(r.days)), bucket: agingBucket(r.dueDate, asOf),
    })),
  };
}

/**
 * Collection rate (回款率) per owner or team for a period: collected in [from, to] ÷ due in [from, to]
 * (see collectionRows for what each counts), with the totals.
 */
export async function getCollectionRate(ctx: CommandContext, q: CollectionRateQuery): Promise<CollectionRateDto> {
  if (q.from > q.to) throw invalidField('to', 'errors.dateRangeOrder');
  const rows = await collectionRows(ctx.db, { workspaceId: ctx.workspace.id, owners: await visibleOwners(ctx.db, ctx), from: q.from, to: q.to, groupBy: q.groupBy });
  const due = rows.length ? money.add(...rows.map((r) => r.due)) : '0.00';
  const collected = rows.length ? money.add(...rows.map((r) => r.collected)) : '0.00';
  const fallback = translate(ctx.locale, q.groupBy === 'team' ? 'receivables.aging.noTeam' : 'receivables.aging.unknown');
  return {
    from: q.from, to: q.to, groupBy: q.groupBy,
    rows: rows.map((r) => ({ key: r.key, name: r.name ?? fallback, due: money.format(r.due), collected: money.format(r.collected), rate: collectionRate(r.collected, r.due) })),
    totals: { due, collected, rate: collectionRate(collected, due) },
  };
}

/** The aging report as a workbook: one line per group, a column per bucket, and the totals. */
export async function agingXlsx(ctx: CommandContext, q: AgingQuery) {
  const report = await getAging(ctx, q, { allRows: true });
  const t = (key: string) => translate(ctx.locale, `receivables.aging.${key}`);
  type Row = AgingReportDto['rows'][number];
  const total: Row = { key: null, name: t('total'), buckets: report.totals.buckets, total: report.totals.total, overdue: report.totals.overdue, lines: report.totals.lines };
  async function* pages() { yield [...report.rows, total]; }
  return streamXlsx<Row>(`${t('sheet')} ${report.asOf}`, [
    { header: t(`group.${q.groupBy}`), width: 30, value: (r) => r.name },
    ...agingBuckets.map((b) => moneyColumn<Row>(t(`bucket.${b}`), (r) => r.buckets[b])),
    moneyColumn<Row>(t('overdue'), (r) => r.overdue),
    moneyColumn<Row>(t('total'), (r) => r.total),
    { header: t('lines'), width: 10, value: (r) => r.lines },
  ], pages());
}
