/**
 * The penalties module's only door: collection responsibility penalties (回款责任扣款, domain §11.3) —
 * the monthly run over the receivables, the per-person statement and its payroll workbook.
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { penaltyGrants } from './penalties.permissions.js';
import { penaltyMessages } from './penalties.messages.js';

registerGrants(penaltyGrants);
registerMessages(penaltyMessages);

export { penaltyRoutes } from './penalties.routes.js';
export { penaltyGrants } from './penalties.permissions.js';
export { runPenalties, getPenalties } from './penalties.service.js';
