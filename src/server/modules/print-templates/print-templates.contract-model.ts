import type { ContractDto } from '../../../shared/contracts/contracts.contract.js';
import { money } from '../../../shared/money.js';
import { amountInChineseWords, printDate, printMoney, type PrintModel } from './print-templates.rules.js';

const paymentKinds: Record<string, string> = { prepayment: '预付款', progress: '进度款', balance: '尾款' };

/** A decimal as printed: no trailing zeros ('20.0000' → '20', '12.50' → '12.5'). */
const plain = (value: string) => money.parse(value).toString();
const percent = (value: string) => `${plain(value)}%`;

export interface ContractPrintExtras {
  companyName: string;
  customerAddress: string | null;
  contactName: string | null;
  contactPhone: string | null;
  ownerPhone: string | null;
  productNames: ReadonlyMap<string, string>;
}

/**
 * The print model of a contract: parties, lines (product name when the line has a product, else its
 * description), totals with 大写金额, and the payment plan with each instalment's share of the amount
 * (the printed share when the plan gives one, else computed to two decimals).
 */
export function contractPrintModel(contract: ContractDto, extras: ContractPrintExtras): PrintModel {
  return {
    kind: 'contract',
    fields: {
      'company.name': extras.companyName,
      'doc.number': contract.number,
      'doc.date': printDate(contract.contractDate),
      'customer.name': contract.customer.name,
      'customer.address': extras.customerAddress ?? '',
      'contact.name': extras.contactName ?? '',
      'contact.phone': extras.contactPhone ?? '',
      'owner.name': contract.owner.name,
      'owner.phone': extras.ownerPhone ?? '',
      'total.amount': printMoney(contract.amount),
      'total.amountInWords': amountInChineseWords(contract.amount),
      'total.tax': printMoney(contract.taxAmount),
      'contract.title': contract.title,
      'contract.buyerParty': contract.buyerParty,
      'contract.sellerParty': contract.sellerParty,
      'contract.deliveryTerms': contract.deliveryTerms ?? '',
    },
    lines: contract.lines.map((line, i) => ({
      no: String(i + 1),
      product: (line.productId ? extras.productNames.get(line.productId) : undefined) ?? line.description,
      description: line.description,
      unit: line.unit,
      quantity: plain(line.quantity),
      unitPrice: printMoney(line.unitPrice),
      discount: percent(line.discountPct),
      taxRate: percent(line.taxRate),
      amount: printMoney(line.amount),
    })),
    tables: {
      paymentPlan: contract.paymentPlan.map((p, i) => ({
        no: String(i + 1),
        kind: paymentKinds[p.kind] ?? p.kind,
        dueDate: printDate(p.dueDate),
        amount: printMoney(p.amount),
        percent: p.percent !== null ? percent(p.percent)
          : money.compare(contract.amount, 0) > 0 ? percent(money.format(money.parse(p.amount).div(contract.amount).times(100))) : '',
      })),
    },
  };
}

/** Content-Disposition of a printed document: shown in the browser, saved as <number>.pdf (UTF-8 name per RFC 5987). */
export function inlinePdfDisposition(number: string): string {
  const fileName = `${number}.pdf`;
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `inline; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
