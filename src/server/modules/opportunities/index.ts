/**
 * The opportunities module's only door (architecture: modules talk through index.ts). Pipelines and
 * their stages, opportunities with the stage gates, the kanban (domain §6).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { registerContactMergeHandler, registerCustomerMergeHandler } from '../customers/index.js';
import { moveOpportunitiesOnCustomerMerge, moveOpportunityContactsOnContactMerge } from './opportunities.merge.js';
import { opportunityMessages } from './opportunities.messages.js';
import { opportunityGrants } from './opportunities.permissions.js';

registerGrants(opportunityGrants);
registerMessages(opportunityMessages);
registerCustomerMergeHandler('opportunities', moveOpportunitiesOnCustomerMerge);
registerContactMergeHandler('opportunities', moveOpportunityContactsOnContactMerge);

export { opportunityRoutes } from './opportunities.routes.js';
export { pipelineRoutes } from './pipelines.routes.js';
export { opportunityGrants, opportunityOwnerRoles } from './opportunities.permissions.js';
export { ensureBuiltInPipelines, ensureBuiltInPipelinesOfAllWorkspaces } from './pipelines.repository.js';
export { opportunityAccess, type OpportunityAccess } from './opportunities.service.js';
export { loadGateEvidence } from './opportunities.repository.js';
export { activeOpportunityCollaborations, visibleOpportunities } from './opportunities.repository.js';
export { getPipeline, listPipelines } from './pipelines.service.js';
