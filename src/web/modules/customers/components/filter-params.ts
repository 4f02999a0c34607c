import type { CustomerFilter } from '../customer-filter';

const numberKeys = new Set(['notFollowedUpDays']);

/**
 * The list filters as flat parameters, as the API and the address bar take them: custom field
 * filters `{ cf: { erp: 'SAP' } }` become `cf.erp=SAP`.
 */
export function filterToQuery(filter: CustomerFilter): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'cf' && value && typeof value === 'object') {
      for (const [cfKey, cfValue] of Object.entries(value as Record<string, string>)) if (cfValue !== '') query[`cf.${cfKey}`] = cfValue;
    } else if (value !== undefined && value !== null && value !== '') {
      query[key] = value as string | number;
    }
  }
  return query;
}

/** The list filters as URL search parameters, so going back to the list keeps them. */
export function filterToParams(filter: CustomerFilter): URLSearchParams {
  return new URLSearchParams(Object.entries(filterToQuery(filter)).map(([k, v]) => [k, String(v)]));
}

export function filterFromParams(params: URLSearchParams): CustomerFilter {
  const filter: Record<string, unknown> = {};
  const cf: Record<string, string> = {};
  for (const [key, value] of params) {
    if (value === '') continue;
    if (key.startsWith('cf.')) {
      cf[key.slice(3)] = value;
    } else if (numberKeys.has(key)) {
      const n = Number(value);
      if (Number.isInteger(n) && n >= 0) filter[key] = n;
    } else {
      filter[key] = value;
    }
  }
  if (Object.keys(cf).length > 0) filter.cf = cf;
  return filter as CustomerFilter;
}
