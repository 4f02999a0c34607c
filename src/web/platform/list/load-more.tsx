import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Load more" under a cursor list, or a quiet note that everything is loaded. */
export function LoadMore({ hasMore, loading, onLoad, count }: { hasMore: boolean; loading: boolean; onLoad: () => void; count: number }) {
  const { t } = useTranslation('platform');
  if (count === 0) return null;
  return (
    <Flex justify="center" style={{ marginTop: 16 }}>
      {hasMore
        ? <Button onClick={onLoad} loading={loading} data-testid="load-more">{t('actions.loadMore')}</Button>
        : <Typography.Text type="secondary">{t('common.allLoaded')} · {t('common.count', { count })}</Typography.Text>}
    </Flex>
  );
}
