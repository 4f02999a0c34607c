import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomers } from '../api';

/** Searches visible customers by name (server-side) and picks one; `excludeId` hides the customer itself. */
export function CustomerSelect({ value, onChange, excludeId, id, autoFocus }: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  excludeId?: string;
  id?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('customers');
  const [q, setQ] = useState('');
  const customers = useCustomers({ q: q.trim() || undefined, sort: 'name' });
  const options = customers.items.filter((c) => c.id !== excludeId).map((c) => ({ value: c.id, label: `${c.name}${c.ownerName ? ` · ${c.ownerName}` : ''}` }));
  return (
    <Select id={id} value={value} onChange={onChange} options={options} loading={customers.isFetching} autoFocus={autoFocus} allowClear
      showSearch={{ filterOption: false, onSearch: setQ }} placeholder={t('customer.pick')} notFoundContent={null} style={{ width: '100%' }} />
  );
}
