/**
 * The dunning module's only door: deferred payment (延期付款) with its approval, the dunning ladder
 * (催款: thank-you letter, collection notice, lawyer's letter, lawsuit, bad-debt write-off) with its
 * letters and to-dos, and finance's credit control reports (domain §10, §11.2).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { dunningMessages } from './dunning.messages.js';
import { dunningGrants } from './dunning.permissions.js';

registerGrants(dunningGrants);
registerMessages(dunningMessages);

export { dunningRoutes } from './dunning.routes.js';
export { dunningGrants } from './dunning.permissions.js';
export { DEFERRAL_DOCUMENT, requestDeferral } from './deferrals.service.js';
export { WRITE_OFF_DOCUMENT, logDunningStep } from './dunning.service.js';
export { DUNNING_SWEEP_HOUR, dunningSweepOfAllWorkspaces, runDunningSweep, type DunningSweepOptions } from './dunning.sweep.js';
