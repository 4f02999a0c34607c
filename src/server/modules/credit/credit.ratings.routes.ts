import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  CalculateLimitBody, CalculateLimitResult, CreateInvestigationBody, CreateRatingBody, CreditInvestigationDto, CreditInvestigationList, CreditRatingDto,
  CreditRatingList, DowngradeTriggerDto, DowngradeTriggerList, InvestigationSweepBody, InvestigationSweepResult, RecordTriggerBody, ReviewInvestigationBody,
  UpdateInvestigationBody, VersionBody,
} from '../../../shared/contracts/credit-ratings.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import {
  createInvestigation, editInvestigation, getInvestigation, listCustomerInvestigations, reviewInvestigation, runInvestigationSweep, submitInvestigation,
} from './credit.investigations.service.js';
import { calculateCreditLimit, listCustomerRatings, listCustomerTriggers, rateCustomer, recordTrigger } from './credit.ratings.service.js';

/** Credit investigation (信用调查), rating (信用评级), downgrade triggers and the limit calculators (domain §10). */
export const creditRatingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['credit'];

  app.get('/customers/:id/credit-investigations', {
    schema: { tags, summary: "A customer's credit investigations, newest first (part 4, business with us, live for drafts and frozen once submitted)", params: IdParams, response: withErrors({ 200: CreditInvestigationList }) },
    preHandler: app.authorize('credit-investigation:read'),
  }, async (req) => listCustomerInvestigations(req.ctx, req.params.id));

  app.post('/customers/:id/credit-investigations', {
    schema: { tags, summary: 'Start a credit investigation (draft) in five parts: basic, bank, three years of statements, other; part 4 is computed (customer service)', params: IdParams, body: CreateInvestigationBody, response: withErrors({ 201: CreditInvestigationDto }) },
    preHandler: app.authorize('credit-investigation:prepare'),
  }, async (req, reply) => reply.status(201).send(await createInvestigation(req.ctx, req.params.id, req.body)));

  app.get('/credit-investigations/:id', {
    schema: { tags, summary: 'One credit investigation', params: IdParams, response: withErrors({ 200: CreditInvestigationDto }) },
    preHandler: app.authorize('credit-investigation:read'),
  }, async (req) => getInvestigation(req.ctx, req.params.id));

  app.patch('/credit-investigations/:id', {
    schema: { tags, summary: 'Edit a draft investigation (send the version read)', params: IdParams, body: UpdateInvestigationBody, response: withErrors({ 200: CreditInvestigationDto }) },
    preHandler: app.authorize('credit-investigation:prepare'),
  }, async (req) => editInvestigation(req.ctx, req.params.id, req.body));

  app.post('/credit-investigations/:id/submit', {
    schema: { tags, summary: "Submit a draft to finance; part 4 (our shipments and collections, 3 years) is frozen as of today", params: IdParams, body: VersionBody, response: withErrors({ 200: CreditInvestigationDto }) },
    preHandler: app.authorize('credit-investigation:prepare'),
  }, async (req) => submitInvestigation(req.ctx, req.params.id, req.body.version));

  app.post('/credit-investigations/:id/review', {
    schema: { tags, summary: 'Finance reviews a submitted investigation into the credit evaluation form (信用调查评定表); the yearly update falls due credit.investigationMonths later', params: IdParams, body: ReviewInvestigationBody, response: withErrors({ 200: CreditInvestigationDto }) },
    preHandler: app.authorize('credit-investigation:review'),
  }, async (req) => reviewInvestigation(req.ctx, req.params.id, req.body));

  app.post('/credit-investigations/due-sweep', {
    schema: { tags, summary: 'Create the yearly-update to-dos of investigations due by asOf (idempotent; also run hourly by the scheduler)', body: InvestigationSweepBody, response: withErrors({ 200: InvestigationSweepResult }) },
    preHandler: app.authorize('credit-investigation:sweep'),
  }, async (req) => runInvestigationSweep(req.ctx, req.body.asOf));

  app.post('/credit-ratings', {
    schema: { tags, summary: 'Rate a customer (finance): indicator scores of five dimensions → total 0–100 → grade by policy thresholds, with the grade\'s default terms; answers open downgrade triggers', body: CreateRatingBody, response: withErrors({ 201: CreditRatingDto }) },
    preHandler: app.authorize('credit-rating:rate'),
  }, async (req, reply) => reply.status(201).send(await rateCustomer(req.ctx, req.body)));

  app.get('/customers/:id/credit-ratings', {
    schema: { tags, summary: "A customer's grade history: scores, total, grade, who rated and why, newest first", params: IdParams, response: withErrors({ 200: CreditRatingList }) },
    preHandler: app.authorize('credit-rating:read'),
  }, async (req) => listCustomerRatings(req.ctx, req.params.id));

  app.get('/customers/:id/credit-triggers', {
    schema: { tags, summary: "A customer's downgrade triggers (降级事项), newest first", params: IdParams, response: withErrors({ 200: DowngradeTriggerList }) },
    preHandler: app.authorize('credit-rating:read'),
  }, async (req) => listCustomerTriggers(req.ctx, req.params.id));

  app.post('/customers/:id/credit-triggers', {
    schema: { tags, summary: 'Record a downgrade trigger with evidence: finance gets a re-rating to-do', params: IdParams, body: RecordTriggerBody, response: withErrors({ 201: DowngradeTriggerDto }) },
    preHandler: app.authorize('credit-trigger:record'),
  }, async (req, reply) => reply.status(201).send(await recordTrigger(req.ctx, req.params.id, req.body)));

  app.post('/credit-limits/calculate', {
    schema: { tags, summary: 'Credit limit calculators (sales_based, working_capital, current_ratio, net_asset, judgement) → { limit, working }; writes nothing', body: CalculateLimitBody, response: withErrors({ 200: CalculateLimitResult }) },
    preHandler: app.authorize('credit-limit:calculate'),
  }, async (req) => calculateCreditLimit(req.ctx, req.body));
};
