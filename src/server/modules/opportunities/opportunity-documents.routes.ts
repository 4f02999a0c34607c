import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  BidViewDto, InitiationReportViewDto, NoBidBody, NoBidResultDto, SaveBidBody, SaveInitiationReportBody, SubmitDocumentBody,
} from '../../../shared/contracts/opportunities.contract.js';
import { registerGrants } from '../../platform/authz/permissions.js';
import type { CommandContext } from '../../platform/http/context.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { closeWithNoBid, getBid, saveBid, submitBid } from './bids.service.js';
import { getInitiationReport, saveInitiationReport, submitInitiationReport } from './initiation-reports.service.js';
import { opportunityDocumentMessages } from './opportunity-documents.messages.js';
import { opportunityDocumentGrants, type OpportunityDocumentPermission } from './opportunity-documents.permissions.js';

registerGrants(opportunityDocumentGrants);
registerMessages(opportunityDocumentMessages);

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

/** One approval document of an opportunity at `/opportunities/:id/<segment>`: read, save while editable, submit for approval. */
interface ApprovalDocumentRoutes<TDto extends z.ZodType, TSave extends z.ZodType> {
  segment: string;
  dto: TDto;
  saveBody: TSave;
  readPermission: OpportunityDocumentPermission;
  writePermission: OpportunityDocumentPermission;
  summaries: { get: string; put: string; submit: string };
  get: (ctx: CommandContext, opportunityId: string) => Promise<z.output<TDto> | null>;
  /** `created` answers 201, otherwise 200 */
  save: (ctx: CommandContext, opportunityId: string, body: z.output<TSave>) => Promise<{ created: boolean; document: z.output<TDto> }>;
  submit: (ctx: CommandContext, opportunityId: string, body: z.output<typeof SubmitDocumentBody>) => Promise<z.output<TDto>>;
}

/** Registers GET and PUT `/opportunities/:id/<segment>` and POST `…/<segment>/submit` for one document kind. */
function registerApprovalDocumentRoutes<TDto extends z.ZodType, TSave extends z.ZodType>(app: ZodApp, tags: string[], doc: ApprovalDocumentRoutes<TDto, TSave>) {
  const path = `/opportunities/:id/${doc.segment}`;
  // the generics type-check each document's service functions at the call site; the schemas are plain zod here
  const dto: z.ZodType = doc.dto;
  const saveBody: z.ZodType = doc.saveBody;
  app.get(path, {
    schema: { tags, summary: doc.summaries.get, params: IdParams, response: withErrors({ 200: dto.nullable() }) },
    preHandler: app.authorize(doc.readPermission),
  }, async (req) => doc.get(req.ctx, req.params.id));

  app.put(path, {
    schema: { tags, summary: doc.summaries.put, params: IdParams, body: saveBody, response: withErrors({ 200: dto, 201: dto }) },
    preHandler: app.authorize(doc.writePermission),
  }, async (req, reply) => {
    const result = await doc.save(req.ctx, req.params.id, req.body as z.output<TSave>);
    return reply.status(result.created ? 201 : 200).send(result.document);
  });

  app.post(`${path}/submit`, {
    schema: { tags, summary: doc.summaries.submit, params: IdParams, body: SubmitDocumentBody, response: withErrors({ 200: dto }) },
    preHandler: app.authorize(doc.writePermission),
  }, async (req) => doc.submit(req.ctx, req.params.id, req.body));
}

/**
 * The approval documents of the big-account pipeline (§6.2): the initiation report (立项报告) that
 * must be approved before leaving 立项, the bid (投标) whose price must be approved before leaving
 * 招投标, and the no-bid close for a bid below the policy margin. Approvers decide through /approvals.
 */
export const opportunityDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['opportunities'];

  registerApprovalDocumentRoutes(app, tags, {
    segment: 'initiation-report', dto: InitiationReportViewDto, saveBody: SaveInitiationReportBody,
    readPermission: 'initiation_report:read', writePermission: 'initiation_report:write',
    summaries: {
      get: 'The initiation report (立项报告) of an opportunity, or null when none is written yet',
      put: 'Create (201) or update (200, send the version you read) the initiation report while draft, returned or rejected; the opportunity must be open and not past 立项',
      submit: 'Send the initiation report for approval: the requester’s supervisor, the sales manager, and the GM from policy opportunity.initiationGmThreshold up',
    },
    get: getInitiationReport,
    save: async (ctx, id, body) => { const { created, report } = await saveInitiationReport(ctx, id, body); return { created, document: report }; },
    submit: submitInitiationReport,
  });

  registerApprovalDocumentRoutes(app, tags, {
    segment: 'bid', dto: BidViewDto, saveBody: SaveBidBody,
    readPermission: 'bid:read', writePermission: 'bid:write',
    summaries: {
      get: 'The bid (投标) of an opportunity with its gross margin against the policy margin, or null when none is saved yet',
      put: 'Create (201) or update (200, send the version you read) the bid; gross margin % = (price − cost) / price × 100, half-up to 2 places',
      submit: 'Send the bid price for approval (sales manager, then GM); below policy opportunity.minBidMarginPct → 422: close with a no-bid report',
    },
    get: getBid,
    save: async (ctx, id, body) => { const { created, bid } = await saveBid(ctx, id, body); return { created, document: bid }; },
    submit: submitBid,
  });

  app.post('/opportunities/:id/no-bid', {
    schema: {
      tags, summary: 'Close the opportunity as lost (reason no_bid) with a no-bid report; only when the saved bid is below the policy margin. `version` is the opportunity’s',
      params: IdParams, body: NoBidBody, response: withErrors({ 200: NoBidResultDto }),
    },
    preHandler: app.authorize('bid:no_bid'),
  }, async (req) => closeWithNoBid(req.ctx, req.params.id, req.body));
};
