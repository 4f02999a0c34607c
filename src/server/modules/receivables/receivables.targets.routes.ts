import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CollectionTargetPeriodParams, CollectionTargetQuery, CollectionTargetsDto, SetCollectionTargetsBody,
} from '../../../shared/contracts/collection-targets.contract.js';
import { sendXlsx, withErrors } from '../../platform/http/route-helpers.js';
import { collectionTargetsXlsx, getCollectionTargets, setCollectionTargets } from './receivables.targets.service.js';

/** Collection targets per rep and month (回款目标, domain §11.2): proposal from the contracts' lines, target, collected, attainment. */
export const collectionTargetRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['receivables'];
  app.get('/collection-targets', {
    schema: {
      tags, summary: "Collection targets of a month per rep or team in my scope (a rep: own row): proposal from the rep's receivable lines due by month end (as the month began), target, collected in the month, attainment, totals",
      querystring: CollectionTargetQuery, response: withErrors({ 200: CollectionTargetsDto }),
    },
    preHandler: app.authorize('collection-target:read'),
  }, async (req) => getCollectionTargets(req.ctx, req.query));

  app.get('/collection-targets.xlsx', {
    schema: { tags, summary: 'The collection-target table of a month as Excel (same grouping and scope)', querystring: CollectionTargetQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('collection-target:read'),
  }, async (req, reply) => {
    const { filename, file } = await collectionTargetsXlsx(req.ctx, req.query);
    return sendXlsx(req, reply, filename, file);
  });

  app.put('/collection-targets/:period', {
    schema: {
      tags, summary: 'Set the collection targets of a month for reps in my scope (not my own), in one transaction; changing a target needs its version; audited',
      params: CollectionTargetPeriodParams, body: SetCollectionTargetsBody, response: withErrors({ 200: CollectionTargetsDto }),
    },
    preHandler: app.authorize('collection-target:set'),
  }, async (req) => setCollectionTargets(req.ctx, req.params.period, req.body));
};
