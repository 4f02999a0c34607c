import { describe, expect, it } from 'vitest';
import { auditRows, countRows, seedWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import { allPages, createCustomer, customerRow, newCompany } from '../../customers/__tests__/customers.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;

interface Field { id: string; key: string; kind: string; isActive: boolean; version: number; [k: string]: unknown }
interface ErrorBody { error: { code: string; details?: { path: string; message: string }[] } }

let keyCounter = 0;
const uniqueKey = (base: string) => `${base}${++keyCounter}`;

async function defineField(admin: Client, body: Record<string, unknown>): Promise<Field> {
  const res = await admin.post('/api/v1/custom-fields', { entity: 'customers', label: { 'zh-CN': '字段', 'en-US': 'Field' }, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Field;
}

describe('defining custom fields', () => {
  it('the administrator defines a field, audited; everyone reads the definitions in form order', async () => {
    const [admin, rep1] = [await t.loginAs('admin'), await t.loginAs('rep1')];
    const field = await defineField(admin, { key: uniqueKey('region'), kind: 'select', options: ['华东', '华北'], label: { 'zh-CN': '大区', 'en-US': 'Region' } });
    expect(field).toMatchObject({ entity: 'customers', kind: 'select', options: ['华东', '华北'], isRequired: false, isActive: true, version: 1 });
    expect((await auditRows(t, ws, { entity: 'custom_field', entityId: field.id })).map((a) => a.action)).toEqual(['create']);

    const listed = (await rep1.get('/api/v1/custom-fields?entity=customers')).json().items as Field[];
    expect(listed.map((f) => f.key)).toContain(field.key);
    expect(listed.map((f) => f.key).slice(0, 2)).toEqual(['erp', 'annualRevenue']); // the demo's fields come first, by sort order
    expect((await rep1.get('/api/v1/custom-fields?entity=contacts')).json().items.map((f: Field) => f.key)).toEqual(['hobby', 'hometown']);
  });

  it('only the administrator defines fields: a rep gets 403 and nothing is written', async () => {
    const rep1 = await t.loginAs('rep1');
    const before = await countRows(t, 'custom_field_definitions', ws);
    const res = await rep1.post('/api/v1/custom-fields', { entity: 'customers', key: 'x', kind: 'text', label: { 'zh-CN': 'x', 'en-US': 'x' } });
    expect(res.statusCode).toBe(403);
    expect(await countRows(t, 'custom_field_definitions', ws)).toBe(before);
  });

  it('refuses a taken key (409), a select without options, a bad key and an unknown kind (400 naming the field), writing nothing', async () => {
    const admin = await t.loginAs('admin');
    const before = await countRows(t, 'custom_field_definitions', ws);
    const taken = await admin.post('/api/v1/custom-fields', { entity: 'customers', key: 'erp', kind: 'text', label: { 'zh-CN': 'ERP', 'en-US': 'ERP' } });
    expect(taken.statusCode).toBe(409);
    expect((taken.json() as ErrorBody).error.details).toEqual([{ path: 'key', message: '字段标识已存在' }]);
    const cases: [Record<string, unknown>, string][] = [
      [{ key: 'channel2', kind: 'select' }, 'options'],
      [{ key: 'channel2', kind: 'multiSelect', options: [] }, 'options'],
      [{ key: '2abc', kind: 'text' }, 'key'],
      [{ key: 'has-dash', kind: 'text' }, 'key'],
      [{ key: 'ok', kind: 'boolean' }, 'kind'],
      [{ key: 'ok', kind: 'select', options: ['a', 'a'] }, 'options'],
    ];
    for (const [body, path] of cases) {
      const res = await admin.post('/api/v1/custom-fields', { entity: 'customers', label: { 'zh-CN': 'x', 'en-US': 'x' }, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect((res.json() as ErrorBody).error.details?.[0]?.path).toBe(path);
    }
    expect(await countRows(t, 'custom_field_definitions', ws)).toBe(before);
  });

  it('edits with the version (a stale one gets 409 and changes nothing); deactivating keeps stored values but takes no new ones', async () => {
    const [admin, rep1] = [await t.loginAs('admin'), await t.loginAs('rep1')];
    const field = await defineField(admin, { key: uniqueKey('grade'), kind: 'text' });
    const customer = await createCustomer(rep1, { customFields: { [field.key]: '甲级' } });

    const edited = await admin.patch(`/api/v1/custom-fields/${field.id}`, { version: 1, label: { 'zh-CN': '等级', 'en-US': 'Grade' }, sortOrder: 5 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ label: { 'zh-CN': '等级' }, sortOrder: 5, version: 2 });
    const stale = await admin.patch(`/api/v1/custom-fields/${field.id}`, { version: 1, isRequired: true });
    expect(stale.statusCode).toBe(409);
    expect((await admin.get('/api/v1/custom-fields?entity=customers')).json().items.find((f: Field) => f.id === field.id)).toMatchObject({ isRequired: false, version: 2 });
    expect((await admin.patch(`/api/v1/custom-fields/${field.id}`, { version: 2, kind: 'number' })).statusCode).toBe(400); // kind is fixed

    expect((await admin.delete(`/api/v1/custom-fields/${field.id}`)).statusCode).toBe(204);
    const active = (await rep1.get('/api/v1/custom-fields?entity=customers')).json().items as Field[];
    expect(active.map((f) => f.id)).not.toContain(field.id);
    const all = (await rep1.get('/api/v1/custom-fields?entity=customers&includeInactive=true')).json().items as Field[];
    expect(all.find((f) => f.id === field.id)).toMatchObject({ isActive: false });
    expect((await customerRow(t, customer.id))!.customFields).toEqual({ [field.key]: '甲级' });

    // an edit of other fields keeps the inactive value; a new value for it is refused
    const kept = await rep1.patch(`/api/v1/customers/${customer.id}`, { version: customer.version, customFields: { erp: 'SAP' } });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().customFields).toEqual({ [field.key]: '甲级', erp: 'SAP' });
    const refused = await rep1.patch(`/api/v1/customers/${customer.id}`, { version: 2, customFields: { [field.key]: '乙级' } });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as ErrorBody).error.details).toEqual([{ path: `customFields.${field.key}`, message: '该自定义字段已停用，不能再填写' }]);
    expect((await admin.get('/api/v1/custom-fields?entity=customer')).statusCode).toBe(400);
  });
});

describe('custom field values on customers and contacts', () => {
  it('checks each value against its definition, names every bad one customFields.<key>, localised, and writes nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const before = await countRows(t, 'customers', ws);
    const res = await rep1.post('/api/v1/customers', {
      ...newCompany(), customFields: { annualRevenue: '12.345', employees: '300', sourceChannel: '地推', contractExpiresOn: '2026-02-30', nope: 'x' },
    }, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(400);
    const details = (res.json() as ErrorBody).error.details!;
    expect(details.map((d) => d.path)).toEqual(['customFields.annualRevenue', 'customFields.employees', 'customFields.sourceChannel', 'customFields.contractExpiresOn', 'customFields.nope']);
    expect(details[0]!.message).toContain('two decimals');
    expect(details[2]!.message).toContain('展会');
    expect(await countRows(t, 'customers', ws)).toBe(before);
  });

  it('stores valid values in their stored form; an edit changes only the keys it sends and null clears one', async () => {
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1, {
      customFields: { erp: ' 用友 ', annualRevenue: '5000000', employees: 320, sourceChannel: '展会', certifications: ['ISO9001', 'ISO9001'], contractExpiresOn: '2027-03-31' },
    });
    expect(customer.customFields).toEqual({ erp: '用友', annualRevenue: '5000000.00', employees: 320, sourceChannel: '展会', certifications: ['ISO9001'], contractExpiresOn: '2027-03-31' });
    const edited = await rep1.patch(`/api/v1/customers/${customer.id}`, { version: 1, customFields: { erp: null, employees: 400 } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().customFields).toEqual({ annualRevenue: '5000000.00', employees: 400, sourceChannel: '展会', certifications: ['ISO9001'], contractExpiresOn: '2027-03-31' });
    const bad = await rep1.patch(`/api/v1/customers/${customer.id}`, { version: 2, industry: '制造业', customFields: { employees: 'many' } });
    expect(bad.statusCode).toBe(400);
    expect((await customerRow(t, customer.id))).toMatchObject({ version: 2, industry: null });
  });

  it('contacts are checked against the contacts\' definitions', async () => {
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1);
    const wrong = await rep1.post(`/api/v1/customers/${customer.id}/contacts`, { name: '王总', customFields: { erp: 'SAP' } });
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json() as ErrorBody).error.details?.[0]?.path).toBe('customFields.erp');
    const ok = await rep1.post(`/api/v1/customers/${customer.id}/contacts`, { name: '王总', customFields: { hobby: '高尔夫' } });
    expect(ok.statusCode).toBe(201);
    const edited = await rep1.patch(`/api/v1/contacts/${ok.json().id}`, { version: 1, customFields: { hometown: '宁波' } });
    expect(edited.json().customFields).toEqual({ hobby: '高尔夫', hometown: '宁波' });
  });

  it('a required field must be filled on a new customer, not on every edit', async () => {
    const other = await seedWorkspace(t);
    const [admin, rep1] = [await other.loginAs('admin'), await other.loginAs('rep1')];
    await defineField(admin, { key: 'grade', kind: 'select', options: ['甲', '乙'], isRequired: true });
    const missing = await rep1.post('/api/v1/customers', newCompany());
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as ErrorBody).error.details).toEqual([{ path: 'customFields.grade', message: '必填' }]);
    const created = await rep1.post('/api/v1/customers', { ...newCompany(), customFields: { grade: '甲' } });
    expect(created.statusCode, created.body).toBe(201);
    expect((await rep1.patch(`/api/v1/customers/${created.json().id}`, { version: 1, industry: '化工' })).statusCode).toBe(200);
    expect((await rep1.patch(`/api/v1/customers/${created.json().id}`, { version: 2, customFields: { grade: null } })).statusCode).toBe(400);
  });
});

describe('filtering the customer list by custom fields (cf.<key>)', () => {
  it('filters by equality (select, multi-select, text) and by range (number, money, date), within the data scope', async () => {
    const [rep1, rep2] = [await t.loginAs('rep1'), await t.loginAs('rep2')];
    const tag = `cf-${Date.now()}`;
    const small = await createCustomer(rep1, { tags: [tag], customFields: { employees: 50, annualRevenue: '800000.00', sourceChannel: '官网', contractExpiresOn: '2026-06-30', certifications: ['ISO9001'] } });
    const big = await createCustomer(rep1, { tags: [tag], customFields: { employees: 900, annualRevenue: '25000000.00', sourceChannel: '展会', contractExpiresOn: '2027-01-15', certifications: ['ISO9001', 'ISO14001'], erp: 'SAP' } });
    const theirs = await createCustomer(rep2, { tags: [tag], customFields: { employees: 900, sourceChannel: '展会' } });
    const ids = async (client: Client, query: string) => (await allPages<{ id: string }>(client, `/api/v1/customers?tag=${tag}&${query}`)).map((c) => c.id).sort();

    expect(await ids(rep1, `cf.sourceChannel=${encodeURIComponent('展会')}`)).toEqual([big.id]);
    expect(await ids(rep1, 'cf.certifications=ISO9001')).toEqual([small.id, big.id].sort());
    expect(await ids(rep1, 'cf.certifications=ISO14001')).toEqual([big.id]);
    expect(await ids(rep1, 'cf.erp=SAP')).toEqual([big.id]);
    expect(await ids(rep1, 'cf.employees=50')).toEqual([small.id]);
    expect(await ids(rep1, 'cf.employees.from=50&cf.employees.to=50')).toEqual([small.id]); // bounds are inclusive
    expect(await ids(rep1, 'cf.employees.from=51')).toEqual([big.id]);
    expect(await ids(rep1, 'cf.annualRevenue.from=800000.00')).toEqual([small.id, big.id].sort());
    expect(await ids(rep1, 'cf.annualRevenue.to=799999.99')).toEqual([]);
    expect(await ids(rep1, 'cf.contractExpiresOn.from=2026-07-01')).toEqual([big.id]);
    expect(await ids(rep2, `cf.sourceChannel=${encodeURIComponent('展会')}`)).toEqual([theirs.id]);
    const counts = await rep1.get(`/api/v1/customers/counts?tag=${tag}&cf.employees.from=100`);
    expect(counts.json().total).toBe(1);
  });

  it('refuses an unknown field, a range on a select, a malformed bound, and still rejects unknown parameters', async () => {
    const rep1 = await t.loginAs('rep1');
    const cases: [string, string][] = [
      ['cf.nope=1', 'cf.nope'],
      ['cf.sourceChannel.from=a', 'cf.sourceChannel.from'],
      ['cf.employees.from=many', 'cf.employees.from'],
      ['cf.annualRevenue.to=1.001', 'cf.annualRevenue.to'],
      ['cf.contractExpiresOn.from=2026-02-30', 'cf.contractExpiresOn.from'],
    ];
    for (const [query, path] of cases) {
      const res = await rep1.get(`/api/v1/customers?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect((res.json() as ErrorBody).error.details?.[0]?.path, query).toBe(path);
    }
    expect((await rep1.get('/api/v1/customers?colour=red')).statusCode).toBe(400);
  });
});
