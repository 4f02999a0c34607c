import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  DailyQuery, DailyReportDto, MakeUpBody, MakeUpResult, MarketSurveyBody, OverridePage, OverridesQuery, PutRosterBody, ReassignBody,
  ReceptionVisitDto, ReceptionVisitPage, RegisterVisitBody, RosterDto, RosterQuery, VisitListQuery,
} from '../../../shared/contracts/reception.contract.js';
import { sendXlsx, withErrors } from '../../platform/http/route-helpers.js';
import { dailyXlsx } from './reception.export.js';
import {
  auditReportExport, dailyReport, getRoster, getVisit, listOverrides, listVisits, markMarketSurvey, putRoster, reassignVisit, registerVisit,
  reportPeriod, requestMakeUp,
} from './reception.service.js';

/** Front-desk reception (客户接待, domain §4.2): registration and routing, overrides, roster, market survey, make-up, daily report. */
export const receptionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reception'];

  app.post('/reception/visits', {
    schema: {
      tags, summary: 'Register a walk-in or call and route it: existing owner → named rep → make-up turn → duty rotation (→ all reps when nobody is on duty); creates the lead',
      body: RegisterVisitBody, response: withErrors({ 201: ReceptionVisitDto }),
    },
    preHandler: app.authorize('reception:register'),
  }, async (req, reply) => reply.status(201).send(await registerVisit(req.ctx, req.body)));

  app.get('/reception/visits', {
    schema: { tags, summary: 'Visits I see, newest first: the desk today\'s, reps their own, managers their departments\'', querystring: VisitListQuery, response: withErrors({ 200: ReceptionVisitPage }) },
    preHandler: app.authorize('reception:read'),
  }, async (req) => listVisits(req.ctx, req.query));

  app.get('/reception/visits/:id', {
    schema: { tags, summary: 'One visit with its routing decision', params: IdParams, response: withErrors({ 200: ReceptionVisitDto }) },
    preHandler: app.authorize('reception:read'),
  }, async (req) => getVisit(req.ctx, req.params.id));

  app.post('/reception/visits/:id/reassign', {
    schema: { tags, summary: 'Override the assignment (desk: the same day; sales manager/supervisor: within their scope), with a reason; audited', params: IdParams, body: ReassignBody, response: withErrors({ 200: ReceptionVisitDto }) },
    preHandler: app.authorize('reception:reassign'),
  }, async (req) => reassignVisit(req.ctx, req.params.id, req.body));

  app.post('/reception/visits/:id/market-survey', {
    schema: { tags, summary: 'The assigned rep confirms with the visitor at the desk that it is market research, not a customer', params: IdParams, body: MarketSurveyBody, response: withErrors({ 200: ReceptionVisitDto }) },
    preHandler: app.authorize('reception:market_survey'),
  }, async (req) => markMarketSurvey(req.ctx, req.params.id, req.body));

  app.post('/reception/visits/:id/make-up', {
    schema: { tags, summary: 'Ask for a make-up customer (补客户) after a market survey: supervisor, then sales manager approve; the rep then gets the next rotation turn', params: IdParams, body: MakeUpBody, response: withErrors({ 202: MakeUpResult }) },
    preHandler: app.authorize('reception:market_survey'),
  }, async (req, reply) => reply.status(202).send(await requestMakeUp(req.ctx, req.params.id, req.body)));

  app.get('/reception/overrides', {
    schema: { tags, summary: 'Overrides of automatic assignments: who moved which visitor from whom to whom, and why', querystring: OverridesQuery, response: withErrors({ 200: OverridePage }) },
    preHandler: app.authorize('reception:overrides'),
  }, async (req) => listOverrides(req.ctx, req.query));

  app.get('/reception/roster', {
    schema: { tags, summary: 'The duty roster (值班表) of a period: on-duty members per date', querystring: RosterQuery, response: withErrors({ 200: RosterDto }) },
    preHandler: app.authorize('reception:roster_read'),
  }, async (req) => getRoster(req.ctx, req.query));

  app.put('/reception/roster', {
    schema: { tags, summary: 'Replace the roster of from…to (today or later); members must be active sales users', querystring: RosterQuery, body: PutRosterBody, response: withErrors({ 200: RosterDto }) },
    preHandler: app.authorize('reception:roster_manage'),
  }, async (req) => putRoster(req.ctx, req.query, req.body));

  app.get('/reception/daily', {
    schema: { tags, summary: 'Daily reception report: walk-ins new vs returning and calls, per day and channel', querystring: DailyQuery, response: withErrors({ 200: DailyReportDto }) },
    preHandler: app.authorize('reception:report'),
  }, async (req) => dailyReport(req.ctx, req.query));

  app.get('/reception/daily.xlsx', {
    schema: { tags, summary: 'The daily reception report as Excel (the export is audited)', querystring: DailyQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('reception:report'),
  }, async (req, reply) => {
    const { ctx } = req;
    const period = reportPeriod(ctx, req.query);
    const report = await dailyReport(ctx, period);
    await auditReportExport(ctx, period);
    return sendXlsx(req, reply, `reception-${period.from}_${period.to}.xlsx`, dailyXlsx(report, ctx.locale));
  });
};
