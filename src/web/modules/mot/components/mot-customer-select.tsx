import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMotCustomerOptions } from '../api';

/** Picks a customer the caller may record on (the front desk: any customer), searched on the server by name or pinyin. */
export function MotCustomerSelect({ value, onChange, id }: { value?: string; onChange?: (value: string | undefined) => void; id?: string }) {
  const { t } = useTranslation('mot');
  const [q, setQ] = useState('');
  const options = useMotCustomerOptions(q.trim());
  return (
    <Select id={id} value={value} onChange={onChange} allowClear loading={options.isFetching} notFoundContent={null} style={{ width: '100%' }}
      showSearch={{ filterOption: false, onSearch: setQ }} placeholder={t('customer.pick')} data-testid="mot-customer-select"
      options={(options.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
  );
}
