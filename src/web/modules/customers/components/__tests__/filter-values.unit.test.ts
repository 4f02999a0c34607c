import { describe, expect, it } from 'vitest';
import { filterFromParams, filterToParams, filterToQuery } from '../filter-params';
import { activeFilterCount, sortChoiceOf, withFilter, withSortChoice } from '../filter-values';

describe('customer list filters', () => {
  it('counts the filters that narrow the list, not the search text or the sort', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ q: '澜石', sort: 'name', order: 'asc' })).toBe(0);
    expect(activeFilterCount({ ownerId: 'me', valueClass: 'A', notFollowedUpDays: 0 })).toBe(3);
  });

  it('drops a filter set to blank so it is not sent as an empty parameter', () => {
    const filter = withFilter({ industry: '制造业', status: 'active' }, 'industry', '');
    expect(filter).toEqual({ status: 'active' });
    expect(withFilter(filter, 'status', undefined)).toEqual({});
    expect(withFilter({}, 'notFollowedUpDays', 30)).toEqual({ notFollowedUpDays: 30 });
  });

  it('reads the server default order for each sort and writes the chosen one back', () => {
    expect(sortChoiceOf({})).toBe('updatedAt.desc');
    expect(sortChoiceOf({ sort: 'name' })).toBe('name.asc');
    expect(sortChoiceOf({ sort: 'name', order: 'desc' })).toBe('name.desc');
    expect(withSortChoice({ q: 'x' }, 'updatedAt.asc')).toEqual({ q: 'x', sort: 'updatedAt', order: 'asc' });
  });
});

describe('customer list filters in the address bar', () => {
  it('round-trips filters through URL parameters, numbers as numbers', () => {
    const filter = { ownerId: 'me', notFollowedUpDays: 30, createdFrom: '2026-01-01', sort: 'name' as const };
    const params = filterToParams(filter);
    expect(params.toString()).toBe('ownerId=me&notFollowedUpDays=30&createdFrom=2026-01-01&sort=name');
    expect(filterFromParams(params)).toEqual(filter);
  });

  it('sends custom field filters as cf.<key> parameters and reads them back', () => {
    const filter = { status: 'active' as const, cf: { erp: 'SAP', 'annualRevenue.from': '1000000.00' } };
    expect(filterToQuery(filter)).toEqual({ status: 'active', 'cf.erp': 'SAP', 'cf.annualRevenue.from': '1000000.00' });
    expect(filterFromParams(filterToParams(filter))).toEqual(filter);
  });

  it('ignores a day count that is not a whole number', () => {
    expect(filterFromParams(new URLSearchParams('notFollowedUpDays=abc&status=active'))).toEqual({ status: 'active' });
  });
});
