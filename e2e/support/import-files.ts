import { creditCodeCheckChar } from '../../src/shared/credit-code';

/** A valid unified social credit code (GB 32100-2015 check character) numbered `n`. */
export function creditCode(n: number): string {
  const first17 = `91310000MA1E${String(n).padStart(5, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** The same code with a wrong check character, as a typo in a spreadsheet would leave it. */
export function badCreditCode(n: number): string {
  const good = creditCode(n);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
}

let gbkTable: Map<string, number[]> | null = null;

/**
 * Encodes text as GBK, the way Excel in China saves "CSV (逗号分隔)": Node has a GBK decoder but no
 * encoder, so the table is the decoder run backwards over every two-byte code.
 */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = decoder.decode(Uint8Array.of(lead, trail));
          if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
        } catch {
          // not a GBK code
        }
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** A CSV file (CRLF lines) from a header and rows; cells with commas or quotes are quoted. */
export function csvText(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** `count` distinct, valid customers as a UTF-8 (with BOM) CSV, for the background-job path (> 2,000 rows). */
export function manyCustomersCsv(count: number, prefix = '批量导入测试'): Buffer {
  const rows = [['客户名称', '统一社会信用代码', '行业', '联系电话']];
  for (let i = 1; i <= count; i++) {
    rows.push([`${prefix}${String(i).padStart(5, '0')}号科技有限公司`, creditCode(50_000 + i), '软件', `021-${String(60_000_000 + i)}`]);
  }
  return Buffer.from(`\ufeff${csvText(rows)}`, 'utf8');
}
