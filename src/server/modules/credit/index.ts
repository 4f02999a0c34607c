/**
 * The credit module's only door: customer credit profiles (limit, terms, grade), change requests
 * decided through the approvals engine, history, the finance list, and the exposure computation the
 * shipment credit check will use (domain §9, §10).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { registerCustomerMergeHandler } from '../customers/index.js';
import { creditMessages } from './credit.messages.js';
import { creditGrants } from './credit.permissions.js';
import { creditRatingMessages } from './credit.ratings.messages.js';
import { creditRatingGrants } from './credit.ratings.permissions.js';
import { moveCreditOnCustomerMerge } from './credit.merge.js';

registerGrants(creditGrants);
registerGrants(creditRatingGrants);
registerMessages(creditRatingMessages);
registerMessages(creditMessages);
registerCustomerMergeHandler('credit', moveCreditOnCustomerMerge);

export { creditRoutes } from './credit.routes.js';
export { creditRatingRoutes } from './credit.ratings.routes.js';
export { createInvestigation, investigationDueSweep, remindInvestigationsOfAllWorkspaces, reviewInvestigation, submitInvestigation } from './credit.investigations.service.js';
export { rateCustomer, recordTrigger } from './credit.ratings.service.js';
export { creditGrants } from './credit.permissions.js';
export { customerExposure, exposureBreakdown, exposureSql, receivablesDueBefore, type ExposureBreakdown, type OpenReceivable } from './credit.exposure.js';
export { getCredit, proposeCreditChange, CREDIT_CHANGE_DOCUMENT } from './credit.service.js';
export { availableCredit, isOverLimit, defaultTermsDays, creditGrades, contractExposureParts, type CreditGrade } from './credit.rules.js';
