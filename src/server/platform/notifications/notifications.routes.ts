import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, NoContent } from '../../../shared/contracts/common.contract.js';
import { NotificationPage, NotificationQuery } from '../../../shared/contracts/notifications.contract.js';
import { withErrors } from '../http/route-helpers.js';
import { listNotifications, markRead } from './notifications.service.js';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];
  app.get('/notifications', {
    schema: { tags, summary: 'My notifications, newest first, with the unread count', querystring: NotificationQuery, response: withErrors({ 200: NotificationPage }) },
    preHandler: app.authorize('notification:read'),
  }, async (req) => listNotifications(req.ctx, req.query));

  app.post('/notifications/:id/read', {
    schema: { tags, summary: 'Mark one notification read', params: IdParams, response: withErrors({ 204: NoContent }) },
    preHandler: app.authorize('notification:read'),
  }, async (req, reply) => { await markRead(req.ctx, req.params.id); return reply.status(204).send(null); });

  app.post('/notifications/read-all', {
    schema: { tags, summary: 'Mark all my notifications read', response: withErrors({ 204: NoContent }) },
    preHandler: app.authorize('notification:read'),
  }, async (req, reply) => { await markRead(req.ctx, 'all'); return reply.status(204).send(null); });
};
