import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';

export interface Job { name: string; everyMs: number; run: (db: Database) => Promise<unknown> }

/**
 * In-process scheduler for idempotent jobs. Each job runs at most once at a time per process; jobs
 * claim their rows with SKIP LOCKED or are functions of `asOf`, so several nodes may run them too.
 */
export function startScheduler(db: Database, jobs: Job[], log: FastifyBaseLogger) {
  const running = new Set<string>();
  const runJob = async (job: Job) => {
    if (running.has(job.name)) return;
    running.add(job.name);
    try { await job.run(db); } catch (error) { log.error({ err: error, job: job.name }, 'job failed'); } finally { running.delete(job.name); }
  };
  const timers = jobs.map((job) => setInterval(() => void runJob(job), job.everyMs));
  return {
    /** run a job now (e.g. dispatch the outbox right after a commit) */
    kick: (name: string) => { const job = jobs.find((j) => j.name === name); if (job) void runJob(job); },
    stop: () => timers.forEach(clearInterval),
  };
}
