import type { TFunction } from 'i18next';
import type { PolicyItem, PolicyValue } from '../api';

/** Groups come from the server's policy definitions; a group added there before its label shows its code. */
export function groupLabel(t: TFunction<'settings'>, group: string): string {
  return t(`group.${group}` as 'group.auth', { defaultValue: group });
}

export function unitLabel(t: TFunction<'settings'>, unit: PolicyItem['unit']): string {
  return t(`unit.${unit}`);
}

/** The value as stored (money stays the exact decimal string); weekdays are named. */
export function formatPolicyValue(t: TFunction<'settings'>, item: Pick<PolicyItem, 'unit'>, value: PolicyValue | undefined): string {
  if (value === undefined || value === null) return '—';
  if (item.unit === 'weekday') return t(`weekday.${value}` as 'weekday.1', { defaultValue: String(value) });
  return String(value);
}
