import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/** Roles that own leads and work the lead pool (the same as own customers). */
export const leadOwnerRoles = ['sales_rep', 'sales_supervisor', 'sales_manager'] as const satisfies readonly RoleCode[];
const sales = leadOwnerRoles;

/**
 * Lead permissions → roles (domain §0, §1.1, §4). Leads are sales work: the GM and the sales VP
 * watch them but run no deals; the CS manager sees them (customer information) but CS specialists
 * develop no new customers; finance and warehouse have no business with leads; the front desk
 * registers enquiries and routes them to any rep; the administrator runs the recycle sweep only.
 */
export const leadGrants = {
  'lead:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'receptionist'],
  'lead:create': ['sales_manager', 'sales_supervisor', 'sales_rep', 'receptionist'],
  'lead:update': sales,
  /** can be the owner of leads */
  'lead:own': sales,
  /** may create a lead for someone else (or straight into the pool), within their data scope */
  'lead:assign': ['sales_manager', 'sales_supervisor', 'receptionist'],
  /** may assign to any sales user regardless of data scope: front-desk routing (domain §4.2) */
  'lead:route': ['receptionist'],
  'lead:convert': sales,
  'lead:disqualify': sales,
  'lead:claim': sales,
  'lead:release': sales,
  'lead:recycle': ['admin', 'gm', 'sales_manager'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type LeadPermission = keyof typeof leadGrants;
