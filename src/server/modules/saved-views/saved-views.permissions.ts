import { roleCodes, type RoleCode } from '../../../shared/contracts/org.contract.js';

/** Everyone keeps their own views; the administrator may also edit or delete anyone's shared views. */
export const savedViewGrants = {
  'saved_view:use': roleCodes,
  'saved_view:manage_shared': ['admin'],
} as const satisfies Record<string, readonly RoleCode[]>;
