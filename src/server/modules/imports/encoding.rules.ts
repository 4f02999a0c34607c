/**
 * Which text encoding a CSV file is in. Excel in China saves "CSV" as GBK/GB18030 unless told
 * "CSV UTF-8" (which adds a BOM); other tools write UTF-8 without a BOM; "Unicode text" is UTF-16.
 * A file that is none of these (binary, or UTF-8 with broken sequences) is refused as a whole.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type Decoded = { ok: true; encoding: TextEncodingName; text: string } | { ok: false; reason: 'imports.fileBinary' | 'imports.fileEncoding' };

/** Text no spreadsheet holds: C0 controls other than tab, LF, CR; DEL; private use; the replacement character. */
function implausible(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd) return true;
  }
  return false;
}
const IMPLAUSIBLE = { test: implausible };

/**
 * Share of the non-ASCII byte sequences that are valid UTF-8. Real UTF-8 with a damaged byte scores
 * near 1; GBK text scores low, since its trail bytes are rarely UTF-8 continuation bytes in a row.
 */
export function utf8Share(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let good = length > 0 && i + length <= bytes.length;
    for (let k = 1; good && k < length; k++) good = (bytes[i + k]! & 0xc0) === 0x80;
    if (good) { valid++; i += length; } else { invalid++; i++; }
  }
  return { valid, invalid };
}

function strict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    return text !== null && !IMPLAUSIBLE.test(text) ? { ok: true, encoding: 'utf-8-bom', text } : { ok: false, reason: 'imports.fileEncoding' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = strict(encoding, bytes.subarray(2));
    return text !== null && !IMPLAUSIBLE.test(text) ? { ok: true, encoding, text } : { ok: false, reason: 'imports.fileEncoding' };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'imports.fileBinary' };
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return IMPLAUSIBLE.test(utf8) ? { ok: false, reason: 'imports.fileBinary' } : { ok: true, encoding: 'utf-8', text: utf8 };
  const share = utf8Share(bytes);
  // mostly valid UTF-8 with some broken sequences: a damaged UTF-8 file, not GBK
  if (share.valid >= 4 && share.valid >= share.invalid * 3) return { ok: false, reason: 'imports.fileEncoding' };
  const gb = strict('gb18030', bytes);
  if (gb === null || IMPLAUSIBLE.test(gb)) return { ok: false, reason: 'imports.fileEncoding' };
  return { ok: true, encoding: 'gb18030', text: gb };
}
