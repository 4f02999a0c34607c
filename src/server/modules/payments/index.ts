/**
 * The payments module's only door: payments received from customers (回款), recorded by finance and
 * allocated to receivable lines (核销, domain §11), the customer credit balance, reversal.
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { paymentMessages } from './payments.messages.js';
import { paymentGrants } from './payments.permissions.js';

registerGrants(paymentGrants);
registerMessages(paymentMessages);

export { paymentRoutes } from './payments.routes.js';
export { paymentGrants } from './payments.permissions.js';
export { recordPayment, reversePayment, allocateCredit } from './payments.service.js';
export { PAYMENT_SLIP_DOCUMENT, filePaymentSlip, getPaymentSlip, recordPaymentSlip } from './payment-slips.service.js';
