import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  CreditDto, CreditHistoryPage, CreditHistoryQuery, CreditProfileListQuery, CreditProfilePage, CreditQuery, ProposeCreditChangeBody,
} from '../../../shared/contracts/credit.contract.js';
import { sendXlsx, withErrors } from '../../platform/http/route-helpers.js';
import { creditProfilesXlsx } from './credit.export.js';
import { auditCreditExport, creditHistory, creditProfilePages, getCredit, listCreditProfiles, proposeCreditChange } from './credit.service.js';

/** Customer credit (客户信用, domain §9, §10): the credit position, change requests with approval, history, and the finance list. */
export const creditRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['credit'];

  app.get('/customers/:id/credit', {
    schema: {
      tags, summary: "A customer's credit: limit, exposure, available (limit − exposure), grade, payment terms, and the change waiting for approval (owner, their managers, finance, GM/VP, CS manager)",
      params: IdParams, querystring: CreditQuery, response: withErrors({ 200: CreditDto }),
    },
    preHandler: app.authorize('credit:read'),
  }, async (req) => getCredit(req.ctx, req.params.id, req.query));

  app.post('/customers/:id/credit/change-requests', {
    schema: {
      tags, summary: "Propose a new credit limit, terms and grade (sales manager or finance); sent for approval (the other side reviews, then the GM from credit.gmApprovalLimit, else the sales VP); applied when approved",
      params: IdParams, body: ProposeCreditChangeBody, response: withErrors({ 201: CreditDto }),
    },
    preHandler: app.authorize('credit:propose'),
  }, async (req, reply) => reply.status(201).send(await proposeCreditChange(req.ctx, req.params.id, req.body)));

  app.get('/customers/:id/credit/history', {
    schema: {
      tags, summary: "The applied changes of a customer's credit profile (before → after, who asked, who approved), newest first, and the requests not applied",
      params: IdParams, querystring: CreditHistoryQuery, response: withErrors({ 200: CreditHistoryPage }),
    },
    preHandler: app.authorize('credit:read'),
  }, async (req) => creditHistory(req.ctx, req.params.id, req.query));

  app.get('/credit-profiles', {
    schema: {
      tags, summary: 'Customers in my scope with their credit position, by name: filters grade, over limit, no profile yet, pending change, owner, team',
      querystring: CreditProfileListQuery, response: withErrors({ 200: CreditProfilePage }),
    },
    preHandler: app.authorize('credit:list'),
  }, async (req) => listCreditProfiles(req.ctx, req.query));

  app.get('/credit-profiles.xlsx', {
    schema: { tags, summary: 'The credit list as Excel, same filters and scope (the export is audited)', querystring: CreditProfileListQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('credit:list'),
  }, async (req, reply) => {
    const { ctx } = req;
    await auditCreditExport(ctx, req.query);
    return sendXlsx(req, reply, 'credit-profiles.xlsx', creditProfilesXlsx(creditProfilePages(ctx, req.query), ctx.locale));
  });
};
