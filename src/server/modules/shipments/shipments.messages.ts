/** The shipments module's messages (zh-CN first; en-US has the same keys). */
const zhCN = {
  'entities.shipment': '发货单',
  'errors.creditLimitExceeded': '超出信用额度，不能发货：信用额度 {limit}，含本次发货的信用占用 {exposure}，超出 {shortfall}',
  'errors.creditOverdueDebt': '客户有逾期欠款，不能发货：合同 {contractNumber} 的应收款 {outstanding} 于 {dueDate} 到期，已逾期 {days} 天',
  'errors.creditLimitAndOverdue': '超出信用额度且有逾期欠款，不能发货：信用额度 {limit}，含本次发货的信用占用 {exposure}，超出 {shortfall}；合同 {contractNumber} 的应收款 {outstanding} 于 {dueDate} 到期，已逾期 {days} 天',
  'errors.shipmentOverOrdered': '第 {line} 行（{description}）本次发货 {quantity} 超过可发数量 {remaining}（订货 {ordered}，已发及在途 {held}）',
  'errors.unknownOrderLine': '订单没有第 {line} 行',
  'errors.orderLineTwice': '订单第 {line} 行重复出现',
  'errors.orderNotShippable': '订单状态为“{status}”，不能再安排发货',
  'errors.shipmentWrongStatus': '发货单当前状态为“{status}”，不能执行此操作',
  'errors.overrideNotNeeded': '只有信用冻结的发货单才需要申请超信用特批',
  'errors.overridePending': '该发货单已有超信用特批在审批中',
  'errors.returnReasonRequired': '退回发货通知须填写原因',
  'shipments.detail.money': '{amount}',
  'shipments.detail.overdue': '{dueDate} 到期，逾期 {days} 天，未收 {outstanding}',
  'shipments.detail.prepaymentOwed': '预付款 {dueDate} 到期，未收 {outstanding}',
} as const;

const enUS = {
  'entities.shipment': 'Shipment',
  'errors.creditLimitExceeded': 'Over the credit limit, cannot ship: limit {limit}, exposure with this shipment {exposure}, short by {shortfall}',
  'errors.creditOverdueDebt': 'The customer has overdue debt, cannot ship: receivable {outstanding} of contract {contractNumber} was due {dueDate}, {days} days overdue',
  'errors.creditLimitAndOverdue': 'Over the credit limit and overdue debt, cannot ship: limit {limit}, exposure with this shipment {exposure}, short by {shortfall}; receivable {outstanding} of contract {contractNumber} was due {dueDate}, {days} days overdue',
  'errors.shipmentOverOrdered': 'Line {line} ({description}): {quantity} is more than the {remaining} left to ship (ordered {ordered}, shipped or on open shipments {held})',
  'errors.unknownOrderLine': 'The order has no line {line}',
  'errors.orderLineTwice': 'Order line {line} appears twice',
  'errors.orderNotShippable': 'The order is {status}: nothing more can be shipped',
  'errors.shipmentWrongStatus': 'The shipment is {status}: this step is not possible now',
  'errors.overrideNotNeeded': 'Only a shipment on credit hold needs an over-credit override',
  'errors.overridePending': 'An over-credit override for this shipment is already waiting for approval',
  'errors.returnReasonRequired': 'Give a reason to return the delivery notice',
  'shipments.detail.money': '{amount}',
  'shipments.detail.overdue': 'due {dueDate}, {days} days overdue, {outstanding} open',
  'shipments.detail.prepaymentOwed': 'prepayment due {dueDate}, {outstanding} not received',
} as const satisfies Record<keyof typeof zhCN, string>;

export const shipmentMessages = { 'zh-CN': zhCN, 'en-US': enUS };
