import { and, eq, gte, sql } from 'drizzle-orm';
import { todayIn } from '../../shared/dates.js';
import { money } from '../../shared/money.js';
import { monthOf, monthStart, shiftMonth } from '../../shared/periods.js';
import type { DbHandle } from '../platform/db/client.js';
import { newId } from '../platform/db/columns.js';
import { opportunities, pipelineStages } from '../modules/opportunities/opportunities.schema.js';
import { forecastSubmissions } from '../modules/forecasts/forecasts.schema.js';
import { prng } from './demo-random.js';

/** Who forecasts, and who adjusts their forecast (their supervisor in the demo org). */
const forecasters: { owner: string; adjuster: string }[] = [
  { owner: 'rep1', adjuster: 'supervisor1' },
  { owner: 'rep2', adjuster: 'supervisor1' },
  { owner: 'rep3', adjuster: 'manager1' },
  { owner: 'supervisor1', adjuster: 'manager1' },
  { owner: 'manager1', adjuster: 'gm' },
];
const notes = ['按商机逐单评估', '两个大单预计月底签约', '保守估计', '含一单续约', '客户预算已批', null];
const adjustNotes = ['历史达成率偏高，下调', '大单签约时间存疑', '结合一对一评审结果调整', '客户采购流程较长，调低'];

/** Rounds to whole thousands (how reps state forecasts). */
const thousands = (value: string) => money.format(money.parse(value).dividedBy(1000).toDecimalPlaces(0).times(1000));

/**
 * Demo forecasts (issue 4, domain §6.3): the demo sales people's forecasts for the past six months
 * and this month, near what they actually won (some over, some under), most of the past ones
 * adjusted by their supervisor, so the accuracy chart has a story. Run after the opportunities.
 */
export async function seedDemoForecasts(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }, options: { seed?: number } = {}) {
  const rand = prng(options.seed ?? 20261201);
  const ws = demo.workspaceId;
  const db = handle.db;
  const thisMonth = monthOf(todayIn('Asia/Shanghai'));
  const now = Date.now();
  const firstMonth = shiftMonth(thisMonth, -6);
  const wonRows = await db.select({
    ownerId: opportunities.ownerId, month: sql<string>`to_char(${opportunities.closedOn}, 'YYYY-MM')`, won: sql<string>`sum(${opportunities.amount})::text`,
  }).from(opportunities)
    .where(and(eq(opportunities.workspaceId, ws), eq(opportunities.status, 'won'), gte(opportunities.closedOn, monthStart(firstMonth))))
    .groupBy(opportunities.ownerId, sql`to_char(${opportunities.closedOn}, 'YYYY-MM')`);
  const wonOf = new Map(wonRows.map((r) => [`${r.ownerId}|${r.month}`, r.won]));
  const openRows = await db.select({
    ownerId: opportunities.ownerId,
    weighted: sql<string>`round(coalesce(sum(${opportunities.amount} * ${opportunities.probability} / 100), 0), 2)::text`,
    commit: sql<string>`coalesce(sum(${opportunities.amount}) filter (where ${pipelineStages.funnelCategory} = 'best_few'), 0)::text`,
  }).from(opportunities)
    .innerJoin(pipelineStages, and(eq(pipelineStages.workspaceId, opportunities.workspaceId), eq(pipelineStages.id, opportunities.stageId)))
    .where(and(eq(opportunities.workspaceId, ws), eq(opportunities.status, 'open'), sql`to_char(${opportunities.expectedCloseDate}, 'YYYY-MM') = ${thisMonth}`))
    .groupBy(opportunities.ownerId);
  const openOf = new Map(openRows.map((r) => [r.ownerId, r]));

  const values: (typeof forecastSubmissions.$inferInsert)[] = [];
  for (const { owner, adjuster } of forecasters) {
    const ownerId = demo.userIds[owner];
    const adjusterId = demo.userIds[adjuster];
    if (!ownerId || !adjusterId) continue;
    for (let i = -6; i <= 0; i++) {
      const month = shiftMonth(thisMonth, i);
      const won = wonOf.get(`${ownerId}|${month}`) ?? '0';
      const isCurrent = i === 0;
      const open = openOf.get(ownerId);
      const hasWins = money.compare(won, 0) > 0;
      let submitted: string;
      if (isCurrent) {
        // this month: near the weighted pipeline the rep sees on the page
        submitted = thousands(money.mul(open?.weighted ?? String(rand.int(10, 40) * 10000), (rand.int(80, 110) / 100).toFixed(2)));
      } else if (hasWins) {
        // reps forecast what they later win, give or take: optimists over, the cautious under
        submitted = thousands(money.mul(won, (rand.int(75, 135) / 100).toFixed(2)));
      } else {
        // nothing closed that month: most forecast nothing, some hoped for a deal that slipped
        submitted = rand.chance(0.3) ? String(rand.int(5, 15) * 10000) : '0.00';
      }
      const systemWeighted = isCurrent ? (open?.weighted ?? '0.00') : thousands(money.mul(submitted, (rand.int(80, 130) / 100).toFixed(2)));
      const systemCommit = isCurrent ? money.format(open?.commit ?? '0') : thousands(money.mul(submitted, (rand.int(50, 100) / 100).toFixed(2)));
      const isAdjusted = money.compare(submitted, 0) > 0 && (isCurrent ? rand.chance(0.4) : rand.chance(0.7));
      // the manager pulls the figure towards what history says will close
      const target = isCurrent || !hasWins ? money.mul(submitted, (rand.int(80, 95) / 100).toFixed(2)) : won;
      const adjusted = isAdjusted ? thousands(money.mul(money.add(submitted, target), '0.5')) : null;
      const submittedAt = new Date(`${monthStart(month)}T0${String(rand.int(1, 9))}:30:00+08:00`);
      submittedAt.setUTCDate(submittedAt.getUTCDate() + rand.int(0, 4));
      // this month's submission and adjustment lie in the past of the demo's "now", never ahead of it
      const monthBegins = new Date(`${monthStart(month)}T00:00:00+08:00`).getTime();
      if (submittedAt.getTime() > now - 2 * 3_600_000) submittedAt.setTime(Math.max(monthBegins, now - 2 * 3_600_000));
      const adjustedAt = adjusted ? new Date(Math.max(submittedAt.getTime(), Math.min(submittedAt.getTime() + rand.int(1, 3) * 86_400_000, now - 3_600_000))) : null;
      values.push({
        workspaceId: ws, id: newId(), ownerId, month, submittedAmount: submitted, submittedNote: rand.pick(notes), submittedAt,
        systemWeighted, systemCommit, adjustedAmount: adjusted, adjustedBy: adjusted ? adjusterId : null, adjustedAt,
        adjustNote: adjusted ? rand.pick(adjustNotes) : null, createdAt: submittedAt, updatedAt: adjustedAt ?? submittedAt, version: adjusted ? 2 : 1,
      });
    }
  }
  if (values.length > 0) await db.insert(forecastSubmissions).values(values);
  return { count: values.length };
}
