import type { Content, TableCell } from 'pdfmake/interfaces';
import { fillText, numericColumns, viewOf, type PrintModel, type TableColumn, type TemplateBlock } from './print-templates.rules.js';

/** Width of the A4 text area with the document margins (595.28 − 2 × 48 points). */
const TEXT_WIDTH = 499;
const BORDER = '#8c8c8c';

/** A bordered table with a shaded header; text columns share the free width, figures keep theirs and align right. */
function tableOf(columns: TableColumn[], rows: Array<Record<string, string>>): Content {
  const textColumns = new Set(columns.filter((c) => !numericColumns.has(c.key) && !['unit'].includes(c.key)).map((c) => c.key));
  const widths = columns.map((c) => (textColumns.has(c.key) ? '*' : 'auto'));
  if (textColumns.size === 0 && widths.length > 0) widths[widths.length - 1] = '*';
  const cell = (text: string, key: string, header: boolean): TableCell => ({
    text, bold: header, alignment: header ? 'center' : numericColumns.has(key) ? 'right' : 'left', ...(header ? { fillColor: '#f0f0f0' } : {}),
    // headings and figures keep to one line (a heading like 序号 must not break per character); text columns wrap
    noWrap: header || !textColumns.has(key),
  });
  const body: TableCell[][] = [
    columns.map((c) => cell(c.label, c.key, true)),
    ...(rows.length > 0 ? rows.map((r) => columns.map((c) => cell(r[c.key] ?? '', c.key, false))) : [[{ text: '—', colSpan: columns.length, alignment: 'center' as const }, ...columns.slice(1).map(() => ({ text: '' }))]]),
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body },
    layout: { hLineColor: () => BORDER, vLineColor: () => BORDER, hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 3, paddingBottom: () => 3 },
    fontSize: 9,
    margin: [0, 4, 0, 8],
  };
}

function totalsOf(fields: Record<string, string>): Content {
  const tax = fields['total.tax'];
  const body: TableCell[][] = [
    [{ text: `合计金额（大写）：人民币${fields['total.amountInWords'] ?? ''}`, bold: true }, { text: `（小写）¥${fields['total.amount'] ?? ''}`, bold: true, alignment: 'right' }],
    ...(tax ? [[{ text: `其中增值税额：¥${tax}`, colSpan: 2, color: '#595959' }, { text: '' }] as TableCell[]] : []),
  ];
  return {
    table: { widths: ['*', 'auto'], body },
    layout: { hLineColor: () => BORDER, vLineColor: () => BORDER, hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 4, paddingBottom: () => 4 },
    fontSize: 10,
    margin: [0, 0, 0, 10],
  };
}

function signatureOf(left: string, right: string): Content {
  const party = (label: string): Content => ({
    stack: [
      { text: label, bold: true, margin: [0, 0, 0, 18] },
      { text: '授权代表（签字）：____________________' },
      { text: '日期：________年____月____日', margin: [0, 10, 0, 0] },
    ],
  });
  return { columns: [party(left), party(right)], columnGap: 32, margin: [0, 24, 0, 0], unbreakable: true };
}

/**
 * The pdfmake content of a template for a document: placeholders filled from the model's fields,
 * `[lines]` and `[table x]` from its tables. What the template does not name is not printed.
 */
export function layoutDocument(blocks: readonly TemplateBlock[], model: PrintModel): Content[] {
  const view = viewOf(model.fields);
  const fill = (text: string) => fillText(text, view);
  const toContent = (block: TemplateBlock): Content => {
    switch (block.type) {
      case 'title': return { text: fill(block.text), fontSize: 18, bold: true, alignment: 'center', characterSpacing: 2, margin: [0, 2, 0, 8] };
      case 'heading': return { text: fill(block.text), fontSize: 11, bold: true, margin: [0, 8, 0, 4] };
      case 'center': return { text: fill(block.text), fontSize: 12, bold: true, alignment: 'center', color: '#262626', margin: [0, 0, 0, 2] };
      case 'right': return { text: fill(block.text), fontSize: 9, alignment: 'right', color: '#434343' };
      case 'paragraph': return { text: fill(block.text), margin: [0, 2, 0, 6] };
      case 'rule': return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: TEXT_WIDTH, y2: 0, lineWidth: 1.2, lineColor: '#262626' }], margin: [0, 4, 0, 8] };
      case 'pagebreak': return { text: '', pageBreak: 'after' };
      case 'totals': return totalsOf(model.fields);
      case 'lines': return tableOf(block.columns, model.lines);
      case 'table': return tableOf(block.columns, model.tables?.[block.name] ?? []);
      case 'signature': return signatureOf(fill(block.left), fill(block.right));
      case 'columns': return { columns: block.columns.map((column) => ({ width: '*', stack: column.map(toContent) })), columnGap: 24, margin: [0, 0, 0, 8] };
    }
  };
  return blocks.map(toContent);
}
