/**
 * Client-side hint for the unified social credit code (统一社会信用代码, GB 32100-2015). The server
 * checks it again and is the authority; this only saves a round trip while typing.
 */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'chars' | 'checksum';

function toHalfWidthUpper(code: string): string {
  return code.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).trim().toUpperCase();
}

/** What is wrong with a typed code, or null when it is blank or valid. */
export function creditCodeProblem(raw: string | null | undefined): CreditCodeProblem | null {
  const code = toHalfWidthUpper(raw ?? '');
  if (code === '') return null;
  if (code.length !== 18) return 'length';
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'chars';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARS.indexOf(code[i]!) * WEIGHTS[i]!;
  return CHARS[(31 - (sum % 31)) % 31] === code[17] ? null : 'checksum';
}
