import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import { addDays, addMonths, todayIn } from '../../../../shared/dates.js';
import { contacts, customerBorrowRecords, customerCollaborators, customerPoolEvents, customerProfiles, customers } from '../customers.schema.js';
import {
  allPages, createCustomer, customerRow, loginAll, newCompany, notificationsOf, setCustomerDates, type CustomerBody,
} from './customers.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const id = (username: string) => t.demo.userIds[username]!;
const today = todayIn('Asia/Shanghai');

interface Page { items: CustomerBody[]; nextCursor: string | null }
interface ErrorBody { error: { code: string; message: string; details?: { path: string; message: string }[] } }

describe('data scope: who sees which customer', () => {
  it('a rep never sees another rep\'s customer — not in the list, detail, counts, contacts or edits; the supervisor sees the team', async () => {
    const [rep1, rep2, rep3, supervisor, manager] = await loginAll(t, ['rep1', 'rep2', 'rep3', 'supervisor1', 'manager1']);
    const mine = await createCustomer(rep1, { tags: ['scope-test'] });
    await rep1.post(`/api/v1/customers/${mine.id}/contacts`, { name: '钱多多', buyingRole: 'economic_buyer' });
    const theirs = await createCustomer(rep3, { tags: ['scope-test'] });
    expect(mine.ownerId).toBe(id('rep1'));

    // rep2: nothing of rep1's, anywhere
    expect((await rep2.get(`/api/v1/customers/${mine.id}`)).statusCode).toBe(404);
    expect((await rep2.get(`/api/v1/customers/${mine.id}/contacts`)).statusCode).toBe(404);
    expect((await rep2.patch(`/api/v1/customers/${mine.id}`, { version: 1, industry: '偷看' })).statusCode).toBe(404);
    expect((await rep2.post(`/api/v1/customers/${mine.id}/contacts`, { name: '某人' })).statusCode).toBe(404);
    const rep2List = await allPages<CustomerBody>(rep2, '/api/v1/customers');
    expect(rep2List.length).toBeGreaterThan(0); // rep2 owns demo customers
    expect(rep2List.every((c) => c.ownerId === id('rep2'))).toBe(true);
    expect((await rep2.get(`/api/v1/customers?q=${encodeURIComponent(mine.name)}`)).json().items).toEqual([]);
    const rep2Counts = (await rep2.get('/api/v1/customers/counts?tag=scope-test')).json();
    expect(rep2Counts.total).toBe(0);
    const rep2All = (await rep2.get('/api/v1/customers/counts')).json();
    expect(rep2All.total).toBe(rep2List.length);

    // rep1 sees only their own, and the counts agree with the list
    const rep1List = await allPages<CustomerBody>(rep1, '/api/v1/customers');
    expect(rep1List.every((c) => c.ownerId === id('rep1'))).toBe(true);
    expect(rep1List.map((c) => c.id)).toContain(mine.id);
    expect((await rep1.get('/api/v1/customers/counts?tag=scope-test')).json()).toMatchObject({ total: 1 });

    // the supervisor of 销售一部 sees rep1's customer but not rep3's (销售二部); the sales manager sees both
    expect((await supervisor.get(`/api/v1/customers/${mine.id}`)).statusCode).toBe(200);
    expect((await supervisor.get(`/api/v1/customers/${theirs.id}`)).statusCode).toBe(404);
    const teamList = await allPages<CustomerBody>(supervisor, '/api/v1/customers');
    expect(new Set(teamList.map((c) => c.ownerId))).toEqual(new Set([id('rep1'), id('rep2'), id('supervisor1')]));
    expect((await supervisor.get('/api/v1/customers/counts?tag=scope-test')).json()).toMatchObject({ total: 1 });
    expect((await manager.get('/api/v1/customers/counts?tag=scope-test')).json()).toMatchObject({ total: 2 });
    expect((await manager.get(`/api/v1/customers/${theirs.id}/contacts`)).statusCode).toBe(200);
  });

  it('the administrator sees no business data, and cs_specialist reads but develops no new customers', async () => {
    const admin = await t.loginAs('admin');
    expect((await admin.get('/api/v1/customers')).statusCode).toBe(403);
    const cs = await t.loginAs('cs1');
    expect((await cs.get('/api/v1/customers?limit=5')).statusCode).toBe(200);
    const refused = await cs.post('/api/v1/customers', newCompany());
    expect(refused.statusCode).toBe(403);
    expect((await cs.get('/api/v1/customers/pool')).statusCode).toBe(403);
  });

  it('a department filter takes the team and its sub-teams; the owner filter takes `me`', async () => {
    const manager = await t.loginAs('manager1');
    const sales = await allPages<CustomerBody>(manager, `/api/v1/customers?departmentId=${t.demo.departmentIds.sales}`);
    const sales1 = await allPages<CustomerBody>(manager, `/api/v1/customers?departmentId=${t.demo.departmentIds.sales1}`);
    expect(sales.length).toBeGreaterThan(sales1.length);
    expect(sales1.every((c) => [id('rep1'), id('rep2'), id('supervisor1')].includes(c.ownerId!))).toBe(true);
    const rep1 = await t.loginAs('rep1');
    const me = await allPages<CustomerBody>(rep1, '/api/v1/customers?ownerId=me');
    expect(me.every((c) => c.ownerId === id('rep1'))).toBe(true);
  });
});

describe('POST /customers', () => {
  it('creates a customer owned by the rep from today, with an empty file, audited', async () => {
    const rep1 = await t.loginAs('rep1');
    const company = newCompany();
    const res = await rep1.post('/api/v1/customers', {
      ...company, creditCode: company.creditCode.toLowerCase(), industry: '制造业', valueClass: 'A', territoryId: t.demo.territoryIds.shanghai,
      address: '上海市浦东新区张江路 1 号', latitude: '31.203405', longitude: '121.590015', tags: ['重点客户', '重点客户'], customFields: { erp: 'SAP' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: company.name, creditCode: company.creditCode, valueClass: 'A', status: 'prospect', ownerId: id('rep1'), ownerName: '陈静',
      departmentId: t.demo.departmentIds.sales1, ownedSince: today, inPool: false, latitude: '31.203405', tags: ['重点客户'], version: 1,
      recycleOn: addDays(today, 30), phone: company.phone,
    });
    const [profile] = await t.handle.db.select().from(customerProfiles).where(eq(customerProfiles.customerId, body.id));
    expect(profile).toBeDefined();
    const audit = await auditRows(t, ws, { entity: 'customer', entityId: body.id });
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses an invalid credit code with 400 naming creditCode, localised, and writes nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const before = await countRows(t, 'customers', ws);
    const company = newCompany();
    const wrongCheck = company.creditCode.slice(0, 17) + (company.creditCode[17] === '0' ? '1' : '0');
    for (const code of [wrongCheck, '12345', '91440300K0000001O']) {
      const res = await rep1.post('/api/v1/customers', { ...company, creditCode: code });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'creditCode' }] });
      expect(res.json().error.message).toContain('统一社会信用代码');
    }
    const en = await rep1.post('/api/v1/customers', { ...company, creditCode: wrongCheck }, { 'accept-language': 'en-US' });
    expect(en.json().error.details[0].message).toMatch(/credit code/i);
    expect(await countRows(t, 'customers', ws)).toBe(before);
  });

  it('names each bad field: unknown fields, bad enums, coordinates, phone', async () => {
    const rep1 = await t.loginAs('rep1');
    const res = await rep1.post('/api/v1/customers', { ...newCompany(), valueClass: 'E', latitude: '91', phone: 'call me', colour: 'red' });
    expect(res.statusCode).toBe(400);
    const paths = (res.json() as ErrorBody).error.details!.map((d) => d.path).sort();
    expect(paths).toEqual(['colour', 'latitude', 'phone', 'valueClass']);
  });

  it('lets a supervisor assign within their team but not outside it, and a rep not at all', async () => {
    const supervisor = await t.loginAs('supervisor1');
    const ok = await supervisor.post('/api/v1/customers', { ...newCompany(), ownerId: id('rep2') });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ ownerId: id('rep2'), departmentId: t.demo.departmentIds.sales1 });
    const outside = await supervisor.post('/api/v1/customers', { ...newCompany(), ownerId: id('rep3') });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].path).toBe('ownerId');
    const notSales = await supervisor.post('/api/v1/customers', { ...newCompany(), ownerId: id('cs1') });
    expect(notSales.statusCode).toBe(400);
    const rep1 = await t.loginAs('rep1');
    expect((await rep1.post('/api/v1/customers', { ...newCompany(), ownerId: id('rep2') })).statusCode).toBe(403);
  });

  it('lets the front desk route a new customer to any rep; they see it masked and cannot open it afterwards', async () => {
    const reception = await t.loginAs('reception1');
    const company = newCompany();
    const res = await reception.post('/api/v1/customers', { ...company, ownerId: id('rep3') });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().ownerId).toBe(id('rep3'));
    expect(res.json().phone).toMatch(/^075\*{4}\d{4}$/);
    expect((await reception.get(`/api/v1/customers/${res.json().id}`)).statusCode).toBe(404);
  });
});

describe('duplicate check (查重)', () => {
  it('answers 409 DUPLICATE naming the owner only, for name variants, credit code and phone, and writes nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const rep2 = await t.loginAs('rep2');
    const original = await createCustomer(rep1, { name: '深圳凯思测控技术有限公司', website: 'https://secret.example.com', address: '机密地址 8 号' });
    await rep1.post(`/api/v1/customers/${original.id}/contacts`, { name: '孙采购', mobile: '139 0000 7755' });
    const before = await countRows(t, 'customers', ws);
    const fresh = newCompany();
    const attempts: [Record<string, unknown>, string][] = [
      [{ name: '深圳凯思测控技术股份有限公司' }, 'name'],
      [{ name: '深圳凯思测控技术（深圳）有限公司' }, 'name'],
      [{ name: '深圳凯思测控技术有限责任公司' }, 'name'],
      [{ name: '深圳 凯思 测控技术 有限公司' }, 'name'],
      [{ name: '深圳凯思测控技术\u3000有限公司' }, 'name'],
      [{ creditCode: String(original.creditCode).toLowerCase() }, 'creditCode'],
      [{ phone: `(${String(original.phone).replace('-', ') ')}` }, 'phone'],
      [{ phone: '13900007755' }, 'phone'], // the phone of one of its contacts
    ];
    for (const [changes, path] of attempts) {
      const res = await rep2.post('/api/v1/customers', { ...fresh, ...changes });
      expect(res.statusCode, JSON.stringify(changes)).toBe(409);
      const body = res.json() as ErrorBody;
      expect(body.error).toMatchObject({ code: 'DUPLICATE', message: '已存在相同客户（负责人：陈静）', details: [{ path, message: '已存在相同客户（负责人：陈静）' }] });
      for (const secret of [original.id, 'secret.example.com', '机密地址', '孙采购']) expect(res.body).not.toContain(secret);
    }
    const en = await rep2.post('/api/v1/customers', { ...fresh, name: original.name }, { 'accept-language': 'en-US' });
    expect(en.json().error.message).toBe('This customer already exists (owner: 陈静)');
    expect(await countRows(t, 'customers', ws)).toBe(before);
  });

  it('checks edits too: renaming into another customer\'s name is refused and the record keeps its version', async () => {
    const rep1 = await t.loginAs('rep1');
    const a = await createCustomer(rep1);
    const b = await createCustomer(rep1);
    const res = await rep1.patch(`/api/v1/customers/${b.id}`, { version: 1, name: a.name.replace('有限公司', '股份有限公司') });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE');
    const credit = await rep1.patch(`/api/v1/customers/${b.id}`, { version: 1, creditCode: a.creditCode });
    expect(credit.json().error).toMatchObject({ code: 'DUPLICATE', details: [{ path: 'creditCode' }] });
    expect((await customerRow(t, b.id))).toMatchObject({ name: b.name, version: 1 });
    // re-sending its own identity is not a duplicate of itself
    const same = await rep1.patch(`/api/v1/customers/${b.id}`, { version: 1, name: b.name, creditCode: b.creditCode, phone: b.phone });
    expect(same.statusCode, same.body).toBe(200);
  });

  it('names a pool customer as in the pool', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    expect((await rep1.post(`/api/v1/customers/${c.id}/release`, {})).statusCode).toBe(200);
    const res = await (await t.loginAs('rep3')).post('/api/v1/customers', { ...newCompany(), name: c.name });
    expect(res.json().error).toMatchObject({ code: 'DUPLICATE', message: '已存在相同客户（在公海中）' });
  });

  it('lets only one of two simultaneous creations of the same company through', async () => {
    const [rep1, rep2] = await Promise.all([t.loginAs('rep1'), t.loginAs('rep2')]);
    const company = newCompany();
    const results = await Promise.all([rep1.post('/api/v1/customers', company), rep2.post('/api/v1/customers', { ...company, creditCode: null, phone: null })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await allPages<CustomerBody>(await t.loginAs('gm'), `/api/v1/customers?q=${encodeURIComponent(company.name)}`))).toHaveLength(1);
  });
});

describe('PATCH /customers/{id}', () => {
  it('changes the summary with the version read, audited; a stale version gets 409 and changes nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const ok = await rep1.patch(`/api/v1/customers/${c.id}`, { version: 1, status: 'active', valueClass: 'B', tags: ['老客户'] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'active', valueClass: 'B', tags: ['老客户'], version: 2 });
    const stale = await rep1.patch(`/api/v1/customers/${c.id}`, { version: 1, status: 'lost' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect(await customerRow(t, c.id)).toMatchObject({ status: 'active', version: 2 });
    const audit = await auditRows(t, ws, { entity: 'customer', entityId: c.id, action: 'update' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { status: 'prospect' }, after: { status: 'active' } });
  });

  it('refuses to change the owner directly (transfer, claim or release do that)', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const res = await rep1.patch(`/api/v1/customers/${c.id}`, { version: 1, ownerId: id('rep2') });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('ownerId');
    expect((await rep1.patch(`/api/v1/customers/${c.id}`, { version: 1, ownerId: id('rep1'), industry: '电子' })).statusCode).toBe(200);
  });
});

describe('GET /customers (filters, sort, paging)', () => {
  it('filters by class, status, territory (with sub-territories), industry, tag, dates and "not followed up for N days"', async () => {
    const rep1 = await t.loginAs('rep1');
    const tag = `f${Date.now() % 100000}`;
    const a = await createCustomer(rep1, { tags: [tag], valueClass: 'A', status: 'active', industry: '医药医疗', territoryId: t.demo.territoryIds.shanghai });
    const b = await createCustomer(rep1, { tags: [tag], valueClass: 'D', status: 'prospect', industry: '物流', territoryId: t.demo.territoryIds.beijing });
    const c = await createCustomer(rep1, { tags: [tag], valueClass: 'A', status: 'dormant', industry: '物流' });
    await setCustomerDates(t, a.id, { lastFollowUpOn: addDays(today, -40) });
    await setCustomerDates(t, b.id, { lastFollowUpOn: addDays(today, -5) });
    const ids = async (query: string) => (await allPages<CustomerBody>(rep1, `/api/v1/customers?tag=${tag}&${query}`)).map((x) => x.id).sort();
    expect(await ids('valueClass=A')).toEqual([a.id, c.id].sort());
    expect(await ids('status=prospect')).toEqual([b.id]);
    expect(await ids(`territoryId=${t.demo.territoryIds.east}`)).toEqual([a.id]);
    expect(await ids(`territoryId=${t.demo.territoryIds.north}`)).toEqual([b.id]);
    expect(await ids(`industry=${encodeURIComponent('物流')}`)).toEqual([b.id, c.id].sort());
    expect(await ids('notFollowedUpDays=30')).toEqual([a.id]);
    expect(await ids(`notFollowedUpDays=30&asOf=${addDays(today, 30)}`)).toEqual([a.id, b.id, c.id].sort()); // c: never followed up, owned since today
    expect(await ids(`createdFrom=${today}&createdTo=${today}`)).toEqual([a.id, b.id, c.id].sort());
    expect(await ids(`createdTo=${addDays(today, -1)}`)).toEqual([]);
    expect(await ids(`updatedFrom=${addDays(today, 1)}`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent(a.name.slice(2, 8))}`)).toEqual([a.id]);
    const counts = (await rep1.get(`/api/v1/customers/counts?tag=${tag}`)).json();
    expect(counts).toEqual({ total: 3, byValueClass: { A: 2, B: 0, C: 0, D: 1 }, byStatus: { prospect: 1, active: 1, dormant: 1, lost: 0 } });
  });

  it('"not followed up for N days" counts the last follow-up, else the day the owner took the customer over: N−1 out, N and N+1 in', async () => {
    const rep1 = await t.loginAs('rep1');
    const tag = `n${Date.now() % 100000}`;
    const days = [29, 30, 31];
    const followedUp = await Promise.all(days.map(() => createCustomer(rep1, { tags: [tag] })));
    const takenOver = await Promise.all(days.map(() => createCustomer(rep1, { tags: [tag] })));
    for (const [i, ago] of days.entries()) {
      await setCustomerDates(t, followedUp[i]!.id, { lastFollowUpOn: addDays(today, -ago), ownedSince: addDays(today, -400) });
      await setCustomerDates(t, takenOver[i]!.id, { ownedSince: addDays(today, -ago) });
    }
    const ids = async (query: string) => (await allPages<CustomerBody>(rep1, `/api/v1/customers?tag=${tag}&${query}`)).map((x) => x.id).sort();
    expect(await ids('notFollowedUpDays=30')).toEqual([followedUp[1]!.id, followedUp[2]!.id, takenOver[1]!.id, takenOver[2]!.id].sort());
    expect(await ids(`notFollowedUpDays=30&asOf=${addDays(today, -1)}`)).toEqual([followedUp[2]!.id, takenOver[2]!.id].sort());
    // a rep's stale list is found matches-first (listCustomers `matchFirst`): it still sorts and pages like any list
    const onePerPage = (order: 'asc' | 'desc') => allPages<CustomerBody>(rep1, `/api/v1/customers?tag=${tag}&notFollowedUpDays=30&order=${order}`, 1);
    const newestFirst = await onePerPage('desc');
    expect(newestFirst.map((x) => x.id).sort()).toEqual(await ids('notFollowedUpDays=30'));
    const updated = newestFirst.map((x) => String(x.updatedAt));
    expect(updated.every((at, i) => i === 0 || updated[i - 1]! >= at)).toBe(true);
    expect((await onePerPage('asc')).map((x) => x.id)).toEqual(newestFirst.map((x) => x.id).reverse());
  });

  it('sorts by name or last change and pages with a cursor without repeating or skipping', async () => {
    const rep1 = await t.loginAs('rep1');
    const tag = `p${Date.now() % 100000}`;
    for (let i = 0; i < 5; i++) await createCustomer(rep1, { tags: [tag] });
    const collect = async (query: string) => {
      const seen: CustomerBody[] = [];
      let cursor: string | null = null;
      do {
        const res = await rep1.get(`/api/v1/customers?tag=${tag}&limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`);
        const page = res.json() as Page;
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const byName = await collect('sort=name');
    expect(byName).toHaveLength(5);
    expect(byName.map((c) => c.name)).toEqual([...byName.map((c) => c.name)].sort());
    const byChange = await collect('sort=updatedAt');
    expect(new Set(byChange.map((c) => c.id)).size).toBe(5);
    expect(byChange.map((c) => c.updatedAt)).toEqual([...byChange.map((c) => c.updatedAt)].sort().reverse());
    expect((await rep1.get('/api/v1/customers?cursor=not-a-cursor')).statusCode).toBe(400);
  });
});

describe('field-level masking', () => {
  it('masks phone numbers for warehouse and front desk, in list and detail, and shows them to sales and finance', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1, { phone: '138-0013-8000' });
    for (const username of ['warehouse1']) {
      const client = await t.loginAs(username);
      const detail = (await client.get(`/api/v1/customers/${c.id}`)).json();
      expect(detail.phone).toBe('138****8000');
      const listed = (await client.get(`/api/v1/customers?q=${encodeURIComponent(c.name)}`)).json().items;
      expect(listed[0].phone).toBe('138****8000');
    }
    for (const username of ['rep1', 'finance1', 'supervisor1']) {
      const client = await t.loginAs(username);
      expect((await client.get(`/api/v1/customers/${c.id}`)).json().phone).toBe('138-0013-8000');
    }
  });
});

describe('confidential file and borrow records (借阅记录)', () => {
  it('needs a purpose, writes a borrow record and an audit "view"; managers may open it, collaborators and CS staff may not', async () => {
    const rep1 = await t.loginAs('rep1');
    const rep2 = await t.loginAs('rep2');
    const c = await createCustomer(rep1);
    const borrowed = async () => (await t.handle.db.select().from(customerBorrowRecords).where(eq(customerBorrowRecords.customerId, c.id))).length;

    const noPurpose = await rep1.get(`/api/v1/customers/${c.id}/file`);
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().error.details[0].path).toBe('purpose');
    expect(await borrowed()).toBe(0);

    const opened = await rep1.get(`/api/v1/customers/${c.id}/file?purpose=${encodeURIComponent('准备季度拜访')}`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ customerId: c.id, keyPeople: null, version: 1 });
    expect(await borrowed()).toBe(1);
    const views = await auditRows(t, ws, { entity: 'customer_file', entityId: c.id, action: 'view' });
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ actorId: id('rep1'), after: { purpose: '准备季度拜访' } });

    // rep2 sees the summary as a collaborator, but the file stays closed
    expect((await rep1.post(`/api/v1/customers/${c.id}/collaborators`, { userId: id('rep2'), access: 'write' })).statusCode).toBe(201);
    const detail = (await rep2.get(`/api/v1/customers/${c.id}`)).json();
    expect(detail.access).toMatchObject({ collaboration: 'write', canEdit: true, canOpenFile: false, canManage: false });
    const refused = await rep2.get(`/api/v1/customers/${c.id}/file?purpose=${encodeURIComponent('看看')}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('客户档案保密');
    expect((await rep2.get(`/api/v1/customers/${c.id}/borrow-records`)).statusCode).toBe(403);
    const cs = await t.loginAs('cs1');
    expect((await cs.get(`/api/v1/customers/${c.id}/file?purpose=${encodeURIComponent('回访')}`)).statusCode).toBe(403);
    expect(await borrowed()).toBe(1);

    // the owner's supervisor and the CS manager may open it
    for (const username of ['supervisor1', 'csm']) {
      const res = await (await t.loginAs(username)).get(`/api/v1/customers/${c.id}/file?purpose=${encodeURIComponent('抽查')}`);
      expect(res.statusCode, username).toBe(200);
    }
    const records = (await rep1.get(`/api/v1/customers/${c.id}/borrow-records`)).json().items;
    expect(records.map((r: { user: { id: string }; purpose: string }) => [r.user.id, r.purpose])).toEqual([
      [id('csm'), '抽查'], [id('supervisor1'), '抽查'], [id('rep1'), '准备季度拜访'],
    ]);

    // a manager lists who opened what across the team; a rep may not
    const supervisor = await t.loginAs('supervisor1');
    const byRep1 = (await supervisor.get(`/api/v1/borrow-records?userId=${id('rep1')}`)).json().items;
    expect(byRep1.some((r: { customerId: string }) => r.customerId === c.id)).toBe(true);
    const byCsm = (await supervisor.get(`/api/v1/borrow-records?userId=${id('csm')}`)).json().items;
    expect(byCsm).toEqual([]); // csm is outside the supervisor's scope
    expect((await rep1.get('/api/v1/borrow-records')).statusCode).toBe(403);
  });

  it('edits the sections with a version check and marks the file reviewed', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    await setCustomerDates(t, c.id, { reviewedOn: addMonths(today, -4) });
    expect((await rep1.get(`/api/v1/customers/${c.id}`)).json().isFileStale).toBe(true);
    const saved = await rep1.patch(`/api/v1/customers/${c.id}/file`, { version: 1, keyPeople: '王总拍板', decisionModel: '集体决策' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ keyPeople: '王总拍板', reviewedOn: today, isFileStale: false, version: 2 });
    const stale = await rep1.patch(`/api/v1/customers/${c.id}/file`, { version: 1, keyPeople: '覆盖' });
    expect(stale.statusCode).toBe(409);
    const detail = (await rep1.get(`/api/v1/customers/${c.id}`)).json();
    expect(detail).toMatchObject({ reviewedOn: today, isFileStale: false, version: 1 });
    const reopened = (await rep1.get(`/api/v1/customers/${c.id}/file?purpose=${encodeURIComponent('核对')}`)).json();
    expect(reopened.keyPeople).toBe('王总拍板');
    // a list query never reads the sections
    const listed = (await rep1.get(`/api/v1/customers?q=${encodeURIComponent(c.name)}`)).json().items[0];
    expect(listed).not.toHaveProperty('keyPeople');
  });

  it('lists files not reviewed for three months for the CS manager, and flags them for the owner', async () => {
    const rep1 = await t.loginAs('rep1');
    const old = await createCustomer(rep1, { tags: ['stale-test'] });
    const fresh = await createCustomer(rep1, { tags: ['stale-test'] });
    await setCustomerDates(t, old.id, { reviewedOn: addMonths(today, -3) });
    await setCustomerDates(t, fresh.id, { reviewedOn: addDays(addMonths(today, -3), 1) });
    const csm = await t.loginAs('csm');
    const stale = (await allPages<CustomerBody>(csm, `/api/v1/customers/stale-files?asOf=${today}`)).map((c) => c.id);
    expect(stale).toContain(old.id);
    expect(stale).not.toContain(fresh.id);
    const later = (await allPages<CustomerBody>(csm, `/api/v1/customers/stale-files?asOf=${addDays(today, 40)}`)).map((c) => c.id);
    expect(later).toContain(fresh.id);
    expect((await rep1.get('/api/v1/customers/stale-files')).statusCode).toBe(403);
    const mine = (await allPages<CustomerBody>(rep1, '/api/v1/customers?tag=stale-test&fileStale=true')).map((c) => c.id);
    expect(mine).toEqual([old.id]);
  });
});

describe('POST /customers/{id}/transfer (approval)', () => {
  it('moves ownership only when the supervisor and then the sales manager approve', async () => {
    const [rep1, rep2, supervisor, manager] = await loginAll(t, ['rep1', 'rep2', 'supervisor1', 'manager1']);
    const c = await createCustomer(rep1);
    const res = await rep1.post(`/api/v1/customers/${c.id}/transfer`, { toUserId: id('rep2'), reason: '区域调整' });
    expect(res.statusCode, res.body).toBe(202);
    const { approvalId, status } = res.json();
    expect(status).toBe('pending');
    expect((await customerRow(t, c.id))!.ownerId).toBe(id('rep1'));
    expect((await rep1.get(`/api/v1/customers/${c.id}`)).json().access.pendingTransferApprovalId).toBe(approvalId);
    const again = await rep1.post(`/api/v1/customers/${c.id}/transfer`, { toUserId: id('rep2'), reason: '再次' });
    expect(again.statusCode).toBe(422);
    expect((await rep1.post(`/api/v1/customers/${c.id}/release`, {})).statusCode).toBe(422); // in approval

    expect((await supervisor.post(`/api/v1/approvals/${approvalId}/approve`, { comment: '同意' })).json().status).toBe('pending');
    expect((await customerRow(t, c.id))!.ownerId).toBe(id('rep1'));
    expect((await manager.post(`/api/v1/approvals/${approvalId}/approve`, {})).json().status).toBe('approved');

    expect(await customerRow(t, c.id)).toMatchObject({ ownerId: id('rep2'), departmentId: t.demo.departmentIds.sales1, ownedSince: today, version: 2 });
    expect((await rep1.get(`/api/v1/customers/${c.id}`)).statusCode).toBe(404);
    expect((await rep2.get(`/api/v1/customers/${c.id}`)).json()).toMatchObject({ ownerId: id('rep2'), ownerName: '杨帆' });
    const audit = await auditRows(t, ws, { entity: 'customer', entityId: c.id });
    expect(audit.map((a) => a.action)).toEqual(['create', 'transfer_requested', 'transfer']);
    const events = await t.handle.db.select().from(customerPoolEvents).where(eq(customerPoolEvents.customerId, c.id));
    expect(events).toMatchObject([{ kind: 'transfer', userId: id('rep2'), actorId: id('manager1'), reason: '区域调整' }]);
    expect((await notificationsOf(t, rep2)).some((n) => n.kind === 'customer_transferred')).toBe(true);
  });

  it('refuses a transfer of a customer the caller cannot see (404) and to someone who cannot own customers (400)', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    expect((await (await t.loginAs('rep2')).post(`/api/v1/customers/${c.id}/transfer`, { toUserId: id('rep2'), reason: '想要' })).statusCode).toBe(404);
    const cs = await rep1.post(`/api/v1/customers/${c.id}/transfer`, { toUserId: id('cs1'), reason: '交客服' });
    expect(cs.statusCode).toBe(400);
    expect(cs.json().error.details[0].path).toBe('toUserId');
    expect((await rep1.post(`/api/v1/customers/${c.id}/transfer`, { toUserId: id('rep1'), reason: '自己' })).statusCode).toBe(400);
  });

  it('voids an approved transfer when the customer changed hands meanwhile', async () => {
    const [rep1, supervisor, manager] = await loginAll(t, ['rep1', 'supervisor1', 'manager1']);
    const c = await createCustomer(rep1);
    const { approvalId } = (await supervisor.post(`/api/v1/customers/${c.id}/transfer`, { toUserId: id('rep2'), reason: '调整' })).json();
    // the rep's supervisor asked; the flow goes to the supervisor's own manager, then the sales manager
    await t.handle.db.update(customers).set({ ownerId: id('supervisor1') }).where(eq(customers.id, c.id));
    await manager.post(`/api/v1/approvals/${approvalId}/approve`, {});
    await manager.post(`/api/v1/approvals/${approvalId}/approve`, {});
    expect((await customerRow(t, c.id))!.ownerId).toBe(id('supervisor1'));
    expect((await auditRows(t, ws, { entity: 'customer', entityId: c.id, action: 'transfer_void' }))).toHaveLength(1);
  });
});

describe('collaborators (协作人)', () => {
  it('gives read or write access until the expiry date, and takes it back', async () => {
    const rep1 = await t.loginAs('rep1');
    const rep2 = await t.loginAs('rep2');
    const c = await createCustomer(rep1);
    const added = await rep1.post(`/api/v1/customers/${c.id}/collaborators`, { userId: id('rep2'), access: 'read', expiresOn: addDays(today, 7) });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ user: { id: id('rep2'), name: '杨帆' }, access: 'read', isActive: true });
    expect((await rep2.get(`/api/v1/customers/${c.id}`)).statusCode).toBe(200);
    expect((await allPages<CustomerBody>(rep2, '/api/v1/customers')).map((x) => x.id)).toContain(c.id);
    expect((await rep2.patch(`/api/v1/customers/${c.id}`, { version: 1, industry: '电子' })).statusCode).toBe(403);
    expect((await rep2.post(`/api/v1/customers/${c.id}/collaborators`, { userId: id('rep3') })).statusCode).toBe(403); // collaborators do not share further

    const upgraded = await rep1.post(`/api/v1/customers/${c.id}/collaborators`, { userId: id('rep2'), access: 'write' });
    expect(upgraded.statusCode).toBe(200);
    expect((await rep2.patch(`/api/v1/customers/${c.id}`, { version: 1, industry: '电子' })).statusCode).toBe(200);
    expect((await rep1.get(`/api/v1/customers/${c.id}/collaborators`)).json().items).toHaveLength(1);

    // an expired collaboration is no collaboration
    await t.handle.db.update(customerCollaborators).set({ expiresOn: addDays(today, -1) }).where(eq(customerCollaborators.customerId, c.id));
    expect((await rep2.get(`/api/v1/customers/${c.id}`)).statusCode).toBe(404);
    expect((await rep1.get(`/api/v1/customers/${c.id}/collaborators`)).json().items[0].isActive).toBe(false);

    expect((await rep1.delete(`/api/v1/customers/${c.id}/collaborators/${id('rep2')}`)).statusCode).toBe(204);
    expect((await rep1.delete(`/api/v1/customers/${c.id}/collaborators/${id('rep2')}`)).statusCode).toBe(404);
    expect((await auditRows(t, ws, { entity: 'customer', entityId: c.id })).map((a) => a.action)).toEqual(['create', 'share', 'share', 'update', 'unshare']);
    expect((await rep1.post(`/api/v1/customers/${c.id}/collaborators`, { userId: id('rep1') })).statusCode).toBe(400);
    expect((await rep1.post(`/api/v1/customers/${c.id}/collaborators`, { userId: id('rep2'), expiresOn: addDays(today, -1) })).statusCode).toBe(400);
  });
});

describe('POST /customers/{id}/merge', () => {
  it('moves contacts, collaborators, borrow records and pool history to the survivor, fills blanks, removes the duplicate, audited', async () => {
    const [rep1, supervisor] = await Promise.all([t.loginAs('rep1'), t.loginAs('supervisor1')]);
    const survivor = await createCustomer(rep1, { website: null, tags: ['老客户'] });
    await rep1.post(`/api/v1/customers/${survivor.id}/contacts`, { name: '甲经理' });
    const duplicate = await createCustomer(rep1, { website: 'https://dup.example.cn', tags: ['招投标'] });
    for (const name of ['乙工程师', '丙主任']) await rep1.post(`/api/v1/customers/${duplicate.id}/contacts`, { name });
    await rep1.patch(`/api/v1/customers/${duplicate.id}/file`, { version: 1, needs: '设备升级' });
    expect((await rep1.post(`/api/v1/customers/${duplicate.id}/release`, {})).statusCode).toBe(200);
    expect((await supervisor.post(`/api/v1/customers/${duplicate.id}/claim`, {})).statusCode).toBe(200);
    expect((await supervisor.post(`/api/v1/customers/${duplicate.id}/collaborators`, { userId: id('rep2') })).statusCode).toBe(201);
    expect((await supervisor.get(`/api/v1/customers/${duplicate.id}/file?purpose=${encodeURIComponent('合并前核对')}`)).statusCode).toBe(200);

    const res = await supervisor.post(`/api/v1/customers/${survivor.id}/merge`, { duplicateId: duplicate.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      customer: { id: survivor.id, ownerId: id('rep1'), website: 'https://dup.example.cn', version: 2 },
      moved: { contacts: 2, collaborators: 1, borrowRecords: 1, poolEvents: 2 },
    });
    expect(res.json().customer.tags.sort()).toEqual(['招投标', '老客户'].sort());
    expect((await supervisor.get(`/api/v1/customers/${duplicate.id}`)).statusCode).toBe(404);
    const contactNames = (await rep1.get(`/api/v1/customers/${survivor.id}/contacts`)).json().items.map((c: { name: string }) => c.name).sort();
    expect(contactNames).toEqual(['丙主任', '乙工程师', '甲经理'].sort());
    expect((await rep1.get(`/api/v1/customers/${survivor.id}/collaborators`)).json().items.map((c: { user: { id: string } }) => c.user.id)).toEqual([id('rep2')]);
    expect((await rep1.get(`/api/v1/customers/${survivor.id}/borrow-records`)).json().items.map((r: { purpose: string }) => r.purpose)).toContain('合并前核对');
    expect((await t.handle.db.select().from(customerPoolEvents).where(eq(customerPoolEvents.customerId, survivor.id))).map((e) => e.kind).sort()).toEqual(['claim', 'release']);
    expect((await rep1.get(`/api/v1/customers/${survivor.id}/file?purpose=${encodeURIComponent('核对')}`)).json().needs).toBe('设备升级');
    expect(await t.handle.db.select().from(customerProfiles).where(eq(customerProfiles.customerId, duplicate.id))).toEqual([]);
    expect(await t.handle.db.select().from(contacts).where(and(eq(contacts.customerId, duplicate.id)))).toEqual([]);
    expect((await auditRows(t, ws, { entity: 'customer', entityId: survivor.id, action: 'merge' }))).toHaveLength(1);
    expect((await auditRows(t, ws, { entity: 'customer', entityId: duplicate.id, action: 'merged_into' }))[0]!.after).toEqual({ survivorId: survivor.id });
    // the duplicate's owner did the merge themselves: nobody to tell
    expect((await notificationsOf(t, supervisor)).some((n) => n.kind === 'customer_merged')).toBe(false);
  });

  it('answers 404 when the caller cannot see either customer, and moves nothing', async () => {
    const manager = await t.loginAs('manager1');
    const rep1 = await t.loginAs('rep1');
    const mine = await createCustomer(rep1);
    const other = await createCustomer(await t.loginAs('rep2'));
    await (await t.loginAs('rep2')).post(`/api/v1/customers/${other.id}/contacts`, { name: '丁' });
    const supervisor = await t.loginAs('supervisor1');
    const rep3s = await createCustomer(await t.loginAs('rep3'));
    expect((await supervisor.post(`/api/v1/customers/${mine.id}/merge`, { duplicateId: rep3s.id })).statusCode).toBe(404);
    expect((await supervisor.post(`/api/v1/customers/${rep3s.id}/merge`, { duplicateId: mine.id })).statusCode).toBe(404);
    expect((await rep1.post(`/api/v1/customers/${mine.id}/merge`, { duplicateId: other.id })).statusCode).toBe(403); // reps do not merge
    expect((await manager.post(`/api/v1/customers/${mine.id}/merge`, { duplicateId: mine.id })).statusCode).toBe(400);
    expect(await customerRow(t, rep3s.id)).not.toBeNull();
    expect((await t.handle.db.select().from(contacts).where(eq(contacts.customerId, other.id)))).toHaveLength(1);
  });
});

describe('the customer list search box', () => {
  it('finds customers by pinyin initials and full pinyin, within the caller’s scope only', async () => {
    const [rep1, rep2] = await Promise.all([t.loginAs('rep1'), t.loginAs('rep2')]);
    const customer = await createCustomer(rep1, { name: '宁波拼音检索测试有限公司' });
    for (const q of ['nbpyjscs', 'NBPY', 'ningbopinyin']) {
      expect((await allPages<CustomerBody>(rep1, `/api/v1/customers?q=${q}`)).map((c) => c.id), q).toEqual([customer.id]);
      expect(await allPages<CustomerBody>(rep2, `/api/v1/customers?q=${q}`), q).toEqual([]);
    }
  });
});
