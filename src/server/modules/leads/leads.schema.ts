import { sql } from 'drizzle-orm';
import { date, foreignKey, index, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns.js';
import { territories, users, workspaces } from '../../platform/org/org.schema.js';

const day = (name: string) => date(name, { mode: 'string' });

/**
 * Leads (销售线索, domain §4.1). `owner_id` null means the lead is in the lead pool (线索池, §17).
 * `qualification` is the MAN-COTH checklist: { money: { status, note }, … }. Customer and contact
 * ids are plain uuids (no FK into the customers module's tables: a merge there may remove one).
 */
export const leads = pgTable('leads', {
  ...businessColumns(),
  number: text('number'),
  company: text('company').notNull(),
  contactName: text('contact_name'),
  title: text('title'),
  phone: text('phone'),
  phoneNormalised: text('phone_normalised'),
  email: text('email'),
  im: text('im'),
  region: text('region'),
  territoryId: uuid('territory_id'),
  industry: text('industry'),
  source: text('source').notNull(),
  needDescription: text('need_description'),
  needTriggers: text('need_triggers').array().notNull().default(sql`'{}'::text[]`),
  estimatedAmount: numeric('estimated_amount', { precision: 18, scale: 2 }),
  qualification: jsonb('qualification').notNull().default({}),
  /** opportunity recognition signals (§7.3): { urgency, relevance, sourceLevel, decisionLevel }, each low | medium | high */
  signals: jsonb('signals').notNull().default({}),
  status: text('status').notNull().default('new'), // new | contacted | qualified | converted | disqualified
  disqualifyReason: text('disqualify_reason'),
  ownerId: uuid('owner_id'),
  ownedSince: day('owned_since'),
  lastFollowUpOn: day('last_follow_up_on'),
  formerOwnerId: uuid('former_owner_id'),
  releasedOn: day('released_on'),
  /** the recycle date the owner was last warned about: one warning per lead per cycle */
  recycleWarnedFor: day('recycle_warned_for'),
  customerId: uuid('customer_id'),
  receptionVisitId: uuid('reception_visit_id'),
  convertedCustomerId: uuid('converted_customer_id'),
  convertedContactId: uuid('converted_contact_id'),
  convertedAt: timestamp('converted_at', { withTimezone: true }),
  customFields: jsonb('custom_fields').notNull().default({}),
  /** search keys of company and contact name (name, pinyin initials, full pinyin): leadSearchText */
  searchText: text('search_text').notNull().default(''),
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  foreignKey({ columns: [t.workspaceId, t.territoryId], foreignColumns: [territories.workspaceId, territories.id] }),
  uniqueIndex('leads_number_uq').on(t.workspaceId, t.number).where(sql`number IS NOT NULL`),
  // lists: keyset on id (UUIDv7, so newest first = id desc), by owner scope and by each filter
  index('leads_owner_idx').on(t.workspaceId, t.ownerId, t.id),
  index('leads_status_idx').on(t.workspaceId, t.status, t.id),
  index('leads_source_idx').on(t.workspaceId, t.source, t.id),
  index('leads_created_idx').on(t.workspaceId, t.createdAt),
  index('leads_pool_idx').on(t.workspaceId, t.id).where(sql`owner_id IS NULL`),
  index('leads_company_idx').on(t.workspaceId, t.company),
  index('leads_phone_idx').on(t.workspaceId, t.phoneNormalised).where(sql`phone_normalised IS NOT NULL`),
  index('leads_follow_up_idx').on(t.workspaceId, t.lastFollowUpOn).where(sql`owner_id IS NOT NULL`),
  index('leads_customer_idx').on(t.workspaceId, t.customerId).where(sql`customer_id IS NOT NULL`),
  index('leads_converted_customer_idx').on(t.workspaceId, t.convertedCustomerId).where(sql`converted_customer_id IS NOT NULL`),
  index('leads_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  index('leads_search_bigram_idx').using('gin', sql`kairos_name_bigrams(${t.searchText})`),
  // the search box's phone fragment (LIKE '%digits%'), as on customers and contacts
  index('leads_phone_trgm_idx').using('gin', sql`${t.phoneNormalised} gin_trgm_ops`),
]);

/** Ownership history through the lead pool: claim, release, recycle. Claims per day and the cool-down are counted from here. */
export const leadPoolEvents = pgTable('lead_pool_events', {
  ...businessColumns(),
  leadId: uuid('lead_id').notNull(),
  kind: text('kind').notNull(), // claim | release | recycle
  /** whose ownership the event is about: the claimant, or the owner who lost the lead */
  userId: uuid('user_id'),
  actorId: uuid('actor_id'),
  onDate: day('on_date').notNull(),
  reason: text('reason'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.leadId], foreignColumns: [leads.workspaceId, leads.id] }),
  index('lead_pool_events_user_idx').on(t.workspaceId, t.userId, t.kind, t.onDate),
  index('lead_pool_events_lead_idx').on(t.workspaceId, t.leadId, t.id),
]);
