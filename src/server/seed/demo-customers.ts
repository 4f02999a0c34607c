import { addDays, todayIn, type IsoDate } from '../../shared/dates.js';
import type { DbHandle } from '../platform/db/client.js';
import { newId } from '../platform/db/columns.js';
import {
  contacts, customerPoolEvents, customerProfiles, customers,
} from '../modules/customers/customers.schema.js';
import { creditCodeCheckChar, normaliseCompanyName, normalisePhone } from '../modules/customers/customers.rules.js';
import { searchKeysFor } from '../platform/search/search-keys.rules.js';
import { prng } from './demo-random.js';

/** What seedDemoWorkspace created that the customers hang on. */
export interface DemoOrg {
  workspaceId: string;
  userIds: Record<string, string>;
  departmentIds: Record<string, string>;
  territoryIds: Record<string, string>;
}

interface City { city: string; prefix: string; territory: string; area: string; districts: [division: string, district: string, roads: string[]][] }

const cities: City[] = [
  { city: '上海', prefix: '上海', territory: 'shanghai', area: '021', districts: [['310115', '浦东新区', ['张江路', '世纪大道', '金科路', '川沙路']], ['310104', '徐汇区', ['漕溪北路', '宜山路', '虹漕路']], ['310112', '闵行区', ['莘庄工业区春东路', '都会路', '光华路']], ['310106', '静安区', ['江场路', '共和新路']]] },
  { city: '杭州', prefix: '杭州', territory: 'hangzhou', area: '0571', districts: [['330108', '滨江区', ['江南大道', '滨安路', '长河路']], ['330106', '西湖区', ['文三路', '西溪路']], ['330110', '余杭区', ['文一西路', '五常大道']]] },
  { city: '北京', prefix: '北京', territory: 'beijing', area: '010', districts: [['110108', '海淀区', ['中关村大街', '上地信息路', '学院路']], ['110105', '朝阳区', ['酒仙桥路', '望京街', '东三环中路']], ['110115', '大兴区', ['经海路', '荣华中路']]] },
  { city: '苏州', prefix: '苏州', territory: 'east', area: '0512', districts: [['320505', '高新区', ['长江路', '珠江路', '科灵路']], ['320506', '吴中区', ['东吴北路', '宝带西路']]] },
  { city: '天津', prefix: '天津', territory: 'north', area: '022', districts: [['120116', '滨海新区', ['黄海路', '第五大街', '泰达大街']]] },
];

const brandWords = [
  '华信', '恒远', '瑞丰', '中科', '宏达', '金桥', '博远', '天成', '鼎盛', '汇通', '嘉禾', '永泰', '新锐', '东方', '晨光', '启明', '安泰', '利达',
  '盛世', '万邦', '正大', '卓越', '协和', '海纳', '星辰', '润泽', '凯瑞', '航宇', '德信', '同创', '明阳', '致远', '和盛', '华通', '长风', '立信',
  '振华', '远景', '科兴', '信达', '泰和', '国鑫', '通达', '恒通', '众诚', '天宇', '联创', '奥德', '锦程', '美达',
];

const industries: { industry: string; words: string[] }[] = [
  { industry: '制造业', words: ['精密机械', '机电设备', '自动化设备', '模具', '五金制品', '数控机床'] },
  { industry: '电子', words: ['电子科技', '微电子', '光电技术', '电子元器件'] },
  { industry: '软件和信息技术', words: ['信息技术', '软件', '数据科技', '网络科技'] },
  { industry: '医药医疗', words: ['生物医药', '医疗器械', '药业'] },
  { industry: '化工', words: ['化工', '新材料', '涂料'] },
  { industry: '建筑', words: ['建设工程', '建筑安装', '装饰工程'] },
  { industry: '物流', words: ['物流', '供应链管理', '国际货运代理'] },
  { industry: '商贸零售', words: ['商贸', '贸易', '连锁超市'] },
  { industry: '能源环保', words: ['新能源科技', '电力设备', '环保科技'] },
  { industry: '食品', words: ['食品', '饮料'] },
  { industry: '汽车零部件', words: ['汽车零部件', '汽车配件', '汽车电子'] },
];

const suffixes = ['有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '股份有限公司', '股份有限公司', '有限责任公司'];
const tagPool = ['重点客户', '老客户', '招投标', '渠道客户', '战略合作', '待回访', '价格敏感', '新开发'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
const givenNames = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '志强', '海燕', '晓东', '春梅', '国庆', '文博', '子涵'];
const rolesTitles = {
  economic_buyer: ['总经理', '董事长', '副总经理', '总裁'],
  technical_buyer: ['技术总监', '总工程师', '信息部经理', '质量部经理'],
  user_buyer: ['生产经理', '车间主任', '项目经理', '运营经理'],
  coach: ['采购专员', '总经理助理', '行政主管'],
  influencer: ['财务总监', '采购经理', '法务经理'],
} as const;
type BuyingRoleKey = keyof typeof rolesTitles;

/** A plausible 9-character organisation code (GB 11714: 8 digits + check character). */
function organisationCode(rand: ReturnType<typeof prng>): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const body = Array.from({ length: 8 }, () => String(rand.int(0, 9))).join('');
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  const check = 11 - (sum % 11);
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** A unified social credit code (统一社会信用代码) with a valid check character: 91 = enterprise, then division and organisation code. */
function creditCode(rand: ReturnType<typeof prng>, division: string): string {
  const first17 = `91${division}${organisationCode(rand)}`;
  return first17 + creditCodeCheckChar(first17)!;
}

const at = (date: IsoDate, hour: number, minute: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

/**
 * Values for the demo's custom fields (demo-custom-fields.ts) on about a third of the customers,
 * derived from the row number so the random sequence of the rest of the seed stays the same.
 */
function demoCustomFieldValues(n: number, valueClass: string): Record<string, string | number | string[]> {
  if (n % 3 !== 0) return {};
  const erp = ['用友 U8', '金蝶 K/3', 'SAP Business One', '鼎捷 T100', '自研'][n % 5]!;
  const employees = valueClass === 'A' ? 800 + (n % 7) * 150 : valueClass === 'B' ? 200 + (n % 9) * 40 : 20 + (n % 11) * 15;
  const revenueWan = employees * (40 + (n % 5) * 10);
  return {
    erp, employees, annualRevenue: `${revenueWan}0000.00`,
    sourceChannel: ['展会', '官网', '转介绍', '电话营销', '其他'][n % 5]!,
    ...(n % 2 === 0 ? { certifications: n % 4 === 0 ? ['ISO9001', '高新技术企业'] : ['ISO9001'] } : {}),
    ...(n % 6 === 0 ? { contractExpiresOn: `2027-${String((n % 12) + 1).padStart(2, '0')}-28` } : {}),
  };
}

/**
 * A few hundred realistic customers for the demo workspace: Chinese company names with valid
 * credit codes, industries, territories and value classes, owned by rep1/rep2/rep3/supervisor1 with
 * some in the public pool, each with 1–4 contacts in buying roles. Multi-row inserts, seeded PRNG.
 */
export async function seedDemoCustomers(handle: DbHandle, demo: DemoOrg, options: { count?: number; seed?: number } = {}) {
  const rand = prng(options.seed ?? 20260301);
  const count = options.count ?? 300;
  const today = todayIn('Asia/Shanghai');
  const ws = demo.workspaceId;
  const ownersByTerritory: Record<string, string[]> = {
    shanghai: ['rep1', 'rep1', 'rep1', 'supervisor1'], hangzhou: ['rep2', 'rep2', 'rep2', 'supervisor1'],
    beijing: ['rep3'], east: ['supervisor1', 'rep1', 'rep2'], north: ['rep3'],
  };
  const deptOf: Record<string, string> = { rep1: 'sales1', rep2: 'sales1', supervisor1: 'sales1', rep3: 'sales2' };

  const names = new Set<string>();
  const phones = new Set<string>();
  const customerRows: (typeof customers.$inferInsert)[] = [];
  const profileRows: (typeof customerProfiles.$inferInsert)[] = [];
  const contactRows: (typeof contacts.$inferInsert)[] = [];
  const eventRows: (typeof customerPoolEvents.$inferInsert)[] = [];
  const lockedPerOwner: Record<string, number> = {};

  for (let guard = 0; customerRows.length < count && guard < count * 20; guard++) {
    const place = rand.pick(cities);
    const [division, district, roads] = rand.pick(place.districts);
    const trade = rand.pick(industries);
    const name = `${place.prefix}${rand.pick(brandWords)}${rand.pick(trade.words)}${rand.pick(suffixes)}`;
    const nameNormalised = normaliseCompanyName(name);
    if (names.has(nameNormalised)) continue;
    names.add(nameNormalised);
    const landline = () => `${place.area}-${rand.int(5, 8)}${String(rand.int(0, 9999999)).padStart(7, '0')}`;
    let phone = landline();
    while (phones.has(normalisePhone(phone))) phone = landline();
    phones.add(normalisePhone(phone));

    const id = newId();
    const roll = rand.next();
    const valueClass = roll < 0.1 ? 'A' : roll < 0.35 ? 'B' : roll < 0.8 ? 'C' : 'D';
    const statusRoll = rand.next();
    const status = statusRoll < 0.4 ? 'prospect' : statusRoll < 0.8 ? 'active' : statusRoll < 0.92 ? 'dormant' : 'lost';
    const inPool = rand.chance(0.15);
    const ownerKey = inPool ? null : rand.pick(ownersByTerritory[place.territory]!);
    const ownerId = ownerKey ? demo.userIds[ownerKey]! : null;

    // dates that make a living pipeline: most customers comfortably inside the recycle rules, a few
    // in the warning window, a couple overdue (the next sweep returns them to the pool)
    const followRoll = rand.next();
    const followUpAgo = followRoll < 0.85 ? rand.int(0, 25) : followRoll < 0.96 ? rand.int(27, 29) : rand.int(31, 40);
    const ownedSince = status === 'active' ? addDays(today, -rand.int(60, 700)) : addDays(today, -rand.int(followUpAgo, 85));
    const lastFollowUpOn = addDays(today, -followUpAgo) < ownedSince ? ownedSince : addDays(today, -followUpAgo);
    const lastDealOn = status === 'active' ? addDays(today, -rand.int(0, 80)) : status === 'prospect' ? null : addDays(ownedSince, -rand.int(100, 400));
    const releasedOn = inPool ? addDays(today, -rand.int(1, 60)) : null;
    const createdOn = inPool ? addDays(releasedOn!, -rand.int(60, 500)) : ownedSince;
    const createdAt = at(createdOn, rand.int(8, 18), rand.int(0, 59));
    const updatedAt = at(inPool ? releasedOn! : lastFollowUpOn, rand.int(8, 18), rand.int(0, 59));
    const isLocked = ownerKey !== null && (valueClass === 'A' || valueClass === 'B') && rand.chance(0.25) && (lockedPerOwner[ownerKey] ?? 0) < 10;
    if (isLocked) lockedPerOwner[ownerKey!] = (lockedPerOwner[ownerKey!] ?? 0) + 1;
    const tags = rand.chance(0.6) ? [...new Set([rand.pick(tagPool), ...(rand.chance(0.3) ? [rand.pick(tagPool)] : [])])] : [];
    const road = rand.pick(roads);

    customerRows.push({
      workspaceId: ws, id, name, nameNormalised, creditCode: rand.chance(0.85) ? creditCode(rand, division) : null,
      industry: trade.industry, size: rand.pick(['micro', 'small', 'small', 'medium', 'medium', 'large']), valueClass, status,
      territoryId: demo.territoryIds[place.territory] ?? null, address: `${place.city}市${district}${road}${rand.int(1, 999)}号`,
      website: rand.chance(0.5) ? `https://www.${String.fromCharCode(97 + rand.int(0, 25))}${String.fromCharCode(97 + rand.int(0, 25))}${rand.int(100, 999)}.com.cn` : null,
      phone, phoneNormalised: normalisePhone(phone), tags, customFields: demoCustomFieldValues(customerRows.length, valueClass),
      ownerId, departmentId: ownerKey ? demo.departmentIds[deptOf[ownerKey]!] ?? null : null,
      ownedSince: ownerId ? ownedSince : null, lastFollowUpOn: inPool ? null : lastFollowUpOn, lastDealOn: inPool ? null : lastDealOn,
      isLocked, lockedBy: isLocked ? ownerId : null,
      formerOwnerId: inPool ? demo.userIds[rand.pick(['rep1', 'rep2', 'rep3'])]! : null, releasedOn,
      reviewedOn: rand.chance(0.7) ? addDays(today, -rand.int(0, 150)) : null, createdBy: ownerId, createdAt, updatedAt,
    });
    if (inPool) eventRows.push({ workspaceId: ws, customerId: id, kind: 'recycle', userId: customerRows.at(-1)!.formerOwnerId, onDate: releasedOn!, reason: 'no_follow_up' });

    const detailed = rand.chance(0.4);
    profileRows.push({
      workspaceId: ws, customerId: id,
      keyPeople: detailed ? '总经理拍板，技术总监把关选型；采购经理负责比价。' : null,
      decisionModel: detailed ? rand.pick(['总经理一人决策', '采购委员会集体决策', '集团总部审批、分公司执行']) : null,
      organisationForm: detailed ? rand.pick(['民营企业，直线职能制', '国有控股，事业部制', '外资企业，矩阵式管理']) : null,
      interpersonalStyle: detailed ? rand.pick(['务实、重数据', '重关系、喜欢面谈', '谨慎、决策周期长']) : null,
      needs: detailed ? rand.pick(['产线自动化改造', '降低采购成本', '提升交付及时率', '系统国产化替代']) : null,
      similarCustomers: null, financialNotes: detailed && rand.chance(0.5) ? '回款及时，账期 60 天。' : null, maintenancePlan: null,
    });

    const contactCount = rand.int(1, 4);
    const roles: BuyingRoleKey[] = ['economic_buyer', ...(['technical_buyer', 'user_buyer', 'coach', 'influencer'] as const)
      .filter(() => rand.chance(0.6))].slice(0, contactCount) as BuyingRoleKey[];
    let bossId: string | null = null;
    for (const role of roles) {
      const contactId = newId();
      const mobile = `1${rand.pick(['3', '5', '8', '9'])}${rand.int(0, 9)}${String(rand.int(0, 99999999)).padStart(8, '0')}`;
      contactRows.push({
        workspaceId: ws, id: contactId, customerId: id, name: `${rand.pick(surnames)}${rand.pick(givenNames)}`, title: rand.pick(rolesTitles[role]),
        department: role === 'economic_buyer' ? '总经办' : role === 'technical_buyer' ? '技术部' : role === 'user_buyer' ? '生产部' : role === 'influencer' ? '财务部' : '采购部',
        mobile, mobileNormalised: mobile, phone: null, phoneNormalised: null,
        email: rand.chance(0.4) ? `${contactId.slice(-6)}@example.com.cn` : null, im: rand.chance(0.3) ? `wx_${mobile.slice(-6)}` : null,
        birthday: rand.chance(0.2) ? `19${rand.int(65, 95)}-${String(rand.int(1, 12)).padStart(2, '0')}-${String(rand.int(1, 28)).padStart(2, '0')}` : null,
        notes: null, reportsToId: bossId, buyingRole: role,
        attitude: rand.pick(['supporter', 'neutral', 'neutral', 'opponent']), influence: role === 'economic_buyer' ? 'high' : rand.pick(['low', 'medium', 'high']),
        customFields: {}, createdBy: ownerId, createdAt, updatedAt: createdAt,
      });
      bossId ??= contactId;
    }
  }

  for (const row of [...customerRows, ...contactRows]) row.searchText = searchKeysFor(row.name);
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < customerRows.length; i += 250) await tx.insert(customers).values(customerRows.slice(i, i + 250));
    for (let i = 0; i < profileRows.length; i += 500) await tx.insert(customerProfiles).values(profileRows.slice(i, i + 500));
    for (let i = 0; i < contactRows.length; i += 400) await tx.insert(contacts).values(contactRows.slice(i, i + 400));
    if (eventRows.length > 0) await tx.insert(customerPoolEvents).values(eventRows);
  });
  return { customers: customerRows.length, contacts: contactRows.length, inPool: eventRows.length };
}
