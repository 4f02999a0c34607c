/**
 * The contracts module's only door (architecture: modules talk through index.ts). Sales contracts with
 * lines and payment plan, their review through the approvals engine and the signing that creates the
 * receivable schedule (domain §9).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { registerCustomerMergeHandler } from '../customers/index.js';
import { moveContractsOnCustomerMerge } from './contracts.merge.js';
import { contractMessages } from './contracts.messages.js';
import { contractGrants } from './contracts.permissions.js';

registerGrants(contractGrants);
registerMessages(contractMessages);
registerCustomerMergeHandler('contracts', moveContractsOnCustomerMerge);

export { contractRoutes } from './contracts.routes.js';
export { contractGrants } from './contracts.permissions.js';
export { signedStatuses } from './contracts.rules.js';
// the demo seed drafts and submits contracts through the same commands as the API
export { createContract, signContract, submitContract } from './contracts.service.js';
export { proposeAmendment } from './contracts.amendments.js';
export type { ContractLine, PlanLine } from './contracts.rules.js';
// the print-templates module prints a contract the caller may read (data scope: else 404)
export { getContract } from './contracts.service.js';
export { findContractForInvoicing, type InvoicingContract } from './contracts.invoicing.js';
