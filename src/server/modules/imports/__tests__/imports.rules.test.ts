import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { excelSerialToDate, normaliseLabel, parseChoice, parseDate, parseDecimal, parseInteger, parseTags, type RawCell } from '../cells.rules.js';
import { entityDefs, mapColumns } from '../columns.rules.js';
import { customFieldCell } from '../custom-fields.rules.js';
import { decodeText } from '../encoding.rules.js';
import { classifyDuplicates, decideOwner, readRow, userIndex, type DuplicatePolicy, type OwnerPolicy, type UserRef } from '../rows.rules.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const datasets = '/work/shared/datasets';

describe('dates as people write them', () => {
  it.each<[RawCell, string | null]>([
    ['2026-01-05', '2026-01-05'],
    ['2026/1/5', '2026-01-05'],
    ['2026.1.5', '2026-01-05'],
    ['2026年1月5日', '2026-01-05'],
    ['2026 年 1 月 5 日', '2026-01-05'],
    ['２０２６－０１－０５', '2026-01-05'],
    ['20260105', '2026-01-05'],
    ['2024-01-22T16:14:25.000+0000', '2024-01-22'],
    ['2026-01-05 09:30', '2026-01-05'],
    ['1/5/2026', '2026-01-05'], // US Excel: month first
    ['10/20/2016', '2016-10-20'],
    [46027, '2026-01-05'], // Excel serial
    [1, '1900-01-01'],
    [2958465, '9999-12-31'],
    [new Date(Date.UTC(2026, 0, 5)), '2026-01-05'],
    ['', null],
    [null, null],
    ['  ', null],
  ])('%j → %s', (cell, iso) => expect(parseDate(cell)).toEqual({ ok: true, value: iso }));

  it.each<RawCell>(['2026-02-29', '2026-02-30', '2026-13-01', '2026/0/5', 'tomorrow', '5/1', 0, -3, 2958466, '13/13/2026'])('refuses %j', (cell) => {
    expect(parseDate(cell)).toMatchObject({ ok: false, reason: 'imports.badDate' });
  });

  it('leap day only in leap years (boundary)', () => {
    expect(parseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('2100-02-29').ok).toBe(false);
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(60)).toBeNull(); // Excel's 1900-02-29, a day that never was
    expect(excelSerialToDate(61)).toBe('1900-03-01');
  });
});

describe('numbers with separators and full-width digits', () => {
  it.each<[RawCell, string | null]>([
    ['1,234,567.89', '1234567.89'],
    ['1，234', '1234'],
    ['１２３４．５', '1234.5'],
    ['¥1,000', '1000'],
    ['￥ 2 000.50', '2000.50'],
    ['300元', '300'],
    ['-12.5', '-12.5'],
    ['+7', '7'],
    ['007', '7'],
    [1100.04, '1100.04'],
    [1100.0399999999, '1100.04'],
    [0, '0'],
    ['', null],
  ])('%j → %s', (cell, value) => expect(parseDecimal(cell)).toEqual({ ok: true, value }));

  it.each<RawCell>(['1,23', '12,34,567', '1.2.3', 'abc', '1e5', '--1', true])('refuses %j', (cell) => expect(parseDecimal(cell).ok).toBe(false));

  it('two decimals are allowed for money, three are not (N, N+1)', () => {
    expect(parseDecimal('1.25')).toEqual({ ok: true, value: '1.25' });
    expect(parseDecimal('1.255')).toMatchObject({ ok: false, reason: 'imports.tooManyDecimals' });
  });

  it('integers', () => {
    expect(parseInteger('2,822')).toEqual({ ok: true, value: 2822 });
    expect(parseInteger('2.5')).toMatchObject({ ok: false, reason: 'imports.badInteger' });
  });
});

describe('tags, choices and headers', () => {
  it('splits tags on , ， ; ； 、 and drops blanks and repeats', () => {
    expect(parseTags('重点；华东、仪器,重点，, 大客户 ;')).toEqual({ ok: true, value: ['重点', '华东', '仪器', '大客户'] });
  });

  it('reads a choice by code or label, ignoring case and width', () => {
    const choices = entityDefs.customers.fields.find((f) => f.field === 'valueClass')!.choices!;
    expect(parseChoice('A类', choices)).toEqual({ ok: true, value: 'A' });
    expect(parseChoice('ｂ', choices)).toEqual({ ok: true, value: 'B' });
    expect(parseChoice('E', choices)).toMatchObject({ ok: false, reason: 'imports.badChoice' });
  });

  it.each([
    ['客户名称（必填）', '客户名称'], ['*客户名称', '客户名称'], ['Account Name', 'accountname'], ['account_name', 'accountname'], ['ＰＨＯＮＥ', 'phone'],
  ])('header %s compares as %s', (header, key) => expect(normaliseLabel(header)).toBe(normaliseLabel(key)));
});

describe('column mapping', () => {
  const customers = entityDefs.customers;

  it('maps zh and en headers by alias and leaves unknown columns out', () => {
    const m = mapColumns(customers, ['客户名称', '统一社会信用代码', '手机', '负责人', '备注', 'cf.region']);
    expect(m.targets).toEqual(['name', 'creditCode', 'phone', 'owner', null, 'cf.region']);
    expect(m.missing).toEqual([]);
  });

  it.each(['公司名称', 'Company', 'Account Name', '企业名称'])('%s is the company name', (header) => {
    expect(mapColumns(customers, [header]).targets).toEqual(['name']);
  });

  it('a missing required column is reported by field', () => {
    expect(mapColumns(customers, ['电话']).missing).toEqual([['name']]);
    expect(mapColumns(entityDefs.contacts, ['姓名']).missing).toEqual([['customer', 'customerCreditCode', 'customerExternalId']]);
  });

  it('the caller overrides the automatic mapping, ignores columns with null, and may not name unknown fields', () => {
    const m = mapColumns(customers, ['account', 'Name', 'sector', 'Id'], { Name: null, account: 'name', Id: 'cf.externalId', sector: 'industry' });
    expect(m.targets).toEqual(['name', null, 'industry', 'cf.externalId']);
    expect(mapColumns(customers, ['x'], { x: 'nonsense' }).unknownTargets).toEqual(['nonsense']);
  });

  it('an override keeps its field even when an earlier column would match it automatically', () => {
    expect(mapColumns(customers, ['客户名称', '简称'], { 简称: 'name' }).targets).toEqual([null, 'name']);
  });
});

describe('reading a row', () => {
  const def = entityDefs.customers;
  const headers = ['客户名称', '标签', '地址'];
  const targets = mapColumns(def, headers).targets;

  it('a cell of 10,000 characters is accepted, 10,001 is a row error naming the column', () => {
    expect(readRow(def, headers, targets, { row: 2, cells: ['甲公司', null, 'x'.repeat(10_000)] }, new Map()).errors).toEqual([]);
    expect(readRow(def, headers, targets, { row: 3, cells: ['乙公司', null, 'x'.repeat(10_001)] }, new Map()).errors)
      .toEqual([{ row: 3, column: '地址', field: 'address', reason: 'imports.cellTooLong', params: { max: 10_000 } }]);
  });

  it('an empty required cell is a row error; a refused formula cell reports its own reason', () => {
    const read = readRow(def, headers, targets, { row: 4, cells: ['  ', null, null] }, new Map([['4:1', 'imports.formulaWithoutValue']]));
    expect(read.errors.map((e) => [e.column, e.reason])).toEqual([['标签', 'imports.formulaWithoutValue'], ['客户名称', 'errors.required']]);
  });
});

describe('encodings', () => {
  it('UTF-8 with and without BOM, GBK as Excel saves it in China', () => {
    const text = '客户名称,电话\r\n上海甲有限公司,021-1\r\n';
    expect(decodeText(Buffer.from(text))).toMatchObject({ ok: true, encoding: 'utf-8', text });
    expect(decodeText(Buffer.from(`\ufeff${text}`))).toMatchObject({ ok: true, encoding: 'utf-8-bom', text });
    const gbk = fixture('customers-gbk.csv');
    const decoded = decodeText(gbk);
    expect(decoded).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(decoded.ok && decoded.text.startsWith('客户名称,统一社会信用代码')).toBe(true);
  });

  it('UTF-16 with a BOM ("Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('客户名称\t电话\r\n', 'utf16le')]);
    expect(decodeText(bytes)).toMatchObject({ ok: true, encoding: 'utf-16le', text: '客户名称\t电话\r\n' });
  });

  it('a damaged UTF-8 file and a binary file are refused as a whole', () => {
    expect(decodeText(fixture('broken-encoding.csv'))).toEqual({ ok: false, reason: 'imports.fileEncoding' });
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toEqual({ ok: false, reason: 'imports.fileBinary' });
  });

  it('the Maven and Salesforce files decode as UTF-8 (the latter with BOM)', () => {
    expect(decodeText(readFileSync(`${datasets}/crm-sales-opportunities/accounts.csv`))).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(decodeText(readFileSync(`${datasets}/salesforce-data-cloud-workshop/data/Account.csv`))).toMatchObject({ ok: true, encoding: 'utf-8-bom' });
  });
});

describe('US dates of the Excel-resaved Maven pipeline', () => {
  it('every engage and close date of the 8,800 rows reads as the original ISO date', () => {
    const rows = (file: string) => Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const original = rows(`${datasets}/crm-sales-opportunities/sales_pipeline.csv`);
    const resaved = rows(`${datasets}/crm-sales-opportunities/variant-excel-resaved/sales_pipeline.csv`);
    expect(resaved).toHaveLength(8800);
    let compared = 0;
    resaved.forEach((row, i) => {
      for (const column of ['engage_date', 'close_date']) {
        const parsed = parseDate(row[column] ?? null);
        expect(parsed).toEqual({ ok: true, value: original[i]![column] || null });
        if (row[column]) compared++;
      }
    });
    expect(compared).toBeGreaterThan(14_000);
  });
});

describe('custom field cells', () => {
  const def = (kind: 'text' | 'number' | 'money' | 'date' | 'select' | 'multiSelect', options: string[] = []) => ({ key: 'k', kind, options, isRequired: false, isActive: true });
  it.each([
    [def('number'), '1,234', 1234],
    [def('money'), '1,234.5', '1234.50'],
    [def('date'), '2026年1月5日', '2026-01-05'],
    [def('select', ['华东', '华南']), '华东', '华东'],
    [def('multiSelect', ['华东', '华南']), '华南、华东', ['华南', '华东']],
  ])('%j reads %s', (d, text, value) => expect(customFieldCell(d, text)).toEqual({ ok: true, value }));

  it('unknown, inactive and off-list values are refused with the custom-fields keys', () => {
    expect(customFieldCell(undefined, 'x')).toMatchObject({ reason: 'errors.customFieldUnknown' });
    expect(customFieldCell({ ...def('text'), isActive: false }, 'x')).toMatchObject({ reason: 'errors.customFieldInactive' });
    expect(customFieldCell(def('select', ['华东']), '西北')).toMatchObject({ reason: 'errors.customFieldOption' });
  });
});

describe('owner of an imported record', () => {
  const user = (id: string, extra: Partial<UserRef> = {}): UserRef => ({ id, name: `name-${id}`, username: `u${id}`, isActive: true, canOwn: true, departmentId: null, ...extra });
  const users = userIndex([user('rep'), user('mate'), user('other'), user('cs', { canOwn: false }), user('gone', { isActive: false }), user('twin1', { name: '张伟' }), user('twin2', { name: '张伟' })]);
  const rep: OwnerPolicy = { actorId: 'rep', canOwn: true, canAssign: false, canRoute: false, visibleOwnerIds: new Set(['rep']) };
  const manager: OwnerPolicy = { actorId: 'mgr', canOwn: true, canAssign: true, canRoute: false, visibleOwnerIds: new Set(['mgr', 'rep', 'mate']) };

  it.each<[string, OwnerPolicy, string | null, string | null]>([
    ['an empty cell: the importer', rep, null, 'rep'],
    ['the importer by username', rep, 'urep', 'rep'],
    ['by name', manager, 'name-mate', 'mate'],
  ])('%s', (_t, policy, cell, owner) => expect(decideOwner(cell, policy, users)).toMatchObject({ ok: true, value: { id: owner } }));

  it.each<[string, OwnerPolicy, string, string]>([
    ['a rep may not assign others', rep, 'umate', 'imports.ownerNotAssignable'],
    ['a manager only within scope', manager, 'uother', 'errors.assignOutOfScope'],
    ['unknown user', manager, 'nobody', 'imports.ownerUnknown'],
    ['two users of that name', manager, '张伟', 'imports.ownerAmbiguous'],
    ['not a sales user', manager, 'ucs', 'errors.ownerNotSales'],
    ['inactive', manager, 'ugone', 'errors.ownerNotSales'],
  ])('%s', (_t, policy, cell, reason) => expect(decideOwner(cell, policy, users)).toMatchObject({ ok: false, reason }));

  it('a role that owns no customers imports into the pool', () => {
    expect(decideOwner(null, { ...manager, canOwn: false }, users)).toEqual({ ok: true, value: null });
  });
});

describe('duplicates against the database and within the file', () => {
  const existing = [
    { id: 'mine', keys: ['code:C1', 'name:甲'], ownerId: 'rep', ownerName: '张三' },
    { id: 'theirs', keys: ['name:乙', 'phone:021'], ownerId: 'rep2', ownerName: '李四' },
    { id: 'pool', keys: ['name:丙'], ownerId: null, ownerName: null },
  ];
  const policy = (mode: DuplicatePolicy['mode']): DuplicatePolicy => ({
    mode, canUpdate: true, ownedKey: 'dup', poolKey: 'dupPool', isVisible: (m) => m.ownerId === 'rep',
  });
  const rows = [
    { row: 2, keys: ['name:新'], field: 'name' },
    { row: 3, keys: ['code:C1', 'name:甲2'], field: 'name' },
    { row: 4, keys: ['phone:021'], field: 'name' },
    { row: 5, keys: ['name:新'], field: 'name' },
    { row: 6, keys: ['name:丙'], field: 'name' },
  ];

  it('skip: new rows create, visible duplicates and repeats are skipped, hidden ones name the owner only', () => {
    const d = classifyDuplicates(rows, existing, policy('skip'));
    expect(Object.fromEntries(d)).toEqual({
      2: { action: 'create' },
      3: { action: 'skip', duplicateOf: { id: 'mine' } },
      4: { action: 'error', reason: 'dup', params: { owner: '李四' } },
      5: { action: 'skip', duplicateOf: { row: 2 } },
      6: { action: 'error', reason: 'dupPool', params: { owner: '' } },
    });
  });

  it('update: the visible duplicate is updated; a repeat within the file is refused', () => {
    const d = classifyDuplicates(rows, existing, policy('update'));
    expect(d.get(3)).toEqual({ action: 'update', id: 'mine' });
    expect(d.get(5)).toEqual({ action: 'error', reason: 'imports.duplicateInFile', params: { row: 2 } });
  });

  it('stop: every duplicate is an error', () => {
    const d = classifyDuplicates(rows, existing, policy('stop'));
    expect(d.get(3)).toMatchObject({ action: 'error', reason: 'dup', params: { owner: '张三' } });
    expect(d.get(2)).toEqual({ action: 'create' });
  });

  it('two rows that match the same record by different keys: the second repeats the first', () => {
    const d = classifyDuplicates([{ row: 2, keys: ['name:甲'], field: 'name' }, { row: 3, keys: ['code:C1'], field: 'name' }], existing, policy('update'));
    expect(d.get(3)).toEqual({ action: 'error', reason: 'imports.duplicateInFile', params: { row: 2 } });
  });
});
