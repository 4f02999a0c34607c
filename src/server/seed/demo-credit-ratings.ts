import { and, asc, eq } from 'drizzle-orm';
import type { RatingDimension } from '../../shared/contracts/credit-ratings.contract.js';
import { contextFor } from '../platform/auth/context-for.js';
import type { DbHandle } from '../platform/db/client.js';
import { customers } from '../modules/customers/customers.schema.js';
import { creditProfiles } from '../modules/credit/credit.schema.js';
import { createInvestigation, rateCustomer, recordTrigger, reviewInvestigation, submitInvestigation } from '../modules/credit/index.js';

const year = (d: Date) => Number(d.toISOString().slice(0, 4));

/** Indicator scores around a grade's band (A ≈ 90, B ≈ 77, C ≈ 62, D ≈ 45), a little different per dimension. */
function scoresFor(grade: string, shift: number): Record<RatingDimension, { key: string; score: string }[]> {
  const base = { A: 90, B: 77, C: 62, D: 45 }[grade] ?? 62;
  const s = (d: number) => String(Math.max(0, Math.min(100, base + d + shift)));
  return {
    basic: [{ key: 'yearsInBusiness', score: s(3) }, { key: 'ownership', score: s(1) }, { key: 'management', score: s(0) }, { key: 'externalRating', score: s(-2) }],
    capital: [{ key: 'registeredCapital', score: s(2) }, { key: 'netAssets', score: s(-1) }, { key: 'assetScale', score: s(0) }],
    creditRecord: [{ key: 'paymentHistory', score: s(1) }, { key: 'overdueRecord', score: s(-3) }, { key: 'bankCredit', score: s(2) }],
    solvency: [{ key: 'currentRatio', score: s(0) }, { key: 'debtRatio', score: s(-2) }, { key: 'cashFlow', score: s(1) }],
    profitability: [{ key: 'revenueGrowth', score: s(-1) }, { key: 'netMargin', score: s(0) }, { key: 'returnOnAssets', score: s(-2) }],
  };
}

/**
 * Demo credit investigations and ratings (domain §10), through the same commands as the API: for four
 * of 陈静's customers with a profile, 客服 prepares the five-part investigation and submits it, 财务
 * reviews it and rates the customer near its grade; one of them has a downgrade trigger waiting for
 * re-rating (a to-do in 财务's inbox), one has a draft investigation still open.
 */
export async function seedDemoCreditRatings(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }) {
  const ws = demo.workspaceId;
  const rows = await handle.db.select({ id: customers.id, name: customers.name, grade: creditProfiles.grade }).from(customers)
    .innerJoin(creditProfiles, and(eq(creditProfiles.workspaceId, customers.workspaceId), eq(creditProfiles.customerId, customers.id)))
    .where(and(eq(customers.workspaceId, ws), eq(customers.ownerId, demo.userIds.rep1!))).orderBy(asc(customers.id)).limit(5);
  const [cs, finance, rep] = await Promise.all([contextFor(handle, ws, demo.userIds.cs1!), contextFor(handle, ws, demo.userIds.finance1!), contextFor(handle, ws, demo.userIds.rep1!)]);
  const y = year(new Date());
  for (const [i, c] of rows.entries()) {
    const scale = 4 + i * 3;
    const draft = await createInvestigation(cs, c.id, {
      basic: { licenceNo: `9131000${i}MA1FL${i}X${i}Y`, legalRepresentative: ['王建国', '李明', '张华', '刘芳', '陈涛'][i], registeredCapital: `${scale * 1000000}.00`,
        shareholding: '创始人控股 60%，管理层持股 40%', taxRegistration: '一般纳税人', externalRating: i % 2 === 0 ? 'AA' : 'A+' },
      bank: { bankName: ['中国工商银行上海分行', '招商银行苏州分行', '中国银行杭州分行', '建设银行南京分行', '交通银行宁波分行'][i], settlement: '结算正常，近三年无退票' },
      financials: [1, 2, 3].map((n) => ({
        year: y - n, totalAssets: `${scale * 3000000 - n * 400000}.00`, totalLiabilities: `${scale * 1200000}.00`, currentAssets: `${scale * 1800000 - n * 200000}.00`,
        currentLiabilities: `${scale * 900000}.00`, revenue: `${scale * 5000000 - n * 600000}.00`, netProfit: `${scale * 300000 - n * 50000}.00`, operatingCashFlow: `${scale * 250000}.00`,
      })),
      other: { reputation: '行业口碑良好，按约履行合同' }, attachmentIds: [], customerConfirmed: true,
    });
    if (i === rows.length - 1) break; // the last stays a draft for customer service to finish
    const submitted = await submitInvestigation(cs, draft.id, draft.version);
    const reviewed = await reviewInvestigation(finance, draft.id, { version: submitted.version, evaluation: '资料齐全，财务状况稳定，同意按评分定级', suggestedGrade: c.grade as 'A' | 'B' | 'C' | 'D' });
    await rateCustomer(finance, { customerId: c.id, investigationId: reviewed.id, dimensions: scoresFor(c.grade, i % 3 - 1), reason: '年度信用评级（依据年度信用调查）' });
    if (i === 0) {
      await recordTrigger(rep, c.id, { kind: 'operating_difficulty', occurredOn: reviewed.reviewedAt!.slice(0, 10), evidence: '客户主要产线停产整改一个月，付款周期明显拉长（拜访记录）', attachmentIds: [] });
    }
  }
  return { customers: rows.length };
}
