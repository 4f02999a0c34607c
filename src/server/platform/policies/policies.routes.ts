import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PoliciesDto, UpdatePoliciesBody, UpdatePoliciesResponse } from '../../../shared/contracts/policies.contract.js';
import { withErrors } from '../http/route-helpers.js';
import { getPolicies, updatePolicies } from './policies.service.js';

export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/settings/policies', {
    schema: { tags: ['settings'], summary: 'Policy values with units and labels', response: withErrors({ 200: PoliciesDto }) },
    preHandler: app.authorize('policy:read'),
  }, async (req) => getPolicies(req.ctx.db, req.ctx.workspace.id, req.ctx.locale));

  app.patch('/settings/policies', {
    schema: {
      tags: ['settings'], summary: 'Change policies; a money threshold change waits for the GM (202)',
      body: UpdatePoliciesBody, response: withErrors({ 200: UpdatePoliciesResponse, 202: UpdatePoliciesResponse }),
    },
    preHandler: app.authorize('policy:update'),
  }, async (req, reply) => {
    const result = await updatePolicies(req.ctx, req.body);
    return reply.status(result.status === 'applied' ? 200 : 202).send(result);
  });
};
