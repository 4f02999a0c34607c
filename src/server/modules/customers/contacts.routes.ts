import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  ContactDto, ContactListQuery, ContactMergeResult, ContactPage, CreateContactBody, MergeBody, UpdateContactBody,
} from '../../../shared/contracts/customers.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { createContact, getContact, listContacts, mergeContacts, updateContact } from './contacts.service.js';

/** Contacts and buying roles (联系人, 拜访对象); visibility follows their customer. */
export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['contacts'];

  app.get('/customers/:id/contacts', {
    schema: { tags, summary: 'Contacts of a customer, by name', params: IdParams, querystring: ContactListQuery, response: withErrors({ 200: ContactPage }) },
    preHandler: app.authorize('customer:read'),
  }, async (req) => listContacts(req.ctx, req.params.id, req.query));

  app.post('/customers/:id/contacts', {
    schema: { tags, summary: 'Add a contact to a customer', params: IdParams, body: CreateContactBody, response: withErrors({ 201: ContactDto }) },
    preHandler: app.authorize('customer:update'),
  }, async (req, reply) => reply.status(201).send(await createContact(req.ctx, req.params.id, req.body)));

  app.get('/contacts/:id', {
    schema: { tags, summary: 'One contact', params: IdParams, response: withErrors({ 200: ContactDto }) },
    preHandler: app.authorize('customer:read'),
  }, async (req) => getContact(req.ctx, req.params.id));

  app.patch('/contacts/:id', {
    schema: { tags, summary: 'Edit a contact (send the version you read)', params: IdParams, body: UpdateContactBody, response: withErrors({ 200: ContactDto }) },
    preHandler: app.authorize('customer:update'),
  }, async (req) => updateContact(req.ctx, req.params.id, req.body));

  app.post('/contacts/:id/merge', {
    schema: { tags, summary: 'Merge a duplicate contact of the same customer into this one', params: IdParams, body: MergeBody, response: withErrors({ 200: ContactMergeResult }) },
    preHandler: app.authorize('customer:update'),
  }, async (req) => mergeContacts(req.ctx, req.params.id, req.body.duplicateId));
};
