import { Select } from 'antd';
import { useUserPicker } from '../../org/api';

/** Several colleagues (active users, searchable by name): TO and CC of a call report. The server checks again. */
export function UserMultiSelect({ value, onChange, id, placeholder, excludeIds = [] }: {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  placeholder?: string;
  excludeIds?: readonly string[];
}) {
  const users = useUserPicker();
  const options = (users.data?.items ?? [])
    .filter((u) => u.isActive && !u.roles.every((r) => r === 'admin') && !excludeIds.includes(u.id))
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select id={id} mode="multiple" value={value ?? []} onChange={onChange} options={options} loading={users.isPending}
      showSearch={{ optionFilterProp: 'label' }} placeholder={placeholder} style={{ width: '100%' }} />
  );
}
