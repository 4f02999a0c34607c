import { CreateContactBody } from '../../../shared/contracts/customers.contract.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import { searchKeysFor } from '../../platform/search/search-keys.rules.js';
import { normaliseCompanyName, normalisePhone } from '../customers/index.js';
import { halfWidth, normaliseLabel } from './cells.rules.js';
import { entityDefs } from './columns.rules.js';
import { missingRequired, validateCustomFields } from './custom-fields.js';
import { compact, inChunks, withIds, WRITE_CHUNK, type EntityImporter, type Planned } from './importer.js';
import { contactsOfCustomers, customersReferenced, insertContacts, updateContacts, type CustomerRefRow } from './imports.repository.js';
import { classifyDuplicates, validateWith, type ExistingRecord, type Keys } from './rows.rules.js';

const contactKey = (customerId: string, name: string) => `${customerId}|${normaliseLabel(name)}`;

/**
 * Contacts (联系人, domain §5.4), attached to a customer found by name, credit code or the
 * customer's `externalId` custom field; only customers the importer may edit take contacts. A
 * contact repeats another when it has the same name at the same customer.
 */
export const contactImporter: EntityImporter = {
  entity: 'contacts',
  def: entityDefs.contacts,
  permission: 'customer:update',

  async plan(db, ctx, reads, mode) {
    const refs = { names: new Set<string>(), codes: new Set<string>(), externalIds: new Set<string>() };
    for (const r of reads) {
      if (typeof r.values.customer === 'string') refs.names.add(normaliseCompanyName(r.values.customer));
      if (typeof r.values.customerCreditCode === 'string') refs.codes.add(halfWidth(r.values.customerCreditCode).trim().toUpperCase());
      if (typeof r.values.customerExternalId === 'string') refs.externalIds.add(r.values.customerExternalId);
    }
    const found = await customersReferenced(db, ctx.workspace.id, { names: [...refs.names], codes: [...refs.codes], externalIds: [...refs.externalIds] });
    const index = { name: new Map<string, CustomerRefRow>(), code: new Map<string, CustomerRefRow>(), ext: new Map<string, CustomerRefRow>() };
    for (const c of found) {
      index.name.set(c.nameNormalised, c);
      if (c.creditCode) index.code.set(c.creditCode, c);
      if (c.externalId) index.ext.set(c.externalId, c);
    }
    const owners = await visibleOwners(db, ctx);
    const editable = (c: CustomerRefRow) => owners.kind === 'all' || (c.ownerId !== null && owners.ids.includes(c.ownerId));
    const customFieldCheck = await validateCustomFields(db, ctx, 'contacts');

    const records = new Map<number, { customerId: string; input: Record<string, unknown>; mobileNormalised: string | null; phoneNormalised: string | null }>();
    for (const read of reads) {
      const v = read.values;
      const error = (field: string, reason: string, params?: Record<string, unknown>) =>
        read.errors.push({ row: read.row, column: read.columns[field] ?? field, field, reason, ...(params ? { params } : {}) });
      const byCode = typeof v.customerCreditCode === 'string' ? index.code.get(halfWidth(v.customerCreditCode).trim().toUpperCase()) : undefined;
      const byExt = typeof v.customerExternalId === 'string' ? index.ext.get(v.customerExternalId) : undefined;
      const byName = typeof v.customer === 'string' ? index.name.get(normaliseCompanyName(v.customer)) : undefined;
      const customer = byCode ?? byExt ?? byName;
      const refFields = ['customer', 'customerCreditCode', 'customerExternalId'] as const;
      const refField = refFields.find((f) => typeof v[f] === 'string') ?? refFields.find((f) => read.columns[f] !== undefined) ?? 'customer';
      // a customer the importer may not edit is reported as not found: its existence is not theirs to learn
      if (!customer || !editable(customer)) {
        error(refField, v.customer || v.customerCreditCode || v.customerExternalId ? 'imports.customerNotFound' : 'imports.customerRequired');
      }
      const phone = (field: 'mobile' | 'phone') => {
        const value = v[field];
        if (typeof value !== 'string') return null;
        const digits = normalisePhone(value);
        if (digits.length < 5) error(field, 'errors.phone');
        return digits;
      };
      const mobileNormalised = phone('mobile');
      const phoneNormalised = phone('phone');
      const customFields = customFieldCheck(read);
      const input = compact({
        name: v.name, title: v.title, department: v.department, mobile: v.mobile, phone: v.phone, email: v.email, im: v.im, birthday: v.birthday,
        notes: v.notes, buyingRole: v.buyingRole, attitude: v.attitude, influence: v.influence,
        customFields: Object.keys(customFields).length > 0 ? customFields : undefined,
      });
      const valid = validateWith(CreateContactBody, input, read);
      if (valid && read.errors.length === 0 && customer) records.set(read.row, { customerId: customer.id, input, mobileNormalised, phoneNormalised });
    }

    const valid = reads.filter((r) => records.has(r.row));
    const customerIds = [...new Set([...records.values()].map((r) => r.customerId))];
    const existing: ExistingRecord[] = (await contactsOfCustomers(db, ctx.workspace.id, customerIds))
      .map((c) => ({ id: c.id, keys: [contactKey(c.customerId, c.name)], ownerId: null, ownerName: null }));
    const keyed: Keys[] = valid.map((r) => ({ row: r.row, keys: [contactKey(records.get(r.row)!.customerId, String(r.values.name))], field: 'name' }));
    const decisions = classifyDuplicates(keyed, existing, {
      mode, canUpdate: ctx.actor.permissions.has('customer:update'), isVisible: () => true,
      ownedKey: 'imports.duplicateContact', poolKey: 'imports.duplicateContact',
    });

    const planned: Planned[] = [];
    for (const read of valid) {
      const record = records.get(read.row)!;
      const decision = decisions.get(read.row)!;
      if (decision.action === 'error') {
        read.errors.push({ row: read.row, column: read.columns.name ?? 'name', field: 'name', reason: decision.reason, params: decision.params });
        continue;
      }
      const f = record.input;
      if (decision.action === 'create' && missingRequired(read, customFieldCheck.required, f.customFields)) continue;
      const row = {
        title: f.title ?? null, department: f.department ?? null, mobile: f.mobile ?? null, mobile_normalised: record.mobileNormalised, phone: f.phone ?? null,
        phone_normalised: record.phoneNormalised, email: f.email ?? null, im: f.im ?? null, birthday: f.birthday ?? null, notes: f.notes ?? null,
        buying_role: f.buyingRole ?? null, attitude: f.attitude ?? null, influence: f.influence ?? null, custom_fields: f.customFields ?? null,
      };
      if (decision.action === 'create') planned.push({ row: read.row, decision, create: { ...row, customer_id: record.customerId, name: f.name, search_text: searchKeysFor(String(f.name)) } });
      else if (decision.action === 'update') planned.push({ row: read.row, decision, update: { ...row, id: decision.id } });
      else planned.push({ row: read.row, decision });
    }
    return planned;
  },

  async write(tx, writer, batch) {
    await inChunks(withIds(batch.filter((p) => p.create).map((p) => p.create!), ['id', 'audit_id']), WRITE_CHUNK, (chunk) => insertContacts(tx, writer, chunk));
    await inChunks(withIds(batch.filter((p) => p.update).map((p) => p.update!), ['audit_id']), WRITE_CHUNK, (chunk) => updateContacts(tx, writer, chunk));
  },
};
