/** Named data volumes. Later issues add their entities (opportunities, …) here. */
export interface Scale {
  name: ScaleName;
  /** children per node at each level of the generated sales department tree (level 1 are roots) */
  departmentFanout: readonly number[];
  /** users in the benchmark workspace, the 13 demo logins included */
  users: number;
  /** audit rows in total, `noiseShare` of them in other workspaces */
  auditRows: number;
  approvals: number;
  /** sign-ins kept in `sessions` (expired ones included: nothing sweeps them yet) */
  sessions: number;
  /** other workspaces holding a share of the audit rows, so that `workspace_id` filters really filter */
  noiseWorkspaces: number;
  noiseShare: number;
  /** history covered by the generated audit rows and approvals, ending at generation time */
  historyDays: number;
  /** customers in the benchmark workspace (each with 1–5 contacts, 3 on average) */
  customers: number;
  leads: number;
  /** share of the customers in the public pool (owner null) */
  poolShare: number;
  /** share of the customers and leads owned by the demo login rep1 (the "own data" probe) */
  rep1Share: number;
}

export const scales = {
  S: { name: 'S', departmentFanout: [3, 4], users: 50, auditRows: 10_000, approvals: 200, sessions: 1_000, noiseWorkspaces: 2, noiseShare: 0.1, historyDays: 90,
    customers: 5_000, leads: 5_000, poolShare: 0.2, rep1Share: 0.01 },
  M: { name: 'M', departmentFanout: [4, 4, 4], users: 500, auditRows: 1_000_000, approvals: 20_000, sessions: 50_000, noiseWorkspaces: 3, noiseShare: 0.1, historyDays: 730,
    customers: 100_000, leads: 100_000, poolShare: 0.2, rep1Share: 0.005 },
  L: { name: 'L', departmentFanout: [6, 5, 5], users: 3_000, auditRows: 5_000_000, approvals: 100_000, sessions: 300_000, noiseWorkspaces: 5, noiseShare: 0.1, historyDays: 1095,
    customers: 1_000_000, leads: 1_000_000, poolShare: 0.2, rep1Share: 0.0025 },
} as const satisfies Record<string, Scale>;

export type ScaleName = 'S' | 'M' | 'L';

export function isScaleName(value: string): value is ScaleName {
  return value === 'S' || value === 'M' || value === 'L';
}

/** Bump when the generator changes what it writes, so `--reuse` regenerates stale data. */
export const GENERATOR_VERSION = 3;
