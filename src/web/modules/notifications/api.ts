import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NotificationDto, NotificationPage } from '../../../shared/contracts/notifications.contract';
import { http } from '../../platform/http/http-client';
import { useCursorList } from '../../platform/list/use-cursor-list';

export type Notification = z.infer<typeof NotificationDto>;
type Page = z.infer<typeof NotificationPage>;

export const notificationKeys = {
  all: ['notifications'] as const,
  latest: () => [...notificationKeys.all, 'latest'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
};

const POLL_MS = 30_000;

/** The newest few with the unread count, polled for the header bell. */
export function useLatestNotifications() {
  return useQuery({
    queryKey: notificationKeys.latest(),
    queryFn: ({ signal }) => http.get<Page>('/notifications', { limit: 8 }, signal),
    refetchInterval: POLL_MS,
  });
}

export function useNotificationList() {
  return useCursorList(notificationKeys.list(), (cursor, signal) => http.get<Page>('/notifications', { cursor, limit: 30 }, signal));
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => http.post<void>(id === 'all' ? '/notifications/read-all' : `/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
