/** The penalties module's messages (zh-CN first; en-US has the same keys). */
const zhCN = {
  'entities.penaltyRun': '回款责任扣款',
  'errors.penaltyMonth': '月份格式应为 YYYY-MM',
  'errors.penaltyMonthNotEnded': '{month} 尚未结束，不能计算该月的回款责任扣款',
  'penalties.export.sheet': '回款责任扣款',
  'penalties.export.person': '责任人',
  'penalties.export.username': '账号',
  'penalties.export.monthly': '逾期扣款（0.5%/月）',
  'penalties.export.badDebt': '呆账扣款（20%）',
  'penalties.export.refund': '回收补发',
  'penalties.export.total': '本月净扣款',
  'penalties.export.lineCount': '明细条数',
  'penalties.export.unassigned': '（无人担任该职责）',
} as const;

const enUS: Record<keyof typeof zhCN, string> = {
  'entities.penaltyRun': 'Collection responsibility penalties',
  'errors.penaltyMonth': 'The month must be written YYYY-MM',
  'errors.penaltyMonthNotEnded': '{month} has not ended yet: its collection penalties cannot be run',
  'penalties.export.sheet': 'Collection penalties',
  'penalties.export.person': 'Responsible person',
  'penalties.export.username': 'Login',
  'penalties.export.monthly': 'Overdue deductions (0.5 %/month)',
  'penalties.export.badDebt': 'Bad-debt deductions (20 %)',
  'penalties.export.refund': 'Refunds on collection',
  'penalties.export.total': 'Net deduction this month',
  'penalties.export.lineCount': 'Lines',
  'penalties.export.unassigned': '(role not held by anyone)',
};

export const penaltyMessages = { 'zh-CN': zhCN, 'en-US': enUS };
