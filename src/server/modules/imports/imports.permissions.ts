import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/**
 * Import and export permissions (domain §16, §17). Importing a kind of record also needs the right
 * to create it (customer:create, customer:update for contacts, lead:create); exporting needs the
 * right to read it and always follows the data scope and field masking of the list (warehouse and
 * front desk get phone numbers masked, as in the list).
 */
export const importGrants = {
  'import:use': ['sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist', 'receptionist'],
  'import:share_template': ['sales_manager', 'sales_supervisor', 'cs_manager'],
  'export:use': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist', 'finance', 'warehouse', 'receptionist'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type ImportPermission = keyof typeof importGrants;
