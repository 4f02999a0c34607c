import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, normaliseCompanyName, normalisePhone } from '../customers.rules.js';

describe('normaliseCompanyName (查重)', () => {
  it.each([
    ['北京示例科技有限公司', '北京示例科技'],
    ['北京示例科技股份有限公司', '北京示例科技'],
    ['北京示例科技有限责任公司', '北京示例科技'],
    ['北京 示例 科技 有限公司', '北京示例科技'],
    ['示例科技（上海）有限公司', '示例科技'],
    ['示例科技(上海)有限公司', '示例科技'],
    ['ＡＢＣ科技有限公司', 'abc科技'],
    ['Acme Co., Ltd.', 'acme'],
    ['ACME Company Limited', 'acme'],
  ])('%s → %s', (name, expected) => expect(normaliseCompanyName(name)).toBe(expected));

  it('never normalises a name to nothing', () => {
    expect(normaliseCompanyName('有限公司').length).toBeGreaterThan(0);
  });

  it('keeps different companies apart', () => {
    expect(normaliseCompanyName('北京示例科技有限公司')).not.toBe(normaliseCompanyName('上海示例科技有限公司'));
  });
});

describe('normalisePhone', () => {
  it.each([
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['（021）6888 8888', '02168888888'],
    ['８６１３８００１３８０００', '13800138000'],
  ])('%s → %s', (phone, expected) => expect(normalisePhone(phone)).toBe(expected));
});

describe('unified social credit code checksum (GB 32100)', () => {
  it.each([
    ['91350100M000100Y43', true],   // published example
    ['91110000802100433B', true],
    ['91350100M000100Y44', false],  // wrong check character
    ['91350100M000100Y4', false],   // 17 characters
    ['91350100M000100Y4O', false],  // O is not in the code set
    ['9135010OM000100Y43', false],  // letter inside the division code
    ['', false],
  ])('%s valid: %s', (code, valid) => expect(isValidCreditCode(code)).toBe(valid));

  it('a lower-case or full-width code is read as its upper-case half-width form', () => {
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
  });

  it('the check character of 91350100M000100Y4 is 3', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
});
