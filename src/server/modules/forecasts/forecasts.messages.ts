/** The forecasts module's messages (zh-CN first; en-US has the same keys). */
const zhCN = {
  'entities.forecast': '销售预测',
  'errors.month': '月份格式应为 YYYY-MM',
  'errors.forecastMonthEnded': '{month} 已结束，不能再提交或调整该月的预测',
  'errors.forecastMonthTooFar': '最多只能预测未来 {months} 个月',
  'errors.forecastExists': '{month} 的预测已提交，重新提交时请带上版本号',
  'errors.forecastOwnAdjust': '不能调整自己的预测（不相容职责）',
  'errors.forecastAmountNegative': '预测金额不能为负数',
  'errors.reportPeriod': '期间格式无效：可用 2026、2026-H1、2026-Q4、2026-11、2026-09..2026-11、2026-09-01..2026-11-15、this-month、last-quarter 等，最长 60 个月',
  'errors.accuracyRange': '结束月份不能早于开始月份，且跨度不超过 60 个月',
  'forecast.report.sheet': '销售预测',
  'forecast.report.month': '月份',
  'forecast.report.weighted': '加权预测',
  'forecast.report.commit': '把握（承诺）',
  'forecast.report.submitted': '销售提交',
  'forecast.report.adjusted': '经理调整后',
  'forecast.report.won': '实际赢单',
  'forecast.report.target': '目标',
  'forecast.report.total': '合计',
} as const;

const enUS = {
  'entities.forecast': 'Forecast',
  'errors.month': 'Month must be YYYY-MM',
  'errors.forecastMonthEnded': '{month} has ended: its forecast can no longer be submitted or adjusted',
  'errors.forecastMonthTooFar': 'You can forecast at most {months} months ahead',
  'errors.forecastExists': 'The forecast of {month} is already submitted: send its version to re-submit',
  'errors.forecastOwnAdjust': 'You cannot adjust your own forecast (segregation of duties)',
  'errors.forecastAmountNegative': 'A forecast cannot be negative',
  'errors.reportPeriod': 'Invalid period: use 2026, 2026-H1, 2026-Q4, 2026-11, 2026-09..2026-11, 2026-09-01..2026-11-15, this-month, last-quarter …, at most 60 months',
  'errors.accuracyRange': 'The end month cannot be before the start month, and the range is at most 60 months',
  'forecast.report.sheet': 'Forecast',
  'forecast.report.month': 'Month',
  'forecast.report.weighted': 'Weighted pipeline',
  'forecast.report.commit': 'Commit (best few)',
  'forecast.report.submitted': 'Submitted',
  'forecast.report.adjusted': 'After adjustment',
  'forecast.report.won': 'Won',
  'forecast.report.target': 'Target',
  'forecast.report.total': 'Total',
} as const satisfies Record<keyof typeof zhCN, string>;

export const forecastMessages = { 'zh-CN': zhCN, 'en-US': enUS };
