import { Button, Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { useMarkRead, useNotificationList } from '../api';
import { NotificationItem } from '../components/notification-item';
import { useOpenNotification } from '../components/use-open-notification';

/** Every notification, newest first, with "load more" and mark all read. */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const list = useNotificationList();
  const markRead = useMarkRead();
  const openNotification = useOpenNotification();
  const unread = list.data?.pages[0]?.unreadCount ?? 0;

  return (
    <PageContainer title={t('page.title')}
      extra={<Button disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate('all')}>{t('bell.readAll')}</Button>}>
      <Card>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        {list.isPending ? <Skeleton active /> : list.items.length === 0 ? <Empty description={t('bell.empty')} /> : (
          <div className="kairos-bell-list kairos-bell-list-page">
            {list.items.map((n) => <NotificationItem key={n.id} notification={n} onOpen={openNotification} />)}
          </div>
        )}
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      </Card>
    </PageContainer>
  );
}
