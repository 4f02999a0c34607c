import { describe, expect, it } from 'vitest';
import { safeCell } from '../xlsx.js';

describe('safeCell (spreadsheet formula injection)', () => {
  it.each([
    ['=cmd|/C calc!A0', "'=cmd|/C calc!A0"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['上海示例科技', '上海示例科技'],
    ['a=b', 'a=b'],
    [-5, -5],
    [null, null],
  ])('%j is written as %j', (input, expected) => expect(safeCell(input as string | number | null)).toBe(expected));
});
