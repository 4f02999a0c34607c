/**
 * The print-templates module's only door: the print model documents hand over (quotes, contracts,
 * delivery notes), rendering it to a PDF through the workspace's template or the built-in default
 * (domain §17), the template settings and the printed contract.
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { printTemplateMessages } from './print-templates.messages.js';
import { printTemplateGrants } from './print-templates.permissions.js';

registerGrants(printTemplateGrants);
registerMessages(printTemplateMessages);

export { printTemplateRoutes } from './print-templates.routes.js';
export { printTemplateGrants } from './print-templates.permissions.js';
// the demo seed adapts a template through the same command as the settings page
export { savePrintTemplate } from './print-templates.service.js';
export { defaultTemplates } from './print-templates.defaults.js';
export {
  amountInChineseWords, printDate, printMoney, renderDocumentPdf,
  type PrintKind, type PrintModel,
} from './print-model.js';
