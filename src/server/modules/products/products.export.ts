import type { ProductDto } from '../../../shared/contracts/products.contract.js';
import { moneyCell, moneyColumn, streamXlsx, type XlsxColumn } from '../../platform/exports/xlsx.js';
import { translate, type Locale } from '../../platform/i18n/translate.js';

/** The product list as a workbook, same filters as the list; the cost column only for those who may see costs. */
export function productsXlsx(pages: AsyncIterable<ProductDto[]>, locale: Locale, withCost: boolean) {
  const t = (key: string) => translate(locale, `products.export.${key}`);
  const columns: XlsxColumn<ProductDto>[] = [
    { header: t('code'), width: 16, value: (r) => r.code },
    { header: t('name'), width: 30, value: (r) => r.name },
    { header: t('kind'), width: 8, value: (r) => t(`kind.${r.kind}`) },
    { header: t('unit'), width: 6, value: (r) => r.unit },
    { header: t('category'), width: 14, value: (r) => r.category },
    { header: t('spec'), width: 30, value: (r) => r.spec },
    moneyColumn(t('listPrice'), (r) => r.listPrice),
    moneyColumn(t('floorPrice'), (r) => r.floorPrice),
    { header: t('floatRange'), width: 12, value: (r) => moneyCell(r.floatRange) },
    ...(withCost ? [moneyColumn<ProductDto>(t('cost'), (r) => r.cost)] : []),
    { header: t('taxRate'), width: 10, value: (r) => moneyCell(r.taxRate) },
    { header: t('effectiveFrom'), width: 12, value: (r) => r.priceEffectiveFrom },
    { header: t('status'), width: 14, value: (r) => (!r.isActive ? t('inactive') : r.listPrice === null ? t('unpriced') : t('active')) },
  ];
  return streamXlsx<ProductDto>(t('sheet'), columns, pages);
}
