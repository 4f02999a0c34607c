import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import { contacts } from '../customers.schema.js';
import { allPages, createCustomer } from './customers.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;

interface ContactBody { id: string; customerId: string; name: string; mobile: string | null; phone: string | null; reportsToId: string | null; version: number; [key: string]: unknown }

describe('contacts and buying roles (拜访对象)', () => {
  it('adds contacts with buying role, attitude, influence and reports-to, lists them by name, and edits with the version', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const boss = await rep1.post(`/api/v1/customers/${c.id}/contacts`, {
      name: '王总', title: '总经理', department: '总经办', mobile: '138 0013 8000', email: 'wang@example.cn', im: 'wx_wang',
      birthday: '1972-05-04', buyingRole: 'economic_buyer', attitude: 'supporter', influence: 'high', customFields: { hobby: '高尔夫' },
    });
    expect(boss.statusCode, boss.body).toBe(201);
    expect(boss.json()).toMatchObject({ customerId: c.id, buyingRole: 'economic_buyer', attitude: 'supporter', influence: 'high', mobile: '138 0013 8000', version: 1 });
    const engineer = await rep1.post(`/api/v1/customers/${c.id}/contacts`, { name: '李工', title: '技术总监', buyingRole: 'technical_buyer', attitude: 'neutral', reportsToId: boss.json().id });
    expect(engineer.statusCode, engineer.body).toBe(201);
    const coach = await rep1.post(`/api/v1/customers/${c.id}/contacts`, { name: '赵助理', buyingRole: 'coach', reportsToId: engineer.json().id });
    expect(coach.statusCode).toBe(201);

    const listed = await allPages<ContactBody>(rep1, `/api/v1/customers/${c.id}/contacts`);
    expect(listed.map((x) => x.name)).toEqual(['李工', '王总', '赵助理'].sort());
    const page1 = (await rep1.get(`/api/v1/customers/${c.id}/contacts?limit=2`)).json();
    const page2 = (await rep1.get(`/api/v1/customers/${c.id}/contacts?limit=2&cursor=${page1.nextCursor}`)).json();
    expect([...page1.items, ...page2.items].map((x: ContactBody) => x.id)).toEqual(listed.map((x) => x.id));
    expect((await rep1.get(`/api/v1/customers/${c.id}`)).json().contactCount).toBe(3);

    const one = await rep1.get(`/api/v1/contacts/${engineer.json().id}`);
    expect(one.json()).toMatchObject({ name: '李工', reportsToId: boss.json().id });
    const edited = await rep1.patch(`/api/v1/contacts/${engineer.json().id}`, { version: 1, attitude: 'supporter', influence: 'medium' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ attitude: 'supporter', influence: 'medium', version: 2 });
    const stale = await rep1.patch(`/api/v1/contacts/${engineer.json().id}`, { version: 1, attitude: 'opponent' });
    expect(stale.statusCode).toBe(409);
    expect((await rep1.get(`/api/v1/contacts/${engineer.json().id}`)).json().attitude).toBe('supporter');
    expect((await auditRows(t, ws, { entity: 'contact', entityId: engineer.json().id })).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('keeps the org chart a tree: no loops, no manager from another customer', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const other = await createCustomer(rep1);
    const a = (await rep1.post(`/api/v1/customers/${c.id}/contacts`, { name: '甲' })).json();
    const b = (await rep1.post(`/api/v1/customers/${c.id}/contacts`, { name: '乙', reportsToId: a.id })).json();
    const outsider = (await rep1.post(`/api/v1/customers/${other.id}/contacts`, { name: '外人' })).json();
    const loop = await rep1.patch(`/api/v1/contacts/${a.id}`, { version: 1, reportsToId: b.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.details[0]).toMatchObject({ path: 'reportsToId', message: '汇报关系不能形成循环' });
    expect((await rep1.patch(`/api/v1/contacts/${a.id}`, { version: 1, reportsToId: a.id })).statusCode).toBe(400);
    const foreign = await rep1.post(`/api/v1/customers/${c.id}/contacts`, { name: '丙', reportsToId: outsider.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('reportsToId');
  });

  it('names each bad field and writes nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const before = await countRows(t, 'contacts', ws);
    const res = await rep1.post(`/api/v1/customers/${c.id}/contacts`, { name: '', email: 'not-mail', buyingRole: 'boss', birthday: '1990-02-30', mobile: '12' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['birthday', 'buyingRole', 'email', 'name']);
    const shortPhone = await rep1.post(`/api/v1/customers/${c.id}/contacts`, { name: '某', mobile: '12' });
    expect(shortPhone.json().error.details[0].path).toBe('mobile');
    expect(await countRows(t, 'contacts', ws)).toBe(before);
  });
});

describe('who sees contacts', () => {
  it('a rep never sees the contacts of another rep\'s customer; a read-only collaborator sees but cannot edit', async () => {
    const rep1 = await t.loginAs('rep1');
    const rep2 = await t.loginAs('rep2');
    const c = await createCustomer(rep1);
    const contact = (await rep1.post(`/api/v1/customers/${c.id}/contacts`, { name: '周经理', mobile: '13912345678' })).json() as ContactBody;
    expect((await rep2.get(`/api/v1/customers/${c.id}/contacts`)).statusCode).toBe(404);
    expect((await rep2.get(`/api/v1/contacts/${contact.id}`)).statusCode).toBe(404);
    expect((await rep2.patch(`/api/v1/contacts/${contact.id}`, { version: 1, name: '改名' })).statusCode).toBe(404);
    expect((await rep2.post(`/api/v1/customers/${c.id}/contacts`, { name: '插入' })).statusCode).toBe(404);
    expect((await rep2.post(`/api/v1/contacts/${contact.id}/merge`, { duplicateId: contact.id })).statusCode).toBe(400);

    await rep1.post(`/api/v1/customers/${c.id}/collaborators`, { userId: t.demo.userIds.rep2, access: 'read' });
    expect((await rep2.get(`/api/v1/contacts/${contact.id}`)).json().name).toBe('周经理');
    expect((await rep2.patch(`/api/v1/contacts/${contact.id}`, { version: 1, name: '改名' })).statusCode).toBe(403);
    expect((await rep2.post(`/api/v1/customers/${c.id}/contacts`, { name: '插入' })).statusCode).toBe(403);
    const [row] = await t.handle.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row!.name).toBe('周经理');
  });

  it('masks contact phone numbers for roles without the phone permission', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const contact = (await rep1.post(`/api/v1/customers/${c.id}/contacts`, { name: '吴会计', mobile: '13800138000', phone: '021-62345678' })).json() as ContactBody;
    const warehouse = await t.loginAs('warehouse1');
    expect((await warehouse.get(`/api/v1/contacts/${contact.id}`)).json()).toMatchObject({ mobile: '138****8000', phone: '021****5678' });
    expect((await warehouse.get(`/api/v1/customers/${c.id}/contacts`)).json().items[0]).toMatchObject({ mobile: '138****8000' });
    const finance = await t.loginAs('finance1');
    expect((await finance.get(`/api/v1/contacts/${contact.id}`)).json()).toMatchObject({ mobile: '13800138000', phone: '021-62345678' });
  });
});

describe('POST /contacts/{id}/merge', () => {
  it('merges a duplicate contact: reports move to the survivor, blanks are filled, the duplicate goes, audited', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const keep = (await rep1.post(`/api/v1/customers/${c.id}/contacts`, { name: '王总', buyingRole: 'economic_buyer' })).json() as ContactBody;
    const dup = (await rep1.post(`/api/v1/customers/${c.id}/contacts`, { name: '王总（重复）', mobile: '13700001111', email: 'w@example.cn', reportsToId: null })).json() as ContactBody;
    const report = (await rep1.post(`/api/v1/customers/${c.id}/contacts`, { name: '下属', reportsToId: dup.id })).json() as ContactBody;
    await rep1.patch(`/api/v1/contacts/${keep.id}`, { version: 1, reportsToId: dup.id });

    const res = await rep1.post(`/api/v1/contacts/${keep.id}/merge`, { duplicateId: dup.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ contact: { id: keep.id, name: '王总', mobile: '13700001111', email: 'w@example.cn', buyingRole: 'economic_buyer', reportsToId: null }, movedReports: 1 });
    expect((await rep1.get(`/api/v1/contacts/${report.id}`)).json().reportsToId).toBe(keep.id);
    expect((await rep1.get(`/api/v1/contacts/${dup.id}`)).statusCode).toBe(404);
    expect((await auditRows(t, ws, { entity: 'contact', entityId: keep.id, action: 'merge' }))).toHaveLength(1);

    const other = await createCustomer(rep1);
    const foreign = (await rep1.post(`/api/v1/customers/${other.id}/contacts`, { name: '外人' })).json() as ContactBody;
    expect((await rep1.post(`/api/v1/contacts/${keep.id}/merge`, { duplicateId: foreign.id })).statusCode).toBe(400);
  });
});
