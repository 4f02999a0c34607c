import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';

export interface XlsxColumn<T> {
  header: string; width?: number; value: (row: T) => string | number | null;
  /** Excel number format of the column's cells, e.g. MONEY_FORMAT */
  numFmt?: string;
}

/** How money cells are shown: thousands separators, two decimals. */
export const MONEY_FORMAT = '#,##0.00';

/** A double keeps every digit of a decimal of at most 15 significant digits (IEEE 754 binary64). */
const EXACT_DIGITS = 15;

/**
 * A money amount (the decimal string the JSON carries) as a cell value: a number Excel can sum,
 * converted once from the string and never through arithmetic; an amount with more significant
 * digits than a double holds exactly (above ~10 trillion yuan) stays the exact string instead.
 */
export function moneyCell(value: string | null | undefined): number | string | null {
  if (value === null || value === undefined) return null;
  const digits = value.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
  return digits <= EXACT_DIGITS ? Number(value) : value;
}

/** A money column: exact amounts (see moneyCell) shown with MONEY_FORMAT. */
export function moneyColumn<T>(header: string, value: (row: T) => string | null | undefined, width = 18): XlsxColumn<T> {
  return { header, width, numFmt: MONEY_FORMAT, value: (row) => moneyCell(value(row)) };
}

/** Cells starting with = + - @ (or tab/CR) would run as formulas in Excel: neutralise them (CSV/xlsx injection). */
export function safeCell(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Streams an xlsx workbook from pages of rows (keyset-paged by the caller), so large exports do not
 * sit in memory. Returns the stream and a promise of the row count once written.
 */
export function streamXlsx<T>(sheetName: string, columns: XlsxColumn<T>[], pages: AsyncIterable<T[]>) {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  const done = (async () => {
    let count = 0;
    for await (const page of pages) {
      for (const row of page) {
        const line = sheet.addRow(columns.map((c) => safeCell(c.value(row))));
        columns.forEach((c, i) => { if (c.numFmt) line.getCell(i + 1).numFmt = c.numFmt; });
        line.commit();
        count++;
      }
    }
    sheet.commit();
    await workbook.commit();
    return count;
  })();
  done.catch((error: unknown) => stream.destroy(error as Error));
  return { stream, done };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
