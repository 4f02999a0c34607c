import type { CustomFieldKind } from '../../../shared/contracts/custom-fields.contract.js';
import { isIsoDate } from '../../../shared/dates.js';
import { money } from '../../../shared/money.js';

/** A definition as the value rules read it. */
export interface FieldDefinition {
  key: string;
  kind: CustomFieldKind;
  options: readonly string[];
  isRequired: boolean;
  isActive: boolean;
}

/** A problem with one value; `key` is the custom field's key (reported as `customFields.<key>`). */
export interface FieldProblem { key: string; message: string; params?: Record<string, unknown> }

export type CustomValues = Record<string, unknown>;

const MONEY = /^-?\d{1,16}(\.\d{1,2})?$/;

const isBlank = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** One value against its definition: the stored form, or the problem. Blank values are handled by the caller. */
function checkValue(def: FieldDefinition, value: unknown): { value: unknown } | { problem: string; params?: Record<string, unknown> } {
  switch (def.kind) {
    case 'text':
      return typeof value === 'string' ? { value: value.trim() } : { problem: 'errors.customFieldKind', params: { expected: 'text' } };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : { problem: 'errors.customFieldKind', params: { expected: 'number' } };
    case 'money':
      if (typeof value !== 'string' || !MONEY.test(value.trim())) return { problem: 'errors.customFieldMoney' };
      return { value: money.format(value.trim()) };
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? { value } : { problem: 'errors.customFieldDate' };
    case 'select':
      if (typeof value !== 'string') return { problem: 'errors.customFieldKind', params: { expected: 'select' } };
      return def.options.includes(value) ? { value } : { problem: 'errors.customFieldOption', params: { options: def.options.join('、') } };
    case 'multiSelect': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return { problem: 'errors.customFieldKind', params: { expected: 'multiSelect' } };
      const outside = value.filter((v) => !def.options.includes(v));
      if (outside.length > 0) return { problem: 'errors.customFieldOption', params: { options: def.options.join('、') } };
      return { value: [...new Set(value)] };
    }
  }
}

/**
 * Checks a record's custom field values against the workspace's definitions (domain §17): unknown
 * or inactive keys, wrong kinds, options not offered, money as a decimal string with at most two
 * decimals, dates as YYYY-MM-DD, and required fields. Blank values ('' / [] / null) mean "no value".
 * With `partial` (an edit), only the keys sent are checked and a blank one is kept as null, which
 * clears it; otherwise (a new record) every active required field must have a value.
 */
export function checkCustomFieldValues(
  definitions: readonly FieldDefinition[], values: CustomValues, options: { partial: boolean },
): { values: CustomValues; problems: FieldProblem[] } {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const problems: FieldProblem[] = [];
  const out: CustomValues = {};
  for (const [key, raw] of Object.entries(values)) {
    const def = byKey.get(key);
    if (!def) { problems.push({ key, message: 'errors.customFieldUnknown' }); continue; }
    const blank = isBlank(raw) || (typeof raw === 'string' && raw.trim() === '');
    if (blank) {
      if (def.isActive && def.isRequired) problems.push({ key, message: 'errors.customFieldRequired' });
      else if (options.partial) out[key] = null;
      continue;
    }
    if (!def.isActive) { problems.push({ key, message: 'errors.customFieldInactive' }); continue; }
    const checked = checkValue(def, raw);
    if ('problem' in checked) problems.push({ key, message: checked.problem, ...(checked.params ? { params: checked.params } : {}) });
    else out[key] = checked.value;
  }
  if (!options.partial) {
    for (const def of definitions) {
      if (def.isActive && def.isRequired && !(def.key in values)) problems.push({ key: def.key, message: 'errors.customFieldRequired' });
    }
  }
  return { values: out, problems };
}

/** An edit's checked values applied to the stored ones: null removes a key, other keys (inactive fields too) stay. */
export function mergeCustomFieldValues(stored: CustomValues, patch: CustomValues): CustomValues {
  const merged: CustomValues = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** A list filter on a custom field: equality, or a range (from/to inclusive) for number, money and date fields. */
export type CustomFieldFilter =
  | { key: string; kind: CustomFieldKind; op: 'eq'; value: string | number }
  | { key: string; kind: 'number' | 'money' | 'date'; op: 'from' | 'to'; value: string | number };

const RANGED = new Set<CustomFieldKind>(['number', 'money', 'date']);

/**
 * Reads `cf.<key>=value`, `cf.<key>.from=…`, `cf.<key>.to=…` list parameters (already stripped of the
 * `cf.` prefix) against the definitions. Problems name the parameter (`cf.<key>.from`).
 */
export function parseCustomFieldFilters(
  definitions: readonly FieldDefinition[], params: Record<string, string>,
): { filters: CustomFieldFilter[]; problems: FieldProblem[] } {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const filters: CustomFieldFilter[] = [];
  const problems: FieldProblem[] = [];
  for (const [param, raw] of Object.entries(params)) {
    const [key = '', op = 'eq', ...rest] = param.split('.');
    const value = raw.trim();
    const def = byKey.get(key);
    if (!def || rest.length > 0 || !['eq', 'from', 'to'].includes(op) || (op === 'eq' && param.includes('.'))) {
      problems.push({ key: param, message: 'errors.customFieldUnknown' });
      continue;
    }
    if (op !== 'eq' && !RANGED.has(def.kind)) { problems.push({ key: param, message: 'errors.customFieldNoRange' }); continue; }
    if (value === '') { problems.push({ key: param, message: 'errors.customFieldRequired' }); continue; }
    if (def.kind === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || !/^-?\d+(\.\d+)?$/.test(value)) { problems.push({ key: param, message: 'errors.customFieldKind', params: { expected: 'number' } }); continue; }
      filters.push({ key, kind: def.kind, op: op as 'eq', value: n });
    } else if (def.kind === 'money') {
      if (!MONEY.test(value)) { problems.push({ key: param, message: 'errors.customFieldMoney' }); continue; }
      filters.push({ key, kind: def.kind, op: op as 'eq', value: money.format(value) });
    } else if (def.kind === 'date') {
      if (!isIsoDate(value)) { problems.push({ key: param, message: 'errors.customFieldDate' }); continue; }
      filters.push({ key, kind: def.kind, op: op as 'eq', value });
    } else {
      filters.push({ key, kind: def.kind, op: 'eq', value });
    }
  }
  return { filters, problems };
}
