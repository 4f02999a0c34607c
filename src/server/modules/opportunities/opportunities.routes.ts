import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EmptyBody, IdParams, NoContent } from '../../../shared/contracts/common.contract.js';
import {
  AddOpportunityCollaboratorBody, CloseOpportunityBody, CreateOpportunityBody, KanbanDto, KanbanQuery, KeyNodeBody, KeyNodeParams, LossReasonList,
  MoveOpportunityBody, OpportunityCollaboratorDto, OpportunityCollaboratorParams, OpportunityDetailDto, OpportunityListQuery, OpportunityPage,
  SetOpportunityContactsBody, StageHistoryList, UpdateOpportunityBody,
} from '../../../shared/contracts/opportunities.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import {
  addOpportunityCollaborator, closeOpportunity, createOpportunity, getKanban, getOpportunity, getOpportunityHistory, listLossReasons, listOpportunities,
  moveOpportunity, removeOpportunityCollaborator, setKeyNode, setOpportunityContacts, updateOpportunity,
} from './opportunities.service.js';
import { pipelineRoutes } from './pipelines.routes.js';

/** Opportunities (销售机会): list, kanban, create, edit, move through the gates, key nodes, close, history, contacts, collaborators; and the pipelines. */
export const opportunityRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(pipelineRoutes);
  const tags = ['opportunities'];

  app.get('/opportunities', {
    schema: { tags, summary: 'Opportunities in my data scope (and shared with me), filtered, sorted, cursor-paged', querystring: OpportunityListQuery, response: withErrors({ 200: OpportunityPage }) },
    preHandler: app.authorize('opportunity:read'),
  }, async (req) => listOpportunities(req.ctx, req.query));

  app.get('/opportunities/kanban', {
    schema: { tags, summary: 'Kanban of one pipeline: per stage count, amount and weighted amount of open opportunities in my scope, and the first cards', querystring: KanbanQuery, response: withErrors({ 200: KanbanDto }) },
    preHandler: app.authorize('opportunity:read'),
  }, async (req) => getKanban(req.ctx, req.query));

  app.get('/opportunities/loss-reasons', {
    schema: { tags, summary: 'The loss reasons a lost opportunity is closed with, localised', response: withErrors({ 200: LossReasonList }) },
    preHandler: app.authorize('opportunity:read'),
  }, async (req) => listLossReasons(req.ctx));

  app.post('/opportunities', {
    schema: { tags, summary: 'Create an opportunity (numbered XM<year>-0001) on a customer I may edit; probability defaults to the stage and must lie in its band', body: CreateOpportunityBody, response: withErrors({ 201: OpportunityDetailDto }) },
    preHandler: app.authorize('opportunity:create'),
  }, async (req, reply) => reply.status(201).send(await createOpportunity(req.ctx, req.body)));

  app.get('/opportunities/:id', {
    schema: { tags, summary: 'One opportunity with contacts, collaborators and the key-node checklist', params: IdParams, response: withErrors({ 200: OpportunityDetailDto }) },
    preHandler: app.authorize('opportunity:read'),
  }, async (req) => getOpportunity(req.ctx, req.params.id));

  app.patch('/opportunities/:id', {
    schema: { tags, summary: 'Edit an open opportunity (the stage changes only through move); send the version you read', params: IdParams, body: UpdateOpportunityBody, response: withErrors({ 200: OpportunityDetailDto }) },
    preHandler: app.authorize('opportunity:update'),
  }, async (req) => updateOpportunity(req.ctx, req.params.id, req.body));

  app.post('/opportunities/:id/move', {
    schema: { tags, summary: 'Move to another stage of the pipeline; forward moves pass the gates of each stage left (fields, approvals, key node) or get 422 naming the gate', params: IdParams, body: MoveOpportunityBody, response: withErrors({ 200: OpportunityDetailDto }) },
    preHandler: app.authorize('opportunity:move'),
  }, async (req) => moveOpportunity(req.ctx, req.params.id, req.body));

  app.post('/opportunities/:id/key-nodes/:stageId', {
    schema: { tags, summary: 'Tick or untick the key node (关键节点) of a stage', params: KeyNodeParams, body: KeyNodeBody, response: withErrors({ 200: OpportunityDetailDto }) },
    preHandler: app.authorize('opportunity:update'),
  }, async (req) => setKeyNode(req.ctx, req.params.id, req.params.stageId, req.body));

  app.post('/opportunities/:id/close', {
    schema: { tags, summary: 'Close as won (to the order stage) or lost (with a listed reason); both need a stage summary', params: IdParams, body: CloseOpportunityBody, response: withErrors({ 200: OpportunityDetailDto }) },
    preHandler: app.authorize('opportunity:close'),
  }, async (req) => closeOpportunity(req.ctx, req.params.id, req.body));

  app.get('/opportunities/:id/history', {
    schema: { tags, summary: 'Stage history: creation, moves and close, with days in each stage left', params: IdParams, response: withErrors({ 200: StageHistoryList }) },
    preHandler: app.authorize('opportunity:read'),
  }, async (req) => getOpportunityHistory(req.ctx, req.params.id));

  app.put('/opportunities/:id/contacts', {
    schema: { tags, summary: 'Replace the contacts on the deal with their buying roles (each must be the customer’s)', params: IdParams, body: SetOpportunityContactsBody, response: withErrors({ 200: OpportunityDetailDto }) },
    preHandler: app.authorize('opportunity:update'),
  }, async (req) => setOpportunityContacts(req.ctx, req.params.id, req.body));

  app.post('/opportunities/:id/collaborators', {
    schema: { tags, summary: 'Share the opportunity with a colleague (协作人), read or read-write, optionally until a date', params: IdParams, body: AddOpportunityCollaboratorBody, response: withErrors({ 200: OpportunityCollaboratorDto, 201: OpportunityCollaboratorDto }) },
    preHandler: app.authorize('opportunity:share'),
  }, async (req, reply) => {
    const { created, collaborator } = await addOpportunityCollaborator(req.ctx, req.params.id, req.body);
    return reply.status(created ? 201 : 200).send(collaborator);
  });

  app.delete('/opportunities/:id/collaborators/:userId', {
    schema: { tags, summary: 'Stop sharing the opportunity with a colleague', params: OpportunityCollaboratorParams, body: EmptyBody, response: withErrors({ 204: NoContent }) },
    preHandler: app.authorize('opportunity:share'),
  }, async (req, reply) => {
    await removeOpportunityCollaborator(req.ctx, req.params.id, req.params.userId);
    return reply.status(204).send(null);
  });
};
