import type { RoleCode } from '../../../shared/contracts/org.contract.js';

const sales = ['sales_rep', 'sales_supervisor', 'sales_manager'] as const satisfies readonly RoleCode[];

/**
 * Contract permissions → roles (domain §0, §1.1, §9). Sales reps, supervisors and managers draft,
 * edit, submit and sign the contracts of their customers, each within their data scope; reviews and
 * approvals go through the approvals engine (sales manager, sales VP, GM). Reps, supervisors and
 * managers propose amendments and copy contracts (a copy is a new draft); only the sales manager terminates. The GM and the sales VP
 * read every contract but run no deals; finance reads them (receivables, credit). Warehouse, front
 * desk, customer service and the administrator have no access to contracts.
 */
export const contractGrants = {
  'contract:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
  'contract:create': sales,
  'contract:update': sales,
  'contract:submit': sales,
  /** may name another owner within their data scope */
  'contract:assign': ['sales_manager', 'sales_supervisor'],
  /** the owner, or a sales manager within their scope, records the signing */
  'contract:sign': sales,
  /** proposes an amendment (合同变更) of a signed contract in their scope; approved through the review chain */
  'contract:amend': sales,
  /** ends a signed contract early (终止), audited; its open receivables stay */
  'contract:terminate': ['sales_manager'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type ContractPermission = keyof typeof contractGrants;
