import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/**
 * Report permissions → roles (domain §0, §15). The sales line reads the funnel and activity reports;
 * what each one sees is their data scope (a rep their own figures, managers and supervisors their
 * departments', the GM and the VP everything). Customer service, finance, warehouse, the desk and the
 * administrator do not read sales reports.
 */
export const reportGrants = {
  'report:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type ReportPermission = keyof typeof reportGrants;
