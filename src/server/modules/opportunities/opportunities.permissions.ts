import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/** Roles that own and work opportunities (the same as own customers and leads). */
export const opportunityOwnerRoles = ['sales_rep', 'sales_supervisor', 'sales_manager'] as const satisfies readonly RoleCode[];
const sales = opportunityOwnerRoles;

/**
 * Opportunity and pipeline permissions → roles (domain §0, §1.1, §6). Sales reps, supervisors and
 * managers own, create, move and close deals, each within their data scope. The GM and the sales VP
 * read the funnel but run no deals (§1.1). The CS manager reads them (relationship maintenance) and
 * finance reads them (budget balancing, cost review of bids); CS specialists develop no new
 * customers, and warehouse, front desk and administrator have no business with deals. Pipelines
 * are configured by the administrator only; every business role may read them.
 */
export const opportunityGrants = {
  'pipeline:read': ['admin', 'gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'finance'],
  'pipeline:manage': ['admin'],
  'opportunity:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'finance'],
  'opportunity:create': sales,
  'opportunity:update': sales,
  /** can be the owner of opportunities */
  'opportunity:own': sales,
  /** may create or hand an opportunity to someone else within their data scope */
  'opportunity:assign': ['sales_manager', 'sales_supervisor'],
  'opportunity:move': sales,
  'opportunity:close': sales,
  'opportunity:share': sales,
} as const satisfies Record<string, readonly RoleCode[]>;

export type OpportunityPermission = keyof typeof opportunityGrants;
