export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  isChanged: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Field-by-field comparison of an audit entry's before and after. Objects are compared by their
 * top-level fields (a field absent on one side shows as empty); anything else is one row.
 */
export function diffEntries(before: unknown, after: unknown): DiffRow[] {
  if (before == null && after == null) return [];
  if ((before == null || isRecord(before)) && (after == null || isRecord(after))) {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return fields.map((field) => ({ field, before: b[field], after: a[field], isChanged: !same(b[field], a[field]) }));
  }
  return [{ field: '', before, after, isChanged: !same(before, after) }];
}
