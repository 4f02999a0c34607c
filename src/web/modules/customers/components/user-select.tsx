import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleCode } from '../../../../shared/contracts/org.contract';
import { useUserPicker } from '../../org/api';

const salesRoles: readonly RoleCode[] = ['sales_rep', 'sales_supervisor', 'sales_manager'];

/**
 * A colleague picker (active users, searchable by name). `salesOnly` keeps those who can own
 * customers; the server checks again.
 */
export function UserSelect({ value, onChange, salesOnly, excludeIds = [], allowClear, placeholder, id, autoFocus, style }: {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  salesOnly?: boolean;
  excludeIds?: readonly (string | null)[];
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  autoFocus?: boolean;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation('customers');
  const users = useUserPicker();
  const options = (users.data?.items ?? [])
    .filter((u) => u.isActive && !u.roles.every((r) => r === 'admin') && !excludeIds.includes(u.id))
    .filter((u) => !salesOnly || u.roles.some((r) => salesRoles.includes(r)))
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select id={id} value={value ?? undefined} onChange={onChange} options={options} loading={users.isPending} allowClear={allowClear}
      autoFocus={autoFocus} showSearch={{ optionFilterProp: 'label' }} placeholder={placeholder ?? t('people.pick')} style={style} />
  );
}
