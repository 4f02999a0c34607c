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
  /** the deals part (issue 4): opportunities (with their stage history) and activities (with call reports and tasks) */
  opportunities: number;
  activities: number;
  /** customers holding `busyActivityShare` of the activities between them (the timeline probe) */
  busyCustomers: number;
  busyActivityShare: number;
  /** the money part (issue 5): contracts (lines, payment plan; receivables one per plan line of the signed ones), quotes, orders, shipments */
  contracts: number;
  quotes: number;
  orders: number;
  shipments: number;
  /** customers holding `moneyBusyShare` of the contracts between them (the credit probe: many receivable lines) */
  moneyBusyCustomers: number;
  moneyBusyShare: number;
  /** the collections part (issue 6): payments received (1 % reversed), allocated to the receivable lines of the money part */
  payments: number;
}

export const scales = {
  S: { name: 'S', departmentFanout: [3, 4], users: 50, auditRows: 10_000, approvals: 200, sessions: 1_000, noiseWorkspaces: 2, noiseShare: 0.1, historyDays: 90,
    customers: 5_000, leads: 5_000, poolShare: 0.2, rep1Share: 0.01,
    opportunities: 15_000, activities: 50_000, busyCustomers: 2, busyActivityShare: 0.04,
    contracts: 3_000, quotes: 3_000, orders: 5_000, shipments: 10_000, moneyBusyCustomers: 3, moneyBusyShare: 0.01, payments: 20_000 },
  M: { name: 'M', departmentFanout: [4, 4, 4], users: 500, auditRows: 1_000_000, approvals: 20_000, sessions: 50_000, noiseWorkspaces: 3, noiseShare: 0.1, historyDays: 730,
    customers: 100_000, leads: 100_000, poolShare: 0.2, rep1Share: 0.005,
    opportunities: 300_000, activities: 1_000_000, busyCustomers: 5, busyActivityShare: 0.02,
    contracts: 30_000, quotes: 30_000, orders: 50_000, shipments: 100_000, moneyBusyCustomers: 3, moneyBusyShare: 0.01, payments: 200_000 },
  L: { name: 'L', departmentFanout: [6, 5, 5], users: 3_000, auditRows: 5_000_000, approvals: 100_000, sessions: 300_000, noiseWorkspaces: 5, noiseShare: 0.1, historyDays: 1095,
    customers: 1_000_000, leads: 1_000_000, poolShare: 0.2, rep1Share: 0.0025,
    opportunities: 3_000_000, activities: 10_000_000, busyCustomers: 10, busyActivityShare: 0.03,
    contracts: 300_000, quotes: 300_000, orders: 500_000, shipments: 1_000_000, moneyBusyCustomers: 3, moneyBusyShare: 0.01, payments: 2_000_000 },
} as const satisfies Record<string, Scale>;

export type ScaleName = 'S' | 'M' | 'L';

export function isScaleName(value: string): value is ScaleName {
  return value === 'S' || value === 'M' || value === 'L';
}

/**
 * Bump when the generator changes what the base part writes (org, approvals, audit, customers, leads), so
 * `--reuse` regenerates stale data. Parts added later carry their own version (DEALS_PART_VERSION) and are
 * generated on their own into a database whose base part fits.
 */
export const GENERATOR_VERSION = 3;
