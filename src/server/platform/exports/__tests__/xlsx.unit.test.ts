import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { money } from '../../../../shared/money.js';
import { MONEY_FORMAT, moneyCell, moneyColumn, safeCell, streamXlsx } from '../xlsx.js';

describe('safeCell (spreadsheet formula injection)', () => {
  it.each([
    ['=cmd|/C calc!A0', "'=cmd|/C calc!A0"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['上海示例科技', '上海示例科技'],
    ['a=b', 'a=b'],
    [-5, -5],
    [null, null],
  ])('%j is written as %j', (input, expected) => expect(safeCell(input as string | number | null)).toBe(expected));
});

describe('moneyCell (amounts written exactly)', () => {
  it.each([
    ['0.00', 0],
    ['0.10', 0.1],
    ['123456.78', 123456.78],
    ['-2500.50', -2500.5],
    ['1234567890123.45', 1234567890123.45], // 15 significant digits: a double holds them all
    ['12345678901234.56', '12345678901234.56'], // 16: kept as the exact text rather than rounded
    ['9999999999999999.99', '9999999999999999.99'], // numeric(18,2) at its largest
    [null, null],
  ])('%j → %j', (input, expected) => {
    const cell = moneyCell(input);
    expect(cell).toBe(expected);
    // a number cell, printed back the way the xlsx XML stores it, is the same decimal
    if (typeof cell === 'number') expect(money.format(String(cell))).toBe(money.format(input!));
  });
});

describe('streamXlsx with a money column', () => {
  it('writes the amounts as numbers with the #,##0.00 format, and the header as text', async () => {
    const rows = [{ name: '华东', amount: '1234567.89' }, { name: '华北', amount: null }];
    async function* pages() { yield rows; }
    const { stream, done } = streamXlsx<(typeof rows)[number]>('s', [
      { header: '区域', value: (r) => r.name },
      moneyColumn('金额', (r) => r.amount),
    ], pages());
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(await done).toBe(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('B1').value).toBe('金额');
    expect(sheet.getCell('B2').value).toBe(1234567.89);
    expect(sheet.getCell('B2').numFmt).toBe(MONEY_FORMAT);
    expect(sheet.getCell('B3').value).toBeNull();
  });
});
