import { describe, expect, it } from 'vitest';
import { money } from '../../../../shared/money.js';
import { policyDefinitions, type PolicyDefinition } from '../policies.definitions.js';
import { changedKeys, effectivePolicies, needsApproval, validatePolicyChange } from '../policies.rules.js';

const entries = Object.entries(policyDefinitions) as [string, PolicyDefinition][];

describe('policy definitions', () => {
  it.each(entries)('%s has a unit, a group and a zh-CN and en-US label', (_key, def) => {
    expect(def.unit).toMatch(/^(days|months|minutes|hours|count|percent|rate|money|score|weekday)$/);
    expect(def.group).not.toBe('');
    expect(def.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/); // the source locale is Chinese
    expect(def.label['en-US']).toMatch(/^[\x20-\x7e]+$/);
    expect(def.label['en-US'].trim()).not.toBe('');
  });

  it.each(entries)('%s has a default its own validation accepts, and sending it back is no change', (key, def) => {
    const { normalised, errors } = validatePolicyChange({ [key]: def.default });
    expect(errors).toEqual([]);
    expect(typeof normalised[key]).toBe(typeof def.default);
    expect(money.compare(String(normalised[key]), String(def.default))).toBe(0);
    expect(changedKeys(effectivePolicies({}), normalised)).toEqual([]);
    expect(money.gte(String(def.default), def.min) && money.gte(def.max, String(def.default))).toBe(true);
  });

  it('marks exactly the money limits as thresholds that need the GM', () => {
    const thresholds = entries.filter(([, def]) => def.moneyThreshold === true).map(([key]) => key);
    expect(thresholds).toEqual(entries.filter(([, def]) => def.unit === 'money').map(([key]) => key));
    expect(thresholds).toEqual(expect.arrayContaining(['contracts.majorAmount', 'expenses.gmApprovalAmount']));
  });

  it('carries the domain defaults users know from the handbook', () => {
    const values = effectivePolicies({});
    expect(values['auth.maxFailedLogins']).toBe(5);
    expect(values['auth.lockoutMinutes']).toBe(15);
    expect(values['contracts.majorAmount']).toBe('1000000.00');
    expect(values['expenses.gmApprovalAmount']).toBe('5000.00');
    expect(values['penalty.monthlyRate']).toBe('0.005');
  });
});

describe('validatePolicyChange', () => {
  it.each<[string, Record<string, number | string>, Record<string, number | string>]>([
    ['a whole number within range', { 'auth.maxFailedLogins': 6 }, { 'auth.maxFailedLogins': 6 }],
    ['a whole number sent as text', { 'auth.maxFailedLogins': '6' }, { 'auth.maxFailedLogins': 6 }],
    ['the lower bound', { 'auth.lockoutMinutes': 1 }, { 'auth.lockoutMinutes': 1 }],
    ['the upper bound', { 'auth.lockoutMinutes': 1440 }, { 'auth.lockoutMinutes': 1440 }],
    ['money normalised to two decimals', { 'contracts.majorAmount': '800000' }, { 'contracts.majorAmount': '800000.00' }],
    ['money given as a number', { 'expenses.gmApprovalAmount': 6000.5 }, { 'expenses.gmApprovalAmount': '6000.50' }],
    ['money with surrounding spaces', { 'expenses.gmApprovalAmount': ' 6000.00 ' }, { 'expenses.gmApprovalAmount': '6000.00' }],
    ['a rate keeps its precision', { 'penalty.monthlyRate': '0.0075' }, { 'penalty.monthlyRate': '0.0075' }],
    ['a percent as text', { 'quotes.repDiscountLimitPercent': '7.5' }, { 'quotes.repDiscountLimitPercent': '7.5' }],
  ])('accepts %s', (_title, input, expected) => {
    expect(validatePolicyChange(input)).toEqual({ normalised: expected, errors: [] });
  });

  it.each<[string, Record<string, number | string>, string, string]>([
    ['one above the maximum', { 'auth.lockoutMinutes': 1441 }, 'values.auth.lockoutMinutes', 'errors.policyRange'],
    ['one below the minimum', { 'auth.lockoutMinutes': 0 }, 'values.auth.lockoutMinutes', 'errors.policyRange'],
    ['a negative amount', { 'contracts.majorAmount': '-0.01' }, 'values.contracts.majorAmount', 'errors.policyRange'],
    ['a rate above 1', { 'penalty.monthlyRate': '1.0001' }, 'values.penalty.monthlyRate', 'errors.policyRange'],
    ['a fraction where a whole number is required', { 'auth.maxFailedLogins': 5.5 }, 'values.auth.maxFailedLogins', 'errors.policyInteger'],
    ['a fraction sent as text', { 'pool.ownedCap': '10.1' }, 'values.pool.ownedCap', 'errors.policyInteger'],
    ['text that is not a number', { 'auth.maxFailedLogins': 'five' }, 'values.auth.maxFailedLogins', 'errors.decimal'],
    ['an empty string', { 'contracts.majorAmount': '' }, 'values.contracts.majorAmount', 'errors.decimal'],
    ['infinity', { 'contracts.majorAmount': 'Infinity' }, 'values.contracts.majorAmount', 'errors.decimal'],
    ['an unknown key', { 'contracts.majorAmountt': '1.00' }, 'values.contracts.majorAmountt', 'errors.policyUnknown'],
    ['an inherited object key', { constructor: 1 }, 'values.constructor', 'errors.policyUnknown'],
  ])('refuses %s, naming values.<key>', (_title, input, path, message) => {
    const { normalised, errors } = validatePolicyChange(input);
    expect(normalised).toEqual({});
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path, message });
  });

  it('reports every bad key at once and keeps the good ones apart', () => {
    const { normalised, errors } = validatePolicyChange({ 'auth.maxFailedLogins': 7, 'auth.lockoutMinutes': 0, nope: 1 });
    expect(normalised).toEqual({ 'auth.maxFailedLogins': 7 });
    expect(errors.map((e) => e.path)).toEqual(['values.auth.lockoutMinutes', 'values.nope']);
  });
});

describe('changedKeys and needsApproval', () => {
  const current = effectivePolicies({});
  it.each<[string, Record<string, number | string>, string[]]>([
    ['the same value is no change', { 'auth.maxFailedLogins': 5 }, []],
    ['the same money value is no change', { 'contracts.majorAmount': '1000000.00' }, []],
    ['a new value is a change', { 'auth.maxFailedLogins': 6 }, ['auth.maxFailedLogins']],
    ['a rate written with another scale is no change', { 'penalty.badDebtRate': '0.2' }, []],
    ['a percent written with another scale is no change', { 'quotes.repDiscountLimitPercent': '5.00' }, []],
    ['a rate one step away is a change', { 'penalty.badDebtRate': '0.2001' }, ['penalty.badDebtRate']],
    ['only the keys that change are listed', { 'auth.maxFailedLogins': 5, 'contracts.majorAmount': '900000.00' }, ['contracts.majorAmount']],
  ])('%s', (_title, normalised, expected) => {
    expect(changedKeys(current, normalised)).toEqual(expected);
  });

  it.each<[string[], boolean]>([
    [[], false],
    [['auth.maxFailedLogins'], false],
    [['penalty.monthlyRate', 'pool.ownedCap'], false],
    [['contracts.majorAmount'], true],
    [['auth.maxFailedLogins', 'expenses.gmApprovalAmount'], true],
    [['unknown.key'], false],
  ])('a change of %j needs the GM: %s', (keys, expected) => {
    expect(needsApproval(keys)).toBe(expected);
  });
});

describe('effectivePolicies', () => {
  it('lays stored values over the defaults', () => {
    const values = effectivePolicies({ 'auth.maxFailedLogins': 8, 'contracts.majorAmount': '2000000.00' });
    expect(values['auth.maxFailedLogins']).toBe(8);
    expect(values['contracts.majorAmount']).toBe('2000000.00');
    expect(values['auth.lockoutMinutes']).toBe(15);
  });

  it('ignores unknown stored keys and stored values of the wrong type', () => {
    const values = effectivePolicies({ 'auth.maxFailedLogins': '8', 'contracts.majorAmount': 2000000, stray: 1 });
    expect(values['auth.maxFailedLogins']).toBe(5);
    expect(values['contracts.majorAmount']).toBe('1000000.00');
    expect(Object.keys(values)).toEqual(Object.keys(policyDefinitions));
  });
});
