// npm run bench -- --db postgres|pglite --scale S|M|L [--concurrency 16] [--duration 10] [--reuse] [--only name] [--explain]
// Generates data at a named scale, starts the real app in-process on 127.0.0.1 (random port) and
// measures each endpoint through real HTTP against the same SQL run directly. See docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.js';
import { DEMO_PASSWORD } from '../src/server/seed/demo.js';
import { parseBenchArgs, type BenchOptions } from './bench/args.js';
import { prepareDatabase, type BenchDatabase, type RawClient } from './bench/database.js';
import { endpoints as allEndpoints, loadProbe, selectEndpoints, type EndpointDef, type Probe } from './bench/endpoints.js';
import { completeDataset, generateDataset } from './bench/generate.js';
import { runImportScenario } from './bench/import.js';
import { runLoad } from './bench/load.js';
import { proposedIndexes } from './bench/proposed-indexes.js';
import { formatMarkdown, formatPlans, formatTable, planVerdict, writeJson, type EndpointResult } from './bench/report.js';
import { scales } from './bench/scales.js';
import { captureQueries, explainQuery, isSelect, timeQueries, type PlanSummary } from './bench/sql.js';
import { summarize } from './bench/stats.js';
import { jobScenarios, runJob, type JobMeasurement, type JobScenario } from './bench/jobs.js';
import { runSweep, sweepScenarios, type SweepMeasurement, type SweepRun, type SweepScenario } from './bench/sweep.js';

const log = (line: string) => console.log(line);

async function login(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kairos_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie.split(';')[0]!;
}

async function environment(raw: RawClient, options: BenchOptions) {
  const first = async (text: string) => Object.values((await raw.query(text)).rows[0] ?? {})[0];
  const git = (args: string[]) => {
    try { return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; }
  };
  const sizes = (await raw.query(`select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c
    where c.relname in ('audit_log', 'approvals', 'approval_steps', 'users', 'departments', 'customers', 'contacts', 'leads',
      'quotes', 'contracts', 'receivables', 'credit_profiles', 'orders', 'shipments', 'invoice_requests') order by 1`)).rows;
  return {
    node: process.version, cpus: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100), cpuModel: cpus()[0]?.model ?? null, memoryGb: Math.round(totalmem() / 2 ** 30),
    database: String(await first('select version()')),
    sharedBuffers: options.db === 'postgres' ? String(await first('show shared_buffers')) : null,
    gitCommit: git(['rev-parse', '--short', 'HEAD']), gitDirty: (git(['status', '--porcelain']) ?? '') !== '',
    tableSizesMb: Object.fromEntries(sizes.map((r) => [String(r.name), Math.round(Number(r.bytes) / 2 ** 20)])),
  };
}

async function measure(options: BenchOptions, db: BenchDatabase, baseUrl: string, port: number, cookies: Record<string, string>, endpoint: EndpointDef, probe: Probe): Promise<EndpointResult> {
  const path = endpoint.path(probe);
  const cookie = cookies[endpoint.as]!;
  log(`\n▶ ${endpoint.name}  GET ${path}  (as ${endpoint.as}, concurrency ${options.concurrency}, ${options.durationSeconds} s)`);

  // one request alone, to capture the exact statements the app sends and check it answers 200
  const captured = await captureQueries(db.raw, async () => {
    const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${endpoint.name}: ${res.status} ${body.slice(0, 300)}`);
  });
  const selects = captured.filter(isSelect);
  const mainIndex = endpoint.mainTable === null ? -1 : selects.findIndex((q) => q.text.toLowerCase().includes(`from "${endpoint.mainTable}"`));
  if (endpoint.mainTable !== null && mainIndex < 0) throw new Error(`${endpoint.name}: no captured statement reads ${endpoint.mainTable}`);

  const durationMs = options.durationSeconds * 1000;
  const load = await runLoad({
    port, path, cookie, concurrency: options.concurrency, durationMs,
    warmupMs: Math.min(2_000, Math.max(500, durationMs / 10)), maxRequests: Math.min(5_000_000, options.durationSeconds * 100_000),
  });
  const serialMs = Math.min(3_000, Math.max(1_000, durationMs / 4));
  const serial = await runLoad({ port, path, cookie, concurrency: 1, durationMs: serialMs, warmupMs: 200, maxRequests: 1_000_000 });
  const sql = mainIndex < 0 ? null : await timeQueries(db.raw, selects, mainIndex, options.sqlIterations, 15_000);
  const mainPlan = mainIndex < 0 ? null : await explainQuery(db.raw, selects[mainIndex]!);
  const explain: { sql: string; plan: PlanSummary }[] = [];
  if (options.explain) for (const q of selects) explain.push({ sql: q.text, plan: await explainQuery(db.raw, q) });

  const latency = summarize(load.latenciesMs);
  const serialLatency = summarize(serial.latenciesMs);
  const result: EndpointResult = {
    name: endpoint.name, as: endpoint.as, path, concurrency: options.concurrency,
    http: {
      requests: load.requests, errors: load.errors, statusCounts: load.statusCounts, firstError: load.firstError,
      requestsPerSecond: load.requests / (load.elapsedMs / 1000), meanBytes: load.meanBytes, latency,
    },
    serial: { requests: serial.requests, errors: serial.errors, requestsPerSecond: serial.requests / (serial.elapsedMs / 1000), latency: serialLatency },
    sql: sql && { ...sql, statements: selects.length, mainSql: selects[mainIndex]!.text },
    ratio: sql && latency.p50Ms / sql.main.p50Ms,
    serialOverAllSql: sql && serialLatency.p50Ms / sql.all.p50Ms,
    plan: mainPlan && { ...mainPlan, expectIndexes: endpoint.expectIndexes, expectedIndexUsed: endpoint.expectIndexes.every((i) => mainPlan.indexesUsed.includes(i)) },
    explain: options.explain ? explain : undefined,
  };
  log(`  ${result.http.requests.toLocaleString('en-US')} requests, ${result.http.errors} errors, ${Math.round(result.http.requestsPerSecond)} req/s, ` +
    `p50 ${latency.p50Ms.toFixed(2)} ms, p99 ${latency.p99Ms.toFixed(2)} ms; c=1 p50 ${serialLatency.p50Ms.toFixed(2)} ms; ` +
    (sql ? `main SQL p50 ${sql.main.p50Ms.toFixed(3)} ms, all ${selects.length} statements p50 ${sql.all.p50Ms.toFixed(3)} ms` : 'no SQL'));
  if (load.firstError) log(`  first error: ${load.firstError}`);
  return result;
}

/** `--only` names split into endpoints, sweep scenarios and collections jobs; all run when `--only` is not given. */
function selection(only: readonly string[]): { endpoints: EndpointDef[]; sweeps: SweepScenario[]; jobs: JobScenario[] } {
  const isSweep = (name: string): name is SweepScenario => (sweepScenarios as readonly string[]).includes(name);
  const isJob = (name: string): name is JobScenario => (jobScenarios as readonly string[]).includes(name);
  if (only.length === 0) return { endpoints: selectEndpoints([]), sweeps: [...sweepScenarios], jobs: [...jobScenarios] };
  const names = only.filter((n) => !isSweep(n) && !isJob(n));
  return { endpoints: names.length === 0 ? [] : selectEndpoints(names), sweeps: only.filter(isSweep), jobs: only.filter(isJob) };
}

async function main() {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
    selection(options.only);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const scale = scales[options.scale];
  const startedAt = new Date();
  const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
  // other work on the machine skews every figure: say so up front
  log(`load average ${loadAtStart.join(' ')} on ${cpus().length} CPUs${loadAtStart[0]! > cpus().length * 0.25 ? ' — the machine is busy, figures will be noisy' : ''}`);
  const db = await prepareDatabase(options, log);
  if (options.importRows !== null) {
    try { await runImportScenario(db, options.importRows, log); } finally { await db.close(); }
    return;
  }
  try {
    type Phase = { name: string; rows: number; seconds: number };
    let generation: { reused: boolean; seconds: number; phases: Phase[]; added?: Phase[]; addedSeconds?: number };
    const genStart = performance.now();
    let marker = db.reused ?? await generateDataset(db.handle, db.raw, scale, log);
    if (db.reused) {
      log(`reusing scale ${marker.scale} generated ${marker.generatedAt}`);
      const completed = await completeDataset(db.handle, db.raw, marker, log);
      marker = completed.marker;
      generation = {
        reused: completed.added.length === 0, seconds: marker.phases.reduce((s, p) => s + p.seconds, 0), phases: marker.phases,
        ...(completed.added.length > 0 ? { added: completed.added, addedSeconds: completed.addedSeconds } : {}),
      };
    } else {
      generation = { reused: false, seconds: Math.round((performance.now() - genStart) / 100) / 10, phases: marker.phases };
    }
    log(`dataset: ${Object.entries({ ...marker.counts, ...marker.parts?.deals?.counts, ...marker.parts?.money?.counts, ...marker.parts?.collections?.counts }).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}`);
    if (options.generateOnly) return;

    if (options.tryIndex) {
      for (const index of proposedIndexes) {
        log(`--try-index: ${index.sql}  -- ${index.reason}`);
        await db.raw.query(index.sql);
      }
      if (proposedIndexes.length === 0) log('--try-index: no index is proposed');
    }

    const app = await buildApp({ handle: db.handle, loginRateLimitPerMinute: 1_000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      const probe = await loadProbe(db.raw, marker.workspaceId, marker.sampleActorId, marker.parts?.deals?.busyCustomerIds[0] ?? null, marker.parts?.money?.busyCustomerIds[0] ?? null,
        marker.parts?.collections?.asOf ?? null);
      const cookies = {
        gm: await login(baseUrl, 'gm'), admin: await login(baseUrl, 'admin'), rep: await login(baseUrl, 'rep1'), manager: await login(baseUrl, probe.crm.managerLogin),
        finance: await login(baseUrl, 'finance1'),
      };
      log(`server on ${baseUrl}; probe: ${probe.entity} ${probe.entityId} (${probe.entityRows} audit rows), actor ${probe.actorId} (${probe.actorRows} audit rows)`);
      log(`customers probe: rep = rep1, manager = ${probe.crm.managerLogin}, ${JSON.stringify({ ...probe.crm, managerLogin: undefined })}`);
      if (probe.deals) log(`deals probe: ${JSON.stringify(probe.deals)}`);
      if (probe.money) log(`money probe: ${JSON.stringify(probe.money)}`);
      if (probe.collections) log(`collections probe: ${JSON.stringify(probe.collections)}`);
      const chosen = selection(options.only);
      const results: EndpointResult[] = [];
      for (const endpoint of chosen.endpoints) results.push(await measure(options, db, baseUrl, port, cookies, endpoint, probe));
      const sweeps: SweepMeasurement[] = [];
      for (const scenario of chosen.sweeps) sweeps.push(await runSweep(db, marker, scenario, log));
      const jobs: JobMeasurement[] = [];
      for (const job of chosen.jobs) jobs.push(await runJob(db, marker, job, log));

      const title = `Kairos bench — ${options.db}, scale ${options.scale}, concurrency ${options.concurrency}, ${options.durationSeconds} s per endpoint (${startedAt.toISOString().slice(0, 10)})`;
      log(`\n${title}\n`);
      log(formatTable(results));
      if (options.explain) log(`\nEXPLAIN (ANALYZE, BUFFERS)\n${formatPlans(results)}`);
      for (const r of results.filter((r) => planVerdict(r).startsWith('CHECK'))) {
        log(`\n! ${r.name}: ${planVerdict(r)}; expected ${r.plan!.expectIndexes.join(', ')}, used ${r.plan!.indexesUsed.join(', ') || 'no index'}:\n  ${r.plan!.lines.join('\n  ')}`);
      }
      const errors = results.reduce((s, r) => s + r.http.errors, 0);
      log(`\n${formatMarkdown(results, title)}\n`);
      if (sweeps.length > 0) {
        log('| sweep | as of | owned rows | backlog s | recycled | warned | nightly s | recycled | warned | again s | recycled | warned |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
        const cells = (r: SweepRun) => `${r.seconds.toFixed(1)} | ${r.recycled.toLocaleString('en-US')} | ${r.warned.toLocaleString('en-US')}`;
        for (const w of sweeps) log(`| ${w.name} | ${w.asOf} | ${w.ownedRows.toLocaleString('en-US')} | ${cells(w.backlog)} | ${cells(w.first)} | ${cells(w.second)} |`);
        log('');
      }
      if (jobs.length > 0) {
        log('| job | for | looks at | run | seconds | result |\n|---|---|---|---|---:|---|');
        for (const j of jobs) {
          for (const [i, r] of j.runs.entries()) {
            log(`| ${i === 0 ? j.name : ''} | ${i === 0 ? j.on : ''} | ${i === 0 ? JSON.stringify(j.scope) : ''} | ${r.label} | ${r.seconds.toFixed(2)} | ${JSON.stringify(r.figures)} |`);
          }
        }
        log('');
      }
      const stamp = startedAt.toISOString().slice(0, 16).replace(':', '');
      const file = writeJson('bench-results', `${stamp}-${options.db}-${options.scale}.json`, {
        startedAt: startedAt.toISOString(), options: { ...options, postgresUrl: undefined }, location: db.location,
        environment: { ...await environment(db.raw, options), loadAverageAtStart: loadAtStart }, dataset: marker, generation, probe,
        endpoints: results, sweeps, jobs, knownEndpoints: allEndpoints.map((e) => e.name),
      });
      log(`results written to ${file}`);
      if (errors > 0) {
        console.error(`${errors} requests failed (non-2xx): the figures are not valid`);
        process.exitCode = 1;
      }
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

await main();
