import { customType, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { businessColumns } from '../../platform/db/columns.js';
import { customers } from '../customers/customers.schema.js';

/** `bytea` as a Buffer on both drivers (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Files of a customer file (附件, domain §5.1). The bytes are kept in the database, so they are in
 * every backup and behave the same on PGlite and PostgreSQL; the size limit is a policy
 * (attachments.maxSizeMb). Lists never read `content`.
 */
export const attachments = pgTable('attachments', {
  ...businessColumns(),
  customerId: uuid('customer_id').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytes('content').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] }),
  index('attachments_customer_idx').on(t.workspaceId, t.customerId, t.id),
]);
