import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedStep, Sentiment, TouchpointChannel } from '../../../../shared/contracts/mot.contract';

const sentimentColor = { positive: 'green', neutral: 'default', negative: 'red' } as const satisfies Record<Sentiment, string>;
const sentimentIcon = { positive: <SmileOutlined />, neutral: <MehOutlined />, negative: <FrownOutlined /> } as const satisfies Record<Sentiment, React.ReactNode>;

export function SentimentTag({ value }: { value: Sentiment }) {
  const { t } = useTranslation('mot');
  return <Tag color={sentimentColor[value]} icon={sentimentIcon[value]}>{t(`sentiment.${value}`)}</Tag>;
}

export function ChannelTag({ value }: { value: TouchpointChannel }) {
  const { t } = useTranslation('mot');
  return <Tag>{t(`channel.${value}`)}</Tag>;
}

const stepColor = { explore: 'default', propose: 'blue', execute: 'orange', confirm: 'green' } as const satisfies Record<NeedStep, string>;

export function StepTag({ value }: { value: NeedStep }) {
  const { t } = useTranslation('mot');
  return <Tag color={stepColor[value]}>{t(`step.${value}`)}</Tag>;
}

/** The role a person acted as; unknown codes fall back to "other". */
export function useRoleLabel() {
  const { t } = useTranslation('mot');
  const known = ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist', 'finance', 'warehouse', 'receptionist', 'admin'] as const;
  return (role: string) => t(`role.${(known as readonly string[]).includes(role) ? role as (typeof known)[number] : 'other'}`);
}
