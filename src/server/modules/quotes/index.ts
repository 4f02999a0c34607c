/**
 * The quotes module's only door (architecture: modules talk through index.ts). Quotations with lines,
 * exception checks against the catalogue, review and approval through the approvals engine, revisions,
 * the customer's answer (acceptance drafts the contract) and the printed PDF (domain §8, §17).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { registerContactMergeHandler, registerCustomerMergeHandler } from '../customers/index.js';
import { moveQuotesOnContactMerge, moveQuotesOnCustomerMerge } from './quotes.merge.js';
import { quoteMessages } from './quotes.messages.js';
import { quoteGrants } from './quotes.permissions.js';

registerGrants(quoteGrants);
registerMessages(quoteMessages);
registerCustomerMergeHandler('quotes', moveQuotesOnCustomerMerge);
registerContactMergeHandler('quotes', moveQuotesOnContactMerge);

export { quoteRoutes } from './quotes.routes.js';
export { quoteGrants } from './quotes.permissions.js';
// the demo seed drafts and submits quotes through the same commands as the API
export { createQuote, getQuote, submitQuote, sendQuote } from './quotes.service.js';
