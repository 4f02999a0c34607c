import { and, eq, isNotNull } from 'drizzle-orm';
import type { LeadSource } from '../../shared/contracts/leads.contract.js';
import { addDays, daysBetween, todayIn, type IsoDate } from '../../shared/dates.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import type { DbHandle } from '../platform/db/client.js';
import { newId } from '../platform/db/columns.js';
import { defaultNumberingRules, formatNumber, periodKey } from '../platform/numbering/numbering.rules.js';
import { numberSequences } from '../platform/numbering/numbering.schema.js';
import { customers } from '../modules/customers/customers.schema.js';
import {
  receptionOverrides, receptionRoster, receptionRotations, receptionVisits,
} from '../modules/reception/reception.schema.js';
import { prng } from './demo-random.js';

const pairs = [['rep1', 'rep2'], ['rep2', 'rep3'], ['rep3', 'rep1']] as const;
/** The on-duty pair of a date: rep1, rep2, rep3 rotating in pairs, fixed per calendar date. */
export const demoDutyPair = (date: IsoDate) => pairs[((daysBetween('2026-01-01', date) % 3) + 3) % 3]!;

const walkInSources: LeadSource[] = ['walk_in', 'walk_in', 'walk_in', 'walk_in', 'exhibition', 'partner_referral', 'business_meeting', 'online', 'other'];
const callSources: LeadSource[] = ['phone', 'phone', 'phone', 'web_form', 'web_form', 'online', 'exhibition', 'partner_referral', 'other'];
const cityWords = ['上海', '杭州', '苏州', '南京', '宁波', '无锡'];
const brandWords = ['明睿', '清远', '拓维', '瀚海', '云帆', '正弘', '佳利', '华耀', '臻选', '朗驰', '熙和', '泽川'];
const trades = ['智能装备', '包装材料', '电气', '工业自动化', '检测技术', '新材料'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const overrideReasons = ['客户点名要求原对接人', '值班销售外出拜访，客户不愿等待', '客户所在区域由其他销售负责'];

const at = (date: IsoDate, minutes: number) => new Date(`${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+08:00`);

/**
 * The front desk's demo data: the duty roster for the past 30 and next 14 days (rep1, rep2, rep3 in
 * pairs) and ~150 past visits and calls (about a third returning customers routed to their owner,
 * the rest by duty rotation, a few overridden with a reason), each with its routing audit row.
 */
export async function seedDemoReception(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }, options: { seed?: number } = {}) {
  const rand = prng(options.seed ?? 20261130);
  const ws = demo.workspaceId;
  const today = todayIn('Asia/Shanghai');
  const user = (key: string) => demo.userIds[key]!;
  const owned = await handle.db.select({ id: customers.id, name: customers.name, phone: customers.phone, ownerId: customers.ownerId }).from(customers)
    .where(and(eq(customers.workspaceId, ws), isNotNull(customers.ownerId), isNotNull(customers.phone))).orderBy(customers.name).limit(120);

  const rosterRows: (typeof receptionRoster.$inferInsert)[] = [];
  for (let d = -30; d <= 14; d++) {
    const date = addDays(today, d);
    demoDutyPair(date).forEach((key, position) => rosterRows.push({ workspaceId: ws, dutyDate: date, userId: user(key), position, createdBy: user('manager1') }));
  }

  const visits: (typeof receptionVisits.$inferInsert)[] = [];
  const overrides: (typeof receptionOverrides.$inferInsert)[] = [];
  const rotations: (typeof receptionRotations.$inferInsert)[] = [];
  const rule = defaultNumberingRules.reception_visit!;
  const sequences = new Map<string, number>();
  await handle.db.transaction(async (tx) => {
    for (let d = -30; d <= -1; d++) {
      const date = addDays(today, d);
      const pair = demoDutyPair(date).map(user);
      let last: string | null = null;
      let turns = 0;
      const count = rand.int(2, 8);
      for (let i = 0, minutes = 9 * 60; i < count; i++) {
        minutes += rand.int(10, 60);
        const kind = rand.next() < 0.6 ? 'walk_in' : 'call';
        const returning = owned.length > 0 && rand.next() < 0.3 ? rand.pick(owned) : null;
        let routedBy: 'existing_owner' | 'duty_rotation';
        let assignee: string;
        if (returning) {
          routedBy = 'existing_owner';
          assignee = returning.ownerId!;
        } else {
          routedBy = 'duty_rotation';
          assignee = pair[last === pair[0] ? 1 : 0]!;
          last = assignee;
          turns++;
        }
        const id = newId();
        const createdAt = at(date, Math.min(minutes, 17 * 60 + 30));
        const period = periodKey(rule.reset, date);
        sequences.set(period, (sequences.get(period) ?? 0) + 1);
        const number = formatNumber(rule, date, sequences.get(period)!);
        const overridden = !returning && rand.next() < 0.04;
        const finalAssignee = overridden ? pair.find((p) => p !== assignee) ?? assignee : assignee;
        const visit = {
          workspaceId: ws, id, number, visitDate: date, kind,
          company: returning ? returning.name : `${rand.pick(cityWords)}${rand.pick(brandWords)}${rand.pick(trades)}有限公司`,
          contactName: `${rand.pick(surnames)}${rand.pick(['先生', '女士', '经理', '总'])}`,
          phone: returning ? returning.phone : `1${rand.pick(['3', '5', '8'])}${String(rand.int(0, 999999999)).padStart(9, '0')}`,
          source: rand.pick(kind === 'walk_in' ? walkInSources : callSources),
          customerId: returning?.id ?? null, matchedBy: returning ? 'phone' : null, matchedOwnerId: returning?.ownerId ?? null,
          autoRoutedBy: routedBy, autoAssigneeId: assignee, routedBy: overridden ? 'manual_override' : routedBy, assigneeId: finalAssignee,
          registeredBy: user('reception1'), createdAt, updatedAt: createdAt,
        } satisfies typeof receptionVisits.$inferInsert;
        visits.push(visit);
        if (overridden) {
          overrides.push({ workspaceId: ws, visitId: id, fromUserId: assignee, toUserId: finalAssignee, reason: rand.pick(overrideReasons), actorId: user('reception1'), createdAt, updatedAt: createdAt });
        }
      }
      rotations.push({ workspaceId: ws, rotationDate: date, lastUserId: last, turns });
    }
    await tx.insert(receptionRoster).values(rosterRows);
    for (let i = 0; i < visits.length; i += 200) await tx.insert(receptionVisits).values(visits.slice(i, i + 200));
    if (overrides.length > 0) await tx.insert(receptionOverrides).values(overrides);
    await tx.insert(receptionRotations).values(rotations);
    // numbered as the desk would have numbered them; the counters continue from there
    for (const [key, lastValue] of sequences) {
      await tx.insert(numberSequences).values({ workspaceId: ws, documentType: 'reception_visit', periodKey: key, lastValue });
    }
    const auditRows = visits.map((v) => ({
      workspaceId: ws, actorId: user('reception1'), actorName: '何佳', entity: 'reception_visit', entityId: v.id, action: 'route',
      after: { ...v, createdAt: v.createdAt?.toISOString(), updatedAt: v.updatedAt?.toISOString(), decision: { routedBy: v.autoRoutedBy, assigneeId: v.autoAssigneeId }, seeded: true },
    }));
    for (let i = 0; i < auditRows.length; i += 200) await tx.insert(auditLog).values(auditRows.slice(i, i + 200));
  });
  return { visits: visits.length, roster: rosterRows.length, overrides: overrides.length };
}
