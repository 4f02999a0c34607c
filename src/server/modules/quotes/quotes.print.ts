import { amountInChineseWords, printDate, printMoney, type PrintModel } from '../print-templates/index.js';
import type { quotePrintData } from './quotes.service.js';
import type { QuoteLine } from './quotes.rules.js';

const pct = (v: string) => `${v}%`;

/** The builder writes a catalogue line as "name（spec）": print the name and the spec in their own columns. */
function productAndSpec(description: string): { product: string; description: string } {
  const match = /^(.+?)（(.+)）$/.exec(description);
  return match ? { product: match[1]!, description: match[2]! } : { product: description, description: '' };
}

/** The quote as the agreed print model (team interface): formatted fields and the line table. */
export function quotePrintModel(d: Awaited<ReturnType<typeof quotePrintData>>): PrintModel {
  const { row, totals } = d;
  const terms = [
    Number(row.prepaymentPct) > 0 ? `预付 ${Number(row.prepaymentPct)}%，余款于合同签订后 ${row.balanceDays} 天内付清` : `合同签订后 ${row.balanceDays} 天内付清`,
    row.paymentText ?? '',
  ].filter(Boolean).join('；');
  return {
    kind: 'quote',
    fields: {
      'company.name': d.companyName,
      'doc.number': row.number,
      'doc.date': printDate(row.quoteDate),
      'customer.name': d.customer?.name ?? '',
      'customer.address': d.customer?.address ?? '',
      'contact.name': d.contact?.name ?? '',
      'contact.phone': d.contact?.mobile ?? d.contact?.phone ?? '',
      'owner.name': d.owner?.name ?? '',
      'owner.phone': '',
      'total.amount': printMoney(totals.total),
      'total.amountInWords': amountInChineseWords(totals.total),
      'total.tax': printMoney(totals.taxAmount),
      'quote.validUntil': printDate(row.validUntil),
      'quote.paymentTerms': terms,
      'quote.deliveryTerms': row.deliveryTerms ?? '',
      'quote.revision': String(row.revision),
    },
    lines: (row.lines as QuoteLine[]).map((l, i) => ({
      no: String(i + 1), ...productAndSpec(l.description), unit: l.unit, quantity: l.quantity,
      unitPrice: printMoney(l.unitPrice), discount: pct(l.discountPct), taxRate: pct(l.taxRate), amount: printMoney(l.amount),
    })),
  };
}
