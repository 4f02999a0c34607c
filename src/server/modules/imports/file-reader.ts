import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../../shared/errors.js';
import { cellText, type RawCell } from './cells.rules.js';
import { decodeText, type TextEncodingName } from './encoding.rules.js';

/** One sheet of an uploaded file: the header row and the data rows, numbered as the user sees them in Excel. */
export interface Sheet {
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  headers: string[];
  /** data rows that are not entirely empty */
  rows: { row: number; cells: RawCell[] }[];
  /** cells refused while reading (an xlsx formula without a cached value, an error value): "row:col" → message key */
  cellIssues: Map<string, string>;
}

export const fileError = (key: string, params: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', key, params, [{ path: '(file)', message: key, params }]);

const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

function headerRow(rows: RawCell[][]): number {
  return rows.findIndex((cells) => cells.some((c) => cellText(c) !== null));
}

function finish(format: Sheet['format'], encoding: TextEncodingName | null, grid: { row: number; cells: RawCell[] }[], cellIssues: Map<string, string>): Sheet {
  const first = headerRow(grid.map((g) => g.cells));
  if (first < 0) throw fileError('imports.fileEmpty');
  const headers = grid[first]!.cells.map((c, i) => cellText(c) ?? `#${i + 1}`);
  const rows = grid.slice(first + 1).filter((g) => g.cells.some((c) => cellText(c) !== null));
  if (rows.length === 0) throw fileError('imports.fileNoRows');
  return { format, encoding, headers, rows, cellIssues };
}

function readCsv(bytes: Uint8Array): Sheet {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw fileError(decoded.reason);
  const parsed = Papa.parse<string[]>(decoded.text, { header: false, skipEmptyLines: false, delimiter: '' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw fileError('imports.fileCsvQuotes', { row: (fatal.row ?? 0) + 1 });
  // record n (0-based) is row n + 1 in Excel, header included
  const grid = parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? null : c)) }));
  return finish('csv', decoded.encoding, grid, new Map());
}

/** The value of an xlsx cell: formulas give their cached result (none cached → the cell is refused). */
function xlsxValue(value: ExcelJS.CellValue, issue: (key: string) => void): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) { issue('imports.formulaWithoutValue'); return null; }
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) { issue('imports.cellErrorValue'); return null; }
      return result as RawCell;
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : null;
    if ('error' in value) { issue('imports.cellErrorValue'); return null; }
  }
  return String(value as unknown);
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fileError('imports.fileXlsxBroken');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw fileError('imports.fileEmpty');
  const cellIssues = new Map<string, string>();
  const grid: { row: number; cells: RawCell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = xlsxValue(cell.value, (key) => cellIssues.set(`${rowNumber}:${col - 1}`, key));
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    grid.push({ row: rowNumber, cells });
  });
  return finish('xlsx', null, grid, cellIssues);
}

/** Reads an uploaded CSV (any of the encodings Excel writes) or xlsx file; anything else is a file-level error. */
export async function readSheet(bytes: Uint8Array): Promise<Sheet> {
  if (bytes.length === 0) throw fileError('imports.fileEmpty');
  if (isXlsx(bytes)) return readXlsx(bytes);
  if (isOle(bytes)) throw fileError('imports.fileXls');
  return readCsv(bytes);
}
