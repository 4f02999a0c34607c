import { parseArgs } from 'node:util';
import { isScaleName, type ScaleName } from './scales.js';

export interface BenchOptions {
  db: 'postgres' | 'pglite';
  scale: ScaleName;
  /** concurrent keep-alive connections of the load generator */
  concurrency: number;
  /** measured seconds per endpoint (after the warm-up) */
  durationSeconds: number;
  /** skip generation when the database already holds this scale (parts it lacks are added) */
  reuse: boolean;
  /** only these endpoints (by name); all when empty */
  only: string[];
  /** print EXPLAIN (ANALYZE, BUFFERS) summaries of every query an endpoint issues */
  explain: boolean;
  /** sequential raw-SQL repetitions per endpoint */
  sqlIterations: number;
  /** generate (or reuse) the data and stop: no server, no load */
  generateOnly: boolean;
  /** create the indexes proposed in the report in the bench database before measuring (never in src/) */
  tryIndex: boolean;
  postgresUrl: string;
  /** PGlite data folder; a temporary one (deleted afterwards) when not given */
  pgliteDir: string | null;
  /** run the import scenario with this many customers instead of the endpoint load */
  importRows: number | null;
}

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/kairos_bench';

export const usage = `usage: npm run bench -- --db postgres|pglite --scale S|M|L [options]

  --db postgres|pglite   postgres: BENCH_DATABASE_URL or ${DEFAULT_POSTGRES_URL}
                         (created if missing, dropped and recreated unless --reuse);
                         pglite: a temporary data folder (BENCH_PGLITE_DIR to keep one)
  --scale S|M|L          data volume (see docs/benchmarks.md)
  --concurrency N        concurrent keep-alive connections (default 16)
  --duration S           measured seconds per endpoint (default 10)
  --reuse                keep the database when it already holds this scale; a part it lacks (deals: opportunities
                         and activities; money: quotes, contracts, receivables, credit, orders, shipments;
                         collections: payments, allocations, deferrals, dunning log) is generated into it
  --only name[,name]     only these endpoints (health, me, approvals-inbox, audit, audit-entity, audit-actor,
                         customers-*, customer-pool, customer-counts-manager, search-*, kanban-*, funnel-*,
                         opportunities-*, timeline-busy-customer, forecast-figures-rep, contracts-*, contract-detail,
                         quotes-*, customer-credit-busy, shipment-credit-check, aging-*, collection-rate,
                         receivables-list, dunning-queue, customer-balance; see docs/benchmarks.md)
                         and sweeps (recycle-sweep, lead-recycle-sweep) and collections jobs (penalty-run)
  --explain              print EXPLAIN (ANALYZE, BUFFERS) summaries for each endpoint's SQL
  --sql-iterations N     sequential raw-SQL repetitions per endpoint (default 500)
  --generate-only        generate the data and stop
  --try-index            create the indexes proposed in docs/benchmarks.md in the bench database first
  --import-rows N        instead: the import scenario (seed demo, dry run, import, re-import as duplicates of N customers; rows/s)`;

function positiveInt(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be an integer from 1 to ${max} (got ${raw})`);
  return value;
}

/** Parses the command line (after `npm run bench --`); throws with a readable message on bad input. */
export function parseBenchArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      db: { type: 'string' },
      scale: { type: 'string' },
      concurrency: { type: 'string' },
      duration: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      explain: { type: 'boolean', default: false },
      'sql-iterations': { type: 'string' },
      'generate-only': { type: 'boolean', default: false },
      'try-index': { type: 'boolean', default: false },
      'import-rows': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new Error(usage);
  if (values.db !== 'postgres' && values.db !== 'pglite') throw new Error(`--db must be postgres or pglite\n\n${usage}`);
  const scale = (values.scale ?? 'S').toUpperCase();
  if (!isScaleName(scale)) throw new Error(`--scale must be S, M or L\n\n${usage}`);
  return {
    db: values.db,
    scale,
    concurrency: positiveInt('concurrency', values.concurrency, 16, 1024),
    durationSeconds: positiveInt('duration', values.duration, 10, 3600),
    reuse: values.reuse,
    only: (values.only ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean),
    explain: values.explain,
    sqlIterations: positiveInt('sql-iterations', values['sql-iterations'], 500, 100_000),
    generateOnly: values['generate-only'],
    tryIndex: values['try-index'],
    postgresUrl: env.BENCH_DATABASE_URL || DEFAULT_POSTGRES_URL,
    pgliteDir: env.BENCH_PGLITE_DIR || null,
    importRows: values['import-rows'] === undefined ? null : positiveInt('import-rows', values['import-rows'], 0, 2_000_000),
  };
}
