import type { DailyReportDto } from '../../../shared/contracts/reception.contract.js';
import { streamXlsx } from '../../platform/exports/xlsx.js';
import { translate, type Locale } from '../../platform/i18n/translate.js';

type Line = { date: string; source: string; walkInNew: number; walkInReturning: number; calls: number; total: number };

/** The daily report as a workbook: one line per day and channel, then the period's total. */
export function dailyXlsx(report: DailyReportDto, locale: Locale) {
  const t = (key: string) => translate(locale, key);
  const lines: Line[] = [
    ...report.rows.map((r) => ({ ...r, source: t(`reception.source.${r.source}`) })),
    { date: `${report.from} – ${report.to}`, source: t('reception.report.total'), ...report.totals },
  ];
  async function* pages() { yield lines; }
  return streamXlsx<Line>('reception', [
    { header: t('reception.report.date'), width: 24, value: (r) => r.date },
    { header: t('reception.report.source'), value: (r) => r.source },
    { header: t('reception.report.walkInNew'), width: 14, value: (r) => r.walkInNew },
    { header: t('reception.report.walkInReturning'), width: 14, value: (r) => r.walkInReturning },
    { header: t('reception.report.calls'), width: 10, value: (r) => r.calls },
    { header: t('reception.report.total'), width: 10, value: (r) => r.total },
  ], pages());
}
