/**
 * The orders module's only door (architecture: modules talk through index.ts). Sales orders / delivery
 * notices placed on signed contracts, order changes approved through the approvals engine (domain §9),
 * and the shipping ledger and customer statement built from the shipments.
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { registerCustomerMergeHandler } from '../customers/index.js';
import { moveOrdersOnCustomerMerge } from './orders.merge.js';
import { orderMessages } from './orders.messages.js';
import { orderGrants } from './orders.permissions.js';

registerGrants(orderGrants);
registerMessages(orderMessages);
registerCustomerMergeHandler('orders', moveOrdersOnCustomerMerge);

export { orderRoutes } from './orders.routes.js';
export { orderGrants } from './orders.permissions.js';
// the demo seed places orders and requests changes through the same commands as the API
export { createOrder, requestOrderChange } from './orders.service.js';
