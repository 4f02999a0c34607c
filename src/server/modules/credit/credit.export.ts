import type { CreditProfileListItemDto } from '../../../shared/contracts/credit.contract.js';
import { moneyColumn, streamXlsx } from '../../platform/exports/xlsx.js';
import { translate, type Locale } from '../../platform/i18n/translate.js';

/** The credit list as a workbook, one line per customer, same filters and scope as the list. */
export function creditProfilesXlsx(pages: AsyncIterable<CreditProfileListItemDto[]>, locale: Locale) {
  const t = (key: string) => translate(locale, `credit.export.${key}`);
  return streamXlsx<CreditProfileListItemDto>(t('sheet'), [
    { header: t('customer'), width: 32, value: (r) => r.customerName },
    { header: t('owner'), width: 12, value: (r) => r.owner?.name ?? null },
    { header: t('department'), width: 14, value: (r) => r.departmentName },
    { header: t('grade'), width: 10, value: (r) => r.grade ?? t('noProfile') },
    moneyColumn(t('limit'), (r) => r.limit),
    moneyColumn(t('exposure'), (r) => r.exposure),
    moneyColumn(t('available'), (r) => r.available),
    { header: t('termsDays'), width: 12, value: (r) => r.termsDays },
    { header: t('effectiveFrom'), width: 12, value: (r) => r.effectiveFrom },
    { header: t('overLimit'), width: 10, value: (r) => (r.isOverLimit ? t('yes') : null) },
    { header: t('pending'), width: 12, value: (r) => (r.hasPendingRequest ? t('yes') : null) },
  ], pages);
}
