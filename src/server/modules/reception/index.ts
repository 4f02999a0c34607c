/**
 * The reception module's only door: the front desk's visitor and call log, routing, duty roster,
 * market survey and make-up customer, daily report (domain §4.2).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { registerCustomerMergeHandler } from '../customers/index.js';
import { enUS, zhCN } from './reception.messages.js';
import { receptionGrants } from './reception.permissions.js';
import { moveVisitsOnCustomerMerge } from './reception.merge.js';

registerGrants(receptionGrants);
registerMessages({ 'zh-CN': zhCN, 'en-US': enUS });
registerCustomerMergeHandler('receptionVisits', moveVisitsOnCustomerMerge);

export { receptionRoutes } from './reception.routes.js';
export { receptionGrants } from './reception.permissions.js';
