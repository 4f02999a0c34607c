import { Flex, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSatisfaction, type SatisfactionFilter } from '../api';

/** Average satisfaction of confirmed needs (server-side aggregate, the caller's scope) as stars and a figure. */
export function SatisfactionSummary({ filter }: { filter: SatisfactionFilter }) {
  const { t } = useTranslation('mot');
  const data = useSatisfaction(filter);
  const overall = data.data?.overall;
  if (!overall) return null;
  if (overall.averageScore === null) return <Typography.Text type="secondary">{t('satisfaction.none')}</Typography.Text>;
  const avg = Number(overall.averageScore);
  return (
    <Flex wrap gap={8} align="center" data-testid="satisfaction-summary">
      <Typography.Text type="secondary">{t('satisfaction.average')}</Typography.Text>
      <Rate disabled allowHalf value={Math.round(avg * 2) / 2} style={{ fontSize: 16 }} />
      <Typography.Text strong>{overall.averageScore}</Typography.Text>
      <Typography.Text type="secondary">({t('satisfaction.count', { count: overall.confirmedNeeds })})</Typography.Text>
    </Flex>
  );
}
