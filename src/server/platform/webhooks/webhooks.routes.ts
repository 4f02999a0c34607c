import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  CreatedWebhookDto, CreateWebhookBody, UpdateWebhookBody, WebhookDeliveryDto, WebhookDto, webhookEventTypes,
} from '../../../shared/contracts/webhooks.contract.js';
import { withErrors } from '../http/route-helpers.js';
import { createWebhook, listDeliveries, listWebhooks, updateWebhook } from './webhooks.service.js';

export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['webhooks'];
  const guard = { preHandler: app.authorize('webhook:manage') };
  app.get('/webhooks', {
    schema: { tags, summary: 'Registered webhooks and the event types on offer', response: withErrors({ 200: z.object({ items: z.array(WebhookDto), eventTypes: z.array(z.string()) }) }) }, ...guard,
  }, async (req) => ({ items: await listWebhooks(req.ctx), eventTypes: [...webhookEventTypes] }));

  app.post('/webhooks', {
    schema: { tags, summary: 'Register a webhook (the signing secret is shown once)', body: CreateWebhookBody, response: withErrors({ 201: CreatedWebhookDto }) }, ...guard,
  }, async (req, reply) => reply.status(201).send(await createWebhook(req.ctx, req.body)));

  app.patch('/webhooks/:id', {
    schema: { tags, summary: 'Change or disable a webhook', params: IdParams, body: UpdateWebhookBody, response: withErrors({ 200: WebhookDto }) }, ...guard,
  }, async (req) => updateWebhook(req.ctx, req.params.id, req.body));

  app.get('/webhooks/:id/deliveries', {
    schema: { tags, summary: 'Latest deliveries of a webhook', params: IdParams, response: withErrors({ 200: z.object({ items: z.array(WebhookDeliveryDto) }) }) }, ...guard,
  }, async (req) => ({ items: await listDeliveries(req.ctx, req.params.id) }));
};
