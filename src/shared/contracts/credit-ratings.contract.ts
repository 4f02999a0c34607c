import { z } from 'zod';
import { CreditGrade } from './credit.contract.js';
import { InstantString, IsoDateString, MoneyString, Person, Uuid } from './common.contract.js';

// ── credit investigation (信用调查, domain §10) ──────────────────────────────────────────────────

const Text = (max = 2000) => z.string().trim().max(max);

export const InvestigationBasic = z.strictObject({
  licenceNo: Text(100).optional().describe('business licence / unified social credit code (营业执照)'),
  legalRepresentative: Text(100).optional(),
  registeredCapital: MoneyString.optional(),
  establishedOn: IsoDateString.optional(),
  articles: Text().optional().describe('articles of association (公司章程) notes'),
  shareholding: Text().optional().describe('shareholders and their shares (股权结构)'),
  taxRegistration: Text(200).optional().describe('tax registration (税务登记)'),
  externalRating: Text(200).optional().describe('rating by an outside agency (外部评级)'),
}).describe('part 1: basic information (基本信息)');

export const InvestigationBank = z.strictObject({
  bankName: Text(200).optional(),
  accountNo: Text(100).optional(),
  settlement: Text().optional().describe('settlement habits, bank credit lines, bounced payments (结算情况)'),
}).describe('part 2: bank settlement information (银行结算信息)');

export const FinancialYear = z.strictObject({
  year: z.int().min(1990).max(2100),
  totalAssets: MoneyString.describe('资产总额'),
  totalLiabilities: MoneyString.describe('负债总额'),
  currentAssets: MoneyString.describe('流动资产'),
  currentLiabilities: MoneyString.describe('流动负债'),
  revenue: MoneyString.describe('营业收入'),
  netProfit: MoneyString.describe('净利润'),
  operatingCashFlow: MoneyString.describe('经营活动现金流量净额'),
});
export type FinancialYear = z.infer<typeof FinancialYear>;

export const InvestigationOther = z.strictObject({
  reputation: Text().optional().describe('reputation in the trade (商业信誉)'),
  badRecords: Text().optional().describe('legal cases, defaults known outside our business'),
  notes: Text().optional(),
}).describe('part 5: other (其他)');

export const InvestigationContent = z.strictObject({
  basic: InvestigationBasic.default({}),
  bank: InvestigationBank.default({}),
  financials: z.array(FinancialYear).max(3).default([]).describe('part 3: key figures of the last three years\' statements (balance sheet, income, cash flow), one entry per year'),
  other: InvestigationOther.default({}),
  attachmentIds: z.array(Uuid).max(50).default([]).describe("files of the customer's file (licence, statements …)"),
  customerConfirmed: z.boolean().default(false).describe('the customer confirmed the information (客户确认)'),
});

export const BusinessYear = z.object({
  year: z.int(),
  shipped: MoneyString.describe('value shipped to the customer in the year'),
  due: MoneyString.describe('receivables due in the year'),
  collected: MoneyString.describe('received on the lines due in the year'),
  collectionRate: z.string().nullable().describe('collected ÷ due in percent, 2 decimals; null when nothing was due'),
  paidLateCount: z.int().describe('lines due in the year paid after their due date'),
  overdueOutstanding: MoneyString.describe('of the lines due in the year, still unpaid after the due date as of asOf'),
  writtenOff: MoneyString.describe('written off (呆账核销) in the year'),
});
export const BusinessHistory = z.object({
  asOf: IsoDateString,
  years: z.array(BusinessYear).describe('the current year and the two before it, newest first'),
}).describe('part 4: business with us, computed from our shipments and receivables (not typed)').meta({ id: 'CreditBusinessHistory' });
export type BusinessHistory = z.infer<typeof BusinessHistory>;

export const investigationStatuses = ['draft', 'submitted', 'reviewed'] as const;
export const CreditInvestigationDto = z.object({
  id: Uuid,
  customerId: Uuid,
  status: z.enum(investigationStatuses),
  basic: InvestigationBasic,
  bank: InvestigationBank,
  financials: z.array(FinancialYear),
  other: InvestigationOther,
  attachmentIds: z.array(Uuid),
  customerConfirmed: z.boolean(),
  businessHistory: BusinessHistory.describe('live while draft; frozen when submitted'),
  preparedBy: Person,
  submittedAt: InstantString.nullable(),
  reviewedBy: Person.nullable(),
  reviewedAt: InstantString.nullable(),
  evaluation: z.string().nullable().describe('finance\'s evaluation (信用调查评定表 conclusion)'),
  suggestedGrade: CreditGrade.nullable(),
  nextDueOn: IsoDateString.nullable().describe('reviewed: when the yearly update is due (credit.investigationMonths)'),
  version: z.int(),
  createdAt: InstantString,
}).meta({ id: 'CreditInvestigation' });
export type CreditInvestigationDto = z.infer<typeof CreditInvestigationDto>;

export const CreateInvestigationBody = InvestigationContent;
export type CreateInvestigationBody = z.infer<typeof CreateInvestigationBody>;
export const UpdateInvestigationBody = InvestigationContent.extend({ version: z.int().min(1) });
export type UpdateInvestigationBody = z.infer<typeof UpdateInvestigationBody>;
export const VersionBody = z.strictObject({ version: z.int().min(1) });
export const ReviewInvestigationBody = z.strictObject({
  version: z.int().min(1),
  evaluation: z.string().trim().min(1).max(4000).describe('the evaluation form\'s conclusion'),
  suggestedGrade: CreditGrade.optional(),
});
export type ReviewInvestigationBody = z.infer<typeof ReviewInvestigationBody>;
export const CreditInvestigationList = z.object({ items: z.array(CreditInvestigationDto) });

export const InvestigationSweepBody = z.strictObject({ asOf: IsoDateString.optional() });
export const InvestigationSweepResult = z.object({ asOf: IsoDateString, tasksCreated: z.int() });

// ── scoring and grades (信用评级) ───────────────────────────────────────────────────────────────

export const ratingDimensions = ['basic', 'capital', 'creditRecord', 'solvency', 'profitability'] as const;
export const RatingDimension = z.enum(ratingDimensions).describe('basic status 基本状况, capital 资本实力, credit record 信用记录, solvency 偿债能力, profitability 盈利能力');
export type RatingDimension = z.infer<typeof RatingDimension>;

const Score = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, { error: 'errors.score' }).describe('0–100, at most two decimals');
export const IndicatorScore = z.strictObject({
  key: z.string().trim().min(1).max(60).describe('indicator code, e.g. currentRatio'),
  label: z.string().trim().max(100).optional(),
  weight: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/).optional().describe('weight within the dimension (default 1: equal weights)'),
  score: Score,
});
export type IndicatorScore = z.infer<typeof IndicatorScore>;

export const CreateRatingBody = z.strictObject({
  customerId: Uuid,
  investigationId: Uuid.optional().describe('the reviewed investigation the scores rest on'),
  dimensions: z.record(RatingDimension, z.array(IndicatorScore).min(1).max(20)).describe('each of the five dimensions with its indicator scores'),
  reason: z.string().trim().min(1).max(2000),
});
export type CreateRatingBody = z.infer<typeof CreateRatingBody>;

export const DimensionResult = z.object({
  dimension: RatingDimension,
  weight: z.string().describe('the dimension\'s policy weight (credit.weight.*)'),
  score: z.string().describe('weighted mean of its indicators, 2 decimals'),
  indicators: z.array(IndicatorScore),
});
export const CreditRatingDto = z.object({
  id: Uuid,
  customerId: Uuid,
  investigationId: Uuid.nullable(),
  total: z.string().describe('0–100, 2 decimals'),
  grade: CreditGrade,
  previousGrade: CreditGrade.nullable(),
  suggestedTermsDays: z.int().describe('the grade\'s policy payment terms (D: 0, cash before delivery)'),
  dimensions: z.array(DimensionResult),
  reason: z.string(),
  ratedBy: Person,
  ratedOn: IsoDateString,
  triggerIds: z.array(Uuid).describe('downgrade triggers this rating answered'),
  createdAt: InstantString,
}).meta({ id: 'CreditRating' });
export type CreditRatingDto = z.infer<typeof CreditRatingDto>;
export const CreditRatingList = z.object({ items: z.array(CreditRatingDto) });

// ── downgrade triggers (降级) ───────────────────────────────────────────────────────────────────

export const downgradeTriggerKinds = [
  'false_statements', 'operating_difficulty', 'legal_cases', 'closure_or_management_change', 'major_breach', 'related_company_distress', 'other',
] as const;
export const DowngradeTriggerKind = z.enum(downgradeTriggerKinds);
export const RecordTriggerBody = z.strictObject({
  kind: DowngradeTriggerKind,
  occurredOn: IsoDateString,
  evidence: z.string().trim().min(1).max(4000).describe('what happened and how we know'),
  attachmentIds: z.array(Uuid).max(20).default([]),
});
export type RecordTriggerBody = z.infer<typeof RecordTriggerBody>;
export const DowngradeTriggerDto = z.object({
  id: Uuid,
  customerId: Uuid,
  kind: DowngradeTriggerKind,
  occurredOn: IsoDateString,
  evidence: z.string(),
  attachmentIds: z.array(Uuid),
  status: z.enum(['open', 'rated']).describe('open until a rating answers it'),
  recordedBy: Person,
  taskId: Uuid.nullable().describe('the re-rating task given to finance'),
  ratingId: Uuid.nullable(),
  createdAt: InstantString,
}).meta({ id: 'CreditDowngradeTrigger' });
export type DowngradeTriggerDto = z.infer<typeof DowngradeTriggerDto>;
export const DowngradeTriggerList = z.object({ items: z.array(DowngradeTriggerDto) });

// ── limit calculators (信用额度测算) ────────────────────────────────────────────────────────────

const Amount = MoneyString;
const Ratio = z.string().regex(/^\d{1,3}(\.\d{1,6})?$/, { error: 'errors.invalidFormat' });
const Count = z.int().min(0).max(100000);

export const CalculateLimitBody = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('sales_based'), inputs: z.strictObject({
    expectedAnnualSales: Amount.describe('the customer\'s expected purchases of the kind we sell per year'),
    costRate: Ratio.describe('cost rate (0–1)'), supplyShare: Ratio.describe('our share of its supply (0–1)'),
    creditPeriodDays: Count.describe('credit period in days'),
  }) }),
  z.strictObject({ method: z.literal('working_capital'), inputs: z.strictObject({ currentAssets: Amount, currentLiabilities: Amount, supplierCount: Count }) }),
  z.strictObject({ method: z.literal('current_ratio'), inputs: z.strictObject({
    currentAssets: Amount, currentLiabilities: Amount, baseLimit: Amount.describe('the limit at the norm ratio'), normRatio: Ratio.default('2').describe('the trade\'s normal current ratio'),
  }) }),
  z.strictObject({ method: z.literal('net_asset'), inputs: z.strictObject({ totalAssets: Amount, totalLiabilities: Amount, supplierCount: Count }) }),
  z.strictObject({ method: z.literal('judgement'), inputs: z.strictObject({
    limit: Amount, reasons: z.array(z.string().trim().min(1).max(500)).min(1).max(20), previousLimit: Amount.optional(),
  }) }),
]);
export type CalculateLimitBody = z.infer<typeof CalculateLimitBody>;
export const CalculateLimitResult = z.object({
  method: z.string(),
  limit: MoneyString.describe('the suggested limit, never negative'),
  working: z.array(z.string()).describe('the working, line by line, figures included'),
}).meta({ id: 'CreditLimitCalculation' });
export type CalculateLimitResult = z.infer<typeof CalculateLimitResult>;
