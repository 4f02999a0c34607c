import { Worker } from 'node:worker_threads';

export interface LoadSpec {
  port: number;
  path: string;
  cookie: string;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  /** hard bound on recorded requests (and the latency buffer size) */
  maxRequests: number;
}

export interface LoadResult {
  requests: number;
  /** non-2xx responses and network errors */
  errors: number;
  statusCounts: Record<string, number>;
  firstError?: string;
  elapsedMs: number;
  latenciesMs: Float64Array;
  meanBytes: number;
}

// tsx does not reach worker threads on Node 20: register it inside the worker before loading the module.
const tsxApi = import.meta.resolve('tsx/esm/api');
const workerModule = new URL('./load-worker.ts', import.meta.url).href;
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerModule)}); });`;

/**
 * Drives one endpoint with `concurrency` keep-alive connections from a worker thread, for a fixed
 * duration after a warm-up, recording each request's latency with `process.hrtime.bigint()`.
 */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: spec });
    let settled = false;
    worker.once('message', (result: LoadResult) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`load worker exited with code ${code} before reporting`));
    });
  });
}
