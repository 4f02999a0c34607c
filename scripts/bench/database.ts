import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { lockDataDir } from '../../src/server/platform/db/data-dir-lock.js';
import { migrateDatabase, openDatabase, type DbHandle } from '../../src/server/platform/db/client.js';
import type { BenchOptions } from './args.js';
import type { CollectionsPart } from './collections.js';
import type { DealsPart } from './deals.js';
import type { MoneyPart } from './money.js';
import { GENERATOR_VERSION, type ScaleName } from './scales.js';

/**
 * The driver under Drizzle (node-postgres Pool or PGlite), used for bulk generation and for timing the
 * raw SQL. Both answer `query(text, params)` with `{ rows }`.
 */
export interface RawClient {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface BenchDatabase {
  handle: DbHandle;
  raw: RawClient;
  /** where the data lives, for the report (no password) */
  location: string;
  /** the dataset marker when the data is reused, else null (the caller generates) */
  reused: DatasetMarker | null;
  close(): Promise<void>;
}

/** Written once generation finishes; `--reuse` trusts a database only when this matches. */
export interface DatasetMarker {
  scale: ScaleName;
  generatorVersion: number;
  generatedAt: string;
  workspaceId: string;
  gmId: string;
  adminId: string;
  /** a user with a typical (not top) amount of activity, for `/audit?actorId=` */
  sampleActorId: string;
  counts: Record<string, number>;
  phases: { name: string; rows: number; seconds: number }[];
  /** parts generated after the base part, each with its own version (absent: not generated yet) */
  parts?: { deals?: DealsPart; money?: MoneyPart; collections?: CollectionsPart };
}

export function rawClientOf(handle: DbHandle): RawClient {
  // `$client` is Drizzle's documented handle on the driver it wraps (pg.Pool or PGlite).
  return (handle.db as unknown as { $client: RawClient }).$client;
}

const MARKER_TABLE = 'bench_dataset';

export async function readMarker(raw: RawClient): Promise<DatasetMarker | null> {
  const { rows } = await raw.query(`select to_regclass('${MARKER_TABLE}') is not null as present`);
  if (!rows[0]?.present) return null;
  const found = await raw.query(`select value from ${MARKER_TABLE} where key = 'dataset'`);
  const value = found.rows[0]?.value;
  return value ? (typeof value === 'string' ? JSON.parse(value) : value) as DatasetMarker : null;
}

/** Not part of the Kairos schema: a table of the bench database only. */
export async function writeMarker(raw: RawClient, marker: DatasetMarker): Promise<void> {
  await raw.query(`create table if not exists ${MARKER_TABLE} (key text primary key, value jsonb not null)`);
  await raw.query(
    `insert into ${MARKER_TABLE} (key, value) values ('dataset', $1::jsonb) on conflict (key) do update set value = excluded.value`,
    [JSON.stringify(marker)],
  );
}

function markerFits(marker: DatasetMarker | null, scale: ScaleName): boolean {
  return marker !== null && marker.scale === scale && marker.generatorVersion === GENERATOR_VERSION;
}

function redactUrl(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href;
}

async function preparePostgres(options: BenchOptions, log: (line: string) => void): Promise<BenchDatabase> {
  const url = new URL(options.postgresUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`unsupported database name "${name}" in BENCH_DATABASE_URL`);
  const admin = new URL(url.href);
  admin.pathname = '/postgres';
  const maintenance = new pg.Client({ connectionString: admin.href });
  await maintenance.connect();
  let reused: DatasetMarker | null = null;
  try {
    const exists = (await maintenance.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (exists && options.reuse) {
      const probe = await openDatabase({ kind: 'postgres', url: url.href, poolSize: 1 });
      try {
        const marker = await readMarker(rawClientOf(probe));
        if (marker && markerFits(marker, options.scale)) reused = marker;
        else log(`database ${name} does not hold scale ${options.scale} (generator v${GENERATOR_VERSION}); recreating it`);
      } finally {
        await probe.close();
      }
    }
    if (!reused) {
      // Dropping is the default: only ever on a database whose name says it is a benchmark database.
      if (exists && !/bench/i.test(name)) throw new Error(`refusing to drop database "${name}": its name must contain "bench"`);
      // a dataset without its marker may be one another bench process is still generating (an hour at L): never drop it under it
      const users = exists ? (await maintenance.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows[0].n as number : 0;
      if (users > 0) throw new Error(`refusing to drop database "${name}": ${users} other connection(s) use it (a generation still running?); wait for it or stop it first`);
      if (exists) await maintenance.query(`drop database "${name}"`);
      await maintenance.query(`create database "${name}"`);
      log(`database ${name} ${exists ? 'dropped and ' : ''}created`);
    }
  } finally {
    await maintenance.end();
  }
  const handle = await openDatabase({ kind: 'postgres', url: url.href });
  await migrateDatabase(handle);
  return { handle, raw: rawClientOf(handle), location: redactUrl(url), reused, close: () => handle.close() };
}

async function preparePglite(options: BenchOptions, log: (line: string) => void): Promise<BenchDatabase> {
  const keep = options.pgliteDir !== null;
  const dataDir = keep ? resolve(options.pgliteDir!) : await mkdtemp(join(tmpdir(), 'kairos-bench-'));
  if (keep && existsSync(dataDir) && readdirSync(dataDir).length > 0 && !options.reuse) {
    throw new Error(`BENCH_PGLITE_DIR ${dataDir} is not empty: remove it or pass --reuse`);
  }
  mkdirSync(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  const handle = await openDatabase({ kind: 'pglite', dataDir });
  let reused: DatasetMarker | null = null;
  try {
    await migrateDatabase(handle);
    if (options.reuse) {
      const marker = await readMarker(rawClientOf(handle));
      if (marker && markerFits(marker, options.scale)) reused = marker;
      else if (marker) throw new Error(`${dataDir} holds another scale (${marker.scale}); remove it to regenerate`);
    }
  } catch (error) {
    await handle.close();
    await unlock();
    throw error;
  }
  log(`PGlite data folder ${dataDir}${keep ? '' : ' (temporary, removed afterwards)'}`);
  return {
    handle, raw: rawClientOf(handle), location: dataDir, reused,
    close: async () => {
      await handle.close();
      await unlock();
      if (!keep) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens (and unless reusing, recreates) the benchmark database and applies the migrations. */
export function prepareDatabase(options: BenchOptions, log: (line: string) => void): Promise<BenchDatabase> {
  return options.db === 'postgres' ? preparePostgres(options, log) : preparePglite(options, log);
}
