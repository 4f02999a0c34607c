/**
 * The visit-plans module's only door (architecture: modules talk through index.ts). Visit planning
 * (拜访计划) and territory (区域管理), domain §7.1: the plan cascade, the weekly plan's checks and
 * Friday reminder, day routes, plan vs actual, field check-ins and customers near a point.
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { visitPlanMessages } from './visit-plans.messages.js';
import { visitPlanGrants } from './visit-plans.permissions.js';

registerGrants(visitPlanGrants);
registerMessages(visitPlanMessages);

export { visitPlanRoutes } from './visit-plans.routes.js';
export { visitPlanGrants } from './visit-plans.permissions.js';
export { remindWeeklyPlansOfAllWorkspaces, weeklyPlanReminderSweep, type PlanReminderResult } from './visit-plan-reminders.service.js';
export { getAdherence } from './visit-plans.service.js';
