import type { BidViewDto, NoBidResultDto, SaveBidBody } from '../../../shared/contracts/opportunities.contract.js';
import { AppError, conflict, forbidden, type ErrorDetail } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { registerApprovalSubject } from '../../platform/approvals/approvals.registry.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Executor } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import {
  activeUserIds, decideBid, findBid, insertBid, markBidPending, recordNoBidReport, setBidApproval, updateBid, type BidRow,
} from './bids.repository.js';
import { grossMarginPct, isBelowPolicyMargin, noBidRefusal, validateBid } from './bids.rules.js';
import { isEditableStatus } from './initiation-reports.rules.js';
import { closeLockedOpportunity } from './opportunities.service.js';
import {
  assertDocumentWritable, documentDecisionCallbacks, has, requireDocumentOpportunity, requireSubmittable, sendForApproval, stageWindowOf,
  writeDocument, type DocumentAccess,
} from './opportunity-documents.service.js';

/** Approval document type of the bid price; the approval's subject is the opportunity (one bid each). */
export const BID_DOCUMENT = 'bid_price';
/** Loss reason recorded when an opportunity is closed with a no-bid report. */
export const NO_BID_REASON = 'no_bid';

async function minMarginOf(db: Executor, ctx: CommandContext): Promise<string> {
  // percent policies are stored as entered ("20"); show and compare them with two decimals like the margin
  return money.format((await readPolicies(db, ctx.workspace.id))['opportunity.minBidMarginPct']);
}

async function toDto(db: Executor, ctx: CommandContext, access: DocumentAccess, row: BidRow, minMargin?: string): Promise<BidViewDto> {
  const min = minMargin ?? await minMarginOf(db, ctx);
  const window = await stageWindowOf(db, ctx, access.opportunity, 'bid_price');
  const below = isBelowPolicyMargin(row.grossMarginPct, min);
  const mayWrite = access.mayEdit && window === 'ok';
  return {
    id: row.id, opportunityId: row.opportunityId, bidPrice: row.bidPrice, cost: row.cost, grossMarginPct: row.grossMarginPct,
    isBelowPolicyMargin: below, team: row.team, competitorAnalysis: row.competitorAnalysis,
    status: row.status as BidViewDto['status'], approvalId: row.approvalId, noBidReport: row.noBidReport, version: row.version,
    updatedAt: row.updatedAt.toISOString(), decidedAt: row.decidedAt?.toISOString() ?? null, policyMinMarginPct: min,
    canEdit: mayWrite && has(ctx, 'bid:write') && isEditableStatus(row.status),
    canCloseWithNoBid: mayWrite && access.mayManage && has(ctx, 'bid:no_bid') && noBidRefusal(row, min) === null,
  };
}

/** The bid of a visible opportunity with its margin against the policy, or null when none is saved yet. */
export async function getBid(ctx: CommandContext, opportunityId: string): Promise<BidViewDto | null> {
  const access = await requireDocumentOpportunity(ctx.db, ctx, opportunityId);
  const row = await findBid(ctx.db, ctx.workspace.id, opportunityId);
  return row ? toDto(ctx.db, ctx, access, row) : null;
}

/** Bid team members must be active users of this workspace (ids of another workspace are unknown here). */
async function teamProblems(db: Executor, ctx: CommandContext, team: SaveBidBody['team']): Promise<ErrorDetail[]> {
  const ids = [...(team.ownerId ? [team.ownerId] : []), ...team.memberIds];
  const known = await activeUserIds(db, ctx.workspace.id, ids);
  const errors: ErrorDetail[] = [];
  if (team.ownerId && !known.has(team.ownerId)) errors.push({ path: 'team.ownerId', message: 'errors.unknownReference', params: { entity: 'user' } });
  team.memberIds.forEach((id, i) => { if (!known.has(id)) errors.push({ path: `team.memberIds.${i}`, message: 'errors.unknownReference', params: { entity: 'user' } }); });
  return errors;
}

/**
 * Writes the bid (投标) of an opportunity: price, cost, the gross margin computed from them, the bid
 * team and the competitor analysis. Creates a draft, or updates a draft/returned/rejected bid at the
 * version read (it becomes a draft again). The opportunity must be open and not past 招投标.
 */
export async function saveBid(ctx: CommandContext, opportunityId: string, input: SaveBidBody) {
  const errors = validateBid(input);
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', 'errors.validation', { fields: errors.map((e) => e.path) }, errors);
  const margin = grossMarginPct(input.bidPrice, input.cost);
  return ctx.db.transaction(async (tx) => {
    const access = await requireDocumentOpportunity(tx, ctx, opportunityId, { forUpdate: true });
    await assertDocumentWritable(tx, ctx, access, 'bid_price', 'bid:write');
    const teamErrors = await teamProblems(tx, ctx, input.team);
    if (teamErrors.length > 0) throw new AppError('VALIDATION_FAILED', 'errors.validation', { fields: teamErrors.map((e) => e.path) }, teamErrors);
    const fields = { bidPrice: input.bidPrice, cost: input.cost, grossMarginPct: margin, team: input.team, competitorAnalysis: input.competitorAnalysis ?? null };
    const { created, row } = await writeDocument(tx, ctx, {
      entity: 'bid', existing: await findBid(tx, ctx.workspace.id, opportunityId), version: input.version,
      insert: () => insertBid(tx, { ...fields, workspaceId: ctx.workspace.id, opportunityId }),
      update: (existing, expectedVersion) => updateBid(tx, { workspaceId: ctx.workspace.id, id: existing.id, expectedVersion, fields }),
    });
    return { created, bid: await toDto(tx, ctx, access, row) };
  });
}

/**
 * Sends the bid price for approval (§6.2 stage 4): the sales manager, then the GM. A bid below the
 * policy margin (opportunity.minBidMarginPct) is refused: such a project is closed with a no-bid report.
 */
export async function submitBid(ctx: CommandContext, opportunityId: string, input: { version: number }) {
  return ctx.db.transaction(async (tx) => {
    const access = await requireDocumentOpportunity(tx, ctx, opportunityId, { forUpdate: true });
    await assertDocumentWritable(tx, ctx, access, 'bid_price', 'bid:write');
    const existing = requireSubmittable(await findBid(tx, ctx.workspace.id, opportunityId), input.version, 'bid');
    const min = await minMarginOf(tx, ctx);
    if (isBelowPolicyMargin(existing.grossMarginPct, min)) {
      throw new AppError('RULE_VIOLATION', 'errors.bidBelowPolicyMargin', { margin: existing.grossMarginPct, min });
    }
    const { opportunity } = access;
    await sendForApproval(tx, ctx, {
      entity: 'bid', documentType: BID_DOCUMENT, opportunity, existing, version: input.version,
      claim: (expectedVersion) => markBidPending(tx, { workspaceId: ctx.workspace.id, id: existing.id, expectedVersion, submittedBy: ctx.actor.id }),
      request: (b) => ({
        title: `投标价格：${opportunity.name}（${opportunity.number}）${b.bidPrice}`,
        snapshot: {
          opportunityId, opportunityName: opportunity.name, opportunityNumber: opportunity.number,
          bidPrice: b.bidPrice, cost: b.cost, grossMarginPct: b.grossMarginPct, minMarginPct: min, team: b.team, competitorAnalysis: b.competitorAnalysis,
        },
      }),
      link: (id, approvalId) => setBidApproval(tx, ctx.workspace.id, id, approvalId),
    });
    const row = (await findBid(tx, ctx.workspace.id, opportunityId))!;
    return toDto(tx, ctx, access, row, min);
  });
}

/**
 * Closes the opportunity with a no-bid report (不投标报告, §6.2 stage 4): allowed only when the saved
 * bid's margin is below the policy margin. Stores the report on the bid and closes the opportunity as
 * lost (reason no_bid, the report as its stage summary) with a stage-history row, in one transaction.
 * `version` is the opportunity's.
 */
export async function closeWithNoBid(ctx: CommandContext, opportunityId: string, input: { version: number; report: string }): Promise<NoBidResultDto> {
  return ctx.db.transaction(async (tx) => {
    const access = await requireDocumentOpportunity(tx, ctx, opportunityId, { forUpdate: true });
    await assertDocumentWritable(tx, ctx, access, 'bid_price', 'bid:no_bid');
    // closing is an owner-side decision, as for any close: a collaborator cannot close the deal
    if (!access.mayManage) throw forbidden();
    const { opportunity } = access;
    if (opportunity.version !== input.version) throw conflict();
    const bid = await findBid(tx, ctx.workspace.id, opportunityId);
    const min = await minMarginOf(tx, ctx);
    const refusal = noBidRefusal(bid, min);
    if (refusal === 'no_bid_saved') throw new AppError('RULE_VIOLATION', 'errors.noBidNeedsBid');
    if (refusal === 'bid_in_approval') throw new AppError('RULE_VIOLATION', 'errors.noBidInApproval');
    if (refusal === 'margin_not_below_policy') throw new AppError('RULE_VIOLATION', 'errors.noBidMarginNotBelow', { margin: bid!.grossMarginPct, min });

    const closed = await closeLockedOpportunity(tx, ctx, opportunity, {
      outcome: 'lost', reason: NO_BID_REASON, summary: input.report,
      ...(opportunity.ownerId !== ctx.actor.id ? {
        notify: { userIds: [opportunity.ownerId], kind: 'opportunity_no_bid', params: { opportunity: opportunity.name, by: ctx.actor.name }, link: `/opportunities/${opportunityId}` },
      } : {}),
    });
    const updatedBid = await recordNoBidReport(tx, ctx.workspace.id, bid!.id, input.report);
    await appendAudit(tx, ctx, { entity: 'bid', entityId: bid!.id, action: 'no_bid', before: { noBidReport: bid!.noBidReport }, after: { noBidReport: input.report, grossMarginPct: bid!.grossMarginPct, minMarginPct: min } });
    const closedAccess: DocumentAccess = { ...access, opportunity: { ...opportunity, status: closed.status, version: closed.version } };
    return {
      bid: await toDto(tx, ctx, closedAccess, updatedBid, min),
      opportunity: { id: closed.id, status: closed.status as 'lost', closeReason: closed.closeReason, closedOn: closed.closedOn, version: closed.version },
    };
  });
}

registerApprovalSubject(BID_DOCUMENT, {
  defaultFlow: {
    name: '投标价格审批',
    steps: [
      { label: '销售经理审批', approver: { role: 'sales_manager' } },
      { label: '总经理审批', approver: { role: 'gm' } },
    ],
  },
  link: (opportunityId) => `/opportunities/${opportunityId}`,
  ...documentDecisionCallbacks('bid', decideBid),
});
