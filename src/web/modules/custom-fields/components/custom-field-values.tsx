import { Descriptions } from 'antd';
import { useCustomFields, type CustomFieldEntity } from '../api';
import { fieldLabel, formatCustomValue } from './field-label';

/**
 * A record's custom field values, read-only, labelled and formatted by their definitions; values of
 * deactivated fields are shown too (they are kept), after the active ones.
 */
export function CustomFieldDescriptions({ entity, values }: { entity: CustomFieldEntity; values: Record<string, unknown> }) {
  const fields = useCustomFields(entity, true);
  const defs = [...(fields.data?.items ?? [])].sort((a, b) => Number(b.isActive) - Number(a.isActive));
  const known = new Set(defs.map((d) => d.key));
  const items = [
    ...defs.filter((d) => d.isActive || values[d.key] !== undefined)
      .map((d) => ({ key: d.key, label: fieldLabel(d), children: formatCustomValue(d, values[d.key]) })),
    ...Object.keys(values).filter((k) => !known.has(k)).map((k) => ({ key: k, label: k, children: formatCustomValue({ kind: 'text' }, values[k]) })),
  ];
  if (items.length === 0) return null;
  return <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />;
}
