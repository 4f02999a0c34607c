import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/** Roles that run deals and so prepare the approval documents of their opportunities (domain §0, §1.1). */
const dealRoles = ['sales_rep', 'sales_supervisor', 'sales_manager'] as const satisfies readonly RoleCode[];

/**
 * Initiation report (立项报告) and bid (投标) permissions → roles. Sales roles write and submit them
 * for opportunities they may edit; the GM and the sales VP read them (they run no deals, they approve
 * through the approvals inbox, which needs no permission here); finance reads bids for the cost review
 * of prices (domain §0). Data scope still applies: the opportunity must be visible to the caller.
 */
export const opportunityDocumentGrants = {
  'initiation_report:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep'],
  'initiation_report:write': dealRoles,
  'bid:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
  'bid:write': dealRoles,
  /** close an opportunity whose bid is below the policy margin with a no-bid report */
  'bid:no_bid': dealRoles,
} as const satisfies Record<string, readonly RoleCode[]>;

export type OpportunityDocumentPermission = keyof typeof opportunityDocumentGrants;
