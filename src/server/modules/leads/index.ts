/**
 * The leads module's only door (architecture: modules talk through index.ts). Leads, their MAN-COTH
 * qualification, conversion to customer + contact, and the lead pool (domain §4.1, §17).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { registerContactMergeHandler, registerCustomerMergeHandler } from '../customers/index.js';
import { moveLeadsOnContactMerge, moveLeadsOnCustomerMerge } from './leads.merge.js';
import { leadMessages } from './leads.messages.js';
import { leadGrants } from './leads.permissions.js';

registerGrants(leadGrants);
registerMessages(leadMessages);
registerCustomerMergeHandler('leads', moveLeadsOnCustomerMerge);
registerContactMergeHandler('leads', moveLeadsOnContactMerge);

export { leadRoutes } from './leads.routes.js';
export { leadGrants } from './leads.permissions.js';
export { createLeadInTx, recordLeadFollowUp } from './leads.service.js';
export { leadSearchText } from './leads.rules.js';
export { disqualifyLeadInTx, reassignLeadInTx } from './lead-handover.service.js';
// exports (imports module): the list's own scope and filters
export { listLeads } from './leads.service.js';
export { leadRecycleSweep, recycleLeadPoolsOfAllWorkspaces, type LeadSweepResult } from './lead-pool.service.js';
