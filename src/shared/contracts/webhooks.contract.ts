import { z } from 'zod';
import { InstantString, Uuid, Version } from './common.contract.js';

export const webhookEventTypes = [
  'approval.requested', 'approval.step_approved', 'approval.approved', 'approval.rejected', 'approval.returned',
] as const;

const Url = z.url({ protocol: /^https?$/, error: 'errors.webhookUrl' }).max(500);
const Events = z.array(z.string().min(1).max(64)).min(1).max(50);

export const WebhookDto = z.object({
  id: Uuid, url: z.string(), events: z.array(z.string()), isActive: z.boolean(), description: z.string().nullable(),
  version: z.int(), createdAt: InstantString,
}).meta({ id: 'Webhook' });
export const CreatedWebhookDto = WebhookDto.extend({ secret: z.string().describe('HMAC-SHA256 signing secret, shown once') });
export const CreateWebhookBody = z.strictObject({ url: Url, events: Events, description: z.string().max(200).optional() });
export const UpdateWebhookBody = z.strictObject({
  version: Version, url: Url.optional(), events: Events.optional(), isActive: z.boolean().optional(), description: z.string().max(200).nullable().optional(),
});
export const WebhookDeliveryDto = z.object({
  id: Uuid, eventType: z.string(), status: z.enum(['pending', 'delivered', 'failed']), attempts: z.int(),
  lastStatusCode: z.int().nullable(), lastError: z.string().nullable(), nextAttemptAt: InstantString, createdAt: InstantString,
  deliveredAt: InstantString.nullable(),
}).meta({ id: 'WebhookDelivery' });
