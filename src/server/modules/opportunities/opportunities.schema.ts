import { sql } from 'drizzle-orm';
import {
  boolean, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';
import { contacts, customers } from '../customers/customers.schema.js';

const day = (name: string) => date(name, { mode: 'string' });

/**
 * Pipelines (销售流程, domain §6.2): configurable by admins; the two built-in templates
 * (`template`: big_account | standard) are seeded in every workspace. `department_ids` empty means
 * every department may use it.
 */
export const pipelines = pgTable('pipelines', {
  ...businessColumns(),
  name: text('name').notNull(),
  template: text('template'), // big_account | standard | null (custom)
  description: text('description'),
  isActive: boolean('is_active').notNull().default(true),
  departmentIds: uuid('department_ids').array().notNull().default(sql`'{}'::uuid[]`),
  position: integer('position').notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  uniqueIndex('pipelines_template_uq').on(t.workspaceId, t.template).where(sql`template IS NOT NULL`),
]);

/**
 * Stages of a pipeline, in `position` order. `funnel_category` (above | in | best_few | order) gives
 * the probability band the rep may set inside (§6.1). `required_fields` are opportunity fields that
 * must be filled to leave the stage; `required_approvals` (initiation_report | bid_price) must be
 * approved to leave it; `key_node` is the 关键节点 that gates exit (shown as a checklist item).
 */
export const pipelineStages = pgTable('pipeline_stages', {
  ...businessColumns(),
  pipelineId: uuid('pipeline_id').notNull(),
  position: integer('position').notNull(),
  /** stable key of a built-in stage (e.g. initiation), so labels can be localised; null for custom stages */
  code: text('code'),
  name: text('name').notNull(),
  probability: numeric('probability', { precision: 5, scale: 2 }).notNull(),
  funnelCategory: text('funnel_category').notNull(), // above | in | best_few | order
  requiredFields: text('required_fields').array().notNull().default(sql`'{}'::text[]`),
  requiredApprovals: text('required_approvals').array().notNull().default(sql`'{}'::text[]`),
  keyNode: text('key_node'),
  exitCriteria: text('exit_criteria'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.pipelineId], foreignColumns: [pipelines.workspaceId, pipelines.id] }).onDelete('cascade'),
  uniqueIndex('pipeline_stages_position_uq').on(t.workspaceId, t.pipelineId, t.position),
]);

/**
 * Opportunities (销售机会). `status` open | won | lost; the stage is the funnel position, `probability`
 * defaults to the stage's and may be overridden inside the band. `stage_entered_at` gives days in
 * stage. `key_nodes` is the key-node checklist: { [stageId]: { done, note, doneAt, doneBy } }.
 * `signals` are the opportunity recognition signals (§7.3): urgency, relevance, sourceLevel, decisionLevel.
 */
export const opportunities = pgTable('opportunities', {
  ...businessColumns(),
  number: text('number').notNull(),
  name: text('name').notNull(),
  customerId: uuid('customer_id').notNull(),
  pipelineId: uuid('pipeline_id').notNull(),
  stageId: uuid('stage_id').notNull(),
  status: text('status').notNull().default('open'), // open | won | lost
  amount: numeric('amount', { precision: 18, scale: 2 }).notNull().default('0'),
  probability: numeric('probability', { precision: 5, scale: 2 }).notNull(),
  expectedCloseDate: day('expected_close_date'),
  ownerId: uuid('owner_id').notNull(),
  departmentId: uuid('department_id'),
  source: text('source'),
  leadId: uuid('lead_id'),
  competitors: text('competitors').array().notNull().default(sql`'{}'::text[]`),
  needDescription: text('need_description'),
  signals: jsonb('signals').notNull().default({}),
  keyNodes: jsonb('key_nodes').notNull().default({}),
  stageEnteredAt: instant('stage_entered_at').notNull().defaultNow(),
  closedOn: day('closed_on'),
  closeReason: text('close_reason'),
  closeSummary: text('close_summary'),
  customFields: jsonb('custom_fields').notNull().default({}),
  /** name + number + pinyin keys (searchKeysFor) for the search box */
  searchText: text('search_text').notNull().default(''),
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.pipelineId], foreignColumns: [pipelines.workspaceId, pipelines.id] }),
  foreignKey({ columns: [t.workspaceId, t.stageId], foreignColumns: [pipelineStages.workspaceId, pipelineStages.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('opportunities_number_uq').on(t.workspaceId, t.number),
  // lists: keyset on id (UUIDv7) by owner scope; kanban: by pipeline + stage
  index('opportunities_owner_idx').on(t.workspaceId, t.ownerId, t.id),
  index('opportunities_customer_idx').on(t.workspaceId, t.customerId, t.id),
  index('opportunities_stage_idx').on(t.workspaceId, t.pipelineId, t.stageId, t.status),
  index('opportunities_status_close_idx').on(t.workspaceId, t.status, t.expectedCloseDate),
  index('opportunities_department_idx').on(t.workspaceId, t.departmentId),
  // won/lost in a period: the funnel's closed figures and the list's closedFrom/closedTo drill-down
  index('opportunities_status_closed_idx').on(t.workspaceId, t.status, t.closedOn),
  // kanban column totals and the funnel's open figures: an index-only scan of the open opportunities of a
  // pipeline, with the columns the data scope (owner, id for collaborations) and the org filter need
  index('opportunities_open_figures_idx').on(t.workspaceId, t.pipelineId, t.stageId, t.ownerId, t.departmentId, t.id, t.amount, t.probability)
    .where(sql`status = 'open'`),
  // the funnel's open figures filtered by department, and its won/lost of a period: index-only scans
  index('opportunities_open_department_idx').on(t.workspaceId, t.pipelineId, t.departmentId, t.stageId, t.ownerId, t.id, t.amount, t.probability)
    .where(sql`status = 'open'`),
  index('opportunities_closed_figures_idx').on(t.workspaceId, t.pipelineId, t.closedOn, t.status, t.ownerId, t.departmentId, t.id, t.amount)
    .where(sql`status in ('won', 'lost')`),
  // kanban cards: per stage, the most recently updated open ones, with the data scope's columns on the entries
  index('opportunities_kanban_idx').on(t.workspaceId, t.pipelineId, t.stageId, t.updatedAt, t.id, t.ownerId, t.departmentId)
    .where(sql`status = 'open'`),
  index('opportunities_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
]);

/**
 * Stage history (§6.2): every stage change and close, with days spent in the stage left.
 *
 * The funnel's stage flow reads this table alone, so each row also carries derived columns (written
 * by `refreshStageFlowColumns`, never by hand): the opportunity's `pipeline_id`, current `owner_id` and
 * `department_id` (data scope and org filter), the entered stage's `position`, `reached_later` (the
 * highest stage position the opportunity reached at or after this row: "advanced" is a comparison)
 * and `prev_entry_at` (the opportunity's previous entry into the same stage: "first entry in the
 * period" is `prev_entry_at is null or < period start`). Null until refreshed.
 */
export const opportunityStageHistory = pgTable('opportunity_stage_history', {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull(),
  opportunityId: uuid('opportunity_id').notNull(),
  kind: text('kind').notNull(), // create | move | close | reopen
  fromStageId: uuid('from_stage_id'),
  toStageId: uuid('to_stage_id'),
  outcome: text('outcome'), // won | lost on close
  daysInStage: integer('days_in_stage'),
  note: text('note'),
  actorId: uuid('actor_id'),
  at: instant('at').notNull().defaultNow(),
  pipelineId: uuid('pipeline_id'),
  ownerId: uuid('owner_id'),
  departmentId: uuid('department_id'),
  position: integer('position'),
  reachedLater: integer('reached_later'),
  prevEntryAt: instant('prev_entry_at'),
}, (t) => {
  // what the funnel's stage flow reads of a row besides the leading columns (index-only scans)
  const flow = [t.toStageId, t.fromStageId, t.daysInStage, t.position, t.reachedLater, t.prevEntryAt] as const;
  return [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }).onDelete('cascade'),
    index('opportunity_stage_history_opportunity_idx').on(t.workspaceId, t.opportunityId, t.at),
    index('opportunity_stage_history_to_stage_idx').on(t.workspaceId, t.toStageId, t.at),
    // the funnel's stage flow of a period, index-only: company-wide and by department (the org filter) for
    // whoever sees every owner; a restricted scope (owners OR collaborations) is a bitmap OR of the owner
    // index with the opportunity index, so that one stays narrow
    index('opportunity_stage_history_flow_idx').on(t.workspaceId, t.pipelineId, t.at, ...flow),
    index('opportunity_stage_history_flow_department_idx').on(t.workspaceId, t.pipelineId, t.departmentId, t.at, ...flow),
    index('opportunity_stage_history_flow_owner_idx').on(t.workspaceId, t.pipelineId, t.ownerId, t.at),
  ];
});

/** Contacts on a deal with their buying role on this deal (§5.4). */
export const opportunityContacts = pgTable('opportunity_contacts', {
  workspaceId: uuid('workspace_id').notNull(),
  opportunityId: uuid('opportunity_id').notNull(),
  contactId: uuid('contact_id').notNull(),
  buyingRole: text('buying_role'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.opportunityId, t.contactId] }),
  foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  index('opportunity_contacts_contact_idx').on(t.workspaceId, t.contactId),
]);

/** Collaborators (协作人, §17) on an opportunity: read or read-write, optional expiry. */
export const opportunityCollaborators = pgTable('opportunity_collaborators', {
  workspaceId: uuid('workspace_id').notNull(),
  opportunityId: uuid('opportunity_id').notNull(),
  userId: uuid('user_id').notNull(),
  access: text('access').notNull(), // read | write
  expiresOn: day('expires_on'),
  addedBy: uuid('added_by'),
  addedAt: instant('added_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.opportunityId, t.userId] }),
  foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
  index('opportunity_collaborators_user_idx').on(t.workspaceId, t.userId),
]);

/**
 * The project initiation report (立项报告, §6.2 stage 2), one per opportunity, approved before the
 * opportunity may leave 立项. `status` draft | pending | approved | rejected | returned.
 */
export const initiationReports = pgTable('initiation_reports', {
  ...businessColumns(),
  opportunityId: uuid('opportunity_id').notNull(),
  projectName: text('project_name').notNull(),
  projectNumber: text('project_number').notNull(),
  customerLead: text('customer_lead').notNull(),
  expectedContractAmount: numeric('expected_contract_amount', { precision: 18, scale: 2 }).notNull(),
  estimatedGrossMarginPct: numeric('estimated_gross_margin_pct', { precision: 5, scale: 2 }).notNull(),
  salesExpenseBudget: numeric('sales_expense_budget', { precision: 18, scale: 2 }).notNull(),
  projectCategory: text('project_category').notNull(),
  expectedSigningDate: day('expected_signing_date').notNull(),
  status: text('status').notNull().default('draft'),
  approvalId: uuid('approval_id'),
  submittedBy: uuid('submitted_by'),
  decidedAt: instant('decided_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }).onDelete('cascade'),
  uniqueIndex('initiation_reports_opportunity_uq').on(t.workspaceId, t.opportunityId),
]);

/**
 * The bid (投标, §6.2 stage 4): price, cost and margin, bid team, competitor analysis. The bid price
 * is approved before leaving 招投标; below the policy margin the project can only be closed with a
 * no-bid report. `status` draft | pending | approved | rejected | returned.
 */
export const bids = pgTable('bids', {
  ...businessColumns(),
  opportunityId: uuid('opportunity_id').notNull(),
  bidPrice: numeric('bid_price', { precision: 18, scale: 2 }).notNull(),
  cost: numeric('cost', { precision: 18, scale: 2 }).notNull(),
  grossMarginPct: numeric('gross_margin_pct', { precision: 7, scale: 2 }).notNull(),
  team: jsonb('team').notNull().default({}), // { ownerId, partner, memberIds[], schedule }
  competitorAnalysis: text('competitor_analysis'),
  status: text('status').notNull().default('draft'),
  approvalId: uuid('approval_id'),
  noBidReport: text('no_bid_report'),
  submittedBy: uuid('submitted_by'),
  decidedAt: instant('decided_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.opportunityId], foreignColumns: [opportunities.workspaceId, opportunities.id] }).onDelete('cascade'),
  uniqueIndex('bids_opportunity_uq').on(t.workspaceId, t.opportunityId),
]);
