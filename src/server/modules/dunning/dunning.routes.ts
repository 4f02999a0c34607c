import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  CreateDeferralBody, CreditExecutionQuery, CreditExecutionReport, DeferralDto, DeferralList, DeferralListQuery, DeferralsOpenQuery, DeferralsOpenReport,
  DunningLogEntryDto, DunningQuery, DunningQueue, DunningRunBody, DunningRunResult, LogDunningStepBody, ReceivableIdParams,
} from '../../../shared/contracts/dunning.contract.js';
import { PDF_TYPE } from '../../platform/exports/pdf.js';
import { sendXlsx, withErrors } from '../../platform/http/route-helpers.js';
import { getDeferral, listDeferrals, requestDeferral } from './deferrals.service.js';
import { dunningLetterPdf } from './dunning.letters.js';
import { creditExecutionReport, creditExecutionXlsx, deferralsOpenReport, deferralsOpenXlsx } from './dunning.reports.js';
import { dunningQueue, logDunningStep } from './dunning.service.js';
import { runDunning } from './dunning.sweep.js';

/** Deferred payment (延期付款), the dunning ladder (催款) with its letters, and the credit control reports (domain §10, §11.2). */
export const dunningRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['dunning'];

  app.post('/deferrals', {
    schema: {
      tags, summary: 'Ask to defer a receivable line (owner or their managers): at most deferral.maxMonths (3) months after the original contract due date; sent for approval (sales VP, then GM) with the payment history and grade',
      body: CreateDeferralBody, response: withErrors({ 201: DeferralDto }),
    },
    preHandler: app.authorize('deferral:request'),
  }, async (req, reply) => reply.status(201).send(await requestDeferral(req.ctx, req.body)));

  app.get('/deferrals', {
    schema: { tags, summary: 'Deferral requests of lines in my scope, newest first', querystring: DeferralListQuery, response: withErrors({ 200: DeferralList }) },
    preHandler: app.authorize('deferral:read'),
  }, async (req) => listDeferrals(req.ctx, req.query));

  app.get('/deferrals/:id', {
    schema: { tags, summary: 'One deferral request with the payment history and grade', params: IdParams, response: withErrors({ 200: DeferralDto }) },
    preHandler: app.authorize('deferral:read'),
  }, async (req) => getDeferral(req.ctx, req.params.id));

  app.get('/dunning', {
    schema: {
      tags, summary: 'Overdue lines in my scope with the next dunning step (thank-you → notice → lawyer letter → lawsuit → write-off) and when it falls due; a pure function of asOf and the log; earliest due first, cursor-paged (filters apply before the page is cut)',
      querystring: DunningQuery, response: withErrors({ 200: DunningQueue }),
    },
    preHandler: app.authorize('dunning:read'),
  }, async (req) => dunningQueue(req.ctx, req.query));

  app.post('/dunning/run', {
    schema: {
      tags, summary: 'Run the daily dunning computation as of a day (default today, not in the future; the scheduler runs it each morning): every overdue line whose next step is due gets one to-do for its owner, stale ones are closed; idempotent',
      body: DunningRunBody, response: withErrors({ 200: DunningRunResult }),
    },
    preHandler: app.authorize('dunning:run'),
  }, async (req) => runDunning(req.ctx, req.body));

  app.post('/dunning/:receivableId/steps', {
    schema: {
      tags, summary: 'Log a dunning step on an overdue line (who and when; the rep gets a to-do); write_off is requested by finance and approved by the sales manager',
      params: ReceivableIdParams, body: LogDunningStepBody, response: withErrors({ 201: DunningLogEntryDto }),
    },
    preHandler: app.authorize('dunning:act'),
  }, async (req, reply) => reply.status(201).send(await logDunningStep(req.ctx, req.params.receivableId, req.body)));

  app.get('/dunning/letters/:id.pdf', {
    schema: { tags, summary: "The letter of a logged step (thank-you letter, collection notice, lawyer's letter) printed through the workspace's template", params: IdParams, response: withErrors({ 200: z.any().describe('pdf file') }) },
    preHandler: app.authorize('dunning:read'),
  }, async (req, reply) => {
    const { filename, pdf } = await dunningLetterPdf(req.ctx, req.params.id);
    return reply.type(PDF_TYPE).header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
  });

  app.get('/reports/credit-execution', {
    schema: {
      tags: [...tags, 'reports'], summary: 'Monthly credit-execution audit: shipments on override, customers over their limit and lines past their terms at month end',
      querystring: CreditExecutionQuery, response: withErrors({ 200: CreditExecutionReport }),
    },
    preHandler: app.authorize('report:credit_control'),
  }, async (req) => creditExecutionReport(req.ctx, req.query.month));

  app.get('/reports/deferrals-open', {
    schema: {
      tags: [...tags, 'reports'], summary: 'Deferred payments not cleared (paid or written off) by 31 December of the year',
      querystring: DeferralsOpenQuery, response: withErrors({ 200: DeferralsOpenReport }),
    },
    preHandler: app.authorize('report:credit_control'),
  }, async (req) => deferralsOpenReport(req.ctx, req.query.year));

  app.get('/reports/credit-execution.xlsx', {
    schema: { tags: [...tags, 'reports'], summary: 'The monthly credit-execution audit as Excel (same month and scope): one sheet, a section column', querystring: CreditExecutionQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('report:credit_control'),
  }, async (req, reply) => sendXlsx(req, reply, `credit-execution-${req.query.month}.xlsx`, await creditExecutionXlsx(req.ctx, req.query.month)));

  app.get('/reports/deferrals-open.xlsx', {
    schema: { tags: [...tags, 'reports'], summary: 'Deferred payments not cleared by 31 December as Excel (same year and scope), with the total', querystring: DeferralsOpenQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('report:credit_control'),
  }, async (req, reply) => sendXlsx(req, reply, `deferrals-open-${req.query.year}.xlsx`, await deferralsOpenXlsx(req.ctx, req.query.year)));
};
