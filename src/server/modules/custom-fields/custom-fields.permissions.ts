import { roleCodes, type RoleCode } from '../../../shared/contracts/org.contract.js';

/** Everyone reads the definitions (forms and columns need them); only the administrator defines fields. */
export const customFieldGrants = {
  'custom_field:read': roleCodes,
  'custom_field:manage': ['admin'],
} as const satisfies Record<string, readonly RoleCode[]>;
