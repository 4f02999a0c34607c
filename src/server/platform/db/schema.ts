// Every table, for Drizzle's relational queries and drizzle-kit. Modules add their schema files here.
export * from '../org/org.schema.js';
export * from '../auth/auth.schema.js';
export * from '../audit/audit.schema.js';
export * from '../approvals/approvals.schema.js';
export * from '../policies/policies.schema.js';
export * from '../notifications/notifications.schema.js';
export * from '../webhooks/webhooks.schema.js';
export * from '../numbering/numbering.schema.js';
export * from '../../modules/customers/customers.schema.js';
export * from '../../modules/leads/leads.schema.js';
export * from '../../modules/imports/imports.schema.js';
export * from '../../modules/custom-fields/custom-fields.schema.js';
export * from '../../modules/saved-views/saved-views.schema.js';
export * from '../../modules/attachments/attachments.schema.js';
export * from '../../modules/reception/reception.schema.js';
