import type { RoleCode } from '../../../shared/contracts/org.contract.js';
import type { PrintKind } from '../../../shared/contracts/print-templates.contract.js';

/**
 * Print-template permissions → roles (domain §0, §1.1, §17).
 * - The administrator keeps every template; the sales VP, who sets sales policy and reviews major
 *   contracts, keeps the quote and contract templates (their terms are sales policy).
 * - Reps may not draft or review the contract template or its terms (§1.1, sales_rep row), nor may
 *   supervisors (no sales policy): no sales role below the VP edits a sales template.
 * - The delivery note carries no terms: the administrator keeps it (the warehouse prints, it does
 *   not design the form).
 * - The dunning letters (thank-you, collection notice, lawyer's letter) are finance's, with the administrator.
 * Printing a document is a right of the document (e.g. contract:read), not of these.
 */
export const printTemplateGrants = {
  'print_template:read': ['admin', 'sales_vp', 'finance'],
  'print_template:write_quote': ['admin', 'sales_vp'],
  'print_template:write_contract': ['admin', 'sales_vp'],
  'print_template:write_delivery_note': ['admin'],
  // the dunning letters are finance's (its aging starts the ladder, domain §11.2)
  'print_template:write_thank_you_letter': ['admin', 'finance'],
  'print_template:write_collection_notice': ['admin', 'finance'],
  'print_template:write_lawyer_letter': ['admin', 'finance'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type PrintTemplatePermission = keyof typeof printTemplateGrants;

/** The permission that lets a user change the template of a kind of document. */
export const writePermissionOf = (kind: PrintKind): PrintTemplatePermission => `print_template:write_${kind}`;
