/** Named data volumes. Later issues add their entities (customers, opportunities, …) here. */
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
}

export const scales = {
  S: { name: 'S', departmentFanout: [3, 4], users: 50, auditRows: 10_000, approvals: 200, sessions: 1_000, noiseWorkspaces: 2, noiseShare: 0.1, historyDays: 90 },
  M: { name: 'M', departmentFanout: [4, 4, 4], users: 500, auditRows: 1_000_000, approvals: 20_000, sessions: 50_000, noiseWorkspaces: 3, noiseShare: 0.1, historyDays: 730 },
  L: { name: 'L', departmentFanout: [6, 5, 5], users: 3_000, auditRows: 5_000_000, approvals: 100_000, sessions: 300_000, noiseWorkspaces: 5, noiseShare: 0.1, historyDays: 1095 },
} as const satisfies Record<string, Scale>;

export type ScaleName = 'S' | 'M' | 'L';

export function isScaleName(value: string): value is ScaleName {
  return value === 'S' || value === 'M' || value === 'L';
}

/** Bump when the generator changes what it writes, so `--reuse` regenerates stale data. */
export const GENERATOR_VERSION = 2;
