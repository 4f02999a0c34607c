import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LatencySummary } from './stats.js';
import type { PlanSummary, SqlTiming } from './sql.js';

export interface EndpointResult {
  name: string;
  as: string;
  path: string;
  concurrency: number;
  http: {
    requests: number;
    errors: number;
    statusCounts: Record<string, number>;
    firstError?: string;
    requestsPerSecond: number;
    meanBytes: number;
    latency: LatencySummary;
  };
  /** the same endpoint, one request at a time: latency without queueing */
  serial: { requests: number; errors: number; requestsPerSecond: number; latency: LatencySummary };
  /** null for the baseline endpoint that runs no SQL */
  sql: (SqlTiming & { statements: number; mainSql: string }) | null;
  /** HTTP median at the chosen concurrency / main query median */
  ratio: number | null;
  /** serial HTTP median / median of all the request's statements run back to back */
  serialOverAllSql: number | null;
  plan: (PlanSummary & { expectIndexes: string[]; expectedIndexUsed: boolean }) | null;
  /** plans of every statement of the request, with `--explain` */
  explain?: { sql: string; plan: PlanSummary }[];
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const int = (v: number) => Math.round(v).toLocaleString('en-US');
const x = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}×`);
const opt = (v: number | undefined) => (v === undefined ? '—' : ms(v));

/** Rows a plan may read before it is worth a look, whatever index it picked. */
const SMALL_PLAN_ROWS = 5_000;

/** `ok` when the expected index is used; a small plan that chose otherwise is fine; else CHECK and why. */
export function planVerdict(r: EndpointResult): string {
  if (!r.plan) return '—';
  const small = r.plan.rowsExamined <= SMALL_PLAN_ROWS;
  if (r.plan.expectedIndexUsed && small) return 'ok';
  if (small) return `ok (${int(r.plan.rowsExamined)} rows read${r.plan.seqScans.length ? ', seq scan' : ''})`;
  const notes = [
    ...(r.plan.expectedIndexUsed ? [] : [`not ${r.plan.expectIndexes.filter((i) => !r.plan!.indexesUsed.includes(i)).join('/')}`]),
    ...r.plan.seqScans.map((t) => `seq scan ${t}`),
    ...(r.plan.hasSort ? ['sort'] : []),
  ];
  return `CHECK: ${int(r.plan.rowsExamined)} rows read${notes.length ? `, ${notes.join(', ')}` : ''}`;
}

const columns: [string, (r: EndpointResult) => string][] = [
  ['endpoint', (r) => r.name],
  ['as', (r) => r.as],
  ['requests', (r) => int(r.http.requests)],
  ['errors', (r) => int(r.http.errors)],
  ['req/s', (r) => int(r.http.requestsPerSecond)],
  ['p50 ms', (r) => ms(r.http.latency.p50Ms)],
  ['p95 ms', (r) => ms(r.http.latency.p95Ms)],
  ['p99 ms', (r) => ms(r.http.latency.p99Ms)],
  ['max ms', (r) => ms(r.http.latency.maxMs)],
  ['KB', (r) => (r.http.meanBytes / 1024).toFixed(1)],
  ['c=1 p50', (r) => ms(r.serial.latency.p50Ms)],
  ['sql p50', (r) => opt(r.sql?.main.p50Ms)],
  ['sql p99', (r) => opt(r.sql?.main.p99Ms)],
  ['stmts', (r) => String(r.sql?.statements ?? 0)],
  ['all sql p50', (r) => opt(r.sql?.all.p50Ms)],
  ['p50/sql', (r) => x(r.ratio)],
  ['c=1/all sql', (r) => x(r.serialOverAllSql)],
  ['plan', planVerdict],
];

/** Fixed-width table for the terminal. */
export function formatTable(results: EndpointResult[]): string {
  const rows = [columns.map(([h]) => h), ...results.map((r) => columns.map(([, f]) => f(r)))];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i <= 1 || i === columns.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The same figures as a markdown table, to paste into a note. */
export function formatMarkdown(results: EndpointResult[], title: string): string {
  const header = `| ${columns.map(([h]) => h).join(' | ')} |`;
  const align = `|${columns.map((_, i) => (i <= 1 || i === columns.length - 1 ? ' --- ' : ' ---: ')).join('|')}|`;
  const body = results.map((r) => `| ${columns.map(([, f]) => f(r)).join(' | ')} |`);
  return [`**${title}**`, '', header, align, ...body].join('\n');
}

export function formatPlans(results: EndpointResult[]): string {
  return results.flatMap((r) => [
    `## ${r.name}  ${r.path}`,
    ...(r.explain ?? []).flatMap((e, i) => [
      `  [${i + 1}] ${e.sql.replace(/\s+/g, ' ').slice(0, 200)}${e.sql.length > 200 ? '…' : ''}`,
      `      planning ${ms(e.plan.planningMs)} ms, execution ${ms(e.plan.executionMs)} ms, indexes: ${e.plan.indexesUsed.join(', ') || 'none'}${e.plan.seqScans.length ? `, SEQ SCAN: ${e.plan.seqScans.join(', ')}` : ''}`,
      ...e.plan.lines.map((l) => `      ${l}`),
    ]),
  ]).join('\n');
}

export function writeJson(dir: string, fileName: string, data: unknown): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileName);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  return path;
}
