import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { lockDataDir } from './platform/db/data-dir-lock.js';
import { migrateDatabase, openDatabase, type DbHandle } from './platform/db/client.js';
import { dispatchOutbox } from './platform/notifications/notifications.service.js';
import { deliverDueWebhooks } from './platform/webhooks/webhooks.service.js';
import { startScheduler } from './platform/jobs/scheduler.js';
import { deleteExpiredSessions } from './platform/auth/auth.repository.js';
import { recyclePoolsOfAllWorkspaces } from './modules/customers/index.js';
import { remindTasksOfAllWorkspaces } from './modules/activities/index.js';
import { remindInvestigationsOfAllWorkspaces } from './modules/credit/index.js';
import { remindWeeklyPlansOfAllWorkspaces } from './modules/visit-plans/index.js';
import { recycleLeadPoolsOfAllWorkspaces } from './modules/leads/index.js';
import { failInterruptedImports } from './modules/imports/index.js';
import { dunningSweepOfAllWorkspaces } from './modules/dunning/index.js';
import { ensureBuiltInPipelinesOfAllWorkspaces } from './modules/opportunities/index.js';
import { countWorkspaces } from './platform/org/workspace.service.js';
import { DEMO_PASSWORD, DEMO_WORKSPACE, demoUsers, seedDemoWorkspace } from './seed/demo.js';

/** config → database → migrate → seed demo if empty → listen → scheduler. */
export async function start() {
  const config = loadConfig();
  const unlock = config.databaseUrl ? null : await lockDataDir(config.dataDir);
  const handle: DbHandle = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, onIdleError: (e) => console.warn(`kairos: idle database connection closed (${e.message}); reconnecting on next query`) } : { kind: 'pglite', dataDir: config.dataDir });
  try {
    await migrateDatabase(handle, config.migrationsDir);
  } catch (error) {
    console.error(`\nKairos cannot start: a database migration failed and was rolled back, the database is unchanged.\n  ${(error as Error).message}\n  ${String((error as { cause?: Error }).cause?.message ?? '')}\n`);
    await handle.close();
    await unlock?.();
    process.exit(1);
  }
  await ensureBuiltInPipelinesOfAllWorkspaces(handle.db); // workspaces created before the opportunities module
  let seeded = false;
  if (config.seedDemo && (await countWorkspaces(handle.db)) === 0) {
    await seedDemoWorkspace(handle, { pendingCreditChange: true, pendingPriceChange: true, pendingContractReviews: true, pendingOrderChange: true, demoShipments: true, demoPenalties: true, demoCreditRatings: true, demoCollections: true });
    seeded = true;
  }

  let scheduler: ReturnType<typeof startScheduler> | undefined;
  const dunningLastRun = new Map<string, string>();
  const app = await buildApp({
    handle, trustProxy: config.trustProxy, loginRateLimitPerMinute: config.loginRateLimitPerMinute, webDist: config.webDist, map: config.map,
    logger: { level: config.logLevel }, afterCommit: () => scheduler?.kick('outbox'),
  });
  await app.listen({ port: config.port, host: config.host });
  if (config.schedulerEnabled) {
    scheduler = startScheduler(handle.db, [
      { name: 'outbox', everyMs: 5_000, run: (db) => dispatchOutbox(db) },
      { name: 'webhooks', everyMs: 10_000, run: (db) => deliverDueWebhooks(db) },
      { name: 'sessions', everyMs: 3_600_000, run: (db) => deleteExpiredSessions(db, new Date()) },
      // idempotent per day: hourly runs only catch up after downtime or a policy change
      // import jobs whose process died (restart) are failed; all-or-nothing ones wrote nothing
      { name: 'import-jobs', everyMs: 60_000, run: (db) => failInterruptedImports(db) },
      { name: 'customer-pool-recycle', everyMs: 3_600_000, run: (db) => recyclePoolsOfAllWorkspaces(db, new Date()) },
      { name: 'lead-pool-recycle', everyMs: 3_600_000, run: (db) => recycleLeadPoolsOfAllWorkspaces(db, new Date()) },
      { name: 'task-reminders', everyMs: 3_600_000, run: (db) => remindTasksOfAllWorkspaces(db, new Date()) },
      { name: 'credit-investigation-renewals', everyMs: 3_600_000, run: (db) => remindInvestigationsOfAllWorkspaces(db, new Date()) },
      { name: 'visit-plan-reminders', everyMs: 3_600_000, run: (db) => remindWeeklyPlansOfAllWorkspaces(db, new Date()) },
      // once a day per workspace from 06:00 in its zone (hourly check; a restart runs the day again, creating nothing)
      { name: 'dunning-sweep', everyMs: 3_600_000, run: (db) => dunningSweepOfAllWorkspaces(db, new Date(), dunningLastRun) },
    ], app.log);
  }

  const url = `http://localhost:${config.port}`;
  console.log(`\nKairos is running on ${url}  (database: ${handle.kind}${handle.kind === 'pglite' ? `, ${config.dataDir}` : ''})`);
  console.log(`API docs: ${url}/api/docs`);
  if (seeded || config.seedDemo) {
    console.log(`Demo workspace “${DEMO_WORKSPACE}” logins (password ${DEMO_PASSWORD}): ${demoUsers.map((u) => u.username).join(', ')}\n`);
  }

  const shutdown = async () => {
    scheduler?.stop();
    await app.close();
    await handle.close();
    await unlock?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

await start();
