import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApprovalDto, ApprovalFlowDto, ApprovalListQuery, ApprovalPage, ApproveBody, RejectBody, UpdateApprovalFlowBody,
} from '../../../shared/contracts/approvals.contract.js';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import { withErrors } from '../http/route-helpers.js';
import { registeredDocumentTypes } from './approvals.registry.js';
import { decideApproval, getApproval, listApprovals, listFlows, updateFlow } from './approvals.service.js';

export const approvalRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['approvals'];
  app.get('/approvals', {
    schema: { tags, summary: 'Approvals; `assignee=me&status=pending` is the to-do inbox', querystring: ApprovalListQuery, response: withErrors({ 200: ApprovalPage }) },
    preHandler: app.authorize('approval:read'),
  }, async (req) => listApprovals(req.ctx, req.query));

  app.get('/approvals/:id', {
    schema: { tags, summary: 'One approval with its frozen steps and snapshot', params: IdParams, response: withErrors({ 200: ApprovalDto }) },
    preHandler: app.authorize('approval:read'),
  }, async (req) => getApproval(req.ctx, req.params.id));

  app.post('/approvals/:id/approve', {
    schema: { tags, summary: 'Approve the current step', params: IdParams, body: ApproveBody, response: withErrors({ 200: ApprovalDto }) },
    preHandler: app.authorize('approval:decide'),
  }, async (req) => decideApproval(req.ctx, req.params.id, 'approve', req.body.comment ?? null));

  app.post('/approvals/:id/reject', {
    schema: { tags, summary: 'Reject (reason required)', params: IdParams, body: RejectBody, response: withErrors({ 200: ApprovalDto }) },
    preHandler: app.authorize('approval:decide'),
  }, async (req) => decideApproval(req.ctx, req.params.id, 'reject', req.body.reason));

  app.post('/approvals/:id/return', {
    schema: { tags, summary: 'Return for change (reason required)', params: IdParams, body: RejectBody, response: withErrors({ 200: ApprovalDto }) },
    preHandler: app.authorize('approval:decide'),
  }, async (req) => decideApproval(req.ctx, req.params.id, 'return', req.body.reason));

  app.get('/approval-flows', {
    schema: { tags, summary: 'Approval flows per document type', response: withErrors({ 200: z.object({ items: z.array(ApprovalFlowDto) }) }) },
    preHandler: app.authorize('approval:read'),
  }, async (req) => ({ items: await listFlows(req.ctx, registeredDocumentTypes()) }));

  app.put('/approval-flows/:documentType', {
    schema: {
      tags, summary: 'Replace the steps of a flow (future submissions only)',
      params: z.strictObject({ documentType: z.string().max(64).meta({ example: 'policy_change' }) }),
      body: UpdateApprovalFlowBody, response: withErrors({ 200: ApprovalFlowDto }),
    },
    preHandler: app.authorize('approval-flow:manage'),
  }, async (req) => updateFlow(req.ctx, req.params.documentType, req.body));
};
