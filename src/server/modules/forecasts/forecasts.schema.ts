import { foreignKey, index, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';

/**
 * Monthly forecasts (销售预测, domain §6.3): one per rep and month. The rep's `submitted_amount` and
 * the manager's `adjusted_amount` are both kept — adjusting never overwrites the rep's figure.
 * `system_weighted` / `system_commit` snapshot the rep's weighted pipeline and commit (best few)
 * for the month at the last submission, so accuracy can later be compared with what the system saw.
 */
export const forecastSubmissions = pgTable('forecast_submissions', {
  ...businessColumns(),
  ownerId: uuid('owner_id').notNull(),
  month: text('month').notNull(), // YYYY-MM
  submittedAmount: numeric('submitted_amount', { precision: 18, scale: 2 }).notNull(),
  submittedNote: text('submitted_note'),
  submittedAt: instant('submitted_at').notNull(),
  systemWeighted: numeric('system_weighted', { precision: 18, scale: 2 }).notNull(),
  systemCommit: numeric('system_commit', { precision: 18, scale: 2 }).notNull(),
  adjustedAmount: numeric('adjusted_amount', { precision: 18, scale: 2 }),
  adjustedBy: uuid('adjusted_by'),
  adjustedAt: instant('adjusted_at'),
  adjustNote: text('adjust_note'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  foreignKey({ columns: [t.workspaceId, t.adjustedBy], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('forecast_submissions_owner_month_uq').on(t.workspaceId, t.ownerId, t.month),
  // lists and reports by month (newest id first within the month)
  index('forecast_submissions_month_idx').on(t.workspaceId, t.month, t.id),
]);
