import type { ErrorDetail } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { policyDefinitions, type PolicyKey, type PolicyValues } from './policies.definitions.js';

const isKey = (key: string): key is PolicyKey => Object.hasOwn(policyDefinitions, key);

/** Stored overrides laid over the defaults; unknown stored keys are ignored. */
export function effectivePolicies(stored: Record<string, unknown>): PolicyValues {
  const values: Record<string, number | string> = {};
  for (const [key, def] of Object.entries(policyDefinitions)) {
    const v = stored[key];
    values[key] = typeof v === typeof def.default ? (v as number | string) : def.default;
  }
  return values as PolicyValues;
}

/**
 * Validates a requested change: known keys, numbers within range, integers where required; money
 * and rates as decimal strings. Returns normalised values and field errors.
 */
export function validatePolicyChange(changes: Record<string, number | string>): { normalised: Record<string, number | string>; errors: ErrorDetail[] } {
  const normalised: Record<string, number | string> = {};
  const errors: ErrorDetail[] = [];
  for (const [key, raw] of Object.entries(changes)) {
    const path = `values.${key}`;
    if (!isKey(key)) { errors.push({ path, message: 'errors.policyUnknown' }); continue; }
    const def = policyDefinitions[key];
    const text = String(raw).trim();
    if (!money.isValid(text) || text === '') { errors.push({ path, message: 'errors.decimal' }); continue; }
    const value = money.parse(text);
    if (value.lt(def.min) || value.gt(def.max)) { errors.push({ path, message: 'errors.policyRange', params: { min: def.min, max: def.max } }); continue; }
    if (def.integer && !value.isInteger()) { errors.push({ path, message: 'errors.policyInteger' }); continue; }
    if (typeof def.default === 'number') normalised[key] = value.toNumber();
    else normalised[key] = def.unit === 'money' ? money.format(value) : value.toString();
  }
  return { normalised, errors };
}

/** Keys whose value actually changes; decimals compare by value, so `0.2` is no change from `0.20`. */
export function changedKeys(current: PolicyValues, normalised: Record<string, number | string>): string[] {
  return Object.keys(normalised).filter((k) => {
    const before = String(current[k as PolicyKey]);
    const after = String(normalised[k]);
    return money.isValid(before) && money.isValid(after) ? money.compare(before, after) !== 0 : before !== after;
  });
}

/** A change to a money threshold goes to the GM for approval (issue 2 §6). */
export function needsApproval(keys: readonly string[]): boolean {
  return keys.some((k) => isKey(k) && 'moneyThreshold' in policyDefinitions[k] && policyDefinitions[k].moneyThreshold === true);
}
