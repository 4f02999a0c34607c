import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';

export interface XlsxColumn<T> { header: string; width?: number; value: (row: T) => string | number | null }

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
        sheet.addRow(columns.map((c) => safeCell(c.value(row)))).commit();
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
