import type { ForecastReportDto } from '../../../shared/contracts/forecasts.contract.js';
import { streamXlsx } from '../../platform/exports/xlsx.js';
import { translate, type Locale } from '../../platform/i18n/translate.js';

type Line = ForecastReportDto['months'][number];

/** Money cells are written as numbers (Excel sums them); the decimal strings have at most 2 places, so no precision is lost below 2^53 cents. */
const num = (value: string | null) => (value === null ? null : Number(value));

/** The forecast report as a workbook: one line per month, then the period's total. */
export function forecastXlsx(report: ForecastReportDto, locale: Locale) {
  const t = (key: string) => translate(locale, `forecast.report.${key}`);
  const lines: Line[] = [...report.months, { month: t('total'), ...report.totals }];
  async function* pages() { yield lines; }
  return streamXlsx<Line>(t('sheet'), [
    { header: t('month'), width: 12, value: (r) => r.month },
    { header: t('weighted'), value: (r) => num(r.weighted) },
    { header: t('commit'), value: (r) => num(r.commit) },
    { header: t('submitted'), value: (r) => num(r.submitted) },
    { header: t('adjusted'), value: (r) => num(r.adjusted) },
    { header: t('won'), value: (r) => num(r.won) },
    { header: t('target'), value: (r) => num(r.target) },
  ], pages());
}
