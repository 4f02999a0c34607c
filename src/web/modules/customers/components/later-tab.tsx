import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export type LaterArea = 'opportunities' | 'activities' | 'quotes' | 'contracts' | 'receivables' | 'complaints';

/** A tab whose records come with a later module: says what will appear here. */
export function LaterTab({ area }: { area: LaterArea }) {
  const { t } = useTranslation('customers');
  return (
    <Empty data-testid={`later-${area}`} style={{ padding: '32px 0' }}
      description={<><Typography.Text>{t(`detail.later.${area}`)}</Typography.Text><br /><Typography.Text type="secondary">{t('detail.later.soon')}</Typography.Text></>} />
  );
}
