import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/** Roles that do sales work in the field: visits, calls, call reports. */
const sales = ['sales_manager', 'sales_supervisor', 'sales_rep'] as const satisfies readonly RoleCode[];
/** Everyone who may follow a customer's history (the timeline) within their data scope. */
const watchers = ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist'] as const satisfies readonly RoleCode[];

/**
 * Activity permissions → roles (domain §0, §7.2). Sales roles log activities and write call reports;
 * customer service logs its contacts with customers too (visits, calls) but writes no call reports;
 * the GM and the VP read; finance, warehouse and the front desk have no business with the sales
 * diary; the administrator runs the reminder sweep only. Tasks (action items) are everyone's: any
 * business user may be named in an action item and must be able to see and close it.
 */
export const activityGrants = {
  'activity:read': watchers,
  'activity:create': [...sales, 'cs_manager', 'cs_specialist'],
  'activity:update': [...sales, 'cs_manager', 'cs_specialist'],
  'call_report:read': watchers,
  'call_report:write': sales,
  'task:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist', 'finance', 'warehouse', 'receptionist'],
  'task:write': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist', 'finance', 'warehouse', 'receptionist'],
  'task:remind': ['admin', 'gm', 'sales_manager'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type ActivityPermission = keyof typeof activityGrants;
