import { LockOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api';

const classColors = { A: 'red', B: 'orange', C: 'blue', D: 'default' } as const;
const statusColors = { prospect: 'processing', active: 'success', dormant: 'warning', lost: 'default' } as const;

export function ValueClassTag({ value }: { value: Customer['valueClass'] }) {
  const { t } = useTranslation('customers');
  return <Tag color={classColors[value]} data-testid="value-class">{t(`valueClass.${value}`)}</Tag>;
}

export function StatusTag({ value }: { value: Customer['status'] }) {
  const { t } = useTranslation('customers');
  return <Tag color={statusColors[value]}>{t(`status.${value}`)}</Tag>;
}

export function LockedMark() {
  const { t } = useTranslation('customers');
  return <Tooltip title={t('detail.lockedNote')}><LockOutlined aria-label={t('list.locked')} style={{ color: '#8c8c8c' }} /></Tooltip>;
}
