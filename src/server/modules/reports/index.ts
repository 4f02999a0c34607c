/**
 * The reports module's only door: the funnel and activity reports with their Excel exports
 * (domain §15). It reads other modules' tables (read-only) and their doors; nothing depends on it.
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { reportMessages } from './reports.messages.js';
import { reportGrants } from './reports.permissions.js';

registerGrants(reportGrants);
registerMessages(reportMessages);

export { reportRoutes } from './reports.routes.js';
export { reportGrants } from './reports.permissions.js';
