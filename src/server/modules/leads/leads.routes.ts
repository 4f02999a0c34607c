import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  ClaimLeadBody, ConvertLeadBody, LeadCountsDto, LeadCountsQuery, ConvertLeadResult, ConvertPreviewDto, ConvertPreviewQuery, CreateLeadBody, DisqualifyLeadBody, LeadDetailDto,
  LeadDto, LeadListQuery, LeadPage, LeadPoolQuery, LeadRecycleBody, LeadRecycleResult, ReleaseLeadBody, UpdateLeadBody,
} from '../../../shared/contracts/leads.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { convertLead, previewConversion } from './lead-conversion.service.js';
import { claimLead, listLeadPool, releaseLead, runLeadRecycleSweep } from './lead-pool.service.js';
import { countLeads, createLead, disqualifyLead, getLead, listLeads, updateLead } from './leads.service.js';

/** Leads (销售线索): list, create, edit and qualify, disqualify, convert; the lead pool (线索池) and its recycle sweep. */
export const leadRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['leads'];

  app.get('/leads', {
    schema: { tags, summary: 'Leads in my data scope, filtered, newest first, cursor-paged', querystring: LeadListQuery, response: withErrors({ 200: LeadPage }) },
    preHandler: app.authorize('lead:read'),
  }, async (req) => listLeads(req.ctx, req.query));

  app.get('/leads/counts', {
    schema: { tags, summary: 'How many leads the list filters match, by status (same scope as the list)', querystring: LeadCountsQuery, response: withErrors({ 200: LeadCountsDto }) },
    preHandler: app.authorize('lead:read'),
  }, async (req) => countLeads(req.ctx, req.query));

  app.post('/leads', {
    schema: { tags, summary: 'Create a lead (numbered XS<year>-0001; owner defaults to me, or the pool for roles that own no leads)', body: CreateLeadBody, response: withErrors({ 201: LeadDto }) },
    preHandler: app.authorize('lead:create'),
  }, async (req, reply) => reply.status(201).send(await createLead(req.ctx, req.body)));

  app.get('/leads/pool', {
    schema: { tags, summary: 'Open leads in the lead pool (线索池), newest first', querystring: LeadPoolQuery, response: withErrors({ 200: LeadPage }) },
    preHandler: app.authorize('lead:claim'),
  }, async (req) => listLeadPool(req.ctx, req.query));

  app.get('/leads/:id', {
    schema: { tags, summary: 'One lead with its MAN-COTH qualification and what I may do with it', params: IdParams, response: withErrors({ 200: LeadDetailDto }) },
    preHandler: app.authorize('lead:read'),
  }, async (req) => getLead(req.ctx, req.params.id));

  app.patch('/leads/:id', {
    schema: { tags, summary: 'Edit a lead, its qualification and status (qualified needs M, A, N, T confirmed → else 422); send the version you read', params: IdParams, body: UpdateLeadBody, response: withErrors({ 200: LeadDto }) },
    preHandler: app.authorize('lead:update'),
  }, async (req) => updateLead(req.ctx, req.params.id, req.body));

  app.post('/leads/:id/disqualify', {
    schema: { tags, summary: 'Disqualify a lead (作废) with a reason', params: IdParams, body: DisqualifyLeadBody, response: withErrors({ 200: LeadDto }) },
    preHandler: app.authorize('lead:disqualify'),
  }, async (req) => disqualifyLead(req.ctx, req.params.id, req.body));

  app.get('/leads/:id/convert-preview', {
    schema: { tags, summary: 'The existing customer a conversion would match (credit code, name, phone) and whether it would link to it', params: IdParams, querystring: ConvertPreviewQuery, response: withErrors({ 200: ConvertPreviewDto }) },
    preHandler: app.authorize('lead:convert'),
  }, async (req) => previewConversion(req.ctx, req.params.id, req.query));

  app.post('/leads/:id/convert', {
    schema: { tags, summary: 'Convert a qualified lead: customer (new or linked) + contact in one transaction; returns an opportunity draft', params: IdParams, body: ConvertLeadBody, response: withErrors({ 200: ConvertLeadResult }) },
    preHandler: app.authorize('lead:convert'),
  }, async (req) => convertLead(req.ctx, req.params.id, req.body));

  app.post('/leads/:id/claim', {
    schema: { tags, summary: 'Claim a pool lead (owned cap, claims per day, former owner cool-down; someone else just claimed it → 409)', params: IdParams, body: ClaimLeadBody, response: withErrors({ 200: LeadDto }) },
    preHandler: app.authorize('lead:claim'),
  }, async (req) => claimLead(req.ctx, req.params.id));

  app.post('/leads/:id/release', {
    schema: { tags, summary: 'Return a lead to the lead pool (退回线索池)', params: IdParams, body: ReleaseLeadBody, response: withErrors({ 200: LeadDto }) },
    preHandler: app.authorize('lead:release'),
  }, async (req) => releaseLead(req.ctx, req.params.id, req.body.reason));

  app.post('/admin/lead-pool/recycle', {
    schema: { tags, summary: 'Run the lead-pool recycle sweep as of a date (idempotent; the scheduler runs it daily)', body: LeadRecycleBody, response: withErrors({ 200: LeadRecycleResult }) },
    preHandler: app.authorize('lead:recycle'),
  }, async (req) => runLeadRecycleSweep(req.ctx, req.body.asOf));
};
