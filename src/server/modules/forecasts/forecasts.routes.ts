import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  AccuracyDto, AccuracyQuery, AdjustForecastBody, ForecastDto, ForecastFiguresDto, ForecastFiguresQuery, ForecastListQuery, ForecastPage,
  ForecastReportDto, ForecastReportQuery, SubmitForecastBody,
} from '../../../shared/contracts/forecasts.contract.js';
import { sendXlsx, withErrors } from '../../platform/http/route-helpers.js';
import { forecastXlsx } from './forecasts.export.js';
import {
  adjustForecast, auditForecastExport, forecastAccuracyReport, forecastFigures, forecastReport, getForecast, listForecasts, submitForecast,
} from './forecasts.service.js';

/** Forecasts (销售预测, domain §6.3): monthly submission, manager adjustment, accuracy, and the forecast report (§15). */
export const forecastRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['forecasts'];

  app.get('/forecasts', {
    schema: { tags, summary: 'Forecasts of the people in my data scope (a rep: their own), newest month first', querystring: ForecastListQuery, response: withErrors({ 200: ForecastPage }) },
    preHandler: app.authorize('forecast:read'),
  }, async (req) => listForecasts(req.ctx, req.query));

  app.post('/forecasts', {
    schema: {
      tags, summary: 'Submit my forecast of a month (re-submit with its version before the month ends); snapshots the weighted pipeline and commit; notifies my supervisor',
      body: SubmitForecastBody, response: withErrors({ 200: ForecastDto, 201: ForecastDto }),
    },
    preHandler: app.authorize('forecast:submit'),
  }, async (req, reply) => {
    const { created, forecast } = await submitForecast(req.ctx, req.body);
    return reply.status(created ? 201 : 200).send(forecast);
  });

  app.get('/forecasts/figures', {
    schema: { tags, summary: "A person's weighted pipeline, commit and won of a month, next to their submission (default: mine, this month)", querystring: ForecastFiguresQuery, response: withErrors({ 200: ForecastFiguresDto }) },
    preHandler: app.authorize('forecast:read'),
  }, async (req) => forecastFigures(req.ctx, req.query));

  app.get('/forecasts/accuracy', {
    schema: { tags, summary: 'Forecast accuracy per person per month: won / submitted and won / adjusted (default: the last six months)', querystring: AccuracyQuery, response: withErrors({ 200: AccuracyDto }) },
    preHandler: app.authorize('forecast:read'),
  }, async (req) => forecastAccuracyReport(req.ctx, req.query));

  app.get('/forecasts/:id', {
    schema: { tags, summary: 'One forecast', params: IdParams, response: withErrors({ 200: ForecastDto }) },
    preHandler: app.authorize('forecast:read'),
  }, async (req) => getForecast(req.ctx, req.params.id));

  app.post('/forecasts/:id/adjust', {
    schema: { tags, summary: "A manager adjusts a rep's forecast (the rep's figure is kept); not one's own (segregation of duties); the rep is notified", params: IdParams, body: AdjustForecastBody, response: withErrors({ 200: ForecastDto }) },
    preHandler: app.authorize('forecast:adjust'),
  }, async (req) => adjustForecast(req.ctx, req.params.id, req.body));

  app.get('/reports/forecast', {
    schema: { tags: ['reports'], summary: 'Forecast report per month: weighted pipeline, commit, submitted, adjusted, won, target', querystring: ForecastReportQuery, response: withErrors({ 200: ForecastReportDto }) },
    preHandler: app.authorize('report:forecast'),
  }, async (req) => forecastReport(req.ctx, req.query));

  app.get('/reports/forecast.xlsx', {
    schema: { tags: ['reports'], summary: 'The forecast report as Excel (the export is audited)', querystring: ForecastReportQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('report:forecast'),
  }, async (req, reply) => {
    const { ctx } = req;
    const report = await forecastReport(ctx, req.query);
    await auditForecastExport(ctx, { period: report.period, from: report.from, to: report.to, orgNodeId: req.query.orgNodeId, ownerId: req.query.ownerId });
    return sendXlsx(req, reply, `forecast-${report.from}_${report.to}.xlsx`, forecastXlsx(report, ctx.locale));
  });
};
