import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { addDays, daysBetween, todayIn, type IsoDate } from '../../shared/dates.js';
import { money } from '../../shared/money.js';
import { shiftMonth } from '../../shared/periods.js';
import type { DbHandle } from '../platform/db/client.js';
import { newId } from '../platform/db/columns.js';
import { numberSequences } from '../platform/numbering/numbering.schema.js';
import { users } from '../platform/org/org.schema.js';
import { contacts, customers } from '../modules/customers/customers.schema.js';
import { grossMarginPct } from '../modules/opportunities/bids.rules.js';
import { opportunitySearchText } from '../modules/opportunities/opportunities.rules.js';
import { refreshStageFlowColumns } from '../modules/opportunities/opportunities.repository.js';
import {
  bids, initiationReports, opportunities, opportunityContacts, opportunityStageHistory, pipelines, pipelineStages,
} from '../modules/opportunities/opportunities.schema.js';
import { prng } from './demo-random.js';

const bigProjects = ['智能工厂一期', 'MES 系统建设', '数据中心扩容', '仓储自动化改造', '能源管理平台', '产线数字化升级', '园区安防集成', 'ERP 替换项目'];
const standardDeals = ['年度备件采购', '传感器批量订单', '软件许可续订', '检测设备采购', '维保服务合同', '控制柜订单'];
const competitorNames = ['西门子', '施耐德', 'ABB', '霍尼韦尔', '用友', '金蝶', '汇川技术', '和利时'];
const needs = ['提升产线良率与产能', '替换老旧设备，降低能耗', '打通生产与财务数据', '满足新环保标准', '扩建新厂区配套', '提高交付准时率'];
const lossReasonCodes = ['price', 'competitor', 'no_budget', 'no_decision', 'requirements', 'timing'];
const buyingRoles = ['economic_buyer', 'technical_buyer', 'user_buyer', 'coach', 'influencer'];
const levels = ['low', 'medium', 'high'];
const owners = ['rep1', 'rep2', 'rep3', 'supervisor1', 'manager1'];

/** An instant on a Shanghai calendar day at a local hour. */
const at = (date: IsoDate, hour: number, minute = 0) => new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

/** Day `day` of the month `monthsAgo` months before today's, never after today. */
function closeDateIn(today: IsoDate, monthsAgo: number, day: number): IsoDate {
  const on = `${shiftMonth(today.slice(0, 7), -monthsAgo)}-${String(day).padStart(2, '0')}`;
  return on > today ? today : on;
}

export interface DemoOrg { workspaceId: string; userIds: Record<string, string> }

/**
 * Demo opportunities (issue 4): ~120 over both built-in pipelines and every stage, open, won and lost,
 * owned by the demo sales users on their own customers, with stage histories spread over the past
 * months, key nodes ticked for the stages left, and initiation reports and bids (approved for the
 * stages passed, some pending or draft where the opportunity now stands).
 */
export async function seedDemoOpportunities(handle: DbHandle, demo: DemoOrg, options: { count?: number; seed?: number } = {}) {
  const rand = prng(options.seed ?? 20261130);
  const count = options.count ?? 120;
  const today = todayIn('Asia/Shanghai');
  const ws = demo.workspaceId;
  const db = handle.db;

  const pipelineRows = await db.select().from(pipelines).where(and(eq(pipelines.workspaceId, ws), isNotNull(pipelines.template)));
  const stageRows = await db.select().from(pipelineStages).where(eq(pipelineStages.workspaceId, ws)).orderBy(asc(pipelineStages.position));
  const big = pipelineRows.find((p) => p.template === 'big_account');
  const standard = pipelineRows.find((p) => p.template === 'standard');
  if (!big || !standard) return { count: 0 };
  const stagesOf = (pipelineId: string) => stageRows.filter((s) => s.pipelineId === pipelineId);

  const ownerIds = owners.map((o) => demo.userIds[o]).filter((id): id is string => id !== undefined);
  const departmentOf = new Map((await db.select({ id: users.id, departmentId: users.departmentId }).from(users).where(eq(users.workspaceId, ws))).map((u) => [u.id, u.departmentId]));
  const customerRows = await db.select({ id: customers.id, name: customers.name, ownerId: customers.ownerId }).from(customers)
    .where(and(eq(customers.workspaceId, ws), inArray(customers.ownerId, ownerIds)));
  if (customerRows.length === 0) return { count: 0 };
  const contactRows = await db.select({ id: contacts.id, customerId: contacts.customerId }).from(contacts).where(eq(contacts.workspaceId, ws));
  const contactsOf = new Map<string, string[]>();
  for (const c of contactRows) contactsOf.set(c.customerId, [...(contactsOf.get(c.customerId) ?? []), c.id]);

  const opportunityValues: (typeof opportunities.$inferInsert)[] = [];
  const historyValues: (typeof opportunityStageHistory.$inferInsert)[] = [];
  const contactValues: (typeof opportunityContacts.$inferInsert)[] = [];
  const reportValues: (typeof initiationReports.$inferInsert)[] = [];
  const bidValues: (typeof bids.$inferInsert)[] = [];
  const perYear = new Map<string, number>();
  const closedSeq = { won: 0, lost: 0 };

  for (let i = 0; i < count; i++) {
    const customer = rand.pick(customerRows);
    const ownerId = customer.ownerId!;
    const isBig = rand.chance(0.6);
    const pipeline = isBig ? big : standard;
    const stages = stagesOf(pipeline.id);
    const orderIndex = stages.length - 1;
    const roll = rand.next();
    const status = roll < 0.66 ? 'open' : roll < 0.84 ? 'won' : 'lost';
    // open ones spread over every non-order stage, more of them early in the funnel
    const reached = status === 'won' ? orderIndex - 1 : Math.min(orderIndex - 1, Math.floor(Math.pow(rand.next(), 1.2) * orderIndex));
    // closed ones close in each of the past six months in turn (and this month), so the funnel's
    // won/lost and the forecast accuracy have figures for every recent month
    const closedOnPlanned = status === 'open' ? null : closeDateIn(today, (closedSeq[status]++) % 7, rand.int(1, 28));
    const endOn = closedOnPlanned ?? today;
    const createdOn = addDays(endOn, -rand.int(Math.max(12, reached * 12), status === 'open' ? 240 : 150));
    const span = daysBetween(createdOn, endOn);
    // one day for each stage change (and the close), spread over the time since creation; the close last
    const changes = reached + (status === 'open' ? 0 : 1);
    const days = Array.from({ length: changes }, () => rand.int(1, Math.max(1, span - 1))).sort((a, b) => a - b);
    const changeDates = days.map((d) => addDays(createdOn, d));
    if (closedOnPlanned) changeDates[changes - 1] = closedOnPlanned;

    const year = createdOn.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const number = `XM${year}-${String(seq).padStart(4, '0')}`;
    const id = newId();
    const name = `${customer.name.replace(/(有限公司|股份有限公司|集团)$/, '').slice(0, 10)} ${isBig ? rand.pick(bigProjects) : rand.pick(standardDeals)}`;
    const amount = isBig ? `${rand.int(20, 600) * 10000}.00` : `${rand.int(100, 5000) * 100}.00`;
    const createdAt = at(createdOn, rand.int(9, 17), rand.int(0, 59));

    // history: create, then one move per stage left, then the close
    historyValues.push({ workspaceId: ws, id: newId(), opportunityId: id, kind: 'create', toStageId: stages[0]!.id, actorId: ownerId, at: createdAt });
    const keyNodes: Record<string, unknown> = {};
    let enteredOn = createdOn;
    let enteredAt = createdAt;
    for (let s = 1; s <= reached; s++) {
      const on = changeDates[s - 1]!;
      const when = at(on, rand.int(9, 18), rand.int(0, 59));
      const left = stages[s - 1]!;
      if (left.keyNode) keyNodes[left.id] = { done: true, note: null, doneAt: at(on, 9).toISOString(), doneBy: ownerId };
      historyValues.push({
        workspaceId: ws, id: newId(), opportunityId: id, kind: 'move', fromStageId: left.id, toStageId: stages[s]!.id,
        daysInStage: daysBetween(enteredOn, on), actorId: ownerId, at: when > enteredAt ? when : new Date(enteredAt.getTime() + 3_600_000),
      });
      enteredOn = on;
      enteredAt = when > enteredAt ? when : new Date(enteredAt.getTime() + 3_600_000);
    }
    let stage = stages[reached]!;
    let closedOn: IsoDate | null = null;
    if (status !== 'open') {
      closedOn = changeDates[changes - 1]!;
      const when = at(closedOn, rand.int(9, 18), rand.int(0, 59));
      const closedAt = when > enteredAt ? when : new Date(enteredAt.getTime() + 3_600_000);
      const toStage = status === 'won' ? stages[orderIndex]! : null;
      historyValues.push({
        workspaceId: ws, id: newId(), opportunityId: id, kind: 'close', fromStageId: stage.id, toStageId: toStage?.id ?? null, outcome: status,
        daysInStage: daysBetween(enteredOn, closedOn), note: status === 'won' ? '客户签约，项目成交' : '项目未能推进，结项', actorId: ownerId, at: closedAt,
      });
      if (toStage) {
        stage = toStage;
        enteredAt = closedAt;
      }
    } else if (stage.keyNode && rand.chance(0.35)) {
      keyNodes[stage.id] = { done: true, note: '已完成', doneAt: enteredAt.toISOString(), doneBy: ownerId };
    }

    const category = stage.funnelCategory;
    const expectedCloseDate = status !== 'open' ? closedOn
      : category === 'best_few' ? (rand.chance(0.2) ? null : addDays(today, rand.int(5, rand.chance(0.25) ? 120 : 58)))
        : rand.chance(0.15) ? null : addDays(today, rand.int(20, 240));
    const contactIds = contactsOf.get(customer.id) ?? [];
    const chosen = contactIds.length > 0 ? [...new Set([rand.pick(contactIds), rand.pick(contactIds)])] : [];
    for (const contactId of chosen) contactValues.push({ workspaceId: ws, opportunityId: id, contactId, buyingRole: rand.pick(buyingRoles) });

    opportunityValues.push({
      workspaceId: ws, id, number, name, customerId: customer.id, pipelineId: pipeline.id, stageId: stage.id, status,
      amount, probability: stage.probability, expectedCloseDate, ownerId, departmentId: departmentOf.get(ownerId) ?? null,
      source: rand.pick(['exhibition', 'partner_referral', 'web_form', 'phone', 'business_meeting', 'online']), competitors: rand.chance(0.7) ? [rand.pick(competitorNames), rand.pick(competitorNames)].filter((c, k, all) => all.indexOf(c) === k) : [],
      needDescription: rand.pick(needs), signals: { urgency: rand.pick(levels), relevance: rand.pick(levels), sourceLevel: rand.pick(levels), decisionLevel: rand.pick(levels) },
      keyNodes, stageEnteredAt: enteredAt, closedOn, closeReason: status === 'lost' ? rand.pick(lossReasonCodes) : null,
      closeSummary: status === 'won' ? '客户签约，项目成交' : status === 'lost' ? '项目未能推进，结项' : null,
      searchText: opportunitySearchText(name, number), createdBy: ownerId, createdAt, updatedAt: enteredAt,
    });

    if (isBig) {
      const position = stages.findIndex((s) => s.id === stages[reached]!.id);
      const initiation = stages.findIndex((s) => s.code === 'initiation');
      const bidding = stages.findIndex((s) => s.code === 'bidding');
      const reportStatus = position > initiation ? 'approved' : position === initiation ? rand.pick(['pending', 'pending', 'draft', 'approved', null]) : null;
      if (reportStatus) {
        reportValues.push({
          workspaceId: ws, id: newId(), opportunityId: id, projectName: name, projectNumber: number, customerLead: rand.pick(['王总', '李总', '张工', '陈主任']),
          expectedContractAmount: amount, estimatedGrossMarginPct: `${rand.int(18, 42)}.00`, salesExpenseBudget: `${rand.int(2, 30) * 1000}.00`,
          projectCategory: rand.pick(['系统集成', '设备销售', '软件实施']), expectedSigningDate: expectedCloseDate ?? addDays(today, 90),
          status: reportStatus, submittedBy: reportStatus === 'draft' ? null : ownerId, decidedAt: reportStatus === 'approved' ? enteredAt : null,
          createdAt, updatedAt: enteredAt,
        });
      }
      const bidStatus = position > bidding ? 'approved' : position === bidding ? rand.pick(['pending', 'draft', null]) : null;
      if (bidStatus) {
        // cost 60–80 % of the price, whole yuan; the margin by the bid rule itself
        const cost = money.format(money.parse(amount).times(money.parse(60 + rand.int(0, 20)).div(100)).toDecimalPlaces(0));
        bidValues.push({
          workspaceId: ws, id: newId(), opportunityId: id, bidPrice: amount, cost,
          grossMarginPct: grossMarginPct(amount, cost), team: { ownerId, memberIds: [] }, competitorAnalysis: '对手报价偏低，但交付能力不足',
          status: bidStatus, submittedBy: bidStatus === 'draft' ? null : ownerId, decidedAt: bidStatus === 'approved' ? enteredAt : null, createdAt, updatedAt: enteredAt,
        });
      }
    }
  }

  await db.transaction(async (tx) => {
    const batch = <T>(rows: T[], size = 200) => Array.from({ length: Math.ceil(rows.length / size) }, (_, k) => rows.slice(k * size, (k + 1) * size));
    for (const rows of batch(opportunityValues)) await tx.insert(opportunities).values(rows);
    for (const rows of batch(historyValues)) await tx.insert(opportunityStageHistory).values(rows);
    await refreshStageFlowColumns(tx, ws, 'workspace');
    for (const rows of batch(contactValues)) await tx.insert(opportunityContacts).values(rows).onConflictDoNothing();
    if (reportValues.length > 0) await tx.insert(initiationReports).values(reportValues);
    if (bidValues.length > 0) await tx.insert(bids).values(bidValues);
    for (const [year, last] of perYear) {
      await tx.insert(numberSequences).values({ workspaceId: ws, documentType: 'project', periodKey: year, lastValue: last })
        .onConflictDoUpdate({ target: [numberSequences.workspaceId, numberSequences.documentType, numberSequences.periodKey], set: { lastValue: sql`greatest(${numberSequences.lastValue}, ${last})` } });
    }
  });
  return { count: opportunityValues.length };
}
