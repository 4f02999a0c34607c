import { Badge, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatRelativeInstant } from '../../../platform/format/format-instant';
import type { Notification } from '../api';
import { describeNotification } from './describe-notification';

/** One notification as a keyboard-usable row: unread dot, localised text, relative time. */
export function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: (n: Notification) => void }) {
  const { t, i18n } = useTranslation('notifications');
  const { headline, detail } = describeNotification(t, notification);
  const isUnread = notification.readAt === null;
  return (
    <button type="button" className={`kairos-notification${isUnread ? ' is-unread' : ''}`} onClick={() => onOpen(notification)} data-testid="notification-item">
      <Badge status={isUnread ? 'processing' : 'default'} />
      <span style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong={isUnread} style={{ display: 'block' }}>{headline}</Typography.Text>
        {detail ? <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>{detail}</Typography.Text> : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatRelativeInstant(notification.createdAt, i18n.language)}</Typography.Text>
      </span>
    </button>
  );
}
