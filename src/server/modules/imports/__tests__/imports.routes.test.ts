import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestContext } from '../../../../../test/harness.js';
import { creditCodeCheckChar } from '../../customers/customers.rules.js';
import { failInterruptedImports } from '../index.js';
import { importJobs } from '../imports.schema.js';
import { auditRows, companies, customerByName, fixture, footprint, report, upload, XLSX } from './imports.fixtures.js';

let t: TestContext;
let rep1: Client;
let rep2: Client;
let manager1: Client;
let names: Record<string, string>;

let codeSerial = 0;
const code = (prefix = '91330100MA2') => {
  const first17 = `${prefix}${String(process.pid % 100).padStart(2, '0')}${String(++codeSerial).padStart(4, '0')}`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17)!;
};
const csv = (rows: (string | null)[][]) => `${Papa.unparse(rows.map((r) => r.map((c) => c ?? '')), { newline: '\r\n' })}\r\n`;
const header = ['客户名称', '统一社会信用代码', '电话', '行业'];
const lines = (list: { name: string; creditCode: string; phone: string }[], industry = '制造') => list.map((c) => [c.name, c.creditCode, c.phone, industry]);

beforeAll(async () => {
  t = await setupTestApp();
  [rep1, rep2, manager1] = [await t.loginAs('rep1'), await t.loginAs('rep2'), await t.loginAs('manager1')];
  names = {};
  for (const [u, c] of [['rep1', rep1], ['rep2', rep2], ['manager1', manager1]] as const) names[u] = ((await c.get('/api/v1/auth/me')).json() as { user: { name: string } }).user.name;
});

describe('dry run', () => {
  it('reports what a GBK file (as Excel saves CSV in China) would do, and writes nothing at all', async () => {
    const before = await footprint(t);
    const r = await report(await upload(t, rep1, 'customers', fixture('customers-gbk.csv')));
    expect(r).toMatchObject({ outcome: 'dry_run', encoding: 'gb18030', format: 'csv', totalRows: 2, errors: [], counts: { created: 2, updated: 0, skipped: 0, invalidRows: 0 } });
    expect(r.columns.map((c) => c.field)).toEqual(['name', 'creditCode', 'industry', 'valueClass', 'phone', 'tags', null]);
    expect(await footprint(t)).toEqual(before);
  });

  it('lists every bad row with its Excel row number, the column as headed in the file and a localised reason', async () => {
    const file = csv([header, ['好公司科技有限公司', code(), '021-1234 5678', '软件'], ['坏代码有限公司', '91330100MA2XXXXXXX', '021-1234 5679', ''], ['', '', 'abc', '']]);
    const before = await footprint(t);
    const zh = await report(await upload(t, rep1, 'customers', file));
    expect(zh.errors).toEqual([
      { row: 3, column: '统一社会信用代码', field: 'creditCode', reason: '统一社会信用代码无效（应为 18 位且校验位正确）' },
      { row: 4, column: '客户名称', field: 'name', reason: '必填' },
      { row: 4, column: '电话', field: 'phone', reason: expect.any(String) },
    ]);
    const en = await report(await upload(t, rep1, 'customers', file, {}, { 'accept-language': 'en-US' }));
    expect(en.errors[0]!.reason).toMatch(/credit code/i);
    expect(zh.counts).toMatchObject({ created: 1, invalidRows: 2 });
    expect(await footprint(t)).toEqual(before);
  });
});

describe('real run', () => {
  it('imports a GBK file: owners, tags split on Chinese separators, value class from 「A类」, one import audit row with counts and one per customer', async () => {
    const r = await report(await upload(t, rep1, 'customers', fixture('customers-gbk.csv'), { dryRun: 'false', fileName: 'gbk.csv' }));
    expect(r).toMatchObject({ outcome: 'committed', counts: { created: 2 } });
    const row = await customerByName(t, '上海沪光精密仪器有限公司');
    expect(row).toMatchObject({ valueClass: 'A', industry: '仪器仪表', tags: ['重点', '华东', '仪器'], phoneNormalised: '02162345678' });
    expect(row!.ownerId).not.toBeNull();
    const fileAudit = (await auditRows(t, 'import', 'import')).find((a) => (a.after as { fileName: string }).fileName === 'gbk.csv');
    expect(fileAudit?.after).toMatchObject({ entity: 'customers', outcome: 'committed', counts: { created: 2 } });
    expect((await auditRows(t, 'customer', 'import_create')).some((a) => a.entityId === row!.id)).toBe(true);
  });

  it('a bad row aborts an all-or-nothing import: nothing written, the report names the row', async () => {
    const good = companies(2, () => code());
    const file = csv([header, ...lines(good), ['另一家有限公司', 'BAD', '', '']]);
    const before = await footprint(t);
    const r = await report(await upload(t, rep1, 'customers', file, { dryRun: 'false' }));
    expect(r).toMatchObject({ outcome: 'rejected', counts: { created: 0, invalidRows: 1 } });
    expect(r.errors).toEqual([expect.objectContaining({ row: 4, column: '统一社会信用代码' })]);
    expect(await footprint(t)).toEqual(before);
    expect(await customerByName(t, good[0]!.name)).toBeNull();
  });

  it('mode=batches commits the good batches and reports the failed one', async () => {
    const good = companies(3, () => code());
    const file = csv([header, ...lines(good.slice(0, 2)), ['批次坏行有限公司', 'BAD', '', ''], ...lines(good.slice(2))]);
    const r = await report(await upload(t, rep1, 'customers', file, { dryRun: 'false', mode: 'batches', batchSize: '2' }));
    expect(r.outcome).toBe('partial');
    expect(r.batches.map((b) => [b.fromRow, b.toRow, b.status])).toEqual([[2, 3, 'committed'], [4, 5, 'failed']]);
    expect(r.counts.created).toBe(2);
    expect(await customerByName(t, good[0]!.name)).not.toBeNull();
    expect(await customerByName(t, good[2]!.name)).toBeNull();
  });
});

describe('duplicates', () => {
  const existing = companies(1, () => code())[0]!;
  beforeAll(async () => {
    expect((await rep1.post('/api/v1/customers', existing)).statusCode).toBe(201);
  });

  it('skip: a row matching an existing customer (by credit code, name or phone) is skipped and counted', async () => {
    const fresh = companies(1, () => code())[0]!;
    const file = csv([header, [existing.name.replace('有限公司', '（上海）有限公司'), code(), '', ''], ['别名有限公司', existing.creditCode, '', ''], ...lines([fresh])]);
    const before = await footprint(t);
    const r = await report(await upload(t, rep1, 'customers', file, { dryRun: 'false', onDuplicate: 'skip' }));
    expect(r).toMatchObject({ outcome: 'committed', counts: { created: 1, skipped: 2, duplicates: 2 } });
    expect((await footprint(t)).customers).toBe(before.customers + 1);
  });

  it('update: the existing customer takes the non-empty cells, version + 1, audited with before and after', async () => {
    const before = await customerByName(t, existing.name);
    const r = await report(await upload(t, rep1, 'customers', csv([['公司名称', '行业', '网址'], [existing.name, '新能源', '']]), { dryRun: 'false', onDuplicate: 'update' }));
    expect(r).toMatchObject({ outcome: 'committed', counts: { updated: 1, created: 0 } });
    const after = await customerByName(t, existing.name);
    expect(after).toMatchObject({ industry: '新能源', phone: before!.phone, version: before!.version + 1, ownerId: before!.ownerId });
    const audit = (await auditRows(t, 'customer', 'import_update')).find((a) => a.entityId === before!.id);
    expect(audit?.before).toMatchObject({ industry: before!.industry });
  });

  it('stop: a duplicate is a row error naming the owner, and nothing is written', async () => {
    const before = await footprint(t);
    const r = await report(await upload(t, rep1, 'customers', csv([header, [existing.name, '', '', ''], ...lines(companies(1, () => code()))]), { dryRun: 'false', onDuplicate: 'stop' }));
    expect(r.outcome).toBe('rejected');
    expect(r.errors).toEqual([{ row: 2, column: '客户名称', field: 'name', reason: `已存在相同客户（负责人：${names.rep1}）` }]);
    expect(await footprint(t)).toEqual(before);
  });

  it('duplicates inside the file: skipped after the first, or refused naming the first row', async () => {
    const [a] = companies(1, () => code());
    const file = csv([header, ...lines([a!]), [`${a!.name} `, '', '', ''], ['别的名字有限公司', '', a!.phone, '']]);
    const skip = await report(await upload(t, rep1, 'customers', file, { onDuplicate: 'skip' }));
    expect(skip.counts).toMatchObject({ created: 1, skipped: 2, duplicates: 2 });
    const stop = await report(await upload(t, rep1, 'customers', file, { onDuplicate: 'stop' }));
    expect(stop.errors.map((e) => [e.row, e.reason])).toEqual([[3, '与本文件第 2 行重复'], [4, '与本文件第 2 行重复']]);
  });
});

describe('data scope', () => {
  it('a rep importing a duplicate of another rep\'s customer gets the owner\'s name, none of its data, and changes nothing', async () => {
    const theirs = { ...companies(1, () => code())[0]!, address: '机密地址 88 号' };
    expect((await rep2.post('/api/v1/customers', theirs)).statusCode).toBe(201);
    const before = await customerByName(t, theirs.name);
    for (const onDuplicate of ['skip', 'update']) {
      const res = await upload(t, rep1, 'customers', csv([['客户名称', '行业'], [theirs.name, '改掉']]), { dryRun: 'false', onDuplicate });
      const r = await report(res);
      expect(r.outcome).toBe('rejected');
      expect(r.errors).toEqual([{ row: 2, column: '客户名称', field: 'name', reason: `已存在相同客户（负责人：${names.rep2}）` }]);
      expect(res.body).not.toContain(theirs.phone);
      expect(res.body).not.toContain('机密地址');
    }
    expect(await customerByName(t, theirs.name)).toEqual(before);
    const contactRes = await upload(t, rep1, 'contacts', csv([['客户名称', '姓名'], [theirs.name, '王五']]), { dryRun: 'false' });
    expect((await report(contactRes)).errors[0]).toMatchObject({ row: 2, field: 'customer', reason: '找不到该客户，或您无权为其添加联系人' });
  });

  it('a manager assigns imported customers to reps in scope by username or name; a rep cannot', async () => {
    const [a, b] = companies(2, () => code());
    const file = csv([['客户名称', '负责人'], [a!.name, 'rep1'], [b!.name, names.rep2!]]);
    const r = await report(await upload(t, manager1, 'customers', file, { dryRun: 'false' }));
    expect(r.outcome).toBe('committed');
    const rows = [await customerByName(t, a!.name), await customerByName(t, b!.name)];
    const me = async (c: Client) => ((await c.get('/api/v1/auth/me')).json() as { user: { id: string } }).user.id;
    expect(rows.map((x) => x!.ownerId)).toEqual([await me(rep1), await me(rep2)]);
    const byRep = await report(await upload(t, rep1, 'customers', csv([['客户名称', '负责人'], ['代分配有限公司', 'rep2']])));
    expect(byRep.errors[0]).toMatchObject({ field: 'owner', column: '负责人' });
  });
});

describe('contacts', () => {
  it('attach to a customer by name or credit code; a repeated name at the same customer is a duplicate', async () => {
    const customer = companies(1, () => code())[0]!;
    expect((await rep1.post('/api/v1/customers', customer)).statusCode).toBe(201);
    const file = csv([['所属客户', '统一社会信用代码', '姓名', '职务', '手机', '生日', '采购角色'],
      [customer.name, '', '赵六', '采购经理', '138 0013 8000', '1985年3月8日', '经济决策者'],
      ['', customer.creditCode, '钱七', 'CTO', '', '1990/12/1', '技术把关者'],
      [customer.name, '', '赵六', '', '', '', '']]);
    const r = await report(await upload(t, rep1, 'contacts', file, { dryRun: 'false' }));
    expect(r).toMatchObject({ outcome: 'committed', counts: { created: 2, skipped: 1 } });
    const id = (await customerByName(t, customer.name))!.id;
    const list = (await rep1.get(`/api/v1/customers/${id}/contacts`)).json() as { items: { name: string; birthday: string; buyingRole: string }[] };
    expect(list.items.map((c) => [c.name, c.birthday, c.buyingRole])).toEqual([['赵六', '1985-03-08', 'economic_buyer'], ['钱七', '1990-12-01', 'technical_buyer']]);
  });
});

describe('files', () => {
  it('xlsx: date cells, Excel serials and 2026.1.5 read as one date; numbers and formula results use the cached value; a formula without one is a row error', async () => {
    const admin = await t.loginAs('admin');
    for (const [key, kind] of [['importFounded', 'date'], ['importStaff', 'number']] as const) {
      const res = await admin.post('/api/v1/custom-fields', { entity: 'customers', key, label: { 'zh-CN': key, 'en-US': key }, kind });
      expect(res.statusCode, res.body).toBe(201);
    }
    const mapping = JSON.stringify({ 成立日期: 'cf.importFounded', 员工数: 'cf.importStaff' });
    const dry = await report(await upload(t, rep1, 'customers', fixture('customers-dates-formulas.xlsx'), { mapping }, { 'content-type': XLSX }));
    expect(dry.format).toBe('xlsx');
    expect(dry.errors).toEqual([{ row: 4, column: '电话', field: 'phone', reason: expect.stringContaining('公式') }]);
    const real = await report(await upload(t, rep1, 'customers', fixture('customers-dates-formulas.xlsx'), { dryRun: 'false', mapping: JSON.stringify({ 成立日期: 'cf.importFounded', 员工数: 'cf.importStaff', 电话: null }) }, { 'content-type': 'application/octet-stream' }));
    expect(real).toMatchObject({ outcome: 'committed', counts: { created: 3 } });
    for (const name of ['广州珠江电子有限公司', '深圳南山云计算有限公司', '东莞松湖制造有限公司']) {
      expect((await customerByName(t, name))?.customFields).toMatchObject({ importFounded: '2026-01-05', importStaff: 1234 });
    }
    expect(await customerByName(t, '广州珠江电子有限公司')).toMatchObject({ longitude: '113.264385', latitude: '23.129112' });
  });

  it('UTF-8 with BOM; a cell over 10,000 characters is a row error', async () => {
    expect(await report(await upload(t, manager1, 'customers', fixture('customers-utf8-bom.csv')))).toMatchObject({ encoding: 'utf-8-bom', errors: [], counts: { created: 2 } });
    const long = await report(await upload(t, rep1, 'customers', fixture('long-cell.csv')));
    expect(long.errors).toEqual([{ row: 2, column: '地址', field: 'address', reason: '单元格内容超过 10000 个字符' }]);
  });

  it('a missing required column and a broken encoding are clear file-level errors, in the caller\'s language', async () => {
    const missing = await upload(t, rep1, 'customers', fixture('missing-name-column.csv'));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: '缺少必需的列：客户名称', details: [{ path: '(file)' }] } });
    const en = await upload(t, rep1, 'customers', fixture('missing-name-column.csv'), {}, { 'accept-language': 'en-US' });
    expect((en.json() as { error: { message: string } }).error.message).toBe('A required column is missing: Company');
    const contacts = await upload(t, rep1, 'contacts', csv([['姓名'], ['张三']]));
    expect((contacts.json() as { error: { message: string } }).error.message).toBe('缺少必需的列：客户名称 / 统一社会信用代码 / 客户外部编号');
    const broken = await upload(t, rep1, 'customers', fixture('broken-encoding.csv'));
    expect(broken.statusCode).toBe(400);
    expect((broken.json() as { error: { message: string } }).error.message).toMatch(/^文件编码无法识别/);
  });

  it('a file over 50 MB answers 413 with a localised message, and nothing is written', async () => {
    const before = await footprint(t);
    const res = await upload(t, rep1, 'customers', Buffer.alloc(50 * 1024 * 1024 + 1, 0x41), { dryRun: 'false' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE', message: '文件超过 50 MB 上限，请拆分后分批导入' } });
    expect(await footprint(t)).toEqual(before);
  });

  it('roles that may not create customers cannot import them', async () => {
    const finance = await t.loginAs('finance1');
    expect((await upload(t, finance, 'customers', fixture('customers-gbk.csv'))).statusCode).toBe(403);
  });
});

describe('templates', () => {
  it('a saved mapping is used by templateId; personal templates stay personal, sharing needs a manager', async () => {
    const created = await rep1.post('/api/v1/import-templates', { entity: 'customers', name: '老系统导出', mapping: { 单位全称: 'name', 联系方式: 'phone', 备注: null } });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const r = await report(await upload(t, rep1, 'customers', csv([['单位全称', '联系方式', '备注'], ['模板导入有限公司', '021-6666 7777', 'x']]), { templateId: id }));
    expect(r.columns).toEqual([{ column: '单位全称', field: 'name' }, { column: '联系方式', field: 'phone' }, { column: '备注', field: null }]);
    expect(((await rep2.get('/api/v1/import-templates?entity=customers')).json() as { items: unknown[] }).items).toEqual([]);
    expect((await upload(t, rep2, 'customers', csv([['单位全称'], ['x']]), { templateId: id })).statusCode).toBe(404);
    expect((await rep1.post('/api/v1/import-templates', { entity: 'customers', name: '共享', mapping: {}, isShared: true })).statusCode).toBe(403);
    const shared = await manager1.post('/api/v1/import-templates', { entity: 'customers', name: '共享', mapping: { 单位全称: 'name' }, isShared: true });
    expect(shared.statusCode).toBe(201);
    expect(((await rep2.get('/api/v1/import-templates?entity=customers')).json() as { items: { name: string }[] }).items.map((x) => x.name)).toEqual(['共享']);
    expect((await rep2.delete(`/api/v1/import-templates/${(shared.json() as { id: string }).id}`)).statusCode).toBe(404);
    expect((await rep1.delete(`/api/v1/import-templates/${id}`)).statusCode).toBe(204);
  });
});

describe('background jobs', () => {
  it('a real import over 2,000 rows answers 202 with a job that finishes with the report', async () => {
    const rows = companies(2001, () => code('91330200MA3'));
    const res = await upload(t, rep1, 'customers', csv([header, ...lines(rows)]), { dryRun: 'false' });
    expect(res.statusCode, res.body).toBe(202);
    const job = res.json() as { id: string; status: string; totalRows: number };
    expect(job).toMatchObject({ status: 'queued', totalRows: 2001 });
    let polled: { status: string; processedRows: number; report: { counts: { created: number } } | null } = { status: 'queued', processedRows: 0, report: null };
    for (let i = 0; i < 600 && !['done', 'failed'].includes(polled.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      polled = (await rep1.get(`/api/v1/imports/jobs/${job.id}`)).json() as typeof polled;
    }
    expect(polled).toMatchObject({ status: 'done', processedRows: 2001, report: { counts: { created: 2001 } } });
    expect((await rep2.get(`/api/v1/imports/jobs/${job.id}`)).statusCode).toBe(404);
  });

  it('a job whose process died (restart) is failed by the sweep and says what happened', async () => {
    const me = ((await rep1.get('/api/v1/auth/me')).json() as { user: { id: string; workspaceId: string } }).user;
    const [job] = await t.handle.db.insert(importJobs).values({
      workspaceId: me.workspaceId, entity: 'customers', status: 'running', totalRows: 5000, processedRows: 1000, createdBy: me.id, heartbeatAt: new Date(Date.now() - 10 * 60_000),
    }).returning();
    expect(await failInterruptedImports(t.handle.db)).toBe(1);
    expect((await rep1.get(`/api/v1/imports/jobs/${job!.id}`)).json()).toMatchObject({ status: 'failed', error: expect.stringMatching(/^导入任务因服务重启而中断/) });
    expect(await failInterruptedImports(t.handle.db)).toBe(0);
  });
});

describe('export', () => {
  const parseCsv = (body: string) => Papa.parse<string[]>(body.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;

  it('a rep exports only their own customers; CSV has a BOM; warehouse sees phones masked', async () => {
    const res = await rep2.get('/api/v1/exports/customers.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\ufeff客户名称,统一社会信用代码')).toBe(true);
    const table = parseCsv(res.body);
    const ownerCol = table[0]!.indexOf('负责人');
    expect(table.length).toBeGreaterThan(1);
    expect(new Set(table.slice(1).map((r) => r[ownerCol]))).toEqual(new Set([names.rep2]));

    const warehouse = await t.loginAs('warehouse1');
    const masked = parseCsv((await warehouse.get('/api/v1/exports/customers.csv?ownerId=' + ((await rep2.get('/api/v1/auth/me')).json() as { user: { id: string } }).user.id)).body);
    const phoneCol = masked[0]!.indexOf('电话');
    const phones = masked.slice(1).map((r) => r[phoneCol]).filter((p) => p);
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).toMatch(/\*\*\*\*/);
    expect((await auditRows(t, 'customer', 'export')).length).toBeGreaterThanOrEqual(2);
  });

  it('neutralises formula-looking cells in CSV and xlsx, and the list filters apply', async () => {
    const r = await report(await upload(t, rep1, 'customers', fixture('csv-injection.csv'), { dryRun: 'false' }));
    expect(r.outcome).toBe('committed');
    const body = (await rep1.get(`/api/v1/exports/customers.csv?q=${encodeURIComponent('HYPERLINK')}`)).body;
    const table = parseCsv(body);
    expect(table).toHaveLength(2);
    expect(table[1]![0]).toBe('\'=HYPERLINK("http://evil.example","点我")');
    const xlsx = await rep1.get(`/api/v1/exports/customers.xlsx?q=${encodeURIComponent('@SUM')}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('\'@SUM(1+1)贸易有限公司');
    const addressCol = (sheet.getRow(1).values as string[]).indexOf('地址');
    expect(sheet.getRow(2).getCell(addressCol).value).toBe('\'-2+3');
  });

  it('contacts export: the contacts of the customers in the filtered list', async () => {
    const res = await rep1.get('/api/v1/exports/contacts.csv');
    expect(res.statusCode).toBe(200);
    const table = parseCsv(res.body);
    expect(table[0]!.slice(0, 3)).toEqual(['客户名称', '统一社会信用代码', '姓名']);
    expect(table.slice(1).map((r) => r[2])).toEqual(expect.arrayContaining(['赵六', '钱七']));
    expect((await rep2.get('/api/v1/exports/contacts.csv')).body).not.toContain('赵六');
  });
});

describe('lead import and the search box', () => {
  it('imported leads are found by the pinyin of company and contact name; a new contact name from an update is found too', async () => {
    const n = `${process.pid % 1000}${Date.now() % 100000}`;
    const company = `北京科技${n}导入有限公司`;
    const phone = `138${n.padStart(8, '0').slice(-8)}`;
    const created = await report(await upload(t, rep1, 'leads', csv([['公司名称', '联系人', '电话', '来源'], [company, '司马懿', phone, '电话']]), { dryRun: 'false' }));
    expect(created).toMatchObject({ outcome: 'committed', counts: { created: 1 } });
    const find = async (q: string) => ((await rep1.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json() as { leads: { name: string }[] }).leads.map((l) => l.name);
    expect(await find(`bjkj${n}`)).toEqual([company]);
    expect(await find(`beijingkeji${n}daoru`)).toEqual([company]);

    const updated = await report(await upload(t, rep1, 'leads', csv([['公司名称', '联系人', '电话'], [company, `诸葛亮${n}`, phone]]), { dryRun: 'false', onDuplicate: 'update' }));
    expect(updated).toMatchObject({ outcome: 'committed', counts: { updated: 1 } });
    expect(await find(`zgl${n}`)).toEqual([company]);
    expect(await find(`bjkj${n}`)).toEqual([company]);
  });
});

describe('a file of more than one write chunk (1,000 rows a statement)', () => {
  it('creates every customer with its own audit row and its pinyin search keys, the last chunk as the first', async () => {
    const n = `${process.pid % 1000}${Date.now() % 100000}`;
    const rows = Array.from({ length: 1500 }, (_, i) => [`上海分块${n}号${i}电子有限公司`, code('91310000MA3'), `0571-8${n.slice(-3).padStart(3, '0')}${String(i).padStart(4, '0')}`, '软件']);
    const before = await footprint(t);
    const r = await report(await upload(t, rep1, 'customers', csv([header, ...rows]), { dryRun: 'false' }));
    expect(r).toMatchObject({ outcome: 'committed', counts: { created: 1500, invalidRows: 0 } });
    // one audit row per customer, and the import's own
    expect(await footprint(t)).toEqual({ ...before, customers: before.customers + 1500, audit: before.audit + 1501 });
    const created = await Promise.all([0, 999, 1000, 1499].map((i) => customerByName(t, rows[i]![0]!)));
    const audited = new Set((await auditRows(t, 'customer', 'import_create')).map((a) => a.entityId));
    for (const customer of created) {
      expect(audited.has(customer!.id)).toBe(true);
      expect(customer!.searchText).toMatch(new RegExp(`^${customer!.name} shfk${n}h\\d+dzyxgs shanghaifenkuai${n}hao\\d+dianziyouxiangongsi$`));
    }
    const find = async (q: string) => ((await rep1.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json() as { customers: { name: string }[] }).customers.map((c) => c.name);
    expect(await find(`shfk${n}h1499`)).toEqual([rows[1499]![0]]);
    expect(await find(`shanghaifenkuai${n}hao1499`)).toEqual([rows[1499]![0]]);
  });
});
