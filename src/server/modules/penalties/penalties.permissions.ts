import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/**
 * Penalty permissions → roles (domain §11.3). Finance runs the payroll month (the GM may too); the
 * statement is read within the data scope — a rep their own deductions, a supervisor or manager their
 * team's, finance, the GM and the sales VP everyone's. Customer service, warehouse, the front desk and
 * the administrator see none.
 */
export const penaltyGrants = {
  'penalty:run': ['finance', 'gm'],
  'penalty:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type PenaltyPermission = keyof typeof penaltyGrants;
