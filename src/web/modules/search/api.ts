import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchHit, SearchResult } from '../../../shared/contracts/search.contract';
import { http } from '../../platform/http/http-client';

export type { SearchHit, SearchResult };

export const searchKeys = { query: (q: string) => ['search', q] as const };

/** The search box's results for a (debounced) query; nothing is asked for an empty one. */
export function useSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: searchKeys.query(term),
    queryFn: ({ signal }) => http.get<SearchResult>('/search', { q: term, limit: 6 }, signal),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}
