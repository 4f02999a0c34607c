import { describe, expect, it } from 'vitest';
import {
  checkCustomFieldValues, mergeCustomFieldValues, parseCustomFieldFilters, type FieldDefinition,
} from '../custom-fields.rules.js';

const def = (key: string, kind: FieldDefinition['kind'], extra: Partial<FieldDefinition> = {}): FieldDefinition =>
  ({ key, kind, options: [], isRequired: false, isActive: true, ...extra });
const defs: FieldDefinition[] = [
  def('erp', 'text'),
  def('employees', 'number'),
  def('revenue', 'money'),
  def('expiresOn', 'date'),
  def('channel', 'select', { options: ['展会', '官网'] }),
  def('certs', 'multiSelect', { options: ['ISO9001', 'ISO14001'] }),
  def('oldField', 'text', { isActive: false }),
];
const check = (values: Record<string, unknown>, partial = false, definitions = defs) => checkCustomFieldValues(definitions, values, { partial });
const problemOf = (values: Record<string, unknown>, partial = false, definitions = defs) => check(values, partial, definitions).problems[0]?.message ?? null;

describe('custom field values against their definitions', () => {
  it.each([
    // key, value, problem (null = accepted)
    ['erp', 'SAP', null],
    ['erp', 42, 'errors.customFieldKind'],
    ['employees', 250, null],
    ['employees', '250', 'errors.customFieldKind'],
    ['employees', Number.NaN, 'errors.customFieldKind'],
    ['revenue', '125000.00', null],
    ['revenue', '125000.5', null],
    ['revenue', '125000.123', 'errors.customFieldMoney'], // three decimals
    ['revenue', 125000, 'errors.customFieldMoney'], // money is a string, never a JSON number
    ['revenue', '1e6', 'errors.customFieldMoney'],
    ['expiresOn', '2026-02-28', null],
    ['expiresOn', '2026-02-29', 'errors.customFieldDate'], // not a leap year
    ['expiresOn', '2026/02/28', 'errors.customFieldDate'],
    ['channel', '展会', null],
    ['channel', '地推', 'errors.customFieldOption'],
    ['channel', ['展会'], 'errors.customFieldKind'],
    ['certs', ['ISO9001', 'ISO14001'], null],
    ['certs', ['ISO9001', 'CMMI'], 'errors.customFieldOption'],
    ['certs', 'ISO9001', 'errors.customFieldKind'],
    ['nope', 'x', 'errors.customFieldUnknown'],
    ['oldField', 'x', 'errors.customFieldInactive'],
  ])('%s = %j → %s', (key, value, problem) => expect(problemOf({ [key]: value })).toBe(problem));

  it('stores money with two decimals, text trimmed and multi-selects without repeats', () => {
    expect(check({ revenue: '125000.5', erp: '  SAP ', certs: ['ISO9001', 'ISO9001'] }).values)
      .toEqual({ revenue: '125000.50', erp: 'SAP', certs: ['ISO9001'] });
  });

  it('reports each bad value under its own key', () => {
    expect(check({ employees: 'many', channel: 'x', nope: 1 }).problems.map((p) => p.key)).toEqual(['employees', 'channel', 'nope']);
  });

  describe('required fields', () => {
    const withRequired = [...defs, def('grade', 'select', { options: ['甲', '乙'], isRequired: true })];
    it('a new record needs them; blank is missing', () => {
      expect(problemOf({}, false, withRequired)).toBe('errors.customFieldRequired');
      expect(problemOf({ grade: '' }, false, withRequired)).toBe('errors.customFieldRequired');
      expect(problemOf({ grade: '甲' }, false, withRequired)).toBeNull();
    });
    it('an edit that does not send them is fine, one that clears them is not', () => {
      expect(problemOf({ erp: 'SAP' }, true, withRequired)).toBeNull();
      expect(problemOf({ grade: null }, true, withRequired)).toBe('errors.customFieldRequired');
    });
    it('an inactive required field is not required', () => {
      expect(problemOf({}, false, [def('grade', 'text', { isRequired: true, isActive: false })])).toBeNull();
    });
  });

  it('an edit clears a value with null or blank, and keeps values it did not send (inactive fields too)', () => {
    const patch = check({ erp: null, channel: '', employees: 12 }, true).values;
    expect(patch).toEqual({ erp: null, channel: null, employees: 12 });
    expect(mergeCustomFieldValues({ erp: 'SAP', channel: '展会', oldField: 'kept' }, patch)).toEqual({ oldField: 'kept', employees: 12 });
  });
});

describe('cf.<key> list filters', () => {
  it.each([
    [{ channel: '展会' }, [{ key: 'channel', op: 'eq', value: '展会' }]],
    [{ certs: 'ISO9001' }, [{ key: 'certs', op: 'eq', value: 'ISO9001' }]],
    [{ 'employees.from': '100', 'employees.to': '500' }, [{ key: 'employees', op: 'from', value: 100 }, { key: 'employees', op: 'to', value: 500 }]],
    [{ 'revenue.from': '1000000' }, [{ key: 'revenue', op: 'from', value: '1000000.00' }]],
    [{ 'expiresOn.to': '2026-12-31' }, [{ key: 'expiresOn', op: 'to', value: '2026-12-31' }]],
  ])('%j → %j', (params, filters) => {
    const parsed = parseCustomFieldFilters(defs, params);
    expect(parsed.problems).toEqual([]);
    expect(parsed.filters).toMatchObject(filters);
  });

  it.each([
    [{ 'channel.from': '展会' }, 'channel.from', 'errors.customFieldNoRange'],
    [{ 'employees.from': 'ten' }, 'employees.from', 'errors.customFieldKind'],
    [{ 'revenue.to': '1.005' }, 'revenue.to', 'errors.customFieldMoney'],
    [{ 'expiresOn.from': '2026-13-01' }, 'expiresOn.from', 'errors.customFieldDate'],
    [{ nope: 'x' }, 'nope', 'errors.customFieldUnknown'],
    [{ 'erp.between': 'x' }, 'erp.between', 'errors.customFieldUnknown'],
  ])('%j is refused naming %s', (params, key, message) => {
    expect(parseCustomFieldFilters(defs, params).problems).toEqual([{ key, message, ...(message === 'errors.customFieldKind' ? { params: { expected: 'number' } } : {}) }]);
  });
});
