import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * PDF documents (reports now; quotes and dunning letters later) through pdfmake, in Noto Sans CJK
 * from Debian's fonts-noto-cjk (the same package the browser tests install), embedded as a subset
 * so Chinese prints on any reader. One shared look: A4, title, subtitle, tables, page numbers.
 */
export const PDF_TYPE = 'application/pdf';

const FONT_DIR = '/usr/share/fonts/opentype/noto';
/** The fonts as [collection file, PostScript name of the Simplified Chinese face]. */
const FONT_FILES = {
  normal: [`${FONT_DIR}/NotoSansCJK-Regular.ttc`, 'NotoSansCJKsc-Regular'],
  bold: [`${FONT_DIR}/NotoSansCJK-Bold.ttc`, 'NotoSansCJKsc-Bold'],
} as const;
export const PDF_FONT = 'NotoSansSC';

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, readonly [string, string]>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let engine: PdfMake | undefined;

/** pdfmake is a CommonJS singleton: load it once, with our fonts, reading no file but them and fetching no URL. */
function pdfmake(): PdfMake {
  if (engine) return engine;
  const missing = Object.values(FONT_FILES).map(([file]) => file).filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`PDF font missing: ${missing.join(', ')} (install the Debian package fonts-noto-cjk)`);
  const loaded = createRequire(import.meta.url)('pdfmake') as PdfMake;
  loaded.setFonts({ [PDF_FONT]: { normal: FONT_FILES.normal, bold: FONT_FILES.bold, italics: FONT_FILES.normal, bolditalics: FONT_FILES.bold } });
  const allowed = new Set<string>(Object.values(FONT_FILES).map(([file]) => file));
  loaded.setLocalAccessPolicy((path) => allowed.has(path));
  loaded.setUrlAccessPolicy(() => false);
  engine = loaded;
  return engine;
}

export type PdfCell = string | number | null;

/**
 * A table with a bold header row repeated on every page; `numeric` columns (0-based) are right
 * aligned. Cells are shown as given: format amounts before (the strings are exact).
 */
export function pdfTable(headers: string[], rows: PdfCell[][], options: { numeric?: number[]; widths?: (number | '*' | 'auto')[]; boldRows?: number[] } = {}): Content {
  const numeric = new Set(options.numeric ?? []);
  const bold = new Set(options.boldRows ?? []);
  const cell = (value: PdfCell, column: number, isBold: boolean, fillColor?: string): TableCell => ({
    text: value === null ? '—' : String(value), alignment: numeric.has(column) ? 'right' : 'left', bold: isBold, ...(fillColor ? { fillColor } : {}),
  });
  return {
    table: {
      headerRows: 1,
      widths: options.widths ?? headers.map(() => 'auto'),
      body: [headers.map((h, i) => cell(h, i, true, '#f0f0f0')), ...rows.map((r, ri) => r.map((v, i) => cell(v, i, bold.has(ri))))],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
    margin: [0, 4, 0, 12],
  };
}

/** Renders a document: title, optional subtitle lines, the content; the title also goes into the PDF's metadata. */
export async function renderPdf(doc: { title: string; subtitle?: string[]; content: Content[]; landscape?: boolean; generatedAt?: string }): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    info: { title: doc.title, creator: 'Kairos' },
    pageSize: 'A4',
    pageOrientation: doc.landscape ? 'landscape' : 'portrait',
    pageMargins: [36, 40, 36, 40],
    defaultStyle: { font: PDF_FONT, fontSize: 10 },
    content: [
      { text: doc.title, fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      ...(doc.subtitle ?? []).map((line): Content => ({ text: line, color: '#595959', fontSize: 9 })),
      { text: '', margin: [0, 0, 0, 8] },
      ...doc.content,
    ],
    footer: (page, pages) => ({
      columns: [{ text: doc.generatedAt ?? '', fontSize: 8, color: '#8c8c8c' }, { text: `${page} / ${pages}`, alignment: 'right', fontSize: 8, color: '#8c8c8c' }],
      margin: [36, 12, 36, 0],
    }),
  };
  return pdfmake().createPdf(definition).getBuffer();
}

/**
 * Renders a document laid out by the caller (print templates: quotes, contracts, delivery notes):
 * A4 portrait, our font, page numbers in the footer; `title` goes into the PDF's metadata only.
 */
export async function renderLaidOutPdf(doc: { title: string; content: Content[]; footerText?: string }): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    info: { title: doc.title, creator: 'Kairos' },
    pageSize: 'A4',
    pageMargins: [48, 44, 48, 48],
    defaultStyle: { font: PDF_FONT, fontSize: 10, lineHeight: 1.25 },
    content: doc.content,
    footer: (page, pages) => ({
      columns: [{ text: doc.footerText ?? '', fontSize: 8, color: '#8c8c8c' }, { text: `${page} / ${pages}`, alignment: 'right', fontSize: 8, color: '#8c8c8c' }],
      margin: [48, 16, 48, 0],
    }),
  };
  return pdfmake().createPdf(definition).getBuffer();
}
