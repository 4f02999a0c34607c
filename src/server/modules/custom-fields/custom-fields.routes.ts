import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EmptyBody, IdParams, NoContent } from '../../../shared/contracts/common.contract.js';
import {
  CreateCustomFieldBody, CustomFieldDto, CustomFieldList, CustomFieldListQuery, UpdateCustomFieldBody,
} from '../../../shared/contracts/custom-fields.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { createCustomField, deactivateCustomField, listCustomFields, updateCustomField } from './custom-fields.service.js';

/** Custom field definitions (自定义字段): the administrator defines them, everyone reads them. */
export const customFieldRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['custom-fields'];

  app.get('/custom-fields', {
    schema: { tags, summary: 'Custom fields of customers, contacts or leads, in form order', querystring: CustomFieldListQuery, response: withErrors({ 200: CustomFieldList }) },
    preHandler: app.authorize('custom_field:read'),
  }, async (req) => listCustomFields(req.ctx, req.query));

  app.post('/custom-fields', {
    schema: { tags, summary: 'Define a custom field (key and kind are fixed once created)', body: CreateCustomFieldBody, response: withErrors({ 201: CustomFieldDto }) },
    preHandler: app.authorize('custom_field:manage'),
  }, async (req, reply) => reply.status(201).send(await createCustomField(req.ctx, req.body)));

  app.patch('/custom-fields/:id', {
    schema: { tags, summary: 'Edit a custom field\'s label, options, required flag, order or active state (send the version you read)', params: IdParams, body: UpdateCustomFieldBody, response: withErrors({ 200: CustomFieldDto }) },
    preHandler: app.authorize('custom_field:manage'),
  }, async (req) => updateCustomField(req.ctx, req.params.id, req.body));

  app.delete('/custom-fields/:id', {
    schema: { tags, summary: 'Deactivate a custom field: it leaves the forms; stored values stay', params: IdParams, body: EmptyBody, response: withErrors({ 204: NoContent }) },
    preHandler: app.authorize('custom_field:manage'),
  }, async (req, reply) => {
    await deactivateCustomField(req.ctx, req.params.id);
    return reply.status(204).send(null);
  });
};
