/**
 * The invoices module's only door (architecture: modules talk through index.ts). Invoice requests
 * (开票申请, domain §17) against signed contracts: requested by sales, approved by the sales manager
 * through the approvals engine, issued by finance; and the issued sum per contract for the credit
 * exposure breakdown.
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { registerCustomerMergeHandler } from '../customers/index.js';
import { invoiceMessages } from './invoices.messages.js';
import { moveInvoiceRequestsOnCustomerMerge } from './invoices.merge.js';
import { invoiceGrants } from './invoices.permissions.js';

registerGrants(invoiceGrants);
registerMessages(invoiceMessages);
registerCustomerMergeHandler('invoices', moveInvoiceRequestsOnCustomerMerge);

export { invoiceRoutes } from './invoices.routes.js';
export { invoiceGrants } from './invoices.permissions.js';
// the demo seed requests and issues invoices through the same commands as the API
export { createInvoiceRequest, getInvoiceRequest, issueInvoice, submitInvoiceRequest } from './invoices.service.js';
