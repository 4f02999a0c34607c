import { date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/columns.js';
import { businessColumns } from '../../platform/db/columns.js';
import { users } from '../../platform/org/org.schema.js';
import { receivables } from '../receivables/receivables.schema.js';

const day = (name: string) => date(name, { mode: 'string' });
const amount = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * One run of a payroll month (回款责任扣款, domain §11.3): a closed month is run once and is then a
 * snapshot — running it again changes nothing (unique month per workspace). The policy values used
 * are kept with it.
 */
export const penaltyRuns = pgTable('penalty_runs', {
  ...businessColumns(),
  month: text('month').notNull(), // YYYY-MM
  monthEnd: day('month_end').notNull(),
  /** PenaltyPolicy at the time of the run */
  policy: jsonb('policy').notNull(),
  runBy: uuid('run_by').notNull(),
  lineCount: integer('line_count').notNull().default(0),
  total: amount('total').notNull().default('0.00'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('penalty_runs_month_uq').on(t.workspaceId, t.month),
]);

/**
 * A deduction (monthly 0.5 % / bad debt 20 %) or refund for one receivable line in one month, with
 * its working: days overdue at the month end, base amount, rate and amount (negative for a refund).
 */
export const penaltyLines = pgTable('penalty_lines', {
  ...businessColumns(),
  runId: uuid('run_id').notNull(),
  month: text('month').notNull(),
  receivableId: uuid('receivable_id').notNull(),
  contractId: uuid('contract_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  kind: text('kind').notNull(), // monthly | bad_debt | refund
  dueDate: day('due_date').notNull(),
  deferredFrom: day('deferred_from'),
  daysOverdue: integer('days_overdue').notNull(),
  baseAmount: amount('base_amount').notNull(),
  rate: numeric('rate', { precision: 9, scale: 6 }),
  amount: amount('amount').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.runId], foreignColumns: [penaltyRuns.workspaceId, penaltyRuns.id] }),
  foreignKey({ columns: [t.workspaceId, t.receivableId], foreignColumns: [receivables.workspaceId, receivables.id] }),
  uniqueIndex('penalty_lines_month_uq').on(t.workspaceId, t.month, t.receivableId, t.kind),
  index('penalty_lines_receivable_idx').on(t.workspaceId, t.receivableId, t.month),
]);

/**
 * A person's part of a penalty line (rep 5 : manager 3 : director 2), snapshotted at the run; user
 * null = nobody held the role. A refund gives back each person's standing part, so it may carry two
 * people in one role (the owner changed between months): one row per line, role and person.
 */
export const penaltyShares = pgTable('penalty_shares', {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull().$defaultFn(newId),
  lineId: uuid('line_id').notNull(),
  role: text('role').notNull(), // rep | manager | director
  month: text('month').notNull(),
  receivableId: uuid('receivable_id').notNull(),
  userId: uuid('user_id'),
  amount: amount('amount').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  unique('penalty_shares_line_role_user_uq').on(t.workspaceId, t.lineId, t.role, t.userId).nullsNotDistinct(),
  foreignKey({ columns: [t.workspaceId, t.lineId], foreignColumns: [penaltyLines.workspaceId, penaltyLines.id] }),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
  index('penalty_shares_month_user_idx').on(t.workspaceId, t.month, t.userId),
  index('penalty_shares_receivable_idx').on(t.workspaceId, t.receivableId, t.month),
]);
