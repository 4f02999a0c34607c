import { addDays, todayIn } from '../../src/shared/dates.js';
import { contextFor } from '../../src/server/platform/auth/context-for.js';
import type { CommandContext } from '../../src/server/platform/http/context.js';
import { runDunningSweep } from '../../src/server/modules/dunning/index.js';
import { runPenalties } from '../../src/server/modules/penalties/index.js';
import { monthBounds } from '../../src/server/modules/penalties/penalties.rules.js';
import type { BenchDatabase, DatasetMarker, RawClient } from './database.js';

type Log = (line: string) => void;
type Figures = Record<string, number | string>;

/**
 * Collections jobs (issue 6): the real service functions finance or the scheduler run over the whole
 * receivable book, timed on the generated data and undone afterwards so later runs see the same data.
 * Each job says what it runs for (`on`: a day or a month of the collections part's generation day), what
 * it looks at (`scope`, counted before), its runs in order (a first run, then again: the jobs are
 * idempotent) and how to put the data back. A new job is one more entry of `jobs`.
 */
interface JobDef {
  on(asOf: string): string;
  /** the login the job runs as (its permissions and data scope), or null for the scheduler (system) */
  as: 'finance1' | null;
  scope(raw: RawClient, ws: string, on: string): Promise<Figures>;
  /** cleared before the first run too, so a run interrupted earlier does not make the first run a rerun */
  restore(raw: RawClient, ws: string, on: string): Promise<void>;
  runs: { label: string; run(ctx: CommandContext, on: string): Promise<Figures> }[];
}

/** The month before the one `asOf` falls in (`YYYY-MM`): the last month that has ended. */
const lastEndedMonth = (asOf: string) => addDays(`${asOf.slice(0, 7)}-01`, -1).slice(0, 7);

const penaltyRun = async (ctx: CommandContext, month: string): Promise<Figures> => {
  const run = await runPenalties(ctx, { month });
  return { created: run.created ? 1 : 0, lines: run.lineCount, total: run.total };
};

const dunningSweep = async (ctx: CommandContext, asOf: string): Promise<Figures> => {
  const r = await runDunningSweep(ctx.db, { workspaceId: ctx.workspace.id, asOf, actor: { actorId: ctx.actor.id, actorName: ctx.actor.name, requestId: null, ip: null } });
  return { lines: r.lines, due: r.due, created: r.created, closed: r.closed };
};

const jobs = {
  'penalty-run': {
    on: lastEndedMonth,
    as: 'finance1',
    scope: async (raw, ws, month) => {
      const { end } = monthBounds(month);
      const { rows } = await raw.query(`select count(*) as candidates, count(*) filter (where due_date <= $2::date - 30) as overdue30
        from receivables where workspace_id = $1 and status in ('open', 'partial', 'written_off') and amount > received`, [ws, end]);
      return { monthEnd: end, unpaidLines: Number(rows[0]!.candidates), overdue30: Number(rows[0]!.overdue30) };
    },
    restore: async (raw, ws, month) => {
      // the run's rows (shares, lines, the run itself); its audit entry stays: the log is append-only
      await raw.query('delete from penalty_shares where workspace_id = $1 and month = $2', [ws, month]);
      await raw.query('delete from penalty_lines where workspace_id = $1 and month = $2', [ws, month]);
      await raw.query('delete from penalty_runs where workspace_id = $1 and month = $2', [ws, month]);
    },
    runs: [
      { label: 'first run', run: penaltyRun },
      { label: 'again (same month: returns the first run, writes nothing)', run: penaltyRun },
    ],
  },
  'dunning-sweep': {
    on: (asOf) => asOf,
    as: 'finance1',
    scope: async (raw, ws, asOf) => {
      const { rows } = await raw.query(`select count(*) as overdue from receivables
        where workspace_id = $1 and status in ('open', 'partial') and due_date < $2::date`, [ws, asOf]);
      return { overdueLines: Number(rows[0]!.overdue) };
    },
    restore: async (raw, ws, asOf) => {
      // the run's to-dos, their tasks and the owners' notifications; the audit entry stays (append-only)
      await raw.query(`with d as (delete from dunning_todos where workspace_id = $1 and created_on = $2::date returning task_id)
        delete from tasks where workspace_id = $1 and id in (select task_id from d)`, [ws, asOf]);
      await raw.query(`delete from outbox where workspace_id = $1 and topic = 'dunning.todos'`, [ws]);
    },
    runs: [
      { label: 'first run (every overdue line: a to-do per due step)', run: dunningSweep },
      { label: 'again (same day: creates nothing)', run: dunningSweep },
    ],
  },
} satisfies Record<string, JobDef>;

export type JobScenario = keyof typeof jobs;
export const jobScenarios = Object.keys(jobs) as JobScenario[];

export interface JobRun { label: string; seconds: number; figures: Figures }
export interface JobMeasurement { name: JobScenario; on: string; scope: Figures; runs: JobRun[]; restoreSeconds: number }

/** Runs one job on the generated data as its login (or the system), each run timed, then restores the data. */
export async function runJob(db: BenchDatabase, marker: DatasetMarker, name: JobScenario, log: Log): Promise<JobMeasurement> {
  const job: JobDef = jobs[name];
  const raw = db.raw;
  const ws = marker.workspaceId;
  const asOf = marker.parts?.collections?.asOf ?? todayIn('Asia/Shanghai', new Date(marker.generatedAt));
  const on = job.on(asOf);
  const scope = await job.scope(raw, ws, on);
  log(`\n▶ ${name} for ${on}: ${JSON.stringify(scope)}`);
  let ctx: CommandContext;
  if (job.as) {
    const user = (await raw.query('select id from users where workspace_id = $1 and username = $2', [ws, job.as])).rows[0];
    if (!user) throw new Error(`${name}: no user ${job.as} in the workspace`);
    ctx = await contextFor(db.handle, ws, String(user.id));
  } else {
    throw new Error(`${name}: system jobs get their context when the first one is added`);
  }
  await job.restore(raw, ws, on);
  const runs: JobRun[] = [];
  const restoreStarted = { at: 0 };
  try {
    for (const r of job.runs) {
      const started = performance.now();
      const figures = await r.run(ctx, on);
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      log(`  ${r.label}: ${seconds.toFixed(2)} s, ${JSON.stringify(figures)}`);
      runs.push({ label: r.label, seconds, figures });
    }
  } finally {
    restoreStarted.at = performance.now();
    await job.restore(raw, ws, on);
  }
  const restoreSeconds = Math.round((performance.now() - restoreStarted.at) / 100) / 10;
  log(`  data restored in ${restoreSeconds.toFixed(1)} s`);
  return { name, on, scope, runs, restoreSeconds };
}
