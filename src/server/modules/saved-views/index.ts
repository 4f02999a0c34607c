/** The saved-views module's only door: named list filters, personal or shared (domain §17). */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { savedViewMessages } from './saved-views.messages.js';
import { savedViewGrants } from './saved-views.permissions.js';

registerGrants(savedViewGrants);
registerMessages(savedViewMessages);

export { savedViewRoutes } from './saved-views.routes.js';
