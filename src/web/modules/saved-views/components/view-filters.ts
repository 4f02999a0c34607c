export type ViewFilters = Record<string, unknown>;
type FilterValue = string | number | boolean | null | string[];

/**
 * The list filters as a saved view stores them: empty values dropped, a nested `cf` record (custom
 * field filters) flattened to `cf.<key>` as on the wire, other shapes left out.
 */
export function toViewFilters(filters: ViewFilters): Record<string, FilterValue> {
  const out: Record<string, FilterValue> = {};
  const put = (key: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    if (Array.isArray(value)) { if (value.length > 0) out[key] = value.map(String); return; }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  };
  for (const [key, value] of Object.entries(filters)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) put(`${key}.${k}`, v);
    else put(key, value);
  }
  return out;
}

/** A saved view's filters back in the list's shape: `cf.<key>` entries gathered into `cf`. */
export function fromViewFilters(stored: ViewFilters): ViewFilters {
  const out: ViewFilters = {};
  const cf: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (key.startsWith('cf.')) cf[key.slice(3)] = value;
    else out[key] = value;
  }
  return Object.keys(cf).length > 0 ? { ...out, cf } : out;
}

/** Whether the current filters are exactly a view's (order of keys ignored). */
export function sameFilters(a: ViewFilters, b: ViewFilters): boolean {
  const x = toViewFilters(a);
  const y = toViewFilters(b);
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => JSON.stringify(x[k]) === JSON.stringify(y[k]));
}
