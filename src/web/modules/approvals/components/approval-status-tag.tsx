import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Approval } from '../api';
import { statusColors } from './approval-labels';

export function ApprovalStatusTag({ status }: { status: Approval['status'] }) {
  const { t } = useTranslation('approvals');
  return <Tag color={statusColors[status]}>{t(`status.${status}`)}</Tag>;
}
