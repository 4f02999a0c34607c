import { DatePicker, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCustomFields, type CustomField } from '../../custom-fields/api';
import { fieldLabel } from '../../custom-fields/components/field-label';

type CfFilter = Record<string, string>;

/** `cf` with one key set (or removed when empty), as the list's filter keeps it. */
export function withCustomFieldFilter(cf: CfFilter | undefined, key: string, value: string | null | undefined): CfFilter | undefined {
  const next = { ...cf };
  if (value === null || value === undefined || value === '') delete next[key];
  else next[key] = value;
  return Object.keys(next).length > 0 ? next : undefined;
}

/**
 * Filters on the workspace's custom fields: selects by option, numbers, amounts and dates by range
 * (`cf.<key>.from` / `.to`); text fields are left to the search box.
 */
export function CustomFieldFilters({ cf, onChange, width }: {
  cf: CfFilter | undefined; onChange: (cf: CfFilter | undefined) => void; width: (px: number) => React.CSSProperties;
}) {
  const { t } = useTranslation('customers');
  const fields = (useCustomFields('customers').data?.items ?? []).filter((f) => f.isActive && f.kind !== 'text');
  const set = (key: string) => (value: string | null | undefined) => onChange(withCustomFieldFilter(cf, key, value));
  const control = (f: CustomField) => {
    const label = fieldLabel(f);
    if (f.kind === 'select' || f.kind === 'multiSelect') {
      return (
        <Select key={f.key} allowClear placeholder={label} aria-label={label} style={width(150)} value={cf?.[f.key]}
          options={(f.options ?? []).map((o) => ({ value: o, label: o }))} onChange={set(f.key)} data-testid={`cf-filter-${f.key}`} />
      );
    }
    if (f.kind === 'date') {
      const from = cf?.[`${f.key}.from`];
      const to = cf?.[`${f.key}.to`];
      return (
        <DatePicker.RangePicker key={f.key} aria-label={label} placeholder={[label, '']} style={width(250)}
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(d) => onChange(withCustomFieldFilter(withCustomFieldFilter(cf, `${f.key}.from`, d?.[0]?.format('YYYY-MM-DD')), `${f.key}.to`, d?.[1]?.format('YYYY-MM-DD')))} />
      );
    }
    // number and money: an inclusive lower bound, the usual question ("at least 500 employees")
    return (
      <InputNumber<string> key={f.key} min="0" aria-label={label} style={width(220)} prefix={`${label} ≥`} stringMode
        precision={f.kind === 'money' ? 2 : undefined} value={cf?.[`${f.key}.from`] ?? null}
        onChange={(v) => set(`${f.key}.from`)(v ?? undefined)} placeholder={t('filter.atLeast')} />
    );
  };
  return <>{fields.map(control)}</>;
}
