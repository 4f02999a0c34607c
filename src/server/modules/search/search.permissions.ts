import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/** The search box is for everyone who reads customers or leads; what it finds is limited by their data scope. */
export const searchGrants = {
  search: ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist', 'finance', 'warehouse', 'receptionist'],
} as const satisfies Record<string, readonly RoleCode[]>;
