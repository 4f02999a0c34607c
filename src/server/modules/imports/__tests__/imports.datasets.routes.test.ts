/**
 * Files nobody here wrote (/work/shared/datasets, see each SOURCE.md): the Maven CRM accounts and a
 * Salesforce demo-org export, imported through small mapping templates for their headers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestContext } from '../../../../../test/harness.js';
import { customerByName, dataset, footprint, report, upload } from './imports.fixtures.js';

/** Mapping templates for foreign headers (file header → field; null ignores the column). */
const mavenAccounts = { account: 'name', sector: 'industry', year_established: 'cf.yearEstablished', revenue: 'cf.revenueMillions', employees: 'cf.employees', office_location: 'cf.country', subsidiary_of: null };
const salesforceAccounts = { Id: 'cf.externalId', Name: 'name', Phone: 'phone', Website: 'website', Industry: 'industry', BillingStreet: 'address' };
const salesforceContacts = { AccountId: 'customerExternalId', Name: 'name', Title: 'title', Department: 'department', MobilePhone: 'mobile', Phone: 'phone', Email: 'email', Birthdate: 'birthday', Description: 'notes' };

let t: TestContext;
let rep1: Client;

beforeAll(async () => {
  t = await setupTestApp();
  rep1 = await t.loginAs('rep1');
  const admin = await t.loginAs('admin');
  for (const [key, kind] of [['yearEstablished', 'number'], ['revenueMillions', 'money'], ['country', 'text'], ['externalId', 'text']] as const) {
    const res = await admin.post('/api/v1/custom-fields', { entity: 'customers', key, label: { 'zh-CN': key, 'en-US': key }, kind });
    expect(res.statusCode, res.body).toBe(201);
  }
});

async function saveTemplate(entity: string, name: string, mapping: Record<string, string | null>) {
  const res = await rep1.post('/api/v1/import-templates', { entity, name, mapping });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

describe('Maven CRM sample accounts (85 rows, UTF-8, CRLF)', () => {
  it('dry run reports 85 rows that would import and writes nothing; the real run creates them with their figures as custom fields', async () => {
    const templateId = await saveTemplate('customers', 'Maven accounts', mavenAccounts);
    const before = await footprint(t);
    const dry = await report(await upload(t, rep1, 'customers', dataset('crm-sales-opportunities/accounts.csv'), { templateId }));
    expect(dry).toMatchObject({ outcome: 'dry_run', encoding: 'utf-8', totalRows: 85, errors: [] });
    expect(dry.counts.created + dry.counts.skipped).toBe(85);
    expect(await footprint(t)).toEqual(before);

    const real = await report(await upload(t, rep1, 'customers', dataset('crm-sales-opportunities/accounts.csv'), { templateId, dryRun: 'false' }));
    expect(real).toMatchObject({ outcome: 'committed', counts: { created: dry.counts.created } });
    expect((await footprint(t)).customers).toBe(before.customers + dry.counts.created);
    // "Acme Corporation,technolgy,1996,1100.04,2822,United States," — the misspelt sector is kept as written
    expect(await customerByName(t, 'Acme Corporation')).toMatchObject({
      industry: 'technolgy', customFields: { yearEstablished: 1996, revenueMillions: '1100.04', employees: 2822, country: 'United States' },
    });
  });
});

describe('Salesforce demo-org export (UTF-8 with BOM, JSON inside cells, 18-character ids)', () => {
  it('accounts import with their Salesforce id kept; contacts attach to them through AccountId', async () => {
    const accounts = await saveTemplate('customers', 'Salesforce Account', salesforceAccounts);
    const dry = await report(await upload(t, rep1, 'customers', dataset('salesforce-data-cloud-workshop/data/Account.csv'), { templateId: accounts }));
    expect(dry).toMatchObject({ encoding: 'utf-8-bom', totalRows: 22, errors: [] });
    const real = await report(await upload(t, rep1, 'customers', dataset('salesforce-data-cloud-workshop/data/Account.csv'), { templateId: accounts, dryRun: 'false' }));
    expect(real.outcome).toBe('committed');
    expect(await customerByName(t, 'Walker Henson and Compton')).toMatchObject({
      industry: 'Finance', phone: '3456588094', website: 'www.WalkerHensonandCompton.com', address: '757 William Pass Apt. 782',
      customFields: { externalId: '001Ec00000GGw3hIAD' },
    });

    const contacts = await saveTemplate('contacts', 'Salesforce Contact', salesforceContacts);
    const file = dataset('salesforce-data-cloud-workshop/data/Contact.csv');
    const contactsDry = await report(await upload(t, rep1, 'contacts', file, { templateId: contacts }));
    // 18 contacts name an account; the other 84 have none, which a contact needs
    expect(contactsDry.totalRows).toBe(102);
    expect(contactsDry.counts).toMatchObject({ created: 18, invalidRows: 84 });
    expect(new Set(contactsDry.errors.map((e) => e.field))).toEqual(new Set(['customerExternalId']));

    const before = await footprint(t);
    const rejected = await report(await upload(t, rep1, 'contacts', file, { templateId: contacts, dryRun: 'false' }));
    expect(rejected.outcome).toBe('rejected');
    expect(await footprint(t)).toEqual(before);

    const batches = await report(await upload(t, rep1, 'contacts', file, { templateId: contacts, dryRun: 'false', mode: 'batches', batchSize: '1' }));
    expect(batches).toMatchObject({ outcome: 'partial', counts: { created: 18 } });
    expect(batches.batches.filter((b) => b.status === 'committed')).toHaveLength(18);
    expect((await footprint(t)).contacts).toBe(before.contacts + 18);
  });
});

describe('Salesforce leads (60 rows)', () => {
  it('import as numbered new leads; LeadSource values map to our channels', async () => {
    const file = dataset('salesforce-data-cloud-workshop/data/Lead.csv');
    const dry = await report(await upload(t, rep1, 'leads', file));
    expect(dry).toMatchObject({ totalRows: 60, errors: [] });
    expect(dry.columns.filter((c) => c.field).map((c) => [c.column, c.field])).toEqual(expect.arrayContaining([
      ['Company', 'company'], ['Name', 'contactName'], ['LeadSource', 'source'], ['Phone', 'phone'], ['Email', 'email'],
    ]));
    const real = await report(await upload(t, rep1, 'leads', file, { dryRun: 'false' }));
    expect(real).toMatchObject({ outcome: 'committed', counts: { created: dry.counts.created } });
    const leads = (await rep1.get('/api/v1/leads?limit=200')).json() as { items: { number: string | null; source: string; contactName: string }[] };
    const imported = leads.items.filter((l) => l.contactName === 'William Lee');
    expect(imported[0]).toMatchObject({ source: 'web_form' });
    expect(imported[0]!.number).toMatch(/\d/);
    const sources = leads.items.reduce<Record<string, number>>((acc, l) => ({ ...acc, [l.source]: (acc[l.source] ?? 0) + 1 }), {});
    expect(sources.phone).toBeGreaterThanOrEqual(25);
    const exported = await rep1.get('/api/v1/exports/leads.csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('William Lee');
  });
});
