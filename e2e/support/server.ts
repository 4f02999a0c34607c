import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const webIndex = join(root, 'dist/web/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web UI when dist/web is missing or older than its sources (as `npm start` does). */
export function ensureWebBuilt() {
  const built = existsSync(webIndex) ? statSync(webIndex).mtimeMs : 0;
  const sources = Math.max(newestMtime(join(root, 'src/web')), newestMtime(join(root, 'src/shared')), statSync(join(root, 'index.html')).mtimeMs);
  if (built > sources) return;
  console.log('[e2e] building the web UI (npx vite build)…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer().once('error', () => done(false)).once('listening', () => probe.close(() => done(true)));
    probe.listen(port, '127.0.0.1');
  });
}

/** A free port from 3100 up (never 3000, which a developer's own server may use). */
export async function findFreePort(from = 3100): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port in ${from}–${from + 199}`);
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer /health within ${timeoutMs / 1000}s:\n${output()}`);
}

/**
 * Starts the real server (`npx tsx src/server/main.ts`) on a free port with a fresh PGlite data
 * folder, the demo workspace and the scheduler, and waits for /health.
 */
export async function startServer(): Promise<RunningServer> {
  const port = await findFreePort(3100 + Math.floor(Math.random() * 50));
  const dataDir = mkdtempSync(join(tmpdir(), 'kairos-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn('npx', ['tsx', 'src/server/main.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true', SCHEDULER: 'true', LOG_LEVEL: 'warn', DATABASE_URL: '' },
  });
  const keep = (chunk: Buffer) => { log = (log + chunk.toString()).slice(-20_000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // a busy machine (benchmarks, several test runs) may need longer: E2E_START_TIMEOUT_MS
    await waitForHealth(baseUrl, child, () => log, Number(process.env.E2E_START_TIMEOUT_MS ?? 120_000));
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
