import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FunnelCategory, OpportunityStatus } from '../../../../shared/contracts/opportunities.contract';

const statusColors: Record<OpportunityStatus, string> = { open: 'processing', won: 'success', lost: 'default' };
const categoryColors: Record<FunnelCategory, string> = { above: 'default', in: 'blue', best_few: 'gold', order: 'green' };

export function OpportunityStatusTag({ value }: { value: OpportunityStatus }) {
  const { t } = useTranslation('opportunities');
  return <Tag color={statusColors[value]} style={{ marginInlineEnd: 0 }}>{t(`status.${value}`)}</Tag>;
}

export function FunnelCategoryTag({ value }: { value: FunnelCategory }) {
  const { t } = useTranslation('opportunities');
  return <Tag color={categoryColors[value]} style={{ marginInlineEnd: 0 }}>{t(`category.${value}`)}</Tag>;
}

/** Best few without a decision date within 30–60 days (domain §6.1). */
export function DecisionDateFlag() {
  const { t } = useTranslation('opportunities');
  return (
    <Tooltip title={t('flag.decisionDateMissingHint')}>
      <Tag color="warning" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }} data-testid="decision-date-flag">{t('flag.decisionDateMissing')}</Tag>
    </Tooltip>
  );
}
