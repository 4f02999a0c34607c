/** The receivables module's messages (zh-CN first; en-US has the same keys). */
const zhCN = {
  'entities.receivable': '应收款',
  'errors.dateRangeOrder': '结束日期不能早于开始日期',
  'receivables.aging.sheet': '账龄分析',
  'receivables.aging.total': '合计',
  'receivables.aging.overdue': '逾期合计',
  'receivables.aging.lines': '笔数',
  'receivables.aging.noTeam': '未分配部门',
  'receivables.aging.unknown': '—',
  'receivables.aging.group.customer': '客户',
  'receivables.aging.group.owner': '负责人',
  'receivables.aging.group.team': '部门',
  'receivables.aging.bucket.not_due': '未到期',
  'receivables.aging.bucket.1_30': '逾期 1–30 天',
  'receivables.aging.bucket.31_60': '逾期 31–60 天',
  'receivables.aging.bucket.61_90': '逾期 61–90 天',
  'receivables.aging.bucket.91_120': '逾期 91–120 天',
  'receivables.aging.bucket.over_120': '逾期 120 天以上',
} as const;

const enUS = {
  'entities.receivable': 'Receivable',
  'errors.dateRangeOrder': 'The end date cannot be before the start date',
  'receivables.aging.sheet': 'Aging',
  'receivables.aging.total': 'Total',
  'receivables.aging.overdue': 'Overdue',
  'receivables.aging.lines': 'Lines',
  'receivables.aging.noTeam': 'No department',
  'receivables.aging.unknown': '—',
  'receivables.aging.group.customer': 'Customer',
  'receivables.aging.group.owner': 'Owner',
  'receivables.aging.group.team': 'Team',
  'receivables.aging.bucket.not_due': 'Not due',
  'receivables.aging.bucket.1_30': '1–30 days overdue',
  'receivables.aging.bucket.31_60': '31–60 days overdue',
  'receivables.aging.bucket.61_90': '61–90 days overdue',
  'receivables.aging.bucket.91_120': '91–120 days overdue',
  'receivables.aging.bucket.over_120': 'Over 120 days overdue',
} as const satisfies Record<keyof typeof zhCN, string>;

export const receivableMessages = { 'zh-CN': zhCN, 'en-US': enUS };
