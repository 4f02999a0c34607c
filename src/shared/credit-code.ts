/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015), one implementation for the
 * server's validation and the form's hint while typing.
 */

/** Full-width ASCII (ＡＢＣ１２３，（）) to half-width, ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Check character of the first 17 characters of a credit code (GB 32100-2015 §5). */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARS.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return CHARS[(31 - (sum % 31)) % 31]!;
}

/** The credit code as stored: upper-case, half-width, trimmed (the checksum is checked on this form). */
export function normaliseCreditCode(code: string): string {
  return toHalfWidth(code).trim().toUpperCase();
}

export type CreditCodeProblem = 'length' | 'chars' | 'checksum';

/** What is wrong with a code, or null when it is blank or valid: 18 characters from the code set (no I, O, S, V, Z), a numeric division code, a matching check character. */
export function creditCodeProblem(raw: string | null | undefined): CreditCodeProblem | null {
  const code = normaliseCreditCode(raw ?? '');
  if (code === '') return null;
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'chars';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'checksum';
}

export function isValidCreditCode(code: string): boolean {
  return normaliseCreditCode(code) !== '' && creditCodeProblem(code) === null;
}
