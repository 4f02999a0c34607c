import { and, eq, inArray } from 'drizzle-orm';
import type { NeedStep, RecognitionSignalLevel, Sentiment, TouchpointChannel } from '../../shared/contracts/mot.contract.js';
import { addDays, todayIn, type IsoDate } from '../../shared/dates.js';
import type { DbHandle } from '../platform/db/client.js';
import { newId } from '../platform/db/columns.js';
import { users } from '../platform/org/org.schema.js';
import { customers } from '../modules/customers/customers.schema.js';
import { leads } from '../modules/leads/leads.schema.js';
import { needs, touchpoints } from '../modules/mot/mot.schema.js';
import { prng } from './demo-random.js';

const at = (date: IsoDate, minutes: number) => new Date(`${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+08:00`);

/** Who meets customers besides their rep, what channel they use and what they typically notice. */
const colleagues: { key: string; channels: TouchpointChannel[]; notes: [string, Sentiment][] }[] = [
  { key: 'reception1', channels: ['face_to_face', 'phone'], notes: [
    ['来访时对前台接待很满意，夸会议室准备周到', 'positive'], ['来电找不到对接销售，等了十分钟有些不耐烦', 'negative'], ['来访登记顺利，询问了停车位置', 'neutral'],
  ] },
  { key: 'cs1', channels: ['phone', 'im', 'email'], notes: [
    ['报修后两小时内响应，客户表示认可', 'positive'], ['反映备件到货慢，希望有明确的到货时间', 'negative'], ['咨询操作培训安排', 'neutral'],
  ] },
  { key: 'csm', channels: ['face_to_face', 'phone'], notes: [['季度回访：整体满意，希望增加巡检频次', 'positive'], ['投诉安装现场遗留垃圾，已致歉', 'negative']] },
  { key: 'finance1', channels: ['email', 'phone'], notes: [
    ['对账单核对一次通过，财务对接顺畅', 'positive'], ['发票抬头开错需重开，客户财务不太满意', 'negative'], ['询问付款账期能否延长', 'neutral'],
  ] },
  { key: 'warehouse1', channels: ['phone', 'im'], notes: [['按约定时间送货，包装完好', 'positive'], ['送货提前一天，客户仓库没准备好', 'negative']] },
];
const repNotes: [string, Sentiment][] = [
  ['拜访采购经理，对新方案兴趣浓厚', 'positive'], ['电话沟通技术参数，客户还在比较两家供应商', 'neutral'], ['客户对报价偏高有顾虑', 'negative'],
  ['参观展厅后表示下季度有采购计划', 'positive'], ['微信跟进样品测试结果', 'neutral'],
];

const needTemplates: { title: string; description: string; promise: string; fulfilment: string }[] = [
  { title: '产线节拍提升 20%', description: '二期车间改造，瓶颈在包装工位', promise: '两周内提交改造方案并到现场讲解', fulfilment: '方案按期提交，工程师现场讲解两小时' },
  { title: '设备停机时间缩短', description: '希望预测性维护', promise: '一个月内部署状态监测试点', fulfilment: '试点已上线，停机预警准确' },
  { title: '备件供应周期缩短到 3 天', description: '现在平均 10 天', promise: '在客户所在城市设寄售库存', fulfilment: '寄售库已建立，常用备件 48 小时到货' },
  { title: '操作人员培训', description: '新员工上手慢', promise: '每季度一次上门培训', fulfilment: '首期培训完成，18 人参加' },
  { title: '付款方式更灵活', description: '希望分三期付款', promise: '申请 30/60/10 的分期方案', fulfilment: '分期方案已获批并写入合同' },
  { title: '检测报告格式对接 MES', description: '需要导出到客户系统', promise: '提供接口文档与示例数据', fulfilment: '接口联调完成，数据已进入 MES' },
];
const comments: Record<number, string[]> = {
  5: ['非常满意，超出预期', '响应快，专业'], 4: ['总体满意，细节还可以更好', '按承诺完成'], 3: ['一般，比约定晚了几天', '基本满足需求'],
  2: ['沟通不够及时', '效果不明显'], 1: ['承诺没有兑现'],
};

/**
 * The moments-of-truth demo: touchpoints on the reps' customers by the reps and by the front desk,
 * customer service, finance and the warehouse over the last 60 days; customer needs in every MOT
 * step (confirmed ones with satisfaction scores); recognition signals on some open leads.
 */
export async function seedDemoMot(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }, options: { seed?: number } = {}) {
  const rand = prng(options.seed ?? 20261207);
  const ws = demo.workspaceId;
  const today = todayIn('Asia/Shanghai');
  const people = new Map((await handle.db.select({ id: users.id, roles: users.roles, departmentId: users.departmentId }).from(users)
    .where(eq(users.workspaceId, ws))).map((u) => [u.id, u]));
  // 20 customers of each rep, so every rep, team and the company have something to show
  const owned: { id: string; ownerId: string | null }[] = [];
  for (const rep of ['rep1', 'rep2', 'rep3']) {
    owned.push(...await handle.db.select({ id: customers.id, ownerId: customers.ownerId }).from(customers)
      .where(and(eq(customers.workspaceId, ws), eq(customers.ownerId, demo.userIds[rep]!))).orderBy(customers.name).limit(20));
  }
  if (owned.length === 0) return { touchpoints: 0, needs: 0 };

  const tpRows: (typeof touchpoints.$inferInsert)[] = [];
  const touch = (customerId: string, userId: string, channel: TouchpointChannel, note: [string, Sentiment], date: IsoDate) => {
    const person = people.get(userId)!;
    const occurredAt = at(date, rand.int(9 * 60, 17 * 60 + 30));
    tpRows.push({
      workspaceId: ws, id: newId(), customerId, channel, userId, role: person.roles[0] ?? 'other', departmentId: person.departmentId,
      occurredAt, impression: note[0], sentiment: note[1], createdBy: userId, createdAt: occurredAt, updatedAt: occurredAt,
    });
  };
  for (const c of owned) {
    for (let i = rand.int(1, 3); i > 0; i--) touch(c.id, c.ownerId!, rand.pick(['face_to_face', 'phone', 'im', 'email'] as const), rand.pick(repNotes), addDays(today, -rand.int(1, 60)));
    for (let i = rand.int(0, 2); i > 0; i--) {
      const who = rand.pick(colleagues);
      touch(c.id, demo.userIds[who.key]!, rand.pick(who.channels), rand.pick(who.notes), addDays(today, -rand.int(1, 60)));
    }
  }

  const steps: NeedStep[] = ['explore', 'propose', 'propose', 'execute', 'execute', 'confirm', 'confirm', 'confirm'];
  const needRows: (typeof needs.$inferInsert)[] = [];
  // 12 needs per rep, interleaved so each rep has needs in every step
  const forNeeds = [0, 1, 2].flatMap((r) => owned.filter((c) => c.ownerId === demo.userIds[`rep${r + 1}`]).slice(0, 12));
  forNeeds.forEach((c, i) => {
    const template = needTemplates[i % needTemplates.length]!;
    // the customer service specialist works some needs too (after-sales promises)
    const ownerId = i % 6 === 5 ? demo.userIds.cs1! : c.ownerId!;
    const step = steps[i % steps.length]!;
    const opened = addDays(today, -rand.int(35, 80)); // the last step (≤ 30 days later) is still in the past
    const proposed = addDays(opened, rand.int(3, 10));
    const executed = addDays(proposed, rand.int(5, 15));
    const confirmed = addDays(executed, rand.int(1, 5));
    const reached = (s: NeedStep) => ['explore', 'propose', 'execute', 'confirm'].indexOf(step) >= ['explore', 'propose', 'execute', 'confirm'].indexOf(s);
    const score = step === 'confirm' ? rand.pick([5, 5, 4, 4, 4, 3, 2, 1]) : null;
    const updated = at(step === 'confirm' ? confirmed : step === 'execute' ? executed : step === 'propose' ? proposed : opened, 15 * 60);
    needRows.push({
      workspaceId: ws, id: newId(), customerId: c.id, title: template.title, description: template.description, step, ownerId,
      promise: reached('propose') ? template.promise : null, promiseDueDate: reached('propose') ? (step === 'propose' ? addDays(today, rand.int(-10, 20)) : addDays(proposed, 14)) : null,
      proposedAt: reached('propose') ? at(proposed, 10 * 60) : null, proposedBy: reached('propose') ? ownerId : null,
      fulfilment: reached('execute') ? template.fulfilment : null, executedAt: reached('execute') ? at(executed, 11 * 60) : null, executedBy: reached('execute') ? ownerId : null,
      satisfactionScore: score, satisfactionComment: score ? rand.pick(comments[score]!) : null,
      confirmedAt: score ? at(confirmed, 16 * 60) : null, confirmedBy: score ? ownerId : null,
      createdBy: ownerId, createdAt: at(opened, 9 * 60), updatedAt: updated, version: ['explore', 'propose', 'execute', 'confirm'].indexOf(step) + 1,
    });
  });

  const levels: RecognitionSignalLevel[] = ['low', 'medium', 'high'];
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < tpRows.length; i += 200) await tx.insert(touchpoints).values(tpRows.slice(i, i + 200));
    if (needRows.length > 0) await tx.insert(needs).values(needRows);
    const openLeads = await tx.select({ id: leads.id }).from(leads)
      .where(and(eq(leads.workspaceId, ws), inArray(leads.status, ['new', 'contacted', 'qualified']))).orderBy(leads.id).limit(40);
    for (const lead of openLeads.filter(() => rand.next() < 0.6)) {
      const signals = { urgency: rand.pick(levels), relevance: rand.pick(levels), sourceLevel: rand.pick(levels), decisionLevel: rand.pick(levels) };
      await tx.update(leads).set({ signals }).where(and(eq(leads.workspaceId, ws), eq(leads.id, lead.id)));
    }
  });
  return { touchpoints: tpRows.length, needs: needRows.length };
}
