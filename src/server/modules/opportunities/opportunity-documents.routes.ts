import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  BidViewDto, InitiationReportViewDto, NoBidBody, NoBidResultDto, SaveBidBody, SaveInitiationReportBody, SubmitDocumentBody,
} from '../../../shared/contracts/opportunities.contract.js';
import { registerGrants } from '../../platform/authz/permissions.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { closeWithNoBid, getBid, saveBid, submitBid } from './bids.service.js';
import { getInitiationReport, saveInitiationReport, submitInitiationReport } from './initiation-reports.service.js';
import { opportunityDocumentMessages } from './opportunity-documents.messages.js';
import { opportunityDocumentGrants } from './opportunity-documents.permissions.js';

registerGrants(opportunityDocumentGrants);
registerMessages(opportunityDocumentMessages);

/**
 * The approval documents of the big-account pipeline (§6.2): the initiation report (立项报告) that
 * must be approved before leaving 立项, the bid (投标) whose price must be approved before leaving
 * 招投标, and the no-bid close for a bid below the policy margin. Approvers decide through /approvals.
 */
export const opportunityDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['opportunities'];

  app.get('/opportunities/:id/initiation-report', {
    schema: { tags, summary: 'The initiation report (立项报告) of an opportunity, or null when none is written yet', params: IdParams, response: withErrors({ 200: InitiationReportViewDto.nullable() }) },
    preHandler: app.authorize('initiation_report:read'),
  }, async (req) => getInitiationReport(req.ctx, req.params.id));

  app.put('/opportunities/:id/initiation-report', {
    schema: {
      tags, summary: 'Create (201) or update (200, send the version you read) the initiation report while draft, returned or rejected; the opportunity must be open and not past 立项',
      params: IdParams, body: SaveInitiationReportBody, response: withErrors({ 200: InitiationReportViewDto, 201: InitiationReportViewDto }),
    },
    preHandler: app.authorize('initiation_report:write'),
  }, async (req, reply) => {
    const result = await saveInitiationReport(req.ctx, req.params.id, req.body);
    return reply.status(result.created ? 201 : 200).send(result.report);
  });

  app.post('/opportunities/:id/initiation-report/submit', {
    schema: {
      tags, summary: 'Send the initiation report for approval: the requester’s supervisor, the sales manager, and the GM from policy opportunity.initiationGmThreshold up',
      params: IdParams, body: SubmitDocumentBody, response: withErrors({ 200: InitiationReportViewDto }),
    },
    preHandler: app.authorize('initiation_report:write'),
  }, async (req) => submitInitiationReport(req.ctx, req.params.id, req.body));

  app.get('/opportunities/:id/bid', {
    schema: { tags, summary: 'The bid (投标) of an opportunity with its gross margin against the policy margin, or null when none is saved yet', params: IdParams, response: withErrors({ 200: BidViewDto.nullable() }) },
    preHandler: app.authorize('bid:read'),
  }, async (req) => getBid(req.ctx, req.params.id));

  app.put('/opportunities/:id/bid', {
    schema: {
      tags, summary: 'Create (201) or update (200, send the version you read) the bid; gross margin % = (price − cost) / price × 100, half-up to 2 places',
      params: IdParams, body: SaveBidBody, response: withErrors({ 200: BidViewDto, 201: BidViewDto }),
    },
    preHandler: app.authorize('bid:write'),
  }, async (req, reply) => {
    const result = await saveBid(req.ctx, req.params.id, req.body);
    return reply.status(result.created ? 201 : 200).send(result.bid);
  });

  app.post('/opportunities/:id/bid/submit', {
    schema: {
      tags, summary: 'Send the bid price for approval (sales manager, then GM); below policy opportunity.minBidMarginPct → 422: close with a no-bid report',
      params: IdParams, body: SubmitDocumentBody, response: withErrors({ 200: BidViewDto }),
    },
    preHandler: app.authorize('bid:write'),
  }, async (req) => submitBid(req.ctx, req.params.id, req.body));

  app.post('/opportunities/:id/no-bid', {
    schema: {
      tags, summary: 'Close the opportunity as lost (reason no_bid) with a no-bid report; only when the saved bid is below the policy margin. `version` is the opportunity’s',
      params: IdParams, body: NoBidBody, response: withErrors({ 200: NoBidResultDto }),
    },
    preHandler: app.authorize('bid:no_bid'),
  }, async (req) => closeWithNoBid(req.ctx, req.params.id, req.body));
};
