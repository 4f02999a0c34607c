import type { RoleCode } from '../../../shared/contracts/org.contract.js';
import { customerGrants } from '../customers/index.js';

/**
 * Files follow their customer: whoever reads the customer reads its files, whoever edits it adds
 * files. Deleting is for the uploader and the customer's owner — and the administrator, who may
 * remove any file (a leaked document) without seeing the customer.
 */
export const attachmentGrants = {
  'attachment:read': customerGrants['customer:read'],
  'attachment:upload': customerGrants['customer:update'],
  'attachment:delete': [...customerGrants['customer:update'], 'admin'],
  'attachment:delete_any': ['admin'],
} as const satisfies Record<string, readonly RoleCode[]>;
