import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActivityReportDto, ActivityReportQuery, FunnelReportDto, FunnelReportQuery } from '../../../shared/contracts/reports.contract.js';
import { formatInZone } from '../../../shared/dates.js';
import { PDF_TYPE } from '../../platform/exports/pdf.js';
import { sendXlsx, withErrors } from '../../platform/http/route-helpers.js';
import { activitiesXlsx, funnelPdf, funnelXlsx } from './reports.export.js';
import { activityReport, auditReportExport, funnelReport, reportFilterNames } from './reports.service.js';

/** Funnel and activity reports (数据分析与报告, domain §15), each also as an audited Excel export. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reports'];

  app.get('/reports/funnel', {
    schema: {
      tags, summary: 'Funnel of one pipeline: open opportunities by category and stage (count, amount, weighted), stage conversion and median days in stage over the period, won/lost in the period',
      querystring: FunnelReportQuery, response: withErrors({ 200: FunnelReportDto }),
    },
    preHandler: app.authorize('report:read'),
  }, async (req) => funnelReport(req.ctx, req.query));

  app.get('/reports/funnel.xlsx', {
    schema: { tags, summary: 'The funnel report as Excel (the export is audited)', querystring: FunnelReportQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('report:read'),
  }, async (req, reply) => {
    const report = await funnelReport(req.ctx, req.query);
    await auditReportExport(req.ctx, 'funnel', { ...req.query, from: report.from, to: report.to, pipelineId: report.pipeline.id });
    return sendXlsx(req, reply, `funnel-${report.from}_${report.to}.xlsx`, funnelXlsx(report, req.ctx.locale));
  });

  app.get('/reports/funnel.pdf', {
    schema: { tags, summary: 'The funnel report as a printable PDF (A4, Chinese font embedded; the export is audited)', querystring: FunnelReportQuery, response: withErrors({ 200: z.any().describe('pdf file') }) },
    preHandler: app.authorize('report:read'),
  }, async (req, reply) => {
    const report = await funnelReport(req.ctx, req.query);
    const names = await reportFilterNames(req.ctx, req.query);
    const pdf = await funnelPdf(report, req.ctx.locale, { ...names, generatedAt: formatInZone(new Date(), req.ctx.workspace.timeZone, 'YYYY-MM-DD HH:mm') });
    await auditReportExport(req.ctx, 'funnel', { ...req.query, from: report.from, to: report.to, pipelineId: report.pipeline.id }, 'pdf');
    return reply.type(PDF_TYPE).header('content-disposition', `attachment; filename="funnel-${report.from}_${report.to}.pdf"`).send(pdf);
  });

  app.get('/reports/activities', {
    schema: {
      tags, summary: 'Activities per rep and per team: visits, calls, emails, meetings, others, call reports sent, tasks done/overdue, visit-plan adherence',
      querystring: ActivityReportQuery, response: withErrors({ 200: ActivityReportDto }),
    },
    preHandler: app.authorize('report:read'),
  }, async (req) => activityReport(req.ctx, req.query));

  app.get('/reports/activities.xlsx', {
    schema: { tags, summary: 'The activity report as Excel (the export is audited)', querystring: ActivityReportQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('report:read'),
  }, async (req, reply) => {
    const report = await activityReport(req.ctx, req.query);
    await auditReportExport(req.ctx, 'activities', { ...req.query, from: report.from, to: report.to });
    return sendXlsx(req, reply, `activities-${report.from}_${report.to}.xlsx`, activitiesXlsx(report, req.ctx.locale));
  });
};
