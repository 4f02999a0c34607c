import type { RawClient } from './database.js';
import { summarize, type LatencySummary } from './stats.js';

/** One statement as the app sent it to the driver: the exact arguments, to replay them unchanged. */
export interface CapturedQuery {
  text: string;
  args: unknown[];
}

type QueryFn = (...args: unknown[]) => Promise<unknown>;

function textOf(args: unknown[]): string {
  const first = args[0];
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'text' in first) return String((first as { text: unknown }).text);
  return String(first);
}

export const isSelect = (q: CapturedQuery) => /^\s*(select|with)\b/i.test(q.text);

/**
 * Records every statement the app sends to the driver while `action` runs (one HTTP request, nothing
 * else in flight), by wrapping the driver's `query` — the raw SQL of an endpoint is never copied by hand.
 */
export async function captureQueries(raw: RawClient, action: () => Promise<void>): Promise<CapturedQuery[]> {
  const target = raw as unknown as { query: QueryFn };
  const original = target.query;
  const hadOwn = Object.prototype.hasOwnProperty.call(target, 'query');
  const captured: CapturedQuery[] = [];
  target.query = function capture(this: unknown, ...args: unknown[]) {
    captured.push({ text: textOf(args), args });
    return original.apply(this, args);
  };
  try {
    await action();
  } finally {
    if (hadOwn) target.query = original;
    else Reflect.deleteProperty(target, 'query');
  }
  return captured;
}

export interface SqlTiming {
  iterations: number;
  /** the endpoint's main query */
  main: LatencySummary;
  /** every SELECT of the request, run one after the other: the database's share of a request */
  all: LatencySummary;
}

/** Replays the captured SELECTs sequentially through the driver, `iterations` times (bounded by `maxMs`). */
export async function timeQueries(raw: RawClient, queries: CapturedQuery[], mainIndex: number, iterations: number, maxMs: number): Promise<SqlTiming> {
  const run = raw as unknown as { query: QueryFn };
  // warm-up bounded by a third of the budget too: a report query of seconds would otherwise warm up for minutes
  const warmupDeadline = performance.now() + maxMs / 3;
  for (let i = 0; i < Math.min(20, iterations) && performance.now() < warmupDeadline; i++) for (const q of queries) await run.query(...q.args);
  const main: number[] = [];
  const all: number[] = [];
  const deadline = performance.now() + maxMs;
  for (let i = 0; i < iterations && performance.now() < deadline; i++) {
    let total = 0;
    for (const [index, q] of queries.entries()) {
      const t0 = process.hrtime.bigint();
      await run.query(...q.args);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      total += ms;
      if (index === mainIndex) main.push(ms);
    }
    all.push(total);
  }
  return { iterations: all.length, main: summarize(main), all: summarize(all) };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Index Cond'?: string;
  Filter?: string;
  'Sort Key'?: string[];
  Plans?: PlanNode[];
}

export interface PlanSummary {
  planningMs: number;
  executionMs: number;
  sharedHitBlocks: number;
  sharedReadBlocks: number;
  indexesUsed: string[];
  /** tables read with a sequential scan */
  seqScans: string[];
  hasSort: boolean;
  /** rows read by scan nodes (returned + removed by filter, times loops): the work behind the answer */
  rowsExamined: number;
  /** one line per plan node, indented by depth */
  lines: string[];
}

function describe(node: PlanNode): string {
  const scan = node['Index Name'] ? ` using ${node['Index Name']}${node['Scan Direction'] === 'Backward' ? ' (backward)' : ''}` : '';
  const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  const removed = node['Rows Removed by Filter'] ? `, removed by filter ${node['Rows Removed by Filter']}` : '';
  const cond = node['Index Cond'] ? ` [${node['Index Cond']}]` : '';
  const filter = node.Filter ? ` filter ${node.Filter.length > 90 ? `${node.Filter.slice(0, 87)}...` : node.Filter}` : '';
  const sort = node['Sort Key'] ? ` by ${node['Sort Key'].join(', ')}` : '';
  return `${node['Node Type']}${scan}${on}${sort} (rows ${node['Actual Rows'] ?? '?'} × loops ${node['Actual Loops'] ?? '?'}${removed}, buffers hit ${node['Shared Hit Blocks'] ?? 0} read ${node['Shared Read Blocks'] ?? 0})${cond}${filter}`;
}

/** Runs `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` on a captured statement with its parameters. */
export async function explainQuery(raw: RawClient, query: CapturedQuery): Promise<PlanSummary> {
  const params = Array.isArray(query.args[1]) ? query.args[1] : [];
  const { rows } = await raw.query(`explain (analyze, buffers, format json) ${query.text}`, params);
  const cell = Object.values(rows[0] ?? {})[0];
  const parsed = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }[];
  const top = parsed[0]!;
  const summary: PlanSummary = {
    planningMs: top['Planning Time'], executionMs: top['Execution Time'],
    sharedHitBlocks: top.Plan['Shared Hit Blocks'] ?? 0, sharedReadBlocks: top.Plan['Shared Read Blocks'] ?? 0,
    indexesUsed: [], seqScans: [], hasSort: false, rowsExamined: 0, lines: [],
  };
  const walk = (node: PlanNode, depth: number) => {
    if (node['Index Name'] && !summary.indexesUsed.includes(node['Index Name'])) summary.indexesUsed.push(node['Index Name']);
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) summary.seqScans.push(node['Relation Name']);
    if (node['Node Type'].includes('Sort')) summary.hasSort = true;
    if (node['Node Type'].endsWith('Scan') && node['Node Type'] !== 'Bitmap Index Scan') {
      summary.rowsExamined += ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1);
    }
    summary.lines.push(`${'  '.repeat(depth)}${depth > 0 ? '-> ' : ''}${describe(node)}`);
    for (const child of node.Plans ?? []) walk(child, depth + 1);
  };
  walk(top.Plan, 0);
  return summary;
}
