/**
 * The imports module's only door: import (dry run, all-or-nothing or batches, background jobs,
 * mapping templates) and export of customers, contacts and leads (domain §16).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { importMessages } from './imports.messages.js';
import { importGrants } from './imports.permissions.js';

registerGrants(importGrants);
registerMessages(importMessages);

export { importRoutes } from './imports.routes.js';
export { importGrants } from './imports.permissions.js';
export { failInterruptedImports } from './jobs.service.js';
