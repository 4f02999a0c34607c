import Mustache from 'mustache';
import type { IsoDate } from '../../../shared/dates.js';
import type { ErrorDetail } from '../../../shared/errors.js';
import { money, type Money } from '../../../shared/money.js';
import { formatMoney } from '../../../shared/money-format.js';
import type { PrintKind } from '../../../shared/contracts/print-templates.contract.js';

/**
 * Print templates (打印模板, domain §17): the placeholders each kind of document offers, the small
 * block syntax a template is written in, and the print formats of money, dates and 人民币大写.
 * Pure: the layout (pdfmake content) and the PDF are made elsewhere.
 *
 * Template syntax, one block per line (placeholders `{{name}}` anywhere in the text, Mustache):
 *   # 标题                   document title, centred, large
 *   ## 小标题                section heading
 *   ^^ 文本                  centred small line (e.g. the company header)
 *   >> 文本                  right-aligned line (e.g. number and date)
 *   ---                      horizontal rule
 *   [columns] … [next] … [/columns]   side-by-side columns (the parties block)
 *   [lines col col=标签 …]    the document's line table (no column list: the kind's default columns)
 *   [table name col …]        a named table (tables.name), e.g. [table paymentPlan]
 *   [totals]                 amount in figures and in words (大写), tax
 *   [signature 左 | 右]       signature and stamp block of the two parties
 *   [pagebreak]              next page
 *   other lines              paragraphs; consecutive lines stay together, a blank line ends one
 */

/** What a document hands to the print templates (the agreed print model; see print-model.ts). */
export interface PrintModel {
  kind: PrintKind;
  /** flat placeholder values already formatted for print: money '125,000.00', dates '2026年12月1日' */
  fields: Record<string, string>;
  /** the document's line table (quote/contract lines, delivery-note lines) */
  lines: Array<Record<string, string>>;
  /** further named tables, e.g. the contract's payment plan: tables.paymentPlan */
  tables?: Record<string, Array<Record<string, string>>>;
}

// ── print formats ─────────────────────────────────────────────────────────────────────────────

/** Money for print: thousands separators, two decimals, no currency sign: '125,000.00'. */
export function printMoney(m: Money): string {
  return formatMoney(m, { symbol: false });
}

/** A calendar date for print: '2026年12月1日'. */
export function printDate(d: IsoDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!match) return d;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];

/** Up to four digits without leading zeros: inner zeros read as one 零, trailing zeros are silent. */
function sectionWords(digits: string): string {
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    if (d === 0) { pendingZero = out !== ''; continue; }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d]! + UNITS[digits.length - 1 - i]!;
  }
  return out;
}

/** Whole yuan in words; a lower part that starts with zeros is joined with one 零 (壹佰万零壹). */
function integerWords(raw: string): string {
  const s = raw.replace(/^0+/, '');
  if (s === '') return '';
  const split = (size: number, unit: string, high: (h: string) => string) => {
    const low = s.slice(-size);
    const lowWords = /^0+$/.test(low) ? '' : `${low.startsWith('0') ? '零' : ''}${integerWords(low)}`;
    return `${high(s.slice(0, -size))}${unit}${lowWords}`;
  };
  if (s.length > 8) return split(8, '亿', integerWords);
  if (s.length > 4) return split(4, '万', sectionWords);
  return sectionWords(s);
}

/**
 * The amount in Chinese capital numerals (人民币大写) as written on contracts and cheques, after the
 * 支付结算办法 rules: 元 or 角 at the end takes 整, 分 never does; a zero between 元 and 分 is
 * written 零 (壹拾元零伍分); 0.00 is 零元整. Rounded half-up to cents first.
 */
export function amountInChineseWords(m: Money): string {
  const fixed = money.format(m);
  const negative = fixed.startsWith('-');
  const [int, dec] = (negative ? fixed.slice(1) : fixed).split('.') as [string, string];
  const jiao = Number(dec[0]);
  const fen = Number(dec[1]);
  const yuan = integerWords(int);
  let words = yuan === '' ? '' : `${yuan}元`;
  if (jiao === 0 && fen === 0) words = `${yuan === '' ? '零元' : words}整`;
  else if (fen === 0) words += `${DIGITS[jiao]}角整`;
  else if (jiao === 0) words += `${yuan === '' ? '' : '零'}${DIGITS[fen]}分`;
  else words += `${DIGITS[jiao]}角${DIGITS[fen]}分`;
  return negative && words !== '零元整' ? `负${words}` : words;
}

// ── what each kind offers ─────────────────────────────────────────────────────────────────────

const commonFields = [
  'company.name', 'doc.number', 'doc.date', 'customer.name', 'customer.address', 'contact.name', 'contact.phone',
  'owner.name', 'owner.phone', 'total.amount', 'total.amountInWords', 'total.tax',
] as const;

/** What a dunning letter (thank-you, collection notice, lawyer's letter; domain §11.2) fills besides the common fields. */
const letterFields = [
  'contract.number', 'receivable.kind', 'receivable.dueDate', 'receivable.originalDueDate', 'receivable.amount', 'receivable.received',
  'receivable.outstanding', 'receivable.outstandingInWords', 'receivable.daysOverdue', 'letter.reason', 'letter.deadline', 'letter.measures', 'letter.note',
] as const;

/** The placeholders (flat field names) each kind of document fills (the agreed print model). */
export const printFields = {
  quote: [...commonFields, 'quote.validUntil', 'quote.paymentTerms', 'quote.deliveryTerms', 'quote.revision'],
  contract: [...commonFields, 'contract.title', 'contract.buyerParty', 'contract.sellerParty', 'contract.deliveryTerms'],
  delivery_note: [...commonFields, 'shipment.plannedDate', 'shipment.carrier', 'shipment.trackingNo', 'shipment.address', 'order.number', 'contract.number'],
  thank_you_letter: [...commonFields, ...letterFields],
  collection_notice: [...commonFields, ...letterFields],
  lawyer_letter: [...commonFields, ...letterFields, 'lawyer.firm'],
} as const satisfies Record<PrintKind, readonly string[]>;

const salesLineColumns = ['no', 'product', 'description', 'unit', 'quantity', 'unitPrice', 'discount', 'taxRate', 'amount'] as const;

/** A letter's line table: the overdue receivable line(s) it is about. */
const letterLineColumns = ['no', 'contractNumber', 'kind', 'dueDate', 'amount', 'received', 'outstanding', 'daysOverdue'] as const;

/** The columns of the line table per kind (what `[lines]` may name). */
export const lineColumns = {
  quote: salesLineColumns,
  contract: salesLineColumns,
  delivery_note: ['no', 'product', 'description', 'unit', 'quantity', 'packaging'],
  thank_you_letter: letterLineColumns,
  collection_notice: letterLineColumns,
  lawyer_letter: letterLineColumns,
} as const satisfies Record<PrintKind, readonly string[]>;

/** Further named tables per kind and their columns (what `[table name]` may name). */
export const printTables: Record<PrintKind, Record<string, readonly string[]>> = {
  quote: {},
  contract: { paymentPlan: ['no', 'kind', 'dueDate', 'amount', 'percent'] },
  delivery_note: {},
  thank_you_letter: {},
  collection_notice: { history: ['no', 'date', 'step', 'note'] },
  lawyer_letter: { history: ['no', 'date', 'step', 'note'] },
};

/** Default column headings of tables (zh-CN, the language of printed documents); `col=标签` overrides them. */
export const columnLabels: Record<string, string> = {
  no: '序号', product: '产品名称', description: '规格/描述', unit: '单位', quantity: '数量', unitPrice: '含税单价', discount: '折扣',
  taxRate: '税率', amount: '金额（元）', packaging: '包装', kind: '款项', dueDate: '付款日期', percent: '比例',
  contractNumber: '合同编号', received: '已收（元）', outstanding: '未收（元）', daysOverdue: '逾期天数', date: '日期', step: '催收方式', note: '说明',
};

/** Columns printed right-aligned (figures). */
export const numericColumns: ReadonlySet<string> = new Set(['no', 'quantity', 'unitPrice', 'discount', 'taxRate', 'amount', 'percent', 'received', 'outstanding', 'daysOverdue']);

// ── the block syntax ──────────────────────────────────────────────────────────────────────────

export interface TableColumn { key: string; label: string }

export type TemplateBlock =
  | { type: 'title' | 'heading' | 'center' | 'right' | 'paragraph'; text: string }
  | { type: 'rule' | 'totals' | 'pagebreak' }
  | { type: 'columns'; columns: TemplateBlock[][] }
  | { type: 'lines'; columns: TableColumn[] }
  | { type: 'table'; name: string; columns: TableColumn[] }
  | { type: 'signature'; left: string; right: string };

export const TEMPLATE_MAX_LENGTH = 20_000;

/** A template body read into blocks, with every problem found (line numbers from 1). */
export interface ParsedTemplate { blocks: TemplateBlock[]; problems: ErrorDetail[] }

function parseColumns(kind: PrintKind, allowed: readonly string[], spec: string[], fallback: readonly string[], line: number, problems: ErrorDetail[]): TableColumn[] {
  const columns = (spec.length > 0 ? spec : [...fallback]).map((item) => {
    const [key, ...label] = item.split('=');
    return { key: key!, label: label.length > 0 ? label.join('=') : (columnLabels[key!] ?? key!) };
  });
  const unknown = columns.filter((c) => !allowed.includes(c.key)).map((c) => c.key);
  if (unknown.length > 0) problems.push({ path: 'body', message: 'errors.printUnknownColumns', params: { line, columns: unknown.join(', '), allowed: allowed.join(', '), kind } });
  return columns;
}

/** Reads a template body into blocks; unknown directives, tables and columns are problems. */
export function parseTemplate(kind: PrintKind, body: string): ParsedTemplate {
  const problems: ErrorDetail[] = [];
  const root: TemplateBlock[] = [];
  let columns: TemplateBlock[][] | null = null;
  let columnsStart = 0;
  let paragraph: string[] = [];
  const target = () => (columns ? columns[columns.length - 1]! : root);
  const flush = () => {
    if (paragraph.length > 0) target().push({ type: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === '') { flush(); return; }
    const directive = /^\[(\/?[a-zA-Z]+)(?:\s+(.*))?\]$/.exec(text);
    if (!directive) {
      const prefixed = /^(##|#|\^\^|>>)\s*(.*)$/.exec(text);
      if (text === '---') { flush(); target().push({ type: 'rule' }); return; }
      if (!prefixed) { paragraph.push(raw.trimEnd()); return; }
      flush();
      const type = ({ '#': 'title', '##': 'heading', '^^': 'center', '>>': 'right' } as const)[prefixed[1] as '#' | '##' | '^^' | '>>'];
      target().push({ type, text: prefixed[2]! });
      return;
    }
    flush();
    const name = directive[1]!;
    const args = (directive[2] ?? '').trim();
    const words = args === '' ? [] : args.split(/\s+/);
    switch (name) {
      case 'columns':
        if (columns) problems.push({ path: 'body', message: 'errors.printNestedColumns', params: { line } });
        else { columns = [[]]; columnsStart = line; }
        return;
      case 'next':
        if (!columns) problems.push({ path: 'body', message: 'errors.printStrayDirective', params: { line, directive: '[next]' } });
        else columns.push([]);
        return;
      case '/columns':
        if (!columns) problems.push({ path: 'body', message: 'errors.printStrayDirective', params: { line, directive: '[/columns]' } });
        else { root.push({ type: 'columns', columns }); columns = null; }
        return;
      case 'lines':
        target().push({ type: 'lines', columns: parseColumns(kind, lineColumns[kind], words, lineColumns[kind], line, problems) });
        return;
      case 'table': {
        const [tableName, ...spec] = words;
        const tableColumns = tableName ? printTables[kind][tableName] : undefined;
        if (!tableName || !tableColumns) {
          problems.push({ path: 'body', message: 'errors.printUnknownTable', params: { line, table: tableName ?? '', allowed: Object.keys(printTables[kind]).join(', ') || '—' } });
          return;
        }
        target().push({ type: 'table', name: tableName, columns: parseColumns(kind, tableColumns, spec, tableColumns, line, problems) });
        return;
      }
      case 'totals': target().push({ type: 'totals' }); return;
      case 'pagebreak': target().push({ type: 'pagebreak' }); return;
      case 'signature': {
        const [left, right] = args.split('|').map((s) => s.trim());
        target().push({ type: 'signature', left: left || '甲方（盖章）', right: right || '乙方（盖章）' });
        return;
      }
      default:
        problems.push({ path: 'body', message: 'errors.printUnknownDirective', params: { line, directive: `[${name}]` } });
    }
  });
  flush();
  if (columns) {
    problems.push({ path: 'body', message: 'errors.printUnclosedColumns', params: { line: columnsStart } });
    root.push({ type: 'columns', columns });
  }
  return { blocks: root, problems };
}

/** Every text of a block list that may hold placeholders. */
function textsOf(blocks: readonly TemplateBlock[]): string[] {
  return blocks.flatMap((b): string[] => {
    if ('text' in b) return [b.text];
    if (b.type === 'columns') return b.columns.flatMap(textsOf);
    if (b.type === 'signature') return [b.left, b.right];
    return [];
  });
}

type MustacheToken = [string, string, number, number, MustacheToken[]?, number?];

function placeholderNames(tokens: MustacheToken[]): string[] {
  return tokens.flatMap((t) => {
    const [type, value] = t;
    if (type === 'name' || type === '&') return [value];
    if (type === '#' || type === '^') return [value, ...placeholderNames(t[4] ?? [])];
    return [];
  });
}

/**
 * Checks a template before it is saved or previewed: the block syntax, the placeholder syntax, and
 * that every placeholder is one the kind fills — an unknown one is named (never printed as braces).
 */
export function validateTemplate(kind: PrintKind, body: string): ErrorDetail[] {
  if (body.trim() === '') return [{ path: 'body', message: 'errors.required' }];
  if (body.length > TEMPLATE_MAX_LENGTH) return [{ path: 'body', message: 'errors.printTemplateTooLong', params: { max: TEMPLATE_MAX_LENGTH } }];
  const { blocks, problems } = parseTemplate(kind, body);
  const known = new Set<string>(printFields[kind]);
  const unknown = new Set<string>();
  for (const text of textsOf(blocks)) {
    let tokens: MustacheToken[];
    try {
      tokens = Mustache.parse(text) as MustacheToken[];
    } catch (error) {
      problems.push({ path: 'body', message: 'errors.printPlaceholderSyntax', params: { text: text.slice(0, 60), reason: error instanceof Error ? error.message : '' } });
      continue;
    }
    if (tokens.some(([type]) => type === '>' || type === '=')) {
      problems.push({ path: 'body', message: 'errors.printPlaceholderSyntax', params: { text: text.slice(0, 60), reason: '{{> }} / {{= }}' } });
    }
    for (const name of placeholderNames(tokens)) if (!known.has(name)) unknown.add(name);
  }
  if (unknown.size > 0) problems.unshift({ path: 'body', message: 'errors.printUnknownPlaceholders', params: { names: [...unknown].map((n) => `{{${n}}}`).join(', ') } });
  return problems;
}

/** The Mustache view of flat print fields: 'company.name' → { company: { name } }. */
export function viewOf(fields: Record<string, string>): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const parts = key.split('.');
    let node = view;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1)!] = value;
  }
  return view;
}

/** Fills the placeholders of a text, as is (PDF text needs no HTML escaping); an unknown one prints nothing. */
export function fillText(text: string, view: Record<string, unknown>): string {
  try {
    return Mustache.render(text, view, {}, { escape: (value: string) => value });
  } catch {
    return text.replace(/\{\{[^}]*\}\}/g, '');
  }
}
