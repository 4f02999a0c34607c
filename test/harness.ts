import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { buildApp, type App } from '../src/server/app.js';
import { migrateDatabase, openDatabase, type DbHandle } from '../src/server/platform/db/client.js';
import { dispatchOutbox } from '../src/server/platform/notifications/notifications.service.js';
import { DEMO_PASSWORD, seedDemoWorkspace } from '../src/server/seed/demo.js';
import { databaseUrl } from './global-setup.js';

let counter = 0;

/** A fresh, migrated database: in-memory PGlite, or a clone of the migrated template on PostgreSQL. */
export async function createTestDatabase(): Promise<DbHandle> {
  if (process.env.KAIROS_TEST_DB !== 'postgres') {
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrateDatabase(handle);
    return handle;
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `kairos_t_${process.ppid}_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  const handle = await openDatabase({ kind: 'postgres', url: databaseUrl(base, name), poolSize: 20 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const drop = new pg.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

type Body = Record<string, unknown> | unknown[] | undefined;

/** A signed-in API client over app.inject (real routing, validation, hooks and database). */
export class Client {
  constructor(private readonly app: App, readonly cookie: string | null, private readonly headers: Record<string, string> = {}) {}

  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: Body, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method, url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method === 'GET' ? {} : { 'x-requested-with': 'kairos' }),
        ...this.headers, ...extra,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  }
  get(url: string, extra?: Record<string, string>) { return this.request('GET', url, undefined, extra); }
  post(url: string, body: Body = {}, extra?: Record<string, string>) { return this.request('POST', url, body, extra); }
  patch(url: string, body: Body, extra?: Record<string, string>) { return this.request('PATCH', url, body, extra); }
  put(url: string, body: Body, extra?: Record<string, string>) { return this.request('PUT', url, body, extra); }
  delete(url: string, extra?: Record<string, string>) { return this.request('DELETE', url, undefined, extra); }
}

export interface TestContext {
  app: App;
  handle: DbHandle;
  demo: Awaited<ReturnType<typeof seedDemoWorkspace>>;
  /** signs in a demo user (`rep1`, `gm` …) through POST /auth/login */
  loginAs(username: string): Promise<Client>;
  anonymous: Client;
  /** dispatches the outbox, as the scheduler does after commit */
  dispatch(): Promise<number>;
}

export async function login(app: App, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return new Client(app, first!.split(';')[0]!);
}

/**
 * One app on one fresh database per test file, with the demo workspace seeded (no pending policy
 * change unless asked). Closed after the file.
 */
export async function setupTestApp(options: { pendingPolicyChange?: boolean; loginRateLimitPerMinute?: number } = {}): Promise<TestContext> {
  const handle = await createTestDatabase();
  const demo = await seedDemoWorkspace(handle, { pendingPolicyChange: options.pendingPolicyChange ?? false });
  const app = await buildApp({ handle, loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 1000 });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await handle.close();
  });
  return {
    app, handle, demo,
    loginAs: (username) => login(app, username),
    anonymous: new Client(app, null),
    dispatch: () => drainOutbox(handle.db),
  };
}

/** Dispatches the whole outbox, as the scheduler's repeated runs do (a sweep over demo data queues more than one batch). */
async function drainOutbox(db: Parameters<typeof dispatchOutbox>[0]): Promise<number> {
  let total = 0;
  for (let n = await dispatchOutbox(db); n > 0; n = await dispatchOutbox(db)) total += n;
  return total;
}
