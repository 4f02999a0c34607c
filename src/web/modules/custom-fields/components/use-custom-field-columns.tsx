import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomFields, type CustomFieldEntity } from '../api';
import { fieldLabel, formatCustomValue } from './field-label';

interface WithCustomFields { customFields: Record<string, unknown> }

/**
 * Table columns for an entity's active custom fields (`cf.<key>` as column keys, so saved views can
 * list them), formatted by kind; shown from the md breakpoint up to keep phone tables narrow.
 */
export function useCustomFieldColumns<T extends WithCustomFields>(entity: CustomFieldEntity): TableColumnsType<T> {
  const { i18n } = useTranslation();
  const fields = useCustomFields(entity);
  return useMemo(() => (fields.data?.items ?? []).map((field) => ({
    key: `cf.${field.key}`,
    title: fieldLabel(field),
    responsive: ['md' as const],
    align: field.kind === 'number' || field.kind === 'money' ? 'right' as const : undefined,
    render: (_: unknown, row: T) => formatCustomValue(field, row.customFields?.[field.key]),
  })), [fields.data, i18n.language]);
}
