/**
 * The receivables module's only door (architecture: modules talk through index.ts). Receivable lines
 * created from signed contracts' payment plans (domain §11); payments and aging come with the
 * credit-and-collections issue.
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { receivableMessages } from './receivables.messages.js';
import { receivableGrants } from './receivables.permissions.js';

registerGrants(receivableGrants);
registerMessages(receivableMessages);

export { receivableRoutes } from './receivables.routes.js';
export { receivableGrants } from './receivables.permissions.js';
export { adjustReceivableSchedule, assertScheduleAdjustable, createReceivableSchedule, receivableScheduleOf } from './receivables.service.js';
export { moveReceivablesToCustomer, outstandingReceivablesSql } from './receivables.repository.js';
export { applyReceipts, openLinesOfCustomer, unpaidPrepaymentsOf, type OpenLineRow } from './receivables.payments.js';
export { agingBucket, daysOverdue } from './receivables.aging.rules.js';
