import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContractStatus } from '../api';

const colors: Record<ContractStatus, string> = {
  draft: 'default', in_review: 'processing', approved: 'cyan', signed: 'green', executing: 'blue', completed: 'success', terminated: 'error',
};

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation('contracts');
  return <Tag color={colors[status]} style={{ marginInlineEnd: 0 }}>{t(`status.${status}`)}</Tag>;
}
