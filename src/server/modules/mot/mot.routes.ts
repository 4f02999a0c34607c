import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  AdvanceNeedBody, CreateNeedBody, CreateTouchpointBody, MotCustomerOptions, MotCustomerOptionsQuery, NeedDto, NeedListQuery, NeedPage,
  SatisfactionDto, SatisfactionQuery, TouchpointDto, TouchpointListQuery, TouchpointPage, UpdateNeedBody,
} from '../../../shared/contracts/mot.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import {
  advanceNeed, createNeed, createTouchpoint, getNeed, listMotCustomerOptions, listNeeds, listTouchpoints, needSatisfaction, updateNeed,
} from './mot.service.js';

/** Moments of truth (MOT 关键时刻, domain §7.3): touchpoints by anyone in the company, customer needs through explore → propose → execute → confirm. */
export const motRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['moments of truth'];

  app.get('/touchpoints', {
    schema: { tags, summary: 'Touchpoints of customers I can see (and those I recorded), latest first, cursor-paged', querystring: TouchpointListQuery, response: withErrors({ 200: TouchpointPage }) },
    preHandler: app.authorize('touchpoint:read'),
  }, async (req) => listTouchpoints(req.ctx, req.query));

  app.post('/touchpoints', {
    schema: { tags, summary: 'Record a touchpoint: channel, who met the customer, when, the impression (anyone who can see the customer; the front desk: any customer)', body: CreateTouchpointBody, response: withErrors({ 201: TouchpointDto }) },
    preHandler: app.authorize('touchpoint:create'),
  }, async (req, reply) => reply.status(201).send(await createTouchpoint(req.ctx, req.body)));

  app.get('/touchpoints/customer-options', {
    schema: { tags, summary: 'Customers I may record a touchpoint on, by name or pinyin (picker)', querystring: MotCustomerOptionsQuery, response: withErrors({ 200: MotCustomerOptions }) },
    preHandler: app.authorize('touchpoint:create'),
  }, async (req) => listMotCustomerOptions(req.ctx, req.query));

  app.get('/needs', {
    schema: { tags, summary: 'Customer needs I can see, newest first, cursor-paged', querystring: NeedListQuery, response: withErrors({ 200: NeedPage }) },
    preHandler: app.authorize('need:read'),
  }, async (req) => listNeeds(req.ctx, req.query));

  app.post('/needs', {
    schema: { tags, summary: 'Open a customer need at explore', body: CreateNeedBody, response: withErrors({ 201: NeedDto }) },
    preHandler: app.authorize('need:create'),
  }, async (req, reply) => reply.status(201).send(await createNeed(req.ctx, req.body)));

  app.get('/needs/satisfaction', {
    schema: { tags, summary: 'Average customer satisfaction of confirmed needs, per customer or per owner (my data scope)', querystring: SatisfactionQuery, response: withErrors({ 200: SatisfactionDto }) },
    preHandler: app.authorize('need:read'),
  }, async (req) => needSatisfaction(req.ctx, req.query));

  app.get('/needs/:id', {
    schema: { tags, summary: 'One customer need', params: IdParams, response: withErrors({ 200: NeedDto }) },
    preHandler: app.authorize('need:read'),
  }, async (req) => getNeed(req.ctx, req.params.id));

  app.patch('/needs/:id', {
    schema: { tags, summary: 'Edit a need (title, description, opportunity, owner; the promise while at propose, the fulfilment while at execute); send the version you read', params: IdParams, body: UpdateNeedBody, response: withErrors({ 200: NeedDto }) },
    preHandler: app.authorize('need:update'),
  }, async (req) => updateNeed(req.ctx, req.params.id, req.body));

  app.post('/needs/:id/advance', {
    schema: {
      tags, summary: 'Move a need to its next step, strictly explore → propose (promise) → execute (fulfilment) → confirm (satisfaction 1–5 + comment)',
      params: IdParams, body: AdvanceNeedBody, response: withErrors({ 200: NeedDto }),
    },
    preHandler: app.authorize('need:update'),
  }, async (req) => advanceNeed(req.ctx, req.params.id, req.body));
};
