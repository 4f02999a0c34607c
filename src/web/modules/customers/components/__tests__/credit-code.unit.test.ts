import { describe, expect, it } from 'vitest';
import { creditCodeProblem } from '../../../../../shared/credit-code';

describe('credit code hint', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['91350100M000100Y43', null],
    ['91350100m000100y43', null], // lower case is accepted, the server upper-cases it
    ['９１３５０１００Ｍ０００１００Ｙ４３', null], // full-width input
    ['91350100M000100Y4', 'length'], // 17 characters
    ['91350100M000100Y433', 'length'], // 19 characters
    ['91350100M000100Y44', 'checksum'],
    ['9135010OM000100Y43', 'chars'], // letter O is not in the code set
    ['91A50100M000100Y43', 'chars'], // the division code is numeric
  ])('%s → %s', (code, problem) => expect(creditCodeProblem(code)).toBe(problem));
});
