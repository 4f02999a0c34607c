import { sql } from 'drizzle-orm';
import {
  boolean, date, foreignKey, index, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns.js';
import { departments, territories, users, workspaces } from '../../platform/org/org.schema.js';

const day = (name: string) => date(name, { mode: 'string' });

/**
 * The customer file (客户档案, domain §5.1) without its sensitive sections. `owner_id` null means the
 * customer is in the public pool (公海). `department_id` is the owner's department when they got it,
 * kept for team filters. The duplicate check (查重) is made safe under concurrency by the unique
 * indexes on the normalised name and the credit code.
 */
export const customers = pgTable('customers', {
  ...businessColumns(),
  name: text('name').notNull(),
  nameNormalised: text('name_normalised').notNull(),
  creditCode: text('credit_code'),
  industry: text('industry'),
  size: text('size'), // micro | small | medium | large
  valueClass: text('value_class').notNull().default('C'), // A | B | C | D
  status: text('status').notNull().default('prospect'), // prospect | active | dormant | lost
  territoryId: uuid('territory_id'),
  address: text('address'),
  latitude: numeric('latitude', { precision: 9, scale: 6 }),
  longitude: numeric('longitude', { precision: 9, scale: 6 }),
  website: text('website'),
  phone: text('phone'),
  phoneNormalised: text('phone_normalised'),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  customFields: jsonb('custom_fields').notNull().default({}),
  /** name + pinyin initials + full pinyin, lower-case (searchKeysFor): the search box's trigram index */
  searchText: text('search_text').notNull().default(''),
  ownerId: uuid('owner_id'),
  departmentId: uuid('department_id'),
  ownedSince: day('owned_since'),
  lastFollowUpOn: day('last_follow_up_on'),
  /** the last follow-up, or the day it was taken over: the "not followed up for N days" filter, indexed with its statistics */
  lastTouchOn: day('last_touch_on').generatedAlwaysAs(sql`coalesce(last_follow_up_on, owned_since)`),
  lastDealOn: day('last_deal_on'),
  isLocked: boolean('is_locked').notNull().default(false),
  lockedBy: uuid('locked_by'),
  formerOwnerId: uuid('former_owner_id'),
  releasedOn: day('released_on'),
  reviewedOn: day('reviewed_on'),
  /** the recycle date the owner was last warned about: one warning per customer per cycle */
  recycleWarnedFor: day('recycle_warned_for'),
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  foreignKey({ columns: [t.workspaceId, t.departmentId], foreignColumns: [departments.workspaceId, departments.id] }),
  foreignKey({ columns: [t.workspaceId, t.territoryId], foreignColumns: [territories.workspaceId, territories.id] }),
  uniqueIndex('customers_name_uq').on(t.workspaceId, t.nameNormalised),
  uniqueIndex('customers_credit_code_uq').on(t.workspaceId, t.creditCode).where(sql`credit_code IS NOT NULL`),
  index('customers_phone_idx').on(t.workspaceId, t.phoneNormalised).where(sql`phone_normalised IS NOT NULL`),
  // list: scope by owner, newest change first (keyset on updated_at, id)
  index('customers_owner_updated_idx').on(t.workspaceId, t.ownerId, t.updatedAt, t.id),
  index('customers_owner_name_idx').on(t.workspaceId, t.ownerId, t.name, t.id),
  index('customers_updated_idx').on(t.workspaceId, t.updatedAt, t.id),
  index('customers_name_idx').on(t.workspaceId, t.name, t.id),
  index('customers_pool_idx').on(t.workspaceId, t.updatedAt, t.id).where(sql`owner_id IS NULL`),
  index('customers_department_idx').on(t.workspaceId, t.departmentId),
  index('customers_value_class_idx').on(t.workspaceId, t.valueClass),
  index('customers_status_idx').on(t.workspaceId, t.status),
  index('customers_territory_idx').on(t.workspaceId, t.territoryId),
  index('customers_industry_idx').on(t.workspaceId, t.industry),
  index('customers_created_idx').on(t.workspaceId, t.createdAt),
  // migrations 0017/0037 add INCLUDE (value_class, status, updated_at, id, created_at) by hand (index-only counts and
  // stale lists); keep it if this changes
  index('customers_touch_idx').on(t.workspaceId, t.ownerId, t.lastTouchOn),
  index('customers_reviewed_idx').on(t.workspaceId, t.reviewedOn),
  index('customers_tags_idx').using('gin', t.tags),
  index('customers_custom_fields_idx').using('gin', t.customFields),
  index('customers_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  // two-character Chinese queries, which a trigram index cannot serve (platform/search/search-text.sql.ts)
  index('customers_search_bigram_idx').using('gin', sql`kairos_name_bigrams(${t.searchText})`),
  index('customers_phone_trgm_idx').using('gin', sql`${t.phoneNormalised} gin_trgm_ops`),
  // customers near a point (visit planning): bounding-box prefilter on latitude, then longitude
  index('customers_location_idx').on(t.workspaceId, t.latitude, t.longitude).where(sql`latitude IS NOT NULL AND longitude IS NOT NULL`),
]);

/**
 * Sensitive sections of the file (domain §5.5), apart so that lists never read them: opening them
 * needs a purpose and writes a borrow record.
 */
export const customerProfiles = pgTable('customer_profiles', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  keyPeople: text('key_people'),
  decisionModel: text('decision_model'),
  organisationForm: text('organisation_form'),
  interpersonalStyle: text('interpersonal_style'),
  needs: text('needs'),
  similarCustomers: text('similar_customers'),
  financialNotes: text('financial_notes'),
  maintenancePlan: text('maintenance_plan'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  uniqueIndex('customer_profiles_customer_uq').on(t.workspaceId, t.customerId),
]);

/** Contacts and their buying roles (拜访对象, domain §5.4); `reports_to_id` draws the org chart. */
export const contacts = pgTable('contacts', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  name: text('name').notNull(),
  title: text('title'),
  department: text('department'),
  mobile: text('mobile'),
  mobileNormalised: text('mobile_normalised'),
  phone: text('phone'),
  phoneNormalised: text('phone_normalised'),
  email: text('email'),
  im: text('im'),
  birthday: day('birthday'),
  notes: text('notes'),
  reportsToId: uuid('reports_to_id'),
  buyingRole: text('buying_role'), // economic_buyer | technical_buyer | user_buyer | coach | influencer
  attitude: text('attitude'), // supporter | neutral | opponent
  influence: text('influence'), // low | medium | high
  customFields: jsonb('custom_fields').notNull().default({}),
  /** name + pinyin initials + full pinyin, lower-case (searchKeysFor) */
  searchText: text('search_text').notNull().default(''),
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.reportsToId], foreignColumns: [t.workspaceId, t.id] }),
  index('contacts_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  index('contacts_search_bigram_idx').using('gin', sql`kairos_name_bigrams(${t.searchText})`),
  index('contacts_mobile_trgm_idx').using('gin', sql`${t.mobileNormalised} gin_trgm_ops`),
  index('contacts_phone_trgm_idx').using('gin', sql`${t.phoneNormalised} gin_trgm_ops`),
  index('contacts_customer_idx').on(t.workspaceId, t.customerId, t.name, t.id),
  index('contacts_mobile_idx').on(t.workspaceId, t.mobileNormalised).where(sql`mobile_normalised IS NOT NULL`),
  index('contacts_phone_idx').on(t.workspaceId, t.phoneNormalised).where(sql`phone_normalised IS NOT NULL`),
  index('contacts_reports_to_idx').on(t.workspaceId, t.reportsToId),
]);

/** Collaborators (协作人, domain §17): read or read-write access to someone else's customer, optionally until a date. */
export const customerCollaborators = pgTable('customer_collaborators', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  userId: uuid('user_id').notNull(),
  access: text('access').notNull(), // read | write
  expiresOn: day('expires_on'),
  addedBy: uuid('added_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('customer_collaborators_uq').on(t.workspaceId, t.customerId, t.userId),
  index('customer_collaborators_user_idx').on(t.workspaceId, t.userId),
]);

/**
 * Ownership history through the pool: claim, release, recycle (and transfer). Claims per day and
 * the former owner's cool-down are counted from here.
 */
export const customerPoolEvents = pgTable('customer_pool_events', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  kind: text('kind').notNull(), // claim | release | recycle | transfer
  /** whose ownership the event is about: the claimant, or the owner who lost the customer */
  userId: uuid('user_id'),
  actorId: uuid('actor_id'),
  onDate: day('on_date').notNull(),
  reason: text('reason'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  index('customer_pool_events_user_idx').on(t.workspaceId, t.userId, t.kind, t.onDate),
  index('customer_pool_events_customer_idx').on(t.workspaceId, t.customerId, t.id),
]);

/** Borrow records (借阅记录, domain §5.5): every open of a file's sensitive sections, with its purpose. */
export const customerBorrowRecords = pgTable('customer_borrow_records', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  userId: uuid('user_id').notNull(),
  purpose: text('purpose').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  index('customer_borrow_records_customer_idx').on(t.workspaceId, t.customerId, t.id),
  index('customer_borrow_records_user_idx').on(t.workspaceId, t.userId, t.id),
]);
