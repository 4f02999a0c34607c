import type { Database, Tx } from '../db/client.js';

/**
 * Runs a sweep's `batch` repeatedly, each in its own transaction, until one handles fewer than
 * `batchSize` rows. Each batch starts after the last id of the previous one (keyset on id):
 * starting from the top again would re-read every row already passed over, which is quadratic at
 * 1M rows. A row skipped because someone holds it (SKIP LOCKED) waits for the next run.
 * `batch` returns the ids it handled, in id order; the result is how many there were in all.
 */
export async function inKeysetBatches(
  db: Database, batchSize: number, batch: (tx: Tx, after: string | undefined) => Promise<string[]>,
): Promise<number> {
  let total = 0;
  let after: string | undefined;
  for (let handled = batchSize; handled === batchSize;) {
    const ids = await db.transaction((tx) => batch(tx, after));
    handled = ids.length;
    total += handled;
    after = ids.at(-1) ?? after;
  }
  return total;
}

/** Rows grouped by their owner, in first-seen order: one notification per owner and batch. */
export function byOwner<T extends { ownerId: string | null }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) if (row.ownerId) groups.set(row.ownerId, [...(groups.get(row.ownerId) ?? []), row]);
  return groups;
}
