import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ActivityType, CallReportMessage } from '../../shared/contracts/activities.contract.js';
import { addDays, todayIn, type IsoDate } from '../../shared/dates.js';
import type { DbHandle } from '../platform/db/client.js';
import { newId } from '../platform/db/columns.js';
import { isFollowUp } from '../modules/activities/activities.rules.js';
import { activities, callReportRecipients, callReports, tasks } from '../modules/activities/activities.schema.js';
import { contacts, customers } from '../modules/customers/customers.schema.js';
import { opportunities } from '../modules/opportunities/opportunities.schema.js';
import { prng } from './demo-random.js';

const subjects: Record<ActivityType, string[]> = {
  visit: ['上门拜访，了解扩产计划', '拜访设备部，现场查看产线', '拜访采购经理，递交资料', '陪同技术总监参观样板工厂', '季度例行拜访'],
  call: ['电话确认需求细节', '电话跟进报价反馈', '电话约下周拜访时间', '电话了解预算审批进度'],
  email: ['发送产品资料和案例', '发送报价单', '发送技术方案初稿'],
  meeting: ['方案评审会', '商务谈判会议', '项目启动会'],
  demo: ['样机现场演示', '线上系统演示'],
  message: ['微信发送节日问候', '微信确认会议纪要'],
  task: ['整理客户组织结构', '准备投标资料'],
};
const outcomes = ['客户对方案感兴趣，要求下周报价', '预算已列入明年计划', '决策人出差，需再约', '竞争对手也在接触，需加快节奏', '客户要求提供三个同行案例'];
const messages: CallReportMessage[] = [
  { budget: '年度设备预算约 200 万，已报董事会', orgChart: '总经理—设备部（王经理）—采购部（李主管）', decisionModel: '设备部提需求，总经理拍板，采购比价', competitors: '两家国外品牌，一家本地厂商', other: null },
  { budget: '预算 80 万，分两期', orgChart: '技术总监牵头，生产部参与', decisionModel: '技术打分 60%，价格 40%', competitors: '老供应商在维护关系', other: '客户希望年底前完成' },
  { budget: '暂无明确预算，先做试点', orgChart: 'IT 经理对接，副总分管', decisionModel: '集团采购中心统一决策', competitors: '暂无明显竞争对手', other: null },
];
const actions = ['准备技术方案', '发送报价单', '安排样机演示', '约技术总监面谈', '提交立项报告', '整理竞争对手分析', '寄送样品', '确认交货周期'];

/** The sales people whose diaries are seeded, with how busy they are. */
const diaries = [
  { user: 'rep1', perWeek: 9 }, { user: 'rep2', perWeek: 7 }, { user: 'rep3', perWeek: 6 }, { user: 'supervisor1', perWeek: 3 }, { user: 'manager1', perWeek: 1 },
] as const;
const supervisorOf: Record<string, string> = { rep1: 'supervisor1', rep2: 'supervisor1', rep3: 'manager1', supervisor1: 'manager1', manager1: 'vp' };

/** The instant of a day at hh:mm in Asia/Shanghai (UTC+8, no daylight saving). */
const at = (day: IsoDate, hour: number, minute: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

/**
 * Seeds a few hundred activities over the past three months for the sales people's own customers
 * (linked to their opportunities where there are some), call reports with TO/CC and action items
 * for about a third of the visits and calls, the tasks of the sent ones (older done, recent open,
 * some overdue — rep1 always has open and overdue tasks), and planned visits for the next two weeks.
 */
export async function seedDemoActivities(handle: DbHandle, p: { workspaceId: string; userIds: Record<string, string> }) {
  const { workspaceId: ws, userIds } = p;
  const today = todayIn('Asia/Shanghai');
  const rnd = prng(Number(today.replaceAll('-', '')) + 7);
  const activityRows: (typeof activities.$inferInsert)[] = [];
  const reportRows: (typeof callReports.$inferInsert)[] = [];
  const recipientRows: (typeof callReportRecipients.$inferInsert)[] = [];
  const taskRows: (typeof tasks.$inferInsert)[] = [];

  for (const diary of diaries) {
    const ownerId = userIds[diary.user];
    if (!ownerId) continue;
    const owned = await handle.db.select({ id: customers.id, name: customers.name, address: customers.address, lastFollowUpOn: customers.lastFollowUpOn }).from(customers)
      .where(and(eq(customers.workspaceId, ws), eq(customers.ownerId, ownerId))).orderBy(asc(customers.id)).limit(40);
    if (owned.length === 0) continue;
    const ids = owned.map((c) => c.id);
    const people = await handle.db.select({ id: contacts.id, customerId: contacts.customerId, name: contacts.name, mobile: contacts.mobile }).from(contacts)
      .where(and(eq(contacts.workspaceId, ws), inArray(contacts.customerId, ids)));
    const deals = await handle.db.select({ id: opportunities.id, customerId: opportunities.customerId }).from(opportunities)
      .where(and(eq(opportunities.workspaceId, ws), inArray(opportunities.customerId, ids)));
    const supervisor = userIds[supervisorOf[diary.user] ?? 'manager1'];

    const count = diary.perWeek * 13;
    for (let i = 0; i < count; i++) {
      const customer = rnd.pick(owned);
      const contact = people.filter((c) => c.customerId === customer.id)[0] ?? null;
      const deal = rnd.chance(0.6) ? deals.find((d) => d.customerId === customer.id) ?? null : null;
      const picked = rnd.pick<ActivityType>(['visit', 'visit', 'visit', 'call', 'call', 'call', 'email', 'meeting', 'demo', 'message']);
      // a customer never followed up has had e-mails at most
      const type: ActivityType = customer.lastFollowUpOn || !isFollowUp(picked) ? picked : 'email';
      // follow-ups end at the customer's recorded last follow-up, so the diary agrees with its pool-recycle clock
      const lastFollowUp = customer.lastFollowUpOn && customer.lastFollowUpOn < today ? customer.lastFollowUpOn : today;
      const day = isFollowUp(type) ? addDays(lastFollowUp, -rnd.int(0, 80)) : addDays(today, -rnd.int(0, 90));
      const occurredAt = at(day, rnd.int(9, 17), rnd.pick([0, 15, 30, 45]));
      if (occurredAt > new Date()) continue;
      const id = newId();
      activityRows.push({
        workspaceId: ws, id, type, subject: rnd.pick(subjects[type]), notes: rnd.chance(0.5) ? rnd.pick(outcomes) : null,
        customerId: customer.id, contactId: contact?.id ?? null, opportunityId: deal?.id ?? null, status: 'done', occurredAt,
        durationMinutes: type === 'visit' ? rnd.pick([60, 90, 120]) : type === 'call' ? rnd.pick([10, 15, 30]) : null,
        location: type === 'visit' ? customer.address : null, outcome: rnd.chance(0.7) ? rnd.pick(outcomes) : null,
        completedAt: occurredAt, ownerId, createdBy: ownerId, createdAt: occurredAt, updatedAt: occurredAt,
      });
      if ((type === 'visit' || type === 'call') && rnd.chance(0.35) && supervisor) {
        const reportId = newId();
        const sent = rnd.chance(0.85);
        const sentAt = new Date(occurredAt.getTime() + 3 * 3_600_000);
        const items = Array.from({ length: rnd.int(1, 3) }, () => ({
          action: rnd.pick(actions), assigneeId: rnd.chance(0.8) ? ownerId : supervisor, dueDate: addDays(day, rnd.int(2, 14)), reminderAt: null,
        }));
        reportRows.push({
          workspaceId: ws, id: reportId, activityId: id, reportDate: day, customerId: customer.id, contactId: contact?.id ?? null,
          opportunityId: deal?.id ?? null, company: customer.name, contactName: contact?.name ?? null, phone: contact?.mobile ?? null,
          address: customer.address, purpose: '了解客户需求与预算，推动下一步', notes: rnd.pick(outcomes), message: rnd.pick(messages),
          actionItems: items, status: sent ? 'sent' : 'draft', sentAt: sent ? sentAt : null, authorId: ownerId, createdAt: occurredAt, updatedAt: sent ? sentAt : occurredAt,
        });
        recipientRows.push({ workspaceId: ws, callReportId: reportId, userId: supervisor, kind: 'to' });
        const colleague = diary.user === 'rep1' ? userIds.rep2 : diary.user === 'rep2' ? userIds.rep1 : undefined;
        if (colleague && rnd.chance(0.4)) recipientRows.push({ workspaceId: ws, callReportId: reportId, userId: colleague, kind: 'cc' });
        if (sent) {
          items.forEach((item, index) => {
            const isDone = item.dueDate < addDays(today, -7) ? rnd.chance(0.9) : rnd.chance(0.2);
            taskRows.push({
              workspaceId: ws, action: item.action, assigneeId: item.assigneeId, dueDate: item.dueDate, reminderAt: at(item.dueDate, 9, 0),
              remindedFor: item.dueDate <= today ? item.dueDate : null, status: isDone ? 'done' : 'open', doneAt: isDone ? at(item.dueDate, 16, 0) : null,
              customerId: customer.id, opportunityId: deal?.id ?? null, callReportId: reportId, itemIndex: index, createdBy: ownerId,
              createdAt: sentAt, updatedAt: sentAt,
            });
          });
        }
      }
    }
    // the next two weeks: planned visits and calls
    for (let i = 0; i < Math.ceil(diary.perWeek / 2); i++) {
      const customer = rnd.pick(owned);
      const type = rnd.pick<ActivityType>(['visit', 'call', 'meeting']);
      const occurredAt = at(addDays(today, rnd.int(1, 14)), rnd.int(9, 16), 0);
      activityRows.push({
        workspaceId: ws, type, subject: rnd.pick(subjects[type]), customerId: customer.id, status: 'planned', occurredAt,
        ownerId, createdBy: ownerId,
      });
    }
  }
  // rep1 always has something on "my tasks": due today, overdue, upcoming
  const rep1 = userIds.rep1;
  const rep1Customer = rep1 ? activityRows.find((a) => a.ownerId === rep1)?.customerId : undefined;
  if (rep1) {
    for (const [action, d] of [['回复客户技术问题', 0], ['提交上周拜访的报价', -3], ['跟进合同条款修改', -1], ['准备季度客户回访清单', 4], ['确认样机到货时间', 9]] as const) {
      taskRows.push({
        workspaceId: ws, action, assigneeId: rep1, dueDate: addDays(today, d), reminderAt: at(addDays(today, d), 9, 0), status: 'open',
        customerId: rep1Customer ?? null, createdBy: rep1,
      });
    }
  }

  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < activityRows.length; i += 500) await tx.insert(activities).values(activityRows.slice(i, i + 500));
    for (let i = 0; i < reportRows.length; i += 500) await tx.insert(callReports).values(reportRows.slice(i, i + 500));
    for (let i = 0; i < recipientRows.length; i += 500) await tx.insert(callReportRecipients).values(recipientRows.slice(i, i + 500));
    for (let i = 0; i < taskRows.length; i += 500) await tx.insert(tasks).values(taskRows.slice(i, i + 500));
  });
  return { activities: activityRows.length, callReports: reportRows.length, tasks: taskRows.length };
}
