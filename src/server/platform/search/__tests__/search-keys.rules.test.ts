import { describe, expect, it } from 'vitest';
import { creditCodeOf, phoneFragmentOf, searchKeysFor, searchTermOf } from '../search-keys.rules.js';

describe('searchKeysFor: the name, its pinyin initials and its full pinyin', () => {
  it.each([
    ['北京科技有限公司', '北京科技有限公司 bjkjyxgs beijingkejiyouxiangongsi'],
    ['重庆长安汽车', '重庆长安汽车 cqcaqc chongqingchanganqiche'], // polyphones read in context (重庆 chong, 长安 chang)
    ['吕布', '吕布 lb lvbu'], // ü is typed v
    ['ABC 电子(上海)', 'abc电子上海 abcdzsh abcdianzishanghai'], // letters kept, spaces and brackets dropped
    ['Ａｃｍｅ Ltd.', 'acmeltd'], // full-width letters folded; no Chinese → one key
    ['', ''],
  ])('%s → %s', (name, keys) => expect(searchKeysFor(name)).toBe(keys));

  it('finds a company by initials, full-pinyin prefix and a Chinese fragment', () => {
    const keys = searchKeysFor('北京科技有限公司');
    for (const query of ['bjkj', 'BJKJ', 'beijing', 'beijingke', '科技', '北京 科技']) expect(keys).toContain(searchTermOf(query));
    expect(keys).not.toContain(searchTermOf('shanghai'));
  });
});

describe('the search box query', () => {
  it.each([
    ['138 0013', '1380013'],
    ['0755-8123', '07558123'],
    ['１３８０', '1380'], // full-width digits
    ['138', null], // 3 digits: too short to be a phone fragment
    ['13800a', null],
    ['北京', null],
  ])('phone fragment of %s → %s', (query, digits) => expect(phoneFragmentOf(query)).toBe(digits));

  it.each([
    ['91440300k0000001xa', '91440300K0000001XA'],
    [' 91440300K0000001XA ', '91440300K0000001XA'],
    ['91440300K0000001X', null], // 17 characters
    ['91440300K0000001IO', null], // I and O are not used in credit codes
  ])('credit code of %s → %s', (query, code) => expect(creditCodeOf(query)).toBe(code));

  it.each([
    ['  北京 科技 ', '北京科技'],
    ['%_', ''],
    ['Bei Jing', 'beijing'],
  ])('term of %s → %s', (query, term) => expect(searchTermOf(query)).toBe(term));
});
