import { randomBytes } from 'node:crypto';
import type { Executor } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import type { EntityDef, ImportEntity } from './columns.rules.js';
import type { Writer } from './imports.repository.js';
import type { Decision, DuplicateMode, ReadRow } from './rows.rules.js';

/** A row ready to write: created as `create`, or `update` applied to an existing record. */
export interface Planned { row: number; decision: Decision; create?: Record<string, unknown>; update?: Record<string, unknown> }

/**
 * What an importable entity provides: its columns, the permission to import it, a plan of the rows
 * (validation, references and duplicates resolved set-based; errors go into each row) and the
 * set-based write of a planned batch.
 */
export interface EntityImporter {
  entity: ImportEntity;
  def: EntityDef;
  permission: string;
  plan(db: Executor, ctx: CommandContext, reads: ReadRow[], mode: DuplicateMode): Promise<Planned[]>;
  write(tx: Executor, writer: Writer, batch: readonly Planned[]): Promise<void>;
}

/** Records per SQL statement: one JSON parameter of a few MB at most. */
export const WRITE_CHUNK = 1000;

export async function inChunks<T>(items: readonly T[], size: number, run: (chunk: T[]) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await run(items.slice(i, i + size));
}

/**
 * Writes `items` chunk by chunk, one statement at a time, preparing the next chunk (CPU work such as
 * pinyin search keys) while the database works on the previous one: on PostgreSQL the two overlap
 * (separate processes), on PGlite this is the same as preparing then writing each chunk.
 */
export async function pipelined<T>(items: readonly T[], size: number, prepare: (chunk: T[]) => void, write: (chunk: T[]) => Promise<void>) {
  let inFlight: Promise<void> | null = null;
  for (let i = 0; i < items.length; i += size) {
    const chunk = items.slice(i, i + size);
    prepare(chunk);
    if (inFlight) await inFlight;
    inFlight = write(chunk);
    // handled when awaited; until then a failure must not count as an unhandled rejection
    inFlight.catch(() => undefined);
    // let the statement go out before the next chunk's CPU work starts
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (inFlight) await inFlight;
}

export const compact = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

/**
 * UUIDv7 ids for a batch (48-bit millisecond time, version 7, variant 10, 74 random bits) from one
 * random buffer: generating them one by one was a large part of an import's time.
 */
export function newIds(count: number, now = Date.now()): string[] {
  const random = randomBytes(count * 10);
  const time = now.toString(16).padStart(12, '0');
  const ids: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const r = random.subarray(i * 10, i * 10 + 10);
    const hex = r.toString('hex');
    const a = (0x7000 | (((r[0]! << 8) | r[1]!) & 0x0fff)).toString(16);
    const b = (0x8000 | (((r[2]! << 8) | r[3]!) & 0x3fff)).toString(16);
    ids[i] = `${time.slice(0, 8)}-${time.slice(8, 12)}-${a}-${b}-${hex.slice(8, 20)}`;
  }
  return ids;
}

/** Fills the id columns of rows about to be written. */
export function withIds<T extends Record<string, unknown>>(rows: T[], columns: readonly string[]): T[] {
  const ids = newIds(rows.length * columns.length);
  rows.forEach((row, i) => columns.forEach((column, k) => { (row as Record<string, unknown>)[column] = ids[i * columns.length + k]; }));
  return rows;
}
