import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../../platform/db/columns.js';
import { users, workspaces } from '../../platform/org/org.schema.js';

const day = (name: string) => date(name, { mode: 'string' });
const amount = (name: string) => numeric(name, { precision: 18, scale: 2 });
const percent = (name: string) => numeric(name, { precision: 5, scale: 2 });

/**
 * Products and services (产品/服务, domain §8): descriptive fields only. The controlled prices (list,
 * floor, float range, cost) live in `product_prices`, one row per approved version, so a product
 * without an approved version cannot be quoted.
 */
export const products = pgTable('products', {
  ...businessColumns(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(), // product | service
  unit: text('unit').notNull(),
  category: text('category'),
  spec: text('spec'),
  taxRate: percent('tax_rate').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  /** code + name + pinyin keys (searchKeysFor) for the search box */
  searchText: text('search_text').notNull().default(''),
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  // the list is ordered by code; the unique index serves the keyset too
  uniqueIndex('products_code_uq').on(t.workspaceId, t.code),
  index('products_category_idx').on(t.workspaceId, t.category, t.code),
  index('products_active_idx').on(t.workspaceId, t.isActive, t.code),
  index('products_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  index('products_search_bigram_idx').using('gin', sql`kairos_name_bigrams(${t.searchText})`),
]);

/**
 * Approved price versions of a product (价格版本). The version in force on a day is the one with the
 * latest `effective_from` on or before it (ties: the later approval). Append-only.
 */
export const productPrices = pgTable('product_prices', {
  ...businessColumns(),
  productId: uuid('product_id').notNull(),
  listPrice: amount('list_price').notNull(),
  floorPrice: amount('floor_price').notNull(),
  floatRange: percent('float_range').notNull(),
  cost: amount('cost').notNull(),
  effectiveFrom: day('effective_from').notNull(),
  reason: text('reason').notNull(),
  requestId: uuid('request_id'),
  requestedBy: uuid('requested_by'),
  approvedBy: uuid('approved_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
  index('product_prices_lookup_idx').on(t.workspaceId, t.productId, t.effectiveFrom, t.id),
]);

/**
 * Price lists (价格表) for a customer value class and/or a channel, valid from a day (to an optional
 * last day). Several lists for the same class/channel over time are its versions: the lookup takes the
 * one in force with the latest start.
 */
export const priceLists = pgTable('price_lists', {
  ...businessColumns(),
  name: text('name').notNull(),
  customerClass: text('customer_class'), // A | B | C | D
  channel: text('channel'), // distributor | agent | integrator
  effectiveFrom: day('effective_from').notNull(),
  effectiveTo: day('effective_to'),
  isActive: boolean('is_active').notNull().default(true),
  createdBy: uuid('created_by'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  index('price_lists_class_idx').on(t.workspaceId, t.customerClass, t.effectiveFrom),
  index('price_lists_channel_idx').on(t.workspaceId, t.channel, t.effectiveFrom),
]);

/** Approved price-list lines: one row per product and effective day, written only by an approved price change. */
export const priceListLines = pgTable('price_list_lines', {
  ...businessColumns(),
  priceListId: uuid('price_list_id').notNull(),
  productId: uuid('product_id').notNull(),
  price: amount('price').notNull(),
  effectiveFrom: day('effective_from').notNull(),
  requestId: uuid('request_id'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.priceListId], foreignColumns: [priceLists.workspaceId, priceLists.id] }),
  foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
  index('price_list_lines_lookup_idx').on(t.workspaceId, t.priceListId, t.productId, t.effectiveFrom),
  index('price_list_lines_product_idx').on(t.workspaceId, t.productId, t.priceListId),
]);

/**
 * A price change request (调价申请): the values in force when requested and the requested ones, both
 * frozen, decided through the approvals engine (sales VP → finance → GM). At most one pending request
 * per product and per price list (partial unique indexes), which makes concurrent requests safe.
 */
export const priceChangeRequests = pgTable('price_change_requests', {
  ...businessColumns(),
  kind: text('kind').notNull(), // initial | product | price_list
  productId: uuid('product_id'),
  priceListId: uuid('price_list_id'),
  status: text('status').notNull(), // pending | approved | rejected | returned
  oldListPrice: amount('old_list_price'),
  oldFloorPrice: amount('old_floor_price'),
  oldFloatRange: percent('old_float_range'),
  oldCost: amount('old_cost'),
  newListPrice: amount('new_list_price'),
  newFloorPrice: amount('new_floor_price'),
  newFloatRange: percent('new_float_range'),
  newCost: amount('new_cost'),
  effectiveFrom: day('effective_from').notNull(),
  appliedFrom: day('applied_from'),
  reason: text('reason').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  approvalId: uuid('approval_id'),
  decidedAt: instant('decided_at'),
  decisionComment: text('decision_comment'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
  foreignKey({ columns: [t.workspaceId, t.priceListId], foreignColumns: [priceLists.workspaceId, priceLists.id] }),
  foreignKey({ columns: [t.workspaceId, t.requestedBy], foreignColumns: [users.workspaceId, users.id] }),
  uniqueIndex('price_change_requests_product_pending_uq').on(t.workspaceId, t.productId).where(sql`status = 'pending' and product_id is not null`),
  uniqueIndex('price_change_requests_list_pending_uq').on(t.workspaceId, t.priceListId).where(sql`status = 'pending' and price_list_id is not null`),
  index('price_change_requests_status_idx').on(t.workspaceId, t.status, t.id),
  index('price_change_requests_product_idx').on(t.workspaceId, t.productId, t.id),
  index('price_change_requests_list_idx').on(t.workspaceId, t.priceListId, t.id),
]);

/** The lines of a price-list change request, old price (null: not on the list yet) and new, frozen. */
export const priceChangeLines = pgTable('price_change_lines', {
  ...businessColumns(),
  requestId: uuid('request_id').notNull(),
  productId: uuid('product_id').notNull(),
  oldPrice: amount('old_price'),
  newPrice: amount('new_price').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.requestId], foreignColumns: [priceChangeRequests.workspaceId, priceChangeRequests.id] }),
  foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
  uniqueIndex('price_change_lines_uq').on(t.workspaceId, t.requestId, t.productId),
]);
