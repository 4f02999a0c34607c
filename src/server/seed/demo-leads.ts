import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { LeadSource, NeedTrigger, Qualification, QualificationStatus } from '../../shared/contracts/leads.contract.js';
import { qualificationItems } from '../../shared/contracts/leads.contract.js';
import { addDays, daysBetween, todayIn, type IsoDate } from '../../shared/dates.js';
import type { DbHandle } from '../platform/db/client.js';
import { newId } from '../platform/db/columns.js';
import { numberSequences } from '../platform/numbering/numbering.schema.js';
import { customers } from '../modules/customers/customers.schema.js';
import { normalisePhone } from '../modules/customers/customers.rules.js';
import { leadSearchText } from '../modules/leads/leads.rules.js';
import { leadPoolEvents, leads } from '../modules/leads/leads.schema.js';
import { prng } from './demo-random.js';

const places = [
  { city: '上海', region: '华东', territory: 'shanghai', owners: ['rep1', 'rep1', 'supervisor1'] },
  { city: '杭州', region: '华东', territory: 'hangzhou', owners: ['rep2', 'rep2', 'supervisor1'] },
  { city: '宁波', region: '华东', territory: 'east', owners: ['rep2', 'rep1'] },
  { city: '苏州', region: '华东', territory: 'east', owners: ['rep1', 'rep2'] },
  { city: '北京', region: '华北', territory: 'beijing', owners: ['rep3'] },
  { city: '天津', region: '华北', territory: 'north', owners: ['rep3'] },
];
const brands = ['远航', '景曜', '新禾', '博瑞', '宏图', '汇智', '联科', '智诚', '华拓', '恒晟', '捷顺', '易达', '嘉诚', '天润', '合力', '兴邦', '正泰', '拓维', '鑫源', '科达', '瑞德', '光启', '中迅', '佳创'];
const trades = [
  { industry: '制造业', words: ['机械制造', '精工', '智能装备', '自动化'], needs: ['产线自动化改造，想了解整线方案', '老旧设备替换，关注能耗', '新厂房设备采购，明年一季度投产'] },
  { industry: '电子', words: ['电子', '光电', '半导体'], needs: ['SMT 车间扩产，需要检测设备', '新产品线导入，要求快速交付'] },
  { industry: '软件和信息技术', words: ['信息技术', '软件', '数字科技'], needs: ['替换现有 ERP，要求国产化', '上云改造，先做试点'] },
  { industry: '医药医疗', words: ['生物医药', '医疗器械'], needs: ['GMP 改造，洁净车间配套', '新建实验室，设备整体采购'] },
  { industry: '物流', words: ['物流', '供应链'], needs: ['仓储自动化，先上分拣线', '车队管理系统升级'] },
  { industry: '化工', words: ['化工', '新材料'], needs: ['安全环保改造，时间紧', 'DCS 系统升级换代'] },
];
const suffixes = ['有限公司', '有限公司', '有限公司', '股份有限公司'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const givenNames = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '建华', '志强', '海燕', '晓东', '国庆', '文博'];
const titles = ['总经理', '副总经理', '采购经理', '设备部经理', '技术总监', 'IT 经理', '生产部长', '厂长'];
const sources: LeadSource[] = ['web_form', 'web_form', 'phone', 'phone', 'exhibition', 'exhibition', 'partner_referral', 'walk_in', 'online', 'online', 'business_meeting', 'other'];
const triggers: NeedTrigger[] = ['new_contract_won', 'new_product', 'expanding', 'new_technology', 'profit_structure_change', 'phasing_out_old_technology', 'new_business_model'];
const disqualifyReasons = ['只是做市场调研，暂无采购计划', '预算不足，项目取消', '已与竞争对手签约', '联系人已离职，公司无回应', '需求不在我们的产品范围内'];
const notes: Record<(typeof qualificationItems)[number], string[]> = {
  money: ['年度预算 50 万左右', '预算已批，约 120 万', '预算待董事会审批'],
  authority: ['总经理拍板，技术总监把关', '集团采购中心决策', '副总负责，老板最后签字'],
  need: ['产能不足，急需扩产', '现有设备故障率高', '质量追溯要求提高'],
  competition: ['同时在看两家国外品牌', '老供应商在维护关系', '暂无明显竞争对手'],
  organization: ['采购、技术、财务三方评审', '设备部牵头，生产部参与'],
  otherOpportunities: ['二期项目明年启动', '兄弟工厂也有类似需求'],
  timing: ['下个季度采购', '年底前完成招标', '预计明年 3 月上线'],
  howToBuy: ['公开招标', '三家比价后议价', '框架协议 + 订单'],
};

const at = (date: IsoDate, hour: number, minute: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

interface DemoOrg { workspaceId: string; userIds: Record<string, string>; territoryIds: Record<string, string> }

/**
 * ~120 demo leads (销售线索) over the reps, statuses and sources, some in the lead pool, with the
 * MAN-COTH checklist filled as far as each lead got; converted ones point at the owner's customers.
 * Numbers follow creation (XS<year>-0001 …) and the numbering sequence continues after them.
 */
export async function seedDemoLeads(handle: DbHandle, demo: DemoOrg, options: { count?: number; seed?: number } = {}) {
  const rand = prng(options.seed ?? 20260412);
  const count = options.count ?? 120;
  const today = todayIn('Asia/Shanghai');
  const ws = demo.workspaceId;
  const ownedCustomers = await handle.db.select({ id: customers.id, name: customers.name, ownerId: customers.ownerId }).from(customers)
    .where(and(eq(customers.workspaceId, ws), isNotNull(customers.ownerId)));

  type Draft = Omit<typeof leads.$inferInsert, 'id' | 'number'> & { createdOn: IsoDate };
  const drafts: Draft[] = [];
  const companies = new Set<string>();
  for (let guard = 0; drafts.length < count && guard < count * 20; guard++) {
    const place = rand.pick(places);
    const trade = rand.pick(trades);
    const company = `${place.city}${rand.pick(brands)}${rand.pick(trade.words)}${rand.pick(suffixes)}`;
    if (companies.has(company)) continue;
    companies.add(company);

    const roll = rand.next();
    const status = roll < 0.3 ? 'new' : roll < 0.58 ? 'contacted' : roll < 0.72 ? 'qualified' : roll < 0.84 ? 'converted' : 'disqualified';
    const isOpen = status === 'new' || status === 'contacted' || status === 'qualified';
    const inPool = isOpen && rand.chance(0.15);
    const ownerKey = inPool ? null : rand.pick(place.owners);
    const ownerId = ownerKey ? demo.userIds[ownerKey]! : null;
    const createdOn = addDays(today, -rand.int(0, 90));
    // most open leads followed up within the 14-day rule, a few in the warning window, one or two overdue
    const followRoll = rand.next();
    const followUpAgo = followRoll < 0.82 ? rand.int(0, 10) : followRoll < 0.95 ? rand.int(11, 13) : rand.int(15, 20);
    const lastFollowUpOn = status === 'new' ? null : [addDays(today, -followUpAgo), createdOn].sort().at(-1)!;
    const ownedSince = ownerId ? (status === 'new' ? [addDays(today, -followUpAgo), createdOn].sort().at(-1)! : createdOn) : null;

    const filledUpTo: Record<string, number> = { new: 0, contacted: 3, qualified: 8, converted: 8, disqualified: 2 };
    const qualification = Object.fromEntries(qualificationItems.map((k, i) => {
      const required = k === 'money' || k === 'authority' || k === 'need' || k === 'timing';
      let itemStatus: QualificationStatus = 'unknown';
      if (status === 'qualified' || status === 'converted') itemStatus = required || rand.chance(0.5) ? 'confirmed' : rand.pick(['partial', 'unknown'] as const);
      else if (i < filledUpTo[status]! && rand.chance(0.7)) itemStatus = rand.pick(['partial', 'confirmed'] as const);
      return [k, { status: itemStatus, note: itemStatus === 'unknown' ? null : rand.pick(notes[k]) }];
    })) as Qualification;

    const converted = status === 'converted' ? ownedCustomers.filter((c) => c.ownerId === ownerId) : [];
    const target = converted.length > 0 ? rand.pick(converted) : null;
    const phone = `1${rand.pick(['3', '5', '8', '9'])}${rand.int(0, 9)}${String(rand.int(0, 99999999)).padStart(8, '0')}`;
    drafts.push({
      workspaceId: ws, company: target?.name ?? company, contactName: `${rand.pick(surnames)}${rand.pick(givenNames)}`,
      title: rand.pick(titles), phone, phoneNormalised: normalisePhone(phone),
      email: rand.chance(0.4) ? `contact${drafts.length + 1}@example.com.cn` : null, im: rand.chance(0.3) ? `wx_${phone.slice(-6)}` : null,
      region: place.region, territoryId: demo.territoryIds[place.territory] ?? null, industry: trade.industry, source: rand.pick(sources),
      needDescription: rand.pick(trade.needs), needTriggers: [...new Set(triggers.filter(() => rand.chance(0.2)))],
      estimatedAmount: rand.chance(0.7) ? `${rand.int(5, 300) * 10000}.00` : null, qualification, status: target || status !== 'converted' ? status : 'qualified',
      disqualifyReason: status === 'disqualified' ? rand.pick(disqualifyReasons) : null,
      ownerId, ownedSince, lastFollowUpOn, formerOwnerId: inPool ? demo.userIds[rand.pick(['rep1', 'rep2', 'rep3'])]! : null,
      releasedOn: inPool ? addDays(today, -rand.int(0, Math.min(30, daysBetween(createdOn, today)))) : null,
      customerId: target?.id ?? null, convertedCustomerId: target?.id ?? null,
      convertedAt: target ? at([addDays(createdOn, rand.int(5, 30)), today].sort()[0]!, rand.int(9, 17), rand.int(0, 59)) : null,
      customFields: rand.chance(0.4) ? { budgetRange: rand.pick(['10 万以下', '10–50 万', '50–200 万', '200 万以上']) } : {},
      createdBy: ownerId, createdOn,
    });
  }

  // ids (UUIDv7) and numbers follow creation, so lists newest-first read naturally
  drafts.sort((a, b) => a.createdOn.localeCompare(b.createdOn));
  const perYear = new Map<string, number>();
  const rows = drafts.map(({ createdOn, ...d }) => {
    const year = createdOn.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const createdAt = at(createdOn, rand.int(8, 18), rand.int(0, 59));
    const touched = d.lastFollowUpOn ?? d.releasedOn ?? createdOn;
    return { ...d, searchText: leadSearchText(d.company, d.contactName), id: newId(), number: `XS${year}-${String(seq).padStart(4, '0')}`, createdAt, updatedAt: at(touched > createdOn ? touched : createdOn, 18, 30) };
  });

  await handle.db.transaction(async (tx) => {
    await tx.insert(leads).values(rows);
    const pooled = rows.filter((r) => r.ownerId === null);
    if (pooled.length > 0) {
      await tx.insert(leadPoolEvents).values(pooled.map((r) => ({
        workspaceId: ws, leadId: r.id, kind: 'recycle', userId: r.formerOwnerId, onDate: r.releasedOn!, reason: 'no_follow_up',
      })));
    }
    for (const [year, last] of perYear) {
      await tx.insert(numberSequences).values({ workspaceId: ws, documentType: 'lead', periodKey: year, lastValue: last })
        .onConflictDoUpdate({ target: [numberSequences.workspaceId, numberSequences.documentType, numberSequences.periodKey], set: { lastValue: sql`greatest(${numberSequences.lastValue}, ${last})` } });
    }
  });
  return { count: rows.length };
}

