import type { PrintKind } from '../../../shared/contracts/print-templates.contract.js';
import { amountInChineseWords, printDate, printMoney, type PrintModel } from './print-templates.rules.js';

const common = (companyName: string) => ({
  'company.name': companyName,
  'doc.date': printDate('2026-12-01'),
  'customer.name': '杭州云帆智能制造有限公司',
  'customer.address': '浙江省杭州市余杭区文一西路 1818 号云帆科技园 3 号楼',
  'contact.name': '刘洋',
  'contact.phone': '0571-8888 6666',
  'owner.name': '陈静',
  'owner.phone': '138 0000 1234',
  'total.amount': printMoney('125000.00'),
  'total.amountInWords': amountInChineseWords('125000.00'),
  'total.tax': printMoney('14380.53'),
});

const salesLines = [
  { no: '1', product: '工业边缘控制器 KX-200', description: 'KX-200 工业边缘控制器（含 3 年原厂保修）', unit: '台', quantity: '20', unitPrice: printMoney('4500.00'), discount: '0%', taxRate: '13%', amount: printMoney('90000.00') },
  { no: '2', product: '设备联网实施服务', description: '现场部署、联调与操作培训（2 人 × 10 天）', unit: '项', quantity: '1', unitPrice: printMoney('35000.00'), discount: '0%', taxRate: '6%', amount: printMoney('35000.00') },
];

/** Sample documents for the preview of a template (the values a real document of that kind would print). */
export function sampleModel(kind: PrintKind, companyName: string): PrintModel {
  if (kind === 'quote') {
    return {
      kind,
      fields: {
        ...common(companyName), 'doc.number': 'BJ202612-0007', 'quote.validUntil': printDate('2026-12-31'), 'quote.revision': '2',
        'quote.paymentTerms': '合同签订后预付 30%，到货验收后支付 60%，质保金 10% 一年后支付', 'quote.deliveryTerms': '合同生效后 30 日内送达客户指定地点，运费由我方承担',
      },
      lines: salesLines,
    };
  }
  if (kind === 'contract') {
    return {
      kind,
      fields: {
        ...common(companyName), 'doc.number': 'HT2026-0042', 'contract.title': '设备联网改造项目（一期）',
        'contract.buyerParty': '杭州云帆智能制造有限公司', 'contract.sellerParty': companyName,
        'contract.deliveryTerms': '乙方于合同生效后 30 日内将货物送达甲方指定地点（杭州市余杭区），运输及保险费用由乙方承担。\n货物交付时甲方应当场清点数量并签收。',
      },
      lines: salesLines,
      tables: {
        paymentPlan: [
          { no: '1', kind: '预付款', dueDate: printDate('2026-12-10'), amount: printMoney('37500.00'), percent: '30%' },
          { no: '2', kind: '进度款', dueDate: printDate('2027-01-15'), amount: printMoney('75000.00'), percent: '60%' },
          { no: '3', kind: '尾款', dueDate: printDate('2027-12-31'), amount: printMoney('12500.00'), percent: '10%' },
        ],
      },
    };
  }
  if (kind === 'thank_you_letter' || kind === 'collection_notice' || kind === 'lawyer_letter') {
    return {
      kind,
      fields: {
        ...common(companyName), 'doc.number': 'CK202612-0003', 'contract.number': 'HT2026-0042', 'receivable.kind': '进度款',
        'receivable.dueDate': printDate('2026-10-15'), 'receivable.originalDueDate': printDate('2026-10-15'), 'receivable.amount': printMoney('75000.00'),
        'receivable.received': printMoney('25000.00'), 'receivable.outstanding': printMoney('50000.00'), 'receivable.outstandingInWords': amountInChineseWords('50000.00'),
        'receivable.daysOverdue': '47', 'letter.reason': '上述款项已超过合同约定的付款期限，经我司销售代表多次电话提醒，至今仍未支付。',
        'letter.deadline': printDate('2026-12-11'), 'letter.measures': '逾期仍未付款的，我司将暂停向贵司发货，并委托律师发函直至依法提起诉讼，由此产生的一切费用由贵司承担。',
        'letter.note': '', 'lawyer.firm': '上海明理律师事务所',
      },
      lines: [{ no: '1', contractNumber: 'HT2026-0042', kind: '进度款', dueDate: printDate('2026-10-15'), amount: printMoney('75000.00'), received: printMoney('25000.00'), outstanding: printMoney('50000.00'), daysOverdue: '47' }],
      tables: {
        history: [
          { no: '1', date: printDate('2026-10-20'), step: '电话提醒', note: '财务经理表示月底前安排付款' },
          { no: '2', date: printDate('2026-11-02'), step: '催款通知书', note: '快递寄送，已签收' },
        ],
      },
    };
  }
  return {
    kind,
    fields: {
      ...common(companyName), 'doc.number': 'FH202612-0015', 'shipment.plannedDate': printDate('2026-12-05'), 'shipment.carrier': '顺丰速运',
      'shipment.trackingNo': 'SF1234567890123', 'shipment.address': '浙江省杭州市余杭区文一西路 1818 号 3 号楼一层仓库', 'order.number': 'DD202612-0003', 'contract.number': 'HT2026-0042',
    },
    lines: [
      { no: '1', product: '工业边缘控制器 KX-200', description: 'KX-200，含电源适配器与安装支架', unit: '台', quantity: '20', packaging: '纸箱 4 件（5 台/箱）' },
      { no: '2', product: '配套线缆套件', description: '网线 3 m × 20，电源线 × 20', unit: '套', quantity: '20', packaging: '编织袋 1 件' },
    ],
  };
}
