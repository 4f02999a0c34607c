import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchQuery, SearchResult } from '../../../shared/contracts/search.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { search } from './search.service.js';

/** One search box across customers, contacts and leads. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/search', {
    schema: {
      tags: ['search'], summary: 'Find customers, contacts and leads I may see by name, pinyin initials (bjkj), full pinyin, phone fragment (≥ 4 digits) or credit code',
      querystring: SearchQuery, response: withErrors({ 200: SearchResult }),
    },
    preHandler: app.authorize('search'),
  }, async (req) => search(req.ctx, req.query));
};
