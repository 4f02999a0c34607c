/**
 * The activities module's only door (architecture: modules talk through index.ts). Activities,
 * call reports (访问报告) with TO/CC and action items, tasks and their reminders, and the customer /
 * opportunity timeline (domain §7.2).
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { registerContactMergeHandler, registerCustomerMergeHandler } from '../customers/index.js';
import { moveActivitiesOnContactMerge, moveActivitiesOnCustomerMerge } from './activities.merge.js';
import { activityMessages } from './activities.messages.js';
import { activityGrants } from './activities.permissions.js';

registerGrants(activityGrants);
registerMessages(activityMessages);
registerCustomerMergeHandler('activities', moveActivitiesOnCustomerMerge);
registerContactMergeHandler('activities', moveActivitiesOnContactMerge);

export { activityRoutes } from './activities.routes.js';
export { activityGrants } from './activities.permissions.js';
export { addTaskInTx, addTasksInTx, closeTasksInTx, remindTasksOfAllWorkspaces, taskReminderSweep, type ReminderResult } from './tasks.service.js';
export { findOwnActivity, recordVisitInTx, type ActivityRow } from './activities.service.js';
