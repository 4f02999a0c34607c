/**
 * Pure rules of the customer file (domain §5): identity for the duplicate check (查重) and the
 * unified social credit code (统一社会信用代码, GB 32100-2015).
 */

const LEGAL_SUFFIXES = [
  '股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '分公司', '公司',
  'co., ltd.', 'co.,ltd.', 'co. ltd.', 'co ltd', 'company limited', 'corporation', 'limited', 'ltd.', 'ltd', 'inc.', 'inc', 'corp.', 'corp', 'llc', 'gmbh',
];

/** Full-width ASCII (ＡＢＣ１２３，（）) to half-width, ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * The company name used by the duplicate check: half-width, lower case, without brackets (and what
 * they enclose when it is a place, e.g. 示例科技（上海）有限公司), spaces, punctuation or legal suffixes.
 */
export function normaliseCompanyName(name: string): string {
  let text = toHalfWidth(name).toLowerCase().trim();
  text = text.replace(/[([【〔][^)\]】〕]{0,12}[)\]】〕]/g, '');
  text = text.replace(/[\s·.,'"\-_/&、，。]+/g, ' ').trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      const s = suffix.replace(/[\s.,]+/g, ' ').trim();
      if (text.endsWith(s) && text.length > s.length) {
        text = text.slice(0, -s.length).trim();
        changed = true;
      }
    }
  }
  return text.replace(/\s+/g, '');
}

/** Digits only, without the +86 / 0086 country prefix, so 138-0013-8000 and +86 13800138000 match. */
export function normalisePhone(phone: string): string {
  const digits = toHalfWidth(phone).replace(/\D/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Check character of the first 17 characters of a credit code (GB 32100-2015 §5). */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARS.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARS[check]!;
}

/** 18 characters from the code set (no I, O, S, V, Z), a numeric division code, and a matching check character. */
export function isValidCreditCode(code: string): boolean {
  const c = toHalfWidth(code).trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(c)) return false;
  return creditCodeCheckChar(c.slice(0, 17)) === c[17];
}
