import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EmptyBody, IdParams, NoContent } from '../../../shared/contracts/common.contract.js';
import {
  CreateSavedViewBody, SavedViewDto, SavedViewList, SavedViewListQuery, UpdateSavedViewBody,
} from '../../../shared/contracts/saved-views.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from './saved-views.service.js';

/** Saved views of the lists: personal ones for their owner, shared ones for the workspace. */
export const savedViewRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['saved-views'];

  app.get('/saved-views', {
    schema: { tags, summary: 'My views and the shared views of a list, by name', querystring: SavedViewListQuery, response: withErrors({ 200: SavedViewList }) },
    preHandler: app.authorize('saved_view:use'),
  }, async (req) => listSavedViews(req.ctx, req.query.entity));

  app.post('/saved-views', {
    schema: { tags, summary: 'Save the current filters of a list as a view (names are unique per person and list)', body: CreateSavedViewBody, response: withErrors({ 201: SavedViewDto }) },
    preHandler: app.authorize('saved_view:use'),
  }, async (req, reply) => reply.status(201).send(await createSavedView(req.ctx, req.body)));

  app.patch('/saved-views/:id', {
    schema: { tags, summary: 'Rename, share or change a view (its creator; an administrator for shared views)', params: IdParams, body: UpdateSavedViewBody, response: withErrors({ 200: SavedViewDto }) },
    preHandler: app.authorize('saved_view:use'),
  }, async (req) => updateSavedView(req.ctx, req.params.id, req.body));

  app.delete('/saved-views/:id', {
    schema: { tags, summary: 'Delete a view (its creator; an administrator for shared views)', params: IdParams, body: EmptyBody, response: withErrors({ 204: NoContent }) },
    preHandler: app.authorize('saved_view:use'),
  }, async (req, reply) => {
    await deleteSavedView(req.ctx, req.params.id);
    return reply.status(204).send(null);
  });
};
