import { useNavigate } from 'react-router-dom';
import { useMarkRead, type Notification } from '../api';

/** Opening a notification marks it read and follows its link (same-site paths only). */
export function useOpenNotification(after?: () => void) {
  const markRead = useMarkRead();
  const navigate = useNavigate();
  return (n: Notification) => {
    if (n.readAt === null) markRead.mutate(n.id);
    if (n.link && n.link.startsWith('/') && !n.link.startsWith('//')) navigate(n.link);
    after?.();
  };
}
