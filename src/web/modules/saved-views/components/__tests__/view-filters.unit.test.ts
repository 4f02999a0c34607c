import { describe, expect, it } from 'vitest';
import { fromViewFilters, sameFilters, toViewFilters } from '../view-filters';

describe('saved view filters', () => {
  it('drops empty values and flattens custom-field filters to cf.<key>', () => {
    expect(toViewFilters({ valueClass: 'A', q: '', status: undefined, tags: [], cf: { erp: 'SAP', 'employees.from': '100' } }))
      .toEqual({ valueClass: 'A', 'cf.erp': 'SAP', 'cf.employees.from': '100' });
  });
  it('gives them back in the list\'s shape', () => {
    expect(fromViewFilters({ valueClass: 'A', 'cf.erp': 'SAP', 'cf.employees.from': '100' })).toEqual({ valueClass: 'A', cf: { erp: 'SAP', 'employees.from': '100' } });
    expect(fromViewFilters({ status: 'active' })).toEqual({ status: 'active' });
  });
  it('compares filters regardless of key order and blanks', () => {
    expect(sameFilters({ a: '1', b: 2 }, { b: 2, a: '1', c: '' })).toBe(true);
    expect(sameFilters({ a: '1' }, { a: '2' })).toBe(false);
  });
});
