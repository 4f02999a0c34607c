import type { ActivityCountsDto, ActivityReportDto, FunnelReportDto } from '../../../shared/contracts/reports.contract.js';
import { formatMoney } from '../../../shared/money-format.js';
import { pdfTable, renderPdf } from '../../platform/exports/pdf.js';
import { moneyColumn, streamXlsx, type XlsxColumn } from '../../platform/exports/xlsx.js';
import { translate, type Locale } from '../../platform/i18n/translate.js';

type FunnelLine = {
  stage: string; category: string | null; count: number; amount: string; weightedAmount: string | null;
  entered: number | null; advanced: number | null; conversion: number | null; medianDays: number | null;
};

/** The funnel report as a workbook: one line per stage, then the open total, the period's wins and losses. */
export function funnelXlsx(report: FunnelReportDto, locale: Locale) {
  const t = (key: string) => translate(locale, key);
  const lines: FunnelLine[] = [
    ...report.stages.map((s) => ({
      stage: s.name, category: t(`reports.category.${s.funnelCategory}`), count: s.count, amount: s.amount, weightedAmount: s.weightedAmount,
      entered: s.entered, advanced: s.advanced, conversion: s.conversionPercent, medianDays: s.medianDaysInStage,
    })),
    { stage: t('reports.funnel.total'), category: null, count: report.totals.openCount, amount: report.totals.openAmount, weightedAmount: report.totals.weightedAmount, entered: null, advanced: null, conversion: null, medianDays: null },
    { stage: t('reports.funnel.won'), category: null, count: report.totals.wonCount, amount: report.totals.wonAmount, weightedAmount: null, entered: null, advanced: null, conversion: null, medianDays: null },
    { stage: t('reports.funnel.lost'), category: null, count: report.totals.lostCount, amount: report.totals.lostAmount, weightedAmount: null, entered: null, advanced: null, conversion: null, medianDays: null },
  ];
  async function* pages() { yield lines; }
  return streamXlsx<FunnelLine>(t('reports.funnel.sheet'), [
    { header: t('reports.funnel.stage'), width: 20, value: (r) => r.stage },
    { header: t('reports.funnel.category'), width: 14, value: (r) => r.category },
    { header: t('reports.funnel.count'), width: 10, value: (r) => r.count },
    moneyColumn(t('reports.funnel.amount'), (r) => r.amount, 16),
    moneyColumn(t('reports.funnel.weightedAmount'), (r) => r.weightedAmount, 16),
    { header: t('reports.funnel.entered'), width: 12, value: (r) => r.entered },
    { header: t('reports.funnel.advanced'), width: 12, value: (r) => r.advanced },
    { header: t('reports.funnel.conversion'), width: 12, value: (r) => r.conversion },
    { header: t('reports.funnel.medianDays'), width: 14, value: (r) => r.medianDays },
  ], pages());
}

const yuan = (value: string | null) => (value === null ? null : formatMoney(value, { symbol: false }));
const percentText = (value: number | null) => (value === null ? null : `${value}%`);

/**
 * The funnel report as a printable PDF (A4 landscape): the filters, the totals, the funnel by
 * category and the stage table, with the same numbers as the JSON and the workbook.
 */
export function funnelPdf(report: FunnelReportDto, locale: Locale, filters: { department: string | null; owner: string | null; generatedAt: string }) {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(locale, key, params);
  const categoryName = (c: string) => (c === 'order' ? t('reports.funnel.won') : t(`reports.category.${c}`));
  const subtitle = [
    `${t('reports.pdf.pipeline')}: ${report.pipeline.name}    ${t('reports.pdf.period')}: ${report.from} – ${report.to}    ${t('reports.pdf.asOf')}: ${report.asOf}`,
    `${t('reports.pdf.department')}: ${filters.department ?? t('reports.pdf.all')}    ${t('reports.pdf.owner')}: ${filters.owner ?? t('reports.pdf.all')}`,
  ];
  const totals = pdfTable(
    [t('reports.funnel.total'), t('reports.funnel.amount'), t('reports.funnel.weightedAmount'), t('reports.funnel.won'), t('reports.funnel.lost'), t('reports.pdf.winRate')],
    [[
      report.totals.openCount, yuan(report.totals.openAmount), yuan(report.totals.weightedAmount),
      `${report.totals.wonCount} · ${yuan(report.totals.wonAmount)!}`, `${report.totals.lostCount} · ${yuan(report.totals.lostAmount)!}`, percentText(report.totals.winRatePercent),
    ]],
    { numeric: [0, 1, 2, 3, 4, 5], widths: ['*', '*', '*', '*', '*', '*'] },
  );
  const categories = pdfTable(
    [t('reports.funnel.category'), t('reports.funnel.count'), t('reports.funnel.amount'), t('reports.funnel.weightedAmount')],
    report.categories.map((c) => [categoryName(c.category), c.count, yuan(c.amount), yuan(c.weightedAmount)]),
    { numeric: [1, 2, 3], widths: ['*', 60, 110, 110] },
  );
  const stages = pdfTable(
    [t('reports.funnel.stage'), t('reports.funnel.category'), t('reports.funnel.count'), t('reports.funnel.amount'), t('reports.funnel.weightedAmount'),
      t('reports.funnel.entered'), t('reports.funnel.advanced'), t('reports.funnel.conversion'), t('reports.funnel.medianDays')],
    report.stages.map((s) => [
      s.name, t(`reports.category.${s.funnelCategory}`), s.count, yuan(s.amount), yuan(s.weightedAmount), s.entered, s.advanced, s.conversionPercent, s.medianDaysInStage,
    ]),
    { numeric: [2, 3, 4, 5, 6, 7, 8], widths: ['*', 'auto', 'auto', 90, 90, 'auto', 'auto', 'auto', 'auto'] },
  );
  return renderPdf({
    title: t('reports.pdf.funnelTitle'), subtitle, landscape: true, generatedAt: `${t('reports.pdf.generatedAt')} ${filters.generatedAt}`,
    content: [
      totals,
      { text: t('reports.pdf.byCategory'), bold: true, margin: [0, 4, 0, 0] }, categories,
      { text: t('reports.pdf.byStage'), bold: true, margin: [0, 4, 0, 0] }, stages,
    ],
  });
}

type ActivityLine = ActivityCountsDto & { team: string; rep: string | null };

const countColumns = [
  'visits', 'calls', 'emails', 'meetings', 'others', 'callReportsSent', 'tasksDone', 'tasksOverdue', 'visitsPlanned', 'plannedVisitsDone', 'plannedVisitsMissed',
] as const;

/** The activity report as a workbook: each team's reps, then the team's subtotal; the grand total last. */
export function activitiesXlsx(report: ActivityReportDto, locale: Locale) {
  const t = (key: string) => translate(locale, key);
  const teamName = (name: string | null) => name ?? t('reports.activities.noTeam');
  const lines: ActivityLine[] = [
    ...report.teams.flatMap((team) => [
      ...report.reps.filter((r) => r.departmentId === team.departmentId).map((r) => ({ ...r, team: teamName(r.departmentName), rep: r.name })),
      { ...team, team: teamName(team.departmentName), rep: t('reports.activities.subtotal') },
    ]),
    { ...report.totals, team: t('reports.activities.total'), rep: null },
  ];
  async function* pages() { yield lines; }
  const columns: XlsxColumn<ActivityLine>[] = [
    { header: t('reports.activities.team'), width: 16, value: (r) => r.team },
    { header: t('reports.activities.rep'), width: 14, value: (r) => r.rep },
    ...countColumns.map((key): XlsxColumn<ActivityLine> => ({ header: t(`reports.activities.${key}`), width: 12, value: (r) => r[key] })),
    { header: t('reports.activities.adherence'), width: 14, value: (r) => r.adherencePercent },
  ];
  return streamXlsx<ActivityLine>(t('reports.activities.sheet'), columns, pages());
}
