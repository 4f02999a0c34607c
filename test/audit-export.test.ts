import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from './harness.js';

const t = await setupTestApp();

describe('audit export', () => {
  it('gm downloads the filtered audit log as xlsx with localised headers, and the export is itself audited', async () => {
    const admin = await t.loginAs('admin');
    const created = await admin.post('/api/v1/departments', { name: '=HYPERLINK("http://evil")' });
    expect(created.statusCode).toBe(201);
    const gm = await t.loginAs('gm');
    const res = await gm.get('/api/v1/audit/export.xlsx?entity=department');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('时间');
    expect(sheet.rowCount).toBe(2); // header + the one department creation
    expect(String(sheet.getRow(2).getCell(8).value)).toContain('HYPERLINK');
    expect(String(sheet.getRow(2).getCell(5).value)).toBe('create');
    const log = await gm.get('/api/v1/audit?action=export&entity=audit');
    expect(log.json().items).toHaveLength(1);
    expect(log.json().items[0].after.filter).toEqual({ entity: 'department' });
  });

  it('a sales rep may not export the audit log', async () => {
    const rep = await t.loginAs('rep1');
    expect((await rep.get('/api/v1/audit/export.xlsx')).statusCode).toBe(403);
  });
});
