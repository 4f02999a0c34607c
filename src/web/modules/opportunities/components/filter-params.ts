import type { OpportunityFilter } from '../api';

/** The list filters kept in the URL (and in saved views), all plain strings. */
export const filterKeys = [
  'q', 'pipelineId', 'stageId', 'status', 'funnelCategory', 'ownerId', 'departmentId', 'orgNodeId', 'customerId', 'closeFrom', 'closeTo', 'closedFrom', 'closedTo', 'sort',
] as const;
type FilterKey = (typeof filterKeys)[number];

export function filterFromParams(params: URLSearchParams | Record<string, unknown>): OpportunityFilter {
  const get = (key: string): unknown => (params instanceof URLSearchParams ? params.get(key) : params[key]);
  const filter: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = get(key);
    if (typeof value === 'string' && value !== '') filter[key] = value;
  }
  return filter as OpportunityFilter;
}

export function filterToParams(filter: OpportunityFilter): URLSearchParams {
  return new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)]));
}

/** Sets (or with undefined/blank clears) one filter; changing the pipeline clears the stage of the old one. */
export function withFilter(filter: OpportunityFilter, key: FilterKey, value: string | null | undefined): OpportunityFilter {
  const next: Record<string, unknown> = { ...filter };
  if (value === undefined || value === null || value === '') delete next[key];
  else next[key] = value;
  if (key === 'pipelineId' && value !== filter.pipelineId) delete next.stageId;
  return next as OpportunityFilter;
}

/** The filters that narrow the list (search text and sort do not count). */
export function activeFilterCount(filter: OpportunityFilter): number {
  return Object.entries(filter).filter(([key, value]) => key !== 'q' && key !== 'sort' && value !== undefined && value !== '').length;
}
