import type { CustomerStatementDto, ShippingLedgerDto, ShippingLedgerRow, StatementEntry } from '../../../shared/contracts/orders.contract.js';
import { moneyColumn, streamXlsx } from '../../platform/exports/xlsx.js';
import { translate, type Locale } from '../../platform/i18n/translate.js';

async function* once<T>(rows: T[]) { yield rows; }

/** The shipping ledger as a workbook: one line per shipment and a total line. */
export function shippingLedgerXlsx(ledger: ShippingLedgerDto, locale: Locale) {
  const t = (key: string) => translate(locale, `orders.export.${key}`);
  type Row = Pick<ShippingLedgerRow, 'shippedOn' | 'number' | 'carrier' | 'trackingNo' | 'amount'> & { customer: string; owner: string; order: string; contract: string };
  const rows: Row[] = ledger.rows.map((r) => ({ ...r, customer: r.customer.name, owner: r.owner.name, order: r.order.number, contract: r.contract.number }));
  rows.push({ shippedOn: t('total'), number: '', customer: '', owner: '', order: '', contract: '', carrier: null, trackingNo: null, amount: ledger.total });
  return streamXlsx<Row>(t('ledgerSheet'), [
    { header: t('shippedOn'), width: 12, value: (r) => r.shippedOn },
    { header: t('shipmentNumber'), width: 16, value: (r) => r.number },
    { header: t('customer'), width: 30, value: (r) => r.customer },
    { header: t('owner'), width: 10, value: (r) => r.owner },
    { header: t('order'), width: 16, value: (r) => r.order },
    { header: t('contract'), width: 16, value: (r) => r.contract },
    { header: t('carrier'), width: 14, value: (r) => r.carrier },
    { header: t('trackingNo'), width: 18, value: (r) => r.trackingNo },
    moneyColumn(t('amount'), (r) => r.amount),
  ], once(rows));
}

/** The customer statement as a workbook: opening balance, the entries with the running balance, closing balance. */
export function customerStatementXlsx(s: CustomerStatementDto, locale: Locale) {
  const t = (key: string) => translate(locale, `orders.export.${key}`);
  type Row = Pick<StatementEntry, 'date' | 'reference' | 'description' | 'balance'> & { debit: string | null; credit: string | null };
  const rows: Row[] = [
    { date: s.from, reference: '', description: t('opening'), debit: null, credit: null, balance: s.openingBalance },
    ...s.entries,
    { date: s.to, reference: '', description: t('closing'), debit: s.totalDebit, credit: s.totalCredit, balance: s.closingBalance },
  ];
  return streamXlsx<Row>(`${t('statementSheet')} ${s.customer.name}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), [
    { header: t('date'), width: 12, value: (r) => r.date },
    { header: t('reference'), width: 18, value: (r) => r.reference },
    { header: t('description'), width: 32, value: (r) => r.description },
    moneyColumn(t('debit'), (r) => r.debit),
    moneyColumn(t('credit'), (r) => r.credit),
    moneyColumn(t('balance'), (r) => r.balance),
  ], once(rows));
}
