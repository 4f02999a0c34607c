import { Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PolicyItem, PolicyValue } from '../api';

interface Props {
  item: PolicyItem;
  value?: PolicyValue;
  onChange?: (value: PolicyValue | undefined) => void;
  id?: string;
}

/**
 * Numbers stay numbers; decimal strings (money, rates, percentages) stay strings so no amount ever
 * passes through a float. The server validates range and format and its messages show on the field.
 */
export function PolicyValueInput({ item, value, onChange, id }: Props) {
  const { t } = useTranslation('settings');
  if (item.unit === 'weekday') {
    return (
      <Select id={id} value={value as number | undefined} onChange={onChange} style={{ width: 120 }} aria-label={item.label}
        options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday.${d}` as 'weekday.1') }))} />
    );
  }
  if (typeof item.value === 'number') {
    return (
      <InputNumber id={id} value={value as number | undefined} onChange={(v) => onChange?.(v ?? undefined)} min={item.min} max={item.max}
        precision={item.integer ? 0 : undefined} style={{ width: 160 }} aria-label={item.label} />
    );
  }
  return (
    <Input id={id} value={value as string | undefined} onChange={(e) => onChange?.(e.target.value.trim())} inputMode="decimal"
      style={{ width: 180 }} aria-label={item.label} data-testid={`policy-input-${item.key}`} />
  );
}
