import type { PrintKind } from '../../../shared/contracts/print-templates.contract.js';

/**
 * The built-in templates (zh-CN), printed while a workspace has none of its own: our company header,
 * the title, the parties, the line table, totals with 大写金额, the terms, signature and stamp blocks.
 */
export const defaultTemplates: Record<PrintKind, string> = {
  quote: `^^ {{company.name}}
# 报 价 单
>> 报价单号：{{doc.number}}\u3000\u3000报价日期：{{doc.date}}\u3000\u3000版本：{{quote.revision}}
---
[columns]
## 致（客户）
客户名称：{{customer.name}}
地址：{{customer.address}}
联系人：{{contact.name}}\u3000\u3000电话：{{contact.phone}}
[next]
## 报价单位
单位名称：{{company.name}}
销售代表：{{owner.name}}
电话：{{owner.phone}}
[/columns]

感谢贵司对我司产品与服务的关注，现将报价明细列示如下：

[lines]
[totals]

## 报价条款
1. 报价有效期至：{{quote.validUntil}}
2. 付款方式：{{quote.paymentTerms}}
3. 交付条款：{{quote.deliveryTerms}}
4. 以上单价均为含税价，我司开具增值税专用发票。

[signature 客户确认（签字/盖章） | 报价单位（盖章）：{{company.name}}]
`,
  contract: `^^ {{company.name}}
# 销 售 合 同
>> 合同编号：{{doc.number}}
>> 签订日期：{{doc.date}}
---
[columns]
甲方（买方）：{{contract.buyerParty}}
地址：{{customer.address}}
联系人：{{contact.name}}
电话：{{contact.phone}}
[next]
乙方（卖方）：{{contract.sellerParty}}
经办人：{{owner.name}}
电话：{{owner.phone}}
[/columns]

甲乙双方根据《中华人民共和国民法典》及有关法律法规，本着平等自愿、诚实信用的原则，就“{{contract.title}}”事宜经友好协商一致，订立本合同，以资共同遵守。

## 一、合同标的
[lines no description=货物名称及规格 unit quantity unitPrice discount taxRate amount]
[totals]

## 二、付款方式
甲方按下列付款计划向乙方支付合同款项，乙方收款后开具等额增值税专用发票：
[table paymentPlan]

## 三、交货条款
{{contract.deliveryTerms}}

## 四、质量与验收
乙方保证所供货物为全新、合格产品，符合国家标准及双方约定的技术要求。甲方应在货物到达后七个工作日内完成验收，逾期未提出书面异议的视为验收合格。

## 五、违约责任
任何一方违反本合同约定，应承担相应的违约责任并赔偿对方因此造成的损失。甲方逾期付款的，每逾期一日按逾期金额的万分之五向乙方支付违约金。

## 六、争议解决
因本合同引起的争议，双方应友好协商解决；协商不成的，任何一方均可向乙方所在地有管辖权的人民法院提起诉讼。

## 七、其他
本合同一式两份，甲乙双方各执一份，具有同等法律效力，自双方签字盖章之日起生效。

[signature 甲方（盖章）：{{contract.buyerParty}} | 乙方（盖章）：{{contract.sellerParty}}]
`,
  delivery_note: `^^ {{company.name}}
# 发 货 单
>> 发货单号：{{doc.number}}\u3000\u3000日期：{{doc.date}}
---
[columns]
收货单位：{{customer.name}}
收货地址：{{shipment.address}}
联系人：{{contact.name}}\u3000\u3000电话：{{contact.phone}}
[next]
订单编号：{{order.number}}
合同编号：{{contract.number}}
计划发货日期：{{shipment.plannedDate}}
承运商：{{shipment.carrier}}\u3000\u3000运单号：{{shipment.trackingNo}}
[/columns]

[lines]

备注：请收货单位当场清点货物数量并检查外包装，如有破损或短缺，请在签收时注明。

[signature 发货人（签字） | 收货人（签字/盖章）]
`,
  thank_you_letter: `^^ {{company.name}}
# 感 谢 函
>> 编号：{{doc.number}}\u3000\u3000日期：{{doc.date}}
---
{{customer.name}}：

承蒙贵司长期以来对我司的信任与支持，双方合作一贯良好，我司深表感谢！

根据双方签订的合同（编号 {{contract.number}}），下列款项已于 {{receivable.dueDate}} 到期，截至本函发出之日尚有人民币 {{receivable.outstanding}} 元（大写：{{receivable.outstandingInWords}}）未结清。我们理解贵司可能因付款流程安排稍有延迟，特此友情提示，烦请贵司财务部门于 {{letter.deadline}} 前安排支付。

[lines]

如款项已经支付，请忽略本函，并再次感谢贵司的支持与合作！如有疑问，请与我司销售代表 {{owner.name}} 联系。

[signature 此致 敬礼 | {{company.name}}（盖章）]
`,
  collection_notice: `^^ {{company.name}}
# 催 款 通 知 书
>> 编号：{{doc.number}}\u3000\u3000日期：{{doc.date}}
---
{{customer.name}}：

贵我双方签订的合同（编号 {{contract.number}}）约定的下列款项已于 {{receivable.dueDate}} 到期，截至本通知书发出之日已逾期 {{receivable.daysOverdue}} 天，尚欠人民币 {{receivable.outstanding}} 元（大写：{{receivable.outstandingInWords}}）。

## 一、欠款明细
[lines]

## 二、催款事由
{{letter.reason}}

## 三、催收记录
[table history]

## 四、付款期限
请贵司于 {{letter.deadline}} 前将上述欠款汇入我司账户，并将付款凭证传真或邮寄我司。

## 五、逾期措施
{{letter.measures}}

[signature 客户确认（签字/盖章） | {{company.name}}（盖章）]
`,
  lawyer_letter: `^^ {{lawyer.firm}}
# 律 师 函
>> 编号：{{doc.number}}\u3000\u3000日期：{{doc.date}}
---
{{customer.name}}：

{{lawyer.firm}}受 {{company.name}}（以下简称“委托人”）委托，就贵司拖欠委托人货款一事，特致函如下：

根据委托人提供的材料，贵司与委托人签订了编号为 {{contract.number}} 的合同。委托人已依约履行了合同义务，但贵司未按约定于 {{receivable.dueDate}} 前支付款项。截至本函发出之日，贵司已逾期 {{receivable.daysOverdue}} 天，尚欠人民币 {{receivable.outstanding}} 元（大写：{{receivable.outstandingInWords}}）。委托人此前已多次催收，记录如下：

[table history]

贵司的上述行为已构成违约。本律师郑重函告：请贵司于 {{letter.deadline}} 前向委托人付清全部欠款。逾期未付的，委托人将依法向有管辖权的人民法院提起诉讼，要求贵司支付欠款、违约金及委托人为实现债权支出的律师费、诉讼费等全部费用。

[lines]

[signature 特此函告 | {{lawyer.firm}}]
`,
};

/** The document name printed in the PDF's metadata title, per kind. */
export const kindTitles: Record<PrintKind, string> = {
  quote: '报价单', contract: '销售合同', delivery_note: '发货单', thank_you_letter: '感谢函', collection_notice: '催款通知书', lawyer_letter: '律师函',
};
