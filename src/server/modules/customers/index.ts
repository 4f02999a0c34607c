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
  customerAccess, recordDeal, recordFollowUp, registerCustomerMergeHandler, type CustomerAccess, type MergeHandler,
} from './customers.service.js';
export { registerContactMergeHandler, type ContactMergeHandler } from './contacts.service.js';
export { normaliseCompanyName, normalisePhone, isValidCreditCode, maskPhone } from './customers.rules.js';
