import { and, eq, sql } from 'drizzle-orm';
import { todayIn } from '../../../shared/dates.js';
import type { Executor } from '../db/client.js';
import { defaultNumberingRules, formatNumber, periodKey, type NumberingReset, type NumberingRule } from './numbering.rules.js';
import { numberingRules, numberSequences } from './numbering.schema.js';

async function ruleFor(db: Executor, workspaceId: string, documentType: string): Promise<NumberingRule> {
  const [row] = await db.select().from(numberingRules)
    .where(and(eq(numberingRules.workspaceId, workspaceId), eq(numberingRules.documentType, documentType)));
  if (row) return { prefix: row.prefix, reset: row.reset as NumberingReset, padding: row.padding };
  return defaultNumberingRules[documentType] ?? { prefix: documentType.slice(0, 2).toUpperCase(), reset: 'yearly', padding: 4 };
}

/**
 * Hands out the next number in the caller's transaction. One atomic upsert bumps the counter, so
 * concurrent callers never share a number (the row lock serialises them until commit).
 */
export async function allocateNumber(tx: Executor, workspace: { id: string; timeZone: string }, documentType: string, now = new Date()): Promise<string> {
  const rule = await ruleFor(tx, workspace.id, documentType);
  const localDate = todayIn(workspace.timeZone, now);
  const key = periodKey(rule.reset, localDate);
  const [row] = await tx.insert(numberSequences).values({ workspaceId: workspace.id, documentType, periodKey: key, lastValue: 1 })
    .onConflictDoUpdate({
      target: [numberSequences.workspaceId, numberSequences.documentType, numberSequences.periodKey],
      set: { lastValue: sql`${numberSequences.lastValue} + 1` },
    })
    .returning({ lastValue: numberSequences.lastValue });
  return formatNumber(rule, localDate, row!.lastValue);
}

/** Hands out `count` consecutive numbers in one statement (bulk import), in the caller's transaction. */
export async function allocateNumbers(tx: Executor, workspace: { id: string; timeZone: string }, documentType: string, count: number, now = new Date()): Promise<string[]> {
  if (count <= 0) return [];
  const rule = await ruleFor(tx, workspace.id, documentType);
  const localDate = todayIn(workspace.timeZone, now);
  const key = periodKey(rule.reset, localDate);
  const [row] = await tx.insert(numberSequences).values({ workspaceId: workspace.id, documentType, periodKey: key, lastValue: count })
    .onConflictDoUpdate({
      target: [numberSequences.workspaceId, numberSequences.documentType, numberSequences.periodKey],
      set: { lastValue: sql`${numberSequences.lastValue} + ${count}` },
    })
    .returning({ lastValue: numberSequences.lastValue });
  const first = row!.lastValue - count + 1;
  return Array.from({ length: count }, (_, i) => formatNumber(rule, localDate, first + i));
}
