/** The payments module's messages (zh-CN first; en-US has the same keys). */
const zhCN = {
  'entities.payment': '回款记录',
  'errors.paymentReceivedInFuture': '到账日期 {receivedOn} 晚于今天（{today}），不能登记未到账的款项',
  'errors.paymentAmountPositive': '回款金额必须大于 0',
  'errors.allocationLineNotOpen': '第 {line} 条核销明细不是该客户未收清的应收款',
  'errors.allocationLineTwice': '第 {line} 条核销明细重复核销了合同 {contractNumber} 的同一笔应收款',
  'errors.allocationAmountPositive': '第 {line} 条核销金额必须大于 0',
  'errors.allocationOverOutstanding': '第 {line} 条核销金额 {amount} 超过合同 {contractNumber}（{dueDate} 到期）的未收金额 {outstanding}',
  'errors.allocationsOverPayment': '核销合计 {allocated} 超过回款金额 {amount}',
  'errors.paymentRemainderUnassigned': '回款 {amount} 核销后还剩 {unallocated} 未分配：请选择将余款转为客户预收款（remainder: customer_credit）或调整核销明细',
  'errors.paymentReversed': '该回款已冲销',
  'errors.paymentNoCredit': '该回款没有未分配的余额',
  'errors.prepaymentNotReceived': '合同 {contractNumber} 的预付款尚未收齐（未收 {outstanding}），不能发货；超信用特批不能代替预付款',
  'entities.payment_slip': '缴款单',
  'errors.slipNotPrepayment': '缴款单只能针对合同 {contractNumber} 的预付款行填写',
  'errors.slipLineSettled': '合同 {contractNumber} 的这笔预付款已收齐或已核销',
  'errors.slipOverOutstanding': '缴款金额 {amount} 超过合同 {contractNumber} 预付款的未收金额 {outstanding}',
  'errors.slipNotApproved': '缴款单尚未经销售经理核准（当前状态：{status}），财务不能登记',
} as const;

const enUS = {
  'entities.payment': 'Payment',
  'errors.paymentReceivedInFuture': 'Received on {receivedOn} is after today ({today}): money not yet received cannot be recorded',
  'errors.paymentAmountPositive': 'The payment amount must be above 0',
  'errors.allocationLineNotOpen': 'Allocation {line} is not an open receivable of this customer',
  'errors.allocationLineTwice': 'Allocation {line} settles the same line of contract {contractNumber} twice',
  'errors.allocationAmountPositive': 'Allocation {line} must be above 0',
  'errors.allocationOverOutstanding': 'Allocation {line} of {amount} is more than the {outstanding} still owed on contract {contractNumber} (due {dueDate})',
  'errors.allocationsOverPayment': 'The allocations ({allocated}) exceed the payment ({amount})',
  'errors.paymentRemainderUnassigned': '{unallocated} of the {amount} received is not allocated: keep it as customer credit (remainder: customer_credit) or change the allocations',
  'errors.paymentReversed': 'This payment has been reversed',
  'errors.paymentNoCredit': 'This payment has no unallocated balance',
  'errors.prepaymentNotReceived': 'The prepayment of contract {contractNumber} is not fully received ({outstanding} outstanding): it cannot ship, and an over-credit override does not replace the prepayment',
  'entities.payment_slip': 'Payment slip',
  'errors.slipNotPrepayment': 'A payment slip is filed only for a prepayment line of contract {contractNumber}',
  'errors.slipLineSettled': 'The prepayment of contract {contractNumber} is already received in full or written off',
  'errors.slipOverOutstanding': 'The slip amount {amount} is more than the {outstanding} still owed on the prepayment of contract {contractNumber}',
  'errors.slipNotApproved': 'The payment slip is not approved by the sales manager (status {status}): finance cannot record it',
} as const satisfies Record<keyof typeof zhCN, string>;

export const paymentMessages = { 'zh-CN': zhCN, 'en-US': enUS };
