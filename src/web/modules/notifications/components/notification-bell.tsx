import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLatestNotifications, useMarkRead } from '../api';
import { NotificationItem } from './notification-item';
import { useOpenNotification } from './use-open-notification';

/** Header bell: unread count, the latest notifications, mark all read, link to the full list. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const [open, setOpen] = useState(false);
  const latest = useLatestNotifications();
  const markRead = useMarkRead();
  const openNotification = useOpenNotification(() => setOpen(false));
  const unread = latest.data?.unreadCount ?? 0;
  const items = latest.data?.items ?? [];

  const panel = (
    <div className="kairos-bell-panel" data-testid="notification-panel">
      <Flex justify="space-between" align="center" style={{ padding: '4px 4px 8px' }}>
        <Typography.Text strong>{t('bell.title')}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate('all')}>{t('bell.readAll')}</Button>
      </Flex>
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} /> : (
        <div className="kairos-bell-list">
          {items.map((n) => <NotificationItem key={n.id} notification={n} onOpen={openNotification} />)}
        </div>
      )}
      <div style={{ textAlign: 'center', paddingTop: 8, borderTop: '1px solid #f0f0f0' }}>
        <Link to="/notifications" onClick={() => setOpen(false)}>{t('bell.viewAll')}</Link>
      </div>
    </div>
  );

  return (
    <Popover content={panel} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight" arrow={false}>
      <Button type="text" aria-label={unread > 0 ? t('bell.unread', { count: unread }) : t('bell.label')} data-testid="notification-bell"
        icon={<Badge count={unread} size="small" overflowCount={99}><BellOutlined style={{ fontSize: 18 }} /></Badge>} />
    </Popover>
  );
}
