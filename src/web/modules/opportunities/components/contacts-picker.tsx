import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomerContacts } from '../api';

/** Picks contacts of one customer (several); each keeps the buying role recorded on the contact. */
export function ContactsPicker({ customerId, value, onChange, id, excludeIds = [] }: {
  customerId: string | undefined;
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  excludeIds?: string[];
}) {
  const { t } = useTranslation('opportunities');
  const { t: tc } = useTranslation('customers');
  const contacts = useCustomerContacts(customerId);
  const options = (contacts.data?.items ?? [])
    .filter((c) => !excludeIds.includes(c.id))
    .map((c) => ({ value: c.id, label: `${c.name}${c.title ? ` · ${c.title}` : ''}${c.buyingRole ? `（${tc(`buyingRole.${c.buyingRole}`)}）` : ''}` }));
  return (
    <Select id={id} mode="multiple" value={value} onChange={onChange} options={options} disabled={!customerId} loading={Boolean(customerId) && contacts.isPending}
      showSearch={{ optionFilterProp: 'label' }} placeholder={customerId ? t('form.pickContacts') : t('form.pickCustomerFirst')} maxCount={50}
      notFoundContent={t('form.noContacts')} style={{ width: '100%' }} />
  );
}
