import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import { CreatePipelineBody, PipelineDto, PipelineList, PipelineListQuery, UpdatePipelineBody } from '../../../shared/contracts/opportunities.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { createPipeline, getPipeline, listPipelines, updatePipeline } from './pipelines.service.js';

/** Pipelines (销售流程, domain §6.2): the built-in big-account and standard templates and custom ones. */
export const pipelineRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['pipelines'];

  app.get('/pipelines', {
    schema: { tags, summary: 'Active pipelines I may use (department restriction applied), with their stages in order', querystring: PipelineListQuery, response: withErrors({ 200: PipelineList }) },
    preHandler: app.authorize('pipeline:read'),
  }, async (req) => listPipelines(req.ctx, req.query));

  app.get('/pipelines/:id', {
    schema: { tags, summary: 'One pipeline with its stages', params: IdParams, response: withErrors({ 200: PipelineDto }) },
    preHandler: app.authorize('pipeline:read'),
  }, async (req) => getPipeline(req.ctx, req.params.id));

  app.post('/pipelines', {
    schema: { tags, summary: 'Create a pipeline (administrators): each stage probability inside its funnel band, exactly one order stage, last', body: CreatePipelineBody, response: withErrors({ 201: PipelineDto }) },
    preHandler: app.authorize('pipeline:manage'),
  }, async (req, reply) => reply.status(201).send(await createPipeline(req.ctx, req.body)));

  app.patch('/pipelines/:id', {
    schema: { tags, summary: 'Edit a pipeline and its stages (administrators); a stage still holding opportunities cannot be removed (422); send the version you read', params: IdParams, body: UpdatePipelineBody, response: withErrors({ 200: PipelineDto }) },
    preHandler: app.authorize('pipeline:manage'),
  }, async (req) => updatePipeline(req.ctx, req.params.id, req.body));
};
