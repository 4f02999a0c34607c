import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AgingLinesDto, AgingLinesQuery, AgingQuery, AgingReportDto, CollectionRateDto, CollectionRateQuery, ReceivableListQuery, ReceivablePage,
} from '../../../shared/contracts/receivables.contract.js';
import { sendXlsx, withErrors } from '../../platform/http/route-helpers.js';
import { agingXlsx, getAging, getAgingLines, getCollectionRate } from './receivables.reports.service.js';
import { listReceivables } from './receivables.service.js';
import { collectionTargetRoutes } from './receivables.targets.routes.js';

/** Receivables (应收款): the schedule lines created when contracts are signed, their aging and the collection rate. */
export const receivableRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['receivables'];
  await app.register(collectionTargetRoutes);
  app.get('/receivables', {
    schema: {
      tags, summary: 'Receivable lines in my data scope with outstanding and days overdue as of asOf: by customer, contract, owner, status, due range, overdue; earliest due first, cursor-paged',
      querystring: ReceivableListQuery, response: withErrors({ 200: ReceivablePage }),
    },
    preHandler: app.authorize('receivable:read'),
  }, async (req) => listReceivables(req.ctx, req.query));

  app.get('/reports/aging', {
    schema: { tags, summary: 'Aging (账龄) of my scope as of a day, per customer, owner or team: not due, 1–30, 31–60, 61–90, 91–120, >120 days overdue', querystring: AgingQuery, response: withErrors({ 200: AgingReportDto }) },
    preHandler: app.authorize('receivable:read'),
  }, async (req) => getAging(req.ctx, req.query));

  app.get('/reports/aging.xlsx', {
    schema: { tags, summary: 'The aging report as Excel (same asOf, grouping and scope)', querystring: AgingQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('receivable:read'),
  }, async (req, reply) => sendXlsx(req, reply, `aging-${req.query.asOf ?? 'today'}.xlsx`, await agingXlsx(req.ctx, req.query)));

  app.get('/reports/aging/lines', {
    schema: { tags, summary: 'Drill-down: the receivable lines of one aging bucket of a customer, owner or team, as of a day', querystring: AgingLinesQuery, response: withErrors({ 200: AgingLinesDto }) },
    preHandler: app.authorize('receivable:read'),
  }, async (req) => getAgingLines(req.ctx, req.query));

  app.get('/reports/collection-rate', {
    schema: { tags, summary: 'Collection rate (回款率) per owner or team: collected in the period ÷ due in the period', querystring: CollectionRateQuery, response: withErrors({ 200: CollectionRateDto }) },
    preHandler: app.authorize('receivable:read'),
  }, async (req) => getCollectionRate(req.ctx, req.query));
};
