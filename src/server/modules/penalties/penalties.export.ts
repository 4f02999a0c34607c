import type { PenaltyPersonDto } from '../../../shared/contracts/penalties.contract.js';
import { moneyColumn, streamXlsx } from '../../platform/exports/xlsx.js';
import { translate, type Locale } from '../../platform/i18n/translate.js';

export type StatementXlsxRow = PenaltyPersonDto & { username: string | null };

/** The month's per-person penalty statement as a workbook for payroll: one row per person. */
export function penaltyStatementXlsx(rows: StatementXlsxRow[], locale: Locale) {
  const t = (key: string) => translate(locale, `penalties.export.${key}`);
  async function* pages() { yield rows; }
  return streamXlsx<StatementXlsxRow>(t('sheet'), [
    { header: t('person'), width: 18, value: (r) => r.user?.name ?? t('unassigned') },
    { header: t('username'), width: 14, value: (r) => r.username },
    moneyColumn(t('monthly'), (r) => r.monthly),
    moneyColumn(t('badDebt'), (r) => r.badDebt),
    moneyColumn(t('refund'), (r) => r.refund),
    moneyColumn(t('total'), (r) => r.total),
    { header: t('lineCount'), width: 10, value: (r) => r.lineCount },
  ], pages());
}
