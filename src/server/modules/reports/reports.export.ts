import type { ActivityCountsDto, ActivityReportDto, FunnelReportDto } from '../../../shared/contracts/reports.contract.js';
import { streamXlsx, type XlsxColumn } from '../../platform/exports/xlsx.js';
import { translate, type Locale } from '../../platform/i18n/translate.js';

/** Money cells are written as numbers so Excel can sum them (the JSON keeps exact decimal strings). */
const amount = (value: string | null) => (value === null ? null : Number(value));

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
    { header: t('reports.funnel.amount'), width: 16, value: (r) => amount(r.amount) },
    { header: t('reports.funnel.weightedAmount'), width: 16, value: (r) => amount(r.weightedAmount) },
    { header: t('reports.funnel.entered'), width: 12, value: (r) => r.entered },
    { header: t('reports.funnel.advanced'), width: 12, value: (r) => r.advanced },
    { header: t('reports.funnel.conversion'), width: 12, value: (r) => r.conversion },
    { header: t('reports.funnel.medianDays'), width: 14, value: (r) => r.medianDays },
  ], pages());
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
