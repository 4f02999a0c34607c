import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, NoContent } from '../../../shared/contracts/common.contract.js';
import {
  AddCollaboratorBody, BorrowRecordPage, BorrowRecordQuery, CollaboratorDto, CollaboratorParams, CreateCustomerBody, CustomerBorrowQuery,
  CustomerCountsDto, CustomerDetailDto, CustomerDto, CustomerFileDto, CustomerFileQuery, CustomerListQuery, CustomerPage, MergeBody,
  MergeResult, PoolEventPage, PoolEventQuery, RemoveCollaboratorBody, StaleFilesQuery, TransferBody, TransferResult, UpdateCustomerBody, UpdateCustomerFileBody,
} from '../../../shared/contracts/customers.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { foldCustomFieldQuery } from '../custom-fields/index.js';
import { contactRoutes } from './contacts.routes.js';
import { poolRoutes } from './pool.routes.js';
import {
  addCollaborator, countVisibleCustomers, createCustomer, getCustomer, listBorrowRecords, listCollaborators, listCustomerBorrowRecords,
  listCustomerPoolEvents, listCustomers, listStaleFiles, mergeCustomers, openCustomerFile, removeCollaborator, requestTransfer, updateCustomer, updateCustomerFile,
} from './customers.service.js';

const CountsQuery = CustomerListQuery.omit({ limit: true, cursor: true, sort: true, order: true });

/** Customers (客户), their confidential file, collaborators, transfer and merge; the pool and contacts are registered from here. */
export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['customers'];

  app.get('/customers', {
    schema: { tags, summary: 'Customers in my data scope (and those shared with me), filtered (custom fields: cf.<key>=value, cf.<key>.from/.to), sorted, cursor-paged', querystring: CustomerListQuery, response: withErrors({ 200: CustomerPage }) },
    preValidation: foldCustomFieldQuery,
    preHandler: app.authorize('customer:read'),
  }, async (req) => listCustomers(req.ctx, req.query));

  app.get('/customers/counts', {
    schema: { tags, summary: 'How many customers the list filters match, by value class and status (same scope as the list)', querystring: CountsQuery, response: withErrors({ 200: CustomerCountsDto }) },
    preValidation: foldCustomFieldQuery,
    preHandler: app.authorize('customer:read'),
  }, async (req) => countVisibleCustomers(req.ctx, req.query));

  app.post('/customers', {
    schema: { tags, summary: 'Create a customer (duplicate check by credit code, normalised name and phone → 409 DUPLICATE naming the owner)', body: CreateCustomerBody, response: withErrors({ 201: CustomerDto }) },
    preHandler: app.authorize('customer:create'),
  }, async (req, reply) => reply.status(201).send(await createCustomer(req.ctx, req.body)));

  app.get('/customers/stale-files', {
    schema: { tags, summary: 'Customer files not reviewed within the review interval (CS manager spot check)', querystring: StaleFilesQuery, response: withErrors({ 200: CustomerPage }) },
    preHandler: app.authorize('customer:stale_files'),
  }, async (req) => listStaleFiles(req.ctx, req.query));

  app.get('/customers/:id', {
    schema: { tags, summary: 'One customer, with what I may do with it', params: IdParams, response: withErrors({ 200: CustomerDetailDto }) },
    preHandler: app.authorize('customer:read'),
  }, async (req) => getCustomer(req.ctx, req.params.id));

  app.patch('/customers/:id', {
    schema: { tags, summary: 'Edit a customer (send the version you read; the owner changes only by transfer, claim or release)', params: IdParams, body: UpdateCustomerBody, response: withErrors({ 200: CustomerDto }) },
    preHandler: app.authorize('customer:update'),
  }, async (req) => updateCustomer(req.ctx, req.params.id, req.body));

  app.get('/customers/:id/file', {
    schema: { tags, summary: 'Open the confidential sections of the file (purpose required; writes a borrow record 借阅记录)', params: IdParams, querystring: CustomerFileQuery, response: withErrors({ 200: CustomerFileDto }) },
    preHandler: app.authorize('customer:read_sensitive'),
  }, async (req) => openCustomerFile(req.ctx, req.params.id, req.query.purpose));

  app.patch('/customers/:id/file', {
    schema: { tags, summary: 'Edit the confidential sections (counts as the file review)', params: IdParams, body: UpdateCustomerFileBody, response: withErrors({ 200: CustomerFileDto }) },
    preHandler: app.authorize('customer:read_sensitive'),
  }, async (req) => updateCustomerFile(req.ctx, req.params.id, req.body));

  app.get('/customers/:id/borrow-records', {
    schema: { tags, summary: 'Who opened this file, when and why', params: IdParams, querystring: CustomerBorrowQuery, response: withErrors({ 200: BorrowRecordPage }) },
    preHandler: app.authorize('customer:read_sensitive'),
  }, async (req) => listCustomerBorrowRecords(req.ctx, req.params.id, req.query));

  app.get('/customers/:id/pool-events', {
    schema: { tags, summary: 'Ownership history: claims, releases, recycling and transfers', params: IdParams, querystring: PoolEventQuery, response: withErrors({ 200: PoolEventPage }) },
    preHandler: app.authorize('customer:read'),
  }, async (req) => listCustomerPoolEvents(req.ctx, req.params.id, req.query));

  app.get('/borrow-records', {
    schema: { tags, summary: 'Borrow records of the users in my data scope', querystring: BorrowRecordQuery, response: withErrors({ 200: BorrowRecordPage }) },
    preHandler: app.authorize('customer:borrow_log'),
  }, async (req) => listBorrowRecords(req.ctx, req.query));

  app.post('/customers/:id/transfer', {
    schema: { tags, summary: 'Ask to transfer a customer to another rep (approval: supervisor, then sales manager)', params: IdParams, body: TransferBody, response: withErrors({ 202: TransferResult }) },
    preHandler: app.authorize('customer:transfer'),
  }, async (req, reply) => reply.status(202).send(await requestTransfer(req.ctx, req.params.id, req.body)));

  app.get('/customers/:id/collaborators', {
    schema: { tags, summary: 'Collaborators (协作人) of a customer', params: IdParams, response: withErrors({ 200: z.object({ items: z.array(CollaboratorDto) }) }) },
    preHandler: app.authorize('customer:read'),
  }, async (req) => listCollaborators(req.ctx, req.params.id));

  app.post('/customers/:id/collaborators', {
    schema: { tags, summary: 'Share a customer, read or read-write, optionally until a date (201 new, 200 changed terms)', params: IdParams, body: AddCollaboratorBody, response: withErrors({ 200: CollaboratorDto, 201: CollaboratorDto }) },
    preHandler: app.authorize('customer:share'),
  }, async (req, reply) => {
    const { created, collaborator } = await addCollaborator(req.ctx, req.params.id, req.body);
    return reply.status(created ? 201 : 200).send(collaborator);
  });

  app.delete('/customers/:id/collaborators/:userId', {
    schema: { tags, summary: 'Stop sharing a customer with a colleague', params: CollaboratorParams, body: RemoveCollaboratorBody, response: withErrors({ 204: NoContent }) },
    preHandler: app.authorize('customer:share'),
  }, async (req, reply) => {
    await removeCollaborator(req.ctx, req.params.id, req.params.userId);
    return reply.status(204).send(null);
  });

  app.post('/customers/:id/merge', {
    schema: { tags, summary: 'Merge a duplicate customer into this one, moving every related record', params: IdParams, body: MergeBody, response: withErrors({ 200: MergeResult }) },
    preHandler: app.authorize('customer:merge'),
  }, async (req) => mergeCustomers(req.ctx, req.params.id, req.body.duplicateId));

  await app.register(poolRoutes);
  await app.register(contactRoutes);
};
