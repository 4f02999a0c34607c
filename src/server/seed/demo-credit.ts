import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { addDays, todayIn } from '../../shared/dates.js';
import { money } from '../../shared/money.js';
import { contextFor } from '../platform/auth/context-for.js';
import type { DbHandle } from '../platform/db/client.js';
import { newId } from '../platform/db/columns.js';
import { customers } from '../modules/customers/customers.schema.js';
import { creditProfileHistory, creditProfiles } from '../modules/credit/credit.schema.js';
import { defaultTermsDays, proposeCreditChange, type CreditGrade } from '../modules/credit/index.js';
import { prng } from './demo-random.js';

const DEMO_TERMS = { A: 90, B: 60, C: 30, D: 0 } as const;
const reasons = ['年度授信评审', '新客户首次授信（按上年报表）', '回款记录良好，逐步提高额度', '经营状况变化，调整额度', '按信用评分结果定级'];
const thousands = (n: number) => money.format(n * 1000);

/** A grade near the customer's value class (A customers are mostly A or B …), and a limit that fits it (C at most the 50,000 cap). */
function gradeAndLimit(valueClass: string, rand: ReturnType<typeof prng>): { grade: CreditGrade; limit: string } {
  const roll = rand.next();
  const grade: CreditGrade = valueClass === 'A' ? (roll < 0.7 ? 'A' : 'B')
    : valueClass === 'B' ? (roll < 0.2 ? 'A' : roll < 0.8 ? 'B' : 'C')
      : valueClass === 'C' ? (roll < 0.15 ? 'B' : roll < 0.85 ? 'C' : 'D')
        : (roll < 0.4 ? 'C' : 'D');
  const limit = grade === 'A' ? thousands(rand.int(20, 100) * 10)
    : grade === 'B' ? thousands(rand.int(5, 30) * 10)
      : grade === 'C' ? thousands(rand.int(1, 10) * 5)
        : thousands(rand.int(0, 2) * 5);
  return { grade, limit };
}

/**
 * Demo credit profiles (domain §10): about 85 % of the owned demo customers get a profile, grades
 * A–D near their value class, terms from the grade (a few with negotiated terms), limits that fit
 * the grade. About a third were changed once before, so their history shows two steps. With
 * `pendingChange`, the sales manager has also proposed raising one of 陈静's customers, waiting for
 * finance's review (the running demo; tests leave the inboxes empty).
 */
export async function seedDemoCredit(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }, options: { seed?: number; pendingChange?: boolean } = {}) {
  const rand = prng(options.seed ?? 20261210);
  const ws = demo.workspaceId;
  const today = todayIn('Asia/Shanghai');
  const owned = await handle.db.select({ id: customers.id, valueClass: customers.valueClass, ownerId: customers.ownerId }).from(customers)
    .where(and(eq(customers.workspaceId, ws), isNotNull(customers.ownerId))).orderBy(asc(customers.id));
  const requesters = [demo.userIds.manager1!, demo.userIds.finance1!];
  const profiles: (typeof creditProfiles.$inferInsert)[] = [];
  const history: (typeof creditProfileHistory.$inferInsert)[] = [];
  for (const c of owned) {
    if (!rand.chance(0.85)) continue;
    const now = gradeAndLimit(c.valueClass, rand);
    const termsDays = now.grade === 'D' ? 0 : rand.chance(0.15) ? defaultTermsDays(now.grade, { termsDays: DEMO_TERMS }) - 15 : DEMO_TERMS[now.grade];
    const effectiveFrom = addDays(today, -rand.int(10, 300));
    const requestedBy = rand.pick(requesters);
    const approvedBy = money.compare(now.limit, '500000.00') >= 0 ? demo.userIds.gm! : demo.userIds.vp!;
    const reason = rand.pick(reasons);
    const changedBefore = rand.chance(0.35);
    if (changedBefore) {
      const before = gradeAndLimit(c.valueClass, rand);
      const beforeTerms = before.grade === 'D' ? 0 : DEMO_TERMS[before.grade];
      const firstFrom = addDays(effectiveFrom, -rand.int(90, 400));
      history.push({
        workspaceId: ws, id: newId(), customerId: c.id, oldLimit: null, oldTermsDays: null, oldGrade: null,
        newLimit: before.limit, newTermsDays: beforeTerms, newGrade: before.grade, effectiveFrom: firstFrom, reason: '新客户首次授信（按上年报表）',
        requestedBy: rand.pick(requesters), approvedBy: demo.userIds.vp!, createdAt: new Date(`${firstFrom}T10:00:00+08:00`),
      });
      history.push({
        workspaceId: ws, id: newId(), customerId: c.id, oldLimit: before.limit, oldTermsDays: beforeTerms, oldGrade: before.grade,
        newLimit: now.limit, newTermsDays: termsDays, newGrade: now.grade, effectiveFrom, reason, requestedBy, approvedBy,
        createdAt: new Date(`${effectiveFrom}T10:00:00+08:00`),
      });
    } else {
      history.push({
        workspaceId: ws, id: newId(), customerId: c.id, oldLimit: null, oldTermsDays: null, oldGrade: null,
        newLimit: now.limit, newTermsDays: termsDays, newGrade: now.grade, effectiveFrom, reason, requestedBy, approvedBy,
        createdAt: new Date(`${effectiveFrom}T10:00:00+08:00`),
      });
    }
    profiles.push({
      workspaceId: ws, customerId: c.id, creditLimit: now.limit, termsDays, grade: now.grade, effectiveFrom, reason,
      version: changedBefore ? 2 : 1,
    });
  }
  // history ids are UUIDv7 made in loop order; newest-first lists sort by id, so order them by date first
  history.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  for (const h of history) h.id = newId();
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < profiles.length; i += 200) await tx.insert(creditProfiles).values(profiles.slice(i, i + 200));
    for (let i = 0; i < history.length; i += 200) await tx.insert(creditProfileHistory).values(history.slice(i, i + 200));
  });

  if (options.pendingChange) {
    const rep1Customer = profiles.find((p) => owned.find((c) => c.id === p.customerId)?.ownerId === demo.userIds.rep1 && p.grade === 'B');
    if (rep1Customer) {
      const manager = await contextFor(handle, ws, demo.userIds.manager1!);
      await proposeCreditChange(manager, rep1Customer.customerId, {
        version: rep1Customer.version ?? 1, limit: money.add(rep1Customer.creditLimit, '100000.00'), grade: 'B',
        reason: '近一年回款及时，订单量增长，申请提高信用额度',
      });
    }
  }
  return { profiles: profiles.length, history: history.length };
}
