/**
 * The products module's only door: products and services, price lists, price changes decided through
 * the approvals engine, and the effective-price lookup quotes use (domain §8).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { productMessages } from './products.messages.js';
import { productGrants } from './products.permissions.js';

registerGrants(productGrants);
registerMessages(productMessages);

export { productRoutes } from './products.routes.js';
export { productGrants } from './products.permissions.js';
export { effectivePriceOf, requestProductPriceChange, PRICE_CHANGE_DOCUMENT } from './products.service.js';
export { checkQuotedPrice, priceBand, productSearchText, type PriceCheck } from './products.rules.js';
