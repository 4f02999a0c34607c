import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ReceivableListQuery, ReceivablePage } from '../../../shared/contracts/receivables.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { listReceivables } from './receivables.service.js';

/** Receivables (应收款): the schedule lines created when contracts are signed. */
export const receivableRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['receivables'];
  app.get('/receivables', {
    schema: { tags, summary: 'Receivable lines in my data scope, by customer, contract and status, earliest due first, cursor-paged', querystring: ReceivableListQuery, response: withErrors({ 200: ReceivablePage }) },
    preHandler: app.authorize('receivable:read'),
  }, async (req) => listReceivables(req.ctx, req.query));
};
