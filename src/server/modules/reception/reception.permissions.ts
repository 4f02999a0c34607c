import type { RoleCode } from '../../../shared/contracts/org.contract.js';

const salesOwners = ['sales_rep', 'sales_supervisor', 'sales_manager'] as const satisfies readonly RoleCode[];
const salesLeads = ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor'] as const satisfies readonly RoleCode[];

/**
 * Reception permissions → roles (domain §0, §4.2). The front desk registers and routes, sees
 * today's desk list and the daily report; reps see the visitors routed to them; managers their
 * departments'; sales managers keep the duty roster (the administrator too). Finance, warehouse and
 * customer service see nothing of the desk.
 */
export const receptionGrants = {
  'reception:register': ['receptionist'],
  /** the desk list of today, whoever the visitors went to */
  'reception:desk': ['receptionist'],
  'reception:read': ['receptionist', ...salesLeads, 'sales_rep'],
  /** override an automatic assignment (desk: the same day; managers: within their data scope) */
  'reception:reassign': ['receptionist', 'sales_manager', 'sales_supervisor'],
  'reception:roster_read': ['receptionist', ...salesLeads, 'sales_rep', 'admin'],
  'reception:roster_manage': ['sales_manager', 'admin'],
  /** the assigned rep: confirm a market survey at the desk and ask for a make-up customer (补客户) */
  'reception:market_survey': salesOwners,
  'reception:report': ['receptionist', ...salesLeads],
  'reception:overrides': salesLeads,
} as const satisfies Record<string, readonly RoleCode[]>;

export type ReceptionPermission = keyof typeof receptionGrants;
