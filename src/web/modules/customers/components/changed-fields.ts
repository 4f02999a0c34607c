const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields of an edit form that differ from what was read, so a PATCH sends only those (masked
 * values such as phones are never sent back unchanged). Blank strings count as null.
 */
export function changedFields<T extends Record<string, unknown>>(initial: Partial<Record<keyof T, unknown>>, values: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    const raw = values[key];
    const value = typeof raw === 'string' && raw.trim() === '' ? null : raw;
    if (!same(initial[key], value)) changes[key] = value as T[keyof T];
  }
  return changes;
}
