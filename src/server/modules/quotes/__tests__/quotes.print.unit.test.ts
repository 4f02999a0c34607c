import { describe, expect, it } from 'vitest';
import { quotePrintModel } from '../quotes.print.js';

const row = {
  number: 'BJ202612-0001', revision: 2, quoteDate: '2026-12-01', validUntil: '2026-12-31', prepaymentPct: '30.00', balanceDays: 30,
  paymentText: '验收后开票', deliveryTerms: '合同生效后 15 个工作日内送货', total: '52864.00',
  lines: [
    { productId: 'p', description: '电磁流量计 EMF-50（DN50，衬里 PTFE）', unit: '台', quantity: '4', unitPrice: '12800.00', discountPct: '3', taxRate: '13', amount: '49664.00', taxAmount: '5713.56' },
    { productId: null, description: '现场安装调试', unit: '项', quantity: '1', unitPrice: '3200.00', discountPct: '0', taxRate: '6', amount: '3200.00', taxAmount: '181.13' },
  ],
};

describe('the quote as the print model', () => {
  it('formats money, dates, terms and lines for print (agreed field names)', () => {
    const model = quotePrintModel({
      row: row as never, companyName: '示例科技有限公司',
      totals: { listAmount: '54400.00', discountAmount: '1536.00', discountPct: '2.82', netAmount: '46969.31', taxAmount: '5894.69', total: '52864.00' },
      customer: { id: 'c', name: '上海卓越物流有限公司', address: '上海市静安区江场路893号', valueClass: 'C' },
      contact: { id: 'k', name: '王经理', mobile: '13800000000', phone: null }, owner: { id: 'u', name: '陈静' },
    });
    expect(model.kind).toBe('quote');
    expect(model.fields).toMatchObject({
      'company.name': '示例科技有限公司', 'doc.number': 'BJ202612-0001', 'doc.date': '2026年12月1日', 'customer.name': '上海卓越物流有限公司',
      'contact.name': '王经理', 'contact.phone': '13800000000', 'owner.name': '陈静', 'total.amount': '52,864.00', 'total.tax': '5,894.69',
      'quote.validUntil': '2026年12月31日', 'quote.revision': '2', 'quote.deliveryTerms': '合同生效后 15 个工作日内送货',
      'quote.paymentTerms': '预付 30%，余款于合同签订后 30 天内付清；验收后开票',
    });
    expect(model.lines).toEqual([
      { no: '1', product: '电磁流量计 EMF-50', description: 'DN50，衬里 PTFE', unit: '台', quantity: '4', unitPrice: '12,800.00', discount: '3%', taxRate: '13%', amount: '49,664.00' },
      { no: '2', product: '现场安装调试', description: '', unit: '项', quantity: '1', unitPrice: '3,200.00', discount: '0%', taxRate: '6%', amount: '3,200.00' },
    ]);
  });
});
