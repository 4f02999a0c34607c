/**
 * Measures POST /penalties/run's computation at scale (docs/penalties.md): a demo workspace on
 * PostgreSQL gets N receivable lines (default 1,000,000) spread over due dates of the last 200 days,
 * a third of them partly paid, 5 % written off, 10 % deferred, then one payroll month is run through
 * the same service function as the route and timed, twice (the second run is the idempotent no-op).
 *   PENALTY_SCALE_DB=postgres://postgres@127.0.0.1:5432/kairos_pen_bench npx tsx scripts/penalties-scale.ts 1000000
 * The database name must contain "bench": it is dropped and recreated.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { contextFor } from '../src/server/platform/auth/context-for.js';
import { migrateDatabase, openDatabase } from '../src/server/platform/db/client.js';
import { runPenalties } from '../src/server/modules/penalties/index.js';
import { seedDemoWorkspace } from '../src/server/seed/demo.js';

const url = process.env.PENALTY_SCALE_DB ?? 'postgres://postgres@127.0.0.1:5432/kairos_pen_bench';
const n = Number(process.argv[2] ?? 1_000_000);
const name = new URL(url).pathname.slice(1);
if (!name.includes('bench')) throw new Error('the database name must contain "bench"');
const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
await admin.connect();
await admin.query(`drop database if exists ${name}`);
await admin.query(`create database ${name}`);
await admin.end();

const handle = await openDatabase({ kind: 'postgres', url });
await migrateDatabase(handle);
const demo = await seedDemoWorkspace(handle, { pendingPolicyChange: false });
const ws = demo.workspaceId;
const db = handle.db;
const one = async <T>(q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows[0]!;
const c = await one<{ id: string; customer_id: string }>(sql`select id, customer_id from contracts where workspace_id = ${ws} limit 1`);
const owners = [demo.userIds.rep1!, demo.userIds.rep2!, demo.userIds.rep3!];
let t0 = Date.now();
await db.execute(sql`
  insert into receivables (workspace_id, id, contract_id, plan_index, customer_id, owner_id, kind, due_date, amount, received, status, deferred_from, written_off_on)
  select ${ws}::uuid, gen_random_uuid(), ${c.id}::uuid, 1000 + i, ${c.customer_id}::uuid, (${`{${owners.join(',')}}`}::uuid[])[1 + i % 3], 'balance',
    date '2026-10-31' - (i % 200), (1000 + (i % 97) * 13.37)::numeric(18,2),
    case when i % 3 = 0 then 300.00 else 0 end,
    case when i % 20 = 0 then 'written_off' when i % 3 = 0 then 'partial' else 'open' end,
    case when i % 10 = 1 then date '2026-10-31' - (i % 200) - 60 end,
    case when i % 20 = 0 then date '2026-10-01' + (i % 30) end
  from generate_series(1, ${n}) as i`);
await db.execute(sql`analyze receivables`);
console.log(`generated ${n} receivable lines in ${Date.now() - t0} ms`);
const finance = await contextFor(handle, ws, demo.userIds.finance1!);
for (const attempt of ['first run', 'second run (no-op)']) {
  t0 = Date.now();
  const run = await runPenalties(finance, { month: '2026-10' });
  console.log(`${attempt}: ${Date.now() - t0} ms — lines ${run.lineCount}, total ${run.total}, created ${run.created}`);
}
const shares = await one<{ n: string }>(sql`select count(*) as n from penalty_shares where workspace_id = ${ws}`);
console.log(`shares: ${shares.n}`);
await handle.close();
