import { describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import { allPages, createCustomer, newCompany } from '../../customers/__tests__/customers.fixtures.js';

const t = await setupTestApp();

interface Hit { id: string; name: string; phone: string | null; customerId: string | null; matchedBy: string }
interface Result { customers: Hit[]; contacts: Hit[]; leads: Hit[] }

const find = async (client: Client, q: string, limit = 20): Promise<Result> => {
  const res = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Result;
};
const ids = (hits: Hit[]) => hits.map((h) => h.id);

/** rep1's customer 北京科技<n>有限公司 with a contact 欧阳<n> and a lead of theirs, all with distinctive numbers. */
async function rep1Records() {
  const rep1 = await t.loginAs('rep1');
  const company = newCompany();
  const digits = company.phone.replace(/\D/g, '').slice(-7);
  const customer = await createCustomer(rep1, { ...company, name: `北京科技${digits}有限公司` });
  const mobile = `139${digits}9`;
  const contact = await rep1.post(`/api/v1/customers/${customer.id}/contacts`, { name: `欧阳锋${digits}`, mobile });
  expect(contact.statusCode, contact.body).toBe(201);
  const leadPhone = `137${digits}8`;
  const created = await rep1.post('/api/v1/leads', { company: `杭州${digits}贸易有限公司`, contactName: '黄蓉', source: 'phone', phone: leadPhone });
  expect(created.statusCode, created.body).toBe(201);
  const lead = created.json() as { id: string; version: number };
  return { rep1, company, digits, customer, contact: contact.json() as { id: string }, mobile, lead, leadPhone };
}

describe('GET /search', () => {
  it('finds a customer by a Chinese fragment, pinyin initials, full pinyin, phone fragment and credit code', async () => {
    const r = await rep1Records();
    for (const q of ['科技' + r.digits, 'bjkj', `bjkj${r.digits}`, 'beijingkeji', 'BeiJing KeJi', r.company.phone, r.digits.slice(-5), r.company.creditCode, r.company.creditCode.toLowerCase()]) {
      const hits = (await find(r.rep1, q)).customers;
      expect(ids(hits), q).toContain(r.customer.id);
    }
    const byCode = (await find(r.rep1, r.company.creditCode)).customers;
    expect(byCode[0]).toMatchObject({ id: r.customer.id, matchedBy: 'creditCode' });
    expect((await find(r.rep1, r.company.phone)).customers.find((h) => h.id === r.customer.id)).toMatchObject({ matchedBy: 'phone', phone: r.company.phone });
  });

  it('finds contacts by name and pinyin (with their customer) and by mobile fragment, and leads by company and phone', async () => {
    const r = await rep1Records();
    const byPinyin = (await find(r.rep1, `oyf${r.digits}`)).contacts;
    expect(byPinyin).toEqual([expect.objectContaining({ id: r.contact.id, customerId: r.customer.id, matchedBy: 'name' })]);
    expect(ids((await find(r.rep1, `ouyangfeng${r.digits}`)).contacts)).toEqual([r.contact.id]);
    expect(ids((await find(r.rep1, r.mobile.slice(2, 9))).contacts)).toContain(r.contact.id);
    expect(ids((await find(r.rep1, `杭州${r.digits}`)).leads)).toEqual([r.lead.id]);
    expect(ids((await find(r.rep1, r.leadPhone)).leads)).toEqual([r.lead.id]);
  });

  it('finds two-character Chinese fragments anywhere in a name (the bigram index), one character and two letters too, and only in scope', async () => {
    const r = await rep1Records();
    const customer = await createCustomer(r.rep1, { ...newCompany(), name: `上海${r.digits}鲲鹏智能有限公司` });
    const contact = await r.rep1.post(`/api/v1/customers/${customer.id}/contacts`, { name: `司徒${r.digits}` });
    const lead = await r.rep1.post('/api/v1/leads', { company: `${r.digits}鲲鹏贸易`, contactName: '赵敏', source: 'phone' });
    expect([contact.statusCode, lead.statusCode]).toEqual([201, 201]);
    const found = await find(r.rep1, '鲲鹏');
    expect(ids(found.customers)).toContain(customer.id);
    expect(ids(found.leads)).toContain(lead.json().id);
    expect(ids((await find(r.rep1, '司徒')).contacts)).toContain(contact.json().id);
    expect(ids((await find(r.rep1, `${r.digits.slice(-1)}鲲`)).customers)).toContain(customer.id); // a digit and a character
    expect(ids((await find(r.rep1, '鲲')).customers)).toContain(customer.id);
    expect(ids((await find(r.rep1, '鹏智')).customers)).toContain(customer.id);
    expect(ids((await find(r.rep1, '智鹏')).customers)).not.toContain(customer.id);
    const list = (await allPages<{ id: string }>(r.rep1, `/api/v1/customers?q=${encodeURIComponent('鲲鹏')}`)).map((c) => c.id);
    expect(list).toContain(customer.id);
    const rep2 = await t.loginAs('rep2');
    const theirs = await find(rep2, '鲲鹏');
    expect([...ids(theirs.customers), ...ids(theirs.leads)]).not.toContain(customer.id);
    expect(ids(theirs.leads)).not.toContain(lead.json().id);
  });

  it('finds a lead by the pinyin of its company and contact name, follows a rename, and only within the caller\'s scope', async () => {
    const r = await rep1Records();
    const created = await r.rep1.post('/api/v1/leads', { company: `北京科技${r.digits}信息有限公司`, contactName: `诸葛亮${r.digits}`, source: 'exhibition' });
    expect(created.statusCode, created.body).toBe(201);
    const lead = created.json() as { id: string; version: number };
    for (const q of ['bjkj', `bjkj${r.digits}`, `beijingkeji${r.digits}`, `BeiJing KeJi ${r.digits}`, `科技${r.digits}信息`, `zgl${r.digits}`, `zhugeliang${r.digits}`]) {
      expect((await find(r.rep1, q)).leads.find((h) => h.id === lead.id), q).toMatchObject({ name: `北京科技${r.digits}信息有限公司`, matchedBy: 'name' });
    }
    expect(ids((await find(r.rep1, `hz${r.digits}my`)).leads)).toEqual([r.lead.id]);
    expect(ids((await find(await t.loginAs('supervisor1'), `bjkj${r.digits}`)).leads)).toEqual([lead.id]);
    for (const user of ['rep2', 'rep3']) {
      const client = await t.loginAs(user);
      for (const q of ['bjkj', `bjkj${r.digits}`, `zgl${r.digits}`]) expect(ids((await find(client, q)).leads), `${user} ${q}`).not.toContain(lead.id);
    }

    const renamed = await r.rep1.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, company: `上海${r.digits}数码有限公司` });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(ids((await find(r.rep1, `sh${r.digits}sm`)).leads)).toEqual([lead.id]);
    expect(ids((await find(r.rep1, `bjkj${r.digits}`)).leads)).not.toContain(lead.id);
    expect(ids((await find(r.rep1, `zgl${r.digits}`)).leads)).toEqual([lead.id]);
  });

  it('a rep never finds another rep\'s customer, contact or lead — not by name, pinyin, exact phone or credit code; their supervisor does', async () => {
    const r = await rep1Records();
    const [rep2, rep3, supervisor] = [await t.loginAs('rep2'), await t.loginAs('rep3'), await t.loginAs('supervisor1')];
    for (const client of [rep2, rep3]) {
      for (const q of [`北京科技${r.digits}`, `bjkj${r.digits}`, r.company.phone, r.company.creditCode, r.mobile, `欧阳锋${r.digits}`, r.leadPhone, `杭州${r.digits}`]) {
        const found = await find(client, q);
        expect(ids(found.customers), q).not.toContain(r.customer.id);
        expect(ids(found.contacts), q).not.toContain(r.contact.id);
        expect(ids(found.leads), q).not.toContain(r.lead.id);
      }
      // and nothing of anyone else's at all for a broad query
      const broad = await find(client, 'bjkj');
      const own = new Set((await allPages<{ id: string }>(client, '/api/v1/customers')).map((c) => c.id));
      expect(broad.customers.every((h) => own.has(h.id))).toBe(true);
    }
    const bySupervisor = await find(supervisor, r.company.creditCode);
    expect(ids(bySupervisor.customers)).toEqual([r.customer.id]);
  });

  it('the administrator (no business data) may not search; bad input is refused naming the field', async () => {
    const [admin, rep1] = [await t.loginAs('admin'), await t.loginAs('rep1')];
    expect((await admin.get('/api/v1/search?q=bjkj')).statusCode).toBe(403);
    for (const [query, path] of [['', 'q'], ['q=', 'q'], ['q=a&limit=21', 'limit'], ['q=a&limit=0', 'limit'], [`q=${'x'.repeat(101)}`, 'q']] as const) {
      const res = await rep1.get(`/api/v1/search?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), query).toContain(path);
    }
    expect((await rep1.get('/api/v1/search?q=a&scope=all')).statusCode).toBe(400);
    expect(await find(rep1, '%%__')).toEqual({ customers: [], contacts: [], leads: [] });
  });
});

describe('phone masking is the same on every surface', () => {
  it('a role without the phone permission sees masked phones in the customer list, detail, contacts and search alike', async () => {
    const r = await rep1Records();
    const warehouse = await t.loginAs('warehouse1');
    const masked = (phone: string) => { const d = phone.replace(/\D/g, ''); return `${d.slice(0, 3)}****${d.slice(-4)}`; };

    const listed = (await allPages<{ id: string; phone: string | null }>(warehouse, `/api/v1/customers?q=${encodeURIComponent(`北京科技${r.digits}`)}`));
    expect(listed.find((c) => c.id === r.customer.id)?.phone).toBe(masked(r.company.phone));
    expect((await warehouse.get(`/api/v1/customers/${r.customer.id}`)).json().phone).toBe(masked(r.company.phone));
    const contacts = (await warehouse.get(`/api/v1/customers/${r.customer.id}/contacts`)).json().items;
    expect(contacts[0].mobile).toBe(masked(r.mobile));
    expect((await warehouse.get(`/api/v1/contacts/${r.contact.id}`)).json().mobile).toBe(masked(r.mobile));

    const found = await find(warehouse, r.company.phone);
    expect(found.customers.find((h) => h.id === r.customer.id)?.phone).toBe(masked(r.company.phone));
    expect((await find(warehouse, r.mobile)).contacts.find((h) => h.id === r.contact.id)?.phone).toBe(masked(r.mobile));
    // nowhere does the full number appear
    const everything = JSON.stringify([listed, contacts, found]);
    expect(everything).not.toContain(r.mobile);
    expect(everything).not.toContain(r.company.phone.replace(/\D/g, ''));

    // the owner sees them in full
    expect((await find(r.rep1, r.mobile)).contacts.find((h) => h.id === r.contact.id)?.phone).toBe(r.mobile);
    expect((await find(r.rep1, r.leadPhone)).leads.find((h) => h.id === r.lead.id)?.phone).toBe(r.leadPhone);
  });
});
