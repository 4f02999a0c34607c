import { addDays, todayIn, type IsoDate } from '../../src/shared/dates.js';
import { recycleSweep } from '../../src/server/modules/customers/pool.service.js';
import { leadRecycleSweep } from '../../src/server/modules/leads/lead-pool.service.js';
import type { BenchDatabase, DatasetMarker } from './database.js';

type Log = (line: string) => void;

export const sweepScenarios = ['recycle-sweep', 'lead-recycle-sweep'] as const;
export type SweepScenario = (typeof sweepScenarios)[number];

export interface SweepRun { seconds: number; recycled: number; warned: number }
export interface SweepMeasurement {
  name: SweepScenario;
  asOf: IsoDate;
  /** owned rows the sweep looks at (customers: owned; leads: owned, open, with owned_since) */
  ownedRows: number;
  /** the first run ever, the day before `asOf`: the generated data's years of backlog recycled at once */
  backlog: SweepRun;
  /** the next night (`asOf`): what the scheduler does every day once it has caught up */
  first: SweepRun;
  /** the same asOf again: idempotent, so nothing is recycled or warned twice */
  second: SweepRun;
  restoreSeconds: number;
}

const table = { 'recycle-sweep': 'customers', 'lead-recycle-sweep': 'leads' } as const;
const snapshotColumns = {
  customers: ['owner_id', 'department_id', 'former_owner_id', 'released_on', 'owned_since', 'is_locked', 'locked_by', 'recycle_warned_for', 'version', 'updated_at'],
  leads: ['owner_id', 'former_owner_id', 'released_on', 'owned_since', 'recycle_warned_for', 'version', 'updated_at'],
} as const;

/**
 * Times the real sweep function (`recycleSweep` / `leadRecycleSweep`) as the scheduler runs it: a first
 * run the day before the generation day (the backlog of the generated history), the nightly run of the
 * generation day, and that day again (idempotent) — fixed dates, so a reused dataset recycles the same
 * share — then puts the data back as it was
 * (owners, pool events, outbox messages, collaborators; the audit rows stay: the log is append-only), so
 * later runs see the generated data.
 */
export async function runSweep(db: BenchDatabase, marker: DatasetMarker, name: SweepScenario, log: Log): Promise<SweepMeasurement> {
  const raw = db.raw;
  const ws = marker.workspaceId;
  const t = table[name];
  const asOf = todayIn('Asia/Shanghai', new Date(marker.generatedAt));
  const columns = snapshotColumns[t];
  const owned = t === 'customers' ? 'owner_id is not null' : `owner_id is not null and owned_since is not null and status in ('new','contacted','qualified')`;
  const ownedRows = Number((await raw.query(`select count(*) as n from ${t} where workspace_id = $1 and ${owned}`, [ws])).rows[0]!.n);

  log(`\n▶ ${name}: ${t} as of ${asOf} (${ownedRows.toLocaleString('en-US')} owned rows)`);
  await raw.query(`drop table if exists bench_sweep_rows`);
  await raw.query(`create table bench_sweep_rows as select id, ${columns.join(', ')} from ${t} where workspace_id = $1 and owner_id is not null`, [ws]);
  if (t === 'customers') {
    await raw.query(`drop table if exists bench_sweep_collaborators`);
    await raw.query(`create table bench_sweep_collaborators as select * from customer_collaborators where workspace_id = $1`, [ws]);
  }
  const startedMs = Date.now() - 1_000;
  const who = { workspaceId: ws, actorId: null, actorName: 'system' };
  const run = async (label: string, on: IsoDate): Promise<SweepRun> => {
    const started = performance.now();
    const result = name === 'recycle-sweep' ? await recycleSweep(db.handle.db, who, on) : await leadRecycleSweep(db.handle.db, who, on);
    const seconds = Math.round((performance.now() - started) / 10) / 100;
    log(`  ${label}: ${seconds.toFixed(2)} s, ${result.recycled.toLocaleString('en-US')} recycled, ${result.warned.toLocaleString('en-US')} warned`);
    return { seconds, recycled: result.recycled, warned: result.warned };
  };
  let backlog: SweepRun;
  let first: SweepRun;
  let second: SweepRun;
  const restoreStarted = performance.now();
  try {
    backlog = await run(`backlog run (as of ${addDays(asOf, -1)})`, addDays(asOf, -1));
    first = await run(`nightly run (as of ${asOf})`, asOf);
    second = await run('again (same asOf)', asOf);
  } finally {
    const since = new Date(startedMs).toISOString();
    await raw.query(`update ${t} x set ${columns.map((c) => `${c} = s.${c}`).join(', ')} from bench_sweep_rows s
      where x.workspace_id = $1 and x.id = s.id and (x.owner_id is distinct from s.owner_id or x.recycle_warned_for is distinct from s.recycle_warned_for)`, [ws]);
    const events = t === 'customers' ? 'customer_pool_events' : 'lead_pool_events';
    await raw.query(`delete from ${events} where workspace_id = $1 and kind = 'recycle' and created_at >= $2`, [ws, since]);
    // audit_log is append-only (a trigger refuses DELETE): the sweeps' recycle rows stay, as they would in production
    await raw.query(`delete from outbox where workspace_id = $1 and created_at >= $2 and topic = any($3::text[])`,
      [ws, since, t === 'customers' ? '{customer.recycled,customer.recycle_warning}' : '{lead.recycled,lead.recycle_warning}']);
    if (t === 'customers') {
      await raw.query(`insert into customer_collaborators select * from bench_sweep_collaborators on conflict do nothing`);
      await raw.query(`drop table bench_sweep_collaborators`);
    }
    await raw.query(`drop table bench_sweep_rows`);
    await raw.query(`vacuum (analyze) ${t}`);
  }
  const restoreSeconds = Math.round((performance.now() - restoreStarted) / 10) / 100 - backlog.seconds - first.seconds - second.seconds;
  log(`  data restored in ${restoreSeconds.toFixed(1)} s`);
  return { name, asOf, ownedRows, backlog, first, second, restoreSeconds: Math.round(restoreSeconds * 10) / 10 };
}
