import { todayIn } from '../../shared/dates.js';
import { contextFor } from '../platform/auth/context-for.js';
import type { DbHandle } from '../platform/db/client.js';
import { runPenalties } from '../modules/penalties/index.js';

/** The last `months` ended months before today, oldest first (`YYYY-MM`). */
export function endedMonths(today: string, months: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = months; i >= 1; i--) {
    const index = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * Demo collection penalties (回款责任扣款, domain §11.3): finance runs the last three payroll months in
 * order through the same command as POST /penalties/run, so the page shows monthly and bad-debt
 * deductions of the demo's overdue receivables split 5:3:2 between rep, manager and director.
 */
export async function seedDemoPenalties(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }, options: { afterFirstMonth?: () => Promise<void> } = {}) {
  const finance = await contextFor(handle, demo.workspaceId, demo.userIds.finance1!);
  for (const [i, month] of endedMonths(todayIn(finance.workspace.timeZone), 3).entries()) {
    await runPenalties(finance, { month });
    if (i === 0) await options.afterFirstMonth?.();
  }
}
