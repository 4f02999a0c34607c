/**
 * The moments-of-truth module's only door (architecture: modules talk through index.ts): touchpoints
 * by anyone in the company, customer needs through the four MOT steps, satisfaction (domain §7.3).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { registerContactMergeHandler, registerCustomerMergeHandler } from '../customers/index.js';
import { moveMotOnContactMerge, moveMotOnCustomerMerge } from './mot.merge.js';
import { motMessages } from './mot.messages.js';
import { motGrants } from './mot.permissions.js';

registerGrants(motGrants);
registerMessages(motMessages);
registerCustomerMergeHandler('mot', moveMotOnCustomerMerge);
registerContactMergeHandler('mot', moveMotOnContactMerge);

export { motRoutes } from './mot.routes.js';
export { motGrants } from './mot.permissions.js';
export { needSatisfaction } from './mot.service.js';
