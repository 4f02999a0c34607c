// Runs in a worker thread so the load generator does not share the server's event loop.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadResult, LoadSpec } from './load.js';

const spec = workerData as LoadSpec;
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency, maxFreeSockets: spec.concurrency });

interface Outcome { status: number; bytes: number; body?: string }

function requestOnce(): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port: spec.port, path: spec.path, method: 'GET', agent,
      headers: { cookie: spec.cookie, accept: 'application/json' },
    }, (res) => {
      const chunks: Buffer[] = [];
      const status = res.statusCode ?? 0;
      const keep = status < 200 || status >= 300;
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (keep) chunks.push(chunk);
      });
      res.on('end', () => resolve({ status, bytes, body: keep ? Buffer.concat(chunks).toString('utf8').slice(0, 500) : undefined }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function run(): Promise<LoadResult> {
  // warm-up: same traffic, not recorded
  const warmupEnd = process.hrtime.bigint() + BigInt(spec.warmupMs) * 1_000_000n;
  await Promise.all(Array.from({ length: spec.concurrency }, async () => {
    for (let i = 0; i < spec.maxRequests && process.hrtime.bigint() < warmupEnd; i++) await requestOnce().catch(() => undefined);
  }));

  const latencies = new Float64Array(spec.maxRequests);
  const statusCounts: Record<string, number> = {};
  let recorded = 0;
  let errors = 0;
  let firstError: string | undefined;
  let bytes = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(spec.durationMs) * 1_000_000n;
  await Promise.all(Array.from({ length: spec.concurrency }, async () => {
    // bounded: stops at the deadline or when the latency buffer is full
    while (recorded < spec.maxRequests && process.hrtime.bigint() < deadline) {
      const slot = recorded++;
      const t0 = process.hrtime.bigint();
      try {
        const outcome = await requestOnce();
        latencies[slot] = Number(process.hrtime.bigint() - t0) / 1e6;
        statusCounts[outcome.status] = (statusCounts[outcome.status] ?? 0) + 1;
        bytes += outcome.bytes;
        if (outcome.status < 200 || outcome.status >= 300) {
          errors += 1;
          firstError ??= `${outcome.status} ${outcome.body ?? ''}`;
        }
      } catch (error) {
        latencies[slot] = Number(process.hrtime.bigint() - t0) / 1e6;
        errors += 1;
        statusCounts.network = (statusCounts.network ?? 0) + 1;
        firstError ??= (error as Error).message;
      }
    }
  }));
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  return { requests: recorded, errors, statusCounts, firstError, elapsedMs, latenciesMs: latencies.subarray(0, recorded), meanBytes: recorded ? Math.round(bytes / recorded) : 0 };
}

const result = await run();
parentPort!.postMessage(result, [result.latenciesMs.buffer as ArrayBuffer]);
