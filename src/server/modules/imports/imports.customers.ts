import { CreateCustomerBody } from '../../../shared/contracts/customers.contract.js';
import { todayIn } from '../../../shared/dates.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { searchKeysFor } from '../../platform/search/search-keys.rules.js';
import { isValidCreditCode, normaliseCompanyName, normalisePhone, ownerRoles } from '../customers/index.js';
import { halfWidth, normaliseLabel } from './cells.rules.js';
import { entityDefs } from './columns.rules.js';
import { compact, pipelined, withIds, WRITE_CHUNK, type EntityImporter, type Planned } from './importer.js';
import { customersMatching, insertCustomers, updateCustomers, workspaceTerritories, workspaceUsers } from './imports.repository.js';
import {
  classifyDuplicates, decideOwner, userIndex, validateWith, type ExistingRecord, type Keys, type OwnerPolicy, type ReadRow, type UserRef,
} from './rows.rules.js';
import { missingRequired, validateCustomFields } from './custom-fields.js';

const isOwnerRole = (roles: readonly string[]) => roles.some((r) => (ownerRoles as readonly string[]).includes(r));

export async function usersAndPolicy(db: Executor, ctx: CommandContext) {
  const rows = await workspaceUsers(db, ctx.workspace.id);
  const users: UserRef[] = rows.map((u) => ({ id: u.id, name: u.name, username: u.username, isActive: u.isActive, canOwn: isOwnerRole(u.roles), departmentId: u.departmentId }));
  const owners = await visibleOwners(db, ctx);
  const has = (p: string) => ctx.actor.permissions.has(p);
  const policy: OwnerPolicy = {
    actorId: ctx.actor.id, canOwn: has('customer:own'), canAssign: has('customer:assign'), canRoute: has('customer:route'),
    visibleOwnerIds: owners.kind === 'all' ? 'all' : new Set(owners.ids),
  };
  return { users: userIndex(users), policy };
}

interface CustomerRecord {
  name?: string; nameNormalised?: string; creditCode?: string | null; phone?: string | null; phoneNormalised?: string | null;
  territoryId?: string | null; ownerId?: string | null; departmentId?: string | null; fields: Record<string, unknown>;
}

const codeOf = (raw: string) => halfWidth(raw).trim().toUpperCase();
const keysOf = (r: { creditCode?: string | null; nameNormalised?: string; phoneNormalised?: string | null }) =>
  [r.creditCode ? `code:${r.creditCode}` : null, r.nameNormalised ? `name:${r.nameNormalised}` : null, r.phoneNormalised ? `phone:${r.phoneNormalised}` : null]
    .filter((k): k is string => k !== null);

/**
 * The search keys (name + pinyin) of rows about to be written, computed at write time: a dry run or a
 * skipped duplicate never needs them, and on PostgreSQL they are computed while the previous chunk is
 * being inserted. A row without a name (an update leaving it) keeps its keys.
 */
const withSearchKeys = (rows: Record<string, unknown>[]) => {
  for (const row of rows) row.search_text = typeof row.name === 'string' ? searchKeysFor(row.name) : null;
};

/** Customers (客户档案): duplicate check by credit code, normalised name and phone (domain §5.3). */
export const customerImporter: EntityImporter = {
  entity: 'customers',
  def: entityDefs.customers,
  permission: 'customer:create',

  async plan(db, ctx, reads, mode) {
    const { users, policy } = await usersAndPolicy(db, ctx);
    const territories = new Map<string, string[]>();
    for (const t of await workspaceTerritories(db, ctx.workspace.id)) territories.set(normaliseLabel(t.name), [...(territories.get(normaliseLabel(t.name)) ?? []), t.id]);
    const customFieldCheck = await validateCustomFields(db, ctx, 'customers');

    const records = new Map<number, CustomerRecord>();
    for (const read of reads) {
      const v = read.values;
      const error = (field: string, reason: string, params?: Record<string, unknown>) =>
        read.errors.push({ row: read.row, column: read.columns[field] ?? field, field, reason, ...(params ? { params } : {}) });
      const record: CustomerRecord = { fields: {} };
      if (typeof v.name === 'string') {
        record.name = v.name;
        record.nameNormalised = normaliseCompanyName(v.name);
        if (record.nameNormalised === '') error('name', 'errors.companyName');
      }
      if (typeof v.creditCode === 'string') {
        record.creditCode = codeOf(v.creditCode);
        if (!isValidCreditCode(record.creditCode)) error('creditCode', 'errors.creditCode');
      }
      if (typeof v.phone === 'string') {
        record.phone = v.phone;
        record.phoneNormalised = normalisePhone(v.phone);
        if (record.phoneNormalised.length < 5) error('phone', 'errors.phone');
      }
      if (typeof v.territory === 'string') {
        const ids = territories.get(normaliseLabel(v.territory)) ?? [];
        if (ids.length === 1) record.territoryId = ids[0]!;
        else error('territory', ids.length === 0 ? 'imports.territoryUnknown' : 'imports.territoryAmbiguous', { territory: v.territory });
      }
      // the owner of a new record; an update never changes ownership (that is a transfer)
      const owner = decideOwner(typeof v.owner === 'string' ? v.owner : null, policy, users);
      if (!owner.ok) error('owner', owner.reason, owner.params);
      else { record.ownerId = owner.value?.id ?? null; record.departmentId = owner.value?.departmentId ?? null; }
      const customFields = customFieldCheck(read);
      const input = compact({
        name: v.name, creditCode: record.creditCode, industry: v.industry, size: v.size, valueClass: v.valueClass, status: v.status,
        address: v.address, latitude: v.latitude, longitude: v.longitude, website: v.website, phone: v.phone,
        tags: Array.isArray(v.tags) && v.tags.length > 0 ? v.tags : undefined,
        customFields: Object.keys(customFields).length > 0 ? customFields : undefined,
      });
      const valid = validateWith(CreateCustomerBody, input, read);
      if (valid && read.errors.length === 0) {
        // only what the file says: defaults apply on create, an update keeps what the cell leaves empty
        record.fields = { ...input, customFields: input.customFields };
        records.set(read.row, record);
      }
    }

    const valid = reads.filter((r) => records.has(r.row));
    const keyed: Keys[] = valid.map((r) => ({ row: r.row, keys: keysOf(records.get(r.row)!), field: 'name' }));
    const all = { codes: new Set<string>(), names: new Set<string>(), phones: new Set<string>() };
    for (const r of records.values()) {
      if (r.creditCode) all.codes.add(r.creditCode);
      if (r.nameNormalised) all.names.add(r.nameNormalised);
      if (r.phoneNormalised) all.phones.add(r.phoneNormalised);
    }
    const matches = records.size === 0 ? [] : await customersMatching(db, ctx.workspace.id, { codes: [...all.codes], names: [...all.names], phones: [...all.phones] });
    const existing: ExistingRecord[] = matches.map((m) => ({
      id: m.id, ownerId: m.ownerId, ownerName: m.ownerName,
      keys: m.contactPhone ? [`phone:${m.contactPhone}`] : keysOf(m),
    }));
    const decisions = classifyDuplicates(keyed, existing, {
      mode, canUpdate: ctx.actor.permissions.has('customer:update'), ownedKey: 'errors.duplicateCustomer', poolKey: 'errors.duplicateCustomerInPool',
      isVisible: (m) => policy.visibleOwnerIds === 'all' || (m.ownerId !== null && policy.visibleOwnerIds.has(m.ownerId)),
    });

    const today = todayIn(ctx.workspace.timeZone);
    const planned: Planned[] = [];
    for (const read of valid) {
      const record = records.get(read.row)!;
      const decision = decisions.get(read.row)!;
      if (decision.action === 'error') {
        const field = read.columns.creditCode && record.creditCode ? 'creditCode' : 'name';
        read.errors.push({ row: read.row, column: read.columns[field] ?? field, field, reason: decision.reason, params: decision.params });
        continue;
      }
      const f = record.fields;
      if (decision.action === 'create' && missingRequired(read, customFieldCheck.required, f.customFields)) continue;
      const row = {
        name: record.name ?? null, name_normalised: record.nameNormalised ?? null, credit_code: record.creditCode ?? null, industry: f.industry ?? null,
        size: f.size ?? null, territory_id: record.territoryId ?? null, address: f.address ?? null, latitude: f.latitude ?? null, longitude: f.longitude ?? null,
        website: f.website ?? null, phone: record.phone ?? null, phone_normalised: record.phoneNormalised ?? null, tags: f.tags ?? null, custom_fields: f.customFields ?? null,
      };
      if (decision.action === 'create') {
        planned.push({ row: read.row, decision, create: {
          ...row, value_class: f.valueClass ?? 'C', status: f.status ?? 'prospect',
          owner_id: record.ownerId ?? null, department_id: record.departmentId ?? null, owned_since: record.ownerId ? today : null,
        } });
      } else if (decision.action === 'update') {
        planned.push({ row: read.row, decision, update: { ...row, id: decision.id, value_class: f.valueClass ?? null, status: f.status ?? null } });
      } else {
        planned.push({ row: read.row, decision });
      }
    }
    return planned;
  },

  async write(tx, writer, batch) {
    await pipelined(withIds(batch.filter((p) => p.create).map((p) => p.create!), ['id', 'audit_id']), WRITE_CHUNK, withSearchKeys, (chunk) => insertCustomers(tx, writer, chunk));
    await pipelined(withIds(batch.filter((p) => p.update).map((p) => p.update!), ['audit_id']), WRITE_CHUNK, withSearchKeys, (chunk) => updateCustomers(tx, writer, chunk));
  },
};

export type { ReadRow };
