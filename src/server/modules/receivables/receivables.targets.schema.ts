import { foreignKey, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';

const amount = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * A monthly collection target per rep (回款目标, domain §11.2 "collection targets per period,
 * decomposed to reps by their contracts"): the amount a manager expects the rep to collect in the
 * month, beside the proposal the system computed from the rep's receivable lines when it was set.
 * The future `/targets` tree (metric `collection`) is meant to fold these rows in.
 */
export const collectionTargets = pgTable('collection_targets', {
  ...businessColumns(),
  period: text('period').notNull(), // YYYY-MM
  userId: uuid('user_id').notNull(),
  amount: amount('amount').notNull(),
  /** the proposal (outstanding due by the end of the month, as it began) shown when the target was last set */
  proposedAmount: amount('proposed_amount').notNull(),
  setBy: uuid('set_by').notNull(),
  note: text('note'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
  foreignKey({ columns: [t.workspaceId, t.setBy], foreignColumns: [users.workspaceId, users.id] }),
  // one target per rep and month; also the index of the month's list (workspace, period)
  uniqueIndex('collection_targets_period_user_uq').on(t.workspaceId, t.period, t.userId),
]);
export type CollectionTargetRow = typeof collectionTargets.$inferSelect;
