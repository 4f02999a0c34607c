import { sql } from 'drizzle-orm';
import { CreateLeadBody } from '../../../shared/contracts/leads.contract.js';
import { todayIn } from '../../../shared/dates.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import { allocateNumbers } from '../../platform/numbering/numbering.service.js';
import { users } from '../../platform/org/org.schema.js';
import { normaliseCompanyName, normalisePhone } from '../customers/index.js';
import { leadSearchText } from '../leads/index.js';
import { leads } from '../leads/leads.schema.js';
import { normaliseLabel } from './cells.rules.js';
import { entityDefs } from './columns.rules.js';
import { missingRequired, validateCustomFields } from './custom-fields.js';
import { compact, inChunks, withIds, WRITE_CHUNK, type EntityImporter, type Planned } from './importer.js';
import { keyList, workspaceUsers, type Writer } from './imports.repository.js';
import { classifyDuplicates, decideOwner, userIndex, validateWith, type ExistingRecord, type Keys, type OwnerPolicy, type UserRef } from './rows.rules.js';

const LEAD_OWNER_ROLES = ['sales_rep', 'sales_supervisor', 'sales_manager'];
const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

/** A lead repeats another with the same phone, or the same company and contact person. */
const leadKeys = (company: string, contactName: string | null, phoneNormalised: string | null) =>
  [phoneNormalised ? `phone:${phoneNormalised}` : null, `who:${normaliseCompanyName(company) || normaliseLabel(company)}|${normaliseLabel(contactName ?? '')}`]
    .filter((k): k is string => k !== null);

async function existingLeads(db: Executor, workspaceId: string, phones: string[], companies: string[]) {
  const columns = sql`l.id, l.owner_id as "ownerId", (select u.name from ${users} u where u.workspace_id = l.workspace_id and u.id = l.owner_id) as "ownerName",
    l.company, l.contact_name as "contactName", l.phone_normalised as "phoneNormalised"`;
  const open = sql`l.workspace_id = ${workspaceId} and l.status not in ('converted', 'disqualified')`;
  const result = await db.execute(sql`
    select ${columns} from ${leads} l join ${keyList(phones)} on l.phone_normalised = k.value where ${open}
    union
    select ${columns} from ${leads} l join ${keyList(companies)} on l.company = k.value where ${open}`);
  return rowsOf<{ id: string; ownerId: string | null; ownerName: string | null; company: string; contactName: string | null; phoneNormalised: string | null }>(result);
}

async function insertLeads(tx: Executor, w: Writer, rows: readonly Record<string, unknown>[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id uuid, audit_id uuid, number text, company text, contact_name text, title text, phone text, phone_normalised text, email text, im text,
        region text, industry text, source text, need_description text, estimated_amount numeric, custom_fields jsonb, owner_id uuid, owned_since date,
        search_text text)
    ), ins as (
      insert into ${leads} (workspace_id, id, number, company, contact_name, title, phone, phone_normalised, email, im, region, industry, source,
        need_description, estimated_amount, custom_fields, owner_id, owned_since, search_text, created_by)
      select ${w.workspaceId}::uuid, r.id, r.number, r.company, r.contact_name, r.title, r.phone, r.phone_normalised, r.email, r.im, r.region,
        r.industry, r.source, r.need_description, r.estimated_amount, coalesce(r.custom_fields, '{}'), r.owner_id, r.owned_since, r.search_text, ${w.actorId}::uuid
      from r returning *
    )
    insert into audit_log (workspace_id, id, actor_id, actor_name, entity, entity_id, action, after, request_id, ip)
    select ${w.workspaceId}::uuid, r.audit_id, ${w.actorId}::uuid, ${w.actorName}, 'lead', ins.id::text, 'import_create', to_jsonb(ins), ${w.requestId}, ${w.ip}
    from ins join r on r.id = ins.id`);
}

async function updateLeads(tx: Executor, w: Writer, rows: readonly Record<string, unknown>[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id uuid, audit_id uuid, contact_name text, title text, phone text, phone_normalised text, email text, im text, region text, industry text,
        need_description text, estimated_amount numeric, custom_fields jsonb, search_text text)
    ), old as (
      select l.* from ${leads} l join r on l.workspace_id = ${w.workspaceId}::uuid and l.id = r.id
    ), upd as (
      update ${leads} l set
        contact_name = coalesce(r.contact_name, l.contact_name), title = coalesce(r.title, l.title), phone = coalesce(r.phone, l.phone),
        phone_normalised = coalesce(r.phone_normalised, l.phone_normalised), email = coalesce(r.email, l.email), im = coalesce(r.im, l.im),
        region = coalesce(r.region, l.region), industry = coalesce(r.industry, l.industry), need_description = coalesce(r.need_description, l.need_description),
        estimated_amount = coalesce(r.estimated_amount, l.estimated_amount), custom_fields = l.custom_fields || coalesce(r.custom_fields, '{}'),
        search_text = coalesce(r.search_text, l.search_text), version = l.version + 1, updated_at = now()
      from r where l.workspace_id = ${w.workspaceId}::uuid and l.id = r.id
      returning l.*
    )
    insert into audit_log (workspace_id, id, actor_id, actor_name, entity, entity_id, action, before, after, request_id, ip)
    select ${w.workspaceId}::uuid, r.audit_id, ${w.actorId}::uuid, ${w.actorName}, 'lead', upd.id::text, 'import_update', to_jsonb(old), to_jsonb(upd), ${w.requestId}, ${w.ip}
    from upd join old on old.id = upd.id join r on r.id = upd.id`);
}

/**
 * Leads (销售线索, domain §4.1), imported as new leads with numbers from the lead numbering rule; the
 * source defaults to "other" when the file has none; the owner is decided as on create (lead:own,
 * lead:assign, lead:route). No assignment notifications are sent for imported leads.
 */
export const leadImporter: EntityImporter = {
  entity: 'leads',
  def: entityDefs.leads,
  permission: 'lead:create',

  async plan(db, ctx, reads, mode) {
    const has = (p: string) => ctx.actor.permissions.has(p);
    const userRows: UserRef[] = (await workspaceUsers(db, ctx.workspace.id)).map((u) => ({
      id: u.id, name: u.name, username: u.username, isActive: u.isActive, canOwn: u.roles.some((r) => LEAD_OWNER_ROLES.includes(r)), departmentId: u.departmentId,
    }));
    const owners = await visibleOwners(db, ctx);
    const policy: OwnerPolicy = { actorId: ctx.actor.id, canOwn: has('lead:own'), canAssign: has('lead:assign'), canRoute: has('lead:route'), visibleOwnerIds: owners.kind === 'all' ? 'all' : new Set(owners.ids) };
    const index = userIndex(userRows);
    const customFieldCheck = await validateCustomFields(db, ctx, 'leads');

    const records = new Map<number, { input: Record<string, unknown>; phoneNormalised: string | null; ownerId: string | null }>();
    for (const read of reads) {
      const v = read.values;
      const error = (field: string, reason: string, params?: Record<string, unknown>) =>
        read.errors.push({ row: read.row, column: read.columns[field] ?? field, field, reason, ...(params ? { params } : {}) });
      let phoneNormalised: string | null = null;
      if (typeof v.phone === 'string') {
        phoneNormalised = normalisePhone(v.phone);
        if (phoneNormalised.length < 5) error('phone', 'errors.phone');
      }
      const owner = decideOwner(typeof v.owner === 'string' ? v.owner : null, policy, index);
      if (!owner.ok) error('owner', owner.reason, owner.params);
      const customFields = customFieldCheck(read);
      const input = compact({
        company: v.company, contactName: v.contactName, title: v.title, phone: v.phone, email: v.email, im: v.im, region: v.region, industry: v.industry,
        source: v.source ?? 'other', needDescription: v.needDescription, estimatedAmount: v.estimatedAmount,
        customFields: Object.keys(customFields).length > 0 ? customFields : undefined,
      });
      const valid = validateWith(CreateLeadBody, input, read);
      if (valid && read.errors.length === 0 && owner.ok) records.set(read.row, { input, phoneNormalised, ownerId: owner.value?.id ?? null });
    }

    const valid = reads.filter((r) => records.has(r.row));
    const keyed: Keys[] = valid.map((r) => {
      const rec = records.get(r.row)!;
      return { row: r.row, keys: leadKeys(String(rec.input.company), (rec.input.contactName as string | undefined) ?? null, rec.phoneNormalised), field: 'company' };
    });
    const phones = [...new Set([...records.values()].map((r) => r.phoneNormalised).filter((p): p is string => p !== null))];
    const companies = [...new Set([...records.values()].map((r) => String(r.input.company)))];
    const existingRows = records.size === 0 ? [] : await existingLeads(db, ctx.workspace.id, phones, companies);
    const companyOf = new Map(existingRows.map((l) => [l.id, l.company]));
    const existing: ExistingRecord[] = existingRows
      .map((l) => ({ id: l.id, ownerId: l.ownerId, ownerName: l.ownerName, keys: leadKeys(l.company, l.contactName, l.phoneNormalised) }));
    const decisions = classifyDuplicates(keyed, existing, {
      mode, canUpdate: has('lead:update'), ownedKey: 'imports.duplicateLead', poolKey: 'imports.duplicateLead',
      isVisible: (m) => policy.visibleOwnerIds === 'all' || (m.ownerId !== null && policy.visibleOwnerIds.has(m.ownerId)),
    });

    const today = todayIn(ctx.workspace.timeZone);
    const planned: Planned[] = [];
    for (const read of valid) {
      const record = records.get(read.row)!;
      const decision = decisions.get(read.row)!;
      if (decision.action === 'error') {
        read.errors.push({ row: read.row, column: read.columns.company ?? 'company', field: 'company', reason: decision.reason, params: decision.params });
        continue;
      }
      const f = record.input;
      if (decision.action === 'create' && missingRequired(read, customFieldCheck.required, f.customFields)) continue;
      const row = {
        contact_name: f.contactName ?? null, title: f.title ?? null, phone: f.phone ?? null, phone_normalised: record.phoneNormalised, email: f.email ?? null,
        im: f.im ?? null, region: f.region ?? null, industry: f.industry ?? null, need_description: f.needDescription ?? null,
        estimated_amount: f.estimatedAmount ?? null, custom_fields: f.customFields ?? null,
      };
      if (decision.action === 'create') {
        planned.push({ row: read.row, decision, create: {
          ...row, company: f.company, search_text: leadSearchText(String(f.company), (f.contactName as string | undefined) ?? null), source: f.source, owner_id: record.ownerId, owned_since: record.ownerId ? today : null } });
      } else if (decision.action === 'update') {
        // only a new contact name changes the keys; the company stays as it is
        const searchText = typeof f.contactName === 'string' ? leadSearchText(companyOf.get(decision.id) ?? '', f.contactName) : null;
        planned.push({ row: read.row, decision, update: { ...row, search_text: searchText, id: decision.id } });
      } else {
        planned.push({ row: read.row, decision });
      }
    }
    return planned;
  },

  async write(tx, writer, batch) {
    const creates = withIds(batch.filter((p) => p.create).map((p) => p.create!), ['id', 'audit_id']);
    const numbers = await allocateNumbers(tx, { id: writer.workspaceId, timeZone: writer.timeZone }, 'lead', creates.length);
    creates.forEach((c, i) => { c.number = numbers[i]; });
    await inChunks(creates, WRITE_CHUNK, (chunk) => insertLeads(tx, writer, chunk));
    await inChunks(withIds(batch.filter((p) => p.update).map((p) => p.update!), ['audit_id']), WRITE_CHUNK, (chunk) => updateLeads(tx, writer, chunk));
  },
};
