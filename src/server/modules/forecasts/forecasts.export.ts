import type { ForecastReportDto } from '../../../shared/contracts/forecasts.contract.js';
import { moneyColumn, streamXlsx } from '../../platform/exports/xlsx.js';
import { translate, type Locale } from '../../platform/i18n/translate.js';

type Line = ForecastReportDto['months'][number];

/** The forecast report as a workbook: one line per month, then the period's total. */
export function forecastXlsx(report: ForecastReportDto, locale: Locale) {
  const t = (key: string) => translate(locale, `forecast.report.${key}`);
  const lines: Line[] = [...report.months, { month: t('total'), ...report.totals }];
  async function* pages() { yield lines; }
  return streamXlsx<Line>(t('sheet'), [
    { header: t('month'), width: 12, value: (r) => r.month },
    moneyColumn<Line>(t('weighted'), (r) => r.weighted),
    moneyColumn<Line>(t('commit'), (r) => r.commit),
    moneyColumn<Line>(t('submitted'), (r) => r.submitted),
    moneyColumn<Line>(t('adjusted'), (r) => r.adjusted),
    moneyColumn<Line>(t('won'), (r) => r.won),
    moneyColumn<Line>(t('target'), (r) => r.target),
  ], pages());
}
