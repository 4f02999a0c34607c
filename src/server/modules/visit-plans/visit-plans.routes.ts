import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  AdherenceDto, AdherenceQuery, CheckInDto, CreateCheckInBody, CreateVisitPlanBody, MapConfigDto, NearList, NearQuery, PutVisitPlanItemsBody,
  ReminderBody, ReminderResult, RouteDto, RouteQuery, SubmitVisitPlanBody, VisitPlanDetailDto, VisitPlanList, VisitPlanListQuery,
} from '../../../shared/contracts/visit-plans.contract.js';
import type { MapConfig } from '../../config.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { createCheckIn, customersNearPoint } from './check-ins.service.js';
import { runWeeklyPlanReminder } from './visit-plan-reminders.service.js';
import { createVisitPlan, getAdherence, getRoute, getVisitPlan, listVisitPlans, putVisitPlanItems, submitVisitPlan } from './visit-plans.service.js';

/** Visit planning and territory (domain §7.1): plans, their checks and routes, plan vs actual, check-ins, customers near a point. */
export const visitPlanRoutes: FastifyPluginAsyncZod<{ map: MapConfig }> = async (app, opts) => {
  const tags = ['visit-plans'];

  app.get('/visit-plans', {
    schema: { tags, summary: 'Visit plans of me and the people in my data scope, newest period first', querystring: VisitPlanListQuery, response: withErrors({ 200: VisitPlanList }) },
    preHandler: app.authorize('visit_plan:read'),
  }, async (req) => listVisitPlans(req.ctx, req.query));

  app.post('/visit-plans', {
    schema: { tags, summary: 'Start a quarter, month, week (Monday) or day plan; linked to the enclosing plan of the cascade', body: CreateVisitPlanBody, response: withErrors({ 201: VisitPlanDetailDto }) },
    preHandler: app.authorize('visit_plan:write'),
  }, async (req, reply) => reply.status(201).send(await createVisitPlan(req.ctx, req.body)));

  app.get('/visit-plans/map-config', {
    schema: { tags, summary: 'The map tile source (configurable; the map works without tiles)', response: withErrors({ 200: MapConfigDto }) },
    preHandler: app.authorize('visit_plan:read'),
  }, async () => ({ tileUrl: opts.map.tileUrl, attribution: opts.map.attribution }));

  app.get('/visit-plans/adherence', {
    schema: { tags, summary: 'Plan vs actual per rep: planned visits done, missed, pending, and visits made outside the plan', querystring: AdherenceQuery, response: withErrors({ 200: AdherenceDto }) },
    preHandler: app.authorize('visit_plan:read'),
  }, async (req) => getAdherence(req.ctx, req.query));

  app.get('/visit-plans/:id', {
    schema: { tags, summary: "One plan with its visits, the owner's customers due for a visit, and the plan checks' warnings", params: IdParams, response: withErrors({ 200: VisitPlanDetailDto }) },
    preHandler: app.authorize('visit_plan:read'),
  }, async (req) => getVisitPlan(req.ctx, req.params.id));

  app.put('/visit-plans/:id/items', {
    schema: { tags, summary: "Replace a draft or returned plan's visits; send the version you read", params: IdParams, body: PutVisitPlanItemsBody, response: withErrors({ 200: VisitPlanDetailDto }) },
    preHandler: app.authorize('visit_plan:write'),
  }, async (req) => putVisitPlanItems(req.ctx, req.params.id, req.body));

  app.post('/visit-plans/:id/submit', {
    schema: { tags, summary: "Submit my plan to my supervisor's inbox (the approval engine); they approve or return it", params: IdParams, body: SubmitVisitPlanBody, response: withErrors({ 200: VisitPlanDetailDto }) },
    preHandler: app.authorize('visit_plan:write'),
  }, async (req) => submitVisitPlan(req.ctx, req.params.id, req.body.version));

  app.get('/visit-plans/:id/route', {
    schema: { tags, summary: "A day's visits ordered to shorten travel (nearest neighbour + 2-opt), with the distance before and after", params: IdParams, querystring: RouteQuery, response: withErrors({ 200: RouteDto }) },
    preHandler: app.authorize('visit_plan:read'),
  }, async (req) => getRoute(req.ctx, req.params.id, req.query));

  app.post('/admin/visit-plans/remind', {
    schema: { tags, summary: "Run the Friday reminder as of a day: reps without a submitted plan for next week are notified once per week (the scheduler runs it hourly)", body: ReminderBody, response: withErrors({ 200: ReminderResult }) },
    preHandler: app.authorize('visit_plan:remind'),
  }, async (req) => runWeeklyPlanReminder(req.ctx, req.body.asOf));

  app.get('/customers/near', {
    schema: { tags, summary: 'Customers I may see within a radius of a point, nearest first', querystring: NearQuery, response: withErrors({ 200: NearList }) },
    preHandler: app.authorize('customer:near'),
  }, async (req) => customersNearPoint(req.ctx, req.query));

  app.post('/check-ins', {
    schema: { tags, summary: 'Field check-in from a phone: coordinates, address, server time, optional photo; completes the visit and its plan item', body: CreateCheckInBody, response: withErrors({ 201: CheckInDto }) },
    preHandler: app.authorize('check_in:create'),
  }, async (req, reply) => reply.status(201).send(await createCheckIn(req.ctx, req.body)));
};
