import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/** Everyone in the company who meets customers: sales, service, finance, warehouse and the front desk (not the administrator). */
const everyone = [
  'gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist', 'finance', 'warehouse', 'receptionist',
] as const satisfies readonly RoleCode[];
/** Those who work customer needs through the MOT steps: sales and customer service. */
const needWorkers = ['sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist'] as const satisfies readonly RoleCode[];

/**
 * Moments-of-truth permissions → roles (domain §7.3, §17). Anyone in the company records a
 * touchpoint on a customer they can see; the front desk sees no customer files (scope "own") yet
 * meets every visitor, so it may record on any customer of the workspace and sees the touchpoints it
 * recorded. Needs are worked by sales and customer service and watched by the GM and the VP.
 */
export const motGrants = {
  'touchpoint:read': everyone,
  'touchpoint:create': everyone,
  /** may record a touchpoint on any customer of the workspace (the front desk) */
  'touchpoint:record_any': ['receptionist'],
  'need:read': ['gm', 'sales_vp', ...needWorkers],
  'need:create': needWorkers,
  /** edit and advance needs within the data scope */
  'need:update': needWorkers,
} as const satisfies Record<string, readonly RoleCode[]>;

export type MotPermission = keyof typeof motGrants;
