import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';

const day = (name: string) => date(name, { mode: 'string' });

/**
 * The visitor and call log (来客登记表 / 来电登记表, domain §4.2). `auto_*` keep the automatic routing
 * decision after a manual override; `assignee_id` is who has the visitor now.
 */
export const receptionVisits = pgTable('reception_visits', {
  ...businessColumns(),
  number: text('number'),
  visitDate: day('visit_date').notNull(),
  kind: text('kind').notNull(), // walk_in | call
  company: text('company').notNull(),
  contactName: text('contact_name'),
  phone: text('phone'),
  source: text('source').notNull(),
  saysKnownRepId: uuid('says_known_rep_id'),
  customerId: uuid('customer_id'),
  matchedBy: text('matched_by'), // creditCode | name | phone
  matchedOwnerId: uuid('matched_owner_id'),
  autoRoutedBy: text('auto_routed_by').notNull(),
  autoAssigneeId: uuid('auto_assignee_id').notNull(),
  routedBy: text('routed_by').notNull(),
  assigneeId: uuid('assignee_id').notNull(),
  isMakeUpTurn: boolean('is_make_up_turn').notNull().default(false),
  leadId: uuid('lead_id'),
  registeredBy: uuid('registered_by').notNull(),
  marketSurveyAt: timestamp('market_survey_at', { withTimezone: true }),
  marketSurveyNote: text('market_survey_note'),
  marketSurveyBy: uuid('market_survey_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.assigneeId], foreignColumns: [users.workspaceId, users.id] }),
  foreignKey({ columns: [t.workspaceId, t.autoAssigneeId], foreignColumns: [users.workspaceId, users.id] }),
  index('reception_visits_date_idx').on(t.workspaceId, t.visitDate, t.id),
  // a rep's list: their visits newest first (ids are time-ordered)
  index('reception_visits_assignee_idx').on(t.workspaceId, t.assigneeId, t.id),
  index('reception_visits_customer_idx').on(t.workspaceId, t.customerId),
]);

/** Manual overrides of the automatic assignment: who moved which visitor from whom to whom, and why. */
export const receptionOverrides = pgTable('reception_overrides', {
  ...businessColumns(),
  visitId: uuid('visit_id').notNull(),
  fromUserId: uuid('from_user_id').notNull(),
  toUserId: uuid('to_user_id').notNull(),
  reason: text('reason').notNull(),
  actorId: uuid('actor_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.visitId], foreignColumns: [receptionVisits.workspaceId, receptionVisits.id] }),
  index('reception_overrides_created_idx').on(t.workspaceId, t.createdAt, t.id),
  index('reception_overrides_visit_idx').on(t.workspaceId, t.visitId),
]);

/** The on-duty group of a day (值班小组): its members in rotation order. */
export const receptionRoster = pgTable('reception_roster', {
  ...businessColumns(),
  dutyDate: day('duty_date').notNull(),
  userId: uuid('user_id').notNull(),
  position: integer('position').notNull(),
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('reception_roster_day_user_uq').on(t.workspaceId, t.dutyDate, t.userId),
  index('reception_roster_day_idx').on(t.workspaceId, t.dutyDate, t.position),
]);

/**
 * The round-robin state of a day: who had the last turn. One row per workspace and date, locked FOR
 * UPDATE by every rotation decision, so concurrent registrations and restarts keep the turn order.
 */
export const receptionRotations = pgTable('reception_rotations', {
  ...businessColumns(),
  rotationDate: day('rotation_date').notNull(),
  lastUserId: uuid('last_user_id'),
  turns: integer('turns').notNull().default(0),
  /** the sales managers were told today that nobody is on duty */
  fallbackNotified: boolean('fallback_notified').notNull().default(false),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('reception_rotations_day_uq').on(t.workspaceId, t.rotationDate),
]);

/**
 * Make-up customers (补客户): a rep whose visitor turned out to be market research asks for one
 * turn; once approved, the next visitor routed by rotation goes to them (status → used).
 * One per market-survey visit.
 */
export const receptionMakeUps = pgTable('reception_make_ups', {
  ...businessColumns(),
  visitId: uuid('visit_id').notNull(),
  userId: uuid('user_id').notNull(),
  reason: text('reason').notNull(),
  status: text('status').notNull(), // pending | approved | rejected | returned | used
  approvalId: uuid('approval_id'),
  grantedAt: timestamp('granted_at', { withTimezone: true }),
  usedVisitId: uuid('used_visit_id'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.visitId], foreignColumns: [receptionVisits.workspaceId, receptionVisits.id] }),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('reception_make_ups_visit_uq').on(t.workspaceId, t.visitId),
  index('reception_make_ups_owed_idx').on(t.workspaceId, t.grantedAt, t.id).where(sql`status = 'approved'`),
]);
