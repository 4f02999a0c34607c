import type { CustomerFilter } from '../customer-filter';

/** The filters that narrow the list (search text, sort and order do not count). */
export function activeFilterCount(filter: CustomerFilter): number {
  const ignored = new Set(['q', 'sort', 'order', 'asOf']);
  return Object.entries(filter).filter(([key, value]) => !ignored.has(key) && value !== undefined && value !== null && value !== '').length;
}

/** Sets (or with undefined/blank clears) one filter, keeping the object free of empty keys. */
export function withFilter<K extends keyof CustomerFilter>(filter: CustomerFilter, key: K, value: CustomerFilter[K] | null | undefined): CustomerFilter {
  const next = { ...filter };
  if (value === undefined || value === null || value === '') delete next[key];
  else next[key] = value;
  return next;
}

export type SortChoice = 'updatedAt.desc' | 'updatedAt.asc' | 'name.asc' | 'name.desc';
export const sortChoices: SortChoice[] = ['updatedAt.desc', 'updatedAt.asc', 'name.asc', 'name.desc'];

/** The list's sort as one choice; the server's default order is newest first by update, A→Z by name. */
export function sortChoiceOf(filter: CustomerFilter): SortChoice {
  const sort = filter.sort ?? 'updatedAt';
  const order = filter.order ?? (sort === 'name' ? 'asc' : 'desc');
  return `${sort}.${order}`;
}

export function withSortChoice(filter: CustomerFilter, choice: SortChoice): CustomerFilter {
  const [sort, order] = choice.split('.') as [NonNullable<CustomerFilter['sort']>, NonNullable<CustomerFilter['order']>];
  return { ...filter, sort, order };
}
