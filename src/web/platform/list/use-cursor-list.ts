import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** An api.md list (`{items, nextCursor}`) read page by page; `items` is everything loaded so far. */
export function useCursorList<TPage extends Page<unknown>>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<TPage>,
  options: { enabled?: boolean; refetchInterval?: number } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...options,
  });
  const items: TPage['items'][number][] = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
}
