import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const KEEP = /[\p{L}\p{N}]/u;

/**
 * The search keys of a name (客户、联系人、线索): the lower-case name without spaces, its pinyin
 * initials and its full pinyin, space-separated — "北京科技有限公司" → "北京科技有限公司 bjkjyxgs
 * beijingkejiyouxiangongsi". Letters and digits in the name are kept as they are (lower-case) in all
 * three parts, so "ABC电子" is found by "abcdz". ü is written v (lv), as people type it.
 */
export function searchKeysFor(name: string): string {
  const chars = [...name.normalize('NFKC').toLowerCase()].filter((ch) => KEEP.test(ch));
  const plain = chars.join('');
  if (!chars.some((ch) => HAN.test(ch))) return plain;
  // one pinyin pass (the costly part of an import's rows): the initials are the first letters of the
  // full syllables — the same as pinyin-pro's `pattern: 'first'`, which ran the whole pass again
  const full = pinyin(plain, { toneType: 'none', type: 'array', v: true });
  return [plain, full.map((syllable) => syllable.charAt(0)).join('').toLowerCase(), full.join('').toLowerCase()].join(' ');
}

/** The search box's term as it is compared with the keys: lower-case, without spaces and punctuation. */
export function searchTermOf(query: string): string {
  return [...query.normalize('NFKC').toLowerCase()].filter((ch) => KEEP.test(ch)).join('');
}

/** Digits of a phone-like query (全角 digits included), or null when it is not a phone fragment of ≥ 4 digits. */
export function phoneFragmentOf(query: string): string | null {
  const trimmed = query.normalize('NFKC').trim();
  if (!/^[0-9+()\-\s]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  return digits.length >= 4 ? digits : null;
}

/** An 18-character unified social credit code in the query (upper-case), or null. */
export function creditCodeOf(query: string): string | null {
  const code = query.normalize('NFKC').trim().toUpperCase();
  return /^[0-9A-HJ-NP-RT-UW-Y]{18}$/.test(code) ? code : null;
}
