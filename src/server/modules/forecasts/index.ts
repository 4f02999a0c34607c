/**
 * The forecasts module's only door: monthly forecasts by rep, manager adjustments, accuracy and the
 * forecast report (domain §6.3, §15).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { forecastMessages } from './forecasts.messages.js';
import { forecastGrants } from './forecasts.permissions.js';

registerGrants(forecastGrants);
registerMessages(forecastMessages);

export { forecastRoutes } from './forecasts.routes.js';
export { forecastGrants } from './forecasts.permissions.js';
