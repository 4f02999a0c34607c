/**
 * The customers module's only door (architecture: modules talk through index.ts). Customers,
 * contacts, ownership, the public pool and the confidential file (domain §5, §17).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { customerGrants } from './customers.permissions.js';

registerGrants(customerGrants);

export { customerRoutes } from './customers.routes.js';
export { customerGrants, ownerRoles } from './customers.permissions.js';
export { recycleSweep, recyclePoolsOfAllWorkspaces, type SweepResult } from './pool.service.js';
export {
  createCustomerInTx, customerAccess, duplicateErrorFor, findCustomerMatch, findDuplicateFor, recordDeal, recordFollowUp, registerCustomerMergeHandler,
  type CustomerAccess, type DuplicateFinding, type MergeHandler, visibleCustomersWhere,
  assertTerritory, requireSalesUser, resolveOwner, type OwnershipGrants,
} from './customers.service.js';
export { createContactInTx, registerContactMergeHandler, type ContactMergeHandler } from './contacts.service.js';
export { claimPolicyOf, claimRefusal, type ClaimPolicy, type ClaimRefusal, type ClaimSituation } from './pool.rules.js';
export { normaliseCompanyName, normalisePhone, isValidCreditCode, maskPhone } from './customers.rules.js';
// exports (imports module): the list's own scope, filters and masking
export { listCustomers } from './customers.service.js';
export { toContactDto } from './contacts.service.js';
