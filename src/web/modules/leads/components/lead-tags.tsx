import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeadSource, LeadStatus } from '../../../../shared/contracts/leads.contract';

const statusColor: Record<LeadStatus, string> = { new: 'blue', contacted: 'cyan', qualified: 'green', converted: 'purple', disqualified: 'default' };

export function LeadStatusTag({ value }: { value: LeadStatus }) {
  const { t } = useTranslation('leads');
  return <Tag color={statusColor[value]} data-status={value}>{t(`status.${value}`)}</Tag>;
}

export function LeadSourceTag({ value }: { value: LeadSource }) {
  const { t } = useTranslation('leads');
  return <Tag>{t(`source.${value}`)}</Tag>;
}
