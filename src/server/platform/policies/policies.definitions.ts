/**
 * Every numeric default of domain.md, in one typed store (issue 2 §8). Values are numbers or decimal
 * strings (money, rates); `moneyThreshold` marks the ones whose change needs the GM's approval.
 */
export type PolicyUnit = 'days' | 'months' | 'minutes' | 'hours' | 'count' | 'percent' | 'rate' | 'money' | 'score' | 'weekday';

export interface PolicyDefinition {
  group: string;
  unit: PolicyUnit;
  default: number | string;
  min: number;
  max: number;
  integer: boolean;
  moneyThreshold?: boolean;
  label: { 'zh-CN': string; 'en-US': string };
}

const days = (group: string, def: number, zh: string, en: string, max = 3650) =>
  ({ group, unit: 'days' as const, default: def, min: 0, max, integer: true, label: { 'zh-CN': zh, 'en-US': en } });
const count = (group: string, def: number, zh: string, en: string, max = 100000) =>
  ({ group, unit: 'count' as const, default: def, min: 0, max, integer: true, label: { 'zh-CN': zh, 'en-US': en } });
const moneyLimit = (group: string, def: string, zh: string, en: string) =>
  ({ group, unit: 'money' as const, default: def, min: 0, max: 1e13, integer: false, moneyThreshold: true, label: { 'zh-CN': zh, 'en-US': en } });
const percent = (group: string, def: string, zh: string, en: string) =>
  ({ group, unit: 'percent' as const, default: def, min: 0, max: 100, integer: false, label: { 'zh-CN': zh, 'en-US': en } });
const score = (group: string, def: number, zh: string, en: string) =>
  ({ group, unit: 'score' as const, default: def, min: 0, max: 100, integer: true, label: { 'zh-CN': zh, 'en-US': en } });

export const policyDefinitions = {
  // §Auth (issue 2)
  'auth.maxFailedLogins': count('auth', 5, '连续登录失败锁定次数', 'Failed sign-ins before lock-out', 100),
  'auth.lockoutMinutes': { group: 'auth', unit: 'minutes', default: 15, min: 1, max: 1440, integer: true, label: { 'zh-CN': '锁定时长', 'en-US': 'Lock-out duration' } },
  'auth.sessionHours': { group: 'auth', unit: 'hours', default: 12, min: 1, max: 720, integer: true, label: { 'zh-CN': '会话有效期', 'en-US': 'Session lifetime' } },
  // §5.3, §17 public pool
  'pool.noFollowUpDays.A': days('pool', 30, 'A 类客户未跟进回收天数', 'Class A: days without follow-up before recycling'),
  'pool.noFollowUpDays.B': days('pool', 30, 'B 类客户未跟进回收天数', 'Class B: days without follow-up before recycling'),
  'pool.noFollowUpDays.C': days('pool', 30, 'C 类客户未跟进回收天数', 'Class C: days without follow-up before recycling'),
  'pool.noFollowUpDays.D': days('pool', 30, 'D 类客户未跟进回收天数', 'Class D: days without follow-up before recycling'),
  'pool.noDealDays.A': days('pool', 90, 'A 类客户未成交回收天数', 'Class A: days without a deal before recycling'),
  'pool.noDealDays.B': days('pool', 90, 'B 类客户未成交回收天数', 'Class B: days without a deal before recycling'),
  'pool.noDealDays.C': days('pool', 90, 'C 类客户未成交回收天数', 'Class C: days without a deal before recycling'),
  'pool.noDealDays.D': days('pool', 90, 'D 类客户未成交回收天数', 'Class D: days without a deal before recycling'),
  'pool.recycleWarningDays': days('pool', 3, '回收前提醒天数', 'Warn owners this many days before recycling', 60),
  'pool.ownedCap': count('pool', 200, '每人最多拥有客户数', 'Customers one rep may own'),
  'pool.lockCap': count('pool', 20, '每人最多锁定客户数', 'Customers one rep may lock'),
  'pool.claimsPerDay': count('pool', 10, '每人每天最多领取数', 'Pool claims per rep per day'),
  'pool.reclaimCooldownDays': days('pool', 7, '原负责人再次领取冷却天数', 'Cool-down before the former owner may reclaim', 365),
  'leadPool.noFollowUpDays': days('pool', 14, '线索未跟进回收天数', 'Lead: days without follow-up before recycling'),
  // §5.1 files of a customer (stored in the database, so kept modest)
  'attachments.maxSizeMb': { group: 'customers', unit: 'count', default: 20, min: 1, max: 100, integer: true, label: { 'zh-CN': '附件大小上限（MB）', 'en-US': 'Largest attachment (MB)' } },
  // §5.5
  'customerFile.reviewMonths': { group: 'customers', unit: 'months', default: 3, min: 1, max: 36, integer: true, label: { 'zh-CN': '客户档案复核周期', 'en-US': 'Customer file review interval' } },
  // §6.1
  'funnel.inFunnelMinPercent': percent('funnel', '25', '漏斗中最低概率', 'In funnel: lowest probability'),
  'funnel.bestFewMinPercent': percent('funnel', '50', '最有把握最低概率（高于）', 'Best few: probability above'),
  'funnel.bestFewDecisionDays': days('funnel', 60, '最有把握：决策期限天数', 'Best few: decision within days', 365),
  // §6.2 initiation report and bid
  'opportunity.initiationGmThreshold': moneyLimit('funnel', '1000000.00', '立项需总经理审批的预计合同金额', 'Initiation report: expected contract amount that needs the GM'),
  'opportunity.minBidMarginPct': percent('funnel', '15.00', '投标最低毛利率（低于则以不投标结项）', 'Lowest bid gross margin (below it: close with a no-bid report)'),
  // §7.1
  'visits.frequencyDays.A': days('visits', 7, 'A 类客户拜访间隔', 'Class A visit interval', 365),
  'visits.frequencyDays.B': days('visits', 14, 'B 类客户拜访间隔', 'Class B visit interval', 365),
  'visits.frequencyDays.C': days('visits', 30, 'C 类客户拜访间隔', 'Class C visit interval', 365),
  'visits.frequencyDays.D': days('visits', 90, 'D 类客户拜访间隔', 'Class D visit interval', 365),
  'visits.weeklyPlanDueWeekday': { group: 'visits', unit: 'weekday', default: 5, min: 1, max: 7, integer: true, label: { 'zh-CN': '周计划提交日（周几）', 'en-US': 'Weekly plan due on weekday' } },
  'visits.freeHalfDaysPerWeek': count('visits', 1, '周计划至少留空半天数', 'Free half-days to leave in a weekly plan', 10),
  'coaching.jointVisitsPerWeek': count('coaching', 2, '每周陪访次数（每位销售）', 'Joint visits per rep per week', 20),
  // §8 quotes
  'quotes.repDiscountLimitPercent': percent('quotes', '5', '销售专员可自批折扣上限', 'Discount a rep may give without approval'),
  'quotes.supervisorMaxAmount': moneyLimit('quotes', '100000.00', '主管审批报价金额上限', 'Quote amount the supervisor approves up to'),
  'quotes.managerMaxAmount': moneyLimit('quotes', '500000.00', '经理审批报价金额上限（以上由副总审批）', 'Quote amount the manager approves up to (above: VP)'),
  // §9 contracts
  'contracts.majorAmount': moneyLimit('contracts', '1000000.00', '重大合同金额（需副总审查、总经理批准）', 'Major contract amount (VP review, GM approval)'),
  'orders.vpChangeAmount': moneyLimit('contracts', '200000.00', '订单取消或增量变更需销售副总审批的金额', 'Order cancellation or quantity increase that needs the sales VP'),
  // §10 credit
  'credit.gradeA': score('credit', 85, 'A 级最低分', 'Grade A from score'),
  'credit.gradeB': score('credit', 70, 'B 级最低分', 'Grade B from score'),
  'credit.gradeC': score('credit', 55, 'C 级最低分', 'Grade C from score'),
  'credit.termsDays.A': days('credit', 90, 'A 级信用期', 'Grade A payment terms', 365),
  'credit.termsDays.B': days('credit', 60, 'B 级信用期', 'Grade B payment terms', 365),
  'credit.termsDays.C': days('credit', 30, 'C 级信用期', 'Grade C payment terms', 365),
  'credit.termsDays.D': days('credit', 0, 'D 级信用期（款到发货）', 'Grade D payment terms (cash before delivery)', 365),
  'credit.gradeCMaxLimit': moneyLimit('credit', '50000.00', 'C 级客户信用额度上限', 'Credit limit cap for grade C'),
  'credit.gmApprovalLimit': moneyLimit('credit', '500000.00', '信用额度需总经理审批的金额（低于则由销售副总审批）', 'Credit limit that needs the GM (below it: the sales VP approves)'),
  'credit.overrideGmShortfall': moneyLimit('credit', '100000.00', '超信用发货特批需总经理审批的超额金额（低于且无逾期则由财务审批）', 'Over-credit shipment: shortfall that needs the GM (below it, with no overdue debt, finance approves)'),
  'credit.investigationMonths': { group: 'credit', unit: 'months', default: 12, min: 1, max: 60, integer: true, label: { 'zh-CN': '信用调查更新周期', 'en-US': 'Credit investigation refresh interval' } },
  // §10 scoring: the five dimensions' weights in the total (default equal)
  'credit.weight.basic': percent('credit', '20', '信用评分权重：基本状况', 'Rating weight: basic status'),
  'credit.weight.capital': percent('credit', '20', '信用评分权重：资本实力', 'Rating weight: capital'),
  'credit.weight.creditRecord': percent('credit', '20', '信用评分权重：信用记录', 'Rating weight: credit record'),
  'credit.weight.solvency': percent('credit', '20', '信用评分权重：偿债能力', 'Rating weight: solvency'),
  'credit.weight.profitability': percent('credit', '20', '信用评分权重：盈利能力', 'Rating weight: profitability'),
  // §11 receivables
  'deferral.maxMonths': { group: 'receivables', unit: 'months', default: 3, min: 0, max: 24, integer: true, label: { 'zh-CN': '延期付款最长月数', 'en-US': 'Longest payment deferral' } },
  'dunning.noticeDays': days('receivables', 1, '逾期多少天起发催款通知书（或感谢函）', 'Days overdue before the collection notice (or thank-you letter)', 365),
  'dunning.goodStandingMaxDays': days('receivables', 30, '信用良好客户（A/B 级）最长逾期天数（超过则发催款通知书而非感谢函）', 'Good standing (grade A/B): most days any line may be overdue', 365),
  'dunning.lawyerLetterDays': days('receivables', 60, '逾期多少天起发律师函', 'Days overdue before the lawyer\'s letter', 3650),
  'dunning.lawsuitDays': days('receivables', 120, '逾期多少天起提起诉讼', 'Days overdue before the lawsuit', 3650),
  'dunning.writeOffDays': days('receivables', 180, '逾期多少天起可申请呆账核销', 'Days overdue before a bad-debt write-off is proposed', 3650),
  'dunning.letterGraceDays': days('receivables', 10, '催款函回复期限（天）', 'Days the customer is given to pay in a collection letter', 365),
  'penalty.startDays': days('penalties', 30, '逾期扣款起算天数', 'Monthly deductions start at days overdue', 3650),
  'penalty.monthlyRate': { group: 'penalties', unit: 'rate', default: '0.005', min: 0, max: 1, integer: false, label: { 'zh-CN': '每月扣款比例', 'en-US': 'Monthly deduction rate' } },
  'penalty.badDebtDays': days('penalties', 120, '转为呆账天数', 'Days overdue that make a bad debt'),
  'penalty.badDebtRate': { group: 'penalties', unit: 'rate', default: '0.20', min: 0, max: 1, integer: false, label: { 'zh-CN': '呆账一次性扣款比例', 'en-US': 'One-time bad-debt deduction rate' } },
  'penalty.shareRep': count('penalties', 5, '销售专员分担份数', 'Rep share (parts)', 100),
  'penalty.shareManager': count('penalties', 3, '销售经理分担份数', 'Manager share (parts)', 100),
  'penalty.shareDirector': count('penalties', 2, '营销总监分担份数', 'Director share (parts)', 100),
  // §12 expenses
  'expenses.gmApprovalAmount': moneyLimit('expenses', '5000.00', '费用需总经理审批的金额', 'Expense amount that needs the GM'),
  'expenses.repMonthlyAllowance': moneyLimit('expenses', '3000.00', '销售专员每月费用额度', 'Rep monthly expense allowance'),
} as const satisfies Record<string, PolicyDefinition>;

export type PolicyKey = keyof typeof policyDefinitions;
/** Money, percentages and rates are decimal strings; everything else is a whole number. */
export type PolicyValues = { [K in PolicyKey]: (typeof policyDefinitions)[K]['unit'] extends 'money' | 'percent' | 'rate' ? string : number };
