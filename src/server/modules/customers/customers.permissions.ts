import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/** Roles that own customers and work the public pool. */
export const ownerRoles = ['sales_rep', 'sales_supervisor', 'sales_manager'] as const satisfies readonly RoleCode[];
const sales = ownerRoles;
/** Account-manager level or above (domain §5.5): may open any file they can see. */
const fileKeepers = ['gm', 'sales_vp', 'sales_manager', 'cs_manager'] as const satisfies readonly RoleCode[];

/**
 * Customer permissions → roles (domain §0, §1.1, §5, §17). The receptionist registers and routes
 * but sees only what they own; the CS specialist maintains customer information but develops no new
 * customers (no create, claim or ownership); warehouse and front desk see phone numbers masked;
 * the administrator sees no business data.
 */
export const customerGrants = {
  'customer:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist', 'finance', 'warehouse', 'receptionist'],
  'customer:read_phone': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist', 'finance'],
  'customer:create': ['sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'receptionist'],
  'customer:update': ['sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist'],
  /** can be the owner of customers */
  'customer:own': sales,
  /** may create a customer for someone else (or straight into the pool), within their data scope */
  'customer:assign': ['sales_manager', 'sales_supervisor', 'cs_manager', 'receptionist'],
  /** may assign to any sales user regardless of data scope: front-desk routing (domain §4.2) */
  'customer:route': ['receptionist'],
  'customer:read_sensitive': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager'],
  'customer:read_any_file': fileKeepers,
  'customer:borrow_log': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'cs_manager'],
  'customer:stale_files': fileKeepers,
  'customer:transfer': sales,
  'customer:claim': sales,
  'customer:release': sales,
  'customer:lock': sales,
  'customer:share': sales,
  'customer:merge': ['sales_manager', 'sales_supervisor', 'cs_manager'],
  'customer:recycle': ['admin', 'gm', 'sales_manager'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type CustomerPermission = keyof typeof customerGrants;
