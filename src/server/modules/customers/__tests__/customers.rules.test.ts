import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar, fileReviewCutoff, isFileStale, isValidCreditCode, maskPhone, mayOpenFile, mergedValues, normaliseCompanyName, normalisePhone,
  wouldCreateReportingCycle,
} from '../customers.rules.js';

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

describe('maskPhone (field-level masking)', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['138-0013-8000', '138****8000'],
    ['021-62345678', '021****5678'],
    ['+86 138 0013 8000', '138****8000'],
    ['1234567', '****67'],
    ['12', '****'],
    ['', ''],
  ])('%s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('leaves a missing number missing', () => expect(maskPhone(null)).toBeNull());
});

describe('isFileStale (档案复核, 3 months by default)', () => {
  it.each([
    ['2026-01-15', '2026-04-14', false], // one day short of three months
    ['2026-01-15', '2026-04-15', true],  // exactly three months
    ['2026-01-15', '2026-05-01', true],
    ['2026-04-15', '2026-04-15', false], // reviewed today
  ])('reviewed %s, as of %s → stale %s', (reviewed, asOf, stale) => expect(isFileStale(reviewed, asOf, 3)).toBe(stale));

  it('the cutoff is the review interval before asOf', () => expect(fileReviewCutoff('2026-04-15', 3)).toBe('2026-01-15'));
});

describe('mayOpenFile (客户档案保密)', () => {
  const managers = ['supervisor', 'manager'];
  it.each([
    ['owner', false, 'owner', true],
    ['supervisor', false, 'owner', true],   // the owner's manager
    ['manager', false, 'owner', true],      // further up the tree
    ['colleague', false, 'owner', false],   // a collaborator or peer
    ['csm', true, 'owner', true],           // account-manager level or above
    ['colleague', false, null, false],      // a pool customer: nobody's file but the keepers'
    ['csm', true, null, true],
  ] as const)('%s (any file: %s) opening the file of %s → %s', (actorId, mayReadAnyFile, ownerId, allowed) => {
    expect(mayOpenFile({ actorId, mayReadAnyFile }, ownerId, ownerId ? managers : [])).toBe(allowed);
  });
});

describe('mergedValues (合并)', () => {
  it('keeps the survivor\'s values, fills its blanks from the duplicate and unites lists', () => {
    const survivor = { phone: '021-1', website: null as string | null, address: '', tags: ['a', 'b'] };
    const duplicate = { phone: '021-2', website: 'https://x.cn', address: '上海', tags: ['b', 'c'] };
    expect(mergedValues(survivor, duplicate, ['phone', 'website', 'address', 'tags'])).toEqual({ website: 'https://x.cn', address: '上海', tags: ['a', 'b', 'c'] });
  });

  it('changes nothing when the duplicate adds nothing', () => {
    expect(mergedValues({ a: 'x', t: ['1'] }, { a: null, t: ['1'] }, ['a', 't'])).toEqual({});
  });
});

describe('wouldCreateReportingCycle (org chart)', () => {
  const lines = new Map<string, string | null>([['ceo', null], ['cto', 'ceo'], ['dev', 'cto']]);
  it.each([
    ['ceo', 'dev', true],  // the boss cannot report to someone below them
    ['ceo', 'ceo', true],
    ['dev', 'ceo', false],
    ['cto', null, false],
    ['new', 'dev', false],
  ] as const)('%s reporting to %s → loop %s', (contact, manager, loop) => {
    expect(wouldCreateReportingCycle(contact, manager, lines)).toBe(loop);
  });
});
