import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserPicker } from '../../org/api';

/** Owner filter: "mine" or a sales colleague; the server limits it to the caller's data scope anyway. */
export function OwnerFilter({ value, onChange, style }: { value?: string; onChange: (value: string | undefined) => void; style?: React.CSSProperties }) {
  const { t } = useTranslation('opportunities');
  const users = useUserPicker();
  const options = [
    { value: 'me', label: t('filter.ownerMe') },
    ...(users.data?.items ?? []).filter((u) => u.roles.some((r) => r.startsWith('sales_'))).map((u) => ({ value: u.id, label: u.name })),
  ];
  return (
    <Select allowClear placeholder={t('filter.anyOwner')} aria-label={t('filter.owner')} style={style} value={value}
      options={options} showSearch={{ optionFilterProp: 'label' }} onChange={onChange} />
  );
}
