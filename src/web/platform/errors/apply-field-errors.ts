import type { FormInstance } from 'antd';
import { isApiError, type FieldError } from '../http/api-error';

type FieldName = (string | number)[];
type FormLike = Pick<FormInstance, 'getFieldsError' | 'setFields'>;

/** `territoryIds.2` → the `territoryIds` field; a list's item errors belong to the list field. */
function candidatePaths(path: string): string[] {
  const withoutIndex = path.replace(/\.\d+$/, '');
  return withoutIndex === path ? [path] : [path, withoutIndex];
}

/**
 * Puts the server's field errors (`details[].path`, already localised) on the matching antd Form
 * fields so they show inline. Field names are compared joined with dots, so a name such as
 * `['values', 'contracts.majorAmount']` matches the path `values.contracts.majorAmount`.
 * Returns the details that match no field, for display above the form.
 */
export function applyFieldErrors(form: FormLike, error: unknown): FieldError[] {
  if (!isApiError(error) || error.details.length === 0) return [];
  const byPath = new Map<string, FieldName>(form.getFieldsError().map((f) => [f.name.join('.'), f.name as FieldName]));
  const messages = new Map<string, { name: FieldName; errors: string[] }>();
  const unmatched: FieldError[] = [];
  for (const detail of error.details) {
    const path = candidatePaths(detail.path).find((p) => byPath.has(p));
    if (!path) {
      unmatched.push(detail);
      continue;
    }
    const entry = messages.get(path) ?? { name: byPath.get(path)!, errors: [] };
    if (!entry.errors.includes(detail.message)) entry.errors.push(detail.message);
    messages.set(path, entry);
  }
  if (messages.size > 0) form.setFields([...messages.values()]);
  return unmatched;
}
