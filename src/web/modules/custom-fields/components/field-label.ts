import { currentLanguage } from '../../../platform/i18n/i18n';
import type { CustomField } from '../api';

/** A field's label in the UI language (zh-CN unless English is chosen). */
export const fieldLabel = (field: Pick<CustomField, 'label'>) => (currentLanguage() === 'en-US' ? field.label['en-US'] : field.label['zh-CN']);

/** A stored value as text for tables and read-only views. */
export function formatCustomValue(field: Pick<CustomField, 'kind'>, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join('、');
  if (field.kind === 'money' && typeof value === 'string') {
    const [int = '', dec] = value.split('.');
    return `¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${dec ? `.${dec}` : ''}`;
  }
  if (field.kind === 'number' && typeof value === 'number') return value.toLocaleString();
  return String(value);
}
