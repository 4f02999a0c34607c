/**
 * The receivables module's only door (architecture: modules talk through index.ts). Receivable lines
 * created from signed contracts' payment plans (domain §11); payments and aging come with the
 * credit-and-collections issue.
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { receivableGrants } from './receivables.permissions.js';

registerGrants(receivableGrants);

export { receivableRoutes } from './receivables.routes.js';
export { receivableGrants } from './receivables.permissions.js';
export { adjustReceivableSchedule, assertScheduleAdjustable, createReceivableSchedule, receivableScheduleOf } from './receivables.service.js';
export { moveReceivablesToCustomer, outstandingReceivablesSql } from './receivables.repository.js';
