import { z } from 'zod';
import { InstantString, ListQuery, pageOf, Uuid } from './common.contract.js';

export const NotificationDto = z.object({
  id: Uuid,
  kind: z.string().describe('localised by the client from notifications.kinds.<kind>'),
  params: z.record(z.string(), z.unknown()),
  link: z.string().nullable(),
  readAt: InstantString.nullable(),
  createdAt: InstantString,
}).meta({ id: 'Notification' });

export const NotificationQuery = ListQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const NotificationPage = pageOf(NotificationDto).extend({ unreadCount: z.int() });
