import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/** Roles that plan and make visits in the field. */
const sales = ['sales_manager', 'sales_supervisor', 'sales_rep'] as const satisfies readonly RoleCode[];
/** Roles that read visit plans and plan vs actual within their data scope. */
const readers = ['gm', 'sales_vp', ...sales] as const satisfies readonly RoleCode[];

/**
 * Visit-planning permissions → roles (domain §0, §7.1). Sales roles write their plans (a supervisor
 * also for the people in their scope) and check in; customer service checks in on its own visits
 * and looks up customers near it; the GM and the VP read plans and adherence; the administrator only
 * runs the Friday reminder sweep.
 */
export const visitPlanGrants = {
  'visit_plan:read': readers,
  'visit_plan:write': sales,
  'visit_plan:remind': ['admin', 'gm', 'sales_manager'],
  'check_in:create': [...sales, 'cs_manager', 'cs_specialist'],
  'customer:near': [...readers, 'cs_manager', 'cs_specialist'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type VisitPlanPermission = keyof typeof visitPlanGrants;
