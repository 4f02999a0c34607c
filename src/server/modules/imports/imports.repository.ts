import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { territories, users } from '../../platform/org/org.schema.js';
import { contacts, customers } from '../customers/customers.schema.js';

/**
 * A list of keys as a derived table `k(value)` from one JSON parameter (however many values, on both
 * drivers), to join on: a hash or index nested-loop join, never a per-row search of an array.
 */
export const keyList = (values: readonly string[]): SQL => sql`(select distinct value from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)) k`;

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

export async function workspaceUsers(db: Executor, workspaceId: string) {
  return db.select({ id: users.id, name: users.name, username: users.username, isActive: users.isActive, roles: users.roles, departmentId: users.departmentId })
    .from(users).where(eq(users.workspaceId, workspaceId));
}

export async function workspaceTerritories(db: Executor, workspaceId: string) {
  return db.select({ id: territories.id, name: territories.name }).from(territories).where(eq(territories.workspaceId, workspaceId));
}

export interface CustomerIdentityRow {
  id: string; ownerId: string | null; ownerName: string | null; nameNormalised: string; creditCode: string | null; phoneNormalised: string | null;
  /** a phone of one of its contacts that matched */
  contactPhone: string | null;
}

/**
 * Existing customers sharing a credit code, normalised name or phone (their own or a contact's) with
 * any of the given values: the duplicate check of a whole file in one statement. The customers'
 * own keys find ids first (one index join per key), then each customer's columns are read once.
 */
export async function customersMatching(db: Executor, workspaceId: string, keys: { codes: string[]; names: string[]; phones: string[] }): Promise<CustomerIdentityRow[]> {
  const ownerName = sql`(select u.name from ${users} u where u.workspace_id = c.workspace_id and u.id = c.owner_id)`;
  const columns = sql`c.id, c.owner_id as "ownerId", ${ownerName} as "ownerName", c.name_normalised as "nameNormalised", c.credit_code as "creditCode", c.phone_normalised as "phoneNormalised"`;
  const result = await db.execute(sql`
    with m as (
      select c.id from ${customers} c join ${keyList(keys.codes)} on c.credit_code = k.value where c.workspace_id = ${workspaceId}
      union
      select c.id from ${customers} c join ${keyList(keys.names)} on c.name_normalised = k.value where c.workspace_id = ${workspaceId}
      union
      select c.id from ${customers} c join ${keyList(keys.phones)} on c.phone_normalised = k.value where c.workspace_id = ${workspaceId}
    )
    select ${columns}, null as "contactPhone" from m join ${customers} c on c.workspace_id = ${workspaceId} and c.id = m.id
    union all (
      select ${columns}, k.value from ${contacts} ct join ${keyList(keys.phones)} on ct.mobile_normalised = k.value
        join ${customers} c on c.workspace_id = ct.workspace_id and c.id = ct.customer_id where ct.workspace_id = ${workspaceId}
      union
      select ${columns}, k.value from ${contacts} ct join ${keyList(keys.phones)} on ct.phone_normalised = k.value
        join ${customers} c on c.workspace_id = ct.workspace_id and c.id = ct.customer_id where ct.workspace_id = ${workspaceId}
    )`);
  return rowsOf<CustomerIdentityRow>(result);
}

export interface CustomerRefRow { id: string; ownerId: string | null; ownerName: string | null; nameNormalised: string; creditCode: string | null; externalId: string | null }

/** Customers named by a contact file (normalised name, credit code or the `externalId` custom field). */
export async function customersReferenced(db: Executor, workspaceId: string, refs: { names: string[]; codes: string[]; externalIds: string[] }): Promise<CustomerRefRow[]> {
  const columns = sql`c.id, c.owner_id as "ownerId", (select u.name from ${users} u where u.workspace_id = c.workspace_id and u.id = c.owner_id) as "ownerName",
    c.name_normalised as "nameNormalised", c.credit_code as "creditCode", c.custom_fields->>'externalId' as "externalId"`;
  const result = await db.execute(sql`
    select ${columns} from ${customers} c join ${keyList(refs.names)} on c.name_normalised = k.value where c.workspace_id = ${workspaceId}
    union
    select ${columns} from ${customers} c join ${keyList(refs.codes)} on c.credit_code = k.value where c.workspace_id = ${workspaceId}
    ${refs.externalIds.length > 0 ? sql`union select ${columns} from ${customers} c join ${keyList(refs.externalIds)} on c.custom_fields->>'externalId' = k.value where c.workspace_id = ${workspaceId}` : sql``}`);
  return rowsOf<CustomerRefRow>(result);
}

export async function contactsOfCustomers(db: Executor, workspaceId: string, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  const result = await db.execute(sql`select ct.id, ct.customer_id as "customerId", ct.name from ${contacts} ct
    join ${keyList(customerIds)} on ct.customer_id = k.value::uuid where ct.workspace_id = ${workspaceId}`);
  return rowsOf<{ id: string; customerId: string; name: string }>(result);
}

/** Serialises imports of one workspace (two files with the same new company cannot both create it). */
export async function lockImports(tx: Executor, workspaceId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`imports:${workspaceId}`}, 0))`);
}

export interface Writer { workspaceId: string; timeZone: string; actorId: string; actorName: string; requestId: string | null; ip: string | null }

const auditColumns = (w: Writer) => sql`${w.workspaceId}::uuid, r.audit_id, ${w.actorId}::uuid, ${w.actorName}`;

/**
 * Inserts customers from one JSON parameter (jsonb_to_recordset: one statement per chunk, ~2.5× a
 * Drizzle multi-row insert) with one audit row each. The confidential file (customer_profiles) is
 * created when first opened or edited, as the customers module does for files without one.
 */
export async function insertCustomers(tx: Executor, w: Writer, rows: readonly Record<string, unknown>[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id uuid, audit_id uuid, name text, name_normalised text, credit_code text, industry text, size text, value_class text,
        status text, territory_id uuid, address text, latitude numeric, longitude numeric, website text, phone text, phone_normalised text,
        tags text[], custom_fields jsonb, owner_id uuid, department_id uuid, owned_since date, search_text text)
    ), ins as (
      insert into ${customers} (workspace_id, id, name, name_normalised, credit_code, industry, size, value_class, status, territory_id, address,
        latitude, longitude, website, phone, phone_normalised, tags, custom_fields, owner_id, department_id, owned_since, search_text, created_by)
      select ${w.workspaceId}::uuid, r.id, r.name, r.name_normalised, r.credit_code, r.industry, r.size, r.value_class, r.status, r.territory_id, r.address,
        r.latitude, r.longitude, r.website, r.phone, r.phone_normalised, coalesce(r.tags, '{}'), coalesce(r.custom_fields, '{}'), r.owner_id,
        r.department_id, r.owned_since, r.search_text, ${w.actorId}::uuid
      from r returning *
    )
    insert into audit_log (workspace_id, id, actor_id, actor_name, entity, entity_id, action, after, request_id, ip)
    select ${auditColumns(w)}, 'customer', ins.id::text, 'import_create', to_jsonb(ins), ${w.requestId}, ${w.ip}
    from ins join r on r.id = ins.id`);
}

/**
 * Updates existing customers with the non-empty cells of their rows (an empty cell keeps the value;
 * tags and custom fields are added to), version + 1, with before/after audit rows.
 */
export async function updateCustomers(tx: Executor, w: Writer, rows: readonly Record<string, unknown>[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id uuid, audit_id uuid, name text, name_normalised text, credit_code text, industry text, size text, value_class text, status text,
        territory_id uuid, address text, latitude numeric, longitude numeric, website text, phone text, phone_normalised text, tags text[], custom_fields jsonb,
        search_text text)
    ), old as (
      select c.* from ${customers} c join r on c.workspace_id = ${w.workspaceId}::uuid and c.id = r.id
    ), upd as (
      update ${customers} c set
        name = coalesce(r.name, c.name), search_text = coalesce(r.search_text, c.search_text), name_normalised = coalesce(r.name_normalised, c.name_normalised), credit_code = coalesce(r.credit_code, c.credit_code),
        industry = coalesce(r.industry, c.industry), size = coalesce(r.size, c.size), value_class = coalesce(r.value_class, c.value_class),
        status = coalesce(r.status, c.status), territory_id = coalesce(r.territory_id, c.territory_id), address = coalesce(r.address, c.address),
        latitude = coalesce(r.latitude, c.latitude), longitude = coalesce(r.longitude, c.longitude), website = coalesce(r.website, c.website),
        phone = coalesce(r.phone, c.phone), phone_normalised = coalesce(r.phone_normalised, c.phone_normalised),
        tags = case when r.tags is null then c.tags else array(select distinct t from unnest(c.tags || r.tags) t) end,
        custom_fields = c.custom_fields || coalesce(r.custom_fields, '{}'), version = c.version + 1, updated_at = now()
      from r where c.workspace_id = ${w.workspaceId}::uuid and c.id = r.id
      returning c.*
    )
    insert into audit_log (workspace_id, id, actor_id, actor_name, entity, entity_id, action, before, after, request_id, ip)
    select ${auditColumns(w)}, 'customer', upd.id::text, 'import_update', to_jsonb(old), to_jsonb(upd), ${w.requestId}, ${w.ip}
    from upd join old on old.id = upd.id join r on r.id = upd.id`);
}

export async function insertContacts(tx: Executor, w: Writer, rows: readonly Record<string, unknown>[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id uuid, audit_id uuid, customer_id uuid, name text, title text, department text, mobile text, mobile_normalised text, phone text,
        phone_normalised text, email text, im text, birthday date, notes text, buying_role text, attitude text, influence text, custom_fields jsonb,
        search_text text)
    ), ins as (
      insert into ${contacts} (workspace_id, id, customer_id, name, title, department, mobile, mobile_normalised, phone, phone_normalised, email, im,
        birthday, notes, buying_role, attitude, influence, custom_fields, search_text, created_by)
      select ${w.workspaceId}::uuid, r.id, r.customer_id, r.name, r.title, r.department, r.mobile, r.mobile_normalised, r.phone, r.phone_normalised,
        r.email, r.im, r.birthday, r.notes, r.buying_role, r.attitude, r.influence, coalesce(r.custom_fields, '{}'), r.search_text, ${w.actorId}::uuid
      from r returning *
    )
    insert into audit_log (workspace_id, id, actor_id, actor_name, entity, entity_id, action, after, request_id, ip)
    select ${auditColumns(w)}, 'contact', ins.id::text, 'import_create', to_jsonb(ins), ${w.requestId}, ${w.ip}
    from ins join r on r.id = ins.id`);
}

export async function updateContacts(tx: Executor, w: Writer, rows: readonly Record<string, unknown>[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id uuid, audit_id uuid, title text, department text, mobile text, mobile_normalised text, phone text, phone_normalised text, email text,
        im text, birthday date, notes text, buying_role text, attitude text, influence text, custom_fields jsonb)
    ), old as (
      select ct.* from ${contacts} ct join r on ct.workspace_id = ${w.workspaceId}::uuid and ct.id = r.id
    ), upd as (
      update ${contacts} ct set
        title = coalesce(r.title, ct.title), department = coalesce(r.department, ct.department), mobile = coalesce(r.mobile, ct.mobile),
        mobile_normalised = coalesce(r.mobile_normalised, ct.mobile_normalised), phone = coalesce(r.phone, ct.phone),
        phone_normalised = coalesce(r.phone_normalised, ct.phone_normalised), email = coalesce(r.email, ct.email), im = coalesce(r.im, ct.im),
        birthday = coalesce(r.birthday, ct.birthday), notes = coalesce(r.notes, ct.notes), buying_role = coalesce(r.buying_role, ct.buying_role),
        attitude = coalesce(r.attitude, ct.attitude), influence = coalesce(r.influence, ct.influence),
        custom_fields = ct.custom_fields || coalesce(r.custom_fields, '{}'), version = ct.version + 1, updated_at = now()
      from r where ct.workspace_id = ${w.workspaceId}::uuid and ct.id = r.id
      returning ct.*
    )
    insert into audit_log (workspace_id, id, actor_id, actor_name, entity, entity_id, action, before, after, request_id, ip)
    select ${auditColumns(w)}, 'contact', upd.id::text, 'import_update', to_jsonb(old), to_jsonb(upd), ${w.requestId}, ${w.ip}
    from upd join old on old.id = upd.id join r on r.id = upd.id`);
}

