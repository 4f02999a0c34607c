/**
 * Pure parsers for one spreadsheet cell (domain §16 import): what a Chinese sales department's
 * Excel files contain — dates in several spellings and Excel serial numbers, amounts with thousands
 * separators and full-width digits, tags split on Chinese and Western separators.
 */
import { addDays, isIsoDate, type IsoDate } from '../../../shared/dates.js';

/** A cell as read from CSV (text) or xlsx (text, number, boolean, date), empty as null. */
export type RawCell = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; params?: Record<string, unknown> };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string, params?: Record<string, unknown>): Parsed<T> => ({ ok: false, reason, ...(params ? { params } : {}) });

/** A cell longer than this is refused as a row error, whatever its column. */
export const MAX_CELL_CHARS = 10_000;

/** Full-width ASCII (ＡＢＣ１２３，．) to half-width, ideographic space to space. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The text of a cell, trimmed (ideographic and non-breaking spaces too); empty → null. */
export function cellText(cell: RawCell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  const text = String(cell).replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
  return text === '' ? null : text;
}

const pad = (n: number) => String(n).padStart(2, '0');
function isoOf(year: number, month: number, day: number): IsoDate | null {
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * Excel serial dates: 1 … 2958465 are 1900-01-01 … 9999-12-31. Excel counts a 1900-02-29 that never
 * was (serial 60, refused), so from serial 61 on day 0 is 1899-12-30.
 */
export function excelSerialToDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466 || Math.floor(serial) === 60) return null;
  return addDays(serial < 60 ? '1899-12-31' : '1899-12-30', Math.floor(serial));
}

const DATE_PATTERNS: { re: RegExp; order: 'ymd' | 'mdy' }[] = [
  { re: /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T].*)?$/, order: 'ymd' }, // 2026-01-05, 2026/1/5, 2026.1.5, 2024-01-22T16:14:25.000+0000
  { re: /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s.*)?$/, order: 'ymd' }, // 2026年1月5日
  { re: /^(\d{4})(\d{2})(\d{2})$/, order: 'ymd' }, // 20260105
  { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/, order: 'mdy' }, // 1/5/2026 (US Excel)
];

/**
 * A date from the ways people write it: 2026-01-05, 2026/1/5, 2026.1.5, 2026年1月5日, 20260105,
 * an ISO instant (its date), 1/5/2026 (month first, as US Excel saves), an Excel serial number, or
 * an xlsx date cell. Impossible dates (2026-02-30) are refused.
 */
export function parseDate(cell: RawCell): Parsed<IsoDate | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('imports.badDate');
    return ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    const iso = excelSerialToDate(cell);
    return iso ? ok(iso) : fail('imports.badDate');
  }
  const text = cellText(cell);
  if (text === null) return ok(null);
  const t = halfWidth(text);
  for (const { re, order } of DATE_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const iso = order === 'ymd' ? isoOf(a, b, c) : isoOf(c, a, b);
    return iso ? ok(iso) : fail('imports.badDate');
  }
  return fail('imports.badDate');
}

/**
 * A decimal number as a string (money stays exact): full-width digits, thousands separators
 * (1,234,567.89 / 1，234), spaces, a leading ¥/￥/$ and a trailing 元 are accepted; `scale` rounds
 * nothing — more decimals than allowed is an error.
 */
export function parseDecimal(cell: RawCell, scale = 2): Parsed<string | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('imports.badNumber');
    // xlsx keeps binary floats: 1100.04 may come as 1100.0399999999; round to the scale allowed
    const fixed = cell.toFixed(scale).replace(/\.?0+$/, '');
    return ok(fixed === '-0' ? '0' : fixed);
  }
  if (typeof cell === 'boolean' || cell instanceof Date) return fail('imports.badNumber');
  const text = cellText(cell);
  if (text === null) return ok(null);
  let t = halfWidth(text).replace(/[\s，]/g, (ch) => (ch === '，' ? ',' : ''));
  t = t.replace(/^[¥￥$]/, '').replace(/元$/, '');
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return fail('imports.badNumber');
  t = t.replace(/,/g, '').replace(/^\+/, '');
  const [, decimals = ''] = t.split('.');
  if (decimals.length > scale) return fail('imports.tooManyDecimals', { scale });
  t = t.replace(/^(-?)0+(?=\d)/, '$1');
  return ok(t === '-0' ? '0' : t);
}

/** A whole number (employees, year founded), with the same spellings as parseDecimal. */
export function parseInteger(cell: RawCell): Parsed<number | null> {
  const parsed = parseDecimal(cell, 0);
  if (!parsed.ok) return fail('imports.badInteger');
  if (parsed.value === null) return ok(null);
  const n = Number(parsed.value);
  return Number.isSafeInteger(n) ? ok(n) : fail('imports.badInteger');
}

/** Tags from one cell, split on , ， ; ； 、 | and line breaks; trimmed, empty ones dropped, duplicates once. */
export function parseTags(cell: RawCell): Parsed<string[]> {
  const text = cellText(cell);
  if (text === null) return ok([]);
  return ok([...new Set(text.split(/[,，;；、|\n]+/).map((s) => s.trim()).filter((s) => s !== ''))]);
}

/** A choice from a fixed list, matched on its code or any label (case- and width-insensitive). */
/** Each choice's code and labels, normalised, to its code (the first choice naming a label wins); built once per choice list. */
const choiceIndexes = new WeakMap<object, Map<string, string>>();
function choiceIndex(choices: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  let index = choiceIndexes.get(choices);
  if (!index) {
    index = new Map();
    for (const [code, labels] of Object.entries(choices)) {
      for (const label of [code, ...labels]) if (!index.has(normaliseLabel(label))) index.set(normaliseLabel(label), code);
    }
    choiceIndexes.set(choices, index);
  }
  return index;
}

export function parseChoice<T extends string>(cell: RawCell, choices: Readonly<Record<T, readonly string[]>>): Parsed<T | null> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  const code = choiceIndex(choices).get(normaliseLabel(text)) as T | undefined;
  if (code !== undefined) return ok(code);
  return fail('imports.badChoice', { allowed: Object.keys(choices).join(' / ') });
}

/**
 * A header or label as compared for automatic mapping: half-width, lower case, without spaces,
 * punctuation, a required marker (*) or a bracketed remark — "客户名称（必填）", "Account Name",
 * "account_name" and "*客户名称" all compare equal to their alias.
 */
export function normaliseLabel(text: string): string {
  return halfWidth(text).toLowerCase()
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s_\-.:：*#/\\'"`]+/g, '');
}
